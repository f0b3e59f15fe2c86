"""Represent stage: CC-CEDICT, glossary, English keys, Chinese glosses."""
import pytest

from transdiff.errors import InputError
from transdiff.dictionary.cedict import clean_senses, load_cedict, to_simplified
from transdiff.represent.chinese import ChineseLexicon
from transdiff.represent.english import phrase_keys, token_keys, word_key
from transdiff.represent.glossary import builtin_glossary, load_glossary, parse_glossary


def test_cedict_is_the_vendored_release():
    dic = load_cedict()
    assert dic.release == "2026-05-20"
    assert dic.entries == 124935
    assert "human rights" in dic.lookup("人权")


def test_clean_senses_drops_labels_and_cross_references():
    raw = "(aerospace) satellite/(astronomy) satellite; moon/CL:顆|颗[ke1]"
    assert clean_senses(raw) == ["satellite", "satellite", "moon"]
    assert clean_senses("variant of 好[hao3]/surname Hao") == []


def test_traditional_to_simplified_keeps_length():
    trad = "世界人權宣言，聯合國大會"
    simp = to_simplified(trad)
    assert simp == "世界人权宣言，联合国大会"
    assert len(simp) == len(trad)


@pytest.mark.parametrize("a, b", [
    ("organisation", "organization"), ("organisations", "organization"), ("recognised", "recognize"),
    ("labour", "labor"), ("centre", "center"), ("defence", "defense"), ("children", "child"),
    ("travelled", "traveled"), ("cancelling", "canceling"), ("labelled", "label"),
])
def test_british_and_american_spellings_share_a_key(a, b):
    assert word_key(a) == word_key(b) != ""


@pytest.mark.parametrize("word, base", [("called", "call"), ("selling", "sell"), ("killed", "kill"),
                                        ("filled", "fill"), ("controlled", "control")])
def test_a_double_l_of_the_base_word_is_kept(word, base):
    assert word_key(word) == word_key(base)


def test_stopwords_have_no_key_and_acronyms_keep_their_case():
    assert word_key("the") == "" and word_key("whereas") == ""
    assert "RATS" in token_keys("RATS") and "rat" in token_keys("RATS")
    assert token_keys("SCO") == frozenset({"SCO"})
    assert phrase_keys("Regional Anti-Terrorist Structure") >= {word_key("regional"), word_key("structure")}


def test_builtin_glossary_has_the_sco_terms():
    g = builtin_glossary()
    assert "RATS" in g.renderings("地区反恐怖机构")
    assert "SCO" in g.renderings("上海合作组织")


def test_user_glossary_merges_and_validates(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("# comment\n撒马尔罕宣言\tSamarkand Declaration|Declaration of Samarkand\n", encoding="utf-8")
    g = load_glossary([path])
    assert "Declaration of Samarkand" in g.renderings("撒马尔罕宣言")
    assert "RATS" in g.renderings("地区反恐怖机构")          # the built-in terms are still there
    assert g.digest != builtin_glossary().digest
    bad = tmp_path / "bad.tsv"
    bad.write_text("no tab here\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        load_glossary([bad])
    with pytest.raises(InputError, match="Chinese term"):
        parse_glossary("SCO\tShanghai\n")
    with pytest.raises(InputError, match="cannot read"):
        load_glossary([tmp_path / "missing.tsv"])


def test_lexicon_glosses_known_and_unknown_words():
    lex = ChineseLexicon(builtin_glossary())
    known = lex.gloss("人权")
    assert known.known and word_key("rights") in known.keys
    rats = lex.gloss("地区反恐怖机构")
    assert "RATS" in rats.keys and rats.gloss == "Regional Anti-Terrorist Structure"
    # not a dictionary word: glossed through its parts, marked as such
    composed = lex.gloss("人权宣言书")
    assert not composed.known
    assert word_key("declaration") in composed.keys
