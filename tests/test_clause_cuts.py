"""A clause cut from inside an English sentence of the real UDHR pair is reported at the default threshold,
naming the Chinese words of the missing clause (and not those the rest of the English still renders)."""
from pathlib import Path

import pytest

import transdiff
from transdiff.load import from_text

ROOT = Path(__file__).resolve().parents[1]
ZH = (ROOT / "corpora/udhr/zh.txt").read_text(encoding="utf-8")
EN = (ROOT / "corpora/udhr/en.txt").read_text(encoding="utf-8")

# (English cut, a phrase of the Chinese line it belongs to, Chinese words the cut clause renders,
#  Chinese words the rest of the English still renders)
CUTS = {
    "article 2": (", political or other opinion, national or social origin, property, birth or other status",
                  "政治或其他见解", {"政治", "见解", "国籍", "财产"}, {"种族", "肤色", "不", "分"}),
    "article 20": (" and association", "和平集会和结社", {"结社"}, {"集会", "自由"}),
    "article 21": (", directly or through freely chosen representatives", "直接或通过自由选择的代表",
                   {"直接", "代表"}, {"治理", "本国", "权利"}),
}
# Not reported yet, and why: Article 20 leaves one word without counterpart (结社) in a sentence the rest of
# the English renders, and a lone unlinked word is as often a dictionary miss; Article 21 leaves a run of
# five (直接 ... 代表) but its pair keeps its clause count and most of its length, which the clause model
# weighs more than the run (confidence 0.01). Strict: a change that reports them must say so here.
HARD = {"article 20": "a lone unlinked word", "article 21": "a run the pair's lengths and clauses outweigh"}


def _partials_on_the_line(cut: str, phrase: str) -> list:
    assert cut in EN
    result = transdiff.compare(from_text(ZH, path="zh.txt"), from_text(EN.replace(cut, "", 1), path="en.txt"))
    line = next(n for n, text in enumerate(ZH.split("\n"), 1) if phrase in text)
    return [f for f in result.findings if f.type == "partial" and f.source_lines == (line, line)]


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=HARD[name]))
                                  if name in HARD else name for name in CUTS])
def test_cut_clause_is_reported_naming_its_chinese_words(name):
    cut, phrase, missing, rendered = CUTS[name]
    partials = _partials_on_the_line(cut, phrase)
    assert partials, f"no partial finding at the default threshold for the cut {cut!r}"
    best = max(partials, key=lambda f: f.confidence)
    words = {d["word"] for d in best.detail["uncovered"]}
    assert missing <= words, words
    assert not words & rendered, words
    for d in best.detail["uncovered"]:
        s, e = d["span"]
        assert ZH[s:e] == d["word"]
        assert d["gloss"]


def test_named_words_carry_the_senses_chosen_in_context():
    cut, phrase, _, _ = CUTS["article 2"]
    best = max(_partials_on_the_line(cut, phrase), key=lambda f: f.confidence)
    in_context = {tuple(w["span"]): w["gloss"] for w in best.detail["gloss_words"]}
    for d in best.detail["uncovered"]:
        if tuple(d["span"]) in in_context:
            assert d["gloss"] == in_context[tuple(d["span"])]
    for d in best.detail["uncovered"][:8]:   # the message names the first eight
        assert f"{d['word']} ({d['gloss']})" in best.message
    assert "政治 (political)" in best.message and "见解 (opinion)" in best.message
