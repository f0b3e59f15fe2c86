"""Reports of ``transdiff check`` (an XLIFF/TMX file's units): text and JSON."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from transdiff.bilingual.check import CheckReport
from transdiff.checks.terms import render_terms_text
from transdiff.checks.untranslated import flat_text

_FORMAT_NAMES = {"xliff-1.2": "XLIFF 1.2", "xliff-2.0": "XLIFF 2.0", "tmx-1.4": "TMX 1.4"}


def _short(text: str, limit: int = 160) -> str:
    flat = flat_text(text)
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def render_check_text(report: CheckReport) -> str:
    name = report.path or "input"
    lines = [f"{name}: {_FORMAT_NAMES.get(report.format, report.format)}, {report.source_lang} -> "
             f"{report.target_lang}, {report.units} unit{'s' if report.units != 1 else ''}, "
             f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}"]
    counts = ", ".join(f"{check} {n}" for check, n in report.counts().items())
    lines.append(f"checks: {counts}")
    for f in report.findings:
        lines.append("")
        confidence = f" ({f.confidence:.2f})" if f.check == "omission" else ""
        lines.append(f"unit {f.unit}  [{f.check}]{confidence}  {f.message}")
        lines.append(f"  source: {_short(f.source_text)}")
        lines.append(f"  target: {_short(f.target_text)}")
    if report.terms:
        lines += ["", render_terms_text(report.terms, where_key="units").rstrip("\n")]
    return "\n".join(lines) + "\n"


def check_to_dict(report: CheckReport) -> dict[str, Any]:
    from transdiff.api import transdiff_version

    return {"transdiff": transdiff_version(), "file": report.path, "format": report.format,
            "source_lang": report.source_lang, "target_lang": report.target_lang, "units": report.units,
            "checks": list(report.checks), "counts": report.counts(),
            "findings": [asdict(f) for f in report.findings], "terms": report.terms}


def render_check_json(report: CheckReport) -> str:
    return json.dumps(check_to_dict(report), ensure_ascii=False, indent=2) + "\n"
