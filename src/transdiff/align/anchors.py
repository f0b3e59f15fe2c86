"""Anchors for the band of large pairs: sure 1-1 sentence pairs found by a walk down the source,
and the band centre that runs straight between them."""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional, Sequence

from ..score import BeadScorer

ANCHOR_WINDOW = 30
ANCHOR_TRUST = 6   # targets between a pair and the prediction within which the walk follows the pair
LOST_AFTER = 8     # rows without a trusted pair after which the walk counts as lost
LOST_STRIDE = 4    # a lost walk searches wide every this many rows
ANCHOR_SEARCH_WORK = 40   # cells of the wide searches, per segment of the pair


def find_anchors(scorer: BeadScorer, n: int, m: int, window: int = ANCHOR_WINDOW) -> list[tuple[int, int]]:
    """1-1 sentence pairs that clearly cover each other best, found by walking down the source and
    searching a window around where the last trusted pair and the lengths since predict the target
    (so the window follows the drift of the path), reduced to a monotone chain (longest increasing
    subsequence).

    The walk trusts a pair within ANCHOR_TRUST of the prediction, or one ahead of the last trusted
    pair that a second pair confirms (a real jump of the path): in repetitive text (a list of
    near-identical passages) pairs far behind the prediction pulled the walk back to earlier
    passages, and it never caught up again. After LOST_AFTER rows without a trusted pair, a pair
    needs confirming even near the prediction (inside an omission only chance pairs turn up), and
    every LOST_STRIDE rows the walk searches from the last trusted target to as far again past the
    prediction: after an omission from the target the path is behind the prediction, after one
    from the source ahead of it. A pair found that far off needs two to confirm it; the wide
    searches together cover at most ANCHOR_SEARCH_WORK cells per segment of the pair, so a pair of
    unrelated texts (where the walk is lost throughout) costs linear time too."""
    table = scorer.table
    threshold = scorer.coverage.p_match
    expected = scorer.expected_path()
    slope = m / n
    wide_left = ANCHOR_SEARCH_WORK * (n + m)

    def best_of(i: int, targets: Sequence[int]) -> int:
        best, second, best_j = 0.0, 0.0, -1
        for j, rate in zip(targets, table.rates(i, targets)):
            if rate > best:
                best, second, best_j = rate, best, j
            elif rate > second:
                second = rate
        return best_j if best >= threshold and best - second >= 0.1 else -1

    last_i, last_j, since = 0, 0, 0
    pending: Optional[tuple[int, int]] = None   # a pair off the prediction, not yet confirmed
    needed = 0   # pairs still to confirm it
    held: list[tuple[int, int]] = []   # pairs outside the walk's window: they count once confirmed
    pairs: list[tuple[int, int]] = []
    for i in range(n):
        if not table.source_units[i]:
            continue
        since += 1
        c = last_j + expected[i] - expected[last_i]
        low, high = max(0, c - window), min(m, c + window + 1)
        lost = since > LOST_AFTER
        if lost and since % LOST_STRIDE == 0 and wide_left > 0:
            # behind the prediction after an omission from the target, ahead after one from the source
            low, high = min(low, last_j + 1), min(m, max(high, c + 2 * (c - last_j) + window + 1))
        if pending is not None:   # around where the unconfirmed pair predicts, too
            p = pending[1] + expected[i] - expected[pending[0]]
            low, high = min(low, max(0, p - window)), max(high, min(m, p + window + 1))
        if high - low > 2 * window + 1:
            wide_left -= high - low
        best_j = best_of(i, range(low, high))
        if best_j < 0:
            continue
        near = abs(best_j - c) <= window
        if pending is not None and best_j > pending[1] and \
                abs(best_j - pending[1] - slope * (i - pending[0])) <= ANCHOR_TRUST:
            needed -= 1
            pending = (i, best_j)
            if near:
                pairs.append(pending)
            else:
                held.append(pending)
            if needed <= 0:
                pairs.extend(held)
                last_i, last_j, since, pending, held = i, best_j, 0, None, []
            continue
        if near:
            pairs.append((i, best_j))
        if abs(best_j - c) <= ANCHOR_TRUST and not lost:
            last_i, last_j, since, pending, held = i, best_j, 0, None, []
        elif best_j > last_j:   # behind the last trusted pair the path cannot be
            pending, held = (i, best_j), ([] if near else [(i, best_j)])
            needed = 1 if near else 2   # a jump far from the prediction needs two to confirm it
    pairs.sort()
    return _increasing_chain([p for k, p in enumerate(pairs) if k == 0 or p[0] != pairs[k - 1][0]])


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (pairs sorted by i, distinct i)."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    chain = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pairs[k])
        k = prev[k]
    return chain[::-1]


def anchor_centre(anchors: list[tuple[int, int]], n: int, m: int) -> list[int]:
    """A path through the anchors, straight between them, as the centre of the band."""
    points = [(0, 0)] + anchors + [(n, m)]
    centre = [0] * (n + 1)
    for (i0, j0), (i1, j1) in zip(points, points[1:]):
        for i in range(i0, i1 + 1):
            centre[i] = j0 + ((j1 - j0) * (i - i0)) // max(1, i1 - i0)
    return centre
