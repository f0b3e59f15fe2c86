"""Noun compounds in the order the English document writes them: 妇女人数 "the number of women".

Chinese puts a noun before the noun it qualifies with nothing between (妇女人数, 决议执行情况,
方案名称); English often writes the head first with "of" (the number of women, the implementation of the
resolution, the name of the programme), and often not (the human rights situation, the security
forces). Which one is the English document's own usage: where the head noun of a short noun run is a
word the document writes directly before "of" in at least ``OF_SHARE`` of its occurrences (and at least
``MIN_OF`` times), the gloss says "the HEAD of X"; elsewhere the Chinese order stays. A reading aid
grounded in the document, display only: the words' keys and spans are not changed.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .phrase_words import is_noun, tag_of

if TYPE_CHECKING:
    from .senses import EnglishContext

OF_SHARE = 0.5   # share of the head's occurrences in the document directly before "of" (set on seed 2, documents 1-30)
MIN_OF = 2       # occurrences of "HEAD of" in the document, at least
MAX_BEFORE = 3   # nouns before the head
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]")
_DETERMINERS = frozenset("the a an this that these those its their his her our my your each every".split())


def of_counts(text: str) -> tuple[Counter, Counter]:
    """(seen, before_of): per lower-case word of the text, its occurrences and those directly before "of"."""
    seen: Counter = Counter()
    before_of: Counter = Counter()
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    for k, tok in enumerate(tokens):
        if tok[0].isalpha():
            seen[tok] += 1
            if k + 1 < len(tokens) and tokens[k + 1] == "of":
                before_of[tok] += 1
    return seen, before_of


def _plain_noun(word: dict) -> bool:
    """A noun of the run: a common noun or a name, glossed in words (not a number, not punctuation)."""
    g = word["gloss"]
    return bool(g) and is_noun(word) and not g.endswith(" of") and g.split()[0].lower() not in _DETERMINERS


def _head_word(gloss: str) -> str:
    """The head of a noun's gloss: its last word, or the word before its "of" (number of people)."""
    return gloss.split(" of ")[0].split()[-1].lower()


def _head_of(word: dict, seen: Counter, before_of: Counter) -> bool:
    g = word["gloss"]
    if not g or g[:1].isupper() or tag_of(word).startswith(("nr", "ns", "nt")):
        return False
    head = _head_word(g)
    n = before_of.get(head, 0)
    return n >= MIN_OF and n >= OF_SHARE * seen.get(head, 0)


def noun_compounds(words: list[dict], context: "EnglishContext") -> list[dict]:
    """The words with each "X HEAD" noun run the document writes as "the HEAD of X" in that order
    (copies where a gloss changes; the list given is not changed)."""
    if not context.text:
        return words
    if "of counts" not in context.derived:
        context.derived["of counts"] = of_counts(context.text)
    seen, before_of = context.derived["of counts"]
    out: list[dict] = []
    k = 0
    while k < len(words):
        w = words[k]
        # a run of glossed nouns from here (the word before it is no noun: the loop takes runs whole)
        j = k
        while j < len(words) and _plain_noun(words[j]) and j - k <= MAX_BEFORE:
            j += 1
        run = words[k:j]
        after = words[j] if j < len(words) else None
        whole = after is None or not _plain_noun(after)
        last = next((v for v in reversed(out) if v["gloss"]), None)
        # after a number (22 countries...) or a 的 (X的 Y Z) the run is no phrase of its own
        # or after a phrase opened with "the" (the lowest record number): the run is part of it
        opened = last is not None and (last["source"] == "number" or last["gloss"].lower().startswith("the "))
        counted = opened or bool(out and out[-1]["word"] in ("的", "之"))
        if len(run) >= 2 and whole and not counted and _head_of(run[-1], seen, before_of):
            # 本决议执行情况: "the implementation of this resolution", the determiner with its noun
            owner = []
            if last is not None and out and out[-1] is last and last["gloss"].lower() in _DETERMINERS:
                owner = [out.pop()]
            head = run[-1]["gloss"].split(" of ")[0]   # 人数 "number of people": the number of X
            out += [{**run[-1], "gloss": f"the {head} of"}] + owner + run[:-1]
            k = j
            continue
        if len(run) >= 2:
            out += run
            k = j
            continue
        out.append(w)
        k += 1
    return out
