"""End to end on the real UDHR pair: what a faithful pair reports, and what damaged copies report."""
from pathlib import Path

import pytest

import transdiff
from transdiff.load import from_text

ROOT = Path(__file__).resolve().parents[1]
ZH = (ROOT / "corpora/udhr/zh.txt").read_text(encoding="utf-8")
EN = (ROOT / "corpora/udhr/en.txt").read_text(encoding="utf-8")
EN_LINES = EN.split("\n")


def compare_texts(zh: str, en: str, **kw):
    return transdiff.compare(from_text(zh, path="zh.txt"), from_text(en, path="en.txt"), **kw)


def zh_line_of(text: str) -> int:
    return ZH.split("\n").index(text) + 1


@pytest.fixture(scope="module")
def faithful():
    return compare_texts(ZH, EN)


def test_faithful_pair_reports_the_chinese_only_note_and_introduction(faithful):
    omissions = [f for f in faithful.findings if f.type == "omission"]
    assert omissions, "the zh-only note and introduction must be reported"
    first = omissions[0]
    assert first.source_lines == (2, 3)
    assert first.target_span is None and first.target_text is None
    start, end = first.source_span
    assert ZH[start:end].startswith("联合国大会一九四八年十二月十日")
    assert ZH[start:end].endswith("《宣言》全文如下：")
    assert "Universal Declaration of Human Rights" in first.gloss


def test_faithful_pair_has_at_most_two_other_findings(faithful):
    others = [f for f in faithful.findings if f.source_lines != (2, 3)]
    assert len(others) <= 2, [(f.type, f.source_lines, f.message) for f in others]


def test_alignment_covers_every_segment_once(faithful):
    al = faithful.alignment
    seen_s = [i for b in al.beads for i in b.source]
    seen_t = [j for b in al.beads for j in b.target]
    assert seen_s == list(range(len(al.source)))
    assert seen_t == list(range(len(al.target)))
    assert al.aligned_share() > 0.9


@pytest.mark.parametrize("en_line", [
    "Everyone has the right to an effective remedy by the competent national tribunals for acts violating "
    "the fundamental rights granted him by the constitution or by law.",
    "2. This right may not be invoked in the case of prosecutions genuinely arising from non‐political crimes "
    "or from acts contrary to the purposes and principles of the United Nations.",
])
def test_removed_english_sentence_is_reported_as_omission_with_gloss(en_line):
    assert en_line in EN_LINES
    damaged = "\n".join(line for line in EN_LINES if line != en_line)
    index = EN_LINES.index(en_line)
    counterpart = ZH.split("\n")[index]          # the files are line-parallel from here on
    result = compare_texts(ZH, damaged)
    hits = [f for f in result.findings if f.type == "omission" and f.source_span
            and f.source_span[0] <= ZH.index(counterpart) < f.source_span[1]]
    assert hits, [(f.type, f.source_lines) for f in result.findings]
    assert any(ch.isalpha() and ch.isascii() for ch in hits[0].gloss)


def test_cut_clause_is_reported_as_partial_naming_the_uncovered_words():
    cut = ", including reasonable limitation of working hours and periodic holidays with pay"
    assert cut in EN
    result = compare_texts(ZH, EN.replace(cut, ""))
    line = zh_line_of(next(line for line in ZH.split("\n") if "定期给薪休假" in line))
    partials = [f for f in result.findings if f.type == "partial" and f.source_lines == (line, line)]
    assert partials, [(f.type, f.source_lines) for f in result.findings]
    words = {d["word"] for d in partials[0].detail["uncovered"]}
    assert {"限制", "定期"} <= words
    for d in partials[0].detail["uncovered"]:
        s, e = d["span"]
        assert ZH[s:e] == d["word"]
        assert d["gloss"]
    # the gloss reads as the cut clause: "... working hours have reasonable limit ..."
    gloss = partials[0].gloss
    assert "working hours" in gloss and ("limit" in gloss or "restrict" in gloss), gloss


def test_changed_number_is_a_mismatch():
    result = compare_texts(ZH, EN.replace("Article 30", "Article 13"))
    mismatches = [f for f in result.findings if f.type == "mismatch"]
    assert len(mismatches) == 1
    m = mismatches[0]
    assert m.detail["target_only"] == ["13"]
    assert m.detail["source_only"] and "三十" in m.detail["source_only"][0]
    assert m.confidence >= 0.8


def test_english_source_turns_the_note_into_an_addition():
    result = compare_texts(EN, ZH)               # English first: it is the source
    assert result.source.lang == "en"
    additions = [f for f in result.findings if f.type == "addition" and f.target_lines == (2, 3)]
    assert additions and additions[0].gloss


def test_source_option_overrides_the_order():
    result = compare_texts(ZH, EN, source_lang="en")
    assert result.source.lang == "en" and result.target.lang == "zh"


def test_min_confidence_filters_and_findings_are_ranked():
    loose = compare_texts(ZH, EN, min_confidence=0.0)
    strict = compare_texts(ZH, EN, min_confidence=0.99)
    assert len(loose.findings) >= len(strict.findings)
    assert all(f.confidence >= 0.99 for f in strict.findings)
    confidences = [f.confidence for f in loose.findings]
    assert confidences == sorted(confidences, reverse=True)


def test_same_language_pair_is_refused():
    with pytest.raises(transdiff.LanguageError, match="both English"):
        compare_texts(EN, EN)


def test_signature_names_dictionary_and_engine(faithful):
    sig = faithful.signature
    assert sig["dictionary"] == "CC-CEDICT 2026-05-20"
    assert "coverage" in sig["engine"]["sentence"]["signals"]
    assert sig["level"] == "clause"


def test_acronym_on_one_side_only_is_a_name_mismatch():
    result = compare_texts(ZH, EN.replace("the United Nations", "the UN and the SCO", 1))
    names = [f for f in result.findings if f.type == "mismatch" and f.detail["kind"] == "name"]
    assert len(names) == 1
    assert names[0].detail["target_only"] == ["SCO"]          # UN is the glossary's rendering of 联合国
    assert names[0].detail["source_only"] == []


def test_date_mismatch_in_a_small_declaration():
    zh = "宣言\n本宣言于2022年9月16日在撒马尔罕签署。\n成员国将加强安全合作,共同打击恐怖主义、分裂主义和极端主义。\n"
    en = ("Declaration\nThis Declaration was signed in Samarkand on 16 October 2022.\n"
          "The member states will strengthen security cooperation and jointly fight terrorism, separatism and "
          "extremism.\n")
    result = compare_texts(zh, en)
    dates = [f for f in result.findings if f.type == "mismatch"]
    assert len(dates) == 1 and dates[0].detail["kind"] == "date"
    assert dates[0].source_lines == (2, 2)
    assert "9月16日" in dates[0].detail["source_only"][0]
