"""Translators' quality checks on a ``compare`` result, in one vocabulary shared with ``transdiff check``.

Checks (``--checks a,b,...``):

- ``omission``: omissions, additions and partial renderings (the coverage findings of compare);
- ``numbers`` / ``dates`` / ``names``: mismatch findings of kind number / date / name;
- ``untranslated``: a target clause identical to its aligned source, or left in the source's script
  (Chinese characters in the English version, English words in the Chinese version). Reported as type
  ``mismatch`` with ``detail.kind == "untranslated"`` (the finding types are fixed);
- ``punctuation``: an aligned sentence pair whose sentence-final marks (。？！ / . ? !) differ in kind,
  type ``mismatch`` with ``detail.kind == "punctuation"``; off by default (hard-wrapped and list text
  makes it noisy);
- ``terms``: term consistency, a document-level list (not findings), see ``term_consistency`` and
  the "Term consistency" section of docs/formats.md.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from ..errors import InputError
from .punctuation import SENTENCE_MARKS, end_mark, mark_name
from .terms import TermPair, render_terms_text, term_consistency_pairs
from ..represent.chinese import is_han
from ..represent.glossary import Glossary, load_glossary
from ..types import Document, Finding, Result, Segment

CHECKS: tuple[str, ...] = ("omission", "numbers", "dates", "names", "untranslated", "terms", "punctuation")
DEFAULT_COMPARE_CHECKS: tuple[str, ...] = ("omission", "numbers", "dates", "names", "untranslated", "terms")
_MISMATCH_CHECK = {"number": "numbers", "date": "dates", "name": "names", "untranslated": "untranslated",
                   "punctuation": "punctuation"}
# Identical text is untranslated when it holds Chinese or a lower-case word; codes, numbers and
# acronyms (217A, UNESCO) are legitimately the same in both languages.
_TRANSLATABLE = re.compile("[\u3400-\u9fff\uf900-\ufaff]|[a-z]{3}")
_LATIN = re.compile("[A-Za-z]")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def parse_checks(value: Optional[str | Iterable[str]], *, allowed: Sequence[str] = CHECKS,
                 default: Optional[Sequence[str]] = None) -> tuple[str, ...]:
    """Checks named in ``value`` ("numbers,dates" or a list) in canonical order.

    None gives ``default`` (``allowed`` when no default); "all" or "any" gives every allowed check.
    """
    if value is None:
        return tuple(default if default is not None else allowed)
    names = [v.strip() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    if not names or "all" in names or "any" in names:
        return tuple(allowed)
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise InputError(f"unknown check(s) {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return tuple(c for c in allowed if c in names)


def check_of(finding: Finding) -> Optional[str]:
    """The check a finding belongs to; None for a mismatch kind no check knows (never filtered out)."""
    if finding.type in ("omission", "addition", "partial"):
        return "omission"
    return _MISMATCH_CHECK.get(str((finding.detail or {}).get("kind")))


def filter_findings(findings: Iterable[Finding], checks: Iterable[str]) -> list[Finding]:
    """The findings whose check is among ``checks`` (findings of an unknown kind are kept)."""
    wanted = set(checks)
    return [f for f in findings if (c := check_of(f)) is None or c in wanted]


# ------------------------------------------------------------------------------------------ sentence pairs
@dataclass
class SentencePair:
    """Segments of the result's alignment that make up one sentence bead (clause beads regrouped)."""

    source: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    beads: list[int] = field(default_factory=list)


def sentence_pairs(result: Result) -> list[SentencePair]:
    """Sentence-level pairs of the result, in source order.

    At clause level the clause beads were aligned inside sentence beads, so clause beads that share
    an enclosing sentence on either side belong to one pair (connected components over parents).
    """
    al = result.alignment
    if result.level != "clause":
        return [SentencePair(list(b.source), list(b.target), [k]) for k, b in enumerate(al.beads)]
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def sentence_of(side: str, seg: Segment) -> tuple[str, int]:
        return (side, seg.parent if seg.parent is not None else -1 - seg.index)

    bead_node: list[tuple[str, int]] = []
    for k, bead in enumerate(al.beads):
        nodes = [sentence_of("s", al.source[i]) for i in bead.source] + \
                [sentence_of("t", al.target[j]) for j in bead.target]
        for node in nodes[1:]:
            a, b = find(nodes[0]), find(node)
            if a != b:
                parent[b] = a
        bead_node.append(nodes[0])
    groups: dict[tuple[str, int], SentencePair] = {}
    for k, bead in enumerate(al.beads):
        pair = groups.setdefault(find(bead_node[k]), SentencePair())
        pair.source.extend(bead.source)
        pair.target.extend(bead.target)
        pair.beads.append(k)
    out = list(groups.values())
    for p in out:
        p.source.sort()
        p.target.sort()
    return out


def _span(segments: Sequence[Segment], ids: Sequence[int]) -> Optional[tuple[int, int]]:
    return (segments[ids[0]].start, segments[ids[-1]].end) if ids else None


