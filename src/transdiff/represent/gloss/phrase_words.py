"""What a glossed word is, for the rules that put a gloss in English order: its jieba tag (a term jieba
does not list takes its last word's), whether it is a noun, a unit a number counts, or a break."""
from __future__ import annotations

from typing import Callable

from .tags import word_tags

NOUN_SOURCES = ("name", "glossary", "document word", "parts", "number")
OF = frozenset({"的", "之"})


def tag_of(word: dict) -> str:
    """jieba's tag for a glossed word; a term jieba does not list takes its last word's tag, and a
    name, glossary term or unknown compound counts as a noun."""
    if word["source"] == "number":
        return "m"
    tags = word_tags()
    text = word["word"]
    if word["source"] in NOUN_SOURCES:
        return tags.get(text, "n") if word["source"] == "glossary" else "n"
    return tags.get(text) or tags.get(text[-2:]) or tags.get(text[-1:]) or ""


def is_noun(word: dict) -> bool:
    if not word["gloss"] or word["source"] == "number":
        return False
    tag = tag_of(word)
    return tag.startswith("n") or tag == "vn"


def noun_run(words: list[dict], start: int, limit: int, noun: Callable[[dict], bool] = is_noun) -> int:
    """How many of ``words`` from ``start`` on are nouns in a row, at most ``limit``."""
    n = 0
    while n < limit and start + n < len(words) and noun(words[start + n]):
        n += 1
    return n


BREAKS = frozenset("，,。.；;：:！!？?")


def is_unit(word: dict) -> bool:
    """A word that counts what a number says (年 year, 天 day, 个月 month, 人 people)."""
    return bool(word["gloss"]) and tag_of(word).startswith(("n", "q", "m")) and word["source"] != "number"


def is_break(word: dict) -> bool:
    """Punctuation that ends a phrase (quotation marks and brackets do not)."""
    return word["source"] == "as written" and any(ch in BREAKS for ch in word["word"])
