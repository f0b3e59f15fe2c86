"""Property-based tests across the pipeline: loader offsets, segment coverage, alignment invariants,
and no crash on arbitrary Unicode (compare and every report format)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import UDHR
from transdiff.api import align, compare
from transdiff.errors import TransdiffError
from transdiff.load import from_text
from transdiff.report import RENDERERS, render
from transdiff.segment import LEVELS, segment
from transdiff.types import Alignment, Document

UDHR_ZH_LINES = [line for line in (UDHR / "zh.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
UDHR_EN_LINES = [line for line in (UDHR / "en.txt").read_text(encoding="utf-8").splitlines() if line.strip()]

# Characters that stress normalisation and segmentation: CJK and full-width forms, Latin with
# accents, every kind of line break and space, combining marks, quotes, surrogate-free astral Han.
STRESS_ALPHABET = st.sampled_from(
    list("人人生而自由在尊严和权利上一律平等。，；：！？、“”‘’《》（）【】…—") + list("ＡＢＣ１２３！？，．")
    + list("The quick brown fox; it said: \"no\"! Mr. Smith, (a) 1.5% e.g. 3.") + list("éàüßñ\u0301\u0308")
    + ["\n", "\r\n", "\r", "\t", " ", "\u3000", "\u00a0", "\u2028", "\u2029", "\u200b", "\ufeff", "\x0c", "\x85"]
    + ["\U00020000", "\U0002a6d6", "\u2010", "\u2212", "０", "\ud7a3", "\u0000"]
)
stress_text = st.lists(STRESS_ALPHABET, min_size=1, max_size=300).map("".join)
any_text = st.one_of(st.text(min_size=1, max_size=300), stress_text)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# With the language given, the loader may refuse a text only for having nothing to compare.
NOTHING_TO_COMPARE = re.compile(r"is empty$|contains only whitespace$|HTML page without visible text$")


def load_or_none(text: str, lang: str) -> Document | None:
    """A Document, or None when the loader refuses the text (checked: for having no visible text)."""
    try:
        return from_text(text, lang=lang)
    except TransdiffError as exc:
        assert NOTHING_TO_COMPARE.search(str(exc)), str(exc)
        return None


# --- loader ----------------------------------------------------------------------------------------

@FAST
@given(text=any_text, lang=st.sampled_from(["zh", "en"]))
def test_norm_to_text_is_monotone_and_in_range(text: str, lang: str) -> None:
    doc = load_or_none(text, lang)
    if doc is None:
        return
    offsets = list(doc.norm_to_text)
    assert len(offsets) == len(doc.norm) + 1
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    assert all(0 <= offset < len(doc.text) for offset in offsets[:-1])
    assert offsets[-1] == len(doc.text)
    assert doc.lookup is not None and len(doc.lookup) == len(doc.norm)
    assert doc.text == text


@FAST
@given(text=any_text)
def test_language_detection_never_crashes(text: str) -> None:
    try:
        doc = from_text(text)
    except TransdiffError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert doc.lang in ("zh", "en")


# --- segmenters ------------------------------------------------------------------------------------

def assert_segments_partition(doc: Document, level: str) -> None:
    segments = segment(doc, level)
    covered = [False] * len(doc.norm)
    previous_end = 0
    for index, seg in enumerate(segments):
        assert seg.index == index and seg.level == level
        assert previous_end <= seg.nstart < seg.nend <= len(doc.norm)
        previous_end = seg.nend
        assert seg.text == doc.norm[seg.nstart:seg.nend]
        assert seg.text == seg.text.strip()
        assert (seg.start, seg.end) == doc.text_span(seg.nstart, seg.nend)
        assert 0 <= seg.start < seg.end <= len(doc.text)
        assert seg.line == doc.line_of(seg.start)
        for position in range(seg.nstart, seg.nend):
            covered[position] = True
    for position, ch in enumerate(doc.norm):
        assert covered[position] or ch.isspace(), (level, position, ch)


@FAST
@given(text=any_text, lang=st.sampled_from(["zh", "en"]))
def test_segments_cover_the_non_space_text_without_overlap(text: str, lang: str) -> None:
    doc = load_or_none(text, lang)
    assume(doc is not None)
    for level in LEVELS:
        assert_segments_partition(doc, level)
    sentences = segment(doc, "sentence")
    for clause in segment(doc, "clause"):
        parent = sentences[clause.parent]
        assert parent.nstart <= clause.nstart and clause.nend <= parent.nend


@FAST
@given(zh_lines=st.lists(st.sampled_from(UDHR_ZH_LINES), min_size=1, max_size=8))
def test_segments_of_real_chinese_lines(zh_lines: list[str]) -> None:
    doc = from_text("\n".join(zh_lines) + "\n", lang="zh")
    for level in LEVELS:
        assert_segments_partition(doc, level)


# --- aligner ---------------------------------------------------------------------------------------

def assert_alignment_invariants(alignment: Alignment) -> None:
    """Every segment in exactly one bead, and the beads in text order on both sides."""
    source_ids = [i for bead in alignment.beads for i in bead.source]
    target_ids = [j for bead in alignment.beads for j in bead.target]
    assert source_ids == list(range(len(alignment.source)))
    assert target_ids == list(range(len(alignment.target)))
    assert all(bead.source or bead.target for bead in alignment.beads)
    assert all(len(bead.source) <= 4 and len(bead.target) <= 4 for bead in alignment.beads)


@st.composite
def udhr_pair(draw) -> tuple[str, str]:
    """A random stretch of the UDHR in both languages, each side independently thinned out."""
    start = draw(st.integers(0, min(len(UDHR_ZH_LINES), len(UDHR_EN_LINES)) - 12))
    length = draw(st.integers(1, 12))
    zh = UDHR_ZH_LINES[start:start + length]
    en = UDHR_EN_LINES[start:start + length + draw(st.integers(0, 3))]
    zh_kept = [line for line in zh if draw(st.booleans()) or draw(st.booleans())] or zh[:1]
    en_kept = [line for line in en if draw(st.booleans()) or draw(st.booleans())] or en[:1]
    return "\n".join(zh_kept) + "\n", "\n".join(en_kept) + "\n"


@SLOW
@given(pair=udhr_pair(), level=st.sampled_from(["sentence", "clause"]), chinese_first=st.booleans())
def test_alignment_covers_every_segment_once_in_order(pair: tuple[str, str], level: str, chinese_first: bool) -> None:
    zh = from_text(pair[0], lang="zh")
    en = from_text(pair[1], lang="en")
    source, target = (zh, en) if chinese_first else (en, zh)
    alignment = align(source, target, level=level)
    assert alignment.source and alignment.target
    assert alignment.source[0].level == level
    assert_alignment_invariants(alignment)
    assert 0.0 <= alignment.aligned_share() <= 1.0


# --- the whole pipeline on arbitrary text ----------------------------------------------------------

@SLOW
@given(zh_text=st.one_of(stress_text, st.text(min_size=1, max_size=200)),
       en_text=st.one_of(stress_text, st.text(min_size=1, max_size=200)),
       level=st.sampled_from(["sentence", "clause"]))
def test_compare_and_reports_survive_arbitrary_unicode(zh_text: str, en_text: str, level: str) -> None:
    zh, en = load_or_none(zh_text, "zh"), load_or_none(en_text, "en")
    assume(zh is not None and en is not None)
    result = compare(zh, en, level=level, check_related=False)
    assert_alignment_invariants(result.alignment)
    for finding in result.findings:
        assert 0.0 <= finding.confidence <= 1.0
        for span, doc in ((finding.source_span, zh), (finding.target_span, en)):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(doc.text)
    for fmt in RENDERERS:
        assert isinstance(render(result, fmt), str)
