"""Term consistency: one Chinese term rendered in different ways across a document or a bilingual file.

For every Chinese word (jieba, with the glossary's terms kept whole) of two or more characters that
the glossary or CC-CEDICT knows and that occurs at least twice, each occurrence is looked up in the
English text aligned with it: the term's known renderings (glossary variants, CC-CEDICT senses) are
matched there as word sequences of matching keys (``word_key``: stems, British/American spelling), so
"organisation"/"Organizations" are one rendering and the text shown is the form most often written.

**Rule.** Renderings that are variants of each other are one *class*, and only terms whose occurrences
use two or more classes are reported. Two renderings are variants when one is the acronym of the
other (SCO / Shanghai Cooperation Organisation, UN / United Nations) or when one's words are a
contiguous part of the other's (Security Council / UN Security Council: a short form after the first
mention). So "United Nations" x5 and "UN" x3 is not reported (with ``include_variants`` it is, at
confidence 0.2); "Declaration" x4 and "Manifesto" x2 for 宣言 is.

The glossary is the authority on what is acceptable, so the confidence says how much a reviewer
should care: 0.9 when the term is a name (a glossary rendering is capitalised: organisations,
documents, initiatives), which must be rendered one way whatever the glossary allows; 0.7 when a
rendering used is not among the glossary's (a dictionary sense it does not sanction), or for a
dictionary word of three or more characters; 0.4 when the glossary lists every rendering used as an
alternative of a general word (各国: nations / States), and for two-character dictionary words, whose
senses often depend on context (国家: country / State / nation). The default threshold (0.5, as for
findings) shows the first two.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence

from ..dictionary.cedict import load_cedict
from ..represent.chinese import STOPWORDS as ZH_STOPWORDS
from ..represent.chinese import has_han
from ..represent.english import WORD, is_acronym, word_key
from ..represent.glossary import Glossary, load_glossary
from ..segment.zh import add_words, zh_words
from ..types import Document, Result
from .pairs import sentence_pairs

MIN_OCCURRENCES = 2
MAX_SENSES = 8
MAX_SENSE_WORDS = 5          # longer CC-CEDICT senses are explanations, not renderings
LINES_SHOWN = 10
_ARTICLES = frozenset({"=the", "=a", "=an"})
_BREAK = "\0"                # between two pieces of text: no rendering matches across it
CONFIDENCE_NAME, CONFIDENCE_TERM, CONFIDENCE_WORD, CONFIDENCE_VARIANT = 0.9, 0.7, 0.4, 0.2

Where = Callable[[int], Any]


@dataclass
class TermPair:
    """Aligned Chinese and English text: pieces of (text, offset), and where an offset is for people."""

    zh: list[tuple[str, int]]
    en: list[tuple[str, int]]
    zh_where: Where
    en_where: Where


@dataclass(frozen=True)
class Rendering:
    text: str
    keys: tuple[str, ...]
    origin: str                  # "glossary" or "cedict"


@dataclass
class _Use:
    keys: tuple[str, ...]
    origin: str
    forms: Counter = field(default_factory=Counter)
    where: list[Any] = field(default_factory=list)
    zh_where: list[Any] = field(default_factory=list)


def token_key(word: str) -> str:
    """A word's key in a rendering: acronyms as written, content words stemmed, function words literal."""
    if is_acronym(word):
        return word
    return word_key(word) or "=" + word.lower().replace("\u2019", "'")


def rendering_keys(text: str) -> tuple[str, ...]:
    keys = [token_key(m.group()) for m in WORD.finditer(text)]
    while len(keys) > 1 and keys[0] in _ARTICLES:
        keys.pop(0)
    return tuple(keys)


def known_renderings(term: str, glossary: Glossary) -> list[Rendering]:
    """Glossary variants first, then CC-CEDICT senses; one Rendering per distinct key sequence."""
    out: dict[tuple[str, ...], Rendering] = {}
    for text in glossary.renderings(term):
        keys = rendering_keys(text)
        if keys and keys not in out:
            out[keys] = Rendering(text, keys, "glossary")
    for sense in load_cedict().lookup(term)[:MAX_SENSES]:
        sense = sense[3:] if sense.startswith("to ") else sense
        keys = rendering_keys(sense)
        # function-word senses ("this", "so") would match nearly every sentence
        if not keys or len(keys) > MAX_SENSE_WORDS or all(k.startswith("=") for k in keys) or keys in out:
            continue
        out[keys] = Rendering(sense, keys, "cedict")
    return list(out.values())


