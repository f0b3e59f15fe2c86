"""TMX 1.4b export of an alignment: a translation memory any CAT tool can import.

One ``<tu>`` per bead (``tuid`` = the bead id, 0-based, as in every other transdiff output), each
with a ``<tuv xml:lang=...><seg>`` per side. Beads with an empty side are left out unless asked
for; then they carry ``<prop type="x-transdiff-status">unmatched</prop>`` and only the side they have.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Optional, Sequence

from transdiff.report.table import findings_by_bead, side_text
from transdiff.types import Alignment, Document, Finding, Result

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SEGTYPES = {"paragraph": "paragraph", "sentence": "sentence", "clause": "phrase"}

# XML 1.0 allows tab, line feed, carriage return and these ranges; anything else cannot be written.
_ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _ILLEGAL_XML.sub("", text)


def language_tag(doc: Document) -> str:
    """The BCP 47 tag CAT tools expect: zh-CN for simplified, zh-TW for traditional Chinese, en."""
    if doc.lang == "zh":
        return "zh-TW" if doc.script == "traditional" else "zh-CN"
    return "en"


def segment_level(alignment: Alignment) -> str:
    first = alignment.source[0] if alignment.source else alignment.target[0] if alignment.target else None
    return first.level if first is not None else "sentence"


def serialise(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def finding_note(finding: Finding) -> str:
    return xml_safe(f"{finding.type} ({finding.confidence:.2f}): {finding.message}")


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "prop", {"type": kind}).text = value


def _tuv(parent: ET.Element, lang: str, text: str) -> None:
    tuv = ET.SubElement(parent, "tuv", {XML_LANG: lang})
    ET.SubElement(tuv, "seg").text = xml_safe(text)


def build_tmx(alignment: Alignment, source_doc: Document, target_doc: Document, *,
              include_unmatched: bool = False, notes: Optional[dict[int, Sequence[str]]] = None) -> ET.Element:
    from transdiff.api import transdiff_version

    src_lang, tgt_lang = language_tag(source_doc), language_tag(target_doc)
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(root, "header", {
        "creationtool": "transdiff",
        "creationtoolversion": transdiff_version(),
        "datatype": "plaintext",
        "segtype": SEGTYPES.get(segment_level(alignment), "sentence"),
        "adminlang": "en",
        "srclang": src_lang,
        "o-tmf": "transdiff",
    })
    body = ET.SubElement(root, "body")
    for number, bead in enumerate(alignment.beads):
        matched = bool(bead.source and bead.target)
        if not matched and not include_unmatched:
            continue
        tu = ET.SubElement(body, "tu", {"tuid": str(number)})
        # TMX 1.4b DTD: <!ELEMENT tu ((note|prop)*, tuv+)>
        for note in (notes or {}).get(number, ()):
            ET.SubElement(tu, "note").text = note
        _prop(tu, "x-transdiff-score", f"{bead.score:.4f}")
        if not matched:
            _prop(tu, "x-transdiff-status", "unmatched")
        if bead.source:
            _tuv(tu, src_lang, side_text(source_doc, alignment.source, bead.source))
        if bead.target:
            _tuv(tu, tgt_lang, side_text(target_doc, alignment.target, bead.target))
    return root


def render_tmx(alignment: Alignment, source_doc: Document, target_doc: Document, *,
               include_unmatched: bool = False) -> str:
    """The alignment as a TMX 1.4b document (a string starting with the XML declaration)."""
    return serialise(build_tmx(alignment, source_doc, target_doc, include_unmatched=include_unmatched))


def render_tmx_result(result: Result, *, include_unmatched: bool = False) -> str:
    """A comparison's alignment as TMX, with each bead's findings as ``<note>`` elements."""
    notes = {bead: [finding_note(result.findings[p]) for p in positions]
             for bead, positions in findings_by_bead(result).items()}
    return serialise(build_tmx(result.alignment, result.source, result.target,
                               include_unmatched=include_unmatched, notes=notes))
