"""The names check: an organisation, treaty or other name on one side whose known equivalent is absent
from the other side.

It reports only what it has evidence for. An English acronym (UNICEF, NPT) is a finding when a
Chinese form of it is known - the built-in or the user's glossary (儿童基金会 / UNICEF), the words of
data/names.tsv that imply one (中央 for CPC, 元 for RMB), and for those, CC-CEDICT's forms too - and neither that form nor the acronym's letters are in the Chinese. A Chinese name that the
glossary or CC-CEDICT renders with an acronym (世界卫生组织 / World Health Organization, WHO) missing in English
would be the mirror image, but English refers back to a name with a short form that is no rendering of
it ("the Council" for 安理会, "the Organization" for 联合国), so that direction is left to the coverage
findings. Latin letters written in the Chinese text (G20, APEC) that the
index knows must be in the English too, as letters or as a known expansion. An acronym nothing is known about
(a project code, a Roman numeral) is no evidence of anything and is never reported.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from ..dictionary.cedict import load_cedict
from ..represent.english import WORD, word_key
from ..represent.glossary import Glossary, load_glossary
from .pairs import AlignedPair, Mismatch

NAME_CONFIDENCE = 0.7
# below the default threshold (0.5): shown only to who asks for weak findings
WEAK_NAME_CONFIDENCE = 0.45
# kinds of organisation whose own names English news shortens to letters: 光大银行 "CEB", 招商银行 "CMB"
_LOCAL_NAME_HEADS = {"银行": "B", "集团": "G", "公司": "C", "大学": "U", "证券": "S", "基金": "F", "电视台": "TV"}
# UN-Women and UN-Habitat are names of their own, not the acronym UN
_ACRONYM = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]-)([A-Z][A-Z0-9]*[A-Z](?:[0-9]+)?|[A-Z][0-9]+)(?![A-Za-z])(?!-[A-Za-z])")
_ROMAN = re.compile(r"[IVXLC]+")
_LATIN_IN_ZH = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*[A-Z0-9](?![A-Za-z0-9])")
_ACRONYM_SENSE = re.compile(r"[A-Z][A-Z0-9]+(?:\s*\(.*\))?")
_MAX_SENSE_WORDS = 8          # CC-CEDICT senses longer than this are explanations, not names


def is_name_acronym(token: str) -> bool:
    """UNICEF, G20, P5; not a Roman numeral (II, XIV), which is a number."""
    return bool(_ACRONYM.fullmatch(token)) and not _ROMAN.fullmatch(token)


def _keys(text: str) -> tuple[str, ...]:
    return tuple(k for k in (_token(w) for w in WORD.findall(text)) if k)


def _token(word: str) -> str:
    return word if is_name_acronym(word) else word_key(word)


class NameIndex:
    """Acronym -> Chinese forms, and Chinese name -> English renderings, from a glossary and CC-CEDICT."""

    def __init__(self, glossary: Glossary) -> None:
        self.chinese_of: dict[str, set[str]] = {}
        self.english_of: dict[str, list[tuple[str, ...]]] = {}
        for term, renderings in glossary.terms.items():
            self._add(term, renderings)
        for acronym, forms in implied_forms().items():
            self.chinese_of.setdefault(acronym, set()).update(forms)
        # CC-CEDICT knows one sense of many acronyms (ABC: 美国广播公司, not the Agricultural Bank of China;
        # CEO: 总经理 only): it adds Chinese forms to acronyms the curated lists know, and is evidence that a
        # Chinese word renders an acronym, but alone it is too partial to report an acronym as missing
        curated = set(self.chinese_of)
        for term, senses in _cedict_names().items():
            if term not in glossary.terms:
                self._add(term, senses, only=curated)
        for term, acronym, expansion in _cedict_defined():
            if acronym in curated and term not in glossary.terms:
                self._add(term, [acronym, expansion], only=curated)

    def _add(self, term: str, renderings: Iterable[str], only: Optional[set[str]] = None) -> None:
        renderings = list(renderings)
        acronyms = {w for r in renderings for w in WORD.findall(r) if is_name_acronym(w)}
        if only is not None:
            acronyms &= only
        if not acronyms:
            return
        for a in acronyms:
            self.chinese_of.setdefault(a, set()).add(term)
        keys = [k for k in (_keys(r) for r in renderings) if k]
        self.english_of.setdefault(term, []).extend(k for k in keys if k not in self.english_of.get(term, []))


@lru_cache(maxsize=1)
def implied_forms() -> dict[str, tuple[str, ...]]:
    """data/names.tsv: Chinese words that imply an acronym without translating it (中央 for CPC, 元 for RMB)."""
    out: dict[str, tuple[str, ...]] = {}
    text = resources.files("transdiff").joinpath("data/names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            acronym, forms = line.split("\t")[:2]
            out[acronym] = tuple(f for f in forms.split("|") if f)
    return out


@lru_cache(maxsize=1)
def _cedict_names() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT words one of whose senses is an acronym or starts with one (儿童基金会: UNICEF (...))."""
    out: dict[str, tuple[str, ...]] = {}
    for term, senses in load_cedict().senses.items():
        if len(term) < 2:
            continue
        # the sense is the acronym, or the acronym and its expansion: "UNICEF (United Nations Children's Fund)"
        named = [s for s in senses if _ACRONYM_SENSE.fullmatch(s.strip())
                 and is_name_acronym(s.split()[0]) and len(s.split()[0]) >= 3]   # OK, IT, PC: too common
        if named:
            out[term] = tuple(s for s in senses if len(s.split()) <= _MAX_SENSE_WORDS)
    return out


