"""Romanised names, adjectives of nationality and other English forms the dictionary's glosses miss."""
import gzip

import pytest

from transdiff.api import representer_for
from transdiff.compare.links import link_pairs
from transdiff.load import from_text
from transdiff.dictionary.cedict import parse_cedict
from transdiff.represent.english import token_keys, word_key
from transdiff.represent.names import pinyin_keys, romanised_keys
from transdiff.types import Segment

READINGS = {"张": ["zhang"], "伟": ["wei"], "明": ["ming"], "长": ["chang", "zhang"], "沙": ["sha"]}


def test_a_chinese_word_is_keyed_by_the_pinyin_of_its_runs():
    keys = pinyin_keys("张伟明", READINGS, known=False)
    assert {"~zhangweiming", "~weiming", "~zhangwei", "~zhang"} <= keys
    assert "~wei" not in keys and "~ming" not in keys          # single syllables only as the surname


def test_a_known_word_gets_no_surname_key_and_polyphones_give_every_spelling():
    assert pinyin_keys("长沙", READINGS) == {"~changsha", "~zhangsha"}
    assert pinyin_keys("张伟", READINGS) == {"~zhangwei"}
    # a character without a reading spells no run; the surname still stands
    assert pinyin_keys("张x", READINGS, known=False) == {"~zhang"}
    assert pinyin_keys("x张", READINGS, known=False) == frozenset()


@pytest.mark.parametrize("word, keys", [
    ("Weiming", {"~weiming"}), ("Dali-Ruili", {"~dali", "~ruili", "~daliruili"}),
    ("UNESCO", set()), ("weiming", set()), ("Zürich", set()),
])
def test_capitalised_english_words_are_keyed_by_their_letters(word, keys):
    assert romanised_keys(word) == keys


def _units(text, lang):
    doc = from_text(text, lang=lang)
    seg = Segment(0, "sentence", 0, len(doc.norm), 0, len(doc.text), doc.norm)
    return representer_for(None).features(doc, [seg])[0].units


def test_a_romanised_name_links_to_the_chinese_name():
    zh = _units("张伟明和王先生到达了湖南。", "zh")
    en = _units("Zhang Weiming and Mr Wang arrived in Hunan.", "en")
    linked = {zh[s].text for s, _ in link_pairs(zh, en)}
    assert {"张伟明", "湖南"} <= linked
    assert any(u.text == "王先生" for u in zh) and "王先生" in linked


@pytest.mark.parametrize("word, country", [
    ("Australian", "Australia"), ("Serbian", "Serbia"), ("Brazilian", "Brazil"), ("Israeli", "Israel"),
    ("Chinese", "China"), ("Americans", "America"), ("French", "France"), ("Europeans", "Europe"),
])
def test_an_adjective_of_nationality_meets_its_country(word, country):
    assert word_key(country) in token_keys(word)


def test_lower_case_words_are_not_taken_for_nationalities():
    assert token_keys("human") == {word_key("human")}
    assert "germ" not in token_keys("German")


def test_a_hyphenated_word_matches_through_its_parts():
    assert token_keys("e-commerce") == {word_key("commerce")}
    assert token_keys("middle-income") == {word_key("middle"), word_key("income")}


@pytest.mark.parametrize("word, base", [("enterprises", "enterprise"), ("raised", "raise"),
                                        ("experiences", "experience"), ("conferences", "conference")])
def test_inflected_forms_of_words_that_keep_their_spelling_keep_it_too(word, base):
    assert word_key(word) == word_key(base)


def test_capitalised_abbreviations_of_titles_and_company_forms():
    assert word_key("Dr") == word_key("doctor") and word_key("Ltd") == word_key("limited")
    assert token_keys("co-operation") == {"co", word_key("operation")}


def test_a_word_defined_by_a_reference_takes_the_senses_of_the_word_referred_to():
    data = gzip.compress("\n".join([
        "#! date=2026-01-01T00:00:00Z",
        "湖南 湖南 [Hu2 nan2] /see 湖南省[Hu2 nan2 Sheng3]/",
        "湖南省 湖南省 [Hu2 nan2 Sheng3] /Hunan Province/",
        "開金 开金 [kai1 jin1] /see 開金|开金[kai1 jin1]/",
        "長 长 [chang2] /long/",
        "長 长 [zhang3] /chief/",
        "呂 吕 [Lu:3] /surname Lü/",
    ]).encode("utf-8"))
    dic = parse_cedict(data)
    assert dic.lookup("湖南") == ["Hunan Province"]
    assert dic.lookup("开金") == []                       # a reference to itself adds nothing
    assert dic.readings["长"] == ["chang", "zhang"]
    assert set(dic.readings["吕"]) == {"lu", "lv"}
