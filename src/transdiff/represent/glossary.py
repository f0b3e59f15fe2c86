"""Glossaries: Chinese term -> English renderings, built in and user supplied (--glossary FILE).

File format (UTF-8 TSV): ``Chinese term<TAB>rendering|rendering|...``, optionally ``<TAB>source`` (where
the entry comes from; the built-in glossary gives one for every entry, transdiff does not read it);
``#`` starts a comment line.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError


@dataclass
class Glossary:
    terms: dict[str, list[str]] = field(default_factory=dict)
    digest: str = ""                     # sha256 of the files' bytes, for the result signature

    def renderings(self, term: str) -> list[str]:
        return self.terms.get(term, [])

    def merged(self, other: "Glossary") -> "Glossary":
        terms = {k: list(v) for k, v in self.terms.items()}
        for term, variants in other.terms.items():
            known = terms.setdefault(term, [])
            known.extend(v for v in variants if v not in known)
        digest = hashlib.sha256((self.digest + other.digest).encode()).hexdigest()
        return Glossary(terms, digest)


def parse_glossary(text: str, *, name: str = "glossary") -> Glossary:
    terms: dict[str, list[str]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip("\ufeff").rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            raise InputError(
                f"{name}, line {lineno}: expected 'Chinese term<TAB>English|English...', got {line[:60]!r}"
            )
        term = parts[0].strip()
        if not any("\u3400" <= ch <= "\u9fff" for ch in term):
            raise InputError(f"{name}, line {lineno}: the first column must be a Chinese term, got {term!r}")
        variants = [v.strip() for v in parts[1].split("|") if v.strip()]
        known = terms.setdefault(term, [])
        known.extend(v for v in variants if v not in known)
    return Glossary(terms, hashlib.sha256(text.encode("utf-8")).hexdigest())


_BUILTIN: Optional[Glossary] = None


def builtin_glossary() -> Glossary:
    global _BUILTIN
    if _BUILTIN is None:
        data = resources.files("transdiff").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
        _BUILTIN = parse_glossary(data, name="built-in glossary")
    return _BUILTIN


def load_glossary(paths: Iterable[str | Path] = (), *, builtin: bool = True) -> Glossary:
    """The built-in glossary merged with user glossary files (later files add renderings)."""
    glossary = builtin_glossary() if builtin else Glossary()
    for path in paths:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"glossary {path}: cannot read it ({exc.strerror or exc})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"glossary {path}: not UTF-8 text; save it as UTF-8 TSV") from None
        glossary = glossary.merged(parse_glossary(text, name=f"glossary {path}"))
    return glossary
