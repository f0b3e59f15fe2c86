"""``transdiff diff``: two versions of a document in one language, sentence by sentence.

1. Both versions are cut into sentences. Identical sentences (whitespace aside) anchor the
   alignment (difflib over the sentence sequence); between anchors a monotone dynamic programme pairs
   sentences 1-1, 1-2 or 2-1 (a sentence split or joined) by character n-gram similarity.
2. A sentence deleted in one place and inserted elsewhere with a similar text is reported once, as
   ``moved``, with both positions.
3. Each pair gets a word-level diff (diff-match-patch over words mapped to characters) and chrF,
   BLEU and TER scores from sacrebleu (version A is the reference, version B the hypothesis).

Determinism: diff-match-patch stops at ``Diff_Timeout`` seconds and then returns a coarser diff, so
with a time-out the output would depend on the machine's speed and load. We set it to 0 (no limit)
and keep every diff to one sentence pair, where the O(N*D) algorithm is fast anyway.
"""
from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, Optional, Sequence, Union

from ..errors import LanguageError
from ..types import Document, Segment

ItemKind = Literal["unchanged", "changed", "moved", "deleted", "inserted"]
ITEM_KINDS: tuple[str, ...] = ("changed", "moved", "deleted", "inserted", "unchanged")
WordOp = tuple[str, str]  # ("=" | "-" | "+", text)

# Pair similarity: idf-weighted Jaccard of character n-grams. Two human translations of the same
# English sentence score ~0.3 (5th percentile 0.14), unrelated sentences below 0.12 (99th pct).
MIN_PAIR_SIMILARITY = 0.15
PAIR_BIAS = 0.1               # gain of a pair = (similarity - bias) * characters: joins must earn it
MIN_MOVE_SIMILARITY = 0.2     # a deleted + an inserted sentence this similar (and mutual best) = moved
MAX_DP_CELLS = 100_000        # beyond this the DP runs in a band around the diagonal
IDF_SAMPLE = 20_000           # sentences sampled for n-gram document frequencies
MAX_WORD_DIFF_TOKENS = 20_000  # a "sentence" longer than this (no punctuation) is diffed as a whole
MAX_DOCUMENT_SCORE_PAIRS = 5_000  # corpus chrF/BLEU cost ~2 ms per pair in sacrebleu
MAX_TER_TOKENS = 60            # TER for every pair up to this many tokens,
MAX_TER_TOKENS_FEW_EDITS = 250  # and up to this many when at most MAX_TER_EDITS words changed
MAX_TER_EDITS = 12
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[\u3400-\u9fff]|\w+")
_EN_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")


@dataclass
class Side:
    """One side of a diff item: consecutive sentences of one version."""

    sentences: tuple[int, ...]     # 0-based sentence indices
    span: tuple[int, int]          # [start, end) in Document.text
    lines: tuple[int, int]         # first and last 1-based line
    text: str                      # normalised text of the sentences, joined


@dataclass
class DiffItem:
    kind: ItemKind
    a: Optional[Side]
    b: Optional[Side]
    similarity: float = 0.0
    words: list[WordOp] = field(default_factory=list)
    scores: Optional[dict[str, Optional[float]]] = None  # chrf, bleu, ter (+ TER statistics) if changed/moved


@dataclass
class DiffResult:
    a: Document
    b: Document
    a_sentences: int
    b_sentences: int
    items: list[DiffItem]          # in the order of version B; deleted items where they stood in A
    scores: Optional[dict[str, Optional[float]]]  # document level over aligned pairs (None if too many)
    signature: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = Counter(item.kind for item in self.items)
        return {kind: found.get(kind, 0) for kind in ITEM_KINDS}

    @property
    def changed(self) -> bool:
        return any(item.kind != "unchanged" for item in self.items)


# --------------------------------------------------------------------------- similarity
def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _Ngrams:
    """Character n-gram sets (bigrams for Chinese, trigrams otherwise) with idf weights."""

    def __init__(self, lang: str, sample: Sequence[str]) -> None:
        self.n = 2 if lang == "zh" else 3
        df: Counter[str] = Counter()
        for text in sample:
            df.update(self.grams(text))
        self.total = max(1, len(sample))
        self.idf = {gram: math.log(1 + self.total / count) for gram, count in df.items()}
        self.unseen = math.log(1 + self.total)   # n-grams missing from the sample are rare ones

    def grams(self, text: str) -> set[str]:
        text = _key(text).lower()
        n = self.n
        return {text[i:i + n] for i in range(max(1, len(text) - n + 1))} if text else set()

    def weight(self, grams: set[str]) -> float:
        get, unseen = self.idf.get, self.unseen
        return sum(get(g, unseen) for g in grams)