_CEDICT_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/\s*$")
_ACRONYM_IN_BRACKETS = re.compile(r"\([A-Z][A-Z0-9]{2}")
_DEFINED_IN_SENSE = re.compile(r"([^/;()]{3,80}?)\s*\(([A-Z][A-Z0-9]{2,})\)")


@lru_cache(maxsize=1)
def _cedict_defined() -> tuple[tuple[str, str, str], ...]:
    """(word, acronym, expansion) where a CC-CEDICT sense spells the acronym out before it in brackets:
    世卫 "World Health Organization (WHO)", 全国人大 "National People's Congress (NPC)". The dictionary's
    reader drops brackets, which also hold usage labels ("Supreme People's Court (PRC)"): an acronym counts
    only when the words before it give its letters in order."""
    out = []
    with resources.files("transdiff").joinpath("data/cedict/cedict_ts.u8.gz").open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not _ACRONYM_IN_BRACKETS.search(line):
                continue
            entry = _CEDICT_ENTRY.match(line)
            if not entry or len(entry.group(1)) < 2:
                continue
            for m in _DEFINED_IN_SENSE.finditer(entry.group(2)):
                expansion, acronym = m.group(1).strip(), m.group(2)
                initials = "".join(w[0].upper() for w in WORD.findall(expansion))
                if is_name_acronym(acronym) and _subsequence(acronym, initials) and initials[:1] == acronym[:1]:
                    out.append((entry.group(1), acronym, expansion))
    return tuple(out)


_INDEXES: dict[str, NameIndex] = {}


def name_index(glossary: Optional[Glossary] = None) -> NameIndex:
    g = glossary if glossary is not None else load_glossary()
    hit = _INDEXES.get(g.digest)
    if hit is None:
        hit = _INDEXES[g.digest] = NameIndex(g)
    return hit


