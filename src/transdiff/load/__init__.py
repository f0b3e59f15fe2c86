"""Load stage: read a file (or a URL), decode it, normalise it and decide its language and script.

The work is split over five modules: ``decode`` (bytes -> text), ``html`` (visible text of HTML),
``normalise`` (norm text and the compact ``OffsetMap``), ``document`` (language, script, the
Document) and ``office``/``url`` (.docx/.pdf files, http(s) URLs); this one checks files and holds
the public API.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..types import Document
from .decode import decode_bytes
from .document import build_document, detect_language, looks_like_html
from .normalise import OffsetMap, normalise

__all__ = ["OffsetMap", "decode_bytes", "detect_language", "from_text", "load_path", "normalise"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# Extracted by office.py; matched by suffix only, so a PDF named .txt still gets the "looks like a PDF" error.
OFFICE_SUFFIXES = {".docx": "docx", ".pdf": "pdf"}
# Bilingual files hold both languages: their units are checked by ``transdiff check``, not compared.
BILINGUAL_SUFFIXES = frozenset({".xlf", ".xliff", ".tmx", ".sdlxliff", ".mqxliff"})


def _display(path: str | os.PathLike[str]) -> str:
    return repr(os.fspath(path))


def from_text(text: str, *, path: Optional[str] = None, html: Optional[bool] = None,
              lang: Optional[str] = None, whole_page: bool = False) -> Document:
    """Build a Document from a string. ``html=None`` sniffs for ``<!doctype html``/``<html``;
    ``lang`` skips language detection when the caller knows it; ``whole_page`` keeps all the visible
    text of an HTML page instead of its article."""
    label = f"text {path!r}" if path else "the text"
    if not text:
        raise InputError(f"{label} is empty")
    is_html = looks_like_html(text) if html is None else html
    return build_document(text, path=path, encoding="utf-8", html=is_html, label=label, lang=lang,
                          whole_page=whole_page)


def read_file_bytes(path: Path, label: str, *, max_bytes: Optional[int] = None) -> bytes:
    """The bytes of a file, or an InputError naming what is wrong (missing, a directory, unreadable,
    too large, empty)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{label} does not exist") from None
    except PermissionError:
        raise InputError(f"{label} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label} cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{label} is a directory, not a file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(f"{label} is larger than {max_bytes // 2**30} GB; split it first")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{label} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label} cannot be read: {exc.strerror or exc}") from None
    if not data:
        raise InputError(f"{label} is empty")
    return data


def load_path(path: str | os.PathLike[str], *, role: str = "input", whole_page: bool = False) -> Document:
    """Read, decode and normalise a text or HTML file, a .docx or .pdf file (by suffix) or an http(s)
    URL. A web page gives its article's text, or all its visible text with ``whole_page``.
    Raises InputError / LanguageError (one line)."""
    if isinstance(path, str) and path[:8].lower().startswith(("http://", "https://")):
        from .url import load_url  # imported on use: most runs never fetch

        return load_url(path, role=role, whole_page=whole_page)
    if not os.fspath(path).strip():  # Path("") is the current folder
        raise InputError(f"the {role} file name is empty; give the path of a file")
    file_path = Path(path)
    label = f"{role} file {_display(path)}"
    data = read_file_bytes(file_path, label)
    if file_path.suffix.lower() in BILINGUAL_SUFFIXES:
        raise InputError(f"{label} is a bilingual XLIFF/TMX file, not one version of a document; "
                         f"check its units with 'transdiff check {os.fspath(path)}'")
    office = OFFICE_SUFFIXES.get(file_path.suffix.lower())
    if office is not None:
        from .office import document_from_office

        return document_from_office(data, office, path=os.fspath(path), label=label)
    text, encoding = decode_bytes(data, name=label)
    is_html = file_path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    return build_document(text, path=os.fspath(path), encoding=encoding, html=is_html, label=label,
                          whole_page=whole_page)
