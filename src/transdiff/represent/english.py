"""English word keys: lower-cased, spelling-normalised (British -> American), stemmed.

The same function turns CC-CEDICT glosses and the words of an English document into keys, so a gloss
"organization" and a document's "organisations" meet on one key.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")

# Function words and words so general that a match on them says nothing about translation.
STOPWORDS = frozenset(
    """a an the of to in on at by for from with without into onto upon over under about above below
    and or nor but yet so if then than as that this these those there here which who whom whose what
    when where why how whether while whereas although though because since until unless
    be am is are was were been being have has had having do does did done doing
    will would shall should may might must can could ought
    it its it's he him his she her hers they them their theirs we us our ours you your yours i me my mine
    not no any all each every both either neither some such same other another own
    one ones thing things something someone somebody way very also only even still too more most
    up down out off again further once s t etc e g i.e eg ie
    use used using make made get got give given take taken go went come came put set let
    oneself itself themselves ourselves himself herself yourself
    """.split()
)

# Spelling variants, applied to whole lower-case words before stemming.
_VARIANTS = (
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"is(e|es|ed|ing)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s?)$"), r"ter\1"),
    (re.compile(r"(?<=[a-z])ogue(s?)$"), r"og\1"),
    (re.compile(r"(?<=[a-z]{3})ence(s?)$"), r"ense\1"),
)
_KEEP_SPELLING = frozenset({"rise", "wise", "otherwise", "precise", "promise", "premise", "expertise", "exercise",
                            "advise", "surprise", "enterprise", "franchise", "compromise", "concise", "noise",
                            "praise", "raise", "cruise", "poise", "reprise", "chastise", "despise", "devise",
                            "revise", "supervise", "televise", "improvise", "comprise", "disguise", "merchandise",
                            "advertise", "hour", "four", "pour", "tour", "your", "sour", "flour", "science",
                            "sentence", "since", "hence", "fence", "pence", "silence", "once", "presence",
                            "evidence", "influence", "confidence", "conference", "difference", "experience",
                            "existence", "independence", "violence", "reference", "sequence", "audience"})


def _inflections(word: str) -> set[str]:
    stem = word[:-1] if word.endswith("e") else word
    return {word, word + "s", word + "d", word + "ed", stem + "es", stem + "ed", stem + "ing", stem + "er", stem + "ers"}


# the inflected forms too: "enterprises" and "raised" keep their spelling as "enterprise" and "raise" do
_KEEP_FORMS = frozenset(form for word in _KEEP_SPELLING for form in _inflections(word))

_IRREGULAR = {
    "men": "man", "women": "woman", "children": "child", "people": "person", "peoples": "person",
    "countries": "country", "states": "state", "bore": "bear", "born": "bear", "held": "hold",
    "took": "take", "gave": "give", "won": "win", "began": "begin", "begun": "begin", "led": "lead",
    "sought": "seek", "brought": "bring", "thought": "think", "fought": "fight", "built": "build",
    "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "chose": "choose",
    "chosen": "choose", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow",
    "grown": "grow", "knew": "know", "known": "know", "saw": "see", "seen": "see", "met": "meet",
    "kept": "keep", "left": "leave", "lost": "lose", "paid": "pay", "said": "say", "sold": "sell",
    "sent": "send", "stood": "stand", "understood": "understand", "felt": "feel", "found": "find",
    "heard": "hear", "meant": "mean", "laid": "lay", "lay": "lie", "dealt": "deal", "drew": "draw",
    "drawn": "draw", "ran": "run", "ate": "eat", "eaten": "eat", "better": "good", "best": "good",
    "worse": "bad", "worst": "bad", "further": "far", "greater": "great", "greatest": "great",
}

# Capitalised abbreviations of titles and company forms (Dr Wang, Huawei Co., Ltd.); lower-case "co" is
# the prefix of co-operation
_ABBREVIATIONS = {
    "dr": "doctor", "mr": "mister", "prof": "professor", "gov": "governor", "govt": "government",
    "sen": "senator", "gen": "general", "co": "company", "corp": "corporation", "ltd": "limited",
    "dept": "department", "univ": "university", "intl": "international", "assoc": "association",
}


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The matching key of one English word ('' for stopwords)."""
    low = word.lower().replace("\u2019", "'")
    if low in STOPWORDS:
        return ""
    if low[:1].isdigit():
        return low.replace(",", "")
    low = _IRREGULAR.get(low, low)
    if word[:1].isupper() and low in _ABBREVIATIONS:
        low = _ABBREVIATIONS[low]
    if low not in _KEEP_FORMS:
        for pattern, repl in _VARIANTS:
            new = pattern.sub(repl, low)
            if new != low:
                low = new
                break
    if low.endswith("'s"):
        low = low[:-2]
    if len(low) > 6 and low.endswith("ily"):
        low = low[:-3] + "y"   # arbitrarily -> arbitrary: the stemmer keeps them apart
    stem = _STEMMER.stemWord(low)
    return "" if stem in STOPWORDS else stem


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


