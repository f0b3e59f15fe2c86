"""The interface the number, date and name checks share: an aligned pair in, mismatches out.

``compare`` (on each aligned sentence pair of a document) and ``transdiff check`` (on each translation
unit of an XLIFF/TMX file) hand the same ``AlignedPair`` to ``pair_mismatches`` and turn each
``Mismatch`` into their own kind of finding, so that both report the same things in the same words.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..represent.glossary import Glossary
from .names import name_mismatches
from .numbers import quantity_mismatches
from .pairs import AlignedPair, Mismatch

__all__ = ["AlignedPair", "Mismatch", "pair_mismatches"]


def pair_mismatches(pair: AlignedPair, checks: Sequence[str] = ("numbers", "dates", "names"),
                    glossary: Optional[Glossary] = None) -> list[Mismatch]:
    """The mismatches of the wanted checks in one aligned pair (numbers, then dates, then names)."""
    out = [m for m in quantity_mismatches(pair) if m.check in checks]
    if "names" in checks:
        out += name_mismatches(pair, glossary)
    return out
