"""XLIFF 2.0 export of an alignment: a bilingual file a reviewer opens in a CAT tool.

One ``<unit id>`` per bead (the bead id, 0-based), each with one ``<segment>`` holding ``<source>``
and ``<target>``. Beads with an empty side are left out unless asked for; then the unit carries a
note "unmatched" and the missing side is an empty ``<source>`` or no ``<target>`` (state "initial").
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Optional, Sequence

from transdiff.report.table import findings_by_bead, side_text
from transdiff.report.tmx import finding_note, language_tag, serialise, xml_safe
from transdiff.types import Alignment, Document, Result

XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"


def _original(source_doc: Document) -> Optional[str]:
    return xml_safe(source_doc.path) if source_doc.path else None


def build_xliff(alignment: Alignment, source_doc: Document, target_doc: Document, *,
                include_unmatched: bool = False,
                notes: Optional[dict[int, Sequence[str]]] = None) -> ET.Element:
    # the default namespace is written as a plain attribute so that ElementTree's global prefix
    # registry is left alone and every element stays unprefixed
    root = ET.Element("xliff", {"xmlns": XLIFF20_NS, "version": "2.0",
                                "srcLang": language_tag(source_doc), "trgLang": language_tag(target_doc)})
    file_attrs = {"id": "f1"}
    original = _original(source_doc)
    if original:
        file_attrs["original"] = original
    file_el = ET.SubElement(root, "file", file_attrs)
    for number, bead in enumerate(alignment.beads):
        matched = bool(bead.source and bead.target)
        if not matched and not include_unmatched:
            continue
        unit = ET.SubElement(file_el, "unit", {"id": str(number)})
        texts = list((notes or {}).get(number, ()))
        if not matched:
            texts.insert(0, "unmatched: " + ("no target counterpart" if bead.source else "no source counterpart"))
        if texts:
            notes_el = ET.SubElement(unit, "notes")
            for text in texts:
                ET.SubElement(notes_el, "note", {"category": "transdiff"}).text = text
        segment = ET.SubElement(unit, "segment", {"id": "s1", "state": "translated" if bead.target else "initial"})
        ET.SubElement(segment, "source").text = xml_safe(side_text(source_doc, alignment.source, bead.source))
        if bead.target:
            ET.SubElement(segment, "target").text = xml_safe(side_text(target_doc, alignment.target, bead.target))
    return root


def render_xliff(alignment: Alignment, source_doc: Document, target_doc: Document, *,
                 include_unmatched: bool = False) -> str:
    """The alignment as an XLIFF 2.0 document (a string starting with the XML declaration)."""
    return serialise(build_xliff(alignment, source_doc, target_doc, include_unmatched=include_unmatched))


def render_xliff_result(result: Result, *, include_unmatched: bool = False) -> str:
    """A comparison's alignment as XLIFF 2.0, with each bead's findings as ``<note>`` elements."""
    notes = {bead: [finding_note(result.findings[p]) for p in positions]
             for bead, positions in findings_by_bead(result).items()}
    return serialise(build_xliff(result.alignment, result.source, result.target,
                                 include_unmatched=include_unmatched, notes=notes))
