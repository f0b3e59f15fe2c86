"""Batch progress on stderr: one redrawn line on a terminal, plain periodic lines elsewhere (logs)."""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO

_REDRAW_SECONDS = 0.2
_LOG_SECONDS = 10.0
_BAR_WIDTH = 24


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Counts pairs done, findings and errors; the ETA comes from the pairs computed in this run."""

    def __init__(self, enabled: bool = True, stream: Optional[TextIO] = None,
                 interactive: Optional[bool] = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.total = self.done = self.findings = self.errors = self.computed = 0
        self.started = self._last = time.monotonic()

    def start(self, total: int, skipped: int = 0, errors: int = 0) -> None:
        """``skipped`` pairs are unchanged since the last run, ``errors`` failed before any work."""
        self.total, self.done, self.errors = total, skipped + errors, errors
        self.started = self._last = time.monotonic()
        if self.enabled and skipped:
            self._emit(f"batch: {skipped} of {total} pairs unchanged since the last run, skipped")
        self._show(force=True)

    def advance(self, findings: int = 0, failed: bool = False) -> None:
        self.done += 1
        self.computed += 1
        self.findings += findings
        self.errors += int(failed)
        self._show(force=self.done == self.total)

    def finish(self) -> None:
        if self.enabled and self.interactive:
            self.stream.write("\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        left = self.total - self.done
        if left == 0:
            eta = f"took {_clock(elapsed)}"
        elif self.computed:
            eta = f"ETA {_clock(elapsed / self.computed * left)}"
        else:
            eta = "ETA --:--"
        filled = int(_BAR_WIDTH * self.done / self.total) if self.total else _BAR_WIDTH
        bar = f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] " if self.interactive else ""
        return (f"batch: {bar}{self.done}/{self.total} pairs, {self.findings} findings, "
                f"{self.errors} error{'s' if self.errors != 1 else ''}, {eta}")

    def _show(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        wait = _REDRAW_SECONDS if self.interactive else _LOG_SECONDS
        if not force and now - self._last < wait:
            return
        self._last = now
        if self.interactive:
            self.stream.write("\r\x1b[K" + self.line())
            self.stream.flush()
        else:
            self._emit(self.line())

    def _emit(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
