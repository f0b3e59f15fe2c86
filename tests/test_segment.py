"""Tests for transdiff.segment: real UDHR text, abbreviations, spans and invariants."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transdiff.errors import LanguageError, TransdiffError
from transdiff.segment import hierarchy, paragraph_spans, segment
from transdiff.segment import en as en_mod
from transdiff.segment import zh as zh_mod
from transdiff.segment.en import en_words
from transdiff.segment.zh import add_words, zh_words
from transdiff.types import Document, Segment

UDHR = Path(__file__).resolve().parents[1] / "corpora" / "udhr"


def make_doc(text: str, lang: str) -> Document:
    return Document(text=text, norm=text, norm_to_text=list(range(len(text) + 1)), lang=lang)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def udhr_zh() -> Document:
    return make_doc((UDHR / "zh.txt").read_text(encoding="utf-8"), "zh")


@pytest.fixture(scope="module")
def udhr_en() -> Document:
    return make_doc((UDHR / "en.txt").read_text(encoding="utf-8"), "en")


def texts(segments: list[Segment]) -> list[str]:
    return [s.text for s in segments]


def sentences(text: str, lang: str) -> list[str]:
    return texts(segment(make_doc(text, lang), "sentence"))


def clauses(text: str, lang: str) -> list[str]:
    return texts(segment(make_doc(text, lang), "clause"))


def check_invariants(doc: Document) -> None:
    """Every level partitions the non-whitespace characters; levels nest; spans map to text."""
    paragraphs, sents, cls = hierarchy(doc)
    covered = [i for i, ch in enumerate(doc.norm) if not ch.isspace()]
    for level, segs, outer in (("paragraph", paragraphs, None), ("sentence", sents, paragraphs), ("clause", cls, sents)):
        position = 0
        chars: list[int] = []
        for i, seg in enumerate(segs):
            assert seg.index == i and seg.level == level
            assert seg.nstart < seg.nend, "empty segment"
            assert seg.nstart >= position, "overlap or disorder"
            assert seg.text == doc.norm[seg.nstart:seg.nend]
            assert seg.text == seg.text.strip(), "surrounding whitespace"
            assert (seg.start, seg.end) == doc.text_span(seg.nstart, seg.nend)
            assert seg.line == doc.line_of(seg.start)
            position = seg.nend
            chars.extend(j for j in range(seg.nstart, seg.nend) if not doc.norm[j].isspace())
            if outer is None:
                assert seg.parent is None
            else:
                container = outer[seg.parent]
                assert container.nstart <= seg.nstart and seg.nend <= container.nend
        assert chars == covered, f"{level} segments do not cover the text"
        assert texts(segment(doc, level)) == texts(segs)
    # parents are non-decreasing and every container has at least one child
    for children, parents in ((sents, paragraphs), (cls, sents)):
        assert [c.parent for c in children] == sorted(c.parent for c in children)
        assert {c.parent for c in children} == set(range(len(parents)))


# --- UDHR, Chinese -------------------------------------------------------------------------------


def test_udhr_zh_title_and_structure(udhr_zh: Document) -> None:
    paragraphs, sents, cls = hierarchy(udhr_zh)
    assert len(paragraphs) == 92  # one paragraph per line
    assert sents[0].text == "世界人权宣言" and sents[0].line == 1
    assert sents[1].text == "联合国大会一九四八年十二月十日第217A(III)号决议通过并颁布"
    check_invariants(udhr_zh)


def test_udhr_zh_declaration_sentence_keeps_title_intact(udhr_zh: Document) -> None:
    _, sents, cls = hierarchy(udhr_zh)
    target = "1948 年 12 月 10 日，联合国大会通过并颁布《世界人权宣言》。"
    matches = [s for s in sents if s.text == target]
    assert len(matches) == 1 and matches[0].line == 3
    inside = [c.text for c in cls if c.parent == matches[0].index]
    assert any("《世界人权宣言》" in c for c in inside)
    assert all(c.count("《") == c.count("》") for c in inside)


def test_udhr_zh_quote_not_split(udhr_zh: Document) -> None:
    sents = texts(segment(udhr_zh, "sentence"))
    quoted = [s for s in sents if "“不分国家" in s]
    assert len(quoted) == 1
    assert quoted[0].endswith("阅读和阐述。”")  # the closing quote belongs to the sentence
    assert "《宣言》全文如下：" in sents
    for clause in texts(segment(udhr_zh, "clause")):
        assert clause.count("“") == clause.count("”")


def test_udhr_zh_enumeration_not_split(udhr_zh: Document) -> None:
    cls = texts(segment(udhr_zh, "clause"))
    assert "乃是世界自由、正义与和平的基础," in cls
    assert any(c.startswith("不分种族、肤色、性别、语言、宗教") and c.endswith("任何区别。") for c in cls)


def test_udhr_zh_semicolon_ends_sentence(udhr_zh: Document) -> None:
    sents = texts(segment(udhr_zh, "sentence"))
    assert "任何人不得使为奴隶或奴役;" in sents
    assert "一切形式的奴隶制度和奴隶买卖,均应予以禁止。" in sents


def test_udhr_zh_article_lines_and_numbered_items(udhr_zh: Document) -> None:
    sents = texts(segment(udhr_zh, "sentence"))
    assert "第一条" in sents
    assert "㈠ 人人在各国境内有权自由迁徙和居住。" in sents


# --- UDHR, English -------------------------------------------------------------------------------


def test_udhr_en_whereas_lines(udhr_en: Document) -> None:
    paragraphs, sents, cls = hierarchy(udhr_en)
    assert len(paragraphs) == 92
    whereas = [s for s in sents if s.text.startswith("Whereas")]
    assert len(whereas) == 7
    assert [s.line for s in whereas] == list(range(3, 10))
    first = [c.text for c in cls if c.parent == whereas[0].index]
    # "freedom, justice and peace" is a list, not a clause boundary
    assert len(first) == 1 and first[0].endswith("foundation of freedom, justice and peace in the world,")
    second = [c.text for c in cls if c.parent == whereas[1].index]
    assert len(second) == 2 and second[1].startswith("and the advent of a world")
    check_invariants(udhr_en)


def test_udhr_en_list_items(udhr_en: Document) -> None:
    sents = texts(segment(udhr_en, "sentence"))
    assert "1. Everyone has the right to a nationality." in sents
    assert "2. No one shall be arbitrarily deprived of his property." in sents
    assert not any(re.fullmatch(r"\d{1,2}\.", s) for s in sents)
    article11 = [s for s in sents if s.startswith("2. No one shall be held guilty")]
    assert len(article11) == 1 and article11[0].endswith("at the time when it was committed.")
    assert "Nor shall a heavier penalty be imposed than the one that was applicable at the time the penal offence was committed." in sents


def test_udhr_en_semicolon_clauses(udhr_en: Document) -> None:
    cls = texts(segment(udhr_en, "clause"))
    assert "No one shall be held in slavery or servitude;" in cls
    assert "slavery and the slave trade shall be prohibited in all their forms." in cls
    assert "Everyone has the right to life, liberty and the security of person." in cls


# --- English rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "See No. 5 of the list and Art. 3 of the Charter.",
        "The U.S. Government and the U.K. Parliament agreed.",
        "Mr. Smith met Dr. Jones and Prof. Li on 3 Jan. 2020.",
        "It rose by 3.5 per cent in 2,000 cases.",
        "Signed by J. Smith for the Company.",
        "Use tools, e.g. hammers, i.e. simple ones.",
        "Apples, pears, etc. are fruit.",
        "See paras. 4 and 5, cf. Vol. 2, pp. 10-12.",
    ],
)
def test_en_abbreviations_do_not_split(text: str) -> None:
    assert sentences(text, "en") == [text]


def test_en_sentence_splits() -> None:
    assert sentences("It ended. Then it began! Did it? Yes.", "en") == ["It ended.", "Then it began!", "Did it?", "Yes."]
    assert sentences('He said "Stop." Then he left.', "en") == ['He said "Stop."', "Then he left."]
    assert sentences("It was adopted in 1948. 58 States voted.", "en") == ["It was adopted in 1948.", "58 States voted."]
    assert sentences("It was adopted in 1948. the end", "en") == ["It was adopted in 1948. the end"]
    assert sentences("12. The Parties agree. They sign.", "en") == ["12. The Parties agree.", "They sign."]
    assert sentences("Apples, pears etc. The end.", "en") == ["Apples, pears etc.", "The end."]


def test_en_lines_are_not_joined() -> None:
    assert sentences("First line without stop\nSecond line.", "en") == ["First line without stop", "Second line."]


def test_en_clause_rules() -> None:
    assert clauses("We met at 10:30 and left; it rained all day long.", "en") == [
        "We met at 10:30 and left;",
        "it rained all day long.",
    ]
    assert clauses("We value peace, security, and the development of all nations.", "en") == [
        "We value peace, security, and the development of all nations."
    ]
    assert clauses("The meeting was held in Geneva, which hosts many international bodies.", "en") == [
        "The meeting was held in Geneva,",
        "which hosts many international bodies.",
    ]
    # too short on one side: no split
    assert clauses("He agreed, but slowly.", "en") == ["He agreed, but slowly."]
    # not inside parentheses or quotes
    assert clauses('The text (see Annex; Part 2) and "note: this" apply to all parties.', "en") == [
        'The text (see Annex; Part 2) and "note: this" apply to all parties.'
    ]


def test_en_words() -> None:
    words = en_words("The co-operation of 2,000 States, at 3.5% don't (Art. 12).")
    assert [w for w, _, _ in words] == ["The", "co-operation", "of", "2,000", "States", "at", "3.5", "don't", "Art", "12"]
    text = "  naïve café’s 10,5"
    for word, start, end in en_words(text):
        assert text[start:end] == word


# --- Chinese rules -------------------------------------------------------------------------------


def test_zh_sentence_rules() -> None:
    assert sentences("他来了！你呢？我很好……然后呢?好!", "zh") == ["他来了！", "你呢？", "我很好……", "然后呢?", "好!"]
    assert sentences("他说：“我们走吧。你们留下。”大家都同意。", "zh") == ["他说：“我们走吧。你们留下。”", "大家都同意。"]
    assert sentences("读《论语。注》很有意思。", "zh") == ["读《论语。注》很有意思。"]
    assert sentences("甲方负责设计；乙方负责施工。", "zh") == ["甲方负责设计；", "乙方负责施工。"]
    assert sentences("他说“甲；乙”就走了。", "zh") == ["他说“甲；乙”就走了。"]


def test_zh_unbalanced_quote_does_not_swallow_text() -> None:
    body = "这是一个很长的句子用于测试未闭合的引号。" * 40
    text = "他说“" + body
    sents = sentences(text, "zh")
    assert len(sents) > 10
    # and a quote left open on one line does not affect the next line
    assert sentences("他说“没有结束。\n第二行。第三句。", "zh") == ["他说“没有结束。", "第二行。", "第三句。"]


def test_zh_clause_rules() -> None:
    assert clauses("同时,我们必须坚持改革开放，因此,要继续努力奋斗下去。", "zh") == [
        "同时,我们必须坚持改革开放，",
        "因此,要继续努力奋斗下去。",
    ]
    assert clauses("我们必须坚持改革开放，努力。", "zh") == ["我们必须坚持改革开放，努力。"]
    assert clauses("总额为2,000万元人民币，比去年增加很多。", "zh") == ["总额为2,000万元人民币，", "比去年增加很多。"]
    assert clauses("他说“我们走吧，你们留下来吧”然后离开了会场。", "zh") == ["他说“我们走吧，你们留下来吧”然后离开了会场。"]
    assert clauses("大会的主题是：高举伟大旗帜，团结奋斗前进。", "zh") == ["大会的主题是：", "高举伟大旗帜，", "团结奋斗前进。"]


def test_zh_words_offsets_and_glossary() -> None:
    text = "人人有权享有生命、自由和人身安全。 第三条"
    words = zh_words(text)
    assert all(text[s:e] == w for w, s, e in words)
    assert not any(w.isspace() for w, _, _ in words)
    assert "".join(w for w, _, _ in words) == text.replace(" ", "")
    assert zh_words("") == []
    add_words(["人身安全保障机制"])
    assert "人身安全保障机制" in [w for w, _, _ in zh_words("建立人身安全保障机制。")]
    # jieba's cache may only live in the user's temp dir
    import jieba

    assert os.path.abspath(jieba.dt.tmp_dir) == os.path.abspath(tempfile.gettempdir())
    assert os.path.dirname(jieba.dt.cache_file) == ""


# --- paragraphs ----------------------------------------------------------------------------------

WRAPPED_EN = """Whereas the parties to this agreement have met in the city of Geneva on
the tenth day of December and have considered the matters set out in the
report of the committee, including the annexes attached to it,

