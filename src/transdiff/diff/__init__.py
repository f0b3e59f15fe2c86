"""``transdiff diff``: two versions of a document in one language, sentence by sentence.

1. Both versions are cut into sentences. Identical sentences (whitespace aside) anchor the
   alignment (difflib over the sentence sequence); between anchors a monotone dynamic programme pairs
   sentences 1-1, 1-2 or 2-1 (a sentence split or joined) by character n-gram similarity.
2. A sentence deleted in one place and inserted elsewhere with a similar text is reported once, as
   ``moved``, with both positions.
3. Each pair gets a word-level diff (diff-match-patch over words mapped to characters) and chrF,
   BLEU and TER scores from sacrebleu (version A is the reference, version B the hypothesis).

The stages live in sentences.py (1-2) and words.py (3); this module holds the result types and runs
them in order.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union

from ..errors import LanguageError
from ..types import Document, Segment
from .sentences import align_sentences, collapse_spaces, find_moves
from .words import WORD, WordOp, metrics, pair_scores, ter_tokens, word_diff

__all__ = ["ITEM_KINDS", "DiffItem", "DiffResult", "Side", "WordOp", "diff", "diff_documents", "word_diff"]

ItemKind = Literal["unchanged", "changed", "moved", "deleted", "inserted"]
ITEM_KINDS: tuple[str, ...] = ("changed", "moved", "deleted", "inserted", "unchanged")
MAX_DOCUMENT_SCORE_PAIRS = 5_000  # corpus chrF/BLEU cost ~2 ms per pair in sacrebleu


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


def _document_scores(pairs: list[tuple[str, str]], items: list[DiffItem], lang: str) -> dict[str, Optional[float]]:
    """chrF and BLEU over all aligned pairs; TER from the summed sentence statistics of the pairs that
    have one (unchanged pairs: no edits), so the slow TER search never runs twice."""
    chrf, bleu, _ = metrics(lang)
    hyps, refs = [collapse_spaces(new) for _, new in pairs], [[collapse_spaces(old) for old, _ in pairs]]
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
                joiner.join(collapse_spaces(segments[k].text) for k in ids))


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
                edited = sum(1 for op, text in item.words if op != "=" for _ in WORD.finditer(text))
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
    chrf, bleu, ter = metrics(lang)
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
