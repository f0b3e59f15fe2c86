"""Plain text out of .docx and .pdf files, then the ordinary load path.

For these formats ``Document.text`` is the *extracted* plain text (not the file bytes), so every span
a report shows points into that text. A .docx is read with the standard library (it is a zip of XML):
body paragraphs in order, runs, tabs and line breaks, tables row by row with cells separated by tabs.
A .pdf is read with pypdf; running headers/footers and page numbers are dropped and the line breaks
of the page layout are undone, so a paragraph becomes one line again, as in the .txt versions of UN
and ministry documents.
"""
from __future__ import annotations

import io
import logging
import re
import zipfile
from collections import Counter
from typing import Optional
from xml.etree import ElementTree

from ..errors import InputError
from ..types import Document
from .normalise import PARAGRAPH_OPENER

# word/document.xml of a 1,000-page report is a few tens of MB; more than this is a zip bomb.
MAX_DOCX_XML_BYTES = 256 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Run-level elements that stand for characters.
_RUN_CHARS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-",
              _W + "softHyphen": ""}
# Elements whose text is not part of the visible document: deleted revisions, field codes, and the
# fallback copy of text boxes (the mc:Choice copy is read).
_SKIPPED = {_W + "delText", _W + "instrText", _W + "delInstrText", _MC_FALLBACK}


# --------------------------------------------------------------------------- docx
def _paragraph_text(paragraph: ElementTree.Element, blocks: list[str]) -> str:
    """The text of one w:p; paragraphs nested in it (text boxes) are appended to ``blocks`` after it."""
    pieces: list[str] = []
    nested: list[str] = []

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == _W + "t":
                pieces.append(child.text or "")
            elif tag in _RUN_CHARS:
                pieces.append(_RUN_CHARS[tag])
            elif tag == _W + "txbxContent":
                _blocks(child, nested)
            else:
                walk(child)

    walk(paragraph)
    blocks.extend(nested)
    return "".join(pieces)


def _cell_text(cell: ElementTree.Element) -> str:
    inner: list[str] = []
    _blocks(cell, inner)
    # A cell's paragraphs stay on the row's line so that a table row reads as one line.
    return " ".join(part.replace("\n", " ").strip() for part in inner if part.strip())


def _blocks(container: ElementTree.Element, blocks: list[str]) -> None:
    """Paragraph and table-row texts of a body, cell, text box or content control, in order."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            position = len(blocks)
            blocks.append("")
            blocks[position] = _paragraph_text(child, blocks)
        elif tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                cells = [_cell_text(cell) for cell in row if cell.tag == _W + "tc"]
                blocks.append("\t".join(cells))
        elif tag in _SKIPPED or tag == _W + "sectPr":
            continue
        else:  # w:sdt, w:sdtContent, w:customXml, mc:AlternateContent ... wrap paragraphs
            _blocks(child, blocks)


def extract_docx(data: bytes, *, label: str = "input") -> str:
    """Paragraph texts of the main body of a .docx, one paragraph per line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise InputError(f"{label} is not a Word document (no word/document.xml inside)") from None
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise InputError(f"{label}: its document.xml is {info.file_size // 2**20} MB unpacked, "
                                 f"too large to read")
            xml = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise InputError(f"{label} is not a readable .docx file ({exc})") from None
    except NotImplementedError as exc:  # unsupported compression method
        raise InputError(f"{label} is not a readable .docx file ({exc})") from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise InputError(f"{label}: word/document.xml is not well-formed XML ({exc})") from None
    body = root.find(_W + "body")
    if body is None:
        raise InputError(f"{label}: word/document.xml has no document body")
    blocks: list[str] = []
    _blocks(body, blocks)
    return "\n".join(blocks)


# --------------------------------------------------------------------------- pdf
_PAGE_NUMBER = re.compile(
    r"""\s*(?:
        (?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?
      | [-–—]?\s*\d{1,4}\s*[-–—]?
      | \d{1,4}\s*/\s*\d{1,4}
      | (?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})
      | 第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?
      | \d+\s*of\s*\d+
    )\s*""",
    re.VERBOSE | re.IGNORECASE,
)
# Lines looked at for running headers and footers at the top and at the bottom of each page.
_MARGIN_LINES = 3
_HEADER_MIN_SHARE = 0.5
_DIGITS = re.compile(r"\d+")
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
# Share of the usual full line length below which a line is the last of its paragraph.
_FULL_LINE_SHARE = 0.75
_HYPHENATED = re.compile(r"[A-Za-z\u00c0-\u024f]-$")
# A line that starts a paragraph of its own (numbered items, articles, "Whereas" recitals...): the
# segmenter's rule, so that a PDF and the .txt version of a document get the same paragraphs.
_OPENER = PARAGRAPH_OPENER


