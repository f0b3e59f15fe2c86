"""Plain-text report for the terminal: a summary, then the findings in the order they arrive (ranked)."""
from __future__ import annotations

import re
from typing import Any, Optional

from transdiff.report.json import finding_counts, finding_id, line_range
from transdiff.types import Document, Finding, Result

TEXT_LIMIT = 300
ELLIPSIS = "…"

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
TYPE_COLOURS = {
    "omission": "\x1b[31m",   # red: the target lost something
    "addition": "\x1b[33m",   # yellow: the target says more
    "partial": "\x1b[35m",    # magenta
    "mismatch": "\x1b[36m",   # cyan
}

# Document text must never drive the terminal: control characters (ESC above all) are made visible.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"\s+")


def _visible(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def shorten(text: str, limit: int = TEXT_LIMIT) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary when one is near, with "…"."""
    flat = _WHITESPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    # Chinese has no spaces: only back off to a space when it costs little of the text.
    if space >= limit * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def _lines_label(which: str, lines: Optional[tuple[int, int]]) -> Optional[str]:
    if lines is None:
        return None
    first, last = lines
    return f"{which} lines {first}-{last}"


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


class _Painter:
    """Applies ANSI styles only when asked, so plain output carries no escape codes at all."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if self.colour and style else text

    def kind(self, finding_type: str) -> str:
        return self(finding_type.upper(), _BOLD + TYPE_COLOURS.get(finding_type, ""))


def _describe_document(label: str, doc: Document, segments: int) -> str:
    name = _visible(doc.path) if doc.path else "(in-memory text)"
    facts = [doc.lang]
    if doc.script:
        facts.append(doc.script)
    facts.append(doc.encoding)
    if doc.extraction:  # web pages: the article or the whole page
        facts.append(doc.extraction)
    return f"{label}: {name} ({', '.join(facts)}), {len(doc.text):,} characters, {segments:,} segments"


def _summary(result: Result, paint: _Painter) -> list[str]:
    alignment = result.alignment
    counts = finding_counts(result.findings)
    version = result.signature.get("transdiff") if result.signature else None
    title = "transdiff report" + (f" (transdiff {version})" if version else "")
    count_text = ", ".join(f"{paint(str(n), TYPE_COLOURS.get(kind, '') if n else '')} {kind}"
                           for kind, n in counts.items())
    return [
        paint(title, _BOLD),
        _describe_document("source", result.source, len(alignment.source)),
        _describe_document("target", result.target, len(alignment.target)),
        f"languages: {result.source.lang} -> {result.target.lang}; level: {result.level}",
        f"aligned: {_percent(alignment.aligned_share())} of the text in {len(alignment.beads):,} beads",
        f"findings: {len(result.findings)} ({count_text})",
    ]


def _field(label: str, text: str) -> str:
    return f"  {label}: {_visible(shorten(text))}"


def _mismatch_lines(detail: dict[str, Any]) -> list[str]:
    kind = detail.get("kind") or "value"
    lines = []
    for side in ("source", "target"):
        values = detail.get(f"{side}_only")
        if values:
            lines.append(_field(f"{kind}s only in {side}", ", ".join(str(v) for v in values)))
    return lines


def _uncovered_line(detail: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    for entry in detail.get("uncovered") or ():
        if isinstance(entry, dict):
            word, gloss = str(entry.get("word", "")), entry.get("gloss")
        else:
            word, gloss = str(entry), None
        shown = f"{word} ({gloss})" if gloss else word
        if shown not in parts:  # a repeated word says nothing new
            parts.append(shown)
    if not parts:
        return []
    coverage = detail.get("coverage")
    label = "uncovered" + (f" ({_percent(float(coverage))} covered)" if isinstance(coverage, (int, float)) else "")
    return [_field(label, "; ".join(parts))]


def _finding_block(result: Result, position: int, finding: Finding, paint: _Painter) -> list[str]:
    where = [label for label in (
        _lines_label("source", line_range(result.source, finding.source_span, finding.source_lines)),
        _lines_label("target", line_range(result.target, finding.target_span, finding.target_lines)),
    ) if label]
    head = f"[#{finding_id(position)}] {paint.kind(finding.type)} (confidence {finding.confidence:.2f})"
    if where:
        head += " " + ", ".join(where)
    lines = [head]
    if finding.message:
        lines.append("  " + paint(_visible(shorten(finding.message)), _DIM))
    lines.append(_field("source", finding.source_text) if finding.source_text else "  source: (no counterpart)")
    if finding.gloss:
        lines.append(_field("gloss", finding.gloss))
    lines.append(_field("target", finding.target_text) if finding.target_text else "  target: (no counterpart)")
    detail = finding.detail or {}
    lines.extend(_uncovered_line(detail))
    if finding.type == "mismatch":
        lines.extend(_mismatch_lines(detail))
    return lines


def render_text(result: Result, *, colour: bool = False) -> str:
    """The default CLI report; ANSI colour only when ``colour`` is true."""
    paint = _Painter(colour)
    lines = _summary(result, paint)
    lines.append("")
    if not result.findings:
        lines.append("No differences found.")
    for position, finding in enumerate(result.findings):
        lines.extend(_finding_block(result, position, finding, paint))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"

