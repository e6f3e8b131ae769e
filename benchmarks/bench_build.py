"""Time `pmdocs build` on a synthetic project: cold, warm, and mkdocs alone on its export.

Usage: .venv/bin/python benchmarks/bench_build.py [N] [--runs R]

Each round, in one interleaved series so the machine's drift touches all alike:
1. **cold**: `pmdocs build DIR -o OUT --cache-dir EMPTY` with empty diagram and spec caches;
2. **warm**: the same build again, nothing changed (every diagram from the cache);
3. **mkdocs alone**: `mkdocs build` of `pmdocs export DIR` (exported once, outside the timing),
   i.e. what a team's plain build of the export costs (without the plugin's speed-ups);
and pmdocs' own share = cold − mkdocs alone. Targets (issue: `pmdocs build`): cold ≤ 15 s,
pmdocs' share ≤ 25% of the cold build, warm re-renders zero diagrams.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_spec import default_folder, write_project  # noqa: E402

BIN = Path(sys.executable).parent


def timed(command: list[str], environment: dict[str, str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=environment, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench_build: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    elapsed = time.perf_counter() - started
    if "(diagrams:" in result.stdout:   # pmdocs build says how many it laid out
        print(f"    {elapsed:6.2f} s  {result.stdout.split('(', 1)[1].split(')')[0]}", flush=True)
    return elapsed


def one_round(project: Path, export: Path, scratch: Path) -> tuple[float, float, float]:
    cache = scratch / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    build = [str(BIN / "pmdocs"), "build", str(project), "-o", str(scratch / "site"),
             "--cache-dir", str(cache / "diagrams")]
    cold = timed(build, environment)
    warm = timed(build, environment)
    mkdocs = timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(scratch / "mkdocs-site")],
                   environment, cwd=export)
    return cold, warm, mkdocs


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):6.2f} s  (min {min(values):.2f}, max {max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("total", type=int, nargs="?", default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    project = default_folder(args.total)
    if not (project / "pmdocs.yml").is_file():
        write_project(args.total, project, 1)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        export = scratch / "export"
        subprocess.run([str(BIN / "pmdocs"), "export", str(project), "-o", str(export),
                        "--cache-dir", str(scratch / "export-cache")], check=True,
                       capture_output=True)
        pages = sum(1 for _ in (export / "docs").rglob("*.md"))
        print(f"pmdocs build benchmark: N={args.total}, {pages} pages, {os.cpu_count()} CPUs, "
              f"{args.runs} rounds; load average {os.getloadavg()[0]:.2f}", flush=True)
        rounds = [one_round(project, export, scratch) for _ in range(args.runs)]
    cold, warm, mkdocs = (list(column) for column in zip(*rounds))
    own = [c - m for c, m in zip(cold, mkdocs)]
    print(f"  cold build              {spread(cold)}")
    print(f"  warm build              {spread(warm)}")
    print(f"  mkdocs alone (export)   {spread(mkdocs)}")
    print(f"  pmdocs' own share       {spread(own)}  = "
          f"{statistics.median(own) / statistics.median(cold):.0%} of the cold build")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
