"""Light reordering of a word-by-word gloss into English order, where the Chinese grammar says it.

Chinese puts the place, time or topic words after what they govern (在法规方面 "on regulations",
2014年以来 "since 2014", 开幕式之后 "after the opening ceremony") and the possessor before the thing
(欧洲联盟的合作 "cooperation of the European Union"). A gloss in Chinese order reads backwards there.
The rules are conservative: a circumposition only between a preposition and its closing word a few
words later with no punctuation between; a postposition alone only after a date, a number or one
noun; X的Y only between short runs of nouns. Light verbs (进行, 予以, 加以) before a verb are left out,
as English says the verb alone. Display only: the words' own glosses and spans are not changed.
"""
from __future__ import annotations

from typing import Optional

from .phrase_numbers import called, numbered, plurals
from .phrase_words import NOUN_SOURCES, OF, is_break, is_noun, is_unit, noun_run, tag_of

MAX_INSIDE = 6      # words between a preposition and its closing word
MAX_NOUNS = 3       # words of each side of X的Y

# closing words of a circumposition (在 X 方面) and the English preposition they make
_CLOSING = {"方面": "in", "上": "on", "中": "in", "之中": "in", "里": "in", "下": "under", "期间": "during",
            "时": "when", "时候": "when", "之际": "when", "内": "within", "之内": "within", "之间": "between",
            "后": "after", "之后": "after", "以后": "after", "前": "before", "之前": "before", "以前": "before",
            "以来": "since", "外": "outside", "之外": "outside", "起": "from", "来说": "for", "而言": "for",
            "以西": "west of", "以东": "east of", "以南": "south of", "以北": "north of"}
# the preposition a circumposition opens with; its own gloss gives way to the closing word's
_OPENING = frozenset({"在", "于", "从", "自", "自从", "当", "对", "对于", "就"})
# prepositions whose meaning wins over the closing word's (从 X 起 "from X", 从 X 以来 "since X")
_OPENING_SAYS = {("从", "起"): "from", ("自", "起"): "from", ("从", "中"): "from", ("从", "上"): "from",
                 ("对", "来说"): "for", ("对于", "来说"): "for", ("对", "而言"): "for", ("对于", "而言"): "for",
                 ("就", "而言"): "as for"}
# closing words that need no opening preposition after a date or number (2014年以来, 三年后) or one
# noun (开幕式之后): two-character ones only, which are never part of a noun
_ALONE = frozenset({"以来", "之后", "以后", "之前", "以前", "期间", "之际", "以西", "以东", "以南", "以北"})
_ALONE_AFTER_NUMBER = _ALONE | {"后", "前", "时", "起", "内", "之内"}
# verbs whose verb complement English writes as an infinitive with "to" (not the modals: must, should, can)
_CONTROL_VERBS = frozenset({"决定", "继续", "开始", "同意", "希望", "要求", "请", "呼吁", "鼓励", "敦促", "帮助",
                            "准备", "打算", "计划", "旨在", "设法", "试图", "力求", "努力", "愿意", "承诺", "邀请",
                            "授权", "促请", "吁请", "请求", "需要", "允许", "着手", "争取", "选择", "拒绝", "未能"})
_POSSESSIVE = {"我": "my", "我们": "our", "你": "your", "你们": "your", "他": "his", "她": "her", "它": "its",
               "他们": "their", "她们": "their", "它们": "their", "咱们": "our"}
_DIRECTIONS = frozenset({"起来", "下来", "下去", "出来", "上来", "过来", "起"})
_WITH = frozenset({"与", "同", "跟"})     # 与X有关的Y (not 和: "and" as often)
_RELATED = frozenset({"有关", "相关"})
_TOPIC = {"关于": "on", "对": "of", "对于": "of", "有关": "on"}
_DETERMINED = frozenset("the this that these those a an its their his her our my your each every".split())
_LIGHT_VERBS = frozenset({"进行", "予以", "加以", "给予", "作出", "做出"})
_PURPOSE = frozenset({"为", "以便", "以期"})   # before a verb: "to" (in order to)


def english_order(words: list[dict]) -> list[dict]:
    """The words to show, in English order where a rule applies (copies where a gloss changes; the
    list given is not changed)."""
    out = [dict(w) for w in words]
    out = _light_verbs(out)
    out = numbered(out)
    out = called(out)
    plurals(out)
    _roles(out)
    _infinitives(out)
    out = _circumpositions(out)
    out = _topics(out)
    out = _related(out)
    out = _possessives(out)
    _lists(out)
    _superlatives(out)
    _definite(out)
    return out


