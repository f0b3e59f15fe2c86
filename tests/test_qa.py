"""QA checks on compare results (transdiff.checks) and term consistency (transdiff.checks.terms), on UDHR."""
from __future__ import annotations

import json
from xml.sax.saxutils import escape

import pytest

from transdiff.api import compare
from transdiff.bilingual import read_bilingual
from transdiff.bilingual.check import check_bilingual
from transdiff.bilingual.check import parse_checks as check_parse_checks
from transdiff.errors import InputError
from transdiff.load import from_text
from transdiff.checks import (CHECKS, apply_checks, check_of, filter_findings, parse_checks, render_terms_text,
                          sentence_pairs, term_consistency, untranslated_findings)
from transdiff.checks.terms import are_variants, rendering_keys

ARTICLE_3_EN = "Everyone has the right to life, liberty and the security of person."
ARTICLE_3_ZH = "人人有权享有生命、自由和人身安全。"


def _compare(zh: str, en: str):
    return compare(from_text(zh, lang="zh", path="zh.txt"), from_text(en, lang="en", path="en.txt"))


def _lines_with(text: str, needle: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line]


@pytest.fixture(scope="module")
def number_changed(udhr_zh, udhr_en):
    assert "Article 21\n" in udhr_en
    return _compare(udhr_zh, udhr_en.replace("Article 21\n", "Article 12\n"))


def test_one_vocabulary_for_compare_and_check():
    assert CHECKS == ("omission", "numbers", "dates", "names", "untranslated", "terms", "punctuation")
    assert parse_checks("terms, numbers") == ("numbers", "terms")
    assert parse_checks(None, default=("omission",)) == ("omission",)
    assert parse_checks("all") == CHECKS
    assert set(check_parse_checks("names,terms")) == {"names", "terms"}
    with pytest.raises(InputError, match="spelling"):
        parse_checks("numbers,spelling")


def test_filter_findings_on_udhr_with_a_changed_article_number(number_changed):
    kinds = {(f.type, f.detail.get("kind")) for f in number_changed.findings}
    assert ("mismatch", "number") in kinds and ("omission", None) in kinds  # zh has two header lines more
    numbers = filter_findings(number_changed.findings, ["numbers"])
    assert numbers and all(check_of(f) == "numbers" for f in numbers)
    assert any("12" in f.detail["target_only"] for f in numbers)
    omissions = filter_findings(number_changed.findings, ["omission"])
    assert omissions and all(f.type in ("omission", "addition", "partial") for f in omissions)
    assert len(numbers) + len(omissions) == len(number_changed.findings)
    only_dates = apply_checks(number_changed, "dates")
    assert only_dates.findings == [] and only_dates.signature["checks"] == ["dates"]
    assert number_changed.findings  # the original result is left as it was


@pytest.mark.parametrize("replacement, reason", [
    (ARTICLE_3_ZH, "same as source"),                      # copied from the source
    (ARTICLE_3_ZH[:-1] + " (life, liberty).", "Chinese text"),  # left in Chinese, with a note
])
def test_untranslated_chinese_left_in_the_english(udhr_zh, udhr_en, replacement, reason):
    assert ARTICLE_3_EN in udhr_en and ARTICLE_3_ZH in udhr_zh
    en = udhr_en.replace(ARTICLE_3_EN, replacement)
    result = _compare(udhr_zh, en)
    found = untranslated_findings(result)
    assert len(found) == 1
    finding = found[0]
    assert finding.type == "mismatch" and finding.detail["kind"] == "untranslated"
    assert finding.target_lines == (19, 19) and replacement in finding.target_text
    assert finding.detail["reason"] == reason
    assert any(f.detail.get("kind") == "untranslated" for f in apply_checks(result).findings)
    assert not any(f.detail.get("kind") == "untranslated" for f in apply_checks(result, "numbers").findings)


def test_untranslated_nothing_on_the_real_translation(udhr_zh, udhr_en):
    assert untranslated_findings(_compare(udhr_zh, udhr_en)) == []


