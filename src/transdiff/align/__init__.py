"""Align stage: dynamic programming over beads (up to 4 segments a side, including 1-0 and 0-1).

The search runs in a band around the path the length ratio predicts; when the best path touches the
band's edge the band is doubled and the search repeated, so large omissions are still found while the
usual cost stays linear in the document length. Alignment is hierarchical: sentences first, then the
clauses inside each pair of aligned sentences.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from ..represent import Features, Representer
from ..represent.learned import augment, learn_lexicon
from ..score import BeadScorer
from ..score.band import band_rows
from ..segment import segment
from ..types import Alignment, Bead, Document, Segment
from .anchors import anchor_centre, find_anchors

MIN_BAND = 12
WIDEN_ROWS = 40   # rows around a point where the path touched the band's edge that get a wider band
MAX_DOUBLINGS = 4   # times a row's band can double in one round of widening
# Widening stops when the searches together would pass this many times the first search's cells (or
# WIDEN_WORK_FLOOR cells, so that short documents can still widen to the whole matrix): without a
# bound, a centre far off the path (an anchor walk led astray) took 20 rounds of ever wider bands.
WIDEN_WORK = 6
WIDEN_WORK_FLOOR = 2_000_000
LEARN = True   # a second pass with a lexicon learned from the first (represent/learned.py)


@dataclass
class SentencePass:
    beads: list[Bead]
    scorer: BeadScorer
    source: list[Features]
    target: list[Features]
    lexicon: dict[str, frozenset[str]]


# Above this many candidate cells, 1-1 anchors (mutually best-covered sentence pairs) fix the path first,
# and the full search runs once in a narrow band around it: the cost stays linear in the document length.
COARSE_ABOVE = 400 * 400
FINE_BAND = 5


def align_features(src_f: list[Features], tgt_f: list[Features], *, source_is_chinese: bool,
                   learn: Optional[bool] = None, note: Optional[Callable[[str], None]] = None) -> SentencePass:
    """Sentence-level alignment; with ``learn``, realign once with the lexicon the first pass teaches."""
    n, m = len(src_f), len(tgt_f)
    learn = LEARN if learn is None else learn
    scorer = BeadScorer(src_f, tgt_f, source_is_chinese=source_is_chinese)
    scorer.calibrate(MIN_BAND)
    if n * m > COARSE_ABOVE:
        anchors = find_anchors(scorer, n, m)
        if note:
            note(f"anchors: {len(anchors)} sentence pairs fix the path")
        first = [Bead((i,), (j,), 1.0) for i, j in anchors]
        centre = anchor_centre(anchors, n, m)
    else:
        first = dp_align(scorer, n, m, note=note)
        centre = None
    lexicon: dict[str, frozenset[str]] = {}
    if learn:
        zh_f, en_f = (src_f, tgt_f) if source_is_chinese else (tgt_f, src_f)
        lexicon = learn_lexicon(zh_f, en_f, first if centre is not None else _confident(first),
                                zh_is_source=source_is_chinese)
        if lexicon:
            if source_is_chinese:
                src_f = augment(src_f, lexicon)
            else:
                tgt_f = augment(tgt_f, lexicon)
    if centre is None and not lexicon:
        return SentencePass(first, scorer, src_f, tgt_f, lexicon)
    priors = document_priors(first, scorer.priors) if centre is None else scorer.priors
    scorer = BeadScorer(src_f, tgt_f, source_is_chinese=source_is_chinese, priors=priors)
    scorer.calibrate(MIN_BAND)
    if centre is None:
        beads = dp_align(scorer, n, m, note=note)
    else:
        beads = dp_align(scorer, n, m, band=FINE_BAND, centre=centre, note=note)
    return SentencePass(beads, scorer, src_f, tgt_f, lexicon)


def path_centre(beads: list[Bead], n: int) -> list[int]:
    """For each source index 0..n, the target index where a previous alignment's path crosses it."""
    centre = [0] * (n + 1)
    i = j = 0
    for b in beads:
        for k in range(len(b.source)):
            centre[i + k] = j + (len(b.target) * k) // max(1, len(b.source))
        i += len(b.source)
        j += len(b.target)
    centre[n] = j
    return centre


PRIOR_PSEUDO_COUNT = 30.0


