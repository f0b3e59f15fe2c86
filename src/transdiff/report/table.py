"""An alignment as a table (TSV or CSV, with a header row), and the shared "text of a bead side" helper.

Every export (TMX, XLIFF, TSV, CSV) shows the ORIGINAL text of the segments, the slice of the decoded
file, not the normalised text. Two adjustments make a slice usable as one cell or one ``<seg>``:
line breaks inside a segment (hard-wrapped text) are unwrapped (a space in English, nothing
between Chinese characters), segments of one bead on different lines are joined by "\n", and for
HTML input, whose slices hold markup, the visible normalised text is used.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Callable, Optional, Sequence

from transdiff.types import Alignment, Bead, Document, Result, Segment

TABLE_HEADER = ("bead", "source_ids", "target_ids", "score", "status", "source_line", "target_line",
                "source_text", "target_text")

_LINE_BREAK = re.compile(r"[ \t]*[\r\n\u2028\u2029\x85\x0b\x0c]+[ \t]*")
# Characters that end a TSV field or record for spreadsheets and `cut`.
_TSV_BREAKS = re.compile(r"[\t\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_MARKUP_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>]|\?xml)", re.IGNORECASE)
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")


def is_markup(doc: Document) -> bool:
    """True for documents loaded from HTML: their text slices contain tags and entities."""
    path = (doc.path or "").lower()
    return path.endswith((".html", ".htm", ".xhtml")) or _MARKUP_START.match(doc.text[:1024]) is not None


def _join_break(match: re.Match[str], text: str) -> str:
    # a line break between two Chinese characters is an artefact of wrapping, not a word space
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if before and after and _WIDE.match(before) and _WIDE.match(after):
        return ""
    return " " if before and after else ""


def unwrap(text: str) -> str:
    """Join the lines of a hard-wrapped segment into one line."""
    if not _LINE_BREAK.search(text):
        return text
    return _LINE_BREAK.sub(lambda m: _join_break(m, text), text)


def side_text(doc: Document, segments: Sequence[Segment], ids: Sequence[int]) -> str:
    """Original text of the segments ``ids`` of one bead side.

    Line breaks inside a segment are unwrapped; segments that sit on different lines stay on
    different lines ("\n"), so a bead that spans a heading and a paragraph keeps that boundary.
    """
    if not ids:
        return ""
    if is_markup(doc):
        joiner = "" if doc.lang == "zh" else " "
        return joiner.join(segments[i].text for i in ids)
    parts: list[str] = []
    previous: Optional[Segment] = None
    for i in ids:
        seg = segments[i]
        if previous is not None:
            gap = doc.text[previous.end:seg.start]
            parts.append("\n" if _LINE_BREAK.search(gap) else gap)
        parts.append(unwrap(doc.text[seg.start:seg.end]))
        previous = seg
    return "".join(parts)


def _status(bead: Bead) -> str:
    return "matched" if bead.source and bead.target else "unmatched"


def _line(segments: Sequence[Segment], ids: Sequence[int]) -> str:
    return str(segments[ids[0]].line) if ids else ""


def _rows(alignment: Alignment, source_doc: Document, target_doc: Document, include_unmatched: bool,
          extra: Optional[Callable[[int], str]] = None) -> list[list[str]]:
    rows = []
    for number, bead in enumerate(alignment.beads):
        if not include_unmatched and not (bead.source and bead.target):
            continue
        row = [str(number), ",".join(map(str, bead.source)), ",".join(map(str, bead.target)),
               f"{bead.score:.4f}", _status(bead),
               _line(alignment.source, bead.source), _line(alignment.target, bead.target),
               side_text(source_doc, alignment.source, bead.source),
               side_text(target_doc, alignment.target, bead.target)]
        if extra is not None:
            row.append(extra(number))
        rows.append(row)
    return rows


def _write(header: Sequence[str], rows: list[list[str]], dialect: str) -> str:
    out = io.StringIO()
    if dialect == "tsv":
        # no quoting: a TSV row is one physical line, so field and record breaks inside cells become spaces
        writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar=None,
                            lineterminator="\n")
        rows = [[_TSV_BREAKS.sub(" ", cell) for cell in row] for row in rows]
    elif dialect == "csv":
        writer = csv.writer(out, dialect="excel", lineterminator="\r\n")  # RFC 4180
    else:
        raise ValueError(f"unknown table dialect {dialect!r}")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render_alignment_table(alignment: Alignment, source_doc: Document, target_doc: Document, *,
                           dialect: str = "tsv", include_unmatched: bool = True) -> str:
    """One row per bead under a header row; ``dialect`` is "tsv" or "csv"."""
    return _write(TABLE_HEADER, _rows(alignment, source_doc, target_doc, include_unmatched), dialect)


def render_alignment_tsv(alignment: Alignment, source_doc: Document, target_doc: Document, *,
                         include_unmatched: bool = True) -> str:
    return render_alignment_table(alignment, source_doc, target_doc, dialect="tsv",
                                  include_unmatched=include_unmatched)


def render_alignment_csv(alignment: Alignment, source_doc: Document, target_doc: Document, *,
                         include_unmatched: bool = True) -> str:
    return render_alignment_table(alignment, source_doc, target_doc, dialect="csv",
                                  include_unmatched=include_unmatched)


def findings_by_bead(result: Result) -> dict[int, list[int]]:
    """Bead id -> positions in ``result.findings`` of the findings that belong to it."""
    from transdiff.report.json import finding_beads

    out: dict[int, list[int]] = {}
    for position, bead_id in enumerate(finding_beads(result)):
        if bead_id is not None:
            out.setdefault(bead_id, []).append(position)
    return out


def _result_table(result: Result, dialect: str, include_unmatched: bool) -> str:
    by_bead = findings_by_bead(result)

    def kinds(number: int) -> str:
        types = dict.fromkeys(result.findings[p].type for p in by_bead.get(number, ()))
        return ",".join(types)

    rows = _rows(result.alignment, result.source, result.target, include_unmatched, kinds)
    return _write((*TABLE_HEADER, "findings"), rows, dialect)


def render_result_tsv(result: Result, *, include_unmatched: bool = True) -> str:
    """The aligned pairs of a comparison with the types of the findings of each bead."""
    return _result_table(result, "tsv", include_unmatched)


def render_result_csv(result: Result, *, include_unmatched: bool = True) -> str:
    return _result_table(result, "csv", include_unmatched)
