"""Word-level diff (diff-match-patch over words mapped to characters) and chrF, BLEU and TER
scores from sacrebleu of one aligned pair of sentences, version A being the reference.

Determinism: diff-match-patch stops at ``Diff_Timeout`` seconds and then returns a coarser diff, so
with a time-out the output would depend on the machine's speed and load. We set it to 0 (no limit)
and keep every diff to one sentence pair, where the O(N*D) algorithm is fast anyway.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from .sentences import collapse_spaces

WordOp = tuple[str, str]  # ("=" | "-" | "+", text)
MAX_WORD_DIFF_TOKENS = 20_000  # a "sentence" longer than this (no punctuation) is diffed as a whole
MAX_TER_TOKENS = 60            # TER for every pair up to this many tokens,
MAX_TER_TOKENS_FEW_EDITS = 250  # and up to this many when at most MAX_TER_EDITS words changed
MAX_TER_EDITS = 12
WORD = re.compile(r"[\u3400-\u9fff]|\w+")
_EN_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")


def tokens(text: str, lang: str) -> list[str]:
    """Words, single punctuation marks and single spaces; joined they give the whitespace-collapsed text."""
    text = collapse_spaces(text)
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
def metrics(lang: str) -> tuple[Any, Any, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    metrics = (CHRF(), BLEU(effective_order=True, tokenize="zh" if lang == "zh" else "13a"),
               TER(normalized=True, asian_support=lang == "zh"))
    for metric in metrics:  # sacrebleu only knows its signature (number of references) after one use
        metric.sentence_score("a", ["a"])
    return metrics


def ter_tokens(text: str, lang: str) -> int:
    """Number of tokens TER sees in ``text`` (after its own tokenisation)."""
    return len(metrics(lang)[2].tokenizer(collapse_spaces(text)).split())


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
    chrf, bleu, ter = metrics(lang)
    hyp, ref = collapse_spaces(new), [collapse_spaces(old)]
    scores: dict[str, Optional[float]] = {"chrf": round(chrf.sentence_score(hyp, ref).score, 2),
                                          "bleu": round(bleu.sentence_score(hyp, ref).score, 2), "ter": None}
    if _wants_ter(old, new, lang, edited_words):
        result = ter.sentence_score(hyp, ref)
        scores["ter"] = round(result.score, 2)
        scores["ter_edits"], scores["ter_ref_length"] = result.num_edits, result.ref_length
    return scores
