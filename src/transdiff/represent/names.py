"""Romanised names: a Chinese word and the pinyin an English text spells it with meet on one key.

The dictionary glosses 张伟明 as "open up / big / Ming Dynasty" and has no 王先生, but the English says
"Zhang Weiming" and "Mr Wang". A Chinese word gets ``~`` keys for the toneless pinyin of its runs of two
or more characters (and, for a word the dictionary does not know, of its first character: the surname);
a capitalised English word gets ``~`` plus its letters. Single syllables are keyed only as surnames
because "He", "Long" or "Fan" begin English sentences too.
"""
from __future__ import annotations

from itertools import product
from typing import Mapping, Sequence

NAME_PREFIX = "~"
MAX_RUN = 4          # Chinese names and place names are rarely longer, and runs grow quadratically
MAX_SPELLINGS = 16   # polyphonic characters multiply the spellings of a run


def pinyin_keys(word: str, readings: Mapping[str, Sequence[str]], *, known: bool = True) -> frozenset[str]:
    """``~`` keys of the pinyin spellings of a Chinese word's runs of 2..MAX_RUN characters; for an unknown
    word of 2-4 characters also of its first character (the surname of a personal name)."""
    options = [readings.get(ch, ()) for ch in word]
    keys: set[str] = set()
    n = len(word)
    for start in range(n):
        for end in range(start + 2, min(n, start + MAX_RUN) + 1):
            keys |= _spellings(options[start:end])
    if not known and 2 <= n <= 4:
        keys |= _spellings(options[:1])
    return frozenset(keys)


def _spellings(options: Sequence[Sequence[str]]) -> set[str]:
    if not options or not all(options):
        return set()
    out: set[str] = set()
    for combo in product(*options):
        out.add(NAME_PREFIX + "".join(combo))
        if len(out) >= MAX_SPELLINGS:
            break
    return out


def romanised_keys(word: str) -> frozenset[str]:
    """``~`` keys of a capitalised English word (and of the parts of a hyphenated one: Dali-Ruili)."""
    if not word[:1].isupper() or word.isupper():
        return frozenset()
    parts = [p for p in word.replace("\u2019", "-").replace("'", "-").split("-") if p]
    if not all(p.isascii() and p.isalpha() for p in parts):
        return frozenset()
    keys = {NAME_PREFIX + p.lower() for p in parts if p[:1].isupper()}
    if len(parts) > 1:
        keys.add(NAME_PREFIX + "".join(parts).lower())
    return frozenset(keys)
