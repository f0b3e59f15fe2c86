"""Display glosses: a stretch of Chinese as an English phrase a reader of no Chinese can follow.

Whole terms first (glossary entries, CC-CEDICT words longer than jieba's tokens, a run whose parts spell
a long English word of the document: 抗逆转录病毒 -> antiretroviral), names (Chinese personal names in
pinyin with capitals: 金壮龙 -> Jin Zhuanglong; foreign names transliterated in Chinese matched to a
capitalised word of the English document; gloss_names.py), then one sense per word chosen in context
(senses.py). Particles and classifiers are left out, numbers and dates are written the English way;
the Chinese order and punctuation are kept except where the grammar says otherwise (phrase_order.py).
Each word's detail (every sense, where the gloss came from) goes with it for tools. Display only: the
keys that link and score words are not touched.
"""
from __future__ import annotations

from typing import Optional

from ...segment.zh import zh_words
from ..chinese import ChineseLexicon, has_han
from ..english import phrase_keys
from ..numbers import Quantity, zh_quantities
from .articles import noun_articles
from .compounds import noun_compounds
from .english_numbers import english_quantity, number_style
from .gloss_names import NameGloss
from .nominal import heading_act, nominal_senses
from .official_senses import OFFICIAL_SENSES, with_official_senses
from .phrase_order import english_order
from .prepositions import governed_phrases
from .relatives import relative_clauses
from .senses import KNOWN_FIRST, EnglishContext, choose, in_document_form, short_sense
from .tags import word_tags
from .tenses import document_tense
from .verb_forms import coordinated_verbs, verb_forms, verb_sense

MAX_TERM_TOKENS = 5
MAX_TERM_CHARS = 8
MAX_HEADS = 12
# jieba tags of words that carry grammar only: particles (u), modal particles (y), interjections (e),
# onomatopoeia (o); classifiers are left out after a number only (第6条 is "article 6")
_DROPPED_TAGS = ("u", "y", "e", "o")
_PUNCTUATION = {"，": ",", "、": ",", "；": ";", "：": ":", "。": ".", "！": "!", "？": "?", "（": "(", "）": ")",
                "“": '"', "”": '"', "‘": "'", "’": "'", "《": '"', "》": '"', "「": '"', "」": '"', "…": "...",
                "—": "-", "·": " "}
# words a classifier follows (一辆 "a", 这所 "this", 每个 "each") besides numbers
_COUNTED_BY = frozenset("一两几每这那该各此某哪本首半整数")
_SEVERAL = frozenset("数几")
_DETERMINERS = frozenset("这那该此每同其某")
# classifiers that only count after an ordinal (第7377次会议 "7377th meeting"; 第3条 is "article 3")
_ORDINAL_COUNTERS = frozenset("次个名位回本件家种座架辆张只")
# measure words that are units: 200米 "200 metres" says the unit, 一项 "a" says nothing
_UNITS = {"米": "metres", "吨": "tonnes", "克": "grams", "升": "litres", "亩": "mu", "斤": "jin"}
_MORE_THAN = ("多", "余")
_HONORIFICS = {"先生": "Mr", "女士": "Ms", "小姐": "Miss", "夫人": "Mrs"}
# per dictionary (by id, the dictionary kept alive with it): its compounds by their last character, and
# character -> the heads of its compounds
_HEADS_BY_DICTIONARY: dict[int, tuple[object, dict[str, list[str]], dict[str, list[str]]]] = {}


def _first_overlapping(quantities: list[Quantity], first: int, start: int, end: int) -> Optional[Quantity]:
    """The first of the quantities (in text order) from index ``first`` on that overlaps [start, end)."""
    for k in range(first, len(quantities)):
        q = quantities[k]
        if q.start >= end:
            return None
        if start < q.end:
            return q
    return None


def _split_at(tokens: list[tuple[str, str, int, int]], cuts: set[int]) -> list[tuple[str, str, int, int]]:
    """The tokens with the character at each offset in ``cuts`` made a token of its own."""
    if not cuts:
        return tokens
    tags = word_tags()
    out = []
    for word, tag, start, end in tokens:
        inside = sorted(p for p in cuts if start <= p < end)
        if not inside or end - start == 1:
            out.append((word, tag, start, end))
            continue
        bounds = sorted({start, end, *inside, *(p + 1 for p in inside)})
        for a, b in zip(bounds, bounds[1:]):
            piece = word[a - start:b - start]
            out.append((piece, tags.get(piece, ""), a, b))
    return out