class _Profiles:
    """Lazily built n-gram sets and weights of sentences (and of 2-sentence joins) of two lists."""

    def __init__(self, ngrams: _Ngrams, a: Sequence[str], b: Sequence[str]) -> None:
        self.ngrams, self.texts = ngrams, (a, b)
        self._grams: dict[tuple[int, tuple[int, ...]], tuple[set[str], float]] = {}
        self._similarity: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def profile(self, side: int, ids: tuple[int, ...]) -> tuple[set[str], float]:
        hit = self._grams.get((side, ids))
        if hit is None:
            if len(ids) == 1:
                grams = self.ngrams.grams(self.texts[side][ids[0]])
            else:
                grams = set().union(*(self.profile(side, (k,))[0] for k in ids))
            hit = self._grams[(side, ids)] = (grams, self.ngrams.weight(grams))
        return hit

    def similarity(self, a_ids: tuple[int, ...], b_ids: tuple[int, ...]) -> float:
        hit = self._similarity.get((a_ids, b_ids))
        if hit is None:
            (ga, wa), (gb, wb) = self.profile(0, a_ids), self.profile(1, b_ids)
            shared = self.ngrams.weight(ga & gb) if len(ga) < len(gb) else self.ngrams.weight(gb & ga)
            union = wa + wb - shared
            hit = self._similarity[(a_ids, b_ids)] = shared / union if union > 0 else 1.0
        return hit


# --------------------------------------------------------------------------- sentence alignment
Step = tuple[tuple[int, ...], tuple[int, ...], float]
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def _align_region(prof: _Profiles, sizes_a: Sequence[int], sizes_b: Sequence[int],
                  i0: int, i1: int, j0: int, j1: int) -> list[Step]:
    """Best monotone path through a[i0:i1] x b[j0:j1] (1-1, 1-0, 0-1, 2-1, 1-2 steps)."""
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        return [((i0 + i,), (), 0.0) for i in range(n)] + [((), (j0 + j,), 0.0) for j in range(m)]
    # Wide enough that consecutive rows overlap, so every cell stays reachable.
    band = m if n * m <= MAX_DP_CELLS else max(8, MAX_DP_CELLS // (2 * max(n, m)), m // n + 2)

    score: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n + 1):
        centre = i * m / n
        lo, hi = max(0, int(centre - band - 1)), min(m, int(centre + band + 1))
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, arg = -math.inf, None
            for da, db in _MOVES:
                pi, pj = i - da, j - db
                prev = score.get((pi, pj))
                if prev is None:
                    continue
                sim = 0.0
                gain = 0.0
                if da and db:
                    a_ids = tuple(range(i0 + pi, i0 + i))
                    b_ids = tuple(range(j0 + pj, j0 + j))
                    sim = prof.similarity(a_ids, b_ids)
                    if sim < MIN_PAIR_SIMILARITY:
                        continue
                    # A join must match better than its best part alone; otherwise an unrelated
                    # neighbour (say a moved sentence) gets swallowed by a long pair.
                    if len(a_ids) + len(b_ids) > 2 and sim <= max(
                            prof.similarity((x,), (y,)) for x in a_ids for y in b_ids):
                        continue
                    chars = sum(sizes_a[k] for k in a_ids) + sum(sizes_b[k] for k in b_ids)
                    gain = (sim - PAIR_BIAS) * chars
                if prev + gain > best:
                    best, arg = prev + gain, (pi, pj, sim)
            if arg is not None:
                score[(i, j)] = best
                back[(i, j)] = arg
    if (n, m) not in back:  # defensive: 1-0 and 0-1 steps keep every band cell reachable
        return [((i0 + i,), (), 0.0) for i in range(n)] + [((), (j0 + j,), 0.0) for j in range(m)]
    steps: list[Step] = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj, sim = back[(i, j)]
        steps.append((tuple(range(i0 + pi, i0 + i)), tuple(range(j0 + pj, j0 + j)), sim))
        i, j = pi, pj
    steps.reverse()
    return steps


