"""Tests for the alignment scorer (transdiff.align.evaluate) and for `transdiff align --presegmented` output."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from transdiff.errors import InputError
from transdiff.align.evaluate import (bead_type, check_cover, null_scores, read_beads, read_beads_file, recall_by_type,
                                score_alignments, shift_beads, standard_scores)

UDHR = Path(__file__).resolve().parents[1] / "corpora" / "udhr"
MAC_DEV = SHARED / "eval-data" / "bertalign-mac" / "dev" / "data" / "mac" / "dev"

# A hand-made gold with a 1-2, a 2-1, a 1-0 and a 0-1 bead, and a prediction scored by hand below.
GOLD = [((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((3, 4), (3,)), ((), (4,)), ((5,), (5,))]
TEST = [
    ((0,), (0,)),     # strict hit
    ((1,), (1,)),     # strict miss, lax hit: gold links source 1 to targets 1 and 2
    ((), (2,)),       # wrong null bead: strict and lax miss
    ((2,), ()),       # right null bead: strict hit
    ((3,), (3,)),     # strict miss, lax hit (gold [3,4]:[3])
    ((4,), (4,)),     # strict miss, lax miss: gold links source 4 to target 3 only
    ((5,), (5,)),     # strict hit
    ((), ()),         # empty on both sides: not counted
]


# --- parser ---

def test_read_beads_accepts_all_bead_shapes_spaces_and_scores():
    text = "[0,1]:[0]\n[2]:[1, 2]\n\n[3]:[]\n[]:[3]:0.25\n[4, 5]:[4]:-2.0431\n"
    assert read_beads(text) == [((0, 1), (0,)), ((2,), (1, 2)), ((3,), ()), ((), (3,)), ((4, 5), (4,))]


def test_read_beads_empty_text_gives_no_beads():
    assert read_beads("") == []
    assert read_beads("\n  \n") == []


@pytest.mark.parametrize("line", ["[0]-[1]", "[0]:[1", "[a]:[1]", "[0]:[1]:fast", "[0]:[1]:0.5:7", "[-1]:[0]"])
def test_read_beads_rejects_malformed_lines_with_the_line_number(line):
    with pytest.raises(InputError, match="bead line 2"):
        read_beads(f"[0]:[0]\n{line}\n")


def test_read_beads_file_missing_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read alignment file"):
        read_beads_file(tmp_path / "missing.align")


def test_bead_type_classes():
    assert [bead_type(b) for b in GOLD] == ["1-1", "1-n", "null", "1-n", "null", "1-1"]
    assert bead_type(((1, 2), (3, 4, 5))) == "n-m"


# --- scorer, against hand-computed values ---

def test_standard_scores_match_hand_computed_values():
    scores = standard_scores([GOLD], [TEST])
    # precision over the 7 non-empty predicted beads: strict 3, lax 3 + 2
    assert scores["precision_strict"] == pytest.approx(3 / 7)
    assert scores["precision_lax"] == pytest.approx(5 / 7)
    # recall over the 4 gold beads left without nulls, against the prediction without nulls:
    # [0]:[0] and [5]:[5] strict; [1]:[1,2] and [3,4]:[3] lax only
    assert scores["recall_strict"] == pytest.approx(2 / 4)
    assert scores["recall_lax"] == pytest.approx(4 / 4)
    assert scores["f1_strict"] == pytest.approx(6 / 13)
    assert scores["f1_lax"] == pytest.approx(5 / 6)
    assert scores["predicted_beads"] == 7
    assert scores["gold_beads_scored"] == 4


def test_scores_are_micro_averaged_over_files():
    second_gold = [((0,), (0,))]
    second_test = [((0,), (0,))]
    scores = standard_scores([GOLD, second_gold], [TEST, second_test])
    assert scores["precision_strict"] == pytest.approx(4 / 8)   # not the mean of 3/7 and 1
    assert scores["recall_strict"] == pytest.approx(3 / 5)


def test_perfect_prediction_scores_one_and_empty_prediction_zero():
    perfect = score_alignments([GOLD], [list(GOLD)])
    assert perfect["f1_strict"] == perfect["f1_lax"] == 1.0
    assert perfect["null"]["precision"] == perfect["null"]["recall"] == 1.0
    nothing = standard_scores([GOLD], [[]])
    assert nothing["precision_strict"] == nothing["recall_strict"] == nothing["f1_strict"] == 0.0


def test_recall_by_type_hand_computed():
    by_type = recall_by_type([GOLD], [TEST])
    assert by_type["1-1"] == {"gold": 2, "hit": 2, "recall": 1.0}
    assert by_type["1-n"] == {"gold": 2, "hit": 0, "recall": 0.0}
    assert by_type["null"] == {"gold": 2, "hit": 1, "recall": 0.5}
    assert by_type["n-m"]["gold"] == 0 and by_type["n-m"]["recall"] != by_type["n-m"]["recall"]  # nan


def test_null_scores_hand_computed():
    null = null_scores([GOLD], [TEST])
    assert (null["predicted"], null["gold"], null["hit"]) == (2, 2, 1)
    assert null["precision"] == 0.5 and null["recall"] == 0.5


def test_null_beads_spanning_several_segments_count_per_segment():
    gold = [((0,), (0,)), ((1, 2), ()), ((3,), (1,))]
    test = [((0,), (0,)), ((1,), ()), ((2,), ()), ((3,), (1,))]
    null = null_scores([gold], [test])
    assert (null["precision"], null["recall"]) == (1.0, 1.0)
    assert recall_by_type([gold], [test])["null"]["hit"] == 1


def test_mismatched_file_counts_are_an_input_error():
    with pytest.raises(InputError, match="1 gold alignments but 2 test"):
        score_alignments([GOLD], [TEST, TEST])


def test_shift_beads_and_check_cover():
    doubled = GOLD + shift_beads(GOLD, 6, 6)
    assert doubled[6] == ((6,), (6,))
    assert check_cover(doubled, 12, 12) is None
    assert "source" in check_cover(GOLD, 7, 6)
    assert "target" in check_cover([((0,), (1,)), ((1,), (0,))], 2, 2)


# --- the published Bertalign figure ---

@pytest.mark.needs_shared
def test_bertalign_saved_output_on_mac_dev_gives_published_strict_f1():
    names = sorted(p.stem for p in (MAC_DEV / "gold").glob("*.align"))
    assert len(names) == 6
    gold = [read_beads_file(MAC_DEV / "gold" / f"{n}.align") for n in names]
    auto = [read_beads_file(MAC_DEV / "auto" / f"{n}.align") for n in names]
    scores = score_alignments(gold, auto)
    assert round(scores["f1_strict"], 3) == 0.911
    assert scores["f1_lax"] > scores["f1_strict"]
    assert sum(t["gold"] for t in scores["by_type"].values()) == 1343


# --- `transdiff align --presegmented` on small real files ---

def _udhr_lines(lang: str, first: int, count: int) -> str:
    lines = (UDHR / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[first:first + count]) + "\n"


def _align_cli(zh: Path, en: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transdiff.cli", "align", "--presegmented", str(zh), str(en),
                           "--format", "beads"], capture_output=True, text=True, timeout=300)


# Lines 13-21 of the UDHR pair (Articles 1-4) correspond line by line in the two languages.
UDHR_PARALLEL_FIRST, UDHR_PARALLEL_COUNT = 12, 9


def test_cli_presegmented_beads_cover_every_line_once_in_order(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(_udhr_lines("zh", UDHR_PARALLEL_FIRST, UDHR_PARALLEL_COUNT), encoding="utf-8")
    en.write_text(_udhr_lines("en", UDHR_PARALLEL_FIRST, UDHR_PARALLEL_COUNT), encoding="utf-8")
    done = _align_cli(zh, en)
    assert done.returncode == 0, done.stderr
    beads = read_beads(done.stdout)
    assert check_cover(beads, UDHR_PARALLEL_COUNT, UDHR_PARALLEL_COUNT) is None
    assert all(line.count(":") == 2 for line in done.stdout.splitlines())  # score field present
    # The same number of lines, translated line by line: most beads should be the diagonal.
    diagonal = sum(1 for s, t in beads if len(s) == len(t) == 1 and s == t)
    assert diagonal >= UDHR_PARALLEL_COUNT - 2


def test_cli_single_segment_each_gives_one_bead(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(_udhr_lines("zh", 13, 1), encoding="utf-8")   # Article 1, the sentence itself
    en.write_text(_udhr_lines("en", 13, 1), encoding="utf-8")
    done = _align_cli(zh, en)
    assert done.returncode == 0, done.stderr
    assert read_beads(done.stdout) == [((0,), (0,))]


@pytest.mark.parametrize("content", ["", "\n \n"])
def test_cli_empty_side_is_an_input_error_on_one_line(tmp_path, content):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(_udhr_lines("zh", UDHR_PARALLEL_FIRST, 3), encoding="utf-8")
    en.write_text(content, encoding="utf-8")
    done = _align_cli(zh, en)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("transdiff: error:") and "en.txt" in done.stderr