# one-syllable adjectives whose superlative English forms with -est (最低 "the lowest", not "most low")
_SUPERLATIVES = {"low": "lowest", "high": "highest", "large": "largest", "big": "biggest", "small": "smallest",
                 "great": "greatest", "few": "fewest", "poor": "poorest", "rich": "richest", "new": "newest",
                 "old": "oldest", "long": "longest", "short": "shortest", "fast": "fastest", "strong": "strongest",
                 "weak": "weakest", "close": "closest", "near": "nearest", "late": "latest", "early": "earliest",
                 "good": "best", "bad": "worst", "many": "most", "much": "most", "tall": "tallest", "young": "youngest"}


def _superlatives(words: list[dict]) -> None:
    """最 + a short adjective is its -est form, with "the" (最低记录 "the lowest record"), unless a
    determiner or possessive is already there; 最 + a longer one stays "the most X" (_definite)."""
    before = ""
    for k, w in enumerate(words):
        g = w["gloss"]
        if not g:
            continue
        adjective = None
        if g.startswith("the most "):
            g = g[4:]   # the Y of X put "the" there already
            before = "the"
        if g.startswith("most ") and g[5:] in _SUPERLATIVES and w["word"].startswith("最"):
            w["gloss"], adjective = g, w   # 最低 glossed by its parts: "most low"
        elif w["word"] == "最" and g == "most":
            nxt = next((v for v in words[k + 1:] if v["gloss"]), None)
            if nxt is not None and nxt["gloss"] in _SUPERLATIVES and tag_of(nxt).startswith("a"):
                w["gloss"], adjective = None, nxt
                adjective["gloss"] = "most " + adjective["gloss"]
        if adjective is not None:
            shown = _SUPERLATIVES[adjective["gloss"][5:]]
            adjective["gloss"] = shown if before.lower() in _DETERMINED and before != "the" else "the " + shown
            before = shown
            continue
        before = w["gloss"].split()[-1]


def _definite(words: list[dict]) -> None:
    """English puts "the" before an ordinal or a superlative with its noun (the 58th session, the most
    important question), unless a determiner or possessive is already there."""
    before = ""
    for k, w in enumerate(words):
        g = w["gloss"]
        if not g:
            continue
        nxt = next((v for v in words[k + 1:] if v["gloss"]), None)
        ordinal = (w["source"] == "number" and w["word"].startswith("第") and g[:1].isdigit()
                   and g.endswith(("st", "nd", "rd", "th")) and nxt is not None and is_noun(nxt))
        superlative = (w["word"] == "最" and g == "most" and nxt is not None and tag_of(nxt).startswith("a"))
        if (ordinal or superlative) and before.lower() not in _DETERMINED:
            w["gloss"] = "the " + g
        before = g.split()[-1]


def _lists(words: list[dict]) -> None:
    """A list written A、B、C says "A, B and C": the last 、 of a list of three items or more, when no
    和 or 及 follows it before the list ends (更多、更灵活的资金 stays "more, more flexible funding")."""
    last, seen = None, 0
    for k, w in enumerate(words + [None]):
        if w is not None and w["word"] == "、":
            last, seen = k, seen + 1
            continue
        if w is None or is_break(w) or w["word"] in ("和", "与", "及", "以及", "或"):
            if last is not None and seen >= 2 and (w is None or is_break(w)):
                words[last] = {**words[last], "gloss": "and"}
            last, seen = None, 0


def _light_verbs(words: list[dict]) -> list[dict]:
    """进行审查 "review", not "carry out review": a light verb before a verb says nothing more; nor does
    a direction after a verb (动员起来 "mobilize", not "mobilize stand up"); 第58届会议 is one "session"."""
    for a, b in zip(words, words[1:]):
        if a["word"] in _LIGHT_VERBS and b["gloss"] and tag_of(b).startswith("v"):
            a["gloss"] = None
        elif (b["word"] in _DIRECTIONS and a["gloss"] and a["source"] == "dictionary" and a["word"] not in _DIRECTIONS
              and tag_of(a).startswith(("v", "n", "a"))):   # jieba tags some verbs as nouns (动员 n)
            b["gloss"] = None
        elif a["word"] == "届" and b["word"] == "会议" and a["gloss"]:
            a["gloss"], b["gloss"] = None, "session"
    return words


def _infinitives(words: list[dict]) -> None:
    """The verb a verb of wanting, asking or deciding governs is an English infinitive: 决定设立 "decide
    to establish", 敦促当局采取 "urge authorities to take" (its object, nouns only, may come between)."""
    for k, w in enumerate(words):
        if w["word"] not in _CONTROL_VERBS or not w["gloss"] or w["gloss"] == "please":
            continue
        for j in range(k + 1, min(len(words), k + 5)):
            v = words[j]
            if not v["gloss"]:
                continue
            tag = tag_of(v)
            if tag == "v" and v["word"] not in _CONTROL_VERBS and not v["gloss"].startswith("to "):
                v["gloss"] = "to " + v["gloss"]
                break
            if is_break(v) or not (tag.startswith(("n", "r")) or v["source"] in NOUN_SOURCES):
                break