def document_priors(beads: list[Bead], defaults: dict[tuple[int, int], float],
                    searched: Optional[Sequence[tuple[int, int]]] = None) -> dict[tuple[int, int], float]:
    """Bead-shape priors re-estimated from a first alignment, smoothed towards the defaults.

    A declaration translated sentence by sentence makes merged beads rarer than in a novel, where one
    Chinese sentence often becomes two English ones; the document's own shapes say which it is.
    """
    searched = list(defaults) if searched is None else [sh for sh in searched if sh in defaults]
    counts: dict[tuple[int, int], int] = {}
    for b in beads:
        shape = (len(b.source), len(b.target))
        if shape in searched:
            counts[shape] = counts.get(shape, 0) + 1
    total = sum(counts.values())
    if not total:
        return dict(defaults)
    weights = {shape: math.exp(defaults[shape]) for shape in searched}
    norm = sum(weights.values())
    probs = {shape: (counts.get(shape, 0) + PRIOR_PSEUDO_COUNT * w / norm) / (total + PRIOR_PSEUDO_COUNT)
             for shape, w in weights.items()}
    base = math.log(probs[(1, 1)])
    out = dict(defaults)   # shapes the first pass did not search keep their default odds against 1-1
    out.update({shape: math.log(p) - base for shape, p in probs.items()})
    return out


def _confident(beads: list[Bead]) -> list[Bead]:
    linked = [b for b in beads if b.source and b.target]
    if not linked:
        return []
    scores = sorted(b.score for b in linked)
    cut = scores[len(scores) // 3]
    return [b for b in linked if b.score >= cut]


def dp_align(scorer: BeadScorer, n: int, m: int, *, band: Optional[int] = None,
             shapes: Optional[Sequence[tuple[int, int]]] = None,
             centre: Optional[Sequence[int]] = None, note: Optional[Callable[[str], None]] = None) -> list[Bead]:
    """Best-scoring sequence of beads covering n source and m target segments.

    The search runs in a band of half-width ``band`` around ``centre`` (default: the path the length
    ratio predicts) and is repeated with a doubled band while the best path touches the band's edge,
    until the searches together reach WIDEN_WORK times the cells of the first (then the best path
    found so far stands, and ``note`` says so).
    """
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    centre = scorer.expected_path() if centre is None else centre
    start = band or max(MIN_BAND, int(abs(n - m) * 0.1) + MIN_BAND)
    widths = [start] * (n + 1)
    shapes = [(0, 1), (1, 0)] + list(scorer.priors if shapes is None else shapes)
    limit = max(n, m)
    budget: Optional[int] = None
    done = 0
    while True:
        lo, hi = _band_limits(n, m, centre, widths)
        cells = sum(hi) - sum(lo) + n + 1
        if budget is None:
            budget = max(WIDEN_WORK * cells, WIDEN_WORK_FLOOR)
        elif done + cells > budget:
            if note:
                note(f"alignment band: stopped widening after {done:,} cells (a wider search would take "
                     f"{cells:,} more); the path still runs along the band's edge at {len(touched)} rows")
            return beads
        beads, touched = _banded(scorer, n, m, centre, widths, shapes)
        done += cells
        if not touched:
            return beads
        # widen the band only around the rows where the path ran along its edge: once for each touch
        # near a row, but at most MAX_DOUBLINGS times a round (a cluster of touches doubling a row
        # a dozen times made it as wide as the document, and the cost grew with its square)
        touches = [0] * (n + 1)
        for row in touched:
            for i in range(max(0, row - WIDEN_ROWS), min(n, row + WIDEN_ROWS) + 1):
                touches[i] += 1
        grown = False
        for i, count in enumerate(touches):
            if count and widths[i] < limit:
                widths[i] = min(limit, widths[i] * 2 ** min(count, MAX_DOUBLINGS))
                grown = True
        if not grown:
            return beads
        if note:
            note(f"alignment band: the path ran along the band's edge at {len(touched)} rows; widening there "
                 f"({done:,} cells searched so far)")


def _band_limits(n: int, m: int, centre: Sequence[int], widths: Sequence[int]) -> tuple[list[int], list[int]]:
    """Lowest and highest target index of each source row's band, connected and ending at (n, m)."""
    lo = [max(0, min(centre[i], m) - widths[i]) for i in range(n + 1)]
    hi = [min(m, centre[i] + widths[i]) for i in range(n + 1)]
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1])
        lo[i] = max(lo[i], lo[i - 1])
    hi[n] = m
    for i in range(n - 1, -1, -1):
        hi[i] = max(hi[i], lo[i + 1])
    lo[0] = 0
    return lo, hi