def _margin_key(line: str) -> str:
    # Running headers often carry the page number or a date: compare them with digits blanked.
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def _drop_headers_and_footers(pages: list[list[str]]) -> list[list[str]]:
    if len(pages) < 2:
        return pages
    seen: Counter[str] = Counter()
    for lines in pages:
        margin = set(lines[:_MARGIN_LINES]) | set(lines[-_MARGIN_LINES:])
        seen.update({_margin_key(line) for line in margin})
    needed = max(2, int(_HEADER_MIN_SHARE * len(pages) + 0.5))
    running = {key for key, count in seen.items() if count >= needed}
    cleaned = []
    for lines in pages:
        head = [i for i in range(min(_MARGIN_LINES, len(lines)))]
        tail = [i for i in range(max(0, len(lines) - _MARGIN_LINES), len(lines))]
        drop = {i for i in head + tail
                if _margin_key(lines[i]) in running or _PAGE_NUMBER.fullmatch(lines[i])}
        cleaned.append([line for i, line in enumerate(lines) if i not in drop])
    return cleaned


def _join(previous: str, line: str) -> str:
    if _HYPHENATED.search(previous) and line[:1].islower():
        return previous[:-1] + line
    if _CJK.match(previous[-1]) and _CJK.match(line[0]):
        return previous + line
    return previous + " " + line


def _paragraphs(lines: list[str]) -> list[str]:
    """Undo the layout's line breaks. Without the page geometry, line length is the signal: a line
    inside a paragraph runs to (nearly) the full width, so a clearly shorter line ends its paragraph,
    unless it ends with a hyphenated word part. Numbered items and articles always start a paragraph."""
    lengths = sorted(len(line) for line in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    paragraphs: list[str] = []
    previous_length = 0
    for line in lines:
        if not paragraphs:
            paragraphs.append(line)
        else:
            short = previous_length < _FULL_LINE_SHARE * full
            if _OPENER.match(line) or (short and not _HYPHENATED.search(paragraphs[-1])):
                paragraphs.append(line)
            else:
                paragraphs[-1] = _join(paragraphs[-1], line)
        previous_length = len(line)
    return paragraphs


def extract_pdf(data: bytes, *, label: str = "input") -> str:
    """The text layer of a PDF as paragraphs, one per line, without running headers and page numbers."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a declared dependency
        raise InputError(f"{label}: reading PDF files needs the 'pypdf' package (pip install pypdf)") from None
    # pypdf logs what it repairs in a damaged file ("EOF marker not found") as warnings, which Python
    # prints on stderr when the application sets up no logging: the one-line error says it instead.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{label} is an encrypted PDF; save an unprotected copy first")
        page_texts = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{label} cannot be read as a PDF ({first})") from None
    finally:
        pypdf_log.setLevel(level)
    pages = [[" ".join(line.split()) for line in text.splitlines() if line.strip()] for text in page_texts]
    if not any(pages):
        raise InputError(f"{label} has no text layer (scanned PDF?); run OCR on it or use a text version")
    lines = [line for page in _drop_headers_and_footers(pages) for line in page]
    return "\n".join(_paragraphs(lines))


# --------------------------------------------------------------------------- documents
def extract(data: bytes, kind: str, *, label: str = "input") -> str:
    if kind == "docx":
        return extract_docx(data, label=label)
    if kind == "pdf":
        return extract_pdf(data, label=label)
    raise InputError(f"{label}: unknown office format {kind!r}")


def document_from_office(data: bytes, kind: str, *, path: Optional[str], label: str,
                         lang: Optional[str] = None) -> Document:
    """A Document whose ``text`` is the plain text extracted from a .docx or .pdf file."""
    from .document import build_document

    text = extract(data, kind, label=label)
    if not text.strip():
        raise InputError(f"{label} contains no text")
    return build_document(text, path=path, encoding=kind, html=False, label=label, lang=lang)

