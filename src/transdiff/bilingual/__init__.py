"""Readers for bilingual translation files: XLIFF 1.2, XLIFF 2.0 and TMX 1.4.

Each reader returns a ``BilingualFile``: the file's two languages and its translation units (id,
source text, target text) in document order. Inline markup is reduced to the text a reader sees:
wrapping elements (``<g>``, ``<pc>``, ``<mrk>``, ``<hi>``) keep their text, native-code elements
(``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<ut>``) are left out.

Parsing is done by expat directly, so that documents declaring entities (the "billion laughs" and
external-entity attacks) are refused before any expansion: a DOCTYPE is accepted only without an
internal subset, which is how real XLIFF and TMX files use it (``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``).
"""
from __future__ import annotations

import codecs
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional
from xml.parsers import expat

from ..errors import InputError, LanguageError

XML_NS = "http://www.w3.org/XML/1998/namespace"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"
MAX_FILE_BYTES = 2 * 1024 ** 3

# Inline elements that hold native codes, not text; wrappers (g, mrk, pc, hi) keep their text.
_CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em", "sub"})


@dataclass
class TranslationUnit:
    id: str
    source: str
    target: str          # "" when the unit has no target
    has_target: bool = True


@dataclass
class BilingualFile:
    path: Optional[str]
    format: str          # "xliff-1.2" | "xliff-2.0" | "tmx-1.4"
    source_lang: str     # language tags as written in the file, e.g. "zh-CN"
    target_lang: str
    units: list[TranslationUnit] = field(default_factory=list)

    @property
    def source_code(self) -> str:
        return base_language(self.source_lang, self.path)

    @property
    def target_code(self) -> str:
        return base_language(self.target_lang, self.path)


def base_language(tag: str, path: Optional[str] = None) -> str:
    """"zh" or "en" for a BCP 47 tag (zh-CN, zh-Hant-TW, cmn, en-GB); LanguageError otherwise."""
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    if primary in ("zh", "cmn", "chi", "zho"):
        return "zh"
    if primary in ("en", "eng"):
        return "en"
    where = f"{path}: " if path else ""
    raise LanguageError(f"{where}language {tag!r} is not supported; transdiff checks Chinese-English pairs")


# ------------------------------------------------------------------------------------------ parsing
class _Refused(Exception):
    pass


# Encodings expat decodes itself; any other one the XML declaration names (GB18030, GBK, Big5,
# Shift_JIS, windows-1252 ...) is decoded here and handed to expat as text.
_EXPAT_ENCODINGS = frozenset({"utf-8", "utf8", "utf-16", "utf16", "iso-8859-1", "latin-1", "latin1",
                              "us-ascii", "ascii"})
_DECLARED_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']""")


def _decoded_for_expat(data: bytes, label: str) -> bytes | str:
    """The bytes as they are when expat reads their encoding; else the text, decoded as declared."""
    match = _DECLARED_ENCODING.match(data[:1024])
    if not match:
        return data
    name = match.group(1).decode("ascii", "replace").strip()
    if name.lower() in _EXPAT_ENCODINGS:
        return data
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputError(f"{label} declares an unknown encoding {name!r}; save it as UTF-8") from None
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(f"{label} is not valid {name} text (byte {exc.start}), as its XML declaration "
                         f"says; save it as UTF-8 or correct the declaration") from None