def _banded(scorer: BeadScorer, n: int, m: int, centre: Sequence[int], widths: Sequence[int],
            shapes: list[tuple[int, int]]) -> tuple[list[Bead], list[int]]:
    """Best path through the band, row by row.

    A cell's best predecessor is the first shape, in the order of ``shapes``, that reaches the highest
    score; 0-1 (same row) must come first and 1-0 second. Rows come from ``score.band`` (every
    candidate of a row at once); only the last few rows of scores are kept, and the back-pointers
    are one byte per cell.
    """
    if shapes[:2] != [(0, 1), (1, 0)] or any(a == 0 or b == 0 for a, b in shapes[2:]) or len(shapes) > 250:
        return _banded_reference(scorer, n, m, centre, widths, shapes)
    lo, hi = _band_limits(n, m, centre, widths)
    # shape codes: 0 = none (unreachable), 1 = 0-1, 2 = 1-0, 3.. = the shapes after them, in order
    linked = [(code, a, b) for code, (a, b) in enumerate(shapes[2:], 3) if (a, b) in scorer.priors]
    rows = band_rows(scorer, lo, hi, linked)
    keep = max([1] + [a for _, a, _ in linked])   # rows a predecessor can be in
    best: list[Optional[list[float]]] = [None] * (n + 1)
    back: list[bytearray] = []
    for i in range(n + 1):
        best[i], arg = rows.fill(i, best)
        back.append(arg)
        if i >= keep:
            best[i - keep] = None
    codes: list[tuple[int, int]] = [(0, 0), (0, 1), (1, 0)] + [(a, b) for a, b in shapes[2:]]
    beads: list[Bead] = []
    touched: list[int] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = codes[back[i][j - lo[i]]]
        if (a, b) == (0, 0):  # unreachable cell: cannot happen with a connected band
            raise RuntimeError("alignment band is disconnected")
        pi, pj = i - a, j - b
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), round(scorer.score(pi, a, pj, b), 4)))
        i, j = pi, pj
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched.append(i)
    beads.reverse()
    return beads, touched


def _banded_reference(scorer: BeadScorer, n: int, m: int, centre: Sequence[int], widths: Sequence[int],
                      shapes: list[tuple[int, int]]) -> tuple[list[Bead], list[int]]:
    """The plain cell-by-cell DP, one ``scorer.score`` call per candidate: any shape list."""
    lo, hi = _band_limits(n, m, centre, widths)
    neg = -math.inf
    best: list[list[float]] = [[neg] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    best[0][0] = 0.0
    score = scorer.score
    for i in range(n + 1):
        lo_i, row, brow = lo[i], best[i], back[i]
        for j in range(lo_i, hi[i] + 1):
            if i == 0 and j == 0:
                continue
            top, arg = neg, (0, 0)
            for a, b in shapes:
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = best[pi][pj - lo[pi]]
                if prev == neg:
                    continue
                s = prev + score(pi, a, pj, b)
                if s > top:
                    top, arg = s, (a, b)
            row[j - lo_i] = top
            brow[j - lo_i] = arg
    beads: list[Bead] = []
    touched: list[int] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = back[i][j - lo[i]]
        if (a, b) == (0, 0):  # unreachable cell: cannot happen with a connected band
            raise RuntimeError("alignment band is disconnected")
        pi, pj = i - a, j - b
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), round(score(pi, a, pj, b), 4)))
        i, j = pi, pj
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched.append(i)
    beads.reverse()
    return beads, touched


@dataclass
class Hierarchy:
    """Sentence alignment and, inside it, clause alignment."""

    sentences: Alignment
    clauses: Optional[Alignment]
    sentence_features: tuple[list[Features], list[Features]]
    clause_features: Optional[tuple[list[Features], list[Features]]]
    clause_bead_parent: list[int] = field(default_factory=list)   # sentence bead of each clause bead
    engine: dict = field(default_factory=dict)


def align_documents(source: Document, target: Document, representer: Representer, *,
                    level: str = "clause", progress: Optional[Callable[[str], None]] = None) -> Hierarchy:
    note = progress or (lambda _msg: None)
    src_sents, tgt_sents = segment(source, "sentence"), segment(target, "sentence")
    note(f"segmented: {len(src_sents)} source and {len(tgt_sents)} target sentences")
    src_f = representer.features(source, src_sents)
    tgt_f = representer.features(target, tgt_sents)
    note("represented sentences")
    sp = align_features(src_f, tgt_f, source_is_chinese=source.lang == "zh", note=note)
    beads, scorer, src_f, tgt_f = sp.beads, sp.scorer, sp.source, sp.target
    note(f"aligned sentences: {len(beads)} beads ({len(sp.lexicon)} words learned)")
    sentences = Alignment(src_sents, tgt_sents, beads)
    engine = {"sentence": {**scorer.describe(), "learned_words": len(sp.lexicon)}}
    if level != "clause":
        return Hierarchy(sentences, None, (src_f, tgt_f), None, engine=engine)

    src_clauses, tgt_clauses = segment(source, "clause"), segment(target, "clause")
    src_cf = representer.features(source, src_clauses)
    tgt_cf = representer.features(target, tgt_clauses)
    if source.lang == "zh":
        src_cf = augment(src_cf, sp.lexicon)
    else:
        tgt_cf = augment(tgt_cf, sp.lexicon)
    clause_beads, parents = clauses_within(sentences, src_clauses, tgt_clauses, src_cf, tgt_cf, source.lang == "zh")
    note(f"aligned clauses: {len(clause_beads)} beads")
    clauses = Alignment(src_clauses, tgt_clauses, clause_beads)
    return Hierarchy(sentences, clauses, (src_f, tgt_f), (src_cf, tgt_cf), parents, engine)