Whereas the committee has reported that the work is complete and that the
results are satisfactory to all of the members present at the meeting,
1. The parties agree that the report shall be published in full by the
secretariat within thirty days of the date of this agreement.
2. The parties further agree that each of them shall bear its own costs
in relation to the preparation and the publication of the report.

This agreement enters into force on signature. It shall remain in force
for a period of five years and may be extended by mutual consent of the
parties to it.
"""


def test_hard_wrapped_blocks_are_paragraphs() -> None:
    doc = make_doc(WRAPPED_EN, "en")
    paragraphs, sents, _ = hierarchy(doc)
    assert len(paragraphs) == 5
    assert paragraphs[0].text.startswith("Whereas the parties") and paragraphs[0].text.endswith("attached to it,")
    assert paragraphs[2].text.startswith("1. The parties agree")
    assert paragraphs[3].text.startswith("2. The parties further") and paragraphs[3].line == 9
    assert [s.text.split()[0] for s in sents if s.parent == 4] == ["This", "It"]
    assert sents[-1].text.endswith("mutual consent of the\nparties to it.")
    check_invariants(doc)


def test_hard_wrapped_chinese() -> None:
    text = (
        "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主\n"
        "义国家。社会主义制度是中华人民共和国的根本制度。中国共产党领导是中国\n"
        "特色社会主义最本质的特征。\n\n"
        "中华人民共和国的一切权力属于人民。人民行使国家权力的机关是全国人民代\n"
        "表大会和地方各级人民代表大会。人民依照法律规定，通过各种途径和形式，\n"
        "管理国家事务。\n\n"
        "（一）第一项内容比较短。\n"
    )
    paragraphs = texts(segment(make_doc(text, "zh"), "paragraph"))
    assert len(paragraphs) == 3
    assert paragraphs[0].endswith("最本质的特征。") and paragraphs[2] == "（一）第一项内容比较短。"
    assert "社会主\n义国家。" in sentences(text, "zh")[0]


def test_one_paragraph_per_line_with_blank_lines_and_headings() -> None:
    text = "Article 3\nEveryone has the right to life, liberty and security of person, and to many other things.\n\nArticle 4\nNo one shall be held in slavery or servitude in any form anywhere at all today.\n"
    assert len(paragraph_spans(text)) == 4


def test_crlf_and_blank_lines() -> None:
    text = "\r\n  First.  \r\n\r\n\tSecond line.\r\n"
    doc = make_doc(text, "en")
    paragraphs = segment(doc, "paragraph")
    assert texts(paragraphs) == ["First.", "Second line."]
    assert [p.line for p in paragraphs] == [2, 4]


# --- spans through a non-identity norm_to_text ---------------------------------------------------


def html_doc(markup: str, lang: str) -> Document:
    """A Document whose norm is the visible text of simple markup, with full-width ，；：→ ASCII."""
    norm_chars: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(markup):
        if markup[i] == "<":
            i = markup.index(">", i) + 1
            continue
        if markup.startswith("&amp;", i):
            norm_chars.append("&")
            offsets.append(i)
            i += 5
            continue
        norm_chars.append({"，": ",", "；": ";", "：": ":"}.get(markup[i], markup[i]))
        offsets.append(i)
        i += 1
    offsets.append(len(markup))
    return Document(text=markup, norm="".join(norm_chars), norm_to_text=offsets, lang=lang)  # type: ignore[arg-type]


def visible(markup: str) -> str:
    return re.sub(r"<[^>]*>", "", markup).replace("&amp;", "&")


def test_spans_map_back_to_text_zh() -> None:
    markup = "<p>人人生而自由，<b>在尊严和权利上</b>一律平等。他们赋有理性和良心；并应以兄弟关系的精神相对待。</p>\n<p>第二条</p>"
    doc = html_doc(markup, "zh")
    assert doc.norm != doc.text
    for level in ("paragraph", "sentence", "clause"):
        for seg in segment(doc, level):
            raw = visible(doc.text[seg.start:seg.end])
            assert raw.replace("，", ",").replace("；", ";") == seg.text
    cls = segment(doc, "clause")
    assert cls[0].text == "人人生而自由,"
    assert doc.text[cls[0].start:cls[0].end] == "人人生而自由，"
    assert cls[1].text == "在尊严和权利上一律平等。"
    assert doc.text[cls[1].start:cls[1].end] == "<b>在尊严和权利上</b>一律平等。"[3:]
    assert segment(doc, "paragraph")[1].line == 2


def test_spans_map_back_to_text_en() -> None:
    markup = "<p>Trade &amp; development matter. <i>They</i> grow.</p>"
    doc = html_doc(markup, "en")
    sents = segment(doc, "sentence")
    assert texts(sents) == ["Trade & development matter.", "They grow."]
    assert doc.text[sents[0].start:sents[0].end] == "Trade &amp; development matter."
    assert doc.text[sents[1].start:sents[1].end] == "They</i> grow."
    assert visible(doc.text[sents[1].start:sents[1].end]) == sents[1].text


# --- robustness ----------------------------------------------------------------------------------


def test_empty_and_blank_documents() -> None:
    for lang in ("zh", "en"):
        for text in ("", " ", "\n\n\n", "\r\n \t\u3000\n"):
            assert hierarchy(make_doc(text, lang)) == ([], [], [])


def test_errors() -> None:
    with pytest.raises(TransdiffError):
        segment(make_doc("x", "en"), "word")
    doc = make_doc("x", "en")
    doc.lang = "fr"  # type: ignore[assignment]
    with pytest.raises(LanguageError):
        segment(doc, "sentence")


PUNCTUATED = st.lists(
    st.sampled_from(list("ab 中文甲\n\r\t.,;:!?。，、；：！？…“”「」《》()（）\"'[]ABC12") + ["……", "1. ", "No. ", "Whereas ", "㈠", "\n\n", "a b c d e, and f g h i"]),
    max_size=120,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), lang=st.sampled_from(["zh", "en"]))
def test_invariants_on_arbitrary_unicode(text: str, lang: str) -> None:
    check_invariants(make_doc(text, lang))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=PUNCTUATED, lang=st.sampled_from(["zh", "en"]))
def test_invariants_on_punctuation_heavy_text(text: str, lang: str) -> None:
    check_invariants(make_doc(text, lang))


@settings(max_examples=50, deadline=None)
@given(text=st.text(max_size=80))
def test_word_offsets_on_arbitrary_unicode(text: str) -> None:
    for tokens in (en_words(text), zh_words(text)):
        positions = [(s, e) for _, s, e in tokens]
        assert positions == sorted(positions)
        for word, start, end in tokens:
            assert text[start:end] == word and word.strip()


def test_splitters_are_linear_on_pathological_input() -> None:
    # long runs without spaces, many open quotes, many candidate cuts: must stay fast
    import time

    started = time.perf_counter()
    zh_mod.split_sentences("“" * 50_000 + "。" * 50_000)
    zh_mod.split_clauses("甲，" * 50_000)
    en_mod.split_sentences("a." * 100_000 + " A" * 50_000)
    en_mod.split_clauses("word word word word, and " * 20_000 + "; x" * 20_000)
    assert time.perf_counter() - started < 5


WRAPPED_LINE = st.lists(st.sampled_from(["word", "Mr.", "1.", "A.", "(a)", "and,", "中文，", "。", "“", "Whereas", "x;"]), min_size=8, max_size=14).map(" ".join)
WRAPPED_BLOCK = st.lists(WRAPPED_LINE, min_size=1, max_size=5).map("\n".join)


@settings(max_examples=100, deadline=None)
@given(blocks=st.lists(WRAPPED_BLOCK, min_size=2, max_size=6), lang=st.sampled_from(["zh", "en"]))
def test_invariants_on_hard_wrapped_text(blocks: list[str], lang: str) -> None:
    check_invariants(make_doc("\n\n".join(blocks) + "\n", lang))


def test_zh_words_without_a_writable_temp_dir() -> None:
    """jieba must work (silently, writing nothing) when no temp dir can be used."""
    import subprocess
    import sys

    script = (
        "import tempfile\n"
        "from transdiff.segment.zh import zh_words\n"
        "def unusable(): raise FileNotFoundError('no usable temporary directory')\n"
        "tempfile.gettempdir = unusable\n"
        "print(' '.join(w for w, _, _ in zh_words('联合国大会通过并颁布')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.split() == ["联合国大会", "通过", "并", "颁布"]
