"""Laying out diagrams with `dot`: parallel, cached, with a timeout that never hangs a build,
and one clear error when Graphviz is missing."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from pmdocs.pipeline import check_project
from pmdocs.graph import Diagram, all_diagrams
from pmdocs.labels import labels_for
from pmdocs.layout import (BATCH_GRAPH_LIMIT, Drawing, GraphvizLayout, GraphvizMissing,
                           LayoutStats, plan_batches, run_dot)

from .conftest import SAMPLE

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def diagram(number: int, extra: str = "") -> Diagram:
    dot = f'digraph "d{number}" {{ a{number} -> b{number} [label="{extra}"]; b{number} -> c }}\n'
    return Diagram(f"test-{number}", "test", f"Test {number}", dot)


TINY_SVG = ("echo '<svg width=\"1pt\" height=\"1pt\" viewBox=\"0 0 1 1\" "
            "xmlns=\"http://www.w3.org/2000/svg\"><g id=\"graph0\"></g></svg>'\n")
"""The shell line a fake `dot` prints its drawing with."""


def install_dot(folder: Path, monkeypatch: pytest.MonkeyPatch, log_name: str,
                body: str) -> Path:
    """A shell script as the only `dot` on PATH, given its log file's path as `{log}`;
    returns that path."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / log_name
    script = folder / "dot"
    script.write_text("#!/bin/sh\n" + body.replace("{log}", str(log)), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return log


def fake_dot(folder: Path, monkeypatch: pytest.MonkeyPatch, sleep: float = 0.0,
             version: str = "1") -> Path:
    """A `dot` on PATH (and nothing else) that logs its arguments, sleeps, and prints an SVG."""
    return install_dot(folder, monkeypatch, "runs.log",
                       f'if [ "$1" = "-V" ]; then echo "dot - fake graphviz version {version}" >&2; exit 0; fi\n'
                       'echo "$@" >> "{log}"\n'
                       f"{shutil.which('cat')} > /dev/null\n"
                       f"{shutil.which('sleep')} {sleep}\n" + TINY_SVG)


def runs(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def counting_dot(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real `dot` behind a wrapper on PATH that logs one line per layout process."""
    return install_dot(folder, monkeypatch, "runs.log",
                       'if [ "$1" != "-V" ]; then echo "$@" >> "{log}"; fi\n'
                       f'exec {shutil.which("dot")} "$@"\n')


def dot_slow_on_batches(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake `dot` that hangs when it is given more than one graph, and logs how many."""
    return install_dot(folder, monkeypatch, "graphs.log",
                       'if [ "$1" = "-V" ]; then echo "dot - fake graphviz version 1" >&2; exit 0; fi\n'
                       f"count=$({shutil.which('cat')} | {shutil.which('grep')} -c digraph)\n"
                       'echo "$count" >> "{log}"\n'
                       f'if [ "$count" -gt 1 ]; then {shutil.which("sleep")} 60; fi\n' + TINY_SVG)


@needs_dot
def test_many_diagrams_render_in_parallel_and_are_cleaned(tmp_path: Path) -> None:
    layout = GraphvizLayout(tmp_path / "cache", workers=4)
    diagrams = [diagram(number) for number in range(40)]
    drawings = layout.draw(diagrams)
    assert list(drawings) == [item.id for item in diagrams]
    assert all(drawing.svg is not None and drawing.note == "" for drawing in drawings.values())
    assert drawings["test-7"].svg.startswith('<svg id="test-7" class="pmdocs-svg"')
    assert layout.stats == LayoutStats(rendered=40, cached=0, failed=0)
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_workers_run_at_the_same_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path / "bin", monkeypatch, sleep=0.5)
    layout = GraphvizLayout(None, workers=8)
    started = time.monotonic()
    drawings = layout.draw([diagram(number) for number in range(8)])
    assert time.monotonic() - started < 2.0   # 8 × 0.5 s one after the other would be 4 s
    assert all(drawing.svg for drawing in drawings.values())


@needs_dot
def test_second_draw_renders_nothing_and_a_change_renders_only_that_diagram(tmp_path: Path) -> None:
    diagrams = [diagram(number) for number in range(6)]
    first = GraphvizLayout(tmp_path)
    drawn = first.draw(diagrams)
    second = GraphvizLayout(tmp_path)
    assert second.draw(diagrams) == drawn
    assert second.stats == LayoutStats(rendered=0, cached=6, failed=0)
    changed = diagrams[:2] + [diagram(2, "new label")] + diagrams[3:]
    third = GraphvizLayout(tmp_path)
    redrawn = third.draw(changed)
    assert third.stats == LayoutStats(rendered=1, cached=5, failed=0)
    assert "new label" in redrawn["test-2"].svg


@needs_dot
def test_without_cache_folder_every_draw_renders(tmp_path: Path) -> None:
    layout = GraphvizLayout(None)
    layout.draw([diagram(1)])
    layout.draw([diagram(1)])
    assert layout.stats == LayoutStats(rendered=2, cached=0, failed=0)


def test_cache_key_depends_on_the_graphviz_version(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path / "one", monkeypatch, version="1")
    one = GraphvizLayout(tmp_path / "cache")
    fake_dot(tmp_path / "two", monkeypatch, version="2")
    two = GraphvizLayout(tmp_path / "cache")
    assert one.cache_key("digraph {}") != two.cache_key("digraph {}")
    two.draw([diagram(1)])
    assert two.stats.rendered == 1


def test_slow_dot_gives_too_large_after_one_cheaper_retry(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake_dot(tmp_path / "bin", monkeypatch, sleep=60)
    layout = GraphvizLayout(tmp_path / "cache", timeout=0.3)
    started = time.monotonic()
    drawings = layout.draw([diagram(1)])
    assert time.monotonic() - started < 10
    assert drawings == {"test-1": Drawing(None, "too_large")}
    assert layout.stats == LayoutStats(rendered=0, cached=0, failed=1)
    assert len(runs(log)) == 2 and "-Gnslimit=2" in runs(log)[1] and "-Gsplines=line" in runs(log)[1]
    again = GraphvizLayout(tmp_path / "cache", timeout=0.3)   # remembered: no waiting again
    assert again.draw([diagram(1)]) == {"test-1": Drawing(None, "too_large")}
    assert len(runs(log)) == 2
    longer = GraphvizLayout(tmp_path / "cache", timeout=0.5)  # more time: tried again
    longer.draw([diagram(1)])
    assert len(runs(log)) == 4


@needs_dot
def test_pathological_graph_with_tiny_timeout_is_too_large(tmp_path: Path) -> None:
    edges = "".join(f"n{index} -> n{(index * 7919 + 13) % 600};\n" for index in range(1800))
    big = Diagram("big", "test", "Big", f"digraph big {{\n{edges}}}\n")
    layout = GraphvizLayout(None, timeout=0.001)
    started = time.monotonic()
    assert layout.draw([big]) == {"big": Drawing(None, "too_large")}
    assert time.monotonic() - started < 10


@needs_dot
def test_dot_syntax_error_is_a_failed_drawing(tmp_path: Path) -> None:
    layout = GraphvizLayout(tmp_path)
    broken = Diagram("broken", "test", "Broken", "digraph { a -> }\n")
    assert layout.draw([broken, diagram(1)])["broken"] == Drawing(None, "failed")
    assert layout.stats == LayoutStats(rendered=1, cached=0, failed=1)


def test_a_crash_of_orthogonal_routing_is_tried_again_with_splines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Graphviz's orthogonal router crashes on some graphs: such a diagram is drawn with spline
    routing instead (one more run); a diagram without orthogonal edges that fails stays failed."""
    log = install_dot(tmp_path / "bin", monkeypatch, "runs.log",
                      'if [ "$1" = "-V" ]; then echo "dot - fake graphviz version 1" >&2; exit 0; fi\n'
                      'echo "$@" >> "{log}"\n'
                      f"source=$({shutil.which('cat')})\n"
                      'case "$*" in *splines=spline*) ;; *) case "$source" in '
                      f'*splines=ortho*|*broken*) kill -SEGV $$ ;; esac ;; esac\n' + TINY_SVG)
    ortho = Diagram("ortho", "test", "Ortho", 'digraph { graph [splines=ortho]; a -> b }\n')
    broken = Diagram("broken", "test", "Broken", "digraph { broken -> b }\n")
    layout = GraphvizLayout(None, workers=1)
    drawings = layout.draw([ortho])
    assert drawings["ortho"].svg is not None
    assert [line.split()[-1] for line in runs(log)] == ["-Tsvg", "-Gsplines=spline"]
    assert layout.draw([broken]) == {"broken": Drawing(None, "failed")}
    assert len(runs(log)) == 3


def test_missing_dot_raises_with_the_install_hint(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissing) as raised:
        GraphvizLayout(tmp_path / "cache")
    assert "apt-get install graphviz" in str(raised.value)
    assert "`dot`" in str(raised.value)


@needs_dot
def test_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.write_text("a file, not a folder", encoding="utf-8")
    layout = GraphvizLayout(cache)
    assert layout.draw([diagram(1)])["test-1"].svg
    assert layout.stats == LayoutStats(rendered=1, cached=0, failed=0)


@needs_dot
def test_a_batch_gives_the_same_svgs_as_single_runs(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real_dot = shutil.which("dot")
    project, _, _ = check_project(SAMPLE)
    wanted = ["flow-order_flow", "lifecycle-order", "objects", "page-cart", "page-home",
              "pagemap", "pagemap-trade", "structure", "usecases"]
    diagrams = [item for item in all_diagrams(project, labels_for("zh")) if item.id in wanted]
    log = counting_dot(tmp_path / "bin", monkeypatch)
    layout = GraphvizLayout(tmp_path / "cache", workers=1)
    drawings = layout.draw(diagrams)
    assert len(runs(log)) == 1 and len(diagrams) == len(wanted)   # all in one batch
    assert all(drawing.svg for drawing in drawings.values())
    for item in diagrams:
        alone = run_dot([real_dot, "-Tsvg"], item.dot, 60)
        batched = (tmp_path / "cache" / f"{layout.cache_key(item.dot)}.svg").read_text("utf-8")
        assert batched == alone, item.id


@needs_dot
def test_a_broken_diagram_in_a_batch_fails_alone(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    log = counting_dot(tmp_path / "bin", monkeypatch)
    broken = Diagram("test-5b", "test", "Broken", "digraph { a -> }\n")
    diagrams = [diagram(number) for number in range(10)] + [broken]
    layout = GraphvizLayout(tmp_path / "cache", workers=1)
    drawings = layout.draw(diagrams)
    assert drawings["test-5b"] == Drawing(None, "failed")
    assert all(drawings[item.id].svg for item in diagrams if item is not broken)
    assert layout.stats == LayoutStats(rendered=10, cached=0, failed=1)
    assert len(runs(log)) == 1 + len(diagrams)   # the batch, then each diagram alone


def test_a_batch_that_times_out_falls_back_and_stays_bounded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = dot_slow_on_batches(tmp_path / "bin", monkeypatch)
    layout = GraphvizLayout(tmp_path / "cache", timeout=0.3, workers=1)
    started = time.monotonic()
    drawings = layout.draw([diagram(number) for number in range(10)])
    assert time.monotonic() - started < 8   # the batch may take 0.3 + 10 × 0.1 s
    assert all(drawing.svg for drawing in drawings.values())
    assert layout.stats == LayoutStats(rendered=10, cached=0, failed=0)
    assert runs(log) == ["10"] + ["1"] * 10


@needs_dot
def test_many_small_diagrams_take_few_processes(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    log = counting_dot(tmp_path / "bin", monkeypatch)
    layout = GraphvizLayout(tmp_path / "cache", workers=2)
    drawings = layout.draw([diagram(number) for number in range(200)])
    assert all(drawing.svg and drawing.svg.startswith(f'<svg id="{key}"')
               for key, drawing in drawings.items())
    assert layout.stats == LayoutStats(rendered=200, cached=0, failed=0)
    assert len(runs(log)) == -(-200 // BATCH_GRAPH_LIMIT)


def test_batches_are_reproducible_and_large_or_paged_diagrams_go_alone() -> None:
    small = [diagram(number) for number in range(30)]
    large = Diagram("big", "test", "Big", "digraph big {\n" + "a -> b;\n" * 20_000 + "}\n")
    paged = Diagram("paged", "test", "Paged", 'digraph { page="8.5,11"; a -> b }\n')
    shuffled = small + [large, paged]
    random.Random(7).shuffle(shuffled)
    batches = plan_batches(shuffled, workers=2)
    assert batches == plan_batches(small + [paged, large], workers=2)
    assert batches[:2] == [[large], [paged]]
    assert [item.id for batch in batches[2:] for item in batch] == sorted(
        item.id for item in small)
    assert [len(batch) for batch in batches[2:]] == [15, 15]   # one batch per worker
