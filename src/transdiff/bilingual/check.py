"""`transdiff check`: quality checks of the translation units of an XLIFF or TMX file.

Every unit is an already-aligned pair, so nothing is aligned here: each unit becomes one sentence
bead of a one-unit ``Hierarchy`` and goes through the same ``FindingBuilder`` as ``transdiff compare``
(clause coverage for omissions and additions). The rates that weigh the evidence (how well translated
text is covered, what the learned lexicon adds, how literal the translation is) are estimated over the
whole file, as compare does over the whole document, and the same calibration turns them into a
confidence. Checks:

- ``untranslated``: the target is empty or the same as the source.
- ``omission``: a clause of the source whose content words have no counterpart in the target
  (type "partial"), or a clause of the target with nothing in the source (type "addition").
- ``numbers`` / ``dates``: numbers, percentages and ordinals / years and dates on one side only.
- ``names``: acronyms written in one side (SCO, WHO) that the other side neither writes nor renders.
- ``punctuation``: the source ends a sentence with 。？！ (. ? !) and the target does not end with the
  same kind of mark, or the other way round.
- ``terms``: one Chinese term rendered in different ways across the units (``transdiff.checks.terms``);
  a file-level list in ``CheckReport.terms``, not findings.

The check names are the vocabulary ``transdiff compare --checks`` uses too (``transdiff.checks.CHECKS``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence

from ..align import Hierarchy, align_features, clauses_within
from . import BilingualFile, TranslationUnit, read_bilingual
from ..compare import DEFAULT_MIN_CONFIDENCE, FindingBuilder, Settings
from ..compare.confidence import LengthEvidence
from ..compare.finding_gloss import gloss_findings
from ..errors import InputError
from ..compare.gaps import linked_shares
from ..compare.wordrates import WordRates
from ..compare.links import link_pairs
from ..represent import Features, Representer
from ..represent.learned import augment
from ..represent.glossary import Glossary
from ..checks import CHECKS
from ..checks.mismatch import AlignedPair, pair_mismatches
from ..checks import parse_checks as _parse_shared
from ..checks.punctuation import end_mark, mark_name, marks_differ
from ..checks.terms import TermPair, term_consistency_pairs
from ..checks.untranslated import TRANSLATABLE, flat_text
from ..segment import segment
from ..types import Alignment, Bead, Document, Segment

# A unit of up to this many sentences a side is one sentence bead (a segment of a few sentences is one
# translation unit); a longer one has its sentences aligned first.
ONE_BEAD_SENTENCES = 12

# Findings of one unit are listed in this order.
_UNIT_ORDER: tuple[str, ...] = ("untranslated", "omission", "numbers", "dates", "names", "punctuation", "terms")


@dataclass
class CheckFinding:
    unit: str                  # the unit's id as written in the file
    check: str                 # one of CHECKS
    type: str                  # untranslated | partial | addition | number | date | punctuation
    message: str
    source_text: str
    target_text: str
    confidence: float = 1.0
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class CheckReport:
    path: Optional[str]
    format: str
    source_lang: str
    target_lang: str
    units: int
    checks: tuple[str, ...]
    findings: list[CheckFinding]
    terms: list[dict[str, Any]] = field(default_factory=list)   # term consistency, when checked

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(self.checks, 0)
        for f in self.findings:
            out[f.check] = out.get(f.check, 0) + 1
        if "terms" in out:
            out["terms"] = len(self.terms)
        return out


# ------------------------------------------------------------------------------------------ simple checks
def untranslated(unit: TranslationUnit) -> Optional[CheckFinding]:
    if not unit.target.strip():
        why = "the unit has no target" if not unit.has_target else "the target is empty"
        return CheckFinding(unit.id, "untranslated", "untranslated", why, unit.source, unit.target)
    if flat_text(unit.source) == flat_text(unit.target) and TRANSLATABLE.search(unit.source):
        return CheckFinding(unit.id, "untranslated", "untranslated", "the target is the same as the source",
                            unit.source, unit.target)
    return None


def punctuation(unit: TranslationUnit) -> Optional[CheckFinding]:
    src, tgt = end_mark(unit.source), end_mark(unit.target)
    if not marks_differ(src, tgt):
        return None
    return CheckFinding(unit.id, "punctuation", "punctuation",
                        f"end punctuation differs: source ends with {mark_name(src)}, "
                        f"target with {mark_name(tgt)}",
                        unit.source, unit.target, detail={"source_end": src, "target_end": tgt})


# ------------------------------------------------------------------------------------------ coverage
@dataclass
class _Pair:
    unit: TranslationUnit
    source: Document
    target: Document
    src_sents: list[Segment]
    tgt_sents: list[Segment]
    src_first: int             # index of the first sentence in the file-wide feature lists
    tgt_first: int


def _documents(unit: TranslationUnit, src_lang: str, tgt_lang: str) -> Optional[tuple[Document, Document]]:
    from ..load import from_text

    try:
        return (from_text(unit.source, lang=src_lang, html=False, path=f"unit {unit.id} source"),
                from_text(unit.target, lang=tgt_lang, html=False, path=f"unit {unit.id} target"))
    except InputError:  # nothing visible left after normalisation: not a pair to compare
        return None


def _mismatch_findings(pair: _Pair, src_f: Sequence[Features], tgt_f: Sequence[Features], wanted: set[str],
                       glossary: Glossary) -> list[CheckFinding]:
    """Numbers, dates and names on one side of the unit only: the checks compare runs on each pair."""
    aligned = AlignedPair(src_f, tgt_f, pair.source.lookup or pair.source.norm, pair.target.lookup or pair.target.norm,
                          pair.source.lang == "zh")
    return [CheckFinding(pair.unit.id, m.check, m.kind, m.message(), pair.unit.source, pair.unit.target,
                         m.confidence, {"source_only": m.source_only, "target_only": m.target_only})
            for m in pair_mismatches(aligned, tuple(wanted), glossary)]


def _term_pair(pair: _Pair) -> TermPair:
    unit_id = pair.unit.id
    zh, en = (pair.source, pair.target) if pair.source.lang == "zh" else (pair.target, pair.source)
    return TermPair([(zh.lookup or zh.norm, 0)], [(en.norm, 0)], lambda _offset: unit_id, lambda _offset: unit_id)


def _coverage_findings(pair: _Pair, hierarchy: Hierarchy, settings: Settings,
                       engine: "_FileEngine") -> list[CheckFinding]:
    builder = FindingBuilder(pair.source, pair.target, hierarchy, settings, engine.length, engine.literal,
                             engine.rates)
    # numbers, dates and names are checked by _mismatch_findings
    found = [f for f in builder.build() if f.type in ("partial", "addition", "omission")]
    # the Chinese words named take the senses chosen against the unit's English, as in compare
    gloss_findings(found, pair.source, pair.target, hierarchy, engine.representer.lexicon)
    out = []
    for f in found:
        detail = {k: v for k, v in f.detail.items() if not k.startswith("_")}
        if f.gloss:
            detail["gloss"] = f.gloss
        if f.source_span:
            detail["source_span"] = list(f.source_span)
        if f.target_span:
            detail["target_span"] = list(f.target_span)
        out.append(CheckFinding(pair.unit.id, "omission", f.type, f.message, f.source_text or "",
                                f.target_text or "", f.confidence, detail))
    return out


class _FileEngine:
    """Features of every unit, and the file-wide rates and learned lexicon compare would use."""

    def __init__(self, pairs: list[_Pair], representer: Representer, source_is_chinese: bool) -> None:
        self.pairs = pairs
        self.zh_source = source_is_chinese
        src_f: list[Features] = []
        tgt_f: list[Features] = []
        for p in pairs:
            p.src_first, p.tgt_first = len(src_f), len(tgt_f)
            src_f += representer.features(p.source, p.src_sents)
            tgt_f += representer.features(p.target, p.tgt_sents)
        # the rates and the learned lexicon come from compare's own sentence pass over the file's
        # sentences, so that a unit is judged by the same evidence weights as the same pair in compare
        sp = align_features(src_f, tgt_f, source_is_chinese=source_is_chinese)
        self.lexicon = sp.lexicon
        self.src_f, self.tgt_f = sp.source, sp.target
        self.engine = {"sentence": {**sp.scorer.describe(), "learned_words": len(sp.lexicon)}}
        self.representer = representer
        # the length model compare would estimate: over the file's sentences, each unit one pair
        units = [Bead(tuple(range(p.src_first, p.src_first + len(p.src_sents))),
                      tuple(range(p.tgt_first, p.tgt_first + len(p.tgt_sents)))) for p in pairs]
        self.length = LengthEvidence.estimate([f.length for f in src_f], [f.length for f in tgt_f], units)
        # how literal the file's translation is, over all its units (compare measures it over the document)
        linked = [(src_units, tgt_units, link_pairs(src_units, tgt_units))
                  for src_units, tgt_units in (self._units(p) for p in pairs)]
        self.literal = linked_shares(linked)
        # how often each word links in its unit, over the file
        self.rates = WordRates(linked)

    def _units(self, p: _Pair) -> tuple[list, list]:
        src_f, tgt_f = self.unit_features(p)
        return [u for f in src_f for u in f.units], [u for f in tgt_f for u in f.units]

    def hierarchy(self, p: _Pair) -> Hierarchy:
        """The unit as one sentence bead (its sentences aligned, when it has many), with its clauses aligned
        inside as compare aligns them."""
        src_f = self.src_f[p.src_first:p.src_first + len(p.src_sents)]
        tgt_f = self.tgt_f[p.tgt_first:p.tgt_first + len(p.tgt_sents)]
        src_c, tgt_c = segment(p.source, "clause"), segment(p.target, "clause")
        src_cf = self.representer.features(p.source, src_c)
        tgt_cf = self.representer.features(p.target, tgt_c)
        if self.zh_source:
            src_cf = augment(src_cf, self.lexicon)
        else:
            tgt_cf = augment(tgt_cf, self.lexicon)
        if max(len(p.src_sents), len(p.tgt_sents)) <= ONE_BEAD_SENTENCES:
            beads = [Bead(tuple(range(len(p.src_sents))), tuple(range(len(p.tgt_sents))))]
        else:
            # a unit of many sentences (a whole document in one segment) is aligned as compare aligns a
            # document: its clauses inside one bead would cost time and memory by the square of their count
            beads = align_features(list(src_f), list(tgt_f), source_is_chinese=self.zh_source).beads
        sentences = Alignment(p.src_sents, p.tgt_sents, beads)
        clause_beads, parents = clauses_within(sentences, src_c, tgt_c, src_cf, tgt_cf, self.zh_source)
        return Hierarchy(sentences, Alignment(src_c, tgt_c, clause_beads), (src_f, tgt_f), (src_cf, tgt_cf),
                         parents, self.engine)

    def unit_features(self, p: _Pair) -> tuple[list[Features], list[Features]]:
        return (self.src_f[p.src_first:p.src_first + len(p.src_sents)],
                self.tgt_f[p.tgt_first:p.tgt_first + len(p.tgt_sents)])


# ------------------------------------------------------------------------------------------ API
def parse_checks(value: Optional[str | Iterable[str]]) -> tuple[str, ...]:
    """Checks named in ``value`` ("numbers,dates" or a list; "all", "any" or None for every check)."""
    return _parse_shared(value, allowed=CHECKS)


def check_bilingual(bilingual: BilingualFile, *, checks: Optional[str | Iterable[str]] = None,
                    glossary: Optional[Iterable[str]] = None,
                    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                    progress: Optional[Callable[[str], None]] = None) -> CheckReport:
    """Run the checks over the units of a bilingual file; findings come in unit order. ``progress``
    receives a line per step (and per 500 units checked)."""
    from ..api import representer_for
    from ..represent.glossary import load_glossary

    say = progress or (lambda _message: None)
    wanted = set(parse_checks(checks))
    src_lang, tgt_lang = bilingual.source_code, bilingual.target_code
    per_unit: list[list[CheckFinding]] = [[] for _ in bilingual.units]
    pairs: list[_Pair] = []
    positions: list[int] = []
    for position, unit in enumerate(bilingual.units):
        blank = untranslated(unit)
        if blank is not None:
            if "untranslated" in wanted:
                per_unit[position].append(blank)
            continue  # an empty or copied target has nothing to compare clause by clause
        if not unit.source.strip():
            # a target-only unit (an unmatched target bead exported with its side empty)
            if "omission" in wanted:
                per_unit[position].append(CheckFinding(unit.id, "omission", "addition",
                                                       "the unit has no source text", unit.source, unit.target))
            continue
        if "punctuation" in wanted and (hit := punctuation(unit)) is not None:
            per_unit[position].append(hit)
        if not wanted & {"omission", "numbers", "dates", "names", "terms"}:
            continue
        docs = _documents(unit, src_lang, tgt_lang)
        if docs is None:
            continue
        src_sents, tgt_sents = segment(docs[0], "sentence"), segment(docs[1], "sentence")
        if src_sents and tgt_sents:
            pairs.append(_Pair(unit, docs[0], docs[1], src_sents, tgt_sents, 0, 0))
            positions.append(position)
    say(f"segmented {len(pairs)} of {len(bilingual.units)} units")
    if pairs:
        glossary_used = load_glossary(glossary or ())
        engine = _FileEngine(pairs, representer_for(glossary_used), src_lang == "zh")
        say("estimated the evidence weights over the file's sentences")
        settings = Settings(min_confidence=min_confidence, glossary=glossary_used)
        for done, (pair, position) in enumerate(zip(pairs, positions), 1):
            if done % 500 == 0:
                say(f"checked {done} of {len(pairs)} units")
            found: list[CheckFinding] = []
            if "omission" in wanted:
                found += _coverage_findings(pair, engine.hierarchy(pair), settings, engine)
            found += [f for f in _mismatch_findings(pair, *engine.unit_features(pair), wanted, glossary_used)
                      if f.confidence >= min_confidence]
            per_unit[position] = sorted(per_unit[position] + found, key=lambda f: _UNIT_ORDER.index(f.check))
    terms: list[dict[str, Any]] = []
    if "terms" in wanted and pairs:
        terms = term_consistency_pairs([_term_pair(p) for p in pairs], glossary_used,
                                       min_confidence=min_confidence, where_key="units")
    findings = [f for group in per_unit for f in group]
    say(f"checked {len(bilingual.units)} units: {len(findings)} findings")
    return CheckReport(bilingual.path, bilingual.format, bilingual.source_lang, bilingual.target_lang,
                       len(bilingual.units), tuple(c for c in CHECKS if c in wanted), findings, terms)


def check_file(path: str, *, checks: Optional[str | Iterable[str]] = None,
               glossary: Optional[Iterable[str]] = None,
               min_confidence: float = DEFAULT_MIN_CONFIDENCE,
               progress: Optional[Callable[[str], None]] = None) -> CheckReport:
    """Read an XLIFF 1.2/2.0 or TMX 1.4 file and check its units."""
    bilingual = read_bilingual(path)
    if progress:
        progress(f"read {len(bilingual.units)} units ({bilingual.format})")
    return check_bilingual(bilingual, checks=checks, glossary=glossary, min_confidence=min_confidence,
                           progress=progress)


__all__ = ["CHECKS", "CheckFinding", "CheckReport", "check_bilingual", "check_file", "end_mark",
           "parse_checks"]
