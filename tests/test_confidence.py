"""Evidence and calibration of gap findings (transdiff.compare.confidence, benchmarks/calibrate.py)."""
from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest

from transdiff import compare, from_text
from transdiff.compare.confidence import EVIDENCE, LengthEvidence, calibrate, calibration, calibration_kind
from transdiff.compare.gaps import PairGaps
from transdiff.compare.links import link_pairs
from transdiff.represent import Unit
from transdiff.types import Bead, Finding

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "corpora" / "udhr"
sys.path.insert(0, str(ROOT / "benchmarks"))
from calibrate import (DOCUMENT_FEATURES, FEATURES, fit_logistic, fit_pair_and_document,  # noqa: E402
                       fit_with_interactions, predict)


def test_length_model_is_estimated_from_the_document():
    # target four times as long as the source, with a spread of about 0.1 in the log ratio
    rng = random.Random(3)
    src = [rng.randint(20, 60) for _ in range(200)]
    tgt = [round(4 * s * math.exp(rng.gauss(0, 0.1))) for s in src]
    model = LengthEvidence.estimate(src, tgt, [Bead((i,), (i,)) for i in range(200)])
    assert model.ratio == pytest.approx(4.0, rel=0.05)
    assert 0.15 <= model.sigma <= 0.2    # the spread, floored at MIN_SIGMA


def test_a_short_target_is_length_evidence_for_the_gap_that_explains_it():
    model = LengthEvidence(ratio=4.0, sigma=0.2)
    # 40 source characters, a 20-character gap; the target renders the other 20 (80 characters)
    assert model.gap_in_pair(40, 80, "s", 20) > 3
    # the target renders all 40: the gap is not supported by the lengths
    assert model.gap_in_pair(40, 160, "s", 20) < -3
    # once another gap explains the shortness, a second one gets no credit from it
    assert model.gap_in_pair(40, 80, "s", 20, explained=20) < 0
    # an added stretch on the target side mirrors it
    assert model.gap_in_pair(20, 160, "t", 80) > 3


def test_unpaired_sentence_that_a_neighbour_could_hold_gets_negative_length_evidence():
    model = LengthEvidence(ratio=4.0, sigma=0.2)
    # a neighbour with 20 source characters and 160 target ones has room for 20 more source characters
    assert model.unpaired(20, "s", [(20, 160)]) < -3
    # a neighbour whose lengths already fit: adding the sentence would make it fit worse
    assert model.unpaired(20, "s", [(20, 80)]) > 3
    assert model.unpaired(20, "s", []) == 0.0


def test_calibration_uses_the_model_of_the_findings_kind():
    models = calibration()
    assert set(models) >= {"omission", "merged", "partial"}
    for model in models.values():
        assert set(model["weights"]) <= set(EVIDENCE)
    f = Finding(type="partial", confidence=0.9, source_text="x", target_text="y", source_span=(0, 1),
                target_span=(0, 1), source_lines=(1, 1), target_lines=(1, 1), gloss=None, message="",
                detail={"level": "clause", "evidence": {"coverage": 2.0, "length": 1.0, "support": 0.0,
                                                         "reach": 0.0, "unpaired": 1.0, "whole": 0.0,
                                                         "gap": 1.5, "gap_share": 0.4, "residue": 0.7,
                                                         "window": 0.0, "clauses": 0.4, "doc_coverage": 1.2,
                                                         "surplus": 0.8, "other_surplus": -0.2, "literal": 0.6, "within": 1.0,
                                                         "run": 1.1, "numbers": 0.0, "beside": 0.0,
                                                         "uneven": 1.0, "linkable": 0.7, "unlinkable": 0.0,
                                                         "link_llr": 0.9}})
    assert calibration_kind(f) == "partial"
    model = models["partial"]
    ev = f.detail["evidence"]
    z = model["bias"] + sum(model["weights"][k] * ev[k] for k in model["weights"])
    # the clause model also weighs products of pairs of features (benchmarks/calibrate.py)
    for pair, weight in model.get("interactions", {}).items():
        a, b = pair.split("*")
        assert a in EVIDENCE and b in EVIDENCE
        z += weight * ev[a] * ev[b]
    expected = 1 / (1 + math.exp(-z))
    calibrate(f)
    assert f.detail["raw_confidence"] == 0.9
    assert f.confidence == pytest.approx(expected, abs=1e-4)
    f.detail["evidence"]["whole"] = 1.0
    assert calibration_kind(f) == "merged"
    f.detail["level"] = "sentence"
    assert calibration_kind(f) == "omission"


