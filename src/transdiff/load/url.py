"""Fetch a web page (http/https) and load it like a local HTML or text file.

One GET with a time-out that bounds the whole download (not only each socket read) and a size
limit checked while reading, so a slow or huge page cannot hang or fill memory. The charset comes
from the Content-Type header, else from a ``<meta>`` tag, else the loader's own decoding guesses.
PDF and .docx responses go through ``office``. Every failure is a one-line InputError.
"""
from __future__ import annotations

import re
import socket
import time
import urllib.error
import urllib.request
from email.message import Message
from typing import Optional

from ..errors import InputError
from .decode import decode_bytes
from ..types import Document

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_CHUNK = 64 * 1024
_URL = re.compile(r"https?://", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
_OFFICE_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
# Servers that label everything as binary: decide by the URL's ending instead.
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream"}


def is_url(value: object) -> bool:
    """True for strings that start with http:// or https://."""
    return isinstance(value, str) and _URL.match(value) is not None


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _size(count: int) -> str:
    return f"{count / 2**20:.1f} MB" if count >= 2**20 else f"{count / 2**10:.0f} KB"


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          label: Optional[str] = None) -> tuple[bytes, str, Optional[str], str]:
    """GET ``url``; return ``(body, media type, charset or None, final URL after redirects)``."""
    label = label or f"URL {url!r}"
    request = urllib.request.Request(url, headers={
        "User-Agent": "transdiff (document comparison; +https://pypi.org/project/transdiff/)",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5",
        "Accept-Encoding": "identity",
    })
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{label} is {_size(int(length))}, more than the {_size(max_bytes)} limit")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise TimeoutError
                # read1: at most one socket read, so the deadline is checked while a slow server drips
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{label} is larger than the {_size(max_bytes)} limit")
                chunks.append(chunk)
            media_type = headers.get_content_type() if headers.get("Content-Type") else ""
            charset = headers.get_content_charset()
            final_url = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(f"{label} could not be fetched: HTTP {exc.code} {_one_line(exc.reason)}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{label} did not answer within {timeout:g} s") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{label} did not answer within {timeout:g} s") from None
        raise InputError(f"{label} could not be fetched: {_one_line(reason)}") from None
    except (OSError, ValueError) as exc:  # connection reset, bad URL, http.client errors
        raise InputError(f"{label} could not be fetched: {_one_line(exc) or type(exc).__name__}") from None
    body = b"".join(chunks)
    if not body:
        raise InputError(f"{label} returned an empty page")
    return body, media_type, charset, final_url


def _decode(body: bytes, charset: Optional[str], is_html: bool, label: str) -> tuple[str, str]:
    if charset is None and is_html:
        match = _META_CHARSET.search(body[:4096])
        if match:
            charset = match.group(1).decode("ascii").lower()
    if charset:
        try:
            text = body.decode(charset)
            # A BOM outranks the header (as in browsers): strip it after a correct decode.
            return text.removeprefix("\ufeff"), charset
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: fall back to guessing from the bytes
    return decode_bytes(body, name=label)


def _office_kind_of(url: str) -> Optional[str]:
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    for suffix, kind in ((".pdf", "pdf"), (".docx", "docx")):
        if path.endswith(suffix):
            return kind
    return None


def load_url(url: str, *, role: str = "input", timeout: float = DEFAULT_TIMEOUT,
             max_bytes: int = DEFAULT_MAX_BYTES, lang: Optional[str] = None, whole_page: bool = False) -> Document:
    """Fetch an http(s) URL and return its Document (``text`` is the text, the article of a web page,
    or all its visible text with ``whole_page``)."""
    from .document import build_document, looks_like_html
    from .office import document_from_office

    label = f"{role} URL {url!r}"
    body, media_type, charset, final_url = fetch(url, timeout=timeout, max_bytes=max_bytes, label=label)
    office = _OFFICE_TYPES.get(media_type)
    if office is None and media_type in _GENERIC_TYPES:
        office = _office_kind_of(final_url)
    if office is not None:
        return document_from_office(body, office, path=url, label=label, lang=lang)
    if media_type in _HTML_TYPES:
        is_html = True
    elif media_type in _TEXT_TYPES or media_type in _GENERIC_TYPES:
        is_html = False
    else:
        raise InputError(f"{label} is not a web page or text (Content-Type {media_type})")
    text, encoding = _decode(body, charset, is_html, label)
    if not is_html and media_type in _GENERIC_TYPES:
        is_html = looks_like_html(text)
    return build_document(text, path=url, encoding=encoding, html=is_html, label=label, lang=lang,
                          whole_page=whole_page)