def _contains(keys: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(keys[i:i + n] == part for i in range(len(keys) - n + 1))


def _rendered(acronym: str, forms: Iterable[str], index: NameIndex, zh_keys: frozenset[str]) -> bool:
    """Does a Chinese word of the pair mean the acronym although it is none of its known forms? The
    dictionary glosses 工行 as ICBC; 首席执行官 as "chief executive officer", the expansion of CEO."""
    if acronym in zh_keys:
        return True
    for form in forms:
        for keys in index.english_of.get(form, ()):
            words = [k for k in keys if k != acronym and not is_name_acronym(k)]
            if len(words) >= 2 and all(k in zh_keys for k in words):
                return True
    return False


_DEFINITION_WORDS = 10       # words before "(CEB)" that may spell it out


def _defined_otherwise(acronym: str, forms: Iterable[str], index: NameIndex, en_text: str) -> bool:
    """Does the English spell the acronym out as another name than the one the index knows? "China Everbright
    Bank (CEB)" is no Chief Executives Board (CEB, 首协会): the text's own definition wins."""
    known = [[k for k in keys if not is_name_acronym(k)] for form in forms for keys in index.english_of.get(form, ())]
    known = [words for words in known if len(words) >= 2]
    if not known:
        return False
    for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)|\b{re.escape(acronym)}\s*\(([^()]{{3,80}})\)", en_text):
        spelled = m.group(1) if m.group(1) else " ".join(WORD.findall(en_text[:m.start()])[-_DEFINITION_WORDS:])
        words = set(_keys(spelled))
        initials = "".join(w[0] for w in WORD.findall(spelled) if w[0].isupper())
        # a definition: the capitalised words before "(CEB)" or inside "CEB (...)" give its letters in order
        if _subsequence(acronym.rstrip("0123456789"), initials) and not any(all(k in words for k in kw) for kw in known):
            return True
    return False


def _subsequence(letters: str, text: str) -> bool:
    it = iter(text)
    return len(letters) >= 2 and all(ch in it for ch in letters)


def name_mismatches(pair: AlignedPair, glossary: Optional[Glossary] = None) -> list[Mismatch]:
    index = name_index(glossary)
    zh_f, zh_text = pair.zh
    _, en_text = pair.en
    zh_lookup = "".join(u.text for f in zh_f for u in f.units) + "\0" + zh_text
    en_keys = _keys(en_text)
    en_letters = set(_ACRONYM.findall(en_text))
    en_squeezed = re.sub(r"[\s\-‐–]", "", en_text).lower()      # ATP500 = ATP 500, COVID19 = COVID-19

    zh_keys = frozenset().union(*(f.keyset for f in zh_f))
    en_missing = []
    for acronym in sorted(set(_ACRONYM.findall(en_text))):
        forms = index.chinese_of.get(acronym)
        if not forms or not is_name_acronym(acronym) or acronym in zh_text:
            continue
        if any(form in zh_lookup for form in forms) or _rendered(acronym, forms, index, zh_keys) \
                or _defined_otherwise(acronym, forms, index, en_text):
            continue
        en_missing.append(acronym)

    zh_missing = []
    for letters in sorted(set(_LATIN_IN_ZH.findall(zh_text))):
        if not is_name_acronym(letters) or letters in en_letters or letters not in index.chinese_of:
            continue     # CIB in the Chinese, "the Council" in the English: nothing says they differ
        expansions = [keys for term in index.chinese_of[letters] for keys in index.english_of.get(term, ())]
        if not any(_contains(en_keys, keys) for keys in expansions) and letters.lower() not in en_squeezed:
            zh_missing.append(letters)
    if not en_missing and not zh_missing:
        return []
    src, tgt = pair.by_side(zh_missing, en_missing)
    weak = not zh_missing and all(_may_name_a_local_body(a, zh_text) for a in en_missing)
    return [Mismatch("name", src, tgt, WEAK_NAME_CONFIDENCE if weak else NAME_CONFIDENCE)]


def _may_name_a_local_body(acronym: str, zh_text: str) -> bool:
    """Weak evidence: the acronym ends as the name of a bank, group, company, university ... that the Chinese
    names (CEB for 光大银行, China Everbright Bank, where the index knows CEB as the UN's Chief Executives
    Board): the letters may be that body's own short name, which no list of acronyms holds."""
    return any(acronym.endswith(letters) and head in zh_text for head, letters in _LOCAL_NAME_HEADS.items())
