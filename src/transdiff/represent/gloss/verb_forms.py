"""English verb forms that a Chinese grammar word marks before its verb.

Chinese marks the passive, the completed act and the future with a word before the verb; a gloss that
shows that word's first sense reads wrongly (被监禁 "by imprison", 已任命 "already appoint"). Where the
verb follows the marker directly, the gloss says it the English way: 被 + V "be V-ed" (被监禁: be
imprisoned), 已/已经 + V "has V-ed" (已接受: has accepted; 已被任命: has been appointed), 正在 + V "is
V-ing" (before 的 "V-ing" alone), V + 了 "V-ed" (采取了: took). 将 before its object (将大炮对准: aim
the gun) only marks the grammar, like 把; before a verb it stays "will". 到 after a verb of perceiving
or knowing only says it was done (注意到 "take note of", not "take note of reach"); after another verb
and before a number it is "to" (增加到5% "increase to 5%"). Only verbs whose English form is safe to
build are changed: regular ones, and the irregular ones of short tables; display only.
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from .phrase_words import tag_of
from .senses import short_sense

# past participles of irregular verbs
_PARTICIPLES = {
    "be": "been", "have": "had", "do": "done", "make": "made", "take": "taken", "give": "given", "get": "got",
    "go": "gone", "come": "come", "become": "become", "see": "seen", "know": "known", "show": "shown",
    "grow": "grown", "hold": "held", "set": "set", "put": "put", "meet": "met", "build": "built",
    "begin": "begun", "choose": "chosen", "bring": "brought", "seek": "sought", "find": "found",
    "lead": "led", "send": "sent", "write": "written", "run": "run", "keep": "kept", "leave": "left",
    "pay": "paid", "say": "said", "tell": "told", "win": "won", "lose": "lost", "spend": "spent",
    "draw": "drawn", "break": "broken", "speak": "spoken", "undertake": "undertaken", "understand": "understood",
    "buy": "bought", "sell": "sold", "think": "thought", "teach": "taught", "catch": "caught", "fight": "fought",
    "feel": "felt", "hear": "heard", "lay": "laid", "mean": "meant", "read": "read", "rise": "risen",
    "arise": "arisen", "fall": "fallen", "forget": "forgotten", "drive": "driven", "eat": "eaten",
    "stand": "stood", "withdraw": "withdrawn", "overcome": "overcome", "cut": "cut", "let": "let", "shut": "shut",
    "hit": "hit", "cost": "cost", "spread": "spread", "sit": "sat", "commit": "committed", "submit": "submitted",
    "admit": "admitted", "permit": "permitted",
    "transfer": "transferred", "refer": "referred", "prefer": "preferred", "occur": "occurred",
    "control": "controlled", "omit": "omitted", "equip": "equipped", "compel": "compelled", "expel": "expelled",
    "regret": "regretted", "forbid": "forbidden", "incur": "incurred", "deter": "deterred", "patrol": "patrolled"}
_ING = {"be": "being", "see": "seeing", "begin": "beginning", "commit": "committing", "submit": "submitting",
        "admit": "admitting", "permit": "permitting", "transfer": "transferring", "refer": "referring",
        "occur": "occurring", "control": "controlling", "omit": "omitting", "equip": "equipping",
        "compel": "compelling", "regret": "regretting", "forbid": "forbidding", "incur": "incurring",
        "patrol": "patrolling"}
# past tenses that differ from the participle
_PAST = {"be": "was", "do": "did", "take": "took", "give": "gave", "go": "went", "come": "came", "become": "became",
         "see": "saw", "know": "knew", "show": "showed", "grow": "grew", "begin": "began", "choose": "chose",
         "write": "wrote", "run": "ran", "win": "won", "draw": "drew", "break": "broke", "speak": "spoke",
         "undertake": "undertook", "rise": "rose", "arise": "arose", "fall": "fell", "forget": "forgot",
         "drive": "drove", "eat": "ate", "withdraw": "withdrew", "overcome": "overcame", "forbid": "forbade"}
_VOWELS = "aeiou"
_PERFECT = frozenset({"已", "已经"})
_PASSIVE = frozenset({"被"})   # not 遭到, 受到: they are verbs too ("suffer", "receive")
_PROGRESSIVE = frozenset({"正在"})
# verbs of perceiving and knowing whose result 到 marks: said by the verb alone
_PERCEIVING = frozenset({"注意", "认识", "意识", "考虑", "想", "感", "感觉", "看", "听", "见", "察觉", "觉察", "体会",
                         "了解", "收", "遇", "找", "学", "做", "办", "提", "谈", "说", "认", "得"})


def _syllables(word: str) -> int:
    groups, before = 0, False
    for ch in word:
        vowel = ch in _VOWELS + "y"
        groups += vowel and not before
        before = vowel
    return groups


def _doubled(verb: str) -> str:
    """The stem an ending is added to: a verb of one syllable ending consonant-vowel-consonant doubles
    its consonant (stop -> stopp-), and so, in British spelling as UN texts write it, does a longer one
    ending in vowel-l (cancel -> cancell-); a longer one ending stressed (commit) is in the tables."""
    cvc = (len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy" and verb[-2] in _VOWELS
           and verb[-3] not in _VOWELS)
    if cvc and (_syllables(verb) == 1 or verb[-1] == "l"):
        return verb + verb[-1]
    return verb


def participle(verb: str) -> Optional[str]:
    """The past participle of a verb of one word (accept -> accepted, appoint -> appointed, take ->
    taken), or None where it is not safe to build."""
    low = verb.lower()
    if not low.isalpha():
        return None
    if low in _PARTICIPLES:
        return _PARTICIPLES[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and low[-2:-1] not in _VOWELS:
        return low[:-1] + "ied"
    return _doubled(low) + "ed"


def past(verb: str) -> Optional[str]:
    """The past tense of a verb of one word (accept -> accepted, take -> took), or None."""
    low = verb.lower()
    return _PAST[low] if low in _PAST else participle(verb)


def present_participle(verb: str) -> Optional[str]:
    """The -ing form of a verb of one word (incite -> inciting, carry -> carrying), or None."""
    low = verb.lower()
    if not low.isalpha():
        return None
    if low in _ING:
        return _ING[low]
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith("e") and not low.endswith(("ee", "ye", "oe")):
        return low[:-1] + "ing"
    return _doubled(low) + "ing"


def _inflected(gloss: str, form) -> Optional[str]:
    """The verb phrase with its first word in the form given (take note of -> taken note of)."""
    words = gloss.split()
    if words[0] == "to" and len(words) > 1:
        words = words[1:]
    if words[0].endswith(("ed", "ing")):
        return None   # already a form of the verb (the document's: adopted)
    first = form(words[0])
    return None if first is None else " ".join([first] + words[1:])


def verb_sense(senses: Sequence[str], shown: Optional[str], support: Callable[[str], float]) -> Optional[str]:
    """A word's sense as a verb where the grammar says a verb stands there (after 被, 已): the shown
    sense when CC-CEDICT lists it as a verb ("to ...") or it is a known first sense, else the verb
    sense the document supports best (确定 "definite" -> determine, 任命 "appointment" -> appoint);
    None for a word with no verb sense. ``senses``: the dictionary's, ``support``: the document's."""
    verbs = [short_sense(s) for s in senses if s.startswith("to ")]
    verbs = [v for v in verbs if v and len(v.split()) <= 3]
    if not verbs:
        return None
    if shown in verbs or shown not in {short_sense(s) for s in senses}:
        return shown   # a verb sense, or a known first sense (开展 "carry out")
    return max(verbs, key=lambda v: (support(v), -verbs.index(v)))


def verb_forms(words: list[dict], as_verb: Callable[[dict], Optional[str]]) -> None:
    """Change the marker's and the verb's glosses in place (the words after english_order).
    ``as_verb`` gives a word's verb sense (its shown sense when that is one), or None for no verb."""
    def verb(word: dict) -> Optional[str]:
        if not word["gloss"] or word["source"] != "dictionary" or not tag_of(word).startswith(("v", "n")):
            return None
        return as_verb(word)

    for k, w in enumerate(words):
        if w["word"] == "到" and k and words[k - 1]["gloss"] and tag_of(words[k - 1]).startswith("v"):
            after = words[k + 1] if k + 1 < len(words) else None
            if words[k - 1]["word"] in _PERCEIVING:
                w["gloss"] = None
            elif after is not None and after["source"] == "number":
                w["gloss"] = "to"
            continue
        if w["word"] == "了" and k and not w["gloss"]:
            # V了 "V-ed": the act is done (提供了报告: provided reports), where no marker before says more
            v = words[k - 1]
            before = words[k - 2]["word"] if k >= 2 else ""
            base = verb(v) if v["gloss"] and before not in _PERFECT | _PASSIVE | _PROGRESSIVE else None
            if base is not None and tag_of(v).startswith("v"):
                done = _inflected(base, past)
                if done is not None:
                    v["gloss"] = done
            continue
        if w["word"] not in _PERFECT | _PASSIVE | _PROGRESSIVE | {"将"} or not w["gloss"]:
            continue
        nxt = next((v for v in words[k + 1:k + 3] if v["gloss"]), None)
        if nxt is None:
            continue
        if w["word"] == "将":
            tag = tag_of(nxt)
            if tag.startswith(("n", "r", "m")) and not tag.startswith("nr") or nxt["source"] == "number":
                w["gloss"] = None   # 将大炮对准: the object comes first, as after 把
            continue
        if nxt["word"] in _PASSIVE and w["word"] in _PERFECT:
            after = next((v for v in words[words.index(nxt) + 1:][:2] if v["gloss"]), None)
            base = verb(after) if after is not None else None
            if base is not None:
                done = _inflected(base, participle)
                if done is not None:
                    w["gloss"], nxt["gloss"], after["gloss"] = "has", None, "been " + done
            continue
        base = verb(nxt)
        if base is None:
            continue
        if w["word"] in _PERFECT:
            done = _inflected(base, participle)
            if done is not None:
                w["gloss"], nxt["gloss"] = "has", done
        elif w["word"] in _PASSIVE:
            done = _inflected(base, participle)
            if done is not None:
                w["gloss"], nxt["gloss"] = "be", done
        else:
            doing = _inflected(base, present_participle)
            after = words[words.index(nxt) + 1] if words.index(nxt) + 1 < len(words) else None
            if doing is not None:   # 正在开展的努力 "carrying out efforts": no "is" before a 的
                w["gloss"], nxt["gloss"] = (None if after is not None and after["word"] == "的" else "is"), doing


_JOINING = frozenset({"并", "并且", "和", "及", "以及", "与"})


def coordinated_verbs(words: list[dict], senses_of: Callable[[str], Sequence[str]],
                      support: Callable[[str], float]) -> None:
    """A word joined to a following verb by 并, 和 or 及 is a verb too (通过并颁布 "adopt and proclaim",
    审查和批准 "review and approve"): where its shown sense is no verb, its verb sense the document
    supports best (in place; the words in Chinese order)."""
    for k in range(len(words) - 2):
        a, joint, v = words[k], words[k + 1], words[k + 2]
        if (joint["word"] not in _JOINING or not a["gloss"] or a["source"] != "dictionary" or not v["gloss"]
                or tag_of(v) != "v" or not tag_of(a).startswith(("v", "p"))):
            continue
        senses = senses_of(a["word"])
        if a["gloss"] in {short_sense(s) for s in senses if s.startswith("to ")}:
            continue   # a verb already
        verb = verb_sense(senses, None, support)
        if verb:
            a["gloss"] = verb
