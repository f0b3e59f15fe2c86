"""The untranslated check: target text copied from the source, or left in the source's script."""
from __future__ import annotations

import re

from ..represent.chinese import is_han
from ..types import Finding, Result
from .pairs import mismatch_finding

# Identical text is untranslated when it holds Chinese or a word that starts in lower case; codes,
# numbers, acronyms and names (217A, UNESCO, "12. Abdullah Sarwaji", "6 February 2015": UN Chinese
# documents keep signatories and dates of letters in Latin letters) are legitimately the same in both.
TRANSLATABLE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|(?<![A-Za-z])[a-z]{3,}")
_LATIN = re.compile("[A-Za-z]")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def flat_text(text: str) -> str:
    return " ".join(text.split())


def foreign_share(text: str, lang: str) -> float:
    """Share of the letters of a ``lang`` text that are in the other language's script."""
    han = sum(1 for ch in text if is_han(ch))
    latin = len(_LATIN.findall(text))
    if lang == "en":
        return han / (han + latin) if han >= 2 else 0.0
    # a Chinese text keeps acronyms, codes and names in Latin letters: count only running lower-case words
    return latin / (han + latin) if len(_LOWER_WORD.findall(text)) >= 3 else 0.0


def untranslated_findings(result: Result, min_confidence: float = 0.0) -> list[Finding]:
    """Target clauses copied from the source, or mostly written in the source's script."""
    al, out = result.alignment, []
    other = "Chinese" if result.target.lang == "en" else "English"
    for k, bead in enumerate(al.beads):
        if not bead.target:
            continue
        if bead.source:
            src = flat_text(" ".join(al.source[i].text for i in bead.source))
            tgt = flat_text(" ".join(al.target[j].text for j in bead.target))
            if src == tgt and TRANSLATABLE.search(src):
                out.append(mismatch_finding(result, bead.source, bead.target, k, "untranslated", 0.95,
                                    "the target is the same as the source", reason="same as source"))
                continue
        flagged = [j for j in bead.target if foreign_share(al.target[j].text, result.target.lang) >= 0.5]
        if flagged:
            share = max(foreign_share(al.target[j].text, result.target.lang) for j in flagged)
            out.append(mismatch_finding(result, bead.source, flagged, k, "untranslated", 0.95 if share >= 0.8 else 0.8,
                                f"{other} text left untranslated in the target", reason=f"{other} text",
                                foreign_share=round(share, 4)))
    return [f for f in out if f.confidence >= min_confidence]