# Adjectives of nationality the suffix rules below cannot undo
_DEMONYMS = {
    "chinese": ("china",), "japanese": ("japan",), "vietnamese": ("vietnam",), "portuguese": ("portugal",),
    "taiwanese": ("taiwan",), "lebanese": ("lebanon",), "burmese": ("burma",), "sudanese": ("sudan",), "nepalese": ("nepal",),
    "senegalese": ("senegal",), "british": ("britain",), "spanish": ("spain",), "turkish": ("turkey",), "polish": ("poland",),
    "danish": ("denmark",), "swedish": ("sweden",), "finnish": ("finland",), "irish": ("ireland",), "scottish": ("scotland",),
    "english": ("england",), "french": ("france",), "dutch": ("netherlands",), "greek": ("greece",), "swiss": ("switzerland",),
    "thai": ("thailand",), "welsh": ("wales",), "filipino": ("philippines",), "philippine": ("philippines",),
    "american": ("america", "USA"), "italian": ("italy",), "german": ("germany",), "canadian": ("canada",), "mexican": ("mexico",), "belgian": ("belgium",),
    "hungarian": ("hungary",), "sino": ("china",), "arab": ("arabia",), "peruvian": ("peru",), "norwegian": ("norway",),
}


def _country_forms(low: str) -> list[str]:
    """Country names a capitalised word may be the adjective of: Australian -> Australia, Brazilian ->
    Brazil, Israeli -> Israel. Wrong guesses ("Brazilia") cost nothing: they match no gloss."""
    if low.endswith("s") and low[:-1] in _DEMONYMS or low.endswith("ans"):
        low = low[:-1]   # Americans, Australians
    if low in _DEMONYMS:
        return list(_DEMONYMS[low])
    if low.endswith("ian"):
        return [low[:-1], low[:-3]]
    if low.endswith("an") and len(low) > 5:
        return [low[:-1], low[:-2]]
    if low.endswith("i") and len(low) > 4:
        return [low[:-1]]
    return []


def token_keys(word: str) -> frozenset[str]:
    """All keys a document word can match: its stem, an acronym as written (RATS is not 'rat'), for
    an adjective of nationality, the country (Australian -> australia), and for a hyphenated word, the
    keys of its parts (e-commerce -> commerce, as the gloss "e-commerce" has it)."""
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1:
            keys: set[str] = set()
            for part in parts:
                keys |= token_keys(part)
            return frozenset(keys)
    if is_acronym(word):
        key = word_key(word)
        return frozenset({word, key}) if key and len(word) > 3 else frozenset({word})
    key = word_key(word)
    if word[:1].isupper() and word[1:].islower():
        forms = _country_forms(word.lower())
        if forms:
            keys = {key} - {""}
            for form in forms:
                keys |= token_keys(form)
            return frozenset(keys)
    return frozenset({key}) if key else frozenset()


@lru_cache(maxsize=300_000)
def phrase_keys(phrase: str) -> frozenset[str]:
    """Keys of the content words of a gloss or glossary phrase."""
    keys: set[str] = set()
    for m in WORD.finditer(phrase):
        keys |= token_keys(m.group())
    return frozenset(keys)
