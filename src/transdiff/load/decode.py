"""Bytes -> text for the load stage: byte-order marks, UTF-16 without BOM, UTF-8, GB18030, Big5, cp1252.

Also recognises common binary formats by their magic numbers so the user is told "looks like a PDF
file" rather than "cannot decode".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from ..errors import InputError

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 LE must be tried before UTF-16 LE: its BOM starts with the UTF-16 LE BOM.
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP or Office (.docx/.xlsx) file"),
    (b"PK\x05\x06", "a ZIP or Office (.docx/.xlsx) file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (.doc/.xls) file"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip file"),
    (b"Rar!\x1a\x07", "a RAR file"),
    (b"\x7fELF", "an executable (ELF) file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"OggS\x00", "an Ogg media file"),
    (b"{\\rtf", "an RTF document (save it as plain text or HTML)"),
)
# Short signatures that could begin a real text: trusted only when NUL bytes confirm binary data.
_WEAK_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows executable"),
    (b"ID3", "an MP3 audio file"),
    (b"BM", "a BMP image"),
)

# Characters an English/Western text decoded as cp1252 plausibly contains beyond ASCII.
_WESTERN_EXTRA = set("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac\u2122\u00a0\u00a3\u00a9\u00ae"
                     "\u00b0\u00a7\u00b6\u00b7\u00ab\u00bb\u00bf\u00a1\u00b4\u00a2\u00a5\u00bd\u00bc\u00be"
                     "\u00b2\u00b3\u00b9\u00b5")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _fail(name: str, what: str) -> InputError:
    return InputError(f"{name} {what}")


def _magic(data: bytes) -> Optional[str]:
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file (WebP/WAV/AVI)"
    if data[4:8] == b"ftyp":
        return "an MP4/MOV/HEIC media file"
    if b"\x00" in data[:4096]:
        for signature, kind in _WEAK_MAGIC:
            if data.startswith(signature):
                return kind
    return None


def _plausible_text(text: str) -> bool:
    """Few control, unassigned or private-use characters: what a real decoded text looks like."""
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(1 for ch in sample
              if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    return bad <= 0.005 * len(sample)


def _sniff_utf16(data: bytes) -> Optional[tuple[str, str]]:
    """UTF-16 without a BOM: NUL bytes (high halves of ASCII characters) mostly on one byte parity.

    Not all: CJK characters such as U+4E00 have a NUL low byte. The decoded text must also look real.
    """
    head = data[:65536]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    total = even + odd
    if total == 0 or len(data) % 2:
        return None
    if odd >= 0.8 * total:
        codec = "utf-16-le"
    elif even >= 0.8 * total:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if _plausible_text(text) else None


@lru_cache(maxsize=1)
def common_chinese_chars() -> frozenset[str]:
    """Frequent characters by the two national standards' own frequency tiers.

    GB2312 rows 0xB0-0xD7 are its 3,755 level-1 (most frequent) characters and rows 0xA1-0xA9 its
    punctuation; Big5 0xA440-0xC67E are its 5,401 frequent characters and 0xA140-0xA3BF its symbols.
    """
    chars: set[str] = set()

    def add(codec: str, leads: range, trails: list[int]) -> None:
        for lead in leads:
            for trail in trails:
                try:
                    chars.update(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass

    add("gb2312", range(0xA1, 0xAA), list(range(0xA1, 0xFF)))
    add("gb2312", range(0xB0, 0xD8), list(range(0xA1, 0xFF)))
    big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    add("big5", range(0xA1, 0xA4), big5_trails)
    add("big5", range(0xA4, 0xC7), big5_trails)
    return frozenset(chars)


def _chinese_score(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese characters or punctuation."""
    common = common_chinese_chars()
    non_ascii = [ch for ch in text[:200000] if ord(ch) > 0x7F]
    if not non_ascii:
        return 0.0
    return sum(1 for ch in non_ascii if ch in common) / len(non_ascii)


def _western_text(data: bytes) -> Optional[tuple[str, str]]:
    """cp1252 (or Latin-1) when the non-ASCII characters look like accents and typographic marks.

    Chinese legacy encodings put non-ASCII bytes in long runs; Western text has them one or two at a
    time inside ASCII words.
    """
    try:
        text, codec = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, codec = data.decode("latin-1"), "latin-1"
    runs = _NON_ASCII_RUN.findall(text[:500000])
    non_ascii = sum(len(run) for run in runs)
    if non_ascii == 0:
        return text, codec
    in_short_runs = sum(len(run) for run in runs if len(run) <= 2)
    letters = sum(1 for run in runs for ch in run
                  if ("\u00c0" <= ch <= "\u00ff" and ch not in "\u00d7\u00f7") or ch in _WESTERN_EXTRA)
    if in_short_runs >= 0.8 * non_ascii and letters >= 0.9 * non_ascii:
        return text, codec
    return None


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    western = _western_text(data)
    if western is not None:
        return western
    best: Optional[tuple[float, str, str]] = None
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _chinese_score(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is not None and best[0] >= 0.6:
        return best[1], best[2]
    error = _utf8_error(data)
    raise _fail(name, f"is not valid UTF-8 (bad byte 0x{data[error]:02x} at offset {error}) and does not "
                      "look like GB18030, Big5 or cp1252 text; re-save it as UTF-8")


def _utf8_error(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def decode_bytes(data: bytes, *, name: str = "input") -> tuple[str, str]:
    """Decode file contents; return ``(text, encoding)``. ``name`` starts every error message."""
    if not data:
        raise _fail(name, "is empty")
    kind = _magic(data)
    if kind is not None:
        raise _fail(name, f"looks like {kind}, not text; convert it to plain text (UTF-8) or HTML first")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError as exc:
                raise _fail(name, f"starts with a {label.upper()} byte-order mark but is not valid {label.upper()} "
                                  f"(bad data at byte {exc.start})") from None
    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16 is not None:
            return utf16
        raise _fail(name, "contains binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, name)
