"""Names in a display gloss, and how the English document writes them.

Chinese personal names in pinyin, surname first (金壮龙: Jin Zhuanglong); transliterated foreign
names as a capitalised word of the English document spells them (戴姆勒: Daimler), else in pinyin;
names written with middle dots read as one name (马特·梅利: Mate Meili). Where the document shows it,
a country before a noun takes the document's adjective (叙利亚政府: Syrian Government), a noun before
a noun the document's adjective (national institutions), and a name the document writes after "the"
takes it (the Secretariat). A mixin of ``gloss.Glosser``: it uses the glosser's lexicon, dictionary
and English context.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Optional

from ..chinese import has_han
from .articles import INSTITUTIONS
from .tags import word_tags

if TYPE_CHECKING:
    from ...dictionary.cedict import Cedict
    from ..chinese import ChineseLexicon
    from .senses import EnglishContext

MIN_NAME_SIMILARITY = 0.7
# tags of words that are no piece of a name: verbs, prepositions, conjunctions, particles, adverbs,
# pronouns, numerals, classifiers, places
_GRAMMAR_TAGS = ("v", "p", "c", "u", "d", "r", "m", "q", "f", "y")
_NAME_DOTS = ("·", "•", "‧", "・")
MAX_NAME_PIECE = 4   # characters of one word of a dotted name
_ADJECTIVE_ENDINGS = ("an", "ian", "ese", "i", "ish", "ic")
# grammar characters that jieba leaves in unknown words but no Chinese personal name is made of
_NOT_IN_NAMES = frozenset("的了是在有和与对为将被把从向于以及其所而也都就还这那之中到着过得地们给让应不无非各每该此并或即均须需仍亦")
_NO_ARTICLE_AFTER = frozenset("the this that these those a an its their his her our each every all".split())


# what CC-CEDICT says of a city or region, not a country (Nicosia, capital of Cyprus)
_TOWNS = ("capital", "city", "province", "county", "town", "prefecture", "district", "region")
# countries whose adjective adds -i (Israeli forces, Iraqi territory)
_I_ADJECTIVES = frozenset({"israel", "iraq", "pakistan", "yemen", "kuwait", "qatar", "bangladesh", "oman"})


def _regular_demonym(country: str) -> str:
    """The adjective of a one-word country by the regular rules: -ia adds -n (Syria -> Syrian, Russia
    -> Russian), and a few add -i (Israel -> Israeli); '' for the others (China, Canada: irregular)."""
    if country.endswith("ia") and len(country) >= 5:
        return country + "n"
    return country + "i" if country in _I_ADJECTIVES else ""


def _takes_article(name: str, evidence: Optional[bool]) -> bool:
    """Whether a capitalised name takes "the": as the document writes it where it writes it at least
    twice; else where its last word is the head of a body's or an instrument's name."""
    if evidence is not None:
        return evidence
    words = name.split()
    return len(words) >= 1 and words[-1] in INSTITUTIONS and not name.isupper()


class NameGloss:
    """Names and the document's forms of them, for a glosser (``lexicon``, ``cedict``, ``context``)."""

    lexicon: "ChineseLexicon"
    cedict: "Cedict"
    context: Optional["EnglishContext"]

    def _articles(self, words: list[dict]) -> None:
        """A name the English document writes after "the" takes it (the Secretariat, the General
        Assembly), unless a determiner or "the" is already there."""
        before = ""
        for w in words:
            g = w["gloss"]
            if not g:
                continue
            if (g[:1].isupper() and w["source"] in ("glossary", "dictionary", "document word")
                    and before.lower() not in _NO_ARTICLE_AFTER
                    and _takes_article(g, self.context.article_evidence(g))):
                w["gloss"] = "the " + g
            before = g.split()[-1]

    def _adverbs(self, words: list[dict]) -> None:
        """An adjective before a verb as the document's adverb of it (正式接受: formally accept, 直接协助:
        directly assist), where the English document writes that adverb."""
        tags = word_tags()
        for w, nxt in zip(words, words[1:]):
            g = w["gloss"]
            if (not g or not g.isalpha() or not g.islower() or w["source"] != "dictionary" or not nxt["gloss"]
                    or not tags.get(w["word"], "").startswith("a") or not tags.get(nxt["word"], "").startswith("v")):
                continue
            for adverb in (g + "ly", g[:-1] + "ily", g[:-1] + "y", g + "ally"):
                if adverb.endswith("ly") and adverb in self.context.vocabulary and adverb != g:
                    w["gloss"] = adverb
                    break

    def _adjectives(self, words: list[dict]) -> None:
        """A country before a noun as the document's adjective of it (叙利亚政府: Syrian Government,
        黎巴嫩领土: Lebanese territory), where the English document writes one."""
        tags = word_tags()
        for w, nxt in zip(words, words[1:]):
            name = w["gloss"]
            if (name and name.isalpha() and name.islower() and w["source"] == "dictionary" and nxt["gloss"]
                    and tags.get(w["word"], "").startswith("n") and tags.get(nxt["word"], "").startswith(("n", "vn"))):
                # a noun before a noun as the document's adjective of it (经济发展: economic development)
                low = name
                for adjective in (low + "al", low[:-1] + "al", low[:-1] + "ic", low[:-1] + "ical", low + "ic",
                                  low[:-1] + "ial"):
                    if adjective in self.context.vocabulary and adjective != low:
                        w["gloss"] = adjective
                        break
                continue
            # jieba tags some countries as person names (黎巴嫩 nr)
            if (not name or not name.isalpha() or not name[:1].isupper() or len(name) < 4
                    or not tags.get(w["word"], "").startswith(("ns", "nr"))
                    or not nxt["gloss"] or not tags.get(nxt["word"], "").startswith(("n", "vn"))):
                continue
            low = name.lower()
            stem = low[:max(4, len(low) - 2)]
            found = [written for cand, written in self.context.names_by_start.get(low[0], ())
                     if cand != low and cand.startswith(stem) and cand.endswith(_ADJECTIVE_ENDINGS)
                     and len(cand) <= len(low) + 4]
            if found:
                w["gloss"] = min(found, key=len)
            elif (self.context.article_evidence(name) is None and _regular_demonym(low)
                  and not any(place in sense for sense in self.cedict.lookup(w["word"]) for place in _TOWNS)):
                # a country the document names less than twice: its regular adjective (Syrian authorities)
                w["gloss"] = _regular_demonym(low).capitalize()

    def _dotted_names(self, tokens: list) -> dict[int, int]:
        """Foreign names written with a middle dot (马特·梅利, 穆罕默热·本·萨尔曼): first token -> last token.
        Each piece of the name is the word next to a dot, with the neighbours the dictionary does not
        know or that are no grammar words (说 "said" after a name is no part of it), up to 4 characters."""
        def extends(k: int, size: int) -> bool:
            word, tag = tokens[k][0], tokens[k][1]
            return (has_han(word) and size + len(word) <= MAX_NAME_PIECE and word not in _NAME_DOTS
                    and (not self.lexicon.has(word) or not tag.startswith(_GRAMMAR_TAGS)))

        def piece_after(k: int) -> int:
            """The last token of the piece that starts at k (k - 1 when there is none)."""
            if k >= len(tokens) or not has_han(tokens[k][0]) or len(tokens[k][0]) > MAX_NAME_PIECE:
                return k - 1
            size, last = len(tokens[k][0]), k
            while last + 1 < len(tokens) and extends(last + 1, size):
                last += 1
                size += len(tokens[last][0])
            return last

        out: dict[int, int] = {}
        k = 1
        while k < len(tokens):
            before = tokens[k - 1][0]
            if tokens[k][0] not in _NAME_DOTS or not has_han(before) or len(before) > MAX_NAME_PIECE:
                k += 1
                continue
            first, size = k - 1, len(before)
            while first > 0 and extends(first - 1, size):
                first -= 1
                size += len(tokens[first][0])
            last = k
            while last < len(tokens) and tokens[last][0] in _NAME_DOTS:
                end = piece_after(last + 1)
                if end <= last:
                    break
                last = end + 1
            if last - 1 > k:
                out[first] = last - 1
            k = last + 1
        return out

    def _dotted_name(self, tokens: list) -> str:
        names, piece = [], ""
        for word, *_ in tokens + [("·", "", 0, 0)]:
            if word in _NAME_DOTS:
                spellings = self._spellings(piece)
                found = self._document_name(piece, spellings) if spellings and self.context is not None else None
                names.append(found or (spellings[0].capitalize() if spellings else piece))
                piece = ""
            else:
                piece += word
        return " ".join(n for n in names if n)

    def _name(self, word: str) -> Optional[str]:
        """A personal or place name: as the English document spells it when a capitalised word there
        sounds like it, else a Chinese personal name in pinyin (surname first), else (three characters
        or more) a transliteration in pinyin."""
        spellings = self._spellings(word)
        if not spellings:
            return None
        if self.context is not None:
            found = self._document_name(word, spellings)
            if found:
                return found
        if any(ch in _NOT_IN_NAMES for ch in word):
            return None   # 中有 "among them there are", not a person
        surname = self.cedict.surnames.get(word[0])
        if surname and 2 <= len(word) <= 3:
            given = self._spellings(word[1:])
            if given:
                return f"{surname.capitalize()} {given[0].capitalize()}"
        return spellings[0].capitalize() if len(word) >= 3 else None

    def _spellings(self, word: str, limit: int = 8) -> list[str]:
        spellings = [""]
        for ch in word:
            # syllabic consonants (姆 m, 嗯 ng) are interjection readings, never a name's
            readings = sorted(self.cedict.readings.get(ch, ()), key=lambda r: not any(v in r for v in "aeiouv"))
            if not readings:
                return []
            spellings = [s + r for s in spellings for r in readings][:limit]
        return spellings

    def _document_name(self, word: str, spellings: list[str], fuzzy: bool = True) -> Optional[str]:
        names = self.context.names
        for s in spellings:
            if s in names:
                return names[s]
        # a name of two words, each written in the document (迪赛哈: Di Saiha, 王伯祥: Wang Boxiang or
        # Boxiang Wang), in the Chinese order
        for cut in range(1, min(len(word), 4)):
            left = [s for s in self._spellings(word[:cut]) if s in names]
            right = [s for s in self._spellings(word[cut:]) if s in names] if left else []
            if left and right:
                return f"{names[left[0]]} {names[right[0]]}"
        if len(word) < 3 or not fuzzy:   # two syllables sound like too many English words: only an exact spelling
            return None
        best, best_ratio = None, MIN_NAME_SIMILARITY
        size = len(spellings[0])
        for low, name in self.context.names_by_start.get(spellings[0][0], ()):
            if abs(len(low) - size) > max(3, size // 4):
                continue
            for spelling in spellings:
                matcher = SequenceMatcher(None, spelling, low)
                if matcher.real_quick_ratio() > best_ratio and matcher.quick_ratio() > best_ratio:
                    ratio = matcher.ratio()
                    if ratio > best_ratio:
                        best, best_ratio = name, ratio
        return best

    # -- terms spelt by one English word ------------------------------------------------------
