"""Normalisation for the load stage, and the compact offset map that keeps norm tied to the text.

``OffsetMap`` stores ``norm_to_text`` as runs of linearly mapped characters, so a 50 MB file costs a
few kilobytes of map instead of 400 MB of integers. Every step (CRLF, NFC, HTML extraction, whitespace)
produces such a map and :func:`compose` chains them.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from functools import lru_cache
from typing import Iterator, Optional, Sequence, overload

__all__ = ["OffsetMap", "compose", "normalise"]


# --------------------------------------------------------------------------- offset map
class OffsetMap(Sequence[int]):
    """A read-only ``Sequence[int]`` stored as runs: entry ``i`` of run ``r`` is ``targets[r] + i - starts[r]``."""

    __slots__ = ("_starts", "_targets", "_length")

    def __init__(self, starts: array, targets: array, length: int) -> None:
        self._starts = starts
        self._targets = targets
        self._length = length

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls(array("q", [0]), array("q", [0]), length)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return list(self._iter_range(start, stop))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("OffsetMap index out of range")
        run = bisect_right(self._starts, index) - 1
        return self._targets[run] + index - self._starts[run]

    def _iter_range(self, start: int, stop: int) -> Iterator[int]:
        if start >= stop:
            return
        starts, targets = self._starts, self._targets
        run = bisect_right(starts, start) - 1
        pos = start
        while pos < stop:
            run_end = starts[run + 1] if run + 1 < len(starts) else self._length
            end = min(stop, run_end)
            base = targets[run] - starts[run]
            yield from range(base + pos, base + end)
            pos = end
            run += 1

    def __iter__(self) -> Iterator[int]:
        return self._iter_range(0, self._length)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OffsetMap(len={self._length}, runs={len(self._starts)})"

    def runs(self) -> int:
        return len(self._starts)


class _RunBuilder:
    """Collects (out offset, source offset) runs, merging ones that continue the previous run."""

    def __init__(self) -> None:
        self.starts = array("q")
        self.targets = array("q")

    def add(self, out_pos: int, source_pos: int) -> None:
        starts, targets = self.starts, self.targets
        if starts:
            if targets[-1] - starts[-1] == source_pos - out_pos:
                return
            if starts[-1] == out_pos:
                targets[-1] = source_pos
                return
        starts.append(out_pos)
        targets.append(source_pos)

    def build(self, length: int) -> OffsetMap:
        if not self.starts:
            self.add(0, 0)
        return OffsetMap(self.starts, self.targets, length)


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """Map through ``outer`` (a -> b) then ``inner`` (b -> c), giving a -> c."""
    o_starts, o_targets, length = outer._starts, outer._targets, outer._length
    i_starts, i_targets = inner._starts, inner._targets
    i_bounds = list(i_starts[1:]) + [inner._length]
    starts, targets = array("q"), array("q")
    last_shift: Optional[int] = None  # target - start of the last run written
    o_bounds = list(o_starts[1:]) + [length]
    for out0, mid0, out_end in zip(o_starts, o_targets, o_bounds):
        mid, mid_end = mid0, mid0 + (out_end - out0)
        run = bisect_right(i_starts, mid) - 1
        while mid < mid_end:
            out_pos = out0 + mid - mid0
            target = i_targets[run] + mid - i_starts[run]
            # Same merging rules as _RunBuilder.add, inlined: this loop runs once per output run.
            if last_shift is None or target - out_pos != last_shift:
                if starts and starts[-1] == out_pos:
                    targets[-1] = target
                else:
                    starts.append(out_pos)
                    targets.append(target)
                last_shift = target - out_pos
            mid = min(mid_end, i_bounds[run])
            run += 1
    return OffsetMap(starts, targets, length)


# --------------------------------------------------------------------------- normalisation
ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_GAP_CHARS = " \n\r" + ZERO_WIDTH
# A "gap" is a run of spaces, line breaks and invisible characters. Only gaps that need changing are
# matched (two or more characters, or a lone CR / invisible character), so the regex engine skips the
# single spaces between words at C speed.
_BAD_GAP = re.compile(f"[{_GAP_CHARS}]{{2,}}|[\r{ZERO_WIDTH}]")
_DIRTY_MARKERS = ("  ", " \n", "\n ", "\n\n\n", "\r", *ZERO_WIDTH)
_CHUNK = 1 << 16
# Lines that open a paragraph of their own even inside a hard-wrapped block (the segmenter's rule, and
# the PDF reader's, so that a PDF and the .txt of a document get the same paragraphs): numbered or
# lettered list items, Chinese enumerations, article headings and "Whereas" recitals.
PARAGRAPH_OPENER = re.compile(
    r"""\s*(?:
        \d{1,3}[.)](?:\s|$)
      | \(\s*(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6}|[一二三四五六七八九十百]{1,4})\s*\)
      | （[一二三四五六七八九十百\d]{1,4}）
      | [\u3220-\u3229\u2460-\u2487]
      | [一二三四五六七八九十百]{1,4}、
      | 第[一二三四五六七八九十百千\d]{1,6}[条章节款]
      | [a-z][.)]\s
      | [•·▪\-*–—]\s
      | (?:Whereas|WHEREAS|Article\s+\d)\b
    )""",
    re.VERBOSE,
)

_CRLF = re.compile("\r\n")

_ONE_TO_ONE: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
for _space in "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _ONE_TO_ONE[ord(_space)] = " "
for _hyphen in "\u2010\u2011\u2012\u2212":
    _ONE_TO_ONE[ord(_hyphen)] = "-"
for _quote in "\u2018\u2019":
    _ONE_TO_ONE[ord(_quote)] = "'"
for _line_break in "\x0b\x0c\x85\u2028\u2029":
    _ONE_TO_ONE[ord(_line_break)] = "\n"
_ONE_TO_ONE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_ONE_TO_ONE)) + "]")
_NFC_BLOCK = 8192


def _nfc(text: str) -> tuple[str, Optional[OffsetMap]]:
    """NFC, checked block by block so normalised text (nearly all input) costs one C-level scan.

    A base character and its combining marks are normalised together and every resulting character
    maps to the base character. Compositions that cross such clusters (Hangul jamo) are not made.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    runs = _RunBuilder()
    out = 0
    block_start = 0
    while block_start < len(text):
        block_end = min(len(text), block_start + _NFC_BLOCK)
        while block_end < len(text) and unicodedata.combining(text[block_end]):
            block_end += 1
        block = text[block_start:block_end]
        if unicodedata.is_normalized("NFC", block):
            runs.add(out, block_start)
            pieces.append(block)
            out += len(block)
        else:
            i = 0
            while i < len(block):
                j = i + 1
                while j < len(block) and unicodedata.combining(block[j]):
                    j += 1
                cluster = block[i:j]
                composed = unicodedata.normalize("NFC", cluster)
                if len(composed) == len(cluster):
                    runs.add(out, block_start + i)
                    out += len(composed)
                else:
                    for _ in composed:
                        runs.add(out, block_start + i)
                        out += 1
                pieces.append(composed)
                i = j
        block_start = block_end
    runs.add(out, len(text))
    return "".join(pieces), runs.build(out + 1)


