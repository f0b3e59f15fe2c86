""""The" before a noun phrase where the English document itself writes its noun with "the".

Chinese has no articles; English official text writes most of its nouns with one ("the Committee",
"the report", "the implementation of the resolution"). A gloss that drops all of them reads as a list
of words. The display gloss puts "the" at the start of a noun phrase only where the English document
evidences it: the phrase's head noun (the last noun of the run) is written after "the" (directly or
with one word between: "the present report") in at least ``NOUN_THE_SHARE`` of its occurrences there,
and at least ``MIN_SEEN`` times. A name counts by its last word (Security Council: "the Security
Council", "the Council"; Chile: none). A phrase that already opens with a determiner, a possessive, a
number or a quantifier takes none. A reading aid grounded in the document, display only: the words'
keys and spans are not changed.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .phrase_words import tag_of

if TYPE_CHECKING:
    from .senses import EnglishContext

NOUN_THE_SHARE = 0.5   # share of a noun's occurrences in the document after "the" (set on seed 2, documents 1-30)
MIN_SEEN = 2           # occurrences of the noun in the document, at least
# the head nouns of the names of bodies and instruments, which English writes after "the" (the Security
# Council, the African Union, the Basel Convention; not Morocco, not UNICEF)
INSTITUTIONS = frozenset("""Council Committee Commission Secretariat Assembly Conference Convention Forum Union
    Organization Organisation Agency Office Court Board Fund Programme Bank Mission Force Forces Protocol Treaty
    Charter Covenant Declaration Group Panel Tribunal Parliament Ministry Department Institute Centre Center
    Authority Federation League Alliance Coalition Army Government Secretary-General""".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]")
# words that open a noun phrase themselves: no "the" before them
_OPENERS = frozenset("""the a an this that these those its their his her our my your each every all some any
    no many much several few more most other such both either neither another which what whose""".split())
_NOT_IN_PHRASE = frozenset("""of and or to in on at for with by from as is are was were be been has have had
    will would shall should may might can could must not that which who""".split())


def article_counts(text: str) -> tuple[Counter, Counter]:
    """(seen, after_the): per lower-case word of the text, its occurrences, and those with "the"
    directly before it or one word before it (the present report)."""
    seen: Counter = Counter()
    after: Counter = Counter()
    tokens = _TOKEN.findall(text)
    for k, tok in enumerate(tokens):
        if not tok[0].isalpha():
            continue
        low = tok.lower()
        seen[low] += 1
        if k >= 1 and tokens[k - 1].lower() == "the":
            after[low] += 1
        elif (k >= 2 and tokens[k - 2].lower() == "the" and tokens[k - 1][0].isalpha()
              and tokens[k - 1].lower() not in _NOT_IN_PHRASE):
            after[low] += 1
    return seen, after


def _is_nominal(word: dict) -> bool:
    g = word["gloss"]
    if not g or word["source"] in ("number", "as written"):
        return False
    return tag_of(word).startswith(("n", "a", "b")) or tag_of(word) == "vn" or g[:1].isupper()


def _is_head(word: dict) -> bool:
    g = word["gloss"]
    if not g or word["source"] in ("number", "as written"):
        return False
    tag = tag_of(word)
    return (tag.startswith("n") and not tag.startswith(("nr", "ns"))) or tag == "vn" or g[:1].isupper()


def noun_articles(words: list[dict], context: "EnglishContext") -> None:
    """Put "the" before each noun phrase (a run of adjectives and nouns ending in a noun) whose head
    noun the document writes mostly with "the", unless the phrase already opens with a determiner."""
    if "articles" not in context.derived:
        context.derived["articles"] = article_counts(context.text)
    seen, after = context.derived["articles"]
    opened = False   # the word before opens a noun phrase itself (a determiner, a number)
    k = 0
    while k < len(words):
        w = words[k]
        if not w["gloss"]:
            k += 1
            continue
        if not _is_nominal(w):
            opened = w["source"] == "number" or w["gloss"].split()[-1].lower() in _OPENERS
            k += 1
            continue
        # the run of nominal words from here; its head is the last noun of it
        run = [k]
        j = k + 1
        while j < len(words) and not w["gloss"].endswith(" of"):
            v = words[j]
            if not v["gloss"]:
                if v["source"] in ("as written",):
                    break
                j += 1
                continue
            if not _is_nominal(v) or v["gloss"].split()[0].lower() in _OPENERS:
                break   # a phrase of its own (the Y of X)
            run.append(j)
            j += 1
            if v["gloss"].endswith(" of"):
                break   # the meeting of | the Council
        heads = [i for i in run if _is_head(words[i])]
        if heads and not opened and w["gloss"].split()[0].lower() not in _OPENERS:
            head = words[heads[-1]]["gloss"].split()[-1].lower()
            n = seen.get(head, 0)
            # a body's head noun the document writes less than twice: the committee, the commission
            if (n >= MIN_SEEN and after.get(head, 0) >= NOUN_THE_SHARE * n) or (
                    n < MIN_SEEN and head.capitalize() in INSTITUTIONS):
                w["gloss"] = "the " + w["gloss"]
        opened = False
        k = run[-1] + 1
