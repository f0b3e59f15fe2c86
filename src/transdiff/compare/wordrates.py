"""How often each word of a document finds a counterpart in its pair: a run-time link rate per word.

A stretch of unlinked words inside a faithful pair is either a cut (its rendering is missing) or a
dictionary miss (the rendering is there, the dictionary does not know it). The document itself tells
the two apart for the words it repeats: a word that links in the other pairs where it occurs is one the
dictionary can render, so its missing link here says its rendering is missing; a word that occurs
elsewhere and never links is a dictionary miss, and weak evidence. Estimated over the document in
``compare`` and over the file in ``check``, never from stored corpus statistics.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Sequence

from ..represent import Unit

PSEUDO = 2.0   # pseudo-occurrences at the document's linked share that a word's own rate is smoothed with


def word_of(u: Unit) -> str:
    return u.text.lower()


class WordRates:
    """Per side ("s", "t"), how many times each word occurs in the paired text and how many of those
    occurrences link (``pairs``: each pair's source units, target units and link pairs)."""

    def __init__(self, pairs: Sequence[tuple[Sequence[Unit], Sequence[Unit], list[tuple[int, int]]]]) -> None:
        self.seen = {"s": Counter(), "t": Counter()}
        self.linked = {"s": Counter(), "t": Counter()}
        for src_units, tgt_units, links in pairs:
            for side, units, ends in (("s", src_units, {a for a, _ in links}), ("t", tgt_units, {b for _, b in links})):
                for i, u in enumerate(units):
                    self.seen[side][word_of(u)] += 1
                    if i in ends:
                        self.linked[side][word_of(u)] += 1

    def evidence(self, side: str, gap: Sequence[Unit], units: Sequence[Unit], linked: set[int],
                 literal: float) -> dict[str, float]:
        """For the gap's words, judged outside their own pair (``units``: the pair's units of this side,
        ``linked``: the ``nstart`` of those that link): ``linkable``, how many link elsewhere in the
        document; ``unlinkable``, how many occur elsewhere and never link; ``link_llr``, the
        log-likelihood ratio of the gap's missing links under each word's own link rate elsewhere
        (smoothed towards the document's ``literal`` share) against that share: a word that links
        wherever else it occurs says more by not linking here."""
        own_seen: Counter = Counter(word_of(u) for u in units)
        own_linked: Counter = Counter(word_of(u) for u in units if u.nstart in linked)
        linkable = unlinkable = llr = 0.0
        base = min(max(literal, 0.05), 0.95)
        for u in gap:
            w = word_of(u)
            seen = self.seen[side][w] - own_seen[w]
            hits = self.linked[side][w] - own_linked[w]
            rate = min((hits + PSEUDO * base) / (max(seen, 0) + PSEUDO), 0.95)
            llr += math.log((1 - base) / (1 - rate))
            if hits > 0:
                linkable += 1.0
            elif seen > 0:
                unlinkable += 1.0
        return {"linkable": round(math.log1p(linkable), 4), "unlinkable": round(math.log1p(unlinkable), 4),
                "link_llr": round(llr, 4)}
