"""English order and number for numbered things in a gloss: 第3条 "article 3", 第2057(2012)号决议
"resolution 2057 (2012)", 70年来 "over the past 70 years", and the plural of what a number counts."""
from __future__ import annotations

from ..english import STOPWORDS
from ..numbers import MONTH_NAMES
from .phrase_words import OF, is_noun, tag_of

_NUMBERED = {"条": "article", "款": "paragraph", "段": "paragraph", "章": "chapter", "节": "section",
             "项": "item", "部分": "part", "卷": "volume", "编": "part"}
_IRREGULAR = {"person": "people", "child": "children", "foot": "feet", "tooth": "teeth", "mouse": "mice",
              "sheep": "sheep", "fish": "fish", "yuan": "yuan", "staff": "staff", "personnel": "personnel"}
_QUANTIFIERS = frozenset("many much more several some few all each every other".split())
_MANY = frozenset({"several", "a few", "many", "numerous", "various", "multiple"})


def numbered(words: list[dict]) -> list[dict]:
    """第3条 "article 3", 第154段 "paragraph 154": a numbered part of a text in the English order."""
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        after = [v["word"] for v in words[i + 1:i + 3]]
        if w["source"] == "number" and w["gloss"] and not w["word"].startswith("第") and after[:1] in (["年来"], ["年"]):
            # 70年来 "over the past 70 years", 2014年来 "since 2014"
            years = 1 if after[0] == "年来" else 2 if after[1:] == ["来"] else 0
            if years:
                out.append({**w, "gloss": f"over the past {w['gloss']} years"})
                out += [{**v, "gloss": None} for v in words[i + 1:i + 1 + years]]
                i += 1 + years
                continue
        if w["source"] == "number" and w["word"].endswith("年") and w["gloss"] and after[:1] == ["来"]:
            out.append({**w, "gloss": f"since {w['gloss']}"})
            out.append({**words[i + 1], "gloss": None})
            i += 2
            continue
        if (w["source"] == "number" and w["word"].startswith("第") and nxt is not None
                and nxt["word"] in _NUMBERED and w["gloss"]):
            number = w["word"][1:].strip()
            if number.isdigit():
                out.append({**nxt, "gloss": f"{_NUMBERED[nxt['word']]} {number}"})
                i += 2
                continue
        out.append(w)
        i += 1
    return out


def called(words: list[dict]) -> list[dict]:
    """第2057 (2012)、第2109 (2013)号决议 "resolution 2057 (2012), 2109 (2013)": the numbers before 号 name
    the thing after it, which English writes first, with the numbers as they are (no "2057th")."""
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w["word"] == "号" and nxt is not None and nxt["gloss"] and is_noun(nxt) and out:
            first = len(out)
            while first > 0 and _in_number_list(out[first - 1]):
                first -= 1
            # a date before the first 第 is no part of the list (十二月十日第217A(III)号决议)
            ordinal = next((k for k in range(first, len(out)) if out[k]["word"].startswith("第")), first)
            first = ordinal
            run = out[first:]
            if any(v["source"] == "number" for v in run) and run[0]["word"] not in ("和", "及", "、", ",", "/", ")"):
                for v in run:
                    if v["source"] == "number" and v["word"].startswith("第") and v["gloss"]:
                        v["gloss"] = v["gloss"].rstrip("stndrh") if v["gloss"][:1].isdigit() else v["gloss"]
                del out[first:]
                out.append({**nxt})
                out += run
                out.append({**w, "gloss": None})
                i += 2
                continue
        out.append(w)
        i += 1
    return out


def _in_number_list(word: dict) -> bool:
    """A piece of a list of numbers: a number, a bracket, a comma, "and", a letter (1576 (L))."""
    text = word["word"].strip()
    return (word["source"] == "number" or word["word"] == "第" or text in ("和", "及", "、", ",", "(", ")", "（", "）", "/")
            or (word["source"] == "as written" and text.isalnum() and len(text) <= 4))


# words after a counted noun that make it a time or place (三年内, 两年后): they take no plural
_LOCALIZERS = frozenset({"内", "之内", "后", "之后", "前", "之前", "以来", "期间", "时", "中", "上", "下", "里"})


def plural(noun: str) -> str:
    """The English plural of a one-word noun (person -> people, country -> countries, box -> boxes)."""
    low = noun.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("man"):
        return noun[:-3] + "men"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def plurals(words: list[dict]) -> None:
    """The noun a number above one counts is plural in English (70年 "70 years", 12000人 "12,000 people",
    20多万个蔬菜大棚 "more than 200,000 vegetable greenhouses": the last noun of the run after it)."""
    for k, a in enumerate(words):
        if a["gloss"] in _MANY:
            many = True   # 数架无人机 "several drones", 许多国家 "many countries"
        elif (a["source"] != "number" or a["word"].startswith("第") or not a["gloss"] or _is_date(a)
              or _year_range(words, k)):
            continue
        else:
            value = a["gloss"].replace(",", "").replace("more than ", "").split()[0]
            try:
                many = float(value) > 1 or len(a["gloss"].split()) > 1   # "5 million"
            except ValueError:
                continue
        last = None
        for b in words[k + 1:]:
            if not b["gloss"]:
                if b["word"] in OF:
                    break
                continue   # a classifier or 多 left out
            g = b["gloss"]
            if b["word"] in _LOCALIZERS:
                break   # 三年内: the years are counted, not "within" (within 3 years)
            if (b["source"] not in ("dictionary", "glossary") or not g.isalpha() or not g.islower()
                    or not tag_of(b).startswith(("n", "q", "m")) or g in _QUANTIFIERS or g in STOPWORDS):
                break
            last = b
        if many and last is not None and not last["gloss"].endswith("s"):
            last["gloss"] = plural(last["gloss"])


def _year_range(words: list[dict], k: int) -> bool:
    """The second year of a range (2016-2017 两年期 "the 2016-2017 biennium"): it counts nothing."""
    shown: list[dict] = []
    j = k - 1
    while j >= 0 and len(shown) < 2:
        if words[j]["gloss"]:
            shown.insert(0, words[j])
        j -= 1
    return (len(shown) == 2 and shown[1]["gloss"] in ("-", "–") and shown[0]["source"] == "number"
            and all(1900 <= int(g) <= 2100 for g in (shown[0]["gloss"], words[k]["gloss"]) if g.isdigit())
            and shown[0]["gloss"].isdigit() and words[k]["gloss"].isdigit())


def _is_date(word: dict) -> bool:
    """A date or a year (1948年十二月十日 "10 December 1948", 2015年 "2015") counts nothing after it."""
    gloss = word["gloss"] or ""
    return any(month in gloss for month in MONTH_NAMES) or (word["word"].endswith("年") and gloss.isdigit()
                                                           and len(gloss) == 4)
