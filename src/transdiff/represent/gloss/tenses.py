"""A verb in the tense the English document writes it: 葛伟表示 "Ge Wei said" in a text that reports.

Chinese verbs carry no tense; a gloss in the dictionary's base form ("Ge Wei state", "the ministry
provide") reads as broken English where the English document narrates in the past. Where the verb
stands as a finite verb (no "to", modal, auxiliary, "not" or preposition before it) and the document
writes that verb mostly in the past (its past form at least ``MIN_SEEN`` times and more often than its
base and -s forms together), the gloss says it in the past; a text that writes the verb in the present
("the Council decides") keeps it. A verb after a preposition is its -ing form (关于成立 "on establishing").
Display only.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Callable, Sequence

from .articles import article_counts
from .phrase_words import tag_of
from .verb_forms import past, present_participle

if TYPE_CHECKING:
    from .senses import EnglishContext

MIN_SEEN = 2   # occurrences of the past form in the document, at least
# words after which a verb is no finite verb of its own (to establish, should establish, has established)
# prepositions after which English writes a verb as its -ing form
_GERUND_AFTER = frozenset("in on for of by without after before about from through".split())
_NOT_FINITE_AFTER = frozenset("""to will would shall should can could may might must be been being is are was were
    has have had not do does did let make in on at for of by with from about without before after""".split())


def _s_form(verb: str) -> str:
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def document_tense(words: list[dict], context: "EnglishContext", senses_of: Callable[[str], Sequence[str]]) -> None:
    """Put each finite verb of the gloss the document writes mostly in the past in the past, and a verb
    opening a paragraph in the -s form where the document writes it so (in place; the words in English
    order; ``senses_of``: a word's dictionary senses)."""
    if not context.text:
        return
    if "articles" not in context.derived:
        context.derived["articles"] = article_counts(context.text)
    seen: Counter = context.derived["articles"][0]
    before = ""
    opening = True   # no word yet but an item number: a verb here opens an operative paragraph
    # the first word of the Chinese text (a verb the English order put first opens nothing)
    first_start = min((w["start"] for w in words if w["gloss"] and w["source"] not in ("number", "as written")),
                      default=-1)
    for w in words:
        g = w["gloss"]
        if not g:
            continue
        first, *rest = g.split()
        if (before in _GERUND_AFTER and w["source"] == "dictionary" and tag_of(w) == "v" and first.isalpha()
                and first.islower() and not first.endswith(("ed", "ing"))
                and first in {v[3:].split()[0] for v in senses_of(w["word"]) if v.startswith("to ") and len(v) > 3}):
            # a verb after a preposition is its -ing form (关于成立: on establishing; 在执行: in implementing)
            doing = present_participle(first)
            if doing:
                w["gloss"] = " ".join([doing] + rest)
                before = w["gloss"].split()[-1].lower()
                opening = False
                continue
        if opening and w["source"] in ("number", "as written"):
            continue
        if (opening and w["source"] == "dictionary" and tag_of(w).startswith("v") and first.isalpha()
                and first.islower() and w["start"] == first_start and not first.endswith(("ed", "ing"))):
            # 请秘书长 "requests the Secretary-General": a paragraph opens with a verb in the -s form
            # where the document writes it so (its operative paragraphs: Requests, Decides, Urges)
            for verb in [first] + [v[3:] for v in senses_of(w["word"]) if v.startswith("to ") and " " not in v[3:]]:
                does = _s_form(verb)
                if seen.get(does, 0) >= MIN_SEEN and seen.get(does, 0) > seen.get(verb, 0) + seen.get(past(verb) or "", 0):
                    w["gloss"] = " ".join([does] + (rest if verb == first else []))
                    break
            if w["gloss"] != g:
                opening = False
                before = w["gloss"].split()[-1].lower()
                continue
        opening = False
        if first == "is" and w["source"] == "dictionary" and before not in _NOT_FINITE_AFTER:
            # 是 "is": "was" where the document writes was/were more often than is/are
            if seen.get("was", 0) + seen.get("were", 0) > max(MIN_SEEN - 1, seen.get("is", 0) + seen.get("are", 0)):
                w["gloss"] = " ".join(["was"] + rest)
        elif (w["source"] == "dictionary" and tag_of(w).startswith("v") and first.isalpha() and first.islower()
                and not first.endswith(("ed", "ing")) and before not in _NOT_FINITE_AFTER):
            done = past(first)
            if done and done != first and seen.get(done, 0) >= MIN_SEEN and (
                    seen.get(done, 0) > seen.get(first, 0) + seen.get(_s_form(first), 0)):
                w["gloss"] = " ".join([done] + rest)
        before = g.split()[-1].lower()
