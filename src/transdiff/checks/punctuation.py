"""The punctuation check: an aligned sentence pair whose sentence-final marks differ in kind
(the rule on marks is shared with ``transdiff check``)."""
from __future__ import annotations

import re
from typing import Optional

from ..types import Finding, Result
from .pairs import mismatch_finding, sentence_pairs

# What a sentence ends with, closing quotes and brackets looked through.
_END_CLASSES = {"。": "period", ".": "period", "．": "period", "｡": "period",
                "？": "question", "?": "question", "！": "exclamation", "!": "exclamation",
                "…": "ellipsis", "⋯": "ellipsis"}
_CLOSERS = "\"'”’」』》〉)）]】〕>›»"
SENTENCE_MARKS = ("period", "question", "exclamation")


# the dot of an abbreviation at the end may or may not close the sentence as well: "at 10 a.m."
_ABBREVIATION_END = re.compile(r"(?:\b[ap]\.m|\betc|\be\.g|\bi\.e|\bInc|\bLtd|\bCo|\bNo|\bvs)\.$", re.IGNORECASE)
# a footnote mark after the final period of UN text: "on the website.3", "planning.[23]"
_FOOTNOTE_AFTER = re.compile(r"(?<=[A-Za-z)\]”\"])([.。])(?:\d{1,3}|\[\d{1,3}\])$")


def end_mark(text: str) -> Optional[str]:
    """Kind of sentence-final mark of ``text`` (period, question, exclamation, ellipsis, or abbreviation:
    a dot that may end the sentence or only the word) or None."""
    footnote = _FOOTNOTE_AFTER.search(text.rstrip())
    if footnote:
        return _END_CLASSES[footnote.group(1)]
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if stripped.endswith("..."):
        return "ellipsis"
    if _ABBREVIATION_END.search(stripped):
        return "abbreviation"
    return _END_CLASSES.get(stripped[-1:]) if stripped else None


def marks_differ(source: Optional[str], target: Optional[str]) -> bool:
    """Do the two final marks differ in kind? Only where one of them is a sentence mark; an abbreviation's
    dot agrees with a period and with no mark."""
    if source == target or not ({source, target} & set(SENTENCE_MARKS)):
        return False
    return not ("abbreviation" in (source, target) and {source, target} <= {"abbreviation", "period", None})


def mark_name(mark: Optional[str]) -> str:
    if not mark:
        return "no sentence-final mark"
    return f"{'an' if mark[0] in 'aeiou' else 'a'} {mark}"


def punctuation_findings(result: Result, min_confidence: float = 0.0) -> list[Finding]:
    """Aligned sentence pairs whose final marks differ in kind (one side 。 and the other ?, or none)."""
    al, out = result.alignment, []
    for pair in sentence_pairs(result):
        if not pair.source or not pair.target:
            continue
        src, tgt = end_mark(al.source[pair.source[-1]].text), end_mark(al.target[pair.target[-1]].text)
        if not marks_differ(src, tgt):
            continue
        out.append(mismatch_finding(result, pair.source, pair.target, pair.beads[-1], "punctuation", 0.6,
                            f"end punctuation differs: source ends with {mark_name(src)}, "
                            f"target with {mark_name(tgt)}", source_end=src, target_end=tgt))
    return [f for f in out if f.confidence >= min_confidence]