def _lines(doc: Document, span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    return None if span is None else (doc.line_of(span[0]), doc.line_of(max(span[0], span[1] - 1)))


def _finding(result: Result, source_ids: Sequence[int], target_ids: Sequence[int], bead: int, kind: str,
             confidence: float, message: str, **detail) -> Finding:
    al = result.alignment
    s_span, t_span = _span(al.source, source_ids), _span(al.target, target_ids)
    return Finding(
        type="mismatch", confidence=confidence,
        source_text=None if s_span is None else result.source.text[s_span[0]:s_span[1]],
        target_text=None if t_span is None else result.target.text[t_span[0]:t_span[1]],
        source_span=s_span, target_span=t_span,
        source_lines=_lines(result.source, s_span), target_lines=_lines(result.target, t_span),
        message=message, detail={"kind": kind, **detail}, bead=bead)


# ------------------------------------------------------------------------------------------ untranslated
def _flat(text: str) -> str:
    return " ".join(text.split())


def foreign_share(text: str, lang: str) -> float:
    """Share of the letters of a ``lang`` text that are in the other language's script."""
    han = sum(1 for ch in text if is_han(ch))
    latin = len(_LATIN.findall(text))
    if lang == "en":
        return han / (han + latin) if han >= 2 else 0.0
    # a Chinese text keeps acronyms, codes and names in Latin letters: count only running lower-case words
    return latin / (han + latin) if len(_LOWER_WORD.findall(text)) >= 3 else 0.0


def untranslated_findings(result: Result, min_confidence: float = 0.0) -> list[Finding]:
    """Target clauses copied from the source, or mostly written in the source's script."""
    al, out = result.alignment, []
    other = "Chinese" if result.target.lang == "en" else "English"
    for k, bead in enumerate(al.beads):
        if not bead.target:
            continue
        if bead.source:
            src = _flat(" ".join(al.source[i].text for i in bead.source))
            tgt = _flat(" ".join(al.target[j].text for j in bead.target))
            if src == tgt and _TRANSLATABLE.search(src):
                out.append(_finding(result, bead.source, bead.target, k, "untranslated", 0.95,
                                    "the target is the same as the source", reason="same as source"))
                continue
        flagged = [j for j in bead.target if foreign_share(al.target[j].text, result.target.lang) >= 0.5]
        if flagged:
            share = max(foreign_share(al.target[j].text, result.target.lang) for j in flagged)
            out.append(_finding(result, bead.source, flagged, k, "untranslated", 0.95 if share >= 0.8 else 0.8,
                                f"{other} text left untranslated in the target", reason=f"{other} text",
                                foreign_share=round(share, 4)))
    return [f for f in out if f.confidence >= min_confidence]


def punctuation_findings(result: Result, min_confidence: float = 0.0) -> list[Finding]:
    """Aligned sentence pairs whose final marks differ in kind (one side 。 and the other ?, or none)."""
    al, out = result.alignment, []
    for pair in sentence_pairs(result):
        if not pair.source or not pair.target:
            continue
        src, tgt = end_mark(al.source[pair.source[-1]].text), end_mark(al.target[pair.target[-1]].text)
        if src == tgt or not ({src, tgt} & set(SENTENCE_MARKS)):
            continue
        out.append(_finding(result, pair.source, pair.target, pair.beads[-1], "punctuation", 0.6,
                            f"end punctuation differs: source ends with {mark_name(src)}, "
                            f"target with {mark_name(tgt)}", source_end=src, target_end=tgt))
    return [f for f in out if f.confidence >= min_confidence]


def apply_checks(result: Result, checks: Optional[str | Iterable[str]] = None) -> Result:
    """The result with only the findings of ``checks`` (default DEFAULT_COMPARE_CHECKS), plus the
    findings of the checks compare itself does not run (untranslated, punctuation)."""
    wanted = parse_checks(checks, default=DEFAULT_COMPARE_CHECKS)
    min_conf = float(result.signature.get("min_confidence", 0.5))
    findings = filter_findings(result.findings, wanted)
    if "untranslated" in wanted:
        findings += untranslated_findings(result, min_conf)
    if "punctuation" in wanted:
        findings += punctuation_findings(result, min_conf)
    findings.sort(key=lambda f: (-f.confidence, (f.source_span or f.target_span or (0, 0))[0]))
    return dataclasses.replace(result, findings=findings, signature={**result.signature, "checks": list(wanted)})


# ------------------------------------------------------------------------------------------ term consistency

def term_consistency(result: Result, *, glossary: Optional[Glossary] = None,
                     min_confidence: Optional[float] = None, include_variants: bool = False) -> list[dict]:
    """Chinese terms (occurring >= 2 times) rendered in different ways across the document.

    Each occurrence is looked up in the aligned English sentence; see ``qa_terms`` for the rule on
    what counts as a different rendering and docs/formats.md for the output.
    """
    zh_is_source = result.source.lang == "zh"
    zh_doc, en_doc = (result.source, result.target) if zh_is_source else (result.target, result.source)
    al = result.alignment
    zh_segs, en_segs = (al.source, al.target) if zh_is_source else (al.target, al.source)
    pairs = []
    for p in sentence_pairs(result):
        zh_ids, en_ids = (p.source, p.target) if zh_is_source else (p.target, p.source)
        if zh_ids and en_ids:
            pairs.append(TermPair(
                [(zh_doc.lookup[zh_segs[i].nstart:zh_segs[i].nend], zh_segs[i].nstart) for i in zh_ids],
                [(en_doc.norm[en_segs[j].nstart:en_segs[j].nend], en_segs[j].nstart) for j in en_ids],
                _line_locator(zh_doc), _line_locator(en_doc)))
    threshold = float(result.signature.get("min_confidence", 0.5)) if min_confidence is None else min_confidence
    return term_consistency_pairs(pairs, glossary or load_glossary(), min_confidence=threshold,
                                  include_variants=include_variants)


def _line_locator(doc: Document) -> Callable[[int], int]:
    return lambda norm_offset: doc.line_of(doc.norm_to_text[norm_offset])


__all__ = ["CHECKS", "DEFAULT_COMPARE_CHECKS", "SentencePair", "TermPair", "apply_checks", "check_of",
           "filter_findings", "foreign_share", "parse_checks", "punctuation_findings", "render_terms_text",
           "sentence_pairs", "term_consistency", "term_consistency_pairs", "untranslated_findings"]
