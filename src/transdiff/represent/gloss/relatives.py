"""A clause ending in a verb before 的 describes the noun after it: English puts the noun first.

大会在1995年5月11日通过的其他决定 is "the other decisions adopted by the Conference on 11 May 1995",
在东南亚测试的药物 "the drugs tested in South-East Asia", 取得的进展 "the progress made": the Chinese
clause (its subject, its place or time, its verb) comes before 的 and the noun it describes after it.
Where a short clause (at most ``MAX_CLAUSE`` shown words since the last punctuation) ends in a verb
(jieba lists the word as a verb, not a verb-noun) directly before 的, after at least one word of its
clause, and a short run of nouns follows, the gloss says
"the NOUN VERB-ed by SUBJECT REST": the noun run, the verb's past participle, a subject noun that opens
the clause with "by", then the rest of the clause. Clauses with a grammar marker (被, 已, 正在, 将)
or a verb of several words are left as they are. Display only.
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from .phrase_words import NOUN_SOURCES, OF, is_break, is_noun, noun_run, tag_of
from .tags import word_tags
from .verb_forms import participle

MAX_CLAUSE = 6   # shown words of the clause before 的, the verb included
MAX_NOUNS = 3    # nouns after 的
_MARKERS = frozenset({"被", "已", "已经", "正在", "将", "所", "要", "会", "能", "可以", "应", "应当"})
_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing", "ness", "ity")   # a verb-noun shown as a noun
# words after a noun that make it a place or time (会议上 "at the meeting"): no subject
_PLACE_AFTER = frozenset({"上", "中", "下", "内", "里", "期间", "时", "后", "前", "之后", "之前", "以来"})
_DETERMINED = frozenset("the this that these those its their his her our my your each every all other such".split())


def _subject(word: dict) -> bool:
    return bool(word["gloss"]) and (word["source"] in NOUN_SOURCES[:4] or (
        tag_of(word).startswith("n") and word["source"] != "number"))


def _noun_like(word: dict) -> bool:
    """A noun, or a verb shown as its noun (决定 "decision")."""
    return is_noun(word) or bool(word["gloss"] and word["source"] == "dictionary" and word["gloss"].isalpha()
                                 and word["gloss"].endswith(_NOUN_ENDINGS[:4]))


def _clause_start(words: list[dict], end: int) -> Optional[int]:
    """The index where the clause ending at ``end`` (exclusive) begins, or None if it is too long or
    has a grammar marker."""
    shown = 0
    k = end
    while k > 0:
        w = words[k - 1]
        if is_break(w) or w["word"] in OF or w["word"] in ("、", "和", "及", "以及", "与"):
            break
        if w["word"] in _MARKERS:
            return None
        if w["gloss"]:
            shown += 1
            if shown > MAX_CLAUSE:
                return None
        k -= 1
    return k


def relative_clauses(words: list[dict], senses_of: Callable[[str], Sequence[str]]) -> list[dict]:
    """The words with each short "clause V 的 nouns" in English order (copies where a gloss changes;
    ``senses_of``: a word's dictionary senses: the verb shows one of its verb senses)."""
    out = list(words)
    k = 1
    while k < len(out):
        de = out[k]
        verb = out[k - 1]
        is_verb = (verb["word"] == "通过" and verb["gloss"] == "adopt") or (
            word_tags().get(verb["word"]) == "v" and f"to {verb['gloss']}" in senses_of(verb["word"]))
        if not (de["word"] in OF and not de["gloss"] and verb["gloss"] and verb["source"] == "dictionary" and is_verb
                and verb["gloss"].isalpha() and verb["gloss"].islower() and not verb["gloss"].endswith(_NOUN_ENDINGS)):
            k += 1
            continue
        done = participle(verb["gloss"])
        right = 0
        if k + 1 < len(out) and (out[k + 1]["gloss"] or "").lower() in _DETERMINED:
            right = 1   # 通过的其他决定: "the other decisions adopted"
        right += noun_run(out, k + 1 + right, MAX_NOUNS - right, _noun_like)
        after = out[k + 1 + right] if k + 1 + right < len(out) else None
        start = _clause_start(out, k - 1)
        continues = after is not None and (_noun_like(after) or after["word"] in OF)
        if not done or not right or not _noun_like(out[k + right]) or continues or start is None:
            k += 1
            continue
        clause = [w for w in out[start:k - 1]]
        if not any(w["gloss"] for w in clause):
            k += 1   # a verb alone before 的 often names its act (协调的费用: the cost of coordination)
            continue
        nouns = [dict(w) for w in out[k + 1:k + 1 + right]]
        first = nouns[0]["gloss"]
        if first.split()[0].lower() not in _DETERMINED and not first[:1].isupper():
            nouns[0]["gloss"] = "the " + first
        shown = [w for w in clause if w["gloss"]]
        # the clause's subject: the last noun before the verb, with only its time, place or manner
        # between (大会在1995年5月11日通过: "adopted by the Conference on 11 May 1995"); the words before
        # it stay before the phrase (铭记 ...: "bear in mind the other decisions adopted by ...")
        subject = next((w for w in reversed(shown) if _subject(w)), None)
        if subject is not None:
            rest = clause[clause.index(subject) + 1:]
            if any(w["word"] in _PLACE_AFTER or (w["gloss"] and tag_of(w).startswith("v")) for w in rest):
                subject = None   # 会议上修订: "revised at the meeting", not by it; a verb between: no subject
        moved: list[dict] = []
        if subject is not None:
            at = clause.index(subject)
            by = {"word": "", "start": subject["start"], "end": subject["start"], "gloss": "by", "senses": [],
                  "source": "grammar"}
            moved = [by] + clause[at:]
            clause = clause[:at]
        elif shown:
            moved = clause
            clause = []
        new = clause + nouns + [{**verb, "gloss": done}] + moved + [de]
        out[start:k + 1 + right] = new
        k = start + len(new)
    return out