def _roles(words: list[dict]) -> None:
    """Words whose part in the sentence decides their sense: 以 before a verb is "to" (以促进发展 "to
    promote development"), and so are 为 and 以便 before a verb (not a verb-noun: 为发展 "for development");
    到 before a year is "by" (到2030年 "by 2030"), after 从 and before a number "to"; 通过 at the end of
    its clause is the verb "adopt", not "through"; 把 and 将 before the object, and 所 before a verb, only
    mark the grammar."""
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        verb_next = nxt is not None and nxt["gloss"] and tag_of(nxt).startswith("v")
        if w["word"] == "以" and verb_next:
            w["gloss"] = "to"
        elif w["word"] == "到" and nxt is not None and nxt["source"] == "number" and _from_before(words, k):
            w["gloss"] = "to"   # 从2009年到2011年 "from 2009 to 2011"
        elif w["word"] == "到" and nxt is not None and _is_year(nxt):
            w["gloss"] = "by"   # 到2030年 "by 2030"
        elif w["word"] == "请" and verb_next and tag_of(nxt) == "v":
            w["gloss"] = "please"   # 请指出 "please indicate" (请秘书长提交 "requests the Secretary-General to")
        elif w["word"] in _PURPOSE and verb_next and tag_of(nxt) == "v":
            w["gloss"] = "to"   # 以便准备 "to prepare", 为实施公约 "to implement the Convention"
        elif w["word"] == "通过" and (nxt is None or is_break(nxt) or nxt["word"] in ("了", "的")
                                    or _verbs_joined(words, k)):
            w["gloss"] = "adopt"
        elif (w["word"] == "把" and nxt is not None and tag_of(nxt).startswith(("n", "r"))) or (
                w["word"] == "所" and verb_next):
            w["gloss"] = None


def _is_year(word: dict) -> bool:
    g = word["gloss"] or ""
    return word["source"] == "number" and word["word"].endswith("年") and g.isdigit() and len(g) == 4


def _from_before(words: list[dict], k: int) -> bool:
    """Whether a 从 or 自 opens the clause before the word at ``k`` (从X到Y: from X to Y)."""
    for j in range(k - 1, -1, -1):
        if is_break(words[j]):
            return False
        if words[j]["word"] in ("从", "自", "自从", "由"):
            return True
    return False


def _verbs_joined(words: list[dict], k: int) -> bool:
    """Whether the word at ``k`` is joined to a following verb by 并/和/及 (通过并颁布 "adopt and proclaim"):
    a word coordinated with a verb is a verb itself."""
    if k + 2 >= len(words) or words[k + 1]["word"] not in ("并", "并且", "和", "及"):
        return False
    return tag_of(words[k + 2]).startswith("v")


def _closing_at(words: list[dict], start: int) -> Optional[int]:
    """The index of the closing word of a circumposition opened at ``start``."""
    for k in range(start + 2, min(len(words), start + MAX_INSIDE + 2)):
        w = words[k]
        if is_break(w) or w["word"] in _OPENING:
            return None
        if w["word"] in _CLOSING:
            return k
    return None


def _circumpositions(words: list[dict]) -> list[dict]:
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w["word"] in _OPENING:
            k = _closing_at(words, i)
            if k is not None:
                closing = words[k]["word"]
                prep = _OPENING_SAYS.get((w["word"], closing)) or _CLOSING[closing]
                if w["word"] in ("从", "自", "自从") and closing == "以来":
                    prep = "since"
                out.append({**w, "gloss": prep})
                out += words[i + 1:k]
                out.append({**words[k], "gloss": None})
                i = k + 1
                continue
        counted = [v for v in out[-2:] if v["gloss"]]   # 两年后: 2 years after
        counted = counted if len(counted) == 2 and counted[0]["source"] == "number" and is_unit(counted[1]) else []
        if w["word"] in _ALONE_AFTER_NUMBER and out and out[-1]["gloss"] and (
                out[-1]["source"] == "number" or counted or (w["word"] in _ALONE and is_noun(out[-1]))):
            moved = len(out) - out.index(counted[0]) if counted else 1
            before = out[-moved:]
            del out[-moved:]
            out.append({**w, "gloss": _CLOSING[w["word"]]})
            out += before
            i += 1
            continue
        out.append(w)
        i += 1
    return out