def _tagged(text: str) -> list[tuple[str, str, int, int]]:
    """jieba words of ``text`` with their dictionary part-of-speech tags ('' for words it does not know)."""
    tags = word_tags()
    return [(word, tags.get(word, ""), start, end) for word, start, end in zh_words(text)]


class Glosser(NameGloss):
    """Glosses Chinese text against one English document (the context may be None: no document)."""

    def __init__(self, lexicon: ChineseLexicon, context: Optional[EnglishContext] = None) -> None:
        self.lexicon = lexicon
        self.cedict = lexicon.cedict
        self.context = context
        self._known_cache: dict[tuple[str, str, frozenset[str]], tuple[str, list[str], str]] = {}
        self._compound_cache: dict[str, Optional[str]] = {}
        # a percentage as the English document writes it (UN texts: "per cent")
        self._percent = context.percent if context is not None else "%"
        # a character's compound heads depend on the dictionary only: shared by every glosser of it
        # (check makes one per translation unit)
        _, self._by_last, self._heads_of = _HEADS_BY_DICTIONARY.setdefault(id(self.cedict), (self.cedict, {}, {}))

    # -- the phrase ---------------------------------------------------------------------------
    def gloss(self, text: str, near: frozenset[str] = frozenset()) -> tuple[str, list[dict]]:
        """(gloss, words): the phrase, and per word {"word", "start", "end", "gloss", "senses", "source"}
        with offsets into ``text``; a left-out word has gloss None."""
        # a small number in words counts too (四个 "4"), but not 一, which is as often "a" or part of a word
        quantities = [q for q in zh_quantities(text) if not q.weak or q.value >= 2]   # in text order
        # 70多人, 1000余人: "more than 70 people"; the 多 is cut out of the token jieba made (多人, 万多个)
        more_than = {q.end for q in quantities if q.kind == "number" and text[q.end:q.end + 1] in _MORE_THAN}
        tokens = _split_at(_tagged(text), more_than)
        dotted = self._dotted_names(tokens)
        words: list[dict] = []
        i = 0
        passed = 0   # quantities that end before the current token: the tokens only move on
        while i < len(tokens):
            word, tag, start, end = tokens[i]
            if i in dotted:
                last = dotted[i]
                words.append(self._word(text[start:tokens[last][3]], start, tokens[last][3],
                                        self._dotted_name(tokens[i:last + 1]), [], "name"))
                i = last + 1
                continue
            while passed < len(quantities) and quantities[passed].end <= start:
                passed += 1
            q = _first_overlapping(quantities, passed, start, end)
            # a code with a number in it (TP16, A/70/150) is written as it is
            code = q is not None and not has_han(word) and any(ch.isalpha() for ch in word) and (
                q.start > start or q.end < end)
            if q is not None and not code and not self._number_in_word(word, start, end, q):
                while i < len(tokens) and tokens[i][2] < q.end:
                    i += 1
                shown = english_quantity(q, self._percent)
                if q.kind == "number" and any(ch in q.surface for ch in _MORE_THAN):
                    shown = f"more than {shown}"   # 20多万: more than 200,000
                words.append(self._word(text[q.start:q.end], q.start, q.end, shown, [], "number"))
                if q.end in more_than and i < len(tokens) and tokens[i][2] == q.end:
                    words[-1]["gloss"] = f"more than {shown}"
                    words.append(self._word(tokens[i][0], q.end, tokens[i][3], None, [], "particle"))
                    i += 1
                    continue
                # the rest of a token the number ends inside (10 亿美元: US dollar)
                rest_end = tokens[i - 1][3]
                rest = text[q.end:rest_end]
                if has_han(rest) and self.lexicon.has(rest) and not (len(rest) == 1 and self._is_classifier(rest)):
                    words.append(self._known(rest, q.end, rest_end, self._tag_of(rest), near))
                elif rest.isascii() and rest.isalpha() and len(rest) <= 3 and words[-1]["gloss"]:
                    words[-1]["gloss"] += rest   # a letter the number is written with: resolution 217 A
                continue
            if not has_han(word):
                shown = "".join(_PUNCTUATION.get(ch, ch) for ch in word).strip()
                words.append(self._word(word, start, end, shown or None, [], "as written"))
                i += 1
                continue
            size, entry = self._term(tokens, i, near, words)
            words.append(entry)
            i += size
        _merge_synonyms(words)
        if self.context is not None:
            nominal_senses(words, self.cedict.lookup, self.context.vocabulary, self.context.counts.keys())
            coordinated_verbs(words, self.cedict.lookup, lambda v: self._support(v, near))
            heading_act(words, self.cedict.lookup, self.context.vocabulary)
            self._adjectives(words)
            self._adverbs(words)
        shown = governed_phrases(relative_clauses(
            english_order(words), lambda w: with_official_senses(w, self.cedict.lookup(w), None)[0]))
        if self.context is not None:
            shown = noun_compounds(shown, self.context)
        verb_forms(shown, lambda w: verb_sense(self.cedict.lookup(w["word"]), w["gloss"],
                                              lambda v: self._support(v, near)))
        if self.context is not None and self.context.text:
            document_tense(shown, self.context, self.cedict.lookup)
            self._articles(shown)
            noun_articles(shown, self.context)
            number_style(shown, self.context.text, self.context.derived)
        return _phrase(shown), words

    def _number_in_word(self, word: str, start: int, end: int, q: Quantity) -> bool:
        """A number word inside a dictionary word that says more than the number (一国两制 "one country,
        two systems", 两用 "dual-use", 数以十万计), not a number and its classifier (四个 "4")."""
        if not q.weak or len(word) < 2 or (q.start <= start and end <= q.end) or not self.lexicon.has(word):
            return False
        rest = word[q.end - start:] if q.start == start else None
        return not (rest is not None and len(rest) == 1 and self._is_classifier(rest))

    @staticmethod
    def _word(word: str, start: int, end: int, gloss: Optional[str], senses: list[str], source: str) -> dict:
        return {"word": word, "start": start, "end": end, "gloss": gloss or None, "senses": senses,
                "source": source}

    def _term(self, tokens: list, i: int, near: frozenset[str], words_before: list[dict]) -> tuple[int, dict]:
        """The longest dictionary term starting at token i (several jieba tokens may make one), or a
        term spelt by a long English word of the document, or the token itself."""
        start = tokens[i][2]
        # a particle never begins a term (的 + 士 is no taxi)
        longest = 1 if tokens[i][1].startswith(_DROPPED_TAGS) else min(MAX_TERM_TOKENS, len(tokens) - i)
        for size in range(longest, 1, -1):
            run = tokens[i:i + size]
            word = "".join(t[0] for t in run)
            if len(word) > MAX_TERM_CHARS or not all(has_han(t[0]) for t in run):
                continue
            if self.lexicon.has(word) or word in OFFICIAL_SENSES:
                return size, self._known(word, start, run[-1][3], "", near)
            # a foreign name jieba cut into pieces (特斯 法 马里亚 姆: Tesfamariam), as the English writes it
            if self.context is not None and all(len(t[0]) == 1 or not self.lexicon.has(t[0]) for t in run):
                spellings = self._spellings(word)
                name = self._document_name(word, spellings) if spellings else None
                if name:
                    return size, self._word(word, start, run[-1][3], name, [], "name")
            compound = self._compound(word) if any(not self.lexicon.has(t[0]) for t in run) else None
            if compound:
                return size, self._word(word, start, run[-1][3], compound, [], "document word")
        word, tag, _, end = tokens[i]
        before = words_before[-1] if words_before else None
        if before is not None and before["word"] in _MORE_THAN and before["source"] == "particle" and len(words_before) > 1:
            before = words_before[-2]   # 10万多个: the classifier counts after the number
        after_number = before is not None and (before["word"] in _COUNTED_BY or (
            before["source"] == "number" and (not before["word"].startswith("第") or word in _ORDINAL_COUNTERS)))
        # 这一 "this (one)": the 一 after a determiner says nothing more
        determiner_one = word == "一" and before is not None and before["word"] in _DETERMINERS
        if word in _SEVERAL and i + 1 < len(tokens) and len(tokens[i + 1][0]) == 1 and self._is_classifier(tokens[i + 1][0]):
            # 数架无人机 "several drones": 数 before a classifier counts
            return 1, self._word(word, start, end, "several", self.cedict.lookup(word), "dictionary")
        # 王先生 "Mr Wang": a surname and the title after it, one token or two
        titled = word + tokens[i + 1][0] if i + 1 < len(tokens) and len(word) == 1 else word
        if titled[1:] in _HONORIFICS and titled[0] in self.cedict.surnames:
            size = 1 if titled == word else 2
            return size, self._word(titled, start, tokens[i + size - 1][3],
                                    f"{_HONORIFICS[titled[1:]]} {self.cedict.surnames[titled[0]].capitalize()}",
                                    [], "name")
        if (tag.startswith(_DROPPED_TAGS) or determiner_one or word == "们"
                or (after_number and len(word) == 1 and word not in _UNITS and self._is_classifier(word))):
            return 1, self._word(word, start, end, None, self.cedict.lookup(word), "particle")
        if after_number and word in _UNITS:
            return 1, self._word(word, start, end, _UNITS[word], self.cedict.lookup(word), "unit")
        if self.lexicon.has(word) or word in OFFICIAL_SENSES:
            return 1, self._known(word, start, end, tag, near)
        parts = self.lexicon.split(word)
        if self.context is not None:
            spellings = self._spellings(word)
            # a word made of dictionary words (基准 兵) is a name only if the document spells it exactly
            name = self._document_name(word, spellings, fuzzy=all(len(p) == 1 for p in parts)) if spellings else None
            if name:
                return 1, self._word(word, start, end, name, [], "name")
        # jieba keeps together, as one unknown word, names (金壮龙, 戴姆勒) and new compounds; a compound
        # splits into dictionary words (逆转录: 逆转 录, 摩洛哥王国: 摩洛哥 王国), a name into characters
        name = self._name(word) if all(len(p) == 1 for p in parts) else None
        if name:
            return 1, self._word(word, start, end, name, [], "name")
        compound = self._compound(word)
        if compound:
            return 1, self._word(word, start, end, compound, [], "document word")
        kept = self._kept_parts(parts)
        glosses = ["several" if p in _SEVERAL and len(kept) < len(parts) and parts[1:2] and self._is_classifier(parts[1])
                   else self._known(p, 0, 0, self._tag_of(p), near)["gloss"] for p in kept]
        # a suffix's sense ("-ness" of 性) is no word of the phrase
        shown = " ".join(g for g in glosses if g and not g.startswith("-")) or None
        return 1, self._word(word, start, end, shown, [], "parts")

    def _kept_parts(self, parts: list[str]) -> list[str]:
        """The parts of an unknown word a gloss says: no classifier after a number or determiner (一项
        "a", 第一种 "first"), no 一 after a determiner (这一 "this"), no particle (轻轻地: "lightly")."""
        kept = parts[:1]
        for before, part in zip(parts, parts[1:]):
            counted = before in _COUNTED_BY or before.startswith("第")
            if len(part) == 1 and ((counted and self._is_classifier(part)) or (part == "一" and before in _DETERMINERS)
                                   or self._tag_of(part).startswith(_DROPPED_TAGS)):
                continue
            kept.append(part)
        return kept

    def _known(self, word: str, start: int, end: int, tag: str, near: frozenset[str]) -> dict:
        # a long text repeats its words: the choice depends on the word, its tag and the neighbourhood only
        key = (word, tag, near)
        found = self._known_cache.get(key)
        if found is None:
            found = self._known_cache[key] = self._choose_known(word, tag, near)
        shown, options, source = found
        return self._word(word, start, end, shown, list(options), source)

    def _choose_known(self, word: str, tag: str, near: frozenset[str]) -> tuple[str, list[str], str]:
        renderings = self.lexicon.glossary.renderings(word)
        if renderings:
            shown = max(renderings, key=lambda r: (self._support(r, near), -renderings.index(r)))
            return shown, list(renderings), "glossary"
        senses, groups = with_official_senses(word, self.cedict.lookup(word), self.cedict.groups.get(word))
        heads = self._heads(word) if len(word) == 1 and self.context is not None else []
        shown, options = choose(senses, groups, tag or self._tag_of(word), self.context,
                                near, KNOWN_FIRST.get(word), heads)
        return shown, options, "dictionary"

    def _heads(self, char: str) -> list[str]:
        """The English head nouns of the dictionary's compounds that end in ``char`` (开发区 "development
        zone", 经济特区 "special economic zone" -> zone), commonest first, those of two compounds or more."""
        if char in self._heads_of:
            return self._heads_of[char]
        if not self._by_last:
            for word in self.cedict.senses:
                if 2 <= len(word) <= 4:
                    self._by_last.setdefault(word[-1], []).append(word)
        counts: dict[str, int] = {}
        for compound in self._by_last.get(char, ()):
            for sense in self.cedict.senses[compound][:3]:
                words = sense.split()
                if 1 <= len(words) <= 4 and words[-1].isalpha() and words[-1].islower() and not sense.startswith("to "):
                    counts[words[-1]] = counts.get(words[-1], 0) + 1
        heads = [w for w, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= 2][:MAX_HEADS]
        self._heads_of[char] = heads
        return heads

    def _support(self, rendering: str, near: frozenset[str]) -> float:
        keys = phrase_keys(rendering)
        if not keys or self.context is None:
            return 0.0
        return sum(2.0 if k in near else 1.0 if k in self.context.counts else 0.0 for k in keys) / len(keys)

    @staticmethod
    def _tag_of(word: str) -> str:
        return word_tags().get(word, "")

    def _is_classifier(self, word: str) -> bool:
        # CC-CEDICT's "classifier for ..." sense is sometimes in a label the parser drops; jieba tags it q
        return self._tag_of(word).startswith("q") or any(s.startswith("classifier") for s in self.cedict.lookup(word))

    # -- names --------------------------------------------------------------------------------
    def _compound(self, word: str) -> Optional[str]:
        """A long English word of the document built from the parts' senses in order (抗 "anti-" ...
        病毒 "virus" -> antiretroviral): the first part's sense begins it, the last part's is in it."""
        if self.context is None or len(word) < 3:
            return None
        if word not in self._compound_cache:
            self._compound_cache[word] = self._find_compound(word)
        return self._compound_cache[word]

    def _find_compound(self, word: str) -> Optional[str]:
        parts = self.lexicon.split(word) if not self.lexicon.has(word) else [word]
        if len(parts) < 2:
            return None
        heads = _stems(self.cedict.lookup(parts[0]) + self.lexicon.glossary.renderings(parts[0]))
        tails = _stems(self.cedict.lookup(parts[-1]) + self.lexicon.glossary.renderings(parts[-1]))
        for head in heads:
            for candidate in self.context.long_words_by_start.get(head[:3], ()):
                if candidate.startswith(head) and any(t in candidate[len(head):] for t in tails):
                    return in_document_form(candidate, self.context)
        return None


