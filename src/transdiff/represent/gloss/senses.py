"""Which sense of a Chinese word to show: the one the English document's own vocabulary supports.

CC-CEDICT lists a word's senses reading by reading, in no order of frequency (更 "to change or replace"
comes before 更 "more"). The display gloss scores each sense: first the other document (a sense whose
English key occurs in the aligned neighbourhood, then anywhere in the document: the translator's own
words), then the evidence of commonness there is (jieba's part of speech for the word in its sentence,
the reading that part of speech fits, the sense's rank, a short list of known first senses of frequent
characters), and short senses before explanations. Matching keys are untouched: display only.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Iterable, Optional, Sequence

from ..chinese import DISPLAY_GLOSS
from ..english import WORD, phrase_keys, word_key
from .spelling import document_spelling

# Known first senses of frequent characters that CC-CEDICT lists late or not at all (该 "should ... that",
# where official text means "this"), on top of the list the word keys' glosses use.
KNOWN_FIRST = {**DISPLAY_GLOSS, "该": "this", "此": "this", "本": "this", "这": "this", "那": "that", "各": "each",
               "是": "is", "在": "in", "和": "and", "不": "not", "已": "already", "也": "also", "都": "all",
               "而": "and", "但": "but", "使": "make", "给": "to", "有": "have", "对": "to", "就": "then",
               "还": "also", "一": "a", "经": "through", "作为": "as", "对于": "for", "关于": "on", "通过": "through",
               "根据": "according to", "由于": "because of", "以及": "and", "及其": "and its", "并且": "and",
               "进行": "carry out", "其中": "of which", "为了": "in order to", "以便": "so that", "如果": "if",
               "因为": "because", "所以": "so", "因此": "therefore", "同时": "at the same time", "此外": "in addition",
               "另外": "in addition", "不仅": "not only", "而是": "but", "之一": "one of", "已经": "already",
               "目前": "at present", "包括": "including", "以来": "since", "之后": "after", "以后": "after",
               "之前": "before", "以前": "before", "其他": "other", "所有": "all", "这些": "these", "那些": "those",
               "我们": "we", "他们": "they", "自己": "self", "没有": "not", "可以": "can", "应该": "should",
               "应当": "should", "必须": "must", "元": "yuan", "人": "person", "向": "to", "提供": "provide",
               "有关": "relevant", "开展": "carry out", "维持": "maintain", "今天": "today", "自": "from", "需要": "need", "可能": "may", "已于": "already on", "说": "say",
               "至": "to"}
# Parts of speech (jieba's tags) whose words are verbs: the "to ..." senses fit them, not the others.
_VERB_TAGS = ("v",)
# Determiners and pronouns: what a word tagged as a pronoun (r) means in a gloss.
_PRONOUN_SENSES = frozenset("""this that these those it its they them their he she his her we our you your
    which who what each every such all some any the above-mentioned here there""".split())
_VAGUE = re.compile(r"\b(sb|sth|sb's|etc)\b|\.\.\.|…")
_MAX_SENSES = 12
_USAGE_LABEL = re.compile(r"^(?:fig\.|lit\.|esp\.|coll\.|Tw)\s+")
_ALTERNATIVES = re.compile(r"^([A-Za-z]+) or [A-Za-z]+$")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_NAME_LINKS = frozenset({"of", "and", "the", "for", "on", "de"})   # inside names: Declaration of Human Rights
# Weights of the evidence for a sense (fitted on deletions of seed 2, documents 1-30 of each corpus)
RANK_COST = 0.4          # per place down the reading's list of senses
NEAR_WEIGHT = 1.5        # its keys in the English of the neighbouring sentence pairs
DOC_WEIGHT = 0.5         # its keys elsewhere in the English document
DOC_COUNT_WEIGHT = 0.15  # and more for each e-fold of their count there
KNOWN_FIRST_BONUS = 2.0  # the known first sense of a frequent character
WORDS_COST = 0.25        # per word of a sense beyond the second: one short sense per word
FUNCTION_WORD_SUPPORT = 0.8  # what the document says for a sense of function words only
NOUN_SENSE_BONUS = 1.0   # a word jieba lists as a noun shows a noun's sense (报告 "report", not "to inform")
HEAD_RANK = 3            # a sense taken from the word's compounds counts as this far down its list
# what a dictionary says about a word's use, not what it means
_NOT_A_SENSE = ("classifier", "used in", "used after", "used before", "particle", "prefix", "suffix", "abbr.",
                "euphemistic", "variant", "opposite")


_CAPITALISED = re.compile(r"\b(?:([Tt]he)\s+)?([A-Z][A-Za-z'-]*)")
THE_SHARE = 0.6   # a name the document writes after "the" at least this often takes it in a gloss


def _names_after_the(text: str) -> tuple[Counter, Counter]:
    """Per capitalised word of the text, its occurrences and those directly after "the"."""
    capitalised: Counter = Counter()
    after_the: Counter = Counter()
    for m in _CAPITALISED.finditer(text):
        capitalised[m.group(2)] += 1
        if m.group(1):
            after_the[m.group(2)] += 1
    return capitalised, after_the


@dataclass
class EnglishContext:
    """The English document's vocabulary: key counts, the commonest written form of each key, and its
    capitalised words (names) by their letters."""

    counts: Counter = field(default_factory=Counter)
    surface: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)         # lower-case letters -> as written
    long_words: frozenset[str] = frozenset()                    # lower-case words of 8+ letters
    percent: str = "%"                                          # how it writes 50%: "%", " per cent"...
    text: str = ""                                              # the document's text, when known
    vocabulary: frozenset[str] = frozenset()                    # its words, lower case
    derived: dict = field(default_factory=dict, repr=False, compare=False)   # tables the gloss rules make once
    # key counts of the words written in lower case: "nation" of "United Nations" is a name's, and no
    # evidence that the translator writes "nation" for 国家
    common: Counter = field(default_factory=Counter)

    def with_article(self, name: str) -> bool:
        """Whether the document writes the capitalised name mostly after "the" (the General Assembly,
        the Secretariat; not Morocco), judged by its first word, at least twice."""
        return self.article_evidence(name) is True

    def article_evidence(self, name: str) -> Optional[bool]:
        """True where the document writes the capitalised name mostly after "the", False where it
        writes it mostly without, None where it writes it less than twice (judged by its first word)."""
        if "names after the" not in self.derived:
            self.derived["names after the"] = _names_after_the(self.text)
        capitalised, after_the = self.derived["names after the"]
        first = name.split()[0]
        seen = capitalised.get(first, 0)
        if seen < 2:
            return None
        return after_the.get(first, 0) >= THE_SHARE * seen

    def __post_init__(self) -> None:
        self.long_words_by_start: dict[str, list[str]] = {}
        for word in sorted(self.long_words):
            self.long_words_by_start.setdefault(word[:3], []).append(word)
        self.names_by_start: dict[str, list[tuple[str, str]]] = {}
        for low, name in sorted(self.names.items()):
            if len(low) >= 3:
                self.names_by_start.setdefault(low[0], []).append((low, name))

    @classmethod
    def from_words(cls, words: Iterable[str]) -> "EnglishContext":
        forms: dict[str, Counter] = {}
        counts: Counter = Counter()
        names: Counter = Counter()
        long_words: set[str] = set()
        common: Counter = Counter()
        for word in words:
            key = word_key(word)
            if not key:
                continue
            counts[key] += 1
            if not word[:1].isupper():
                common[key] += 1
            low = word.lower()
            forms.setdefault(key, Counter())[low] += 1
            if word[:1].isupper() and not word.isupper() and word.isalpha():
                names[word] += 1
            if len(low) >= 8 and low.isalpha():
                long_words.add(low)
        surface = {key: c.most_common(1)[0][0] for key, c in forms.items()}
        by_letters: dict[str, str] = {}
        for name, _ in names.most_common():
            by_letters.setdefault(name.lower(), name)
        vocabulary = frozenset(w for c in forms.values() for w in c)
        return cls(counts, surface, by_letters, frozenset(long_words), vocabulary=vocabulary, common=common)

    @classmethod
    def from_text(cls, text: str) -> "EnglishContext":
        context = cls.from_words(WORD.findall(text))
        context.percent = percent_style(text)
        context.text = text
        return context

    @classmethod
    def from_units(cls, units: Iterable) -> "EnglishContext":
        """From the English units the representer made (their keys are already computed)."""
        counts: Counter = Counter()
        written: Counter = Counter()
        names: dict[str, str] = {}
        long_words: set[str] = set()
        common: Counter = Counter()
        for u in units:
            text = u.text
            low = text.lower()
            lower_case = not text[:1].isupper()
            for key in u.keys:
                if key[:1].isalpha():
                    counts[key] += 1
                    written[key, low] += 1
                    if lower_case:
                        common[key] += 1
            if text[:1].isupper() and text.isalpha() and not text.isupper():
                names.setdefault(low, text)
            if len(low) >= 8 and low.isalpha():
                long_words.add(low)
        surface: dict[str, str] = {}
        best: dict[str, int] = {}
        for (key, low), n in written.items():
            if n > best.get(key, 0):
                best[key], surface[key] = n, low
        return cls(counts, surface, names, frozenset(long_words), vocabulary=frozenset(low for _, low in written),
                   common=common)


_PERCENT_STYLES = ((re.compile(r"\d\s?per\s?cent\b", re.I), " per cent"), (re.compile(r"\d\s?percent\b", re.I), " percent"),
                   (re.compile(r"\d\s?%"), "%"))


def percent_style(text: str) -> str:
    """How an English text writes a percentage: the style it uses most ("%" when it has none)."""
    counts = [(len(pattern.findall(text)), style) for pattern, style in _PERCENT_STYLES]
    best = max(counts, key=lambda c: c[0])
    return best[1] if best[0] else "%"


@dataclass(frozen=True)
class Sense:
    text: str          # as shown: short form ("to set up" -> "set up")
    entry: int         # which reading of the word (index into Cedict.groups), 0 when there is one
    rank: int          # position within its reading's senses
    verb: bool         # written as an infinitive ("to set up")


def short_sense(sense: str) -> str:
    """One short sense: no "to " of the infinitive, and for a place or person the name before the comma
    ("Shandong Province, capital Jinan" -> "Shandong Province")."""
    sense = " ".join(sense.replace("...", " ").replace("…", " ").split())
    sense = _USAGE_LABEL.sub("", sense)
    if sense.startswith("to ") and len(sense) > 3:
        sense = sense[3:]
    sense = sense.split(", ")[0]
    # "hang or suspend", "Davis or Davies": one word is enough (but "two or three" says a number)
    alternatives = _ALTERNATIVES.match(sense)
    if alternatives and not alternatives.group(1).lower() in _NUMBER_WORDS:
        sense = alternatives.group(1)
    words = sense.split()
    if words[:1] and words[0][:1].isupper() and len(words) > 3:
        # "Bath city in southwest England": the name, not its description
        name = list(itertools.takewhile(lambda w: w[:1].isupper() or w in _NAME_LINKS, words))
        while name and name[-1] in _NAME_LINKS:
            name.pop()
        sense = " ".join(name)
    return sense.strip(" ,;:-") if not sense.endswith("-") else sense.rstrip("-")


def senses_of(senses: Sequence[str], groups: Optional[Sequence[tuple[str, int]]]) -> list[Sense]:
    out = []
    bounds = list(groups) if groups else [("", len(senses))]
    start = 0
    for entry, (_, end) in enumerate(bounds):
        for rank, sense in enumerate(senses[start:end]):
            out.append(Sense(short_sense(sense), entry, rank, sense.startswith("to ")))
        start = end
    return [s for s in out if s.text and ": " not in s.text
            and not s.text.lower().startswith(_NOT_A_SENSE)][:_MAX_SENSES]


def _reading_fit(senses: list[Sense], groups: Optional[Sequence[tuple[str, int]]], tag: str) -> dict[int, float]:
    """Penalty per reading: a reading spelt with a capital is a proper noun (金 Jin1 "Jurchen Jin
    dynasty"), and a reading whose senses are mostly verbs does not fit a word tagged otherwise."""
    if not groups:
        return {}
    fit: dict[int, float] = {}
    for entry, (pinyin, _) in enumerate(groups):
        own = [s for s in senses if s.entry == entry]
        verbs = sum(1 for s in own if s.verb) / max(len(own), 1)
        penalty = 2.5 if pinyin[:1].isupper() else 0.0
        if tag and not tag.startswith(_VERB_TAGS):
            penalty += 1.2 * verbs
        elif tag.startswith(_VERB_TAGS):
            penalty += 1.2 * (1 - verbs)
        fit[entry] = penalty
    return fit


def choose(senses: Sequence[str], groups: Optional[Sequence[tuple[str, int]]], tag: str,
           context: Optional[EnglishContext], near: frozenset[str], known_first: Optional[str] = None,
           heads: Sequence[str] = ()) -> tuple[str, list[str]]:
    """The sense to show and every sense (short forms) in dictionary order. ``heads``: what the word
    means as the last part of its compounds (区 in 开发区 "development zone": zone), taken only where
    the English side uses it."""
    options = senses_of(senses, groups)
    if context is not None and context.vocabulary:
        # programme, centre, labour where the document writes them so
        options = [replace(s, text=document_spelling(s.text, context.vocabulary)) for s in options]
    own = {s.text for s in options}
    options += [Sense(h, 0, HEAD_RANK, False) for h in dict.fromkeys(heads)
                if h not in own and context_support(h, context, near) > 0]
    if known_first and not known_first.startswith("("):
        # the known first sense is first, wherever the dictionary lists it
        # a verb the dictionary lists ("to provide") stays a verb: in its base form, not the document's
        # commonest one ("provides")
        verb = f"to {known_first}" in senses
        options = [Sense(known_first, 0, 0, verb)] + [s for s in options if s.text != known_first]
    options = [s for s in options if not s.text.startswith("(")] or options
    if not options:
        return "", []
    fit = _reading_fit(options, groups, tag)
    best, best_score = options[0], -math.inf
    for s in options:
        score = -RANK_COST * min(s.rank, 6) - 0.6 * s.entry - fit.get(s.entry, 0.0)
        words = len(s.text.split())
        score -= WORDS_COST * max(0, words - 2) + (1.5 if _VAGUE.search(s.text) else 0.0)
        if tag.startswith(_VERB_TAGS) == s.verb:
            score += 0.3
        if tag.startswith("n") and not s.verb:
            score += NOUN_SENSE_BONUS
        if tag.startswith("r") and s.text.lower() in _PRONOUN_SENSES:
            score += 2.5
        if known_first and s.text == known_first:
            score += KNOWN_FIRST_BONUS
        score += context_support(s.text, context, near)
        if score > best_score:
            best, best_score = s, score
    shown = best.text
    # a noun in the document's form (funds -> funding); a verb stays in the dictionary's base form
    if context is not None and " " not in shown and not best.verb:
        shown = in_document_form(shown, context)
    return shown, [s.text for s in options]


def context_support(sense: str, context: Optional[EnglishContext], near: frozenset[str]) -> float:
    """How strongly the English side speaks for a sense: its content keys in the aligned neighbourhood,
    then anywhere in the document (more for words the document uses often)."""
    if context is None:
        return 0.0
    keys = phrase_keys(sense)
    if not keys:
        # function words ("more", "this") have no keys, yet every English document uses them: they
        # must not lose to a content sense that merely occurs somewhere in the document
        return FUNCTION_WORD_SUPPORT
    share_near = sum(1 for k in keys if k in near) / len(keys)
    # a common noun's sense counts the document's lower-case words only (not "nation" of United Nations)
    counted = context.counts if sense[:1].isupper() or not context.common else context.common
    seen = [counted.get(k, 0) for k in keys]
    share_doc = sum(1 for c in seen if c) / len(keys)
    return NEAR_WEIGHT * share_near + share_doc * (DOC_WEIGHT + DOC_COUNT_WEIGHT * math.log1p(min(seen)))


def in_document_form(word: str, context: EnglishContext) -> str:
    """A one-word sense in the form the document writes it ("funds" -> "funding" where the English says
    "funding"); other senses as they are."""
    key = word_key(word)
    form = context.surface.get(key) if key else None
    if not form or word[:1].isupper():
        return word
    # the stem alone joins unrelated words (responsibility, response): the forms must also look alike
    low = word.lower()
    # one word, not a compound of it (country -> country-led)
    if (form.startswith(low[:-1]) or SequenceMatcher(None, low, form).ratio() >= 0.85) and form.isalpha():
        return form
    if low.endswith("man") and form == low[:-3] + "men":   # woman -> women
        return form
    return word
