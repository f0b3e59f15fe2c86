"""Text -> Document: normalise it (HTML: its visible text), decide its language and script.

``Document.norm`` stays close to ``Document.text`` and every norm character maps back to an offset of
it through ``Document.norm_to_text``. For HTML, ``Document.text`` is the extracted text (the article,
or with ``whole_page`` all the visible text; see ``article``), never markup, as for .docx and .pdf.
The loaders of every input kind (files in ``transdiff.load``, .docx/.pdf in ``office``, URLs in
``url``) end here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..errors import InputError, LanguageError
from ..types import Document
from .article import page_text
from .normalise import normalise

_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


# --------------------------------------------------------------------------- language and script
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[a-z\u00c0-\u024f]+")
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to in is that for be with as by are this which from have has shall was were it its or
    an at on not their been will all any such other these those who may his her they he she we our
    you your there would should can""".split()
)
# Frequent words of other Latin-script languages that are not English words.
OTHER_FUNCTION_WORDS = frozenset(
    """le la les des du et est une dans pour qui que pas sur au aux der die das und ist nicht ein eine
    den dem mit von zu auf sich el los las y por con del se una il di che per da lo gli della""".split()
)
_SAMPLE_CHARS = 400_000


def _sample(norm: str) -> str:
    """Evenly spaced slices of a long text: language statistics do not need 50 MB."""
    if len(norm) <= _SAMPLE_CHARS:
        return norm
    parts, size = 8, _SAMPLE_CHARS // 8
    step = (len(norm) - size) // (parts - 1)
    return "\n".join(norm[k * step: k * step + size] for k in range(parts))


def _count(pattern: re.Pattern[str], text: str) -> int:
    return pattern.subn("", text)[1]


def _language_evidence(norm: str) -> tuple[Optional[str], str]:
    sample = _sample(norm)
    letters = _count(_LETTER, sample)
    if letters == 0:
        return None, "it has no letters"
    han, kana, hangul = _count(_HAN, sample), _count(_KANA, sample), _count(_HANGUL, sample)
    if kana >= 0.1 * (han + kana) and kana >= 5:
        return None, "it looks Japanese (kana)"
    if hangul >= 0.2 * letters:
        return None, "it looks Korean (Hangul)"
    latin = _count(_LATIN, sample)
    words = _WORD.findall(sample.lower())
    # A Chinese character is about half a word: more of them than Latin words means Chinese text
    # with English names or terms in it, not the other way round.
    if han and han >= len(words) and han >= 0.25 * (letters - latin):
        return "zh", f"{han} Chinese characters against {len(words)} Latin-script words"
    if latin < 0.5 * letters:
        return None, "it is mostly in a script other than Chinese or Latin"
    english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    other = sum(1 for w in words if w in OTHER_FUNCTION_WORDS)
    share = english / len(words) if words else 0.0
    if share >= 0.12 and english > 2 * other:
        return "en", f"{share:.0%} of its words are common English words"
    if len(words) < 12 and other == 0 and sample.isascii() and (english or len(words) >= 3):
        return "en", "a short ASCII text without foreign function words"
    return None, f"Latin-script text with few common English words ({share:.0%})"


def detect_language(norm: str) -> Optional[str]:
    """"zh", "en" or None (neither, e.g. Japanese, Korean, French, German)."""
    return _language_evidence(norm)[0]


@lru_cache(maxsize=1)
def _script_tables() -> tuple[frozenset[str], frozenset[str], dict[int, str]]:
    from ..dictionary.cedict import load_cedict

    dic = load_cedict()
    simplified_chars = {ch for word in dic.senses for ch in word}
    traditional_only = frozenset(t for t in dic.trad_chars if t not in simplified_chars)
    simplified_targets = frozenset(s for s in dic.trad_chars.values() if s not in dic.trad_chars)
    to_simplified = {ord(t): s for t, s in dic.trad_chars.items()}
    return traditional_only, simplified_targets, to_simplified


def chinese_script(norm: str) -> str:
    """"traditional" when a clear share of the Han characters exist only in traditional script."""
    traditional_only, simplified_targets, _ = _script_tables()
    han = _HAN.findall(_sample(norm))
    if not han:
        return "simplified"
    trad = sum(1 for ch in han if ch in traditional_only)
    simp = sum(1 for ch in han if ch in simplified_targets)
    # Real traditional text has 10-30% traditional-only characters; simplified text next to none.
    return "traditional" if trad >= 0.04 * len(han) and trad > 2 * simp else "simplified"


# --------------------------------------------------------------------------- documents
def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:1024]) is not None


def build_document(text: str, *, path: Optional[str], encoding: str, html: bool, label: str,
                   lang: Optional[str] = None, whole_page: bool = False) -> Document:
    extraction: Optional[str] = None
    extractor: Optional[str] = None
    if html:
        page = page_text(text, whole_page=whole_page, label=label)
        text, extraction, extractor = page.text, page.extraction, page.extractor
    norm, norm_map = normalise(text)
    if not norm:
        raise InputError(f"{label} is an HTML page without visible text" if html
                         else f"{label} contains only whitespace")
    if lang is None:
        lang, reason = _language_evidence(norm)
        if lang is None:
            raise LanguageError(f"{label}: the text is neither Chinese nor English ({reason})")
    elif lang not in ("zh", "en"):
        raise LanguageError(f"{label}: language {lang!r} is not supported (use 'zh' or 'en')")
    script: Optional[str] = None
    lookup = norm
    if lang == "zh":
        script = chinese_script(norm)
        if script == "traditional":
            lookup = norm.translate(_script_tables()[2])
    return Document(text=text, norm=norm, norm_to_text=norm_map, lang=lang, path=path,  # type: ignore[arg-type]
                    encoding=encoding, script=script, lookup=lookup, extraction=extraction,
                    extractor=extractor)
