"""CC-CEDICT, the vendored Chinese-English dictionary (CC BY-SA 4.0, see data/cedict/LICENSE-CC-CEDICT).

Parsed once per process from the gzip file shipped inside the package. The parsed form is kept in the
user's cache folder (dictionary/cache.py): reading it back takes a quarter of the parse.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Optional
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .cache import cache_file, read_marshal, write_marshal

_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_LABEL = re.compile(r"\([^)]*\)")
_SKIP_SENSE = re.compile(
    r"^(CL:|variant of|old variant of|see |see also|surname |used in |erhua variant|archaic variant|"
    r"Japanese variant|Korean variant|also written|also pr\.|pr\. |Taiwan pr\.|\[|abbr\. to)",
    re.IGNORECASE,
)
_HAN = re.compile("[\u4e00-\u9fff]")
_CROSS_REFERENCE = re.compile(r"[^\x00-\x7f]+(\|[^\x00-\x7f]+)?(\[[^\]]*\])?")
# "see 湖南省[Hu2 nan2 Sheng3]" or "see 開金|开金[kai1 jin1]": the simplified form of the word referred to
_SEE = re.compile(r"^(?:see|see also) ([^\x00-\x7f|\[/]+)(?:\|([^\x00-\x7f\[/]+))?\[")
_SYLLABLE = re.compile(r"^[a-z:]+[1-5]$")


@dataclass
class Cedict:
    """Senses by simplified headword, a character map from traditional to simplified script, and the
    toneless pinyin readings of single characters (for romanised names: 张伟明 -> Zhang Weiming)."""

    senses: dict[str, list[str]] = field(default_factory=dict)
    trad_chars: dict[str, str] = field(default_factory=dict)
    release: str = "unknown"
    entries: int = 0
    readings: dict[str, list[str]] = field(default_factory=dict)
    # words with several entries (更 geng1 "to change", geng4 "more"): (pinyin, end of its senses) per
    # entry in ``senses`` order, so a gloss can take its sense from one reading
    groups: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)   # character -> reading as a surname

    def lookup(self, word: str) -> list[str]:
        return self.senses.get(word, [])

    def __contains__(self, word: str) -> bool:
        return word in self.senses


def clean_senses(raw: str) -> list[str]:
    """Split a CEDICT gloss field into plain English senses, dropping labels and cross-references."""
    out: list[str] = []
    for sense in raw.split("/"):
        for part in sense.split(";"):
            if "(" in part:
                part = _LABEL.sub("", part)
            part = part.strip()
            if not part or _SKIP_SENSE.match(part):
                continue
            if _HAN.search(part):
                # cross-references such as "abbr. for 上海合作組織|上海合作组织[...]" carry no English
                part = _CROSS_REFERENCE.sub("", part).strip()
                if part.lower().startswith("abbr. for") or len(part) < 2:
                    continue
            out.append(part)
    return out


def _open_data():
    return resources.files("transdiff").joinpath("data/cedict/cedict_ts.u8.gz").open("rb")


@lru_cache(maxsize=1)
def load_cedict() -> Cedict:
    """The vendored CC-CEDICT release: from the cache folder when it holds this release parsed by this
    code, else parsed (about a second) and saved there; cached for the process."""
    with _open_data() as raw:
        data = raw.read()
    cache = _cache_file(data)
    dic = _read_cache(cache) if cache else None
    if dic is None:
        dic = parse_cedict(data)
        if cache:
            _write_cache(cache, dic)
    return dic


def _cache_file(data: bytes) -> Optional[Path]:
    return cache_file("cedict", [data], Path(__file__))


def _read_cache(path: Path) -> Optional[Cedict]:
    """The cached dictionary, or None when it is missing, unreadable or not what this code writes."""
    try:
        senses, trad_chars, release, entries, readings, groups, surnames = read_marshal(path)
    except (ValueError, TypeError):
        return None
    if not (isinstance(senses, dict) and isinstance(trad_chars, dict) and isinstance(release, str)
            and isinstance(entries, int) and isinstance(readings, dict) and isinstance(groups, dict)
            and isinstance(surnames, dict)):
        return None
    return Cedict(senses, trad_chars, release, entries, readings, groups, surnames)


def _write_cache(path: Path, dic: Cedict) -> None:
    write_marshal(path, (dic.senses, dic.trad_chars, dic.release, dic.entries, dic.readings, dic.groups,
                         dic.surnames))


def parse_cedict(data: bytes) -> Cedict:
    """Parse a gzip-compressed CC-CEDICT file."""
    dic = Cedict()
    trad_votes: dict[str, dict[str, int]] = {}
    references: dict[str, str] = {}
    for line in gzip.decompress(data).decode("utf-8").split("\n"):
        if line.startswith("#"):
            if line.startswith("#! date="):
                dic.release = line.strip()[8:18]
            continue
        m = _ENTRY.match(line)
        if not m:
            continue
        trad, simp, pinyin, glosses = m.groups()
        dic.entries += 1
        senses = clean_senses(glosses)
        if senses:
            known_senses = dic.senses.setdefault(simp, [])
            known_senses.extend(s for s in senses if s not in known_senses)
            dic.groups.setdefault(simp, []).append((pinyin, len(known_senses)))
        else:
            see = _SEE.match(glosses)
            if see:
                references.setdefault(simp, see.group(2) or see.group(1))
        if len(simp) == 1 and _SYLLABLE.match(pinyin.lower()):
            reading = pinyin.lower()[:-1]
            if pinyin[:1].isupper() and "/surname " in "/" + glosses:
                dic.surnames.setdefault(simp, reading.replace("u:", "u"))
            known = dic.readings.setdefault(simp, [])
            # u: is written u or v in romanised names (吕 Lu, Lv)
            for r in (reading.replace("u:", "u"), reading.replace("u:", "v")):
                if r not in known:
                    known.append(r)
        if trad != simp and len(trad) == len(simp):
            for t, s in zip(trad, simp):
                if t != s:
                    trad_votes.setdefault(t, {}).setdefault(s, 0)
                    trad_votes[t][s] += 1
    dic.groups = {word: parts for word, parts in dic.groups.items() if len(parts) > 1}
    # words defined only by a reference (湖南 "see 湖南省") take the senses of the word referred to
    for word, target in references.items():
        if word not in dic.senses and target in dic.senses:
            dic.senses[word] = list(dic.senses[target])
    # A traditional character maps to the simplified one it corresponds to most often; characters that
    # are also simplified forms themselves (e.g. 了/瞭 -> 了) stay as they are when they appear as a headword.
    simplified_chars = {ch for w in dic.senses for ch in w}
    for t, votes in trad_votes.items():
        best = max(votes.items(), key=lambda kv: kv[1])[0]
        if t in simplified_chars and votes.get(t, 0) >= votes[best]:
            continue
        dic.trad_chars[t] = best
    return dic


def to_simplified(text: str) -> str:
    """Character-by-character traditional -> simplified conversion (same length as the input)."""
    table = load_cedict().trad_chars
    return "".join(table.get(ch, ch) for ch in text)
