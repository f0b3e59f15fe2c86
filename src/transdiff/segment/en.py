"""English words, sentence and clause boundaries.

The splitters return *cut offsets* relative to the text they are given (see ``zh.py``).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .zh import MAX_DEPTH, MAX_QUOTED_CHARS, accept_cuts

# Words: letters/digits with internal apostrophes or hyphens, numbers such as 2,000 and 3.5.
_WORD = re.compile(r"[^\W_]+(?:(?:['’\-‐‑]|(?<=\d)[.,](?=\d))[^\W_]+)*")

# Abbreviations after which a period does not end a sentence even before a capital letter
# (lower-cased, without the final period). "etc." is not here: before a capital it usually
# does end the sentence, and before lower case we never split anyway.
_ABBREVIATIONS = frozenset(
    """
    no nos art arts para paras u.s u.k u.n e.g i.e st mr mrs ms dr prof jan feb mar apr jun jul
    aug sep sept oct nov dec vol vols pp p cf vs v inc ltd co corp jr sr gen rev sec secs ch
    chap fig figs op ed eds approx dept est govt
    """.split()
)
# A candidate sentence end: end marks, closing quotes/brackets, then whitespace.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]»]*\s+")
_SENTENCE_OPENERS = "\"'“‘([«"
_LIST_NUMBER = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcdm]{1,6})\)?")
_TOKEN_LOOKBACK = 24


def en_words(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` as (word, start, end) offsets into ``text``."""
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _starts_sentence(text: str, pos: int) -> bool:
    """True if the character at ``pos`` can open a sentence (capital, digit or opening quote)."""
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or ch in _SENTENCE_OPENERS


def _token_before(text: str, end: int) -> tuple[str, int]:
    """The whitespace-delimited token ending at ``end`` and its start (bounded lookback)."""
    floor = max(0, end - _TOKEN_LOOKBACK)
    start = end
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return text[start:end], start


def _is_abbreviation_period(text: str, mark_start: int) -> bool:
    """True if the period at ``mark_start`` belongs to an abbreviation, initial or list number."""
    token, token_start = _token_before(text, mark_start)
    token = token.lstrip("(\"'“‘[")
    if not token:
        return False
    if token.lower() in _ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():  # initial: "J. Smith"
        return True
    # "1. " / "12. " / "(a). " opening a line is a list number, not a sentence.
    at_line_start = token_start == 0 or text[token_start - 1] == "\n"
    return at_line_start and _LIST_NUMBER.fullmatch(token) is not None


def split_sentences(text: str) -> list[int]:
    """Cut offsets (ends of sentences) in ``text``, one paragraph of English."""
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text):
        if m.end() >= len(text) or not _starts_sentence(text, m.end()):
            continue
        mark_end = m.start()
        while text[mark_end] in ".!?":
            mark_end += 1
        if text[mark_end - 1] == "." and mark_end - m.start() == 1 and _is_abbreviation_period(text, m.start()):
            continue
        cuts.append(m.end())
    return cuts


_CLAUSE_OPENERS = (
    "and|but|or|nor|yet|so|while|whereas|although|though|which|who|whom|whose|where|provided"
)
_CLAUSE_EVENT = re.compile(
    rf"(?P<mark>[;:])"
    rf"|(?P<comma>,)(?=\s+(?P<opener>{_CLAUSE_OPENERS})\b)"
    r"|(?P<open>[(\[“])"
    r"|(?P<close>[)\]”])"
    r"|(?P<quote>\")"
)
_ANY_BOUNDARY = re.compile(rf"[;:]|,\s+(?:{_CLAUSE_OPENERS})\b")
# Coordinators that also join list items ("A, B, and C"): after a short list item they do not split.
_LIST_COORDINATORS = frozenset({"and", "or", "nor"})
_LIST_ITEM_CHARS = 60
_MIN_WORDS_AT_COMMA = 4
_MIN_WORDS_AT_SEMICOLON = 2


def split_clauses(text: str) -> list[int]:
    """Cut offsets (ends of clauses) in ``text``, one English sentence.

    Boundaries: ";" and ":" at top level (not "10:30"), and a comma followed by a coordinator or
    a relative/concessive opener when both resulting pieces keep at least four words (two words
    around ";" and ":").
    """
    if _ANY_BOUNDARY.search(text) is None:
        return []  # most sentences: skip the event scan
    strong: list[int] = []
    weak: list[int] = []
    depth = 0
    in_plain_quote = False
    opened_at = 0
    for m in _CLAUSE_EVENT.finditer(text):
        kind = "comma" if m.group("comma") else m.lastgroup
        pos = m.start()
        if kind == "open" or (kind == "quote" and not in_plain_quote):
            if depth == 0 and not in_plain_quote:
                opened_at = pos
            if kind == "quote":
                in_plain_quote = True
            else:
                depth = min(depth + 1, MAX_DEPTH)
            continue
        if kind == "close" or kind == "quote":
            if kind == "quote":
                in_plain_quote = False
            else:
                depth = max(depth - 1, 0)
            continue
        if (depth or in_plain_quote) and pos - opened_at > MAX_QUOTED_CHARS:
            depth, in_plain_quote = 0, False
        if depth or in_plain_quote:
            continue
        if kind == "mark":
            if text[pos] == ":" and 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit():
                continue
            strong.append(m.end())
            continue
        # comma before a coordinator: "A, B, and C" is a list, not two clauses, when the item
        # between the previous comma and this one is short.
        if m.group("opener").lower() in _LIST_COORDINATORS:
            previous_comma = text.rfind(",", max(0, pos - _LIST_ITEM_CHARS), pos)
            if previous_comma >= 0 and len(_WORD.findall(text, previous_comma, pos)) < 4:
                continue
        weak.append(m.end())
    if not strong and not weak:
        return []
    words = [w.start() for w in _WORD.finditer(text)]
    cuts = accept_cuts(strong, words, len(text), _MIN_WORDS_AT_SEMICOLON)
    if weak:
        # Commas cut each piece left by the semicolons/colons, with the stricter word minimum.
        bounds = [0, *cuts, len(text)]
        extra: list[int] = []
        for lo, hi in zip(bounds, bounds[1:]):
            inside = [c - lo for c in weak[bisect_left(weak, lo + 1):bisect_left(weak, hi)]]
            if inside:
                piece_words = [w - lo for w in words[bisect_left(words, lo):bisect_left(words, hi)]]
                extra.extend(lo + c for c in accept_cuts(inside, piece_words, hi - lo, _MIN_WORDS_AT_COMMA))
        cuts = sorted(cuts + extra)
    return cuts
