"""Report renderers: each takes a ``transdiff.types.Result`` and returns the report as a string."""
from __future__ import annotations

from typing import Callable

from transdiff.errors import OutputError
from transdiff.report.html import render_html
from transdiff.report.json import render_json, to_dict
from transdiff.report.text import render_text
from transdiff.report.tsv import render_tsv
from transdiff.types import Result

RENDERERS: dict[str, Callable[[Result], str]] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
    "tsv": render_tsv,
}


def render(result: Result, fmt: str, *, colour: bool = False) -> str:
    """Render ``result`` in format ``fmt``; ``colour`` only affects the text format (ANSI codes)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise OutputError(f"unknown report format {fmt!r}: choose one of {', '.join(RENDERERS)}")
    if fmt == "text":
        return render_text(result, colour=colour)
    return renderer(result)


__all__ = ["RENDERERS", "render", "render_text", "render_json", "render_html", "render_tsv", "to_dict"]
