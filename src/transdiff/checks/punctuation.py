"""The punctuation check: an aligned sentence pair whose sentence-final marks differ in kind
(the rule on marks is shared with ``transdiff check``)."""
from __future__ import annotations

from typing import Optional

from ..types import Finding, Result
from .pairs import mismatch_finding, sentence_pairs

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


def punctuation_findings(result: Result, min_confidence: float = 0.0) -> list[Finding]:
    """Aligned sentence pairs whose final marks differ in kind (one side 。 and the other ?, or none)."""
    al, out = result.alignment, []
    for pair in sentence_pairs(result):
        if not pair.source or not pair.target:
            continue
        src, tgt = end_mark(al.source[pair.source[-1]].text), end_mark(al.target[pair.target[-1]].text)
        if src == tgt or not ({src, tgt} & set(SENTENCE_MARKS)):
            continue
        out.append(mismatch_finding(result, pair.source, pair.target, pair.beads[-1], "punctuation", 0.6,
                            f"end punctuation differs: source ends with {mark_name(src)}, "
                            f"target with {mark_name(tgt)}", source_end=src, target_end=tgt))
    return [f for f in out if f.confidence >= min_confidence]
