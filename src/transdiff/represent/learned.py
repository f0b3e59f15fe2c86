"""A translation lexicon learned from the document pair itself (as hunalign's realign does).

After a first alignment, Chinese words and English keys that keep appearing in the same confident
beads are linked (Dice association), and the link is added to the Chinese word's keys for a second
pass. It fills the gaps of the dictionary with the document's own vocabulary: 人人 -> everyone,
有权 -> right, in a text where the dictionary glosses them otherwise.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Sequence

from ..types import Bead
from . import Features, Unit

MIN_PAIR_COUNT = 3
MIN_DICE = 0.5


def learn_lexicon(zh: Sequence[Features], en: Sequence[Features], beads: Sequence[Bead], *,
                  zh_is_source: bool, min_count: int = MIN_PAIR_COUNT,
                  min_dice: float = MIN_DICE) -> dict[str, frozenset[str]]:
    """Chinese word -> English keys strongly associated with it over the linked beads."""
    word_count: Counter[str] = Counter()
    key_count: Counter[str] = Counter()
    pair_count: Counter[tuple[str, str]] = Counter()
    for bead in beads:
        if not bead.source or not bead.target:
            continue
        zh_ids, en_ids = (bead.source, bead.target) if zh_is_source else (bead.target, bead.source)
        words = {u.text for i in zh_ids for u in zh[i].units if not u.text.isascii()}
        keys = {k for j in en_ids for u in en[j].units for k in u.keys if not k.startswith("#")}
        if not words or not keys or len(words) * len(keys) > 4000:
            continue
        word_count.update(words)
        key_count.update(keys)
        for w in words:
            for k in keys:
                pair_count[(w, k)] += 1
    best: dict[str, list[tuple[float, str]]] = {}
    for (w, k), c in pair_count.items():
        if c < min_count:
            continue
        dice = 2 * c / (word_count[w] + key_count[k])
        if dice >= min_dice:
            best.setdefault(w, []).append((dice, k))
    # a word keeps its two strongest associations: enough for a word and its usual rendering
    return {w: frozenset(k for _, k in sorted(pairs, reverse=True)[:2]) for w, pairs in best.items()}


def augment(features: Sequence[Features], lexicon: dict[str, frozenset[str]]) -> list[Features]:
    """Copies of Chinese features whose units also carry the learned keys."""
    if not lexicon:
        return list(features)
    out = []
    for f in features:
        units: list[Unit] = []
        changed = False
        for u in f.units:
            extra = lexicon.get(u.text)
            if extra and not extra <= u.keys:
                units.append(replace(u, keys=u.keys | extra))
                changed = True
            else:
                units.append(u)
        if changed:
            keyset = frozenset().union(*(u.keys for u in units))
            out.append(replace(f, units=units, keyset=keyset))
        else:
            out.append(f)
    return out
