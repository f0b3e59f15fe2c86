"""Chinese words -> English keys and glosses, through the glossary and CC-CEDICT."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..dictionary.cedict import load_cedict
from .english import phrase_keys
from .glossary import Glossary
from .names import pinyin_keys

# Function words: they carry grammar, not content a translation can be checked against.
STOPWORDS = frozenset(
    """的 地 得 了 着 过 和 与 及 以及 或 或者 并 并且 而 而且 也 都 又 还 就 则 但 但是 所 之 其 其中 及其
    在 是 为 以 于 将 把 被 由 从 向 对 对于 关于 给 让 使 等 等等 这 那 这些 那些 这个 那个 该 此 本 各 每
    有 个 上 中 下 里 内 一 一个 些 这一 这样 那样 如 如果 因为 所以 因此 同时 此外 另外 不仅 而是 即 乃
    者 们 自己 它 它们 他 他们 她 我们 你 你们 我 咱们 之一 方面 进行 作为 予以 加以 为了 以便 及时""".split()
)
MAX_SENSES = 8

# Glosses people should see for frequent single characters whose first CC-CEDICT sense is a rare one
# (后 "empress", 号 "wail"). Matching still uses every sense.
DISPLAY_GLOSS = {
    "后": "after", "号": "number", "时": "when", "应": "should", "受": "receive", "作": "do", "者": "one who",
    "以": "with", "于": "at", "为": "for", "将": "will", "其": "its", "并": "and", "及": "and", "或": "or",
    "之": "of", "所": "that which", "被": "by", "由": "by", "从": "from", "对": "towards", "向": "towards",
    "把": "(object)", "得": "may", "会": "will", "能": "can", "可": "may", "要": "must", "须": "must",
    "均": "all", "皆": "all", "凡": "every", "乃": "is", "系": "is", "即": "namely", "与": "and", "同": "with",
    "等": "etc.", "间": "between", "内": "within", "外": "outside", "中": "in", "上": "on", "下": "under",
    "前": "before", "年": "year", "月": "month", "日": "day", "次": "time(s)", "项": "item", "条": "article",
    "届": "session", "国": "country", "方": "side", "界": "circles", "性": "-ness", "化": "-ize", "家": "family",
    "人": "person", "们": "(plural)", "度": "degree", "率": "rate", "量": "amount", "点": "point",
}


@dataclass(frozen=True)
class WordGloss:
    keys: frozenset[str]   # English keys the word can match
    gloss: str             # short gloss for people ('' when none is known)
    known: bool            # False when built from sub-words or characters


def _short(sense: str) -> str:
    sense = sense.strip()
    if sense.startswith("to ") and len(sense) > 3:
        sense = sense[3:]
    return sense


def _sense_keys(senses: list[str]) -> frozenset[str]:
    keys: set[str] = set()
    for rank, sense in enumerate(senses[:MAX_SENSES]):
        sense_keys = phrase_keys(sense)
        # long explanatory senses ("the emergency number for ...") add noise, not evidence
        if rank == 0 or len(sense_keys) <= 4:
            keys |= sense_keys
    return frozenset(keys)


class ChineseLexicon:
    """Looks up Chinese words in the glossary first, then CC-CEDICT, then in their parts."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.cedict = load_cedict()
        self._cache: dict[str, WordGloss] = {}
        self._max_len = 8

    def _entry(self, word: str) -> tuple[list[str], list[str]]:
        return self.glossary.renderings(word), self.cedict.lookup(word)

    def has(self, word: str) -> bool:
        renderings, senses = self._entry(word)
        return bool(renderings or senses)

    def gloss(self, word: str) -> WordGloss:
        hit = self._cache.get(word)
        if hit is None:
            hit = self._cache[word] = self._compute(word)
        return hit

    def _compute(self, word: str) -> WordGloss:
        renderings, senses = self._entry(word)
        if renderings or senses:
            keys = set(_sense_keys(senses))
            for r in renderings:
                keys |= phrase_keys(r)
            keys |= pinyin_keys(word, self.cedict.readings)
            first = renderings[0] if renderings else DISPLAY_GLOSS.get(word) or _short(senses[0])
            return WordGloss(frozenset(keys), first, True)
        parts = self.split(word)
        if len(parts) <= 1:
            return WordGloss(frozenset(), "", False)
        keys = set(pinyin_keys(word, self.cedict.readings, known=False))
        glosses = []
        for part in parts:
            sub = self.gloss(part)
            keys |= sub.keys
            if sub.gloss:
                glosses.append(sub.gloss)
        return WordGloss(frozenset(keys), " ".join(glosses), False)

    def split(self, word: str) -> list[str]:
        """Greedy longest-match split of an unknown word into dictionary words (characters as the last resort)."""
        parts = []
        i = 0
        while i < len(word):
            for size in range(min(self._max_len, len(word) - i), 0, -1):
                piece = word[i:i + size]
                if size == 1 or self.has(piece):
                    if size < len(word):
                        parts.append(piece)
                    else:
                        return [word]
                    i += size
                    break
        return parts


@lru_cache(maxsize=1)
def _han_ranges() -> tuple[tuple[str, str], ...]:
    return (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))


def is_han(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _han_ranges())


def has_han(text: str) -> bool:
    return any(is_han(ch) for ch in text)
