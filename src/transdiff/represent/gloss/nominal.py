"""A verb-noun in a noun's place takes a noun's sense: 经济合作 "economic cooperation", 其组织 "its organization".

Many Chinese words are verb and noun at once (合作 cooperate/cooperation, 管理 manage/management,
教育 educate/education); jieba tags them v or vn, and CC-CEDICT often lists the verb first. Where the
word stands as a noun (after 的, a noun, an adjective or a determiner, and before the end of its phrase:
punctuation, 的, a conjunction), the display gloss shows a noun: the dictionary's own noun sense when it
has one, else the noun the English document makes of the verb (cooperate -> cooperation, manage ->
management) where the document writes that noun. Display only.
"""
from __future__ import annotations

from typing import AbstractSet, Callable, Optional, Sequence

from ..english import word_key
from .phrase_words import NOUN_SOURCES, OF, is_break, is_noun, tag_of

# what a dictionary says about a word's use, not a noun it means
_NOT_NOUNS = frozenset({"indicating", "used", "particle", "suffix", "prefix", "classifier", "sb", "sth"})
# words jieba tags as prepositions that open a heading as verbs (通过 "through" and "adopt")
_VERB_PREPOSITIONS = frozenset({"通过"})
_AND = frozenset({"和", "与", "及", "以及", "、", "或"})
_DETERMINERS = frozenset({"其", "这", "该", "此", "各", "这些", "那些", "这种", "本", "这一", "每", "任何", "所有", "一切",
                         "其他", "其它"})


def _nouns_of(verb: str) -> list[str]:
    """English nouns made from a one-word verb that share its matching key: cooperate -> cooperation,
    manage -> management (not pass -> passion)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    key = word_key(verb)
    made = [verb + "ment", stem + "ion", stem + "ation", verb + "ion", verb + "ation", stem + "ance", verb + "ance",
            stem + "ence", verb + "al", stem + "ing"]
    return [n for n in made if key and word_key(n) == key]


def noun_sense(senses: Sequence[str], shown: str, vocabulary: AbstractSet[str],
               keys: AbstractSet[str] = frozenset()) -> Optional[str]:
    """The noun to show for a word whose shown sense is a verb: the verb itself where the dictionary
    lists it as a noun too (工作 "work") or the document writes no noun of it, else the document's noun
    of the verb (cooperate -> cooperation), else the dictionary's first short noun sense (one the document
    writes, in its words or its matching ``keys``, before one it does not); None to keep the verb."""
    verbs = {s[3:] for s in senses if s.startswith("to ")}
    if shown not in verbs:
        return None
    nouns = [_bare(s) for s in senses if not s.startswith("to ")]
    if shown in nouns:
        return None
    if " " not in shown:
        for noun in _nouns_of(shown):
            if noun in vocabulary:
                return noun
    # the dictionary's nouns, those the document writes first (工作 "work" before "job"), by their words
    # or their keys (活动 "activity" where the document writes "activities")
    for noun in sorted(nouns, key=lambda n: (not all(w in vocabulary for w in n.split()),
                                            not all(word_key(w) in keys for w in n.split()))):
        words = noun.split()
        if 1 <= len(words) <= 2 and noun.replace(" ", "").isalpha() and not _NOT_NOUNS.intersection(words):
            return noun
    return None


def _bare(sense: str) -> str:
    """A noun sense without its article ("a test" -> test)."""
    return sense[2:] if sense.startswith("a ") else sense[3:] if sense.startswith("an ") else sense


def _glossed(words: list[dict], k: int, step: int) -> Optional[dict]:
    """The next word from ``k`` in direction ``step`` that is shown or is a 的 (None at the end)."""
    k += step
    while 0 <= k < len(words):
        if words[k]["gloss"] or words[k]["word"] in OF or words[k]["source"] == "as written":
            return words[k]
        k += step
    return None


def _coordinated_with_noun(words: list[dict], k: int, before: Optional[dict]) -> bool:
    """Whether the verb-noun at ``k`` is an item of a list of nouns: after 、 or 和 that follow a noun."""
    if before is None or before["word"] not in _AND or tag_of(words[k]) != "vn":
        return False
    j = k - 1
    while j >= 0 and words[j] is not before:
        j -= 1   # the conjunction, a few words back at most
    item = _glossed(words, j, -1)
    if item is None or item["source"] == "number" or not item["gloss"]:
        return False
    # a noun, or a verb-noun shown as a noun already (教育和培训: education and training)
    return ((is_noun(item) and not tag_of(item).startswith("v")) or item["source"] in NOUN_SOURCES[:4]
            or item["gloss"].endswith(("tion", "sion", "ment", "ance", "ence", "ity", "ness")))


def nominal_senses(words: list[dict], senses_of: Callable[[str], Sequence[str]], vocabulary: AbstractSet[str],
                   keys: AbstractSet[str] = frozenset()) -> None:
    """Give each verb-noun standing as a noun a noun's sense (in place; the words in Chinese order)."""
    for k, w in enumerate(words):
        if not w["gloss"] or w["source"] != "dictionary" or not tag_of(w).startswith("v"):
            continue
        before, after = _glossed(words, k, -1), _glossed(words, k, 1)
        if _coordinated_with_noun(words, k, before):
            pass   # 医疗保险、教育和培训: "health insurance, education and training"
        elif before is None or before["source"] in ("number", "as written"):
            continue
        # a verb-noun (vn) after a noun is a noun (经济合作); a verb (v) only after 的, an adjective or a
        # determiner: after a noun it is the verb of a subject (葛伟表示， "Ge Wei said")
        elif not (before["word"] in OF or before["word"] in _DETERMINERS or tag_of(before).startswith(("a", "b"))
                or (tag_of(w) == "vn" and (tag_of(before).startswith("n") or before["source"] in NOUN_SOURCES))):
            continue
        if not (after is None or is_break(after) or after["word"] in OF or after["word"] in _AND):
            continue
        noun = noun_sense(senses_of(w["word"]), w["gloss"], vocabulary, keys)
        if noun:
            w["gloss"] = noun


def heading_act(words: list[dict], senses_of: Callable[[str], Sequence[str]], vocabulary: AbstractSet[str]) -> None:
    """A heading that opens with a verb and its object names the act (in place): 通过议程 "adoption of
    the agenda", 选举主席团成员 "election of officers", as official agendas write them. A heading: a text
    with no punctuation that ends a clause, after an item number; the verb's noun is the document's
    noun of one of its one-word verb senses (通过: adopt -> adoption)."""
    shown = [w for w in words if w["gloss"]]
    while shown and shown[0]["source"] in ("number", "as written"):
        shown = shown[1:]   # the item number (11.)
    if len(shown) < 2 or any(is_break(w) for w in shown[:-1]):
        return
    verb, obj = shown[0], shown[1]
    verb_like = tag_of(verb).startswith("v") or verb["word"] in _VERB_PREPOSITIONS
    noun_like = tag_of(obj).startswith(("n", "a", "b")) or tag_of(obj) == "vn" or obj["source"] in NOUN_SOURCES
    if verb["source"] != "dictionary" or not verb_like or not noun_like:
        return
    senses = senses_of(verb["word"])
    verbs = [verb["gloss"]] + [s[3:] for s in senses if s.startswith("to ")]
    for v in verbs:
        if v and " " not in v:
            noun = next((n for n in _nouns_of(v) if n in vocabulary and not n.endswith("ing")), None)
            if noun:
                verb["gloss"] = f"{noun} of"
                return
