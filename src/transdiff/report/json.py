"""Machine-readable report: the whole Result as one JSON object (schema in docs/report.schema.json).

The dict built here is also the canonical "what a report shows" view, so the small helpers that the
other renderers share (original segment text, finding line ranges, counts) live in this module.
"""
from __future__ import annotations

import gc
import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import PurePath
from typing import Any, Optional, Sequence

from transdiff.types import FINDING_TYPES, Alignment, Document, Finding, Result, Segment

SCHEMA_VERSION = "1.0"
FLOAT_DIGITS = 4


def segment_text(doc: Document, seg: Segment) -> str:
    """The segment as the reader wrote it: the slice of the decoded file, not the normalised text."""
    return doc.text[seg.start:seg.end]


def bead_side_text(doc: Document, segments: Sequence[Segment], ids: Sequence[int]) -> str:
    """Original text of the given segments of one bead side, joined by a space."""
    return " ".join(segment_text(doc, segments[i]) for i in ids)


def line_range(doc: Document, span: Optional[Sequence[int]],
               given: Optional[Sequence[int]]) -> Optional[tuple[int, int]]:
    """The finding's line range; derived from its span when the comparer left it out."""
    if given is not None:
        return (int(given[0]), int(given[1]))
    if span is None:
        return None
    start, end = int(span[0]), int(span[1])
    # The last character is at end - 1; an empty span stays on its own line.
    return (doc.line_of(start), doc.line_of(max(start, end - 1)))


def finding_counts(findings: Sequence[Finding]) -> dict[str, int]:
    """Number of findings of each type; every known type is present, zero or not."""
    counts = {kind: 0 for kind in FINDING_TYPES}
    for finding in findings:
        counts[finding.type] = counts.get(finding.type, 0) + 1
    return counts


class BeadLocator:
    """Finds the beads of ``Result.alignment`` that a finding's spans fall in.

    ``Finding.bead`` is trusted when that bead really holds text of the finding; otherwise (absent, or
    an index into another alignment, e.g. sentence beads while the report shows clause beads) the
    bead is found from the spans, so that every report points at the row that shows the text.
    """

    def __init__(self, alignment: Alignment) -> None:
        self.bead_count = len(alignment.beads)
        self._sides = []
        for segments, side in ((alignment.source, "source"), (alignment.target, "target")):
            owner = [0] * len(segments)
            for number, bead in enumerate(alignment.beads):
                for seg_id in getattr(bead, side):
                    owner[seg_id] = number
            self._sides.append(([seg.start for seg in segments], [seg.end for seg in segments], owner))

    def covered(self, finding: Finding) -> list[int]:
        """Ids of the beads whose segments overlap the finding's source or target span, in order."""
        beads: set[int] = set()
        for span, (starts, ends, owner) in zip((finding.source_span, finding.target_span), self._sides):
            if span is None or not starts:
                continue
            start, end = int(span[0]), int(span[1])
            first = bisect_right(ends, start)
            last = bisect_left(starts, max(end, start + 1))
            beads.update(owner[first:last])
        return sorted(beads)

    def primary(self, finding: Finding, covered: Optional[list[int]] = None) -> Optional[int]:
        """The one bead the finding belongs to."""
        covered = self.covered(finding) if covered is None else covered
        given = finding.bead
        if given is not None and 0 <= given < self.bead_count and (not covered or given in covered):
            return given
        return covered[0] if covered else None


def finding_beads(result: Result) -> list[Optional[int]]:
    """The bead of each finding, in the order of ``result.findings``."""
    locator = BeadLocator(result.alignment)
    return [locator.primary(finding) for finding in result.findings]


def finding_id(position: int) -> int:
    """Findings are numbered from 1 in the order they arrive (ranked), as people quote them."""
    return position + 1


def _rounded(value: float) -> Optional[float]:
    # JSON has no NaN or infinity; a score that is not a number is reported as unknown.
    if math.isnan(value) or math.isinf(value):
        return None
    return round(float(value), FLOAT_DIGITS)


def jsonable(value: Any) -> Any:
    """Turn free-form values (signature, detail) into plain JSON: tuples to lists, floats rounded."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return _rounded(value)
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(item) for item in value), key=str)
    if isinstance(value, PurePath):
        return str(value)
    return str(value)


def _span(span: Optional[Sequence[int]]) -> Optional[list[int]]:
    return None if span is None else [int(span[0]), int(span[1])]


def _document_dict(doc: Document, segment_count: int) -> dict[str, Any]:
    return {
        "path": None if doc.path is None else str(doc.path),
        "lang": doc.lang,
        "encoding": doc.encoding,
        "script": doc.script,
        "extraction": doc.extraction,
        "extractor": doc.extractor,
        "chars": len(doc.text),
        "segments": segment_count,
    }


def _segments_list(doc: Document, segments: Sequence[Segment]) -> list[dict[str, Any]]:
    return [
        {"id": seg.index, "span": [seg.start, seg.end], "line": seg.line, "text": segment_text(doc, seg)}
        for seg in segments
    ]


def _finding_dict(result: Result, position: int, finding: Finding, bead: Optional[int]) -> dict[str, Any]:
    return {
        "id": finding_id(position),
        "type": finding.type,
        "confidence": _rounded(finding.confidence),
        "message": finding.message,
        "source_text": finding.source_text,
        "target_text": finding.target_text,
        "source_span": _span(finding.source_span),
        "target_span": _span(finding.target_span),
        "source_lines": _span(line_range(result.source, finding.source_span, finding.source_lines)),
        "target_lines": _span(line_range(result.target, finding.target_span, finding.target_lines)),
        "gloss": finding.gloss,
        "bead": bead,
        "detail": jsonable(finding.detail or {}),
    }


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Building hundreds of thousands of small acyclic dicts makes the cyclic collector rescan the
    # growing heap again and again (about 3x the build time on large documents); nothing here is cyclic.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def to_dict(result: Result) -> dict[str, Any]:
    """The report as plain JSON-ready data, with the structure documented in docs/json-report.md."""
    with _collector_paused():
        return _build_dict(result)


def _build_dict(result: Result) -> dict[str, Any]:
    alignment = result.alignment
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": jsonable(result.signature or {}),
        "source": _document_dict(result.source, len(alignment.source)),
        "target": _document_dict(result.target, len(alignment.target)),
        "summary": {
            "level": result.level,
            "beads": len(alignment.beads),
            "aligned_share": _rounded(alignment.aligned_share()),
            "findings": finding_counts(result.findings),
        },
        "alignment": {
            "level": result.level,
            "source_segments": _segments_list(result.source, alignment.source),
            "target_segments": _segments_list(result.target, alignment.target),
            "beads": [
                {"id": number, "source": list(bead.source), "target": list(bead.target),
                 "score": _rounded(bead.score)}
                for number, bead in enumerate(alignment.beads)
            ],
        },
        "findings": [_finding_dict(result, position, finding, bead) for position, (finding, bead)
                     in enumerate(zip(result.findings, finding_beads(result)))],
        "terms": result.terms,
    }


def render_json(result: Result) -> str:
    """The JSON report, indented by 2, non-ASCII kept as is, ending with a newline."""
    data = to_dict(result)
    with _collector_paused():
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