def line_segments(doc: Document) -> list[Segment]:
    """One segment per line of ``doc.norm`` (presegmented input); empty lines are segments too, so the
    0-based line number is the segment id."""
    out: list[Segment] = []
    pos = 0
    for index, line in enumerate(doc.norm.split("\n")):
        nstart, nend = pos, pos + len(line)
        start, end = doc.text_span(nstart, nend)
        out.append(Segment(index, "sentence", nstart, nend, start, end, line, None, doc.line_of(start)))
        pos = nend + 1
    if out and not out[-1].text and doc.norm.endswith("\n"):
        out.pop()  # the final newline does not open another line
    return out


def align_presegmented(source: Document, target: Document, representer: Representer,
                       progress: Optional[Callable[[str], None]] = None) -> Hierarchy:
    """Align documents given one segment per line, as every sentence aligner accepts them."""
    note = progress or (lambda _msg: None)
    src_segs, tgt_segs = line_segments(source), line_segments(target)
    src_f = representer.features(source, src_segs)
    tgt_f = representer.features(target, tgt_segs)
    note(f"represented {len(src_segs)} source and {len(tgt_segs)} target lines")
    sp = align_features(src_f, tgt_f, source_is_chinese=source.lang == "zh", note=note)
    note(f"aligned lines: {len(sp.beads)} beads ({len(sp.lexicon)} words learned)")
    engine = {"sentence": {**sp.scorer.describe(), "learned_words": len(sp.lexicon)}}
    return Hierarchy(Alignment(src_segs, tgt_segs, sp.beads), None, (sp.source, sp.target), None, engine=engine)


def clauses_within(sentences: Alignment, src_clauses: Sequence[Segment], tgt_clauses: Sequence[Segment],
                   src_cf: Sequence[Features], tgt_cf: Sequence[Features],
                   source_is_chinese: bool) -> tuple[list[Bead], list[int]]:
    """The clauses of each sentence bead aligned inside it: (clause beads, the sentence bead of each)."""
    beads = sentences.beads
    by_sentence_s = _children(src_clauses, len(sentences.source))
    by_sentence_t = _children(tgt_clauses, len(sentences.target))
    clause_beads: list[Bead] = []
    parents: list[int] = []
    for k, bead in enumerate(beads):
        cs = [c for s in bead.source for c in by_sentence_s[s]]
        ct = [c for t in bead.target for c in by_sentence_t[t]]
        for sub in align_clauses(cs, ct, src_cf, tgt_cf, source_is_chinese):
            clause_beads.append(sub)
            parents.append(k)
    return clause_beads, parents


def _children(clauses: Sequence[Segment], n_sentences: int) -> list[list[int]]:
    out: list[list[int]] = [[] for _ in range(n_sentences)]
    for c in clauses:
        if c.parent is not None and 0 <= c.parent < n_sentences:
            out[c.parent].append(c.index)
    return out


def align_clauses(cs: list[int], ct: list[int], src_f: Sequence[Features], tgt_f: Sequence[Features],
                   source_is_chinese: bool) -> list[Bead]:
    if not cs or not ct:
        return [Bead((c,), ()) for c in cs] + [Bead((), (c,)) for c in ct]
    if len(cs) == 1 and len(ct) == 1:
        return [Bead((cs[0],), (ct[0],))]
    sub_s = [src_f[c] for c in cs]
    sub_t = [tgt_f[c] for c in ct]
    scorer = BeadScorer(sub_s, sub_t, source_is_chinese=source_is_chinese, use_chrf=True)
    local = dp_align(scorer, len(cs), len(ct), band=max(len(cs), len(ct)))
    return [Bead(tuple(cs[i] for i in b.source), tuple(ct[j] for j in b.target), b.score) for b in local]
