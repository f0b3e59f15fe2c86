"""Translators' quality checks on a ``compare`` result, in one vocabulary shared with ``transdiff check``.

Checks (``--checks a,b,...``):

- ``omission``: omissions, additions and partial renderings (the coverage findings of compare);
- ``numbers`` / ``dates`` / ``names``: mismatch findings of kind number / date / name (numbers.py,
  names.py behind the interface of mismatch.py: an ``AlignedPair`` in, ``Mismatch``es out; compare runs
  them on each aligned sentence pair, ``transdiff check`` on each translation unit);
- ``untranslated``: a target clause identical to its aligned source, or left in the source's script
  (Chinese characters in the English version, English words in the Chinese version). Reported as type
  ``mismatch`` with ``detail.kind == "untranslated"`` (the finding types are fixed);
- ``punctuation``: an aligned sentence pair whose sentence-final marks (。？！ / . ? !) differ in kind,
  type ``mismatch`` with ``detail.kind == "punctuation"``; off by default (hard-wrapped and list text
  makes it noisy);
- ``terms``: term consistency, a document-level list (not findings), see ``term_consistency`` and
  the "Term consistency" section of docs/formats.md.

One module per check (untranslated.py, punctuation.py, terms.py, numbers.py, names.py); what they share
is in pairs.py. Numbers, dates and names are mismatch findings that compare makes by calling
``mismatch.pair_mismatches`` and that are filtered here. This module holds the vocabulary (``CHECKS``,
``parse_checks``) and ``apply_checks``.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable, Optional, Sequence

from ..errors import InputError
from ..types import Finding, Result
from .pairs import SentencePair, sentence_pairs
from .punctuation import punctuation_findings
from .terms import TermPair, render_terms_text, term_consistency, term_consistency_pairs
from .untranslated import foreign_share, untranslated_findings

CHECKS: tuple[str, ...] = ("omission", "numbers", "dates", "names", "untranslated", "terms", "punctuation")
DEFAULT_COMPARE_CHECKS: tuple[str, ...] = ("omission", "numbers", "dates", "names", "untranslated", "terms")
_MISMATCH_CHECK = {"number": "numbers", "date": "dates", "name": "names", "untranslated": "untranslated",
                   "punctuation": "punctuation"}


def parse_checks(value: Optional[str | Iterable[str]], *, allowed: Sequence[str] = CHECKS,
                 default: Optional[Sequence[str]] = None) -> tuple[str, ...]:
    """Checks named in ``value`` ("numbers,dates" or a list) in canonical order.

    None gives ``default`` (``allowed`` when no default); "all" or "any" gives every allowed check.
    """
    if value is None:
        return tuple(default if default is not None else allowed)
    names = [v.strip() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    if not names or "all" in names or "any" in names:
        return tuple(allowed)
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise InputError(f"unknown check(s) {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return tuple(c for c in allowed if c in names)


def check_of(finding: Finding) -> Optional[str]:
    """The check a finding belongs to; None for a mismatch kind no check knows (never filtered out)."""
    if finding.type in ("omission", "addition", "partial"):
        return "omission"
    return _MISMATCH_CHECK.get(str((finding.detail or {}).get("kind")))


def filter_findings(findings: Iterable[Finding], checks: Iterable[str]) -> list[Finding]:
    """The findings whose check is among ``checks`` (findings of an unknown kind are kept)."""
    wanted = set(checks)
    return [f for f in findings if (c := check_of(f)) is None or c in wanted]


def apply_checks(result: Result, checks: Optional[str | Iterable[str]] = None) -> Result:
    """The result with only the findings of ``checks`` (default DEFAULT_COMPARE_CHECKS), plus the
    findings of the checks compare itself does not run (untranslated, punctuation)."""
    wanted = parse_checks(checks, default=DEFAULT_COMPARE_CHECKS)
    min_conf = float(result.signature.get("min_confidence", 0.5))
    findings = filter_findings(result.findings, wanted)
    if "untranslated" in wanted:
        findings += untranslated_findings(result, min_conf)
    if "punctuation" in wanted:
        findings += punctuation_findings(result, min_conf)
    findings.sort(key=lambda f: (-f.confidence, (f.source_span or f.target_span or (0, 0))[0]))
    return dataclasses.replace(result, findings=findings, signature={**result.signature, "checks": list(wanted)})


__all__ = ["CHECKS", "DEFAULT_COMPARE_CHECKS", "SentencePair", "TermPair", "apply_checks", "check_of",
           "filter_findings", "foreign_share", "parse_checks", "punctuation_findings", "render_terms_text",
           "sentence_pairs", "term_consistency", "term_consistency_pairs", "untranslated_findings"]