def _topics(words: list[dict]) -> list[dict]:
    """关于X的Y "Y on X" (关于本决议执行情况的报告: report on this resolution implementation), 对X的Y
    "Y of X" (对叙利亚领土的占领: occupation of Syrian territory): the noun the phrase describes first."""
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w["word"] in _TOPIC:
            de = next((k for k in range(i + 2, min(len(words), i + MAX_INSIDE + 2))
                       if words[k]["word"] in OF or is_break(words[k]) or words[k]["word"] in _TOPIC), None)
            if de is not None and words[de]["word"] in OF and not (de == i + 2 and words[i + 1]["word"] in _POSSESSIVE):
                right = noun_run(words, de + 1, MAX_NOUNS)
                after = words[de + 1 + right] if de + 1 + right < len(words) else None
                if not right and after is not None and after["gloss"] and tag_of(after).startswith("v"):
                    # after 的 a verb is the name of its act (对领土的占领: occupation), when the phrase ends there
                    end = words[de + 2] if de + 2 < len(words) else None
                    if end is None or is_break(end):
                        right, after = 1, end
                if right and (after is None or after["word"] not in OF):
                    out += words[de + 1:de + 1 + right]
                    out.append({**w, "gloss": _TOPIC[w["word"]]})
                    out += words[i + 1:de]
                    out.append({**words[de], "gloss": None})
                    i = de + 1 + right
                    continue
        out.append(w)
        i += 1
    return out


def _related(words: list[dict]) -> list[dict]:
    """与X有关的Y "Y related to X" (与保障监督有关的资料: information related to safeguards): the noun
    the phrase describes first, where X is short and Y a short run of nouns."""
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w["word"] in _WITH:
            k = next((j for j in range(i + 2, min(len(words), i + MAX_INSIDE + 2))
                      if words[j]["word"] in _RELATED or is_break(words[j]) or words[j]["word"] in OF), None)
            if k is not None and words[k]["word"] in _RELATED and k + 1 < len(words) and words[k + 1]["word"] in OF:
                right = noun_run(words, k + 2, MAX_NOUNS)
                after = words[k + 2 + right] if k + 2 + right < len(words) else None
                if right and (after is None or not is_noun(after)):
                    out += words[k + 2:k + 2 + right]
                    out.append({**words[k], "gloss": "related to"})
                    out += [{**w, "gloss": None}] + words[i + 1:k] + [{**words[k + 1], "gloss": None}]
                    i = k + 2 + right
                    continue
        out.append(w)
        i += 1
    return out


def _possessives(words: list[dict]) -> list[dict]:
    """X的Y -> "Y of X" where X and Y are short runs of nouns (欧洲联盟的合作: cooperation of the
    European Union); an adjective or verb before 的 stays where it is (更灵活的资金: more flexible funding)."""
    out: list[dict] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w["word"] in OF and out and out[-1]["word"] in _POSSESSIVE:
            # 他们的 "their"
            out[-1] = {**out[-1], "gloss": _POSSESSIVE[out[-1]["word"]]}
            out.append(w)
            i += 1
            continue
        if w["word"] in OF and out and i + 1 < len(words):
            left = 0
            while left < min(MAX_NOUNS, len(out)) and is_noun(out[-1 - left]):
                left += 1
            right = noun_run(words, i + 1, MAX_NOUNS)
            # the run must be whole: a noun run that goes on past the limit is no short noun phrase,
            # and a verb or a 的 just before X makes X a clause (执行公约遇到的困难)
            before = out[-1 - left] if left < len(out) else None
            after = words[i + 1 + right] if i + 1 + right < len(words) else None
            whole = (before is None or not _joins(before)) and (after is None or after["word"] not in OF)
            if left and right and whole and left == 1 and _is_name(out[-1]):
                # 汤加的议会: Tonga's parliament
                out[-1] = {**out[-1], "gloss": out[-1]["gloss"] + "'s"}
                out.append({**w, "gloss": None})
                i += 1
                continue
            if left and right and whole:
                x = out[len(out) - left:]
                del out[len(out) - left:]
                y = [dict(v) for v in words[i + 1:i + 1 + right]]
                if not y[0]["gloss"][:1].isupper():
                    y[0]["gloss"] = "the " + y[0]["gloss"]   # the Y of X: a Y the X defines
                out += y
                out.append({**w, "gloss": "of"})
                out += x
                i += 1 + right
                continue
        out.append(w)
        i += 1
    return out


def _is_name(word: dict) -> bool:
    """A one-word capitalised name (Tonga, Trudeau), not an institution of several words."""
    g = word["gloss"] or ""
    return g[:1].isupper() and g.isalpha() and not g.isupper()


def _joins(word: dict) -> bool:
    """A word before X that would make X part of something longer: a verb, a 的, a noun past the limit."""
    tag = tag_of(word)
    return word["word"] in OF or tag.startswith(("v", "n", "a")) or word["source"] in NOUN_SOURCES
