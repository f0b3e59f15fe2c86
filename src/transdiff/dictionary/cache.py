"""The user's cache folder for data parsed from files the package ships or depends on.

``$TRANSDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/transdiff`` or ``~/.cache/transdiff``;
``TRANSDIFF_CACHE_DIR=off`` disables it. A cached file is named after a hash of what it was parsed from and
of the code that parsed it, so a new release or a new parser never reads an old file. Files are marshal
dumps written atomically: a reader sees a whole file or none, and a cache that cannot be read or written
is skipped, never an error.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Iterable, Optional


def cache_folder() -> Optional[Path]:
    """The user's cache folder for parsed data (None when caching is off)."""
    folder = os.environ.get("TRANSDIFF_CACHE_DIR", "")
    if folder.lower() == "off":
        return None
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "transdiff")
    return Path(folder)


def cache_file(kind: str, sources: Iterable[bytes], parser: Path) -> Optional[Path]:
    """Where the data of ``kind`` parsed from ``sources`` by the module file ``parser`` is kept, or None
    when caching is off or the parser cannot be read (e.g. installed inside a zip: without the parser's
    hash a cache could go stale)."""
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source)
    try:
        digest.update(parser.read_bytes())
    except OSError:
        return None
    return folder / f"{kind}-{digest.hexdigest()[:24]}.marshal"


def read_marshal(path: Path) -> object:
    """The cached value, or None when the file is missing or unreadable."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_marshal(path: Path, value: object) -> None:
    """Save atomically (a reader sees the whole file or none); a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(value))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
