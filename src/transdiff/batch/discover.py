"""Finding the pairs of a batch: in a folder (by file name) or in a CSV manifest.

Folder form, searched recursively:
  ``NAME.zh.EXT`` + ``NAME.en.EXT``      -> pair ``NAME`` (``sub/NAME`` below the top folder)
  ``DIR/zh.EXT``  + ``DIR/en.EXT``       -> pair ``DIR`` (its path relative to the top folder)
with EXT among .txt .md .html .htm. The group of a pair is the folder that holds it (the parent of
DIR for the second form), relative to the top folder; "" at the top.

Manifest form: a CSV file with a header row and the columns ``id,source,target[,group]``; paths are
relative to the manifest's folder.

A pair with a missing or ambiguous side is still listed, with its ``error`` set: the batch records it
as a failed pair instead of silently dropping it.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import InputError

PAIR_SUFFIXES = (".txt", ".md", ".html", ".htm")
LANGS = ("zh", "en")
LANG_NAMES = {"zh": "Chinese", "en": "English"}
MANIFEST_COLUMNS = ("id", "source", "target")
_SAFE_NAME = re.compile(r"[\w.\-]+")


@dataclass(frozen=True)
class Pair:
    """One source/target pair of a batch. ``error`` is set when the pair cannot be compared at all."""

    id: str
    source: Optional[str]          # absolute path, None when that side is missing
    target: Optional[str]
    group: str = ""
    source_label: str = ""         # the path as the user knows it (relative to INPUT)
    target_label: str = ""
    error: Optional[str] = None


def report_name(pair_id: str) -> str:
    """File name of a pair's JSON report: the id when it is a safe file name, else a sanitised id
    plus a short hash so that two different ids never share a file."""
    if _SAFE_NAME.fullmatch(pair_id) and not pair_id.startswith("."):
        return f"{pair_id}.json"
    cleaned = re.sub(r"[^\w.\-]+", "_", pair_id).strip("._") or "pair"
    digest = hashlib.sha1(pair_id.encode("utf-8")).hexdigest()[:8]
    return f"{cleaned[:80]}-{digest}.json"


def discover(input_path: str | os.PathLike[str]) -> list[Pair]:
    """The pairs of INPUT (a folder or a .csv manifest), in a stable order."""
    if not os.fspath(input_path).strip():  # Path("") is the current folder
        raise InputError("INPUT is empty; give a folder or a .csv manifest")
    path = Path(input_path)
    if path.is_dir():
        pairs = discover_folder(path)
        if not pairs:
            raise InputError(f"{path}: no pairs found (expected NAME.zh.txt + NAME.en.txt, or a subfolder "
                             f"with zh.txt + en.txt; .md .html .htm work too; list .docx and .pdf pairs in "
                             f"a CSV manifest)")
        return pairs
    if path.is_file():
        if path.suffix.lower() != ".csv":
            raise InputError(f"{path}: INPUT must be a folder or a .csv manifest (columns id,source,target[,group])")
        return read_manifest(path)
    raise InputError(f"{path} does not exist")


def _split_name(name: str) -> Optional[tuple[str, str]]:
    """(stem, lang) for ``stem.zh.txt`` / ``zh.txt``-style names, None for other files."""
    lower = name.lower()
    suffix = next((s for s in PAIR_SUFFIXES if lower.endswith(s)), None)
    if suffix is None:
        return None
    base = name[: -len(suffix)]
    for lang in LANGS:
        if base.lower() == lang:
            return "", lang
        if base.lower().endswith("." + lang) and len(base) > 3:
            return base[:-3], lang
    return None


def discover_folder(root: Path) -> list[Pair]:
    # pair id -> (group, lang -> files). ``a.zh.txt`` beside a folder ``a/zh.txt`` share the id ``a``
    # and so show up as one pair with two Chinese files, which is reported, not silently dropped.
    found: dict[str, tuple[str, dict[str, list[Path]]]] = {}
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        rel_folder = Path(folder).relative_to(root)
        for name in sorted(files):
            parsed = _split_name(name)
            if parsed is None or name.startswith("."):
                continue
            stem, lang = parsed
            if stem:
                pair_id = (rel_folder / stem).as_posix()
                group = "" if rel_folder == Path(".") else rel_folder.as_posix()
            elif rel_folder != Path("."):  # DIR/zh.txt: the folder is the pair
                pair_id = rel_folder.as_posix()
                group = "" if rel_folder.parent == Path(".") else rel_folder.parent.as_posix()
            else:  # a bare zh.txt at the top has no name to pair by
                continue
            found.setdefault(pair_id, (group, {}))[1].setdefault(lang, []).append(Path(folder) / name)
    return [_folder_pair(root, pair_id, group, sides) for pair_id, (group, sides) in sorted(found.items())]


def _folder_pair(root: Path, pair_id: str, group: str, sides: dict[str, list[Path]]) -> Pair:
    def label(p: Path) -> str:
        return p.relative_to(root).as_posix()

    zh, en = sides.get("zh", []), sides.get("en", [])
    error = None
    for lang, files in (("zh", zh), ("en", en)):
        other = en if lang == "zh" else zh
        if error:
            break
        if not files:
            error = (f"no {LANG_NAMES[lang]} file for {label(other[0])} "
                     f"(expected {_expected_name(other[0], lang)})")
        elif len(files) > 1:
            error = f"more than one {LANG_NAMES[lang]} file: {', '.join(label(f) for f in files)}; keep one"
    source, target = (zh[0] if len(zh) == 1 else None), (en[0] if len(en) == 1 else None)
    return Pair(pair_id, str(source.resolve()) if source else None, str(target.resolve()) if target else None,
                group, label(source) if source else "", label(target) if target else "", error)


def _expected_name(present: Path, lang: str) -> str:
    stem, _ = _split_name(present.name) or ("", "")
    middle = f"{stem}.{lang}" if stem else lang
    return f"{middle}.* beside it"


def read_manifest(manifest: Path) -> list[Pair]:
    try:
        text = manifest.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"manifest {manifest}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"manifest {manifest}: not UTF-8 text; save it as UTF-8 CSV") from None
    if not text.strip():
        raise InputError(f"manifest {manifest} is empty; it needs a header row id,source,target[,group] "
                         f"and a row per pair")
    rows = csv.DictReader(text.splitlines())
    columns = [c.strip().lower() for c in rows.fieldnames or []]
    missing = [c for c in MANIFEST_COLUMNS if c not in columns]
    if missing:
        raise InputError(f"manifest {manifest}: the header must name the columns id,source,target[,group] "
                         f"(missing: {', '.join(missing)})")
    rows.fieldnames = columns
    base = manifest.parent
    pairs: list[Pair] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        pair_id = (row.get("id") or "").strip()
        if not pair_id:
            raise InputError(f"manifest {manifest}, line {line}: the id is empty")
        if pair_id in seen:
            raise InputError(f"manifest {manifest}, line {line}: id {pair_id!r} already used on line {seen[pair_id]}")
        seen[pair_id] = line
        pairs.append(_manifest_pair(base, pair_id, row))
    if not pairs:
        raise InputError(f"manifest {manifest}: no rows below the header")
    return pairs


def _manifest_pair(base: Path, pair_id: str, row: dict[str, Optional[str]]) -> Pair:
    group = (row.get("group") or "").strip()
    paths: dict[str, Optional[str]] = {}
    labels: dict[str, str] = {}
    error = None
    for side in ("source", "target"):
        given = (row.get(side) or "").strip()
        labels[side] = given
        if not given:
            paths[side] = None
            error = error or f"the {side} column is empty"
            continue
        full = (base / given).resolve()
        paths[side] = str(full)
        if not full.is_file():
            error = error or f"{side} file {given} {'is not a file' if full.exists() else 'does not exist'}"
    return Pair(pair_id, paths["source"], paths["target"], group, labels["source"], labels["target"], error)