def test_sentence_pairs_regroup_clause_beads(number_changed):
    pairs = sentence_pairs(number_changed)
    al = number_changed.alignment
    assert sorted(i for p in pairs for i in p.source) == list(range(len(al.source)))
    assert sorted(k for p in pairs for k in p.beads) == list(range(len(al.beads)))
    # Article 1 is two sentences in both versions, several clauses: its first sentence is one pair
    first = next(p for p in pairs if p.source and "人人生而自由" in al.source[p.source[0]].text)
    assert len(first.source) >= 2 and "born free" in " ".join(al.target[j].text for j in first.target)


def test_rendering_variants_rule():
    un, united = rendering_keys("UN"), rendering_keys("United Nations")
    assert are_variants(un, "UN", united, "United Nations")
    assert are_variants(rendering_keys("Security Council"), "Security Council",
                        rendering_keys("UN Security Council"), "UN Security Council")
    assert rendering_keys("Organisations") == rendering_keys("organization")
    assert not are_variants(rendering_keys("Declaration"), "Declaration", rendering_keys("manifesto"), "manifesto")


def test_term_rendered_two_ways_is_reported_with_counts(udhr_zh, udhr_en):
    needle = "set forth in this Declaration"
    changed_lines = _lines_with(udhr_en, needle)
    assert changed_lines == [16, 86]
    en = udhr_en.replace(needle, "set forth in this Manifesto")
    terms = term_consistency(_compare(udhr_zh, en))
    declaration = next(t for t in terms if t["term"] == "宣言")
    by_text = {r["text"]: r for r in declaration["renderings"]}
    assert set(by_text) == {"Declaration", "Manifesto"}
    assert by_text["Manifesto"]["count"] == 2 and by_text["Manifesto"]["lines"] == changed_lines
    assert by_text["Declaration"]["count"] >= 2 and 92 in by_text["Declaration"]["lines"]
    assert by_text["Manifesto"]["origin"] == "cedict" and declaration["confidence"] == 0.7
    assert not declaration["variants_only"]
    text = render_terms_text(terms)
    assert '"Manifesto" x2 (lines 16, 86)' in text and "宣言 (declaration)" in text
    json.dumps(terms, ensure_ascii=False)  # JSON-ready
    assert not any(t["term"] == "宣言" for t in term_consistency(_compare(udhr_zh, udhr_en)))


def test_acronym_and_full_name_are_one_rendering(udhr_zh, udhr_en):
    needle = "principles of the United Nations"
    assert _lines_with(udhr_en, needle) == [44, 90]
    en = udhr_en.replace(needle, "principles of the UN")
    result = _compare(udhr_zh, en)
    assert not any(t["term"] == "联合国" for t in term_consistency(result))
    with_variants = term_consistency(result, include_variants=True, min_confidence=0)
    un = next(t for t in with_variants if t["term"] == "联合国")
    assert un["variants_only"] and un["confidence"] == 0.2
    counts = {r["text"]: r["count"] for r in un["renderings"]}
    assert counts["UN"] == 2 and counts["United Nations"] >= 2
    assert len({r["class"] for r in un["renderings"]}) == 1


