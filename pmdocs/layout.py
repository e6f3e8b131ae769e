"""Laying out diagrams: DOT -> SVG with Graphviz's `dot`, in parallel, with a timeout, and
cached by a hash of the DOT source and `dot -V` so an unchanged diagram is never re-run.

`GraphvizLayout` runs `dot -Tsvg` itself (the `graphviz` package has no timeout): a diagram
that takes longer than `timeout` seconds is tried once more with cheaper settings, then
given up as "too_large" — a build never hangs (and the cache remembers it, so the next
build with the same or a shorter timeout does not wait again). The cache holds Graphviz's own SVG, written
atomically; `pmdocs.svg.clean_svg` post-processes it on every draw (it depends only on the
SVG and the diagram id).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

from .graph import Diagram
from .svg import clean_svg

CHEAP_SETTINGS = ("-Gnslimit=2", "-Gnslimit1=2", "-Gmclimit=0.1", "-Gsearchsize=10",
                  "-Gremincross=false", "-Gsplines=line")
"""Second try after a timeout: fewer network-simplex and crossing-minimisation passes,
straight edges."""

INSTALL_HINT = ("Graphviz is not installed: the `dot` program was not found on PATH. "
                "Install it (Debian/Ubuntu: `apt-get install graphviz`; macOS: "
                "`brew install graphviz`; others: https://graphviz.org/download/) and build "
                "again, or build without diagrams.")


@dataclass(frozen=True)
class Drawing:
    """The SVG of one diagram, or why there is none (`note`: "too_large" or "unavailable",
    or "failed" when `dot` rejected the diagram)."""

    svg: str | None
    note: str = ""


class Layout(Protocol):
    def draw(self, diagrams: Sequence[Diagram]) -> dict[str, Drawing]:
        """A drawing for every diagram, by diagram id."""


class NoLayout:
    """Draws nothing (Graphviz missing, or tests of the Markdown alone)."""

    def draw(self, diagrams: Sequence[Diagram]) -> dict[str, Drawing]:
        return {diagram.id: Drawing(None, "unavailable") for diagram in diagrams}


class GraphvizMissing(RuntimeError):
    """`dot` is not on PATH."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


@dataclass(frozen=True)
class LayoutStats:
    """How many diagrams a layout laid out with `dot`, took from its cache, or gave up on."""

    rendered: int = 0
    cached: int = 0
    failed: int = 0


class GraphvizLayout:
    """Draws diagrams with Graphviz `dot`; `stats` counts over the layout's lifetime."""

    def __init__(self, cache_dir: Path | None, timeout: float = 20.0,
                 workers: int | None = None) -> None:
        self.dot = shutil.which("dot")
        if self.dot is None:
            raise GraphvizMissing()
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.timeout = timeout
        self.workers = workers or os.cpu_count() or 1
        self.version = _dot_version(self.dot)
        self._counts = {"rendered": 0, "cached": 0, "failed": 0}
        self._lock = threading.Lock()

    @property
    def stats(self) -> LayoutStats:
        with self._lock:
            return LayoutStats(**self._counts)

    def draw(self, diagrams: Sequence[Diagram]) -> dict[str, Drawing]:
        if self.cache_dir is not None:
            with contextlib.suppress(OSError):
                self.cache_dir.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            drawings = list(pool.map(self._draw_one, diagrams))
        return {diagram.id: drawing for diagram, drawing in zip(diagrams, drawings)}

    def cache_key(self, dot_source: str) -> str:
        return hashlib.sha256(f"{self.version}\n{dot_source}".encode("utf-8")).hexdigest()

    def _draw_one(self, diagram: Diagram) -> Drawing:
        key = self.cache_key(diagram.dot)
        svg = self._cached(key)
        if svg is not None:
            self._count("cached")
            return Drawing(clean_svg(svg, diagram.id))
        if self._known_too_large(key):
            self._count("failed")
            return Drawing(None, "too_large")
        svg, note = self._run(diagram.dot)
        if svg is None:
            self._count("failed")
            if note == "too_large":
                self._write(f"{key}.too_large", f"{self.timeout}\n")
            return Drawing(None, note)
        self._write(f"{key}.svg", svg)
        self._count("rendered")
        return Drawing(clean_svg(svg, diagram.id))

    def _run(self, dot_source: str) -> tuple[str | None, str]:
        """`dot -Tsvg`, then once more with cheaper settings after a timeout."""
        for extra in ((), CHEAP_SETTINGS):
            try:
                return run_dot([self.dot, "-Tsvg", *extra], dot_source, self.timeout), ""
            except subprocess.TimeoutExpired:
                continue
            except subprocess.CalledProcessError:
                return None, "failed"
        return None, "too_large"

    def _cached(self, key: str) -> str | None:
        if self.cache_dir is None:
            return None
        try:
            return (self.cache_dir / f"{key}.svg").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _known_too_large(self, key: str) -> bool:
        """Whether `dot` already ran out of this much time (or more) on this diagram."""
        if self.cache_dir is None:
            return False
        try:
            spent = float((self.cache_dir / f"{key}.too_large").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return spent >= self.timeout

    def _write(self, name: str, text: str) -> None:
        """Write a cache file atomically: a temporary file in the folder, then `os.replace`."""
        if self.cache_dir is None:
            return
        temporary = None
        try:
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.cache_dir,
                                             suffix=".tmp", delete=False) as handle:
                temporary = handle.name
                handle.write(text)
            os.replace(temporary, self.cache_dir / name)
        except OSError:   # the cache is an optimisation: a read-only or full disk only costs time
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _count(self, name: str) -> None:
        with self._lock:
            self._counts[name] += 1


def run_dot(command: Sequence[str], dot_source: str, timeout: float) -> str:
    """Run `dot` on a source; its SVG. Raises `subprocess.TimeoutExpired` (after killing
    `dot` and anything it started) or `subprocess.CalledProcessError`."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        output, errors = process.communicate(dot_source.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command, output, errors)
    return output.decode("utf-8", errors="replace")


def _kill_group(process: subprocess.Popen) -> None:
    """Kill the process group of a `dot` we started (its own session), and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        process.communicate(timeout=5)
    except subprocess.TimeoutExpired:   # a grandchild left its group and holds the pipes
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        process.wait()


def _dot_version(dot: str) -> str:
    """`dot -V` (Graphviz prints it on stderr): part of every cache key."""
    try:
        result = subprocess.run([dot, "-V"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GraphvizMissing() from error
    return (result.stdout + result.stderr).decode("utf-8", errors="replace").strip()
