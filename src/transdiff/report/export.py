"""Exports of aligned pairs: one entry point for TMX, XLIFF, TSV/CSV and JSON, for an alignment or a
comparison's result."""
from __future__ import annotations

from transdiff.report.beads import render_alignment_json
from transdiff.report.table import render_alignment_table, render_result_csv
from transdiff.report.tmx import render_tmx, render_tmx_result
from transdiff.report.xliff import render_xliff, render_xliff_result
from transdiff.types import Alignment, Document, Result

ALIGNMENT_FORMATS = ("tmx", "xliff", "tsv", "csv", "json")
RESULT_FORMATS = ("tmx", "xliff", "csv")


def render_alignment_export(alignment: Alignment, source_doc: Document, target_doc: Document, fmt: str, *,
                            include_unmatched: bool = False) -> str:
    """An alignment in one of ALIGNMENT_FORMATS. Tables always list every bead (with a status column);
    TMX and XLIFF leave unmatched segments out unless ``include_unmatched``."""
    if fmt == "tmx":
        return render_tmx(alignment, source_doc, target_doc, include_unmatched=include_unmatched)
    if fmt == "xliff":
        return render_xliff(alignment, source_doc, target_doc, include_unmatched=include_unmatched)
    if fmt in ("tsv", "csv"):
        return render_alignment_table(alignment, source_doc, target_doc, dialect=fmt)
    if fmt == "json":
        return render_alignment_json(alignment)
    raise ValueError(f"unknown alignment format {fmt!r}: choose one of {', '.join(ALIGNMENT_FORMATS)}")


def render_result_export(result: Result, fmt: str, *, include_unmatched: bool = False) -> str:
    """A comparison's alignment in one of RESULT_FORMATS, findings attached to their beads."""
    if fmt == "tmx":
        return render_tmx_result(result, include_unmatched=include_unmatched)
    if fmt == "xliff":
        return render_xliff_result(result, include_unmatched=include_unmatched)
    if fmt == "csv":
        return render_result_csv(result)
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(RESULT_FORMATS)}")