def test_check_reports_terms_and_names_per_unit(tmp_path, udhr_zh, udhr_en):
    zh_lines, en_lines = udhr_zh.splitlines(), udhr_en.splitlines()
    units = []
    for n in (14, 16, 86, 92):
        en = en_lines[n - 1].replace("this Declaration", "this Manifesto") if n in (16, 86) else en_lines[n - 1]
        units.append(f'<trans-unit id="l{n}"><source>{escape(zh_lines[n - 1])}</source>'
                     f"<target>{escape(en)}</target></trans-unit>")
    # an acronym on the English side only: a name mismatch
    units.append('<trans-unit id="who"><source>世界卫生组织报告</source><target>The WHO and UNESCO report</target></trans-unit>')
    path = tmp_path / "udhr.xlf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" '
                    f'target-language="en" datatype="plaintext" original="udhr"><body>{"".join(units)}</body></file>'
                    "</xliff>\n", encoding="utf-8")
    report = check_bilingual(read_bilingual(path), checks="terms,names")
    declaration = next(t for t in report.terms if t["term"] == "宣言")
    by_text = {r["text"]: r for r in declaration["renderings"]}
    assert by_text["Manifesto"]["units"] == ["l16", "l86"] and by_text["Declaration"]["units"] == ["l92"]
    names = [f for f in report.findings if f.check == "names"]
    assert [(f.unit, f.detail["target_only"]) for f in names] == [("who", ["UNESCO"])]
    assert report.counts()["terms"] == len(report.terms) >= 1


def test_identical_dates_and_names_are_no_untranslated_text_but_an_english_sentence_is():
    # UN Chinese letters keep the date and the signatories' names in Latin letters (UN-dev 3167, 1504)
    zh = "安全理事会主席的信。\n6   February   2015\n12.   Abdullah   Sarwaji\n委员会在日内瓦举行会议。"
    en = "Letter from the President of the Security Council.\n6 February 2015\n12. Abdullah Sarwaji\n" \
         "The Committee met in Geneva."
    assert untranslated_findings(_compare(zh, en)) == []
    copied = zh.replace("委员会在日内瓦举行会议。", "The Committee met in Geneva.")
    (found,) = untranslated_findings(_compare(copied, en))
    assert "Geneva" in found.target_text and found.detail["reason"] == "same as source"


@pytest.mark.parametrize("source, target, differ", [
    # UN-dev: a meeting time and a footnote mark after the final period are no change of punctuation
    ("安理会第7377次会议于上午10时举行", "The 7377th meeting of the Security Council was held at 10 a.m.", False),
    ("这些信息载于委员会网站上。", "This information is available on the Committee's website.3", False),
    ("表明存在某种程度的规划。", "indicated a certain level of planning.[23]", False),
    ("你同意吗？", "Do you agree at 10 a.m.", True),
    ("会议于上午10时举行。", "The meeting was held at 10 a.m", True),
    ("你同意吗？", "You agree.", True),
])
def test_end_punctuation_reads_abbreviations_and_footnote_marks(source, target, differ):
    from transdiff.checks.punctuation import end_mark, marks_differ
    assert marks_differ(end_mark(source), end_mark(target)) is differ


def test_a_unit_of_a_whole_document_has_its_sentences_aligned_and_its_omission_found(tmp_path, udhr_zh, udhr_en):
    """One TMX segment holding the whole UDHR, Article 3 left out of the English: the unit's sentences are
    aligned as compare aligns a document (one bead for all its clauses costs time and memory by their
    square), and the missing article is found."""
    from xml.sax.saxutils import escape
    from transdiff.bilingual.check import check_file
    en = udhr_en.replace(ARTICLE_3_EN, "")
    tmx = tmp_path / "whole.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="zh-CN" '
                   'datatype="plaintext" segtype="paragraph" adminlang="en" o-tmf="x" creationtool="x" '
                   'creationtoolversion="1"/><body><tu tuid="all">'
                   f'<tuv xml:lang="zh-CN"><seg>{escape(" ".join(udhr_zh.split()))}</seg></tuv>'
                   f'<tuv xml:lang="en"><seg>{escape(" ".join(en.split()))}</seg></tuv></tu></body></tmx>',
                   encoding="utf-8")
    report = check_file(str(tmx), checks="omission")
    assert udhr_zh.count("。") > 50
    missing = [f for f in report.findings if f.type in ("omission", "partial") and f.confidence >= 0.5
               and ARTICLE_3_ZH in f.source_text and len(f.source_text) < 3 * len(ARTICLE_3_ZH)]
    assert missing
    assert len(report.findings) <= 6       # one bead for the whole document: 27 findings, Article 3 not one