def _is_acronym_of(short: tuple[str, ...], long_text: str) -> bool:
    if len(short) != 1 or not is_acronym(short[0]):
        return False
    initials = "".join(w[0] for w in WORD.findall(long_text) if word_key(w) and not w[0].isdigit())
    return len(initials) >= 2 and initials.upper() == short[0]


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    if len(short) >= len(long) or all(k.startswith("=") for k in short):
        return False
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def are_variants(a: tuple[str, ...], a_text: str, b: tuple[str, ...], b_text: str) -> bool:
    """True when two renderings are forms of one name: acronym and full form, or short and long form."""
    return (_is_acronym_of(a, b_text) or _is_acronym_of(b, a_text) or _contains(a, b) or _contains(b, a))


def _classes(uses: Sequence[_Use]) -> list[int]:
    """Class id of each use: connected components of the variant relation."""
    parent = list(range(len(uses)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    texts = [u.forms.most_common(1)[0][0] for u in uses]
    for i in range(len(uses)):
        for j in range(i + 1, len(uses)):
            if are_variants(uses[i].keys, texts[i], uses[j].keys, texts[j]):
                parent[find(j)] = find(i)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(uses))]


def _en_tokens(pair: TermPair) -> list[tuple[str, int, int, int]]:
    """(key, start offset, end offset, piece number) of the English words, pieces separated by a break."""
    tokens: list[tuple[str, int, int, int]] = []
    for number, (text, offset) in enumerate(pair.en):
        if tokens:
            tokens.append((_BREAK, 0, 0, -1))
        tokens.extend((token_key(m.group()), offset + m.start(), offset + m.end(), number)
                      for m in WORD.finditer(text))
    return tokens


def _matches(tokens: list[tuple[str, int, int, int]], index: dict[str, list[int]],
             renderings: Sequence[Rendering]) -> list[tuple[int, int, Rendering]]:
    """Non-overlapping (first token, end token, rendering) in text order; longer renderings win."""
    found = []
    for r in renderings:
        size = len(r.keys)
        for p in index.get(r.keys[0], ()):
            if tuple(t[0] for t in tokens[p:p + size]) == r.keys:
                found.append((p, p + size, r))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    chosen = []
    for first, end, r in found:
        if taken.isdisjoint(range(first, end)):
            taken.update(range(first, end))
            chosen.append((first, end, r))
    return sorted(chosen, key=lambda m: m[0])


def _confidence(term: str, glossary: Glossary, classes: int, used: Sequence[_Use]) -> float:
    if classes < 2:
        return CONFIDENCE_VARIANT
    names = glossary.renderings(term)
    if any(r[:1].isupper() for r in names):
        return CONFIDENCE_NAME
    if names:
        sanctioned = all(u.origin == "glossary" for u in used)
        return CONFIDENCE_WORD if sanctioned else CONFIDENCE_TERM
    return CONFIDENCE_TERM if len(term) >= 3 else CONFIDENCE_WORD