def align_sentences(a_texts: Sequence[str], b_texts: Sequence[str], lang: str) -> tuple[list[Step], _Profiles]:
    """Monotone steps covering both sentence lists; identical sentences have similarity 1."""
    a_keys, b_keys = [_key(t) for t in a_texts], [_key(t) for t in b_texts]
    everything = list(a_keys) + list(b_keys)
    stride = max(1, len(everything) // IDF_SAMPLE)
    prof = _Profiles(_Ngrams(lang, everything[::stride]), a_keys, b_keys)
    sizes_a, sizes_b = [len(k) for k in a_keys], [len(k) for k in b_keys]
    steps: list[Step] = []
    matcher = difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            steps.extend(((i1 + k,), (j1 + k,), 1.0) for k in range(i2 - i1))
        else:
            steps.extend(_align_region(prof, sizes_a, sizes_b, i1, i2, j1, j2))
    return steps, prof


def find_moves(steps: list[Step], prof: _Profiles) -> dict[int, tuple[int, float]]:
    """Deleted sentence -> (inserted sentence, similarity) for pairs that are each other's best match."""
    deleted = [s[0][0] for s in steps if s[0] and not s[1]]
    inserted = [s[1][0] for s in steps if s[1] and not s[0]]
    if not deleted or not inserted:
        return {}
    # Candidates through an inverted index of n-grams, so many deletions x insertions stays cheap.
    postings: dict[str, list[int]] = {}
    for j in inserted:
        for gram in prof.profile(1, (j,))[0]:
            postings.setdefault(gram, []).append(j)
    best_of_a: dict[int, tuple[float, int]] = {}
    best_of_b: dict[int, tuple[float, int]] = {}
    for i in deleted:
        votes: Counter[int] = Counter()
        for gram in prof.profile(0, (i,))[0]:
            hits = postings.get(gram)
            if hits and len(hits) <= 50:  # n-grams shared by many insertions say nothing
                votes.update(hits)
        for j, _ in votes.most_common(5):
            sim = prof.similarity((i,), (j,))
            if sim > best_of_a.get(i, (-1.0, -1))[0]:
                best_of_a[i] = (sim, j)
            if sim > best_of_b.get(j, (-1.0, -1))[0]:
                best_of_b[j] = (sim, i)
    return {i: (j, sim) for i, (sim, j) in best_of_a.items()
            if sim >= MIN_MOVE_SIMILARITY and best_of_b.get(j, (0.0, -1))[1] == i}


# --------------------------------------------------------------------------- word diff and scores
def tokens(text: str, lang: str) -> list[str]:
    """Words, single punctuation marks and single spaces; joined they give the whitespace-collapsed text."""
    text = _key(text)
    if lang != "zh":
        return [" " if t.isspace() else t for t in _EN_TOKEN.findall(text)]
    from ..segment.zh import zh_words

    out: list[str] = []
    pos = 0
    for word, start, end in zh_words(text):
        if start > pos:
            out.append(" ")
        out.append(word)
        pos = end
    if pos < len(text):
        out.append(" ")
    return out


@lru_cache(maxsize=1)
def _dmp() -> Any:
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no time limit: results must not depend on machine speed (see module doc)
    return engine


def word_diff(old: str, new: str, lang: str) -> list[WordOp]:
    """("=", "-", "+", text) operations turning ``old`` into ``new``, word by word."""
    old_tokens, new_tokens = tokens(old, lang), tokens(new, lang)
    if len(old_tokens) + len(new_tokens) > MAX_WORD_DIFF_TOKENS:
        return [op for op in (("-", "".join(old_tokens)), ("+", "".join(new_tokens))) if op[1]]
    # As diff_linesToChars does for lines: every distinct word becomes one character.
    vocabulary: dict[str, str] = {}
    words: list[str] = []

    def encode(items: list[str]) -> str:
        chars = []
        for item in items:
            char = vocabulary.get(item)
            if char is None:
                code = len(words) + 1
                char = vocabulary[item] = chr(code + 0x800 if code >= 0xD800 else code)  # skip surrogates
                words.append(item)
            chars.append(char)
        return "".join(chars)

    engine = _dmp()
    encoded_old, encoded_new = encode(old_tokens), encode(new_tokens)
    decode = {char: word for word, char in vocabulary.items()}
    diffs = engine.diff_main(encoded_old, encoded_new, False)
    engine.diff_cleanupSemantic(diffs)
    ops: list[WordOp] = []
    for op, chars in diffs:
        mark = "=" if op == 0 else ("-" if op < 0 else "+")
        text = "".join(decode[c] for c in chars)
        if ops and ops[-1][0] == mark:
            ops[-1] = (mark, ops[-1][1] + text)
        elif text:
            ops.append((mark, text))
    return _edits_after_spaces(ops)


def _edits_after_spaces(ops: list[WordOp]) -> list[WordOp]:
    """"and{+ the+} security" -> "and {+the +}security": same texts, but the marked edit is words."""
    for k in range(1, len(ops) - 1):
        (before, left), (op, edit), (after, right) = ops[k - 1], ops[k], ops[k + 1]
        if before == after == "=" and op != "=" and edit.startswith(" ") and right.startswith(" "):
            ops[k - 1], ops[k], ops[k + 1] = ("=", left + " "), (op, edit[1:] + " "), ("=", right[1:])
    return [op for op in ops if op[1]]


@lru_cache(maxsize=2)
def _metrics(lang: str) -> tuple[Any, Any, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    metrics = (CHRF(), BLEU(effective_order=True, tokenize="zh" if lang == "zh" else "13a"),
               TER(normalized=True, asian_support=lang == "zh"))
    for metric in metrics:  # sacrebleu only knows its signature (number of references) after one use
        metric.sentence_score("a", ["a"])
    return metrics


def ter_tokens(text: str, lang: str) -> int:
    """Number of tokens TER sees in ``text`` (after its own tokenisation)."""
    return len(_metrics(lang)[2].tokenizer(_key(text)).split())


def _wants_ter(old: str, new: str, lang: str, edited_words: int) -> bool:
    """sacrebleu's TER searches word shifts in pure Python: a long, heavily rewritten pair takes
    seconds (the cost grows with length times edits). Short pairs, and long pairs with few edits, are
    cheap; the rest get no TER rather than minutes of run time on a long document."""
    longest = max(ter_tokens(old, lang), ter_tokens(new, lang))
    return longest <= MAX_TER_TOKENS or (longest <= MAX_TER_TOKENS_FEW_EDITS and edited_words <= MAX_TER_EDITS)


def pair_scores(old: str, new: str, lang: str, *, edited_words: int = 0) -> dict[str, Optional[float]]:
    """chrF, BLEU and TER of ``new`` against ``old`` as the reference (0-100; TER lower is closer).

    TER is None when ``_wants_ter`` says it would be too slow; ``edited_words`` comes from the word diff.
    """
    chrf, bleu, ter = _metrics(lang)
    hyp, ref = _key(new), [_key(old)]
    scores: dict[str, Optional[float]] = {"chrf": round(chrf.sentence_score(hyp, ref).score, 2),
                                          "bleu": round(bleu.sentence_score(hyp, ref).score, 2), "ter": None}
    if _wants_ter(old, new, lang, edited_words):
        result = ter.sentence_score(hyp, ref)
        scores["ter"] = round(result.score, 2)
        scores["ter_edits"], scores["ter_ref_length"] = result.num_edits, result.ref_length
    return scores


def _document_scores(pairs: list[tuple[str, str]], items: list[DiffItem], lang: str) -> dict[str, Optional[float]]:
    """chrF and BLEU over all aligned pairs; TER from the summed sentence statistics of the pairs that
    have one (unchanged pairs: no edits), so the slow TER search never runs twice."""
    chrf, bleu, _ = _metrics(lang)
    hyps, refs = [_key(new) for _, new in pairs], [[_key(old) for old, _ in pairs]]
    edits = length = 0.0
    for item in items:
        if item.kind == "unchanged" and item.a is not None:
            length += ter_tokens(item.a.text, lang)
        elif item.scores and item.scores.get("ter") is not None:
            edits += item.scores["ter_edits"] or 0.0
            length += item.scores["ter_ref_length"] or 0.0
    return {"chrf": round(chrf.corpus_score(hyps, refs).score, 2),
            "bleu": round(bleu.corpus_score(hyps, refs).score, 2),
            "ter": round(100 * edits / length, 2) if length else None}


# --------------------------------------------------------------------------- public API
def _side(doc: Document, segments: list[Segment], ids: tuple[int, ...], lang: str) -> Side:
    first, last = segments[ids[0]], segments[ids[-1]]
    joiner = "" if lang == "zh" else " "
    return Side(ids, (first.start, last.end), (doc.line_of(first.start), doc.line_of(max(first.start, last.end - 1))),
                joiner.join(_key(segments[k].text) for k in ids))


def diff_documents(a: Document, b: Document) -> DiffResult:
    """Sentence alignment, moves, word diffs and scores of version ``b`` against version ``a``."""
    from ..api import transdiff_version
    from ..segment import segment

    if a.lang != b.lang:
        names = f"{a.path or 'version A'} is {_language_name(a.lang)} and {b.path or 'version B'} is " \
                f"{_language_name(b.lang)}"
        raise LanguageError(f"{names}; diff compares two versions in one language "
                            f"(use 'transdiff compare' for a Chinese-English pair)")
    lang = a.lang
    seg_a, seg_b = segment(a, "sentence"), segment(b, "sentence")
    steps, prof = align_sentences([s.text for s in seg_a], [s.text for s in seg_b], lang)
    moves = find_moves(steps, prof)
    moved_to = {j: (i, sim) for i, (j, sim) in moves.items()}
    items: list[DiffItem] = []
    aligned: list[tuple[str, str]] = []
    for a_ids, b_ids, sim in steps:
        if a_ids and not b_ids and a_ids[0] in moves:
            continue  # reported once, where the sentence now stands in B
        side_a = _side(a, seg_a, a_ids, lang) if a_ids else None
        side_b = _side(b, seg_b, b_ids, lang) if b_ids else None
        if side_b is not None and side_a is None and b_ids[0] in moved_to:
            origin, sim = moved_to[b_ids[0]]
            side_a = _side(a, seg_a, (origin,), lang)
            item = DiffItem("moved", side_a, side_b, sim)
        elif side_a is None or side_b is None:
            item = DiffItem("inserted" if side_a is None else "deleted", side_a, side_b, 0.0)
            item.words = [("+", side_b.text)] if side_b else [("-", side_a.text)]  # type: ignore[union-attr]
        else:
            same = side_a.text == side_b.text
            item = DiffItem("unchanged" if same else "changed", side_a, side_b, 1.0 if same else sim)
        if item.a is not None and item.b is not None:
            aligned.append((item.a.text, item.b.text))
            if item.a.text != item.b.text:
                item.words = word_diff(item.a.text, item.b.text, lang)
                edited = sum(1 for op, text in item.words if op != "=" for _ in _WORD.finditer(text))
                item.scores = pair_scores(item.a.text, item.b.text, lang, edited_words=edited)
            else:
                item.words = [("=", item.a.text)]
        items.append(item)
    notes: list[str] = []
    doc_scores: Optional[dict[str, float]] = None
    if len(aligned) <= MAX_DOCUMENT_SCORE_PAIRS:
        doc_scores = _document_scores(aligned, items, lang) if aligned else None
    else:
        notes.append(f"document scores skipped: {len(aligned)} aligned sentences (limit {MAX_DOCUMENT_SCORE_PAIRS})")
    chrf, bleu, ter = _metrics(lang)
    signature = {"transdiff": transdiff_version(), "language": lang, "similarity": "idf-weighted char "
                 f"{prof.ngrams.n}-gram Jaccard", "chrf": str(chrf.get_signature()),
                 "bleu": str(bleu.get_signature()), "ter": str(ter.get_signature())}
    return DiffResult(a, b, len(seg_a), len(seg_b), items, doc_scores, signature, notes)


def _language_name(lang: str) -> str:
    return {"zh": "Chinese", "en": "English"}.get(lang, lang)


def diff(a: Union[str, Document], b: Union[str, Document]) -> DiffResult:
    """Load two versions (paths, URLs or Documents) and diff them."""
    from ..load import load_path

    doc_a = a if isinstance(a, Document) else load_path(a, role="version A")
    doc_b = b if isinstance(b, Document) else load_path(b, role="version B")
    return diff_documents(doc_a, doc_b)
