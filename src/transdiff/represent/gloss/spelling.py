"""A dictionary sense in the spelling of the English document: programme, centre, labour, defence.

CC-CEDICT writes American English (program, center, labor); official UN text and much British news
write programme, centre, labour. A gloss in the other spelling misses the document's own word (and
its support in the sense choice: "program" and "programme" are different keys). Each word of a sense
takes the document's spelling where one of the regular American-British variants of it is a word the
document writes and the American form is not. Display only.
"""
from __future__ import annotations

import re
from typing import AbstractSet

# (American ending, British ending), tried in turn on a word's end
_ENDINGS = (
    (re.compile(r"program(s?)$"), r"programme\1"),
    (re.compile(r"([^aeiou])er(s?)$"), r"\1re\2"),            # center, meter, liter, fiber, theater
    (re.compile(r"or(s?)$"), r"our\1"),                       # labor, behavior, neighbor, favor
    (re.compile(r"ense(s?)$"), r"ence\1"),                    # defense, offense, license
    (re.compile(r"([^aeiou])og(s?)$"), r"\1ogue\2"),          # catalog, dialog
    (re.compile(r"el(ed|ing)$"), r"ell\1"),                   # labeled, traveling, canceled
    (re.compile(r"yz(e|ed|es|ing)$"), r"ys\1"),               # analyze, paralyzed
    (re.compile(r"iz(e|ed|es|ing|ation|ations)$"), r"is\1"),  # organize, organization (where the document has -ise)
)
_WORD = re.compile(r"[A-Za-z]+")


def british(word: str) -> list[str]:
    """The British spellings a lower-case American word may have (none for most words)."""
    out = []
    for pattern, repl in _ENDINGS:
        new = pattern.sub(repl, word)
        if new != word:
            out.append(new)
    return out


def document_spelling(sense: str, vocabulary: AbstractSet[str]) -> str:
    """``sense`` with each word the document writes in a British spelling (and not the American one)
    written so; other words as they are (``vocabulary``: the document's words, lower case)."""
    if not vocabulary:
        return sense

    def respell(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 4 or low in vocabulary:
            return word
        for other in british(low):
            if other in vocabulary:
                return other if word.islower() else other.capitalize() if word[:1].isupper() else other
        return word

    return _WORD.sub(respell, sense)
