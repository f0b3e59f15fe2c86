"""The gloss of each finding's Chinese text, chosen against the English document it was compared with.

Runs after the findings are built and filtered, so only reported findings are glossed. A finding about
Chinese text (an omission or partial of a Chinese source, an addition of a Chinese target, a mismatch)
gets ``gloss`` (the phrase) and ``detail["gloss_words"]`` (each word with all its senses, for tools).
The aligned neighbourhood is the English of the sentence pairs around the finding.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Optional, Sequence

from ..types import Document, Finding
from ..represent.chinese import ChineseLexicon
from ..represent.gloss import EnglishContext, Glosser, percent_style
from .gaps import uncovered_message

if TYPE_CHECKING:
    from ..align import Hierarchy

NEIGHBOURHOOD = 2   # sentence pairs either side of the finding's whose English counts as "near"


def chinese_span(finding: Finding, source: Document, target: Document) -> Optional[tuple[int, int]]:
    """The span of Chinese text the finding is about, or None when it is about English text only."""
    side = finding.detail.get("side")
    if source.lang == "zh":
        if finding.type == "mismatch" or (finding.type in ("omission", "partial") and side != "target"):
            return finding.source_span
    elif finding.type == "addition" and side != "source":
        return finding.target_span
    return None


def gloss_findings(findings: Sequence[Finding], source: Document, target: Document, hierarchy: "Hierarchy",
                   lexicon: ChineseLexicon) -> None:
    """Set the gloss of every finding about Chinese text (in place)."""
    wanted = [(f, span) for f in findings if (span := chinese_span(f, source, target))]
    if not wanted:
        return
    zh_is_source = source.lang == "zh"
    zh, en = (source, target) if zh_is_source else (target, source)
    sentences = hierarchy.sentences
    en_features = hierarchy.sentence_features[1 if zh_is_source else 0]
    context = EnglishContext.from_units(u for f in en_features for u in f.units)
    context.percent = percent_style(en.text)
    context.text = en.text
    glosser = Glosser(lexicon, context)
    zh_segments = sentences.source if zh_is_source else sentences.target
    starts = [s.start for s in zh_segments]
    bead_of = {i: k for k, b in enumerate(sentences.beads) for i in (b.source if zh_is_source else b.target)}
    glossed: dict[tuple[int, int, frozenset[str]], tuple[str, list[dict]]] = {}
    for finding, (start, end) in wanted:
        sentence = max(bisect_right(starts, start) - 1, 0)
        k = bead_of.get(sentence, 0)
        near: set[str] = set()
        for bead in sentences.beads[max(0, k - NEIGHBOURHOOD):k + NEIGHBOURHOOD + 1]:
            for j in (bead.target if zh_is_source else bead.source):
                near |= en_features[j].keyset
        nstart, nend = _norm_span(zh, start, end)
        # two findings on one stretch (an omission and a mismatch in it) share its gloss
        key = (nstart, nend, frozenset(near))
        if key not in glossed:
            glossed[key] = glosser.gloss(zh.lookup[nstart:nend], key[2])
        phrase, words = glossed[key]
        finding.gloss = phrase or None
        detail = []
        for w in words:
            if any(ch.isalnum() for ch in w["word"]):
                a, b = zh.text_span(nstart + w["start"], nstart + w["end"])
                detail.append({"word": zh.text[a:b], "span": [a, b], "gloss": w["gloss"], "senses": w["senses"],
                               "source": w["source"]})
        finding.detail["gloss_words"] = detail
        _regloss_uncovered(finding, detail)


def _regloss_uncovered(finding: Finding, words: list[dict]) -> None:
    """A partial's named words take the senses chosen in context, as its gloss does (the first
    dictionary sense of a word out of its clause misleads: 更 'to change' for 'more')."""
    uncovered = finding.detail.get("uncovered")
    if finding.type != "partial" or not uncovered:
        return
    for item in uncovered:
        a, b = item["span"]
        inside = [w["gloss"] for w in words if w["gloss"] and a <= w["span"][0] and w["span"][1] <= b]
        if inside:
            item["gloss"] = " ".join(inside)
    finding.message = uncovered_message(finding.type, uncovered, glossed=True)


def _norm_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The [start, end) span of ``doc.text`` as a span of ``doc.norm``."""
    offsets = doc.norm_to_text
    return bisect_left(offsets, start, 0, len(doc.norm)), bisect_left(offsets, end, 0, len(doc.norm))