def test_logistic_fit_recovers_known_weights():
    rng = random.Random(7)
    rows, ys = [], []
    for _ in range(3000):
        x = [rng.gauss(0, 1), rng.gauss(0, 1)]
        p = 1 / (1 + math.exp(-(1.5 * x[0] - 1.0 * x[1] + 0.5)))
        rows.append(x)
        ys.append(int(rng.random() < p))
    w = fit_logistic(rows, ys, ridge=0.0)
    assert w == pytest.approx([1.5, -1.0, 0.5], abs=0.2)
    assert predict(w, [0.0, 0.0]) == pytest.approx(1 / (1 + math.exp(-w[2])))


def test_interaction_fit_finds_a_feature_that_counts_only_together_with_another():
    """P(real) rises with gap only where residue is small: the product carries it, on the raw scale."""
    rng = random.Random(11)
    k = len(FEATURES)
    gap, residue = FEATURES.index("gap"), FEATURES.index("residue")
    rows, ys = [], []
    for _ in range(6000):
        x = [rng.uniform(0, 3) for _ in range(k)]
        z = 2.0 * x[gap] - 1.5 * x[gap] * x[residue] - 1.0
        rows.append(x)
        ys.append(int(rng.random() < 1 / (1 + math.exp(-z))))
    weights, products, bias = fit_with_interactions(rows, ys)
    assert weights[gap] == pytest.approx(2.0, abs=0.5)
    assert products["gap*residue"] == pytest.approx(-1.5, abs=0.3)
    others = [v for name, v in products.items() if name != "gap*residue"]
    assert max(abs(v) for v in others) < 0.3

    def fitted(x):
        z = bias + sum(w * v for w, v in zip(weights, x))
        z += sum(products[f"{FEATURES[i]}*{FEATURES[j]}"] * x[i] * x[j]
                 for i in range(k) for j in range(i + 1, k))
        return 1 / (1 + math.exp(-z))

    for g, r in ((3.0, 0.0), (3.0, 2.0), (0.5, 1.0)):
        x = [1.5] * k
        x[gap], x[residue] = g, r
        assert fitted(x) == pytest.approx(1 / (1 + math.exp(-(2.0 * g - 1.5 * g * r - 1.0))), abs=0.1)


def _udhr():
    return (UDHR / "zh.txt").read_text(encoding="utf-8"), (UDHR / "en.txt").read_text(encoding="utf-8")


def test_sentence_dropped_inside_a_paragraph_is_an_omission_with_evidence():
    """Article 16 (2) removed from the English: the aligner may merge the Chinese (2) into a neighbouring
    pair; either way the Chinese sentence must come back as an omission."""
    zh, en = _udhr()
    lines = en.split("\n")
    kept = [line for line in lines if "Marriage shall be entered into only with the free" not in line]
    assert len(kept) == len(lines) - 1
    result = compare(from_text(zh, path="zh.txt"), from_text("\n".join(kept), path="en.txt"))
    hits = [f for f in result.findings if f.type == "omission" and "缔婚" in (f.source_text or "")]
    assert hits, [(f.type, f.source_text) for f in result.findings]
    assert hits[0].confidence >= 0.5
    assert set(hits[0].detail["evidence"]) >= {"coverage", "length", "unpaired", "whole"}
    # the finding is that sentence, not the neighbouring ones that are still translated
    assert "男女双方" in hits[0].source_text and "家庭是天然的" not in hits[0].source_text


def test_semicolon_halves_of_one_sentence_are_not_reported_on_a_faithful_pair():
    zh, en = _udhr()
    result = compare(from_text(zh, path="zh.txt"), from_text(en, path="en.txt"), min_confidence=0.2)
    assert not [f for f in result.findings if "奴隶" in (f.source_text or "")]


