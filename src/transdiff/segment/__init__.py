"""Segment a document into paragraphs, sentences and clauses.

All work happens on ``Document.norm``. Each level partitions the non-whitespace text of the level
above: a splitter proposes cut offsets, the pieces between cuts are stripped of surrounding
whitespace and empty pieces are dropped. So segments are in order, never overlap, never start or
end with whitespace, and together cover every non-whitespace character.
"""
from __future__ import annotations

import re
from typing import Callable

from ..errors import LanguageError, TransdiffError
from ..load.normalise import PARAGRAPH_OPENER
from ..types import Document, Segment
from . import en, zh

__all__ = ["segment", "hierarchy", "paragraph_spans"]

Span = tuple[int, int]
Splitter = Callable[[str], list[int]]

LEVELS = ("paragraph", "sentence", "clause")
_LINE = re.compile(r"[^\n\r\u2028\u2029]*")

# Hard-wrap detection thresholds (see _is_hard_wrapped).
_WRAP_MAX_WIDTH = 120
_WRAP_FULL_SHARE = 0.6
_WRAP_CONTINUATION_SHARE = 0.3

_SPLITTERS: dict[str, tuple[Splitter, Splitter]] = {
    "zh": (zh.split_sentences, zh.split_clauses),
    "en": (en.split_sentences, en.split_clauses),
}


def _strip_span(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or None if nothing is left."""
    piece = text[start:end]
    left = piece.lstrip()
    if not left:
        return None
    new_start = start + len(piece) - len(left)
    return new_start, new_start + len(left.rstrip())


def _lines(text: str) -> list[Span | None]:
    """Stripped span of every line, None for blank lines."""
    spans: list[Span | None] = []
    position = 0
    length = len(text)
    while True:
        m = _LINE.match(text, position)
        assert m is not None  # the pattern matches the empty string
        spans.append(_strip_span(text, m.start(), m.end()))
        position = m.end()
        if position >= length:
            break
        # "\r\n" is one break; any other break character is one break on its own
        position += 2 if text.startswith("\r\n", position) else 1
    return spans


def _is_hard_wrapped(lines: list[Span | None]) -> bool:
    """True if blank lines separate blocks of wrapped lines (text saved from PDF or e-mail).

    Wrapped text: there are blank lines, many lines are continued by the next line of their block,
    no line is much wider than the wrap width, and most continued lines fill that width.
    Documents with one paragraph per line (headings above long lines) fail the width tests.
    """
    widths: list[int] = []
    continued: list[int] = []
    saw_blank_between = False
    previous: Span | None = None
    seen_text = False
    for span in lines:
        if span is None:
            saw_blank_between = saw_blank_between or seen_text
        else:
            widths.append(span[1] - span[0])
            if previous is not None:
                continued.append(previous[1] - previous[0])
            seen_text = True
        previous = span
    if not saw_blank_between or len(continued) < 2:
        return False
    if len(continued) < _WRAP_CONTINUATION_SHARE * len(widths):
        return False
    widths.sort()
    wrap_width = widths[int(0.95 * (len(widths) - 1))]
    if wrap_width > _WRAP_MAX_WIDTH:
        return False
    full = sum(1 for w in continued if w >= _WRAP_FULL_SHARE * wrap_width)
    return full >= _WRAP_FULL_SHARE * len(continued)


def paragraph_spans(text: str) -> list[Span]:
    """Paragraph spans of ``text``: one per line, or one per blank-line block if hard-wrapped."""
    lines = _lines(text)
    if not _is_hard_wrapped(lines):
        return [span for span in lines if span is not None]
    paragraphs: list[Span] = []
    current: Span | None = None
    for span in lines:
        if span is None:
            if current is not None:
                paragraphs.append(current)
            current = None
        elif current is None or PARAGRAPH_OPENER.match(text, span[0]):
            if current is not None:
                paragraphs.append(current)
            current = span
        else:
            current = (current[0], span[1])
    if current is not None:
        paragraphs.append(current)
    return paragraphs


def _split(text: str, outer: list[Span], splitter: Splitter) -> tuple[list[Span], list[int]]:
    """Split each outer span with ``splitter``; returns the pieces and their outer index."""
    spans: list[Span] = []
    parents: list[int] = []
    for parent, (start, end) in enumerate(outer):
        chunk = text[start:end]
        bounds = [0, *splitter(chunk), len(chunk)]
        for lo, hi in zip(bounds, bounds[1:]):
            if hi <= lo:
                continue
            piece = _strip_span(chunk, lo, hi)
            if piece is not None:
                spans.append((start + piece[0], start + piece[1]))
                parents.append(parent)
    return spans, parents


def _segments(doc: Document, level: str, spans: list[Span], parents: list[int] | None) -> list[Segment]:
    result: list[Segment] = []
    norm = doc.norm
    for index, (nstart, nend) in enumerate(spans):
        start, end = doc.text_span(nstart, nend)
        result.append(
            Segment(
                index=index,
                level=level,  # type: ignore[arg-type]
                nstart=nstart,
                nend=nend,
                start=start,
                end=end,
                text=norm[nstart:nend],
                parent=None if parents is None else parents[index],
                line=doc.line_of(start),
            )
        )
    return result


def _splitters(doc: Document) -> tuple[Splitter, Splitter]:
    try:
        return _SPLITTERS[doc.lang]
    except KeyError:
        raise LanguageError(f"cannot segment language {doc.lang!r}: transdiff handles 'zh' and 'en'") from None


def _spans(doc: Document, depth: int) -> list[tuple[list[Span], list[int] | None]]:
    """Spans and parents of the first ``depth`` levels (1 = paragraphs ... 3 = clauses)."""
    sentence_splitter, clause_splitter = _splitters(doc)
    paragraphs = paragraph_spans(doc.norm)
    levels: list[tuple[list[Span], list[int] | None]] = [(paragraphs, None)]
    if depth >= 2:
        levels.append(_split(doc.norm, paragraphs, sentence_splitter))
    if depth >= 3:
        levels.append(_split(doc.norm, levels[1][0], clause_splitter))
    return levels


def segment(doc: Document, level: str) -> list[Segment]:
    """Segments of ``doc`` at ``level`` ("paragraph", "sentence" or "clause"), in text order."""
    if level not in LEVELS:
        raise TransdiffError(f"unknown segment level {level!r}: use paragraph, sentence or clause")
    depth = LEVELS.index(level) + 1
    spans, parents = _spans(doc, depth)[-1]
    return _segments(doc, level, spans, parents)


def hierarchy(doc: Document) -> tuple[list[Segment], list[Segment], list[Segment]]:
    """Paragraphs, sentences and clauses of ``doc``.

    ``sentence.parent`` is the index of its paragraph, ``clause.parent`` that of its sentence.
    """
    (p_spans, _), (s_spans, s_parents), (c_spans, c_parents) = _spans(doc, 3)
    return (
        _segments(doc, "paragraph", p_spans, None),
        _segments(doc, "sentence", s_spans, s_parents),
        _segments(doc, "clause", c_spans, c_parents),
    )
