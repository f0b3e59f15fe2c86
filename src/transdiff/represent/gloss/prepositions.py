"""Prepositional phrases that Chinese puts before the verb and English after it.

向秘书处提供资料 says "provide information to the Secretariat", 对报告进行审议 "consider the report":
the Chinese phrase of the receiver or the object comes before the verb. Where the verb follows the
phrase directly, the display gloss puts it first: 向 X + a verb of giving or telling (提供, 提交,
通报...) -> "V Y to (for) X" when Y is a short run of nouns ending the clause, else "V to X"; 对 X + a
light verb + V -> "V X". The phrase is short (a few nouns), with no punctuation inside. A noun
before an ordinal and its noun names whose it is: 安全理事会第7377次会议 "the 7377th meeting of the
Security Council". Display only.
"""
from __future__ import annotations

from typing import Optional

from .phrase_words import tag_of

MAX_PHRASE = 4   # words of X
MAX_OBJECT = 4   # words of Y
# verbs of giving, sending and telling whose receiver 向 marks
_GIVING = frozenset({"提供", "提交", "转交", "通报", "介绍", "发出", "致", "递交", "表示", "表达", "致以",
                     "颁发", "授予", "捐赠", "转达", "发放", "汇报", "赠送", "提出", "移交", "交付"})
_LIGHT_VERBS = frozenset({"进行", "予以", "加以"})
_BREAKS = frozenset("，,。.；;：:！!？?、")
_NOUN_SOURCES = ("name", "glossary", "document word", "parts")
_RECEIVER = {"向": "to", "为": "for"}   # 为X提供Y "provide Y for X"
_AND = frozenset({"和", "及", "以及", "与"})


def _nominal(word: dict) -> bool:
    if not word["gloss"] or word["source"] == "as written":
        return False
    tag = tag_of(word)
    return tag.startswith(("n", "r", "a", "b", "m")) or tag == "vn" or word["source"] in _NOUN_SOURCES + ("number",)


def _phrase_end(words: list[dict], start: int, joined: bool = False) -> Optional[int]:
    """The index after a run of 1..MAX_PHRASE nominal words from ``start`` (left-out words inside;
    ``joined``: nouns joined by 和, 及 too: technical assistance and training)."""
    k, seen = start, 0
    while k < len(words) and seen <= MAX_PHRASE:
        w = words[k]
        if w["word"] in _LIGHT_VERBS or (w["word"] in _GIVING and tag_of(w).startswith("v")):
            break
        if not w["gloss"]:
            if w["source"] == "as written" or w["word"] in ("的", "之") or any(ch in _BREAKS for ch in w["word"]):
                break
            k += 1
            continue
        if not _nominal(w) and not (joined and seen and w["word"] in _AND):
            break
        seen += 1
        k += 1
    return k if 1 <= seen <= MAX_PHRASE else None


def _ends_clause(words: list[dict], k: int) -> bool:
    return k >= len(words) or words[k]["source"] == "as written" or words[k]["word"] in ("并", "而", "以")


def _act_after(words: list[dict], k: int) -> Optional[int]:
    """The index after the verb a light verb at k - 1 introduces (了 and one adverb may come between:
    进行了深入讨论 "in-depth discuss"), or None."""
    while k < len(words) and not words[k]["gloss"] and words[k]["source"] == "particle":
        k += 1
    if k < len(words) and words[k]["gloss"] and tag_of(words[k]).startswith(("a", "d")):
        k += 1
    if k < len(words) and words[k]["gloss"] and tag_of(words[k]).startswith("v"):
        if k + 1 < len(words) and words[k + 1]["gloss"] and tag_of(words[k + 1]).startswith("v"):
            return k + 2   # 深入讨论: a verb describing the verb
        return k + 1
    return None


def _is_ordinal(word: dict) -> bool:
    g = word["gloss"] or ""
    return (word["source"] == "number" and word["word"].startswith("第") and g.split()[-1][:1].isdigit()
            and g.endswith(("st", "nd", "rd", "th")))


def _owner(word: dict) -> bool:
    """A noun that can own what an ordinal counts (委员会, 安全理事会, 论坛)."""
    if not word["gloss"] or word["source"] in ("number", "as written"):
        return False
    tag = tag_of(word)
    return ((tag.startswith("n") and not tag.startswith(("nr", "ns"))) or word["source"] in ("glossary", "name")
            or word["gloss"][:1].isupper())


def _ordinals(words: list[dict]) -> list[dict]:
    """X 第N Y -> "the Nth Y of X" where X is a short run of nouns and Y the noun after the ordinal."""
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        j = i + 1
        while j < len(words) and not words[j]["gloss"] and words[j]["source"] != "as written":
            j += 1   # the classifier left out (第7377次会议)
        nxt = words[j] if j < len(words) else None
        if _is_ordinal(w) and nxt is not None and nxt["gloss"] and tag_of(nxt).startswith("n"):
            left = 0
            while left < min(MAX_PHRASE - 1, len(out)) and _owner(out[-1 - left]):
                left += 1
            if left:
                x = out[len(out) - left:]
                del out[len(out) - left:]
                out += [w] + words[i + 1:j] + [{**nxt, "gloss": nxt["gloss"] + " of"}] + x
                i = j + 1
                continue
        out.append(w)
        i += 1
    return out


def governed_phrases(words: list[dict]) -> list[dict]:
    """The words with 向 X V, 对 X 进行 V and X 第N Y in English order (copies of the words given)."""
    words = _ordinals(words)
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        if (w["word"] in _RECEIVER or w["word"] == "对") and w["gloss"]:
            end = _phrase_end(words, i + 1)
            if end is not None and end < len(words):
                x = words[i + 1:end]
                if w["word"] in _RECEIVER and words[end]["word"] in _GIVING and words[end]["gloss"]:
                    to = {**w, "gloss": _RECEIVER[w["word"]]}
                    verb = words[end]
                    y_end = _phrase_end(words, end + 1, joined=True)
                    if y_end is not None and _ends_clause(words, y_end):
                        out += [verb] + words[end + 1:y_end] + [to] + x
                        i = y_end
                    else:
                        out += [verb, to] + x
                        i = end + 1
                    continue
                if w["word"] == "对" and words[end]["word"] in _LIGHT_VERBS:
                    act = _act_after(words, end + 1)
                    if act is not None:
                        out += [{**words[end], "gloss": None}] + words[end + 1:act] + [{**w, "gloss": None}] + x
                        i = act
                        continue
        out.append(w)
        i += 1
    return out
