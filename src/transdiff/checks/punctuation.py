"""The punctuation check's rule: what kind of mark a sentence ends with (compare and check share it)."""
from __future__ import annotations

from typing import Optional

# What a sentence ends with, closing quotes and brackets looked through.
_END_CLASSES = {"。": "period", ".": "period", "．": "period", "｡": "period",
                "？": "question", "?": "question", "！": "exclamation", "!": "exclamation",
                "…": "ellipsis", "⋯": "ellipsis"}
_CLOSERS = "\"'”’」』》〉)）]】〕>›»"
SENTENCE_MARKS = ("period", "question", "exclamation")


def end_mark(text: str) -> Optional[str]:
    """Kind of sentence-final mark of ``text`` (period, question, exclamation, ellipsis) or None."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if stripped.endswith("..."):
        return "ellipsis"
    return _END_CLASSES.get(stripped[-1:]) if stripped else None


def mark_name(mark: Optional[str]) -> str:
    return f"a {mark}" if mark else "no sentence-final mark"