def _stems(senses: list[str]) -> list[str]:
    """Leading letters of one-word senses: prefixes as written ("anti-" -> anti), words cut to their
    first three letters when longer (virus -> vir), which is how they enter English compounds."""
    out = []
    for sense in senses[:8]:
        sense = short_sense(sense).lower()
        if sense.endswith("-") and sense[:-1].isalpha():
            out.append(sense[:-1])
        elif sense.isalpha() and len(sense) >= 4:
            out.append(sense[:max(3, len(sense) - 2)])
    return out


def _merge_synonyms(words: list[dict]) -> None:
    """Two neighbouring words where one is a single character sharing the other's sense (更 "more" and
    多 "many; more") say it once."""
    for a, b in zip(words, words[1:]):
        if not a["gloss"] or not b["gloss"] or a["source"] != "dictionary" or b["source"] != "dictionary":
            continue
        if min(len(a["word"]), len(b["word"])) == 1 and a["gloss"] in b["senses"]:
            b["gloss"] = None


def _phrase(words: list[dict]) -> str:
    out: list[str] = []
    for w in words:
        g = w["gloss"]
        if not g:
            continue
        if w["source"] == "as written" and not any(ch.isalnum() for ch in g):
            if g in ",.;:!?)" and out:
                if out[-1][-1:] not in ",.;:!?":
                    out[-1] += g
            elif g in "\"'":
                continue
            else:
                out.append(g)
            continue
        if out and out[-1].lower() == g.lower():
            continue
        out.append(g)
    text = " ".join(out).replace("( ", "(").strip(" ,;:")
    return text
