"""The small typed records that travel between the pipeline stages.

load -> Document; segment -> Segment; align -> Alignment (of Bead); compare -> Finding;
everything together -> Result, which every report renders.

Offsets: ``Document.text`` is the decoded input file, never modified (for web pages, .docx and .pdf:
the text extracted from them). ``Document.norm`` is the normalised text the matching stages work on;
``Document.norm_to_text[i]`` is the offset in ``text`` of ``norm[i]`` (one extra entry at the end maps
``len(norm)`` to the end of the text). Every span a user sees (``Segment.start/end``,
``Finding.source_span``) points into ``text``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Sequence

Lang = Literal["zh", "en"]
Level = Literal["paragraph", "sentence", "clause"]
FindingType = Literal["omission", "addition", "partial", "mismatch"]
FINDING_TYPES: tuple[str, ...] = ("omission", "addition", "partial", "mismatch")


@dataclass
class Document:
    """A decoded, normalised input document."""

    text: str                      # decoded input file (HTML, .docx, .pdf: the text extracted from it)
    norm: str                      # normalised visible text used for matching
    norm_to_text: Sequence[int]    # len(norm) + 1 offsets into ``text``
    lang: Lang
    path: Optional[str] = None     # file path or URL, None for in-memory text
    encoding: str = "utf-8"
    script: Optional[str] = None   # "simplified" / "traditional" for Chinese, None for English
    lookup: Optional[str] = None   # same length as ``norm``: simplified-script copy for dictionary lookup
    extraction: Optional[str] = None   # HTML: "article", "whole-page" or "whole-page-fallback"
    extractor: Optional[str] = None    # HTML: what extracted ``text`` (e.g. "trafilatura 2.3.1")
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.norm_to_text) != len(self.norm) + 1:
            raise ValueError("norm_to_text must have len(norm) + 1 entries")
        if self.lookup is None:
            self.lookup = self.norm
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def text_span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a [nstart, nend) span of ``norm`` to a span of ``text``."""
        if nend <= nstart:
            pos = self.norm_to_text[nstart]
            return pos, pos
        return self.norm_to_text[nstart], self.norm_to_text[nend - 1] + 1

    def line_of(self, offset: int) -> int:
        """1-based line number of a ``text`` offset."""
        return bisect_right(self._line_starts, offset)


@dataclass
class Segment:
    """A paragraph, sentence or clause of one document."""

    index: int                     # 0-based position among the document's segments of this level
    level: Level
    nstart: int                    # [nstart, nend) in Document.norm
    nend: int
    start: int                     # [start, end) in Document.text
    end: int
    text: str                      # Document.norm[nstart:nend]
    parent: Optional[int] = None   # index of the enclosing sentence (clause) or paragraph (sentence)
    line: int = 1                  # 1-based line of ``start`` in Document.text

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class Bead:
    """Segments of the source and of the target that translate each other (either side may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float = 0.0

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


@dataclass
class Alignment:
    """Beads over two segment lists. Invariant: every segment is in exactly one bead, in text order."""

    source: list[Segment]
    target: list[Segment]
    beads: list[Bead]

    def aligned_share(self) -> float:
        """Share of source and target characters that sit in beads with both sides non-empty."""
        total = sum(len(s.text.strip()) for s in self.source) + sum(len(t.text.strip()) for t in self.target)
        if total == 0:
            return 0.0
        linked = 0
        for bead in self.beads:
            if bead.source and bead.target:
                linked += sum(len(self.source[i].text.strip()) for i in bead.source)
                linked += sum(len(self.target[j].text.strip()) for j in bead.target)
        return linked / total


@dataclass
class Finding:
    """One thing that one version says and the other does not."""

    type: FindingType
    confidence: float
    source_text: Optional[str]
    target_text: Optional[str]
    source_span: Optional[tuple[int, int]]
    target_span: Optional[tuple[int, int]]
    source_lines: Optional[tuple[int, int]] = None
    target_lines: Optional[tuple[int, int]] = None
    gloss: Optional[str] = None            # English gloss of the Chinese text involved
    message: str = ""                      # one-line explanation for people
    detail: dict[str, Any] = field(default_factory=dict)
    bead: Optional[int] = None             # index of the bead the finding belongs to


@dataclass
class Result:
    """What ``transdiff.compare`` returns and every report renders."""

    source: Document
    target: Document
    alignment: Alignment
    findings: list[Finding]
    signature: dict[str, Any]
    level: Level = "clause"
    terms: list[dict[str, Any]] = field(default_factory=list)   # term consistency (checks.term_consistency)