@pytest.mark.parametrize("english, chinese", [
    ("Everyone has the right to a nationality.", "人人有权享有国籍"),
    ("Everyone has the right to freedom of movement", "人人在各国境内有权自由迁徙和居住"),
])
def test_sentence_merged_into_a_neighbouring_pair_is_an_omission(english, chinese):
    """These English lines dropped, the aligner pairs the Chinese sentence together with its neighbour
    (a 2-1 pair): the sentence must still be reported, on its own, from the evidence inside the pair."""
    zh, en = _udhr()
    lines = en.split("\n")
    kept = [line for line in lines if english not in line]
    assert len(kept) == len(lines) - 1
    result = compare(from_text(zh, path="zh.txt"), from_text("\n".join(kept), path="en.txt"))
    hits = [f for f in result.findings if chinese in (f.source_text or "")]
    assert len(hits) == 1 and hits[0].type == "omission"
    assert hits[0].detail["level"] == "clause" and hits[0].detail["evidence"]["whole"] == 1.0
    assert hits[0].source_text.strip().endswith("。") and hits[0].source_text.count("。") == 1
    assert hits[0].target_text    # the neighbouring pair's English it was merged with


def _units(words: str) -> list[Unit]:
    out, pos = [], 0
    for word in words.split():
        out.append(Unit(word, pos, pos + len(word), frozenset({word.lower()})))
        pos += len(word) + 1
    return out


def _window(group_at: slice, source: list[Unit], other: list[Unit]) -> float:
    pairs = link_pairs(source, other)
    links = {s: [t for s2, t in pairs if s2 == s] for s, _ in pairs}
    other_links = {t: [s] for s, t in pairs}
    index_of = {u.nstart: i for i, u in enumerate(source)}
    return PairGaps._window_residue(source[group_at], index_of, links, other, other_links)


def test_window_residue_counts_unlinked_words_between_the_gaps_neighbours_counterparts():
    source = _units("A B gap1 gap2 C D")
    # the clause was cut: the counterparts of B and C are adjacent
    assert _window(slice(2, 4), source, _units("a b c d")) == 0.0
    # a free rendering: unlinked words sit where the clause's translation should be
    assert _window(slice(2, 4), source, _units("a b x y c d")) == 2.0
    # unlinked words elsewhere in the sentence are not the clause's
    assert _window(slice(2, 4), source, _units("a b c d x y")) == 0.0


@pytest.mark.parametrize("second", ["天气很好，阳光明媚，孩子们在公园里玩耍。",
                                    "天气很好，阳光明媚，孩子们在公园里玩耍，委员会很高兴。"])
def test_a_pair_that_barely_links_gets_no_length_evidence(second):
    """The aligner may fill a hole with an unrelated sentence (here sharing no word, or only "committee"):
    the lengths of such a pair say nothing about what is missing from it, so they must not vouch for its
    translation either."""
    zh = (f"我们今天讨论了经济发展和国际合作。\n{second}\n"
          "会议通过了关于气候变化的决议，并呼吁各国加强合作。")
    en = ("Today we discussed economic development and international cooperation.\n"
          "The committee will publish its budget report next spring.\n"
          "The meeting adopted a resolution on climate change.")
    result = compare(from_text(zh, lang="zh"), from_text(en, lang="en"), min_confidence=0.0, check_related=False)
    unrelated = [f for f in result.findings if "公园" in (f.source_text or "") and f.type == "partial"]
    assert unrelated and all(f.detail["evidence"]["length"] == 0.0 for f in unrelated)
    related = [f for f in result.findings if "呼吁" in (f.source_text or "") and f.type == "partial"]
    assert related and related[0].detail["evidence"]["length"] != 0.0


def test_document_evidence_is_a_layer_on_top_of_the_pair_model():
    """The document's own evidence adds to the pair model's log odds; a candidate without any (a text of one
    pair) is scored by the pair layer alone, which carries no product with a document feature."""
    rng = random.Random(5)
    k = len(FEATURES)
    gap, llr = FEATURES.index("gap"), FEATURES.index("link_llr")
    rows, ys = [], []
    for _ in range(6000):
        x = [0.0] * k
        x[gap] = rng.uniform(0, 3)
        x[llr] = rng.uniform(-1, 2) if rng.random() < 0.7 else 0.0
        rows.append(x)
        ys.append(int(rng.random() < 1 / (1 + math.exp(-(1.5 * x[gap] + 1.0 * x[llr] - 2.0)))))
    weights, products, bias = fit_pair_and_document(rows, ys)
    assert not any(a in DOCUMENT_FEATURES or b in DOCUMENT_FEATURES for a, b in (p.split("*") for p in products))
    assert weights[llr] == pytest.approx(1.0, abs=0.3)
    assert weights[gap] == pytest.approx(1.5, abs=0.4)
