"""Writing results: atomically, and never onto one of the inputs."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Optional

from .errors import OutputError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output_path(path: str | os.PathLike, inputs: Iterable[Optional[str]] = ()) -> None:
    """Refuse an output path that is one of the inputs (checked before any work is done, and again
    when writing)."""
    target = Path(path)
    for item in inputs:
        if item and (Path(item).resolve() == target.resolve() or _same_file(Path(item), target)):
            raise OutputError(f"{path}: refusing to write the output onto an input file")


def write_atomic(path: str | os.PathLike, text: str, *, inputs: Iterable[Optional[str]] = ()) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    target = Path(path)
    check_output_path(path, inputs)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name for the output")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write it ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