def _one_to_one(text: str) -> str:
    if _ONE_TO_ONE_RE.search(text) is None:
        return text
    if len(text) < 1_000_000:
        return text.translate(_ONE_TO_ONE)
    # translate() looks every character up in a dict once the string is not pure ASCII; a regex
    # substitution only touches the characters that change, which are few in large English files.
    return _ONE_TO_ONE_RE.sub(lambda m: _ONE_TO_ONE[ord(m.group())], text)


@lru_cache(maxsize=4096)
def _gap_replacement(gap: str) -> tuple[str, tuple[int, ...]]:
    """What a whitespace gap becomes (up to two newlines, one space, or nothing) and, for each output
    character, its offset inside the gap. Gaps repeat a lot ("\r\n", "  "), hence the cache."""
    breaks: list[int] = []
    i = 0
    while i < len(gap):
        ch = gap[i]
        if ch == "\r" and gap.startswith("\n", i + 1):
            breaks.append(i + 1)  # CRLF: point at the LF so text[offset] == "\n"
            i += 2
            continue
        if ch in "\r\n":
            breaks.append(i)
        i += 1
    if breaks:
        kept = tuple(breaks[:2])
        return "\n" * len(kept), kept
    space = gap.find(" ")
    return (" ", (space,)) if space >= 0 else ("", ())


