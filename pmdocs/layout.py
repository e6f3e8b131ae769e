"""Laying out diagrams: DOT -> SVG with Graphviz's `dot`, in parallel, with a timeout, and
cached by a hash of the DOT source and `dot -V` so an unchanged diagram is never re-run.

`GraphvizLayout` runs `dot -Tsvg` itself (the `graphviz` package has no timeout): a diagram
that takes longer than `timeout` seconds is tried once more with cheaper settings, then
given up as "too_large" — a build never hangs (and the cache remembers it, so the next
build with the same or a shorter timeout does not wait again). The cache holds Graphviz's
own SVG, written atomically; `pmdocs.svg.clean_svg` post-processes it on every draw (it
depends only on the SVG and the diagram id).

Starting `dot` (~17 ms) costs more than laying out a small diagram, so the uncached diagrams
that are not large go in batches: one `dot` reads several graphs one after the other and
writes one SVG document per graph. A batch that fails (an error, a crash, its timeout, or not
one SVG per graph) is laid out again one diagram per process, so one bad diagram never spoils
its neighbours. A diagram's SVG is the same, byte for byte, alone or in a batch.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

from .graph import Diagram
from .memo import Memo, digest
from .svg import clean_svg

CHEAP_SETTINGS = ("-Gnslimit=2", "-Gnslimit1=2", "-Gmclimit=0.1", "-Gsearchsize=10",
                  "-Gremincross=false", "-Gsplines=line")
"""Second try after a timeout: fewer network-simplex and crossing-minimisation passes,
straight edges."""

SPLINE_SETTINGS = ("-Gsplines=spline",)
"""Second try after `dot` failed on a diagram with orthogonal edges (the swimlanes'):
Graphviz's orthogonal router crashes on some graphs (a SIGSEGV in Graphviz 2.43 on one
hostile test flow); spline routing draws the same layout."""
_ORTHOGONAL = "splines=ortho"

BATCH_SOURCE_LIMIT = 64_000   # characters of DOT: a shorter diagram is laid out in a batch
BATCH_TOTAL_LIMIT = 200_000   # characters of DOT in one batch, at most
BATCH_SECONDS_PER_GRAPH = 0.1   # a batch's timeout: `timeout` + this (or less) per graph
BATCH_GRAPH_LIMIT = 50
"""Graphs in one batch, at most: a failed batch is laid out again one by one, and dot 2.43
can crash (SIGSEGV in its layout) after some 85 graphs in one process."""

_LEAKED_PAGE = re.compile(r'(<svg\b[^>]*>\s*<g id=")page\d+,\d+_')
"""After its first graph, dot prefixes the root `<g>` id with the previous graph's page
counter (`page0,1_graph0`); alone, a graph has no prefix. Paged or layered graphs, whose
ids have such prefixes of their own, are never batched:"""
_PAGED = re.compile(r"\b(?:page|layers)\s*=|page\d+,\d+_")
_SVG_END = "</svg>\n"

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
        drawings: dict[str, Drawing] = {}
        for diagram in diagrams:
            cached = self._from_cache(diagram)
            if cached is not None:
                drawings[diagram.id] = cached
        drawings.update(self._lay_out([item for item in diagrams if item.id not in drawings]))
        return {diagram.id: drawings[diagram.id] for diagram in diagrams}

    def count_cached(self, count: int) -> None:
        """Drawings taken from the cache by another way (`draw_reusing`)."""
        with self._lock:
            self._counts["cached"] += count

    def cache_key(self, dot_source: str) -> str:
        return hashlib.sha256(f"{self.version}\n{dot_source}".encode("utf-8")).hexdigest()

    def _from_cache(self, diagram: Diagram) -> Drawing | None:
        """The cached drawing of a diagram (its SVG, or "too_large"), or None."""
        key = self.cache_key(diagram.dot)
        svg = self._cached(key)
        if svg is not None:
            self._count("cached")
            return Drawing(clean_svg(svg, diagram.id))
        if self._known_too_large(key):
            self._count("failed")
            return Drawing(None, "too_large")
        return None

    def _lay_out(self, diagrams: Sequence[Diagram]) -> dict[str, Drawing]:
        """All batches in the pool; a failed batch goes back to it one diagram at a time."""
        drawings: dict[str, Drawing] = {}
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            running: dict[Future, list[Diagram]] = {
                pool.submit(self._draw_batch, batch): batch
                for batch in plan_batches(diagrams, self.workers)}
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    batch, result = running.pop(future), future.result()
                    if result is not None:
                        drawings.update(result)
                    else:
                        running.update({pool.submit(self._draw_batch, [diagram]): [diagram]
                                        for diagram in batch})
        return drawings

    def _draw_batch(self, batch: Sequence[Diagram]) -> dict[str, Drawing] | None:
        """Lay out diagrams with one `dot`; None if that failed in any way. One diagram is
        laid out alone (with a cheaper retry after a timeout, and never None)."""
        if len(batch) == 1:
            return self._draw_alone(batch[0])
        source = "".join(f"{diagram.dot}\n" for diagram in batch)
        timeout = self.timeout + len(batch) * min(self.timeout, BATCH_SECONDS_PER_GRAPH)
        try:
            output = run_dot([self.dot, "-Tsvg"], source, timeout)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
            return None
        documents = split_svg_documents(output)
        if documents is None or len(documents) != len(batch):
            return None
        return {diagram.id: self._store(diagram, svg) for diagram, svg in zip(batch, documents)}

    def _draw_alone(self, diagram: Diagram) -> dict[str, Drawing]:
        """Lay out one diagram with its own `dot` (and one cheaper retry)."""
        svg, note = self._run(diagram.dot)
        if svg is not None:
            return {diagram.id: self._store(diagram, svg)}
        self._count("failed")
        if note == "too_large":
            self._write(f"{self.cache_key(diagram.dot)}.too_large", f"{self.timeout}\n")
        return {diagram.id: Drawing(None, note)}

    def _store(self, diagram: Diagram, svg: str) -> Drawing:
        """Cache a freshly laid out SVG; its drawing."""
        self._write(f"{self.cache_key(diagram.dot)}.svg", svg)
        self._count("rendered")
        return Drawing(clean_svg(svg, diagram.id))

    def _run(self, dot_source: str) -> tuple[str | None, str]:
        """`dot -Tsvg`, then once more with cheaper settings after a timeout, or with spline
        routing after a failure of orthogonal routing."""
        extra: tuple[str, ...] = ()
        while True:
            try:
                return run_dot([self.dot, "-Tsvg", *extra], dot_source, self.timeout), ""
            except subprocess.TimeoutExpired:
                if extra == CHEAP_SETTINGS:
                    return None, "too_large"
                extra = CHEAP_SETTINGS
            except subprocess.CalledProcessError:
                if extra or _ORTHOGONAL not in dot_source:
                    return None, "failed"
                extra = SPLINE_SETTINGS

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


def draw_reusing(layout: Layout, diagrams: Sequence[Diagram], memo: "Memo") -> dict[str, Drawing]:
    """`layout.draw`, taking from `memo` the drawings of the diagrams the last run drew with
    the same DOT and id (read from the cache and cleaned, or laid out): an edit then reads and
    cleans only what it changed. Diagrams without a drawing are drawn again."""
    engine = f"{type(layout).__name__} {getattr(layout, 'version', '')}"
    keys = {diagram.id: digest("drawing", engine, diagram.id, diagram.dot) for diagram in diagrams}
    drawings = {diagram.id: memo.take(keys[diagram.id]) for diagram in diagrams}
    missing = [diagram for diagram in diagrams if drawings[diagram.id] is None]
    drawn = layout.draw(missing) if missing else {}
    if isinstance(layout, GraphvizLayout):     # what the last run drew came from the cache
        layout.count_cached(len(diagrams) - len(missing))
    for diagram in missing:
        drawings[diagram.id] = drawn[diagram.id]
        if drawn[diagram.id].svg is not None:
            memo.keep(keys[diagram.id], drawn[diagram.id])
    return {diagram.id: drawings[diagram.id] for diagram in diagrams}  # type: ignore[misc]


def plan_batches(diagrams: Sequence[Diagram], workers: int) -> list[list[Diagram]]:
    """What each `dot` lays out: a large diagram alone (largest first), the others in batches
    in id order (reproducible), and in enough batches to keep every worker busy."""
    large = [diagram for diagram in diagrams if not _batchable(diagram)]
    small = sorted((diagram for diagram in diagrams if _batchable(diagram)),
                   key=lambda diagram: diagram.id)
    per_batch = max(1, min(BATCH_GRAPH_LIMIT, -(-len(small) // max(1, workers))))
    batches: list[list[Diagram]] = []
    for diagram in small:
        if (not batches or len(batches[-1]) >= per_batch or len(diagram.dot)
                + sum(len(item.dot) for item in batches[-1]) > BATCH_TOTAL_LIMIT):
            batches.append([])
        batches[-1].append(diagram)
    large.sort(key=lambda diagram: (-len(diagram.dot), diagram.id))
    return [[diagram] for diagram in large] + batches


def _batchable(diagram: Diagram) -> bool:
    return len(diagram.dot) < BATCH_SOURCE_LIMIT and not _PAGED.search(diagram.dot)


def split_svg_documents(output: str) -> list[str] | None:
    """The SVG documents `dot` wrote one after the other (each one from its XML declaration
    to its `</svg>`, as `dot` would have written it alone); None if the output is not that."""
    parts = output.split(_SVG_END)
    if parts[-1].strip() or any("<svg" not in part for part in parts[:-1]):
        return None
    return [_LEAKED_PAGE.sub(r"\1", part + _SVG_END, count=1) for part in parts[:-1]]


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
