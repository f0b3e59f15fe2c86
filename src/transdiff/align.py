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

from .represent import Features, Representer
from .represent.learned import augment, learn_lexicon
from .score import BeadScorer
from .segment import segment
from .types import Alignment, Bead, Document, Segment

MIN_BAND = 12
LEARN = True   # a second pass with a lexicon learned from the first (represent/learned.py)


@dataclass
class SentencePass:
    beads: list[Bead]
    scorer: BeadScorer
    source: list[Features]
    target: list[Features]
    lexicon: dict[str, frozenset[str]]


def align_features(src_f: list[Features], tgt_f: list[Features], *, source_is_chinese: bool,
                   learn: Optional[bool] = None) -> SentencePass:
    """Sentence-level alignment; with ``learn``, realign once with the lexicon the first pass teaches."""
    scorer = BeadScorer(src_f, tgt_f, source_is_chinese=source_is_chinese)
    scorer.calibrate(MIN_BAND)
    beads = dp_align(scorer, len(src_f), len(tgt_f))
    lexicon: dict[str, frozenset[str]] = {}
    if LEARN if learn is None else learn:
        zh_f, en_f = (src_f, tgt_f) if source_is_chinese else (tgt_f, src_f)
        confident = _confident(beads)
        lexicon = learn_lexicon(zh_f, en_f, confident, zh_is_source=source_is_chinese)
        if lexicon:
            if source_is_chinese:
                src_f = augment(src_f, lexicon)
            else:
                tgt_f = augment(tgt_f, lexicon)
        priors = document_priors(beads, scorer.priors)
        scorer = BeadScorer(src_f, tgt_f, source_is_chinese=source_is_chinese, priors=priors)
        scorer.calibrate(MIN_BAND)
        beads = dp_align(scorer, len(src_f), len(tgt_f))
    return SentencePass(beads, scorer, src_f, tgt_f, lexicon)


PRIOR_PSEUDO_COUNT = 30.0


def document_priors(beads: list[Bead], defaults: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Bead-shape priors re-estimated from a first alignment, smoothed towards the defaults.

    A declaration translated sentence by sentence makes merged beads rarer than in a novel, where one
    Chinese sentence often becomes two English ones; the document's own shapes say which it is.
    """
    counts: dict[tuple[int, int], int] = {}
    for b in beads:
        shape = (len(b.source), len(b.target))
        if shape in defaults:
            counts[shape] = counts.get(shape, 0) + 1
    total = sum(counts.values())
    if not total:
        return dict(defaults)
    weights = {shape: math.exp(v) for shape, v in defaults.items()}
    norm = sum(weights.values())
    probs = {shape: (counts.get(shape, 0) + PRIOR_PSEUDO_COUNT * w / norm) / (total + PRIOR_PSEUDO_COUNT)
             for shape, w in weights.items()}
    base = math.log(probs[(1, 1)])
    return {shape: math.log(p) - base for shape, p in probs.items()}


def _confident(beads: list[Bead]) -> list[Bead]:
    linked = [b for b in beads if b.source and b.target]
    if not linked:
        return []
    scores = sorted(b.score for b in linked)
    cut = scores[len(scores) // 3]
    return [b for b in linked if b.score >= cut]


def dp_align(scorer: BeadScorer, n: int, m: int, *, band: Optional[int] = None) -> list[Bead]:
    """Best-scoring sequence of beads covering n source and m target segments."""
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    centre = scorer.expected_path()
    width = band or max(MIN_BAND, int(abs(n - m) * 0.1) + MIN_BAND)
    shapes = [(0, 1), (1, 0)] + list(scorer.priors)
    while True:
        beads, touched = _banded(scorer, n, m, centre, width, shapes)
        if not touched or width >= max(n, m):
            return beads
        width *= 2


def _banded(scorer: BeadScorer, n: int, m: int, centre: Sequence[int], width: int,
            shapes: list[tuple[int, int]]) -> tuple[list[Bead], bool]:
    lo = [max(0, min(centre[i], m) - width) for i in range(n + 1)]
    hi = [min(m, centre[i] + width) for i in range(n + 1)]
    # keep the band connected and ending at (n, m)
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1])
        lo[i] = max(lo[i], lo[i - 1])
    hi[n] = m
    for i in range(n - 1, -1, -1):
        hi[i] = max(hi[i], lo[i + 1])
    lo[0] = 0
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
    touched = False
    i, j = n, m
    while i > 0 or j > 0:
        a, b = back[i][j - lo[i]]
        if (a, b) == (0, 0):  # unreachable cell: cannot happen with a connected band
            raise RuntimeError("alignment band is disconnected")
        pi, pj = i - a, j - b
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), round(score(pi, a, pj, b), 4)))
        i, j = pi, pj
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
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
    sp = align_features(src_f, tgt_f, source_is_chinese=source.lang == "zh")
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
    by_sentence_s = _children(src_clauses, len(src_sents))
    by_sentence_t = _children(tgt_clauses, len(tgt_sents))
    clause_beads: list[Bead] = []
    parents: list[int] = []
    for k, bead in enumerate(beads):
        cs = [c for s in bead.source for c in by_sentence_s[s]]
        ct = [c for t in bead.target for c in by_sentence_t[t]]
        for sub in align_clauses(cs, ct, src_cf, tgt_cf, source.lang == "zh"):
            clause_beads.append(sub)
            parents.append(k)
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


def align_presegmented(source: Document, target: Document, representer: Representer) -> Hierarchy:
    """Align documents given one segment per line, as every sentence aligner accepts them."""
    src_segs, tgt_segs = line_segments(source), line_segments(target)
    src_f = representer.features(source, src_segs)
    tgt_f = representer.features(target, tgt_segs)
    sp = align_features(src_f, tgt_f, source_is_chinese=source.lang == "zh")
    engine = {"sentence": {**sp.scorer.describe(), "learned_words": len(sp.lexicon)}}
    return Hierarchy(Alignment(src_segs, tgt_segs, sp.beads), None, (sp.source, sp.target), None, engine=engine)


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