def _needs_collapsing(chunk: str) -> bool:
    # Substring tests run at memchr speed; most chunks of a clean file need no regex pass at all.
    return any(marker in chunk for marker in _DIRTY_MARKERS)


def _collapse_whitespace(text: str) -> tuple[str, OffsetMap]:
    start = len(text) - len(text.lstrip(_GAP_CHARS))
    end = len(text.rstrip(_GAP_CHARS))
    pieces: list[str] = []
    runs = _RunBuilder()
    out = 0
    prev = start
    chunk_start = start
    while chunk_start < end:
        # Chunks end on a non-gap character, so no gap straddles two chunks.
        chunk_end = min(end, chunk_start + _CHUNK)
        while chunk_end < end and text[chunk_end] in _GAP_CHARS:
            chunk_end += 1
        if _needs_collapsing(text[chunk_start:chunk_end]):
            for match in _BAD_GAP.finditer(text, chunk_start, chunk_end):
                gap_start, gap_end = match.span()
                replacement, offsets = _gap_replacement(match.group())
                if replacement == match.group():
                    continue  # a blank line stays as it is
                if gap_start > prev:
                    runs.add(out, prev)
                    pieces.append(text[prev:gap_start])
                    out += gap_start - prev
                for offset in offsets:
                    runs.add(out, gap_start + offset)
                    out += 1
                pieces.append(replacement)
                prev = gap_end
        chunk_start = chunk_end
    if end > prev:
        runs.add(out, prev)
        pieces.append(text[prev:end])
        out += end - prev
    runs.add(out, len(text))
    return "".join(pieces), runs.build(out + 1)


def _crlf_to_lf(text: str) -> tuple[str, Optional[OffsetMap]]:
    """CRLF -> LF up front: str.replace and one run per line beat a regex match per line."""
    if "\r\n" not in text:
        return text, None
    positions = [m.start() for m in _CRLF.finditer(text)]
    # The k-th CR (0-based) is dropped, so from there on output offset = text offset - (k + 1).
    starts = array("q", [0])
    targets = array("q", [0])
    starts.extend(p - k for k, p in enumerate(positions))
    targets.extend(p + 1 for p in positions)
    out = text.replace("\r\n", "\n")
    if starts[-1] < len(out):
        starts.append(len(out))
        targets.append(len(text))
    return out, OffsetMap(starts, targets, len(out) + 1)


def _normalise_map(text: str) -> tuple[str, OffsetMap]:
    lf_text, lf_map = _crlf_to_lf(text)
    nfc_text, nfc_map = _nfc(lf_text)
    norm, norm_map = _collapse_whitespace(_one_to_one(nfc_text))
    if nfc_map is not None:
        norm_map = compose(norm_map, nfc_map)
    if lf_map is not None:
        norm_map = compose(norm_map, lf_map)
    return norm, norm_map


def normalise(text: str) -> tuple[str, OffsetMap]:
    """Normalise plain text; return ``(norm, norm_to_text)`` with ``len(norm) + 1`` offsets.

    NFC; CRLF/CR -> LF; full-width ASCII -> ASCII; Unicode spaces and tabs -> space; zero-width
    characters and soft hyphens removed; U+2010-2012/U+2212 -> "-"; single curly quotes -> "'";
    runs of spaces -> one space; spaces at line ends dropped; 3+ newlines -> a blank line; leading and
    trailing whitespace dropped. CJK punctuation such as “ ” 「 」 《 》 。 、 is kept.
    """
    return _normalise_map(text)
