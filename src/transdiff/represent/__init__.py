"""Represent stage: each segment becomes a bag of content units with language-neutral English keys.

A Chinese word's keys are the stems of its glossary renderings and CC-CEDICT senses; an English word's
key is its own stem. Numbers and dates on both sides become ``#value`` keys, so 一九四八年 and 1948 meet.
A unit of one side is *covered* by a segment of the other side when their keys intersect.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..segment.en import en_words
from ..segment.zh import add_words, zh_words
from ..types import Document, Segment
from .chinese import STOPWORDS as ZH_STOPWORDS
from .chinese import ChineseLexicon, has_han
from .english import is_acronym, token_keys
from .glossary import Glossary, load_glossary
from .names import romanised_keys
from .numbers import Quantity, en_quantities, zh_quantities


@dataclass(frozen=True)
class Unit:
    """One content word (or number) of a segment."""

    text: str                 # as written in Document.norm
    nstart: int               # [nstart, nend) in Document.norm
    nend: int
    keys: frozenset[str]
    gloss: str = ""           # English gloss, for Chinese units
    known: bool = True        # False for Chinese words glossed only through their parts


@dataclass
class Features:
    units: list[Unit]
    keyset: frozenset[str]    # union of the units' keys
    length: int               # non-space characters
    quantities: list[Quantity] = field(default_factory=list)   # weak ones too; units hold only the strong
    acronyms: frozenset[str] = frozenset()


def quantity_keys(q: Quantity) -> frozenset[str]:
    keys = {f"#{q.value:g}"}
    if q.date:
        year, month, day = q.date
        keys = {f"#{year}"} if year else set()
        if month and day:
            keys.add(f"#m{month}d{day}")
        elif month:
            keys.add(f"#m{month}")
    return frozenset(keys)


class Representer:
    """Turns segments into Features; holds the lexicon so that one instance serves many documents."""

    def __init__(self, glossary: Optional[Glossary] = None) -> None:
        self.glossary = glossary if glossary is not None else load_glossary()
        self.lexicon = ChineseLexicon(self.glossary)
        add_words(self.glossary.terms)

    def features(self, doc: Document, segments: Sequence[Segment]) -> list[Features]:
        if doc.lang == "zh":
            return [self._zh(doc, s) for s in segments]
        return [self._en(doc, s) for s in segments]

    def _zh(self, doc: Document, seg: Segment) -> Features:
        lookup = doc.lookup[seg.nstart:seg.nend]
        found = zh_quantities(lookup)
        # weak quantities (三个, "five") are no content units, but the checks pair them across the sides
        quantities = [q for q in found if not q.weak]
        units = _quantity_units(quantities, seg)
        taken = _Spans([(q.start, q.end) for q in quantities])
        acronyms: set[str] = set()
        for word, s, e in zh_words(lookup):
            if taken.overlaps(s, e) or word in ZH_STOPWORDS:
                continue
            if has_han(word):
                g = self.lexicon.gloss(word)
                if not g.keys:  # unknown, or glossed by function words only ("any", "this kind of")
                    continue
                units.append(Unit(seg.text[s:e], seg.nstart + s, seg.nstart + e, g.keys, g.gloss, g.known))
            elif word[:1].isascii() and word[:1].isalpha():
                # Latin words and numbers inside Chinese text (names, acronyms, codes) match as written
                keys = token_keys(word)
                if keys:
                    if is_acronym(word):
                        acronyms.add(word)
                    units.append(Unit(word, seg.nstart + s, seg.nstart + e, keys, word))
        units.sort(key=lambda u: u.nstart)
        for u in units:
            for key in u.keys:
                if key.isupper() and len(key) >= 2:
                    acronyms.add(key)
        return _make(units, seg, found, acronyms)

    def _en(self, doc: Document, seg: Segment) -> Features:
        found = en_quantities(seg.text)
        quantities = [q for q in found if not q.weak]
        units = _quantity_units(quantities, seg)
        taken = _Spans([(q.start, q.end) for q in quantities])
        acronyms = set()
        for word, s, e in en_words(seg.text):
            # numbers count only as recognised quantities; a bare "2" is a list mark or a fragment
            if taken.overlaps(s, e) or word[:1].isdigit():
                continue
            keys = token_keys(word)
            if not keys:
                continue
            if is_acronym(word):
                acronyms.add(word)
            units.append(Unit(word, seg.nstart + s, seg.nstart + e, keys | romanised_keys(word)))
        units.sort(key=lambda u: u.nstart)
        return _make(units, seg, found, acronyms)


def quantity_gloss(q: Quantity) -> str:
    if q.date:
        year, month, day = q.date
        return "-".join(f"{part:02d}" if n else str(part) for n, part in enumerate((year, month, day)) if part)
    text = f"{q.value:,.0f}" if q.value == int(q.value) and abs(q.value) >= 10000 else f"{q.value:g}"
    return {"percent": f"{text}%", "ordinal": f"no. {text}"}.get(q.kind, text)


def _quantity_units(quantities: list[Quantity], seg: Segment) -> list[Unit]:
    return [Unit(q.surface, seg.nstart + q.start, seg.nstart + q.end, quantity_keys(q), quantity_gloss(q))
            for q in quantities]


class _Spans:
    """Does a word overlap one of the (sorted, disjoint) quantity spans? Words come in text order, so a
    forward pointer answers in constant time per word instead of a scan over every span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.k = 0

    def overlaps(self, s: int, e: int) -> bool:
        spans, k = self.spans, self.k
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        self.k = k
        return k < len(spans) and spans[k][0] < e


def _make(units: list[Unit], seg: Segment, quantities, acronyms) -> Features:
    keyset: set[str] = set()
    for u in units:
        keyset |= u.keys
    length = sum(1 for ch in seg.text if not ch.isspace())
    return Features(units, frozenset(keyset), length, quantities, frozenset(acronyms))
