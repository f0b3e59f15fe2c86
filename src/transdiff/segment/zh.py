"""Chinese words (jieba), sentence and clause boundaries.

The splitters return *cut offsets* relative to the text they are given: the pieces between
consecutive cuts partition the text, so nothing can be lost or duplicated. The caller strips
whitespace and drops empty pieces.

Both splitters work on normalised text, where full-width ASCII punctuation is already ASCII
(``，`` may appear as ``,``, ``；`` as ``;``), while ``。、“”《》「」`` stay as they are.
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from bisect import bisect_left
from typing import Any, Iterable

# Quotes, titles and brackets inside which no boundary is placed.
_OPENERS = "“「『《〈【[(（‘"
_CLOSERS = "”」』》〉】])）’"
_OPEN_CLASS = re.escape(_OPENERS)
_CLOSE_CLASS = re.escape(_CLOSERS)

# One pass over the events that matter for sentences: an opener, a closer, a run of end marks
# with the closing quotes/brackets that follow it, or a semicolon.
_SENTENCE_EVENT = re.compile(
    rf"(?P<end>(?:[。！？!?]|…{{2,}}|⋯{{2,}})+[{_CLOSE_CLASS}\"']*)"
    rf"|(?P<semi>[；;])"
    rf"|(?P<open>[{_OPEN_CLASS}])"
    rf"|(?P<close>[{_CLOSE_CLASS}])"
)
_CLAUSE_EVENT = re.compile(
    rf"(?P<mark>[,，;；:：])"
    rf"|(?P<open>[{_OPEN_CLASS}])"
    rf"|(?P<close>[{_CLOSE_CLASS}])"
)
# A quote or bracket left open longer than this is taken to be unbalanced (a stray mark), so
# it cannot swallow the rest of a long paragraph.
MAX_QUOTED_CHARS = 400
MAX_DEPTH = 8
# Clauses lighter than this (Han characters + Latin words) are merged into a neighbour,
# so that connectives such as "同时," or "因此," do not stand alone.
MIN_CLAUSE_WEIGHT = 4
_WEIGHT_UNIT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]|[A-Za-z]+")


def split_sentences(text: str) -> list[int]:
    """Cut offsets (ends of sentences) in ``text``, one paragraph of Chinese."""
    cuts: list[int] = []
    depth = 0
    opened_at = 0
    for m in _SENTENCE_EVENT.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            if depth == 0:
                opened_at = m.start()
            depth = min(depth + 1, MAX_DEPTH)
        elif kind == "close":
            depth = max(depth - 1, 0)
        else:
            if depth and m.start() - opened_at > MAX_QUOTED_CHARS:
                depth = 0
            if kind == "semi":
                if depth == 0:
                    cuts.append(m.end())
                continue
            token = m.group()
            closed = sum(1 for ch in token if ch in _CLOSERS)
            depth_after = max(depth - closed, 0)
            # "……。”" ends the sentence when the closing quote brings us back to top level.
            if depth == 0 or depth_after == 0:
                cuts.append(m.end())
            depth = depth_after
    return cuts


def _is_numeric_separator(text: str, pos: int) -> bool:
    """True for the comma of "2,000" or the colon of "10:30", which are not clause boundaries."""
    return (
        text[pos] in ",:"
        and 0 < pos < len(text) - 1
        and text[pos - 1].isdigit()
        and text[pos + 1].isdigit()
    )


def split_clauses(text: str) -> list[int]:
    """Cut offsets (ends of clauses) in ``text``, one Chinese sentence.

    Boundaries are commas, semicolons and colons at top level; 、 never splits, so enumerations
    stay whole. Light pieces are merged into the following clause (into the previous one at the
    end of the sentence).
    """
    candidates: list[int] = []
    depth = 0
    opened_at = 0
    for m in _CLAUSE_EVENT.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            if depth == 0:
                opened_at = m.start()
            depth = min(depth + 1, MAX_DEPTH)
        elif kind == "close":
            depth = max(depth - 1, 0)
        else:
            if depth and m.start() - opened_at > MAX_QUOTED_CHARS:
                depth = 0
            if depth == 0 and not _is_numeric_separator(text, m.start()):
                candidates.append(m.end())
    if not candidates:
        return []
    units = [m.start() for m in _WEIGHT_UNIT.finditer(text)]
    return accept_cuts(candidates, units, len(text), MIN_CLAUSE_WEIGHT)


def accept_cuts(candidates: list[int], units: list[int], length: int, minimum: int) -> list[int]:
    """Greedily keep the candidate cuts that leave at least ``minimum`` units on both sides.

    ``units`` are the sorted start offsets of the counted units (words or characters). The piece
    before a kept cut starts at the previous kept cut; the remainder runs to ``length``, so the
    last piece is never lighter than ``minimum`` either (unless the whole text is).
    """
    kept: list[int] = []
    last = 0
    total = len(units)
    for cut in candidates:
        if cut <= last or cut >= length:
            continue
        before = bisect_left(units, cut) - bisect_left(units, last)
        after = total - bisect_left(units, cut)
        if before >= minimum and after >= minimum:
            kept.append(cut)
            last = cut
    return kept


# --- words -----------------------------------------------------------------------------------

_jieba: Any = None
_jieba_lock = threading.Lock()


def _cache_dir() -> str:
    """The user's temp dir, or (if there is no writable one) a path where saving simply fails."""
    try:
        return tempfile.gettempdir()
    except OSError:
        # jieba then fails to save its cache, which it tolerates; it must not fall back to the cwd.
        return os.path.join(os.sep, "nonexistent", "transdiff-no-writable-temp-dir")


def _tokenizer() -> Any:
    """The jieba tokenizer, initialised once; its cache lives in the user's temp dir only."""
    global _jieba
    if _jieba is not None:
        return _jieba
    with _jieba_lock:
        if _jieba is None:
            import jieba  # imported lazily: loading it costs ~1 s and only word-level stages need it

            jieba.setLogLevel(logging.WARNING)
            jieba.dt.tmp_dir = _cache_dir()
            uid = os.getuid() if hasattr(os, "getuid") else 0
            jieba.dt.cache_file = f"transdiff-jieba-{uid}.cache"
            # A read-only temp dir only means the cache is not saved; jieba would log that
            # with a traceback, which is noise for the user.
            jieba.setLogLevel(logging.CRITICAL)
            try:
                jieba.dt.initialize()
            finally:
                jieba.setLogLevel(logging.WARNING)
            _jieba = jieba
    return _jieba


def zh_words(text: str) -> list[tuple[str, int, int]]:
    """jieba words of ``text`` as (word, start, end) offsets into ``text``, without whitespace."""
    if not text:
        return []
    jieba = _tokenizer()
    return [(word, start, end) for word, start, end in jieba.tokenize(text) if not word.isspace()]


def add_words(words: Iterable[str]) -> None:
    """Make jieba keep each of ``words`` (e.g. glossary terms) as a single token."""
    jieba = _tokenizer()
    for word in words:
        word = word.strip()
        if word:
            jieba.add_word(word)
