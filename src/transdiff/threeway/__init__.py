"""Three-way comparison: one source (usually Chinese) against two translations A and B.

``transdiff compare zh.txt en-1.txt en-2.txt`` runs the ordinary comparison of the source with each
version, and lines the two results up by source clause (both comparisons cut the same source the
same way): for each clause, whether A and B render it (``covered``, ``partial`` with the uncovered
words, or ``omitted``), and any number/date/name mismatch there. The two versions are then compared
with each other as ``transdiff diff`` does (sentence alignment, word diff, chrF against A), and every
clause row points at the A/B difference of the sentences that render it.

Status of a clause in a version: ``omitted`` when an omission finding covers it, ``partial`` when a
partial finding does (words: the uncovered words inside the clause), else ``covered``. Findings are
those of ``compare`` at its confidence threshold, so a row is as reliable as those findings are.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence, Union

from ..diff import DiffItem, DiffResult, diff_documents
from ..errors import LanguageError, TransdiffError
from ..checks import apply_checks, sentence_pairs
from ..types import Document, Finding, Result

DocumentLike = Union[str, os.PathLike, Document]
STATUSES: tuple[str, ...] = ("covered", "partial", "omitted")


@dataclass
class VersionRendering:
    """How one version renders one source clause."""

    status: str                                  # covered | partial | omitted
    target_text: Optional[str] = None            # the aligned target text (original slice), None if omitted
    target_lines: Optional[tuple[int, int]] = None
    target_span: Optional[tuple[int, int]] = None
    uncovered: list[str] = field(default_factory=list)      # source words without counterpart (partial)
    mismatches: list[str] = field(default_factory=list)     # messages of number/date/name findings
    findings: list[int] = field(default_factory=list)       # positions in that version's Result.findings


@dataclass
class ThreeWayRow:
    clause: int                                  # index of the source clause (Result.alignment.source)
    source_text: str
    source_lines: tuple[int, int]
    a: VersionRendering
    b: VersionRendering
    difference: Optional[int] = None             # index into ThreeWayResult.diff.items of the A/B pair

    @property
    def differs(self) -> bool:
        """True when the versions do not both fully render the clause the same way."""
        return (self.a.status, self.b.status) != ("covered", "covered") or bool(self.a.mismatches or self.b.mismatches)


@dataclass
class ThreeWayResult:
    source: Document
    a: Result
    b: Result
    diff: DiffResult                             # B against A, sentence by sentence
    rows: list[ThreeWayRow]
    difference_clauses: dict[int, list[int]]     # diff item index -> source clauses it renders
    signature: dict[str, Any]

    def counts(self) -> dict[str, dict[str, int]]:
        out = {"a": dict.fromkeys(STATUSES, 0), "b": dict.fromkeys(STATUSES, 0)}
        for row in self.rows:
            out["a"][row.a.status] += 1
            out["b"][row.b.status] += 1
        return out

    def has_findings(self, types: Iterable[str]) -> bool:
        """True when either comparison has a finding of one of ``types`` (for --fail-on)."""
        wanted = set(types)
        return any(f.type in wanted for f in self.a.findings + self.b.findings)

    def only_in(self, version: str) -> list[ThreeWayRow]:
        """Rows that ``version`` ("a" or "b") renders (covered or partial) and the other omits."""
        other = "b" if version == "a" else "a"
        return [r for r in self.rows
                if getattr(r, version).status != "omitted" and getattr(r, other).status == "omitted"]


def _load(doc: DocumentLike, role: str, whole_page: bool) -> Document:
    from ..load import load_path

    return doc if isinstance(doc, Document) else load_path(doc, role=role, whole_page=whole_page)


def _overlaps(span: Optional[Sequence[int]], start: int, end: int) -> bool:
    return span is not None and span[0] < end and start < span[1]


class _Renderings:
    """Per source clause of one Result: status, aligned target text and related findings."""

    def __init__(self, result: Result) -> None:
        self.result = result
        al = result.alignment
        self.bead_of = {i: k for k, b in enumerate(al.beads) for i in b.source}
        self.pair_of: dict[int, list[int]] = {}
        for pair in sentence_pairs(result):
            for i in pair.source:
                self.pair_of[i] = pair.target

    def _target(self, ids: Sequence[int]) -> tuple[Optional[str], Optional[tuple[int, int]], Optional[tuple[int, int]]]:
        if not ids:
            return None, None, None
        segs, doc = self.result.alignment.target, self.result.target
        span = (segs[ids[0]].start, segs[ids[-1]].end)
        return doc.text[span[0]:span[1]], (doc.line_of(span[0]), doc.line_of(max(span[0], span[1] - 1))), span

    def of(self, clause: int) -> VersionRendering:
        al = self.result.alignment
        seg = al.source[clause]
        status, uncovered, mismatches, positions = "covered", [], [], []
        for position, f in enumerate(self.result.findings):
            if not _overlaps(f.source_span, seg.start, seg.end) or f.type == "addition":
                continue
            positions.append(position)
            if f.type == "omission":
                status = "omitted"
            elif f.type == "partial" and _partial_covers(f, clause):
                if status != "omitted":
                    status = "partial"
                uncovered += [str(u.get("word")) for u in f.detail.get("uncovered", ())
                              if isinstance(u, dict) and _overlaps(u.get("span"), seg.start, seg.end)]
            elif f.type == "mismatch" and seg.start <= f.source_span[0] < seg.end:
                mismatches.append(f.message)  # once, on the first clause of the sentence it is about
        if status == "omitted":
            return VersionRendering(status, uncovered=uncovered, mismatches=mismatches, findings=positions)
        bead = al.beads[self.bead_of[clause]] if clause in self.bead_of else None
        ids = list(bead.target) if bead is not None and bead.target else self.pair_of.get(clause, [])
        text, lines, span = self._target(ids)
        return VersionRendering(status, text, lines, span, uncovered, mismatches, positions)


def _partial_covers(f: Finding, clause: int) -> bool:
    """A partial finding's source side is its clauses (``detail._clauses``, ids of the result's clause
    alignment) when it kept them, else its span (already known to overlap)."""
    clauses = f.detail.get("_clauses")
    return clause in clauses if isinstance(clauses, list) else True


def _diff_locator(items: Sequence[DiffItem], side: str) -> tuple[list[int], list[int], list[int]]:
    spans = sorted((getattr(it, side).span[0], getattr(it, side).span[1], k)
                   for k, it in enumerate(items) if getattr(it, side) is not None)
    return [s for s, _, _ in spans], [e for _, e, _ in spans], [k for _, _, k in spans]


def _difference_at(locator: tuple[list[int], list[int], list[int]], span: Optional[tuple[int, int]]) -> Optional[int]:
    if span is None:
        return None
    starts, ends, ids = locator
    position = max(0, bisect_right(starts, span[0]) - 1)
    for p in range(position, len(starts)):
        if starts[p] >= span[1]:
            break
        if ends[p] > span[0]:
            return ids[p]
    return None


def compare_three(source: DocumentLike, target_a: DocumentLike, target_b: DocumentLike, *,
                  checks: Optional[Union[str, Iterable[str]]] = None, **compare_options: Any) -> ThreeWayResult:
    """Compare ``source`` with two translations of it and line the results up by source clause.

    ``compare_options`` go to ``transdiff.compare`` (level, glossary, min_confidence, progress, ...);
    ``checks`` selects the findings as ``transdiff.checks.apply_checks`` does.
    """
    from ..api import compare

    if compare_options.get("source_lang"):
        raise TransdiffError("a three-way comparison takes the source first; leave out --source")
    whole_page = bool(compare_options.get("whole_page"))
    src = _load(source, "source", whole_page)
    doc_a, doc_b = _load(target_a, "version A", whole_page), _load(target_b, "version B", whole_page)
    for doc, name in ((doc_a, "version A"), (doc_b, "version B")):
        if doc.lang == src.lang:
            raise LanguageError(f"{doc.path or name} is in the same language as the source {src.path or ''}; "
                                f"give the source first, then two translations of it".replace(" ;", ";"))
    progress = compare_options.get("progress")
    result_a = apply_checks(compare(src, doc_a, **compare_options), checks)
    if progress:
        progress("compared the source with version A")
    result_b = apply_checks(compare(src, doc_b, **compare_options), checks)
    if progress:
        progress("compared the source with version B")
    sources_a, sources_b = result_a.alignment.source, result_b.alignment.source
    if [s.span for s in sources_a] != [s.span for s in sources_b]:  # same document, same level: a bug if not
        raise TransdiffError("the two comparisons cut the source differently; rerun with --level sentence")
    ab = diff_documents(doc_a, doc_b)
    if progress:
        progress("compared version A with version B")
    renderings_a, renderings_b = _Renderings(result_a), _Renderings(result_b)
    locate_a, locate_b = _diff_locator(ab.items, "a"), _diff_locator(ab.items, "b")
    rows: list[ThreeWayRow] = []
    difference_clauses: dict[int, list[int]] = {}
    for seg in sources_a:
        a, b = renderings_a.of(seg.index), renderings_b.of(seg.index)
        item = _difference_at(locate_a, a.target_span)
        if item is None:
            item = _difference_at(locate_b, b.target_span)
        lines = (src.line_of(seg.start), src.line_of(max(seg.start, seg.end - 1)))
        rows.append(ThreeWayRow(seg.index, src.text[seg.start:seg.end], lines, a, b, item))
        if item is not None:
            difference_clauses.setdefault(item, []).append(seg.index)
    signature = {"source_vs_a": result_a.signature, "source_vs_b": result_b.signature, "a_vs_b": ab.signature}
    return ThreeWayResult(src, result_a, result_b, ab, rows, difference_clauses, signature)


__all__ = ["STATUSES", "ThreeWayResult", "ThreeWayRow", "VersionRendering", "compare_three"]