def parse_xml(data: bytes, label: str) -> ET.Element:
    """Parse XML into an ElementTree element, refusing entity declarations and internal DTD subsets."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse_doctype(name, system_id, public_id, has_internal_subset):
        if has_internal_subset:
            raise _Refused("it declares a DOCTYPE with an internal subset (possible entity expansion attack)")

    def refuse_entity(*_args):
        raise _Refused("it declares XML entities (possible entity expansion attack)")

    def qualified(name: str) -> str:
        return "{" + name if "}" in name else name

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = lambda *_args: 0  # never fetch anything
    parser.StartElementHandler = lambda name, attrs: builder.start(
        qualified(name), {qualified(k): v for k, v in attrs.items()})
    parser.EndElementHandler = lambda name: builder.end(qualified(name))
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.Parse(_decoded_for_expat(data, label), True)
        return builder.close()
    except _Refused as exc:
        raise InputError(f"{label} is refused: {exc}") from None
    except expat.ExpatError as exc:
        raise InputError(f"{label} is not well-formed XML: {expat.ErrorString(exc.code)} "
                         f"at line {exc.lineno}, column {exc.offset + 1}") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def inline_text(element: Optional[ET.Element]) -> str:
    """The text of a segment element with its inline codes left out (tails of codes are kept)."""
    if element is None:
        return ""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        parts.append(node.text or "")
        for child in node:
            name = _local(child.tag)
            if name == "cp":  # XLIFF 2.0: a code point that XML cannot carry
                parts.append(_code_point(child.get("hex", "")))
            elif name not in _CODE_ELEMENTS:
                walk(child)
            parts.append(child.tail or "")

    walk(element)
    return "".join(parts)


def _code_point(hex_value: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        return ""


# ------------------------------------------------------------------------------------------ readers
def _children(node: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in node if _local(child.tag) == name)


def _first(node: ET.Element, name: str) -> Optional[ET.Element]:
    return next(_children(node, name), None)


def _walk_units(node: ET.Element, unit_name: str) -> Iterator[ET.Element]:
    """Units in document order, through any nesting of <group>."""
    for child in node:
        name = _local(child.tag)
        if name == unit_name:
            yield child
        elif name in ("group", "body"):
            yield from _walk_units(child, unit_name)


def _read_xliff12(root: ET.Element, path: Optional[str], label: str) -> BilingualFile:
    files = list(_children(root, "file"))
    if not files:
        raise InputError(f"{label} has no <file> element")
    src_lang = files[0].get("source-language", "")
    tgt_lang = files[0].get("target-language", "")
    if not src_lang or not tgt_lang:
        raise InputError(f"{label}: <file> needs source-language and target-language attributes")
    units: list[TranslationUnit] = []
    for number, file_el in enumerate(files):
        for position, tu in enumerate(_walk_units(file_el, "trans-unit"), start=1):
            uid = tu.get("id") or str(position)
            if len(files) > 1:
                uid = f"{file_el.get('original') or number + 1}/{uid}"
            target = _first(tu, "target")
            units.append(TranslationUnit(uid, inline_text(_first(tu, "source")), inline_text(target),
                                         target is not None))
    return BilingualFile(path, "xliff-1.2", src_lang, tgt_lang, units)


def _read_xliff20(root: ET.Element, path: Optional[str], label: str) -> BilingualFile:
    src_lang, tgt_lang = root.get("srcLang", ""), root.get("trgLang", "")
    if not src_lang or not tgt_lang:
        raise InputError(f"{label}: <xliff> needs srcLang and trgLang attributes to be checked")
    files = list(_children(root, "file"))
    units: list[TranslationUnit] = []
    for number, file_el in enumerate(files):
        for position, unit in enumerate(_walk_units(file_el, "unit"), start=1):
            uid = unit.get("id") or str(position)
            if len(files) > 1:
                uid = f"{file_el.get('id') or number + 1}/{uid}"
            source_parts, target_parts, has_target = [], [], False
            # segments and the ignorable whitespace between them, in order, make the unit's text
            for part in unit:
                if _local(part.tag) not in ("segment", "ignorable"):
                    continue
                target = _first(part, "target")
                source_text = inline_text(_first(part, "source"))
                source_parts.append(source_text)
                if target is not None:
                    has_target = has_target or _local(part.tag) == "segment"
                    target_parts.append(inline_text(target))
                elif _local(part.tag) == "ignorable":
                    target_parts.append(source_text)  # an ignorable without target is copied as is
            units.append(TranslationUnit(uid, "".join(source_parts), "".join(target_parts) if has_target else "",
                                         has_target))
    return BilingualFile(path, "xliff-2.0", src_lang, tgt_lang, units)


def _tuv_lang(tuv: ET.Element) -> str:
    return tuv.get(f"{{{XML_NS}}}lang") or tuv.get("lang") or ""


def _read_tmx(root: ET.Element, path: Optional[str], label: str) -> BilingualFile:
    header, body = _first(root, "header"), _first(root, "body")
    if header is None or body is None:
        raise InputError(f"{label}: a TMX file needs <header> and <body>")
    tus = list(_children(body, "tu"))
    src_lang = header.get("srclang", "")
    if not src_lang or src_lang == "*all*":
        # no declared source: the language of the first variant of the first unit is the source
        first_tuv = next((tuv for tu in tus for tuv in _children(tu, "tuv")), None)
        src_lang = _tuv_lang(first_tuv) if first_tuv is not None else ""
    if not src_lang:
        raise InputError(f"{label}: cannot tell the source language (no srclang in <header>)")
    src_code = base_language(src_lang, path)
    tgt_lang = ""
    units: list[TranslationUnit] = []
    for position, tu in enumerate(tus, start=1):
        uid = tu.get("tuid") or str(position)
        source = target = None
        for tuv in _children(tu, "tuv"):
            lang = _tuv_lang(tuv)
            try:
                code = base_language(lang)
            except LanguageError:
                continue  # a third language in a multilingual memory plays no part here
            if code == src_code and source is None:
                source = tuv
            elif code != src_code and target is None:
                target, tgt_lang = tuv, tgt_lang or lang
        units.append(TranslationUnit(
            uid, inline_text(_first(source, "seg")) if source is not None else "",
            inline_text(_first(target, "seg")) if target is not None else "", target is not None))
    if not tgt_lang:
        tgt_lang = "en" if src_code == "zh" else "zh"
    return BilingualFile(path, "tmx-1.4", src_lang, tgt_lang, units)


def read_bilingual_bytes(data: bytes, *, path: Optional[str] = None) -> BilingualFile:
    """Read XLIFF 1.2, XLIFF 2.0 or TMX from bytes (the XML declaration decides the encoding)."""
    label = f"{path!r}" if path else "the bilingual file"
    if not data.strip():
        raise InputError(f"{label} is empty")
    opening = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not opening.startswith((b"<", b"\x00<", b"\xff\xfe", b"\xfe\xff")):  # UTF-8 (BOM), UTF-16
        raise InputError(f"{label} is not XML: check reads XLIFF 1.2/2.0 or TMX 1.4 files "
                         f"(two documents are compared with 'transdiff compare ZH EN')")
    root = parse_xml(data, label)
    name, version = _local(root.tag), root.get("version", "")
    if name == "tmx":
        reader = _read_tmx
    elif name == "xliff" and (_ns(root.tag) == XLIFF20_NS or version.startswith("2")):
        reader = _read_xliff20
    elif name == "xliff" and (_ns(root.tag) == XLIFF12_NS or version.startswith("1")):
        reader = _read_xliff12
    else:
        raise InputError(f"{label} is neither XLIFF nor TMX (root element <{name}>)")
    result = reader(root, path, label)
    base_language(result.source_lang, path)
    base_language(result.target_lang, path)
    if result.source_code == result.target_code:
        raise LanguageError(f"{label}: source and target are both {result.source_lang!r}; "
                            f"check needs one Chinese and one English side")
    return result


def read_bilingual(path: str | os.PathLike[str]) -> BilingualFile:
    """Read a bilingual file from disk. Raises InputError / LanguageError with a one-line message."""
    from ..load import read_file_bytes

    if not os.fspath(path).strip():  # Path("") is the current folder
        raise InputError("the file name is empty; give the path of an XLIFF or TMX file")
    data = read_file_bytes(Path(path), repr(os.fspath(path)), max_bytes=MAX_FILE_BYTES)
    return read_bilingual_bytes(data, path=os.fspath(path))


__all__ = ["BilingualFile", "TranslationUnit", "base_language", "inline_text", "parse_xml",
           "read_bilingual", "read_bilingual_bytes"]