def term_consistency_pairs(pairs: Iterable[TermPair], glossary: Glossary, *, min_confidence: float = 0.5,
                           include_variants: bool = False, where_key: str = "lines") -> list[dict]:
    """Terms rendered in two or more ways over the aligned ``pairs`` (see the module doc for the rule).

    Each record: term, gloss, confidence, occurrences, unmatched (occurrences with no known rendering
    in the aligned English), variants_only, renderings [{text, count, forms, <where_key>,
    zh_<where_key>, origin, class}], most used first.
    """
    pairs = list(pairs)
    add_words(glossary.terms)
    cedict = load_cedict()
    known: dict[str, bool] = {}
    occurrences: list[list[tuple[str, int]]] = []
    counts: Counter[str] = Counter()
    for pair in pairs:
        found = []
        for text, offset in pair.zh:
            for word, start, _end in zh_words(text):
                if len(word) < 2 or word in ZH_STOPWORDS:
                    continue
                hit = known.get(word)
                if hit is None:
                    hit = known[word] = has_han(word) and bool(glossary.renderings(word) or cedict.lookup(word))
                if hit:
                    found.append((word, offset + start))
        occurrences.append(found)
        counts.update(w for w, _ in found)
    candidates = {t for t, n in counts.items() if n >= MIN_OCCURRENCES}
    renderings = {t: known_renderings(t, glossary) for t in candidates}
    uses: dict[str, dict[tuple[str, ...], _Use]] = {t: {} for t in candidates}
    unmatched: Counter[str] = Counter()
    for pair, found in zip(pairs, occurrences):
        by_term: dict[str, list[int]] = {}
        for word, offset in found:
            if word in candidates and renderings[word]:
                by_term.setdefault(word, []).append(offset)
        if not by_term:
            continue
        tokens = _en_tokens(pair)
        index: dict[str, list[int]] = {}
        for p, tok in enumerate(tokens):
            index.setdefault(tok[0], []).append(p)
        for term, zh_offsets in by_term.items():
            hits = _matches(tokens, index, renderings[term])
            unmatched[term] += max(0, len(zh_offsets) - len(hits))
            # the i-th occurrence in the Chinese is taken to be rendered by the i-th match in the English
            for zh_offset, (first, end, r) in zip(zh_offsets, hits):
                start, stop = tokens[first][1], tokens[end - 1][2]
                text, piece_offset = pair.en[tokens[first][3]]
                use = uses[term].setdefault(r.keys, _Use(r.keys, r.origin))
                use.forms[text[start - piece_offset:stop - piece_offset]] += 1
                use.where.append(pair.en_where(start))
                use.zh_where.append(pair.zh_where(zh_offset))
    out = []
    for term in candidates:
        used = sorted(uses[term].values(), key=lambda u: -sum(u.forms.values()))
        if len(used) < 2:
            continue
        classes = _classes(used)
        n_classes = len(set(classes))
        confidence = _confidence(term, glossary, n_classes, used)
        if (n_classes < 2 and not include_variants) or confidence < min_confidence:
            continue
        names = glossary.renderings(term)
        senses = cedict.lookup(term)
        out.append({
            "term": term, "gloss": names[0] if names else (senses[0] if senses else None),
            "confidence": confidence, "occurrences": counts[term], "unmatched": unmatched[term],
            "variants_only": n_classes < 2,
            "renderings": [{"text": u.forms.most_common(1)[0][0], "count": sum(u.forms.values()),
                            "forms": sorted(u.forms), where_key: _unique(u.where),
                            f"zh_{where_key}": _unique(u.zh_where), "origin": u.origin, "class": c}
                           for u, c in zip(used, classes)],
        })
    out.sort(key=lambda d: (-d["confidence"], -d["occurrences"], d["term"]))
    return out


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def render_terms_text(terms: Sequence[dict], *, where_key: str = "lines") -> str:
    """The "Term consistency" section of a text report ('' when there is nothing to report)."""
    if not terms:
        return ""
    label = "line" if where_key == "lines" else "unit"
    lines = [f"Term consistency: {len(terms)} term{'s' if len(terms) != 1 else ''} rendered in different ways"]
    for t in terms:
        gloss = f" ({t['gloss']})" if t.get("gloss") else ""
        note = ", variants of one name" if t.get("variants_only") else ""
        lines.append(f"  {t['term']}{gloss}: {t['occurrences']} occurrences, confidence {t['confidence']:.2f}{note}")
        for r in t["renderings"]:
            where = [str(w) for w in r[where_key][:LINES_SHOWN]]
            more = ", ..." if len(r[where_key]) > LINES_SHOWN else ""
            plural = "s" if len(r[where_key]) != 1 else ""
            lines.append(f"    \"{r['text']}\" x{r['count']} ({label}{plural} {', '.join(where)}{more})")
        if t.get("unmatched"):
            lines.append(f"    no known rendering found x{t['unmatched']}")
    return "\n".join(lines) + "\n"


def term_consistency(result: Result, *, glossary: Optional[Glossary] = None,
                     min_confidence: Optional[float] = None, include_variants: bool = False) -> list[dict]:
    """Chinese terms (occurring >= 2 times) rendered in different ways across the document.

    Each occurrence is looked up in the aligned English sentence; see ``term_consistency_pairs`` for the rule on
    what counts as a different rendering and docs/formats.md for the output.
    """
    zh_is_source = result.source.lang == "zh"
    zh_doc, en_doc = (result.source, result.target) if zh_is_source else (result.target, result.source)
    al = result.alignment
    zh_segs, en_segs = (al.source, al.target) if zh_is_source else (al.target, al.source)
    pairs = []
    for p in sentence_pairs(result):
        zh_ids, en_ids = (p.source, p.target) if zh_is_source else (p.target, p.source)
        if zh_ids and en_ids:
            pairs.append(TermPair(
                [(zh_doc.lookup[zh_segs[i].nstart:zh_segs[i].nend], zh_segs[i].nstart) for i in zh_ids],
                [(en_doc.norm[en_segs[j].nstart:en_segs[j].nend], en_segs[j].nstart) for j in en_ids],
                _line_locator(zh_doc), _line_locator(en_doc)))
    threshold = float(result.signature.get("min_confidence", 0.5)) if min_confidence is None else min_confidence
    return term_consistency_pairs(pairs, glossary or load_glossary(), min_confidence=threshold,
                                  include_variants=include_variants)


def _line_locator(doc: Document) -> Callable[[int], int]:
    return lambda norm_offset: doc.line_of(doc.norm_to_text[norm_offset])


__all__ = ["Rendering", "TermPair", "are_variants", "known_renderings", "render_terms_text", "rendering_keys",
           "term_consistency_pairs", "token_key"]
