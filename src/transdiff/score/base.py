"""The interface every bead signal implements."""
from __future__ import annotations

from typing import Protocol


class Signal(Protocol):
    """A similarity signal over a candidate bead; ``name`` goes into the result signature."""

    name: str
    weight: float

    def score(self, i: int, a: int, j: int, b: int) -> float:
        """Score of source segments [i, i+a) against target segments [j, j+b); a, b >= 1."""
        ...
