"""Bounds on the alignment search: the anchor walk is not led astray by repetitive text, and the
band widens only up to a bounded amount of work, saying so."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from transdiff.load import from_text
from transdiff.represent import Representer
from transdiff.score import BeadScorer
from transdiff.segment import segment

align = importlib.import_module("transdiff.align")   # the module; transdiff.align is the API function

UDHR = Path(__file__).resolve().parents[1] / "corpora" / "udhr"


class _Table:
    """Coverage rates of a made-up pair: row i translates target i; rows of a repetitive stretch also
    cover, better, one of a block of earlier targets (the same formula said of an earlier passage)."""

    def __init__(self, n: int, decoy_rows: range, decoy_block: range) -> None:
        self.source_units = [3] * n
        self.decoy_rows, self.block = decoy_rows, decoy_block

    def rate(self, i: int, j: int) -> float:
        if i in self.decoy_rows and j == self.block[(i * 7) % len(self.block)]:
            return 0.95
        return 0.8 if i == j else 0.05

    def rates(self, i: int, targets) -> list[float]:
        return [self.rate(i, j) for j in targets]


class _Coverage:
    p_match = 0.6


class _Scorer:
    def __init__(self, n: int, decoy_rows: range, decoy_block: range) -> None:
        self.table = _Table(n, decoy_rows, decoy_block)
        self.coverage = _Coverage()
        self.n = n

    def expected_path(self) -> list[int]:
        return list(range(self.n + 1))


def test_anchor_walk_is_not_pulled_back_by_pairs_behind_the_path():
    n = 400
    scorer = _Scorer(n, range(150, 250), range(125, 140))
    anchors = align.find_anchors(scorer, n, n)
    after = [(i, j) for i, j in anchors if i >= 250]
    # past the repetitive stretch the walk is still on the path and finds every true pair
    assert after == [(i, i) for i in range(250, n)]
    assert all(i == j for i, j in anchors if i < 150)


@pytest.fixture(scope="module")
def shifted_pair():
    zh = from_text((UDHR / "zh.txt").read_text(encoding="utf-8"), path="zh.txt")
    en = from_text((UDHR / "en.txt").read_text(encoding="utf-8"), path="en.txt")
    rep = Representer()
    src_f = rep.features(zh, segment(zh, "sentence"))[:60]
    # the English side starts 15 sentences later: a band of 2 around the length path cannot hold it
    tgt_f = rep.features(en, segment(en, "sentence"))[15:75]
    scorer = BeadScorer(src_f, tgt_f, source_is_chinese=True)
    scorer.calibrate(align.MIN_BAND)
    return scorer, len(src_f), len(tgt_f)


def _counting_cells(monkeypatch) -> list[int]:
    """Record the cells of every band the DP searches."""
    cells: list[int] = []
    banded = align._banded

    def counted(scorer, n, m, centre, widths, shapes):
        lo, hi = align._band_limits(n, m, centre, widths)
        cells.append(sum(h - l + 1 for l, h in zip(lo, hi)))
        return banded(scorer, n, m, centre, widths, shapes)

    monkeypatch.setattr(align, "_banded", counted)
    return cells


def test_widening_is_reported_and_does_not_change_the_result(shifted_pair, monkeypatch):
    scorer, n, m = shifted_pair
    quiet = align.dp_align(scorer, n, m, band=2)
    notes: list[str] = []
    cells = _counting_cells(monkeypatch)
    told = align.dp_align(scorer, n, m, band=2, note=notes.append)
    assert [(b.source, b.target, b.score) for b in told] == [(b.source, b.target, b.score) for b in quiet]
    assert len(cells) > 1
    assert sum("widening" in line for line in notes) == len(cells) - 1


def test_widening_stops_at_its_work_bound_and_says_so(shifted_pair, monkeypatch):
    scorer, n, m = shifted_pair
    monkeypatch.setattr(align, "WIDEN_WORK", 2)
    monkeypatch.setattr(align, "WIDEN_WORK_FLOOR", 0)
    notes: list[str] = []
    cells = _counting_cells(monkeypatch)
    beads = align.dp_align(scorer, n, m, band=2, note=notes.append)
    assert sum(cells) <= 2 * cells[0]
    assert any("stopped widening" in line for line in notes)
    # still a full alignment: every segment of both sides in exactly one bead
    assert sorted(i for b in beads for i in b.source) == list(range(n))
    assert sorted(j for b in beads for j in b.target) == list(range(m))


class _GapTable(_Table):
    """Row i translates target i up to row 150; rows 150-249 are missing from the target; from row
    250 on, row i translates target i - 100."""

    def __init__(self, n: int) -> None:
        self.source_units = [3] * n

    def rate(self, i: int, j: int) -> float:
        if i < 150:
            return 0.8 if j == i else 0.05
        return 0.8 if i >= 250 and j == i - 100 else 0.05


def test_anchor_walk_finds_the_path_again_after_a_long_omission():
    n, m = 400, 300
    scorer = _Scorer(n, range(0), range(1))
    scorer.table = _GapTable(n)
    scorer.expected_path = lambda: [i * m // n for i in range(n + 1)]
    anchors = align.find_anchors(scorer, n, m)
    # the length-ratio prediction runs 75 targets ahead of the path after the omission, beyond the
    # walk's window: only its wide search finds the path again
    after = {i for i, j in anchors if i >= 250 and j == i - 100}
    assert len(after) >= 130
    assert all(j == i - 100 for i, j in anchors if i >= 250)
