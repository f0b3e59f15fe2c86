"""The Python API: ``transdiff.compare`` and ``transdiff.align``. The CLI is a thin layer over these."""
from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from typing import Callable, Iterable, Optional, Union

from .align import Hierarchy, align_documents, align_presegmented
from .compare import DEFAULT_MIN_CONFIDENCE, Settings, find_differences
from .errors import InputError, LanguageError
from .compare.links import linked_share
from .load import from_text, load_path
from .represent import Representer
from .dictionary.cedict import load_cedict
from .compare.finding_gloss import gloss_findings
from .represent.glossary import Glossary, load_glossary
from .types import Alignment, Document, Result

DocumentLike = Union[str, os.PathLike, Document]
# Below this share of content words linked to a counterpart (translations: 0.4-0.8, unrelated texts
# about 0.06), two documents do not look like translations of each other.
MIN_ALIGNED_SHARE = 0.2
MIN_SEGMENTS_FOR_RELATEDNESS = 4

_REPRESENTERS: dict[str, Representer] = {}


def transdiff_version() -> str:
    try:
        return version("transdiff")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def _as_document(doc: DocumentLike, role: str, whole_page: bool = False) -> Document:
    if isinstance(doc, Document):
        return doc
    return load_path(doc, role=role, whole_page=whole_page)


def representer_for(glossary: Optional[Glossary]) -> Representer:
    """One Representer per glossary and process: the dictionary and jieba are loaded once."""
    g = glossary or load_glossary()
    hit = _REPRESENTERS.get(g.digest)
    if hit is None:
        hit = _REPRESENTERS[g.digest] = Representer(g)
    return hit


def order_pair(first: Document, second: Document, source_lang: Optional[str] = None) -> tuple[Document, Document]:
    """(source, target): one Chinese and one English document; the first is the source unless told."""
    langs = {first.lang, second.lang}
    if langs != {"zh", "en"}:
        both = first.lang
        names = f"{first.path or 'first text'} and {second.path or 'second text'}"
        raise LanguageError(
            f"{names} are both {'Chinese' if both == 'zh' else 'English'}; compare needs one Chinese and one "
            f"English document (use 'transdiff diff' for two versions in one language)"
        )
    if source_lang is None or source_lang == first.lang:
        return first, second
    if source_lang not in ("zh", "en"):
        raise LanguageError(f"--source must be 'zh' or 'en', not {source_lang!r}")
    return second, first


def _signature(hierarchy: Hierarchy, glossary: Glossary, settings: Settings, level: str) -> dict:
    return {
        "transdiff": transdiff_version(),
        "level": level,
        "engine": hierarchy.engine,
        "min_confidence": settings.min_confidence,
        "dictionary": f"CC-CEDICT {load_cedict().release}",
        "glossary_sha256": glossary.digest[:16],
    }


def compare(source: DocumentLike, target: DocumentLike, *, source_lang: Optional[str] = None,
            level: str = "clause", glossary: Optional[Union[Glossary, Iterable[str]]] = None,
            min_confidence: float = DEFAULT_MIN_CONFIDENCE,
            progress: Optional[Callable[[str], None]] = None, check_related: bool = True,
            whole_page: bool = False) -> Result:
    """Compare a Chinese and an English document clause by clause.

    ``source`` and ``target`` are paths, URLs or Documents (``transdiff.load.from_text`` makes one
    from a string). Web pages are compared by their article text; ``whole_page`` compares all their
    visible text instead. Returns a Result whose findings are ranked by confidence.
    """
    if level not in ("sentence", "clause"):
        raise InputError(f"level must be 'sentence' or 'clause', not {level!r}")
    first = _as_document(source, "source", whole_page)
    second = _as_document(target, "target", whole_page)
    src, tgt = order_pair(first, second, source_lang)
    gloss = glossary if isinstance(glossary, Glossary) else load_glossary(glossary or ())
    representer = representer_for(gloss)
    if check_related:
        _check_lengths(src, tgt)
    hierarchy = align_documents(src, tgt, representer, level=level, progress=progress)
    if check_related:
        _check_related(src, tgt, hierarchy)
    settings = Settings(min_confidence=min_confidence, glossary=gloss)
    findings = find_differences(src, tgt, hierarchy, settings)
    gloss_findings(findings, src, tgt, hierarchy, representer.lexicon)
    alignment = hierarchy.clauses if hierarchy.clauses is not None else hierarchy.sentences
    return Result(src, tgt, alignment, findings, _signature(hierarchy, gloss, settings, level), level)


# English runs 2.5-6 characters per Chinese character in translations; far outside this range two
# documents cannot be translations of each other, and aligning them would only burn time and memory.
PLAUSIBLE_EN_PER_ZH = (0.5, 20.0)


def _check_lengths(src: Document, tgt: Document) -> None:
    zh, en = (src, tgt) if src.lang == "zh" else (tgt, src)
    zh_chars = sum(1 for ch in zh.norm if not ch.isspace())
    en_chars = sum(1 for ch in en.norm if not ch.isspace())
    if zh_chars < 200 or en_chars < 200:   # short texts: headings and fragments vary too much
        return
    ratio = en_chars / zh_chars
    low, high = PLAUSIBLE_EN_PER_ZH
    if not low <= ratio <= high:
        longer = "English" if ratio > high else "Chinese"
        factor = ratio / 3.5 if ratio > high else 3.5 / ratio
        raise InputError(
            f"{src.path or 'source'} and {tgt.path or 'target'} do not look like translations of each other "
            f"(the {longer} is about {factor:.0f} times longer than a translation would be)"
        )


def _check_related(src: Document, tgt: Document, hierarchy: Hierarchy) -> None:
    sentences = hierarchy.sentences
    if min(len(sentences.source), len(sentences.target)) < MIN_SEGMENTS_FOR_RELATEDNESS:
        return
    # the DP pairs sentences of unrelated texts too; what tells is how much of the content links up
    share = linked_share(hierarchy)
    if share < MIN_ALIGNED_SHARE:
        raise InputError(
            f"{src.path or 'source'} and {tgt.path or 'target'} do not look like translations of each other "
            f"(only {share:.0%} of the text aligns word for word)"
        )


def align(source: DocumentLike, target: DocumentLike, *, level: str = "sentence",
          glossary: Optional[Union[Glossary, Iterable[str]]] = None, source_lang: Optional[str] = None,
          presegmented: bool = False, progress: Optional[Callable[[str], None]] = None,
          whole_page: bool = False) -> Alignment:
    """Align two documents (one Chinese, one English) at sentence or clause level.

    With ``presegmented=True`` every line is one segment and its 0-based line number is its id;
    ``whole_page`` as in ``compare``.
    """
    first = _as_document(source, "source", whole_page)
    second = _as_document(target, "target", whole_page)
    src, tgt = order_pair(first, second, source_lang)
    gloss = glossary if isinstance(glossary, Glossary) else load_glossary(glossary or ())
    if presegmented:
        return align_presegmented(src, tgt, representer_for(gloss), progress=progress).sentences
    hierarchy = align_documents(src, tgt, representer_for(gloss), level=level, progress=progress)
    return hierarchy.clauses if hierarchy.clauses is not None else hierarchy.sentences


__all__ = ["compare", "align", "from_text", "load_path", "order_pair", "transdiff_version",
           "MIN_ALIGNED_SHARE", "LanguageError"]
