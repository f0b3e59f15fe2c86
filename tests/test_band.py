"""The row-at-a-time DP (score/band.py) must find exactly what the plain cell-by-cell DP finds."""
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


@pytest.fixture(scope="module")
def udhr_features():
    zh = from_text((UDHR / "zh.txt").read_text(encoding="utf-8"), path="zh.txt")
    en = from_text((UDHR / "en.txt").read_text(encoding="utf-8"), path="en.txt")
    rep = Representer()
    return rep, zh, en


def _both(scorer: BeadScorer, n: int, m: int, width: int):
    shapes = [(0, 1), (1, 0)] + list(scorer.priors)
    centre = scorer.expected_path()
    widths = [width] * (n + 1)
    fast = align._banded(scorer, n, m, centre, widths, shapes)
    reference = align._banded_reference(scorer, n, m, centre, widths, shapes)
    return fast, reference


@pytest.mark.parametrize("level,width", [("sentence", 12), ("sentence", 3), ("clause", 8)])
def test_row_dp_equals_reference_dp_on_a_real_pair(udhr_features, level, width):
    rep, zh, en = udhr_features
    src_f = rep.features(zh, segment(zh, level))
    tgt_f = rep.features(en, segment(en, level))
    # a slice keeps the reference DP quick; the clause level adds the chrF signal
    src_f, tgt_f = src_f[:70], tgt_f[:80]
    scorer = BeadScorer(src_f, tgt_f, source_is_chinese=True, use_chrf=(level == "clause"))
    scorer.calibrate(align.MIN_BAND)
    (fast_beads, fast_touched), (ref_beads, ref_touched) = _both(scorer, len(src_f), len(tgt_f), width)
    assert [(b.source, b.target) for b in fast_beads] == [(b.source, b.target) for b in ref_beads]
    assert [b.score for b in fast_beads] == [b.score for b in ref_beads]
    assert fast_touched == ref_touched
    assert len(fast_beads) > 20


def test_narrow_band_reports_the_rows_where_the_path_touched_its_edge(udhr_features):
    rep, zh, en = udhr_features
    src_f = rep.features(zh, segment(zh, "sentence"))[:60]
    # the English side starts 15 sentences later: a band of 2 around the length path cannot hold it
    tgt_f = rep.features(en, segment(en, "sentence"))[15:75]
    scorer = BeadScorer(src_f, tgt_f, source_is_chinese=True)
    scorer.calibrate(align.MIN_BAND)
    (beads, touched), _ = _both(scorer, len(src_f), len(tgt_f), 2)
    assert touched
    widened = align.dp_align(scorer, len(src_f), len(tgt_f), band=2)
    covered_s = sorted(i for b in widened for i in b.source)
    covered_t = sorted(j for b in widened for j in b.target)
    assert covered_s == list(range(len(src_f))) and covered_t == list(range(len(tgt_f)))


def test_identical_texts_align_on_the_diagonal(udhr_features):
    """Degenerate input: the English text against itself (features on both sides the same)."""
    rep, _zh, en = udhr_features
    feats = rep.features(en, segment(en, "sentence"))
    scorer = BeadScorer(feats, feats, source_is_chinese=False)
    scorer.calibrate(align.MIN_BAND)
    beads = align.dp_align(scorer, len(feats), len(feats))
    assert [(b.source, b.target) for b in beads] == [((i,), (i,)) for i in range(len(feats))]


def test_identical_files_are_refused_on_one_line(tmp_path):
    """The CLI needs one Chinese and one English document: the same file twice is an input error."""
    from click.testing import CliRunner

    from transdiff.cli import main
    path = UDHR / "en.txt"
    run = CliRunner().invoke(main, ["align", "--presegmented", str(path), str(path)])
    assert run.exit_code == 2
    lines = run.output.strip().splitlines()
    assert len(lines) == 1 and "both English" in lines[0]
