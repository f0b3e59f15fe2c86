"""Which words of an aligned pair have a counterpart: competitive linking of content units.

Used by the compare stage (gaps are the units left without a link) and by the API's check that two
documents are translations of each other at all.
"""
from __future__ import annotations

from typing import Sequence

from ..align import Hierarchy
from ..represent import Unit

MAX_LINKS_PER_UNIT = 2


def competitive_links(source: Sequence[Unit], target: Sequence[Unit]) -> tuple[set[int], set[int]]:
    """The ``nstart`` of the units of each side that ``link_pairs`` links."""
    pairs = link_pairs(source, target)
    return {source[s].nstart for s, _ in pairs}, {target[t].nstart for _, t in pairs}


def link_pairs(source: Sequence[Unit], target: Sequence[Unit]) -> list[tuple[int, int]]:
    """Link units that share a key, each target unit to at most one source unit (competitive linking);
    returns (source index, target index) pairs.

    A plain key test lets one English "right" cover every 权利 and 有权 of a merged pair; here the words
    with the fewest candidates choose first and a used word is gone.
    """
    by_key: dict[str, list[int]] = {}
    for t, unit in enumerate(target):
        for key in unit.keys:
            by_key.setdefault(key, []).append(t)
    candidates = [sorted({t for key in unit.keys for t in by_key.get(key, ())}) for unit in source]
    free = [True] * len(target)
    pairs: list[tuple[int, int]] = []
    for s in sorted(range(len(source)), key=lambda s: (len(candidates[s]), s)):
        taken = 0
        used_keys: set[str] = set()
        for t in candidates[s]:
            if not free[t] or not target[t].keys.isdisjoint(used_keys):
                continue
            free[t] = False
            used_keys |= target[t].keys & source[s].keys
            pairs.append((s, t))
            taken += 1
            if taken == MAX_LINKS_PER_UNIT:
                break
    return pairs


def linked_share(hierarchy: Hierarchy) -> float:
    """Share of all content units (both sides) that find a counterpart in their bead by competitive
    linking: about 0.4-0.8 for translations, under 0.1 for unrelated texts."""
    src_f, tgt_f = hierarchy.sentence_features
    total = sum(len(f.units) for f in src_f) + sum(len(f.units) for f in tgt_f)
    if not total:
        return 0.0
    linked = 0
    for bead in hierarchy.sentences.beads:
        if bead.source and bead.target:
            ls, lt = competitive_links([u for i in bead.source for u in src_f[i].units],
                                       [u for j in bead.target for u in tgt_f[j].units])
            linked += len(ls) + len(lt)
    return linked / total
