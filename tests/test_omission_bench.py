"""Tests of the omission benchmark's instrument: overlap and hit rules, average precision, the MQM
markup parser, and the seeded drop generators (benchmarks/omissions.py, benchmarks/omission_data.py)."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import omission_data as od  # noqa: E402
import omissions as om  # noqa: E402


# -- overlap / hit rules -------------------------------------------------------------------------

def test_content_positions_ignore_punctuation_and_spaces():
    text = "甲乙，丙 d."
    assert om.content_positions(text, [(0, len(text))]) == {0, 1, 3, 5}
    assert om.content_positions(text, [(2, 3)]) == set()


def test_covered_share_counts_content_characters_only():
    text = "一二三四，五六七八。"
    truth = [(0, 10)]                       # 8 Han characters
    assert om.covered_share(text, truth, [(0, 4)]) == pytest.approx(0.5)
    assert om.covered_share(text, truth, [(0, 5)]) == pytest.approx(0.5)   # the comma adds nothing
    assert om.covered_share(text, truth, [(0, 2), (5, 7)]) == pytest.approx(0.5)  # union of findings
    assert om.covered_share(text, truth, []) == 0.0
    assert om.covered_share(text, [], [(0, 10)]) == 0.0


def test_share_inside_measures_the_finding_span():
    text = "一二三四五六七八九十"
    assert om.share_inside(text, (0, 4), [(2, 10)]) == pytest.approx(0.5)
    assert om.share_inside(text, (0, 4), [(3, 10)]) == pytest.approx(0.25)
    assert om.share_inside(text, (0, 4), [(0, 1), (3, 4)]) == pytest.approx(0.5)


def test_overlap_is_half_open():
    assert om.overlaps((0, 3), (2, 5))
    assert not om.overlaps((0, 3), (3, 5))
    assert om.any_overlap([(10, 12), (0, 1)], [(11, 20)])
    assert not om.any_overlap([(0, 1)], [])


def test_sentence_case_scoring_on_a_hand_made_case():
    zh = "甲乙丙丁戊己\n庚辛壬癸子丑\n寅卯辰巳午未\n"
    case = od.DropCase("X", "x", zh, "en\n", dropped=[[(7, 13)], [(14, 20)]], genuine=[(0, 6)])
    findings = [
        {"type": "omission", "confidence": 0.9, "span": (7, 13), "uncovered": []},    # deleted unit 1: correct
        {"type": "partial", "confidence": 0.6, "span": (14, 16), "uncovered": []},    # 2 of 6 chars: no recall
        {"type": "partial", "confidence": 0.7, "span": (0, 6), "uncovered": []},      # genuine: correct
        {"type": "partial", "confidence": 0.4, "span": (16, 20), "uncovered": []},    # below 0.5
    ]
    assert om.score_sentence_case(case, findings, 0.5) == (1, 3, 3)
    # at 0.3 the two partials together cover 6 of 6 characters of unit 2
    assert om.score_sentence_case(case, findings, 0.3) == (2, 4, 4)
    assert om.score_sentence_case(case, findings, 0.95) == (0, 0, 0)


def test_clause_hits_lenient_and_strict():
    zh = "甲乙丙丁戊己\n庚辛壬癸子丑\n"
    case = od.DropCase("X", "x", zh, "en\n", dropped=[[(0, 6)]], genuine=[])
    res = {"findings": [
        {"type": "partial", "confidence": 0.8, "span": (3, 6), "uncovered": [(4, 5)]},
        {"type": "partial", "confidence": 0.8, "span": (7, 10), "uncovered": [(8, 9)]},  # on an uncut pair
    ], "counterparts": [[(4, 6)]]}
    hits = om.clause_hits(case, res, 0.5)
    assert hits["lenient"] == [True] and hits["strict"] == [True] and hits["scorable"] == [True]
    assert hits["ok_lenient"] == [True, False] and hits["ok_strict"] == [True, False]
    res["counterparts"] = [[(0, 2)]]                 # the uncovered word misses the counterpart
    hits = om.clause_hits(case, res, 0.5)
    assert hits["lenient"] == [True] and hits["strict"] == [False]


def test_prf_and_nan_for_empty_denominators():
    r, p, f1 = om.prf(found=3, relevant=4, correct=3, predicted=6)
    assert (r, p) == (0.75, 0.5) and f1 == pytest.approx(0.6)
    r, p, f1 = om.prf(0, 4, 0, 0)
    assert r == 0.0 and math.isnan(p) and math.isnan(f1)


# -- average precision, calibration, baseline ----------------------------------------------------

def test_average_precision_hand_computed():
    # ranks: + - + -  -> precision 1 at recall 1/2, 2/3 at recall 2/2 -> AP = 0.5*1 + 0.5*2/3
    assert om.average_precision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]) == pytest.approx(5 / 6)
    assert om.average_precision([0.1, 0.2, 0.3], [1, 1, 0]) == pytest.approx(0.5 * 0.5 + 0.5 * 2 / 3)
    assert om.average_precision([0.9, 0.1], [1, 0]) == pytest.approx(1.0)


def test_average_precision_ties_enter_together():
    # one threshold holds both: precision 1/2 at recall 1
    assert om.average_precision([0.5, 0.5], [1, 0]) == pytest.approx(0.5)
    assert om.average_precision([0.0, 0.0, 0.9], [1, 0, 1]) == pytest.approx(0.5 * 1 + 0.5 * 2 / 3)
    assert math.isnan(om.average_precision([0.3], [0]))


def test_calibration_bins():
    bins = om.calibration([(0.55, 1), (0.59, 0), (1.0, 1), (0.9, 1), (0.05, 0)])
    assert len(bins) == 10
    assert bins[5] == (0.5, 0.6, 2, 1)
    assert bins[9] == (0.9, 1.0, 2, 2)
    assert bins[0] == (0.0, 0.1, 1, 0)


def test_length_ratio_baseline_ranks_short_outputs_higher():
    sources = ["一二三四五", "一二三四五", "一二三四五"]
    targets = ["a b c d e f g h i j", "a b c d e f g h i j", "a b"]
    scores = om.length_ratio_scores(sources, targets)
    assert scores[0] == pytest.approx(0.0) and scores[2] == pytest.approx(0.8)


# -- MQM markup ----------------------------------------------------------------------------------

def test_parse_marked_removes_markup_and_maps_spans():
    plain, spans = od.parse_marked("欧盟峰会为难民政策争论，<v>欧盟官员</v>：接收过程<v>步步</v>瓶颈")
    assert plain == "欧盟峰会为难民政策争论，欧盟官员：接收过程步步瓶颈"
    assert [plain[s:e] for s, e in spans] == ["欧盟官员", "步步"]
    assert od.parse_marked("没有标记") == ("没有标记", [])


def test_mqm_items_labels_and_hotw():
    def row(system, seg, rater, source, category):
        return [system, "doc", "1", seg, rater, source, "EU summit.", category, "Major", "{}"]
    rows = [
        row("S", "1", "r1", "欧盟<v>峰会</v>", "Accuracy/Omission (Translation)"),
        row("S", "1", "r2", "<v>欧盟峰会</v>", "Accuracy/Omission (Translation 2)"),
        row("S", "1", "r3", "欧盟峰会", "No-error"),
        row("T", "1", "r1", "欧盟峰会", "No-error"), row("T", "1", "r2", "欧盟峰会", "No-error"),
        row("T", "1", "r3", "欧盟峰会", "No-error"),
        row("U", "1", "r1", "欧盟<v>峰会</v>", "Accuracy/Omission (Translation)"),   # one rater only
        row("U", "1", "r2", "欧盟峰会", "No-error"), row("U", "1", "r3", "欧盟峰会", "No-error"),
        row("V", "1", "r1", "欧盟峰会", "No-error"), row("V", "1", "r2", "欧盟峰会", "Found"),
        row("V", "1", "r3", "欧盟峰会", "No-error"),
    ]
    items, stats = od.mqm_items(iter(rows))
    by_system = {i.system: i for i in items}
    assert set(by_system) == {"S", "T"}
    assert by_system["S"].label == 1 and by_system["S"].source == "欧盟峰会"
    assert by_system["S"].marked == [(0, 4), (2, 4)]
    assert om.span_bucket("欧盟峰会", by_system["S"].rater_marked) == "1-2"   # lower median of 2 and 4
    assert by_system["T"].label == 0 and by_system["T"].target == "EU summit."
    assert stats["hotw_items_dropped"] == 1 and stats["other_items"] == 1


# -- drop generators on the real UDHR ------------------------------------------------------------

UDHR = od.udhr_document()


def test_udhr_beads_cover_every_line_once():
    zh_ids = [i for zh, _ in UDHR.beads for i in zh]
    en_ids = [j for _, en in UDHR.beads for j in en]
    assert zh_ids == list(range(len(UDHR.zh_lines)))
    assert en_ids == list(range(len(UDHR.en_lines)))
    assert UDHR.genuine_zh_lines() == [1, 2]


def test_sentence_drop_is_seeded_and_never_touches_zh_only_lines():
    first = od.sentence_drop(UDHR, seed=1)
    again = od.sentence_drop(UDHR, seed=1)
    assert first is not None and again is not None
    assert first.en_text == again.en_text and first.dropped == again.dropped
    assert any(od.sentence_drop(UDHR, seed=s).dropped != first.dropped for s in range(2, 6))
    zh_spans = od.line_spans(UDHR.zh_lines)
    for seed in range(1, 30):
        case = od.sentence_drop(UDHR, seed=seed)
        assert 1 <= len(case.dropped) <= od.MAX_DROPS
        kept = case.en_text.rstrip("\n").split("\n")
        assert len(kept) == len(UDHR.en_lines) - len(case.dropped)
        assert case.genuine == [zh_spans[1], zh_spans[2]]
        for unit in case.dropped:
            assert all(span not in case.genuine for span in unit)
            zh = "".join(case.zh_text[s:e] for s, e in unit)
            assert od.han_count(zh) >= od.MIN_HAN


def test_sentence_drop_deletes_the_gold_counterpart():
    case = od.sentence_drop(UDHR, seed=7)
    kept = set(case.en_text.rstrip("\n").split("\n"))
    zh_spans = od.line_spans(UDHR.zh_lines)
    for unit in case.dropped:
        (zh_line,) = [zh_spans.index(span) for span in unit]
        bead = next(b for b in UDHR.beads if b[0] == (zh_line,))
        assert UDHR.en_lines[bead[1][0]] not in kept


def test_short_beads_are_skipped_and_counted():
    eligible, short = od.deletable_beads(UDHR)
    assert short > 0                      # "第一条" / "Article 1" headings
    assert all(len(UDHR.beads[k][1]) == 1 for k in eligible)


def test_clause_cuts():
    sentence = "Everyone has the right to rest and leisure, including reasonable limitation of working hours and periodic holidays with pay."
    cuts = dict(od.clause_cuts(sentence))
    assert cuts["including reasonable limitation of working hours and periodic holidays with pay"] == \
        "Everyone has the right to rest and leisure."
    assert cuts["Everyone has the right to rest and leisure"].startswith("Including reasonable")
    assert od.clause_cuts("No comma here at all.") == []
    assert od.clause_cuts("Yes, he said so.") == []       # no clause of four words
    # never cut across a sentence end
    assert all("." not in c for c, _ in od.clause_cuts("He came home late. Then he ate, and then he went to bed."))


def test_clause_drop_is_seeded():
    a, b = od.clause_drop(UDHR, seed=3), od.clause_drop(UDHR, seed=3)
    assert a.en_text == b.en_text and len(a.clause_jobs) == len(a.dropped) >= 1
    assert a.en_text != "\n".join(UDHR.en_lines) + "\n"
    for job in a.clause_jobs:
        assert a.zh_text[job["offset"]:job["offset"] + len(job["zh"])] == job["zh"]


def test_best_recall_at_precision_sweeps_every_threshold():
    # four truth units found at 0.9, 0.6, 0.3 and never; findings ranked with their correctness
    found_at = [0.9, 0.6, 0.3, -math.inf]
    predictions = [(0.9, 1), (0.7, 0), (0.6, 1), (0.3, 1), (0.2, 0)]
    recall, precision, threshold = om.best_recall_at_precision(found_at, predictions, 0.7)
    assert (recall, threshold) == (0.75, 0.3)      # 3 of 4 kept correct at 0.3: precision 0.75
    assert precision == pytest.approx(0.75)
    recall, precision, threshold = om.best_recall_at_precision(found_at, predictions, 0.9)
    assert (recall, precision, threshold) == (0.25, 1.0, 0.9)
    assert math.isnan(om.best_recall_at_precision(found_at, [(0.5, 0)], 0.8)[0])


def test_sentence_found_at_is_the_threshold_where_the_union_reaches_half():
    zh = "甲乙丙丁戊己\n"
    case = od.DropCase("X", "x", zh, "en\n", dropped=[[(0, 6)]], genuine=[])
    findings = [{"confidence": 0.8, "span": (0, 2)}, {"confidence": 0.4, "span": (2, 3)},
                {"confidence": 0.2, "span": (3, 6)}]
    assert om.sentence_found_at(case, case.dropped[0], findings) == 0.4
    assert om.sentence_found_at(case, case.dropped[0], findings[:1]) == -math.inf


def test_un_documents_split_into_halves_for_fitting_and_reporting(tmp_path):
    base = tmp_path / od.UN_DIR
    base.mkdir(parents=True)
    lines = [f"line {i}" for i in range(200)]
    (base / "zh.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (base / "en.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fit, report = od.un_documents(tmp_path)
    assert {d.corpus for d in fit} == {"UN-fit"} and {d.corpus for d in report} == {"UN"}
    assert fit[-1].zh_lines[-1] == "line 79" and report[0].zh_lines[0] == "line 80"
    assert sum(len(d.zh_lines) for d in fit + report) == 200
