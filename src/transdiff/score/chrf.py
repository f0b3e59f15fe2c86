"""chrF (sacrebleu) between the English gloss of the Chinese side and the English side.

It is used where candidates are few (clauses inside aligned sentences), not over a whole document.
sacrebleu's ``sentence_score`` slices and counts the n-grams of both strings on every call, and the DP
pairs the same runs of clauses many times. Here each clause is sliced once; a run's n-grams are its
clauses' n-grams plus the few that straddle a join, from strings that already exist (and hash once),
kept as a set plus the counts of the few that repeat. A pair's matched count per order, the sum over
n-grams of the smaller count, is then a set intersection and a small correction for repeats. The
statistics are sacrebleu's integers and the averaging is its float arithmetic step for step, so the
score is the same to the bit; settings other than the default character chrF go through sacrebleu.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional, Sequence

from sacrebleu.metrics import CHRF

from ..represent import Features


def _gloss_or_text(f: Features, is_chinese: bool) -> str:
    if is_chinese:
        return " ".join(u.gloss for u in f.units if u.gloss)
    return " ".join(u.text for u in f.units)


# per order n: the distinct n-grams of a string, how many n-grams it has, and the counts of those that
# occur more than once (None when none does)
_NGrams = list[tuple[frozenset[str], int, Optional[dict[str, int]]]]


def _slices(chars: str, max_order: int) -> list[list[str]]:
    return [[chars[k:k + n] for k in range(len(chars) - n + 1)] for n in range(1, max_order + 1)]


def run_ngrams(pieces: Sequence[str], sliced: Sequence[list[list[str]]], max_order: int) -> _NGrams:
    """The n-grams of the concatenation of ``pieces`` (whitespace already removed), given each piece's
    n-grams as ``_slices`` makes them: theirs plus those that start in one piece and end in a later one."""
    joined = "".join(pieces)
    length = len(joined)
    ends = []
    pos = 0
    for piece in pieces[:-1]:
        ends.append((pos, pos + len(piece)))
        pos += len(piece)
    out: _NGrams = []
    for n in range(1, max_order + 1):
        if len(sliced) == 1:
            grams = sliced[0][n - 1]
        else:
            grams = [g for piece in sliced for g in piece[n - 1]]
            if n > 1:
                grams += [joined[k:k + n] for start, end in ends
                          for k in range(max(start, end - n + 1), min(end, length - n + 1))]
        distinct = frozenset(grams)
        repeated = None
        if len(distinct) != len(grams):
            repeated = {g: c for g, c in Counter(grams).items() if c > 1}
        out.append((distinct, max(0, length - n + 1), repeated))
    return out


def char_ngrams(text: str, max_order: int) -> _NGrams:
    """The n-grams of one string, as sacrebleu counts them (whitespace removed)."""
    chars = "".join(text.split())
    return run_ngrams([chars], [_slices(chars, max_order)], max_order)


def chrf_of(hyp: _NGrams, ref: _NGrams, beta: int = 2) -> float:
    """sacrebleu's sentence chrF (effective-order averaging, ``_compute_f_score``) from the n-grams.

    The matched count of an order, the sum over shared n-grams of the smaller count, is one per shared
    n-gram plus, for those both sides repeat, the smaller count less one."""
    factor = beta ** 2
    prec_sum, rec_sum = 0.0, 0.0
    effective_order = 0
    for (h, n_hyp, h_rep), (r, n_ref, r_rep) in zip(hyp, ref):
        if n_hyp > 0 and n_ref > 0:
            n_match = len(h & r)
            if h_rep and r_rep:
                for g in h_rep.keys() & r_rep.keys():
                    n_match += min(h_rep[g], r_rep[g]) - 1
            prec_sum += n_match / n_hyp
            rec_sum += n_match / n_ref
            effective_order += 1
    return _f_score(prec_sum, rec_sum, effective_order, factor)


def _f_score(prec_sum: float, rec_sum: float, effective_order: int, factor: int) -> float:
    """chrF from the summed precisions and recalls of the orders both sides have, in sacrebleu's order
    of operations (so that the score equals sacrebleu's to the bit)."""
    if effective_order == 0:
        return 0.0
    avg_prec = prec_sum / effective_order
    avg_rec = rec_sum / effective_order
    if avg_prec + avg_rec:
        score = (1 + factor) * avg_prec * avg_rec
        score /= ((factor * avg_prec) + avg_rec)
        return 100 * score
    return 0.0


@lru_cache(maxsize=1 << 16)
def chrf_ceiling(hyp_len: int, ref_len: int, max_order: int, beta: int = 2) -> float:
    """The highest chrF two strings of these lengths (whitespace removed) can have: each order's
    precision and recall as if every n-gram of the shorter side matched (the F-score grows with both)."""
    factor = beta ** 2
    prec_sum, rec_sum = 0.0, 0.0
    effective_order = 0
    for n in range(1, max_order + 1):
        n_hyp, n_ref = hyp_len - n + 1, ref_len - n + 1
        if n_hyp > 0 and n_ref > 0:
            most = min(n_hyp, n_ref)
            prec_sum += most / n_hyp
            rec_sum += most / n_ref
            effective_order += 1
    return _f_score(prec_sum, rec_sum, effective_order, factor)


def _cumulative_lengths(chars: list[tuple[str, object]]) -> list[int]:
    out = [0]
    for text, _ in chars:
        out.append(out[-1] + len(text))
    return out


class GlossChrf:
    name = "chrf"

    def __init__(self, source: Sequence[Features], target: Sequence[Features], *, source_is_chinese: bool,
                 baseline: float = 12.0, weight: float = 0.08) -> None:
        self.weight = weight
        self.baseline = baseline
        self._metric = CHRF()
        self._src = [_gloss_or_text(f, source_is_chinese) for f in source]
        self._tgt = [_gloss_or_text(f, not source_is_chinese) for f in target]
        self._zh_is_source = source_is_chinese
        self._cache: dict[tuple[int, int, int, int], float] = {}
        metric = self._metric
        self._own = (metric.word_order == 0 and not metric.whitespace and not metric.lowercase
                     and not metric.eps_smoothing)
        # whitespace-free text and n-gram slices of each segment, and the n-grams of each run
        # (first segment, run length) of segments, None when the run is blank
        self._src_chars = [("".join(t.split()), None) for t in self._src]
        self._tgt_chars = [("".join(t.split()), None) for t in self._tgt]
        self._src_runs: dict[tuple[int, int], Optional[_NGrams]] = {}
        self._tgt_runs: dict[tuple[int, int], Optional[_NGrams]] = {}
        self._src_cum = _cumulative_lengths(self._src_chars)
        self._tgt_cum = _cumulative_lengths(self._tgt_chars)

    def _run(self, chars: list, runs: dict, i: int, a: int) -> Optional[_NGrams]:
        key = (i, a)
        if key in runs:
            return runs[key]
        order = self._metric.char_order
        pieces, sliced = [], []
        for k in range(i, min(i + a, len(chars))):
            text, grams = chars[k]
            if grams is None:
                grams = _slices(text, order)
                chars[k] = (text, grams)
            pieces.append(text)
            sliced.append(grams)
        hit = runs[key] = run_ngrams(pieces, sliced, order) if any(pieces) else None
        return hit

    def chrf(self, i: int, a: int, j: int, b: int) -> float:
        key = (i, a, j, b)
        hit = self._cache.get(key)
        if hit is None:
            if self._own:
                src = self._run(self._src_chars, self._src_runs, i, a)
                tgt = self._run(self._tgt_chars, self._tgt_runs, j, b)
                if src is None or tgt is None:
                    hit = 0.0
                else:
                    hyp, ref = (src, tgt) if self._zh_is_source else (tgt, src)
                    hit = chrf_of(hyp, ref, self._metric.beta)
            else:
                src = " ".join(self._src[i:i + a])
                tgt = " ".join(self._tgt[j:j + b])
                if not src.strip() or not tgt.strip():
                    hit = 0.0
                else:
                    hyp, ref = (src, tgt) if self._zh_is_source else (tgt, src)
                    hit = self._metric.sentence_score(hyp, [ref]).score
            self._cache[key] = hit
        return hit

    def score(self, i: int, a: int, j: int, b: int) -> float:
        return self.weight * (self.chrf(i, a, j, b) - self.baseline)

    def score_floor(self) -> float:
        """A bound below every ``score``: chrF is at least 0 (the margin covers rounding)."""
        return min(self.weight * (-1.0 - self.baseline), self.weight * (101.0 - self.baseline))

    def score_ceiling(self, i: int, a: int, j: int, b: int) -> float:
        """A bound above ``score(i, a, j, b)`` from the lengths of the two runs alone (n-grams can match
        at most as many as the shorter side has), so that the DP can skip hopeless pairs unscored."""
        if self.weight < 0 or not self._own:
            return max(self.weight * (-1.0 - self.baseline), self.weight * (101.0 - self.baseline))
        src_len = self._src_cum[min(i + a, len(self._src))] - self._src_cum[i]
        tgt_len = self._tgt_cum[min(j + b, len(self._tgt))] - self._tgt_cum[j]
        hyp_len, ref_len = (src_len, tgt_len) if self._zh_is_source else (tgt_len, src_len)
        ceiling = chrf_ceiling(hyp_len, ref_len, self._metric.char_order, self._metric.beta)
        return self.weight * (ceiling + 0.5 - self.baseline)   # 0.5: rounding
