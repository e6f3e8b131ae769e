"""How a cold `pmdocs build` grows with the project: time and peak memory at N and 2 × N.

Usage: .venv/bin/python benchmarks/bench_scale.py [N ...] [--runs R] [--dense]

For each N (default 5000 and 10000) the project of `gen_spec.py N` (with `--dense`, its
dense shape) is generated if missing; then R rounds (default 3), each building every N once,
in turn, cold: an empty output folder, and empty spec, diagram and search-word caches. Each
build is a child process waited for with `os.wait4`, whose resource usage gives its wall clock
and its peak resident memory (`ru_maxrss`: the largest of the build's process and the
processes it waited for — `dot` runs beside it and is far smaller). It prints each build,
the medians with min and max, the ratio of each N's median time to the first N's, and the
load average at the start and the end.

Targets (issue 15): at N = 10,000 a cold build under 4 minutes and 2 GB at its peak, and
time(10,000) / time(5,000) ≤ 2.2.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_spec import BENCHMARKS, default_folder, write_project  # noqa: E402

BIN = Path(sys.executable).parent


def cold_build(project: Path, scratch: Path) -> tuple[float, float, str]:
    """Seconds, peak memory in MB, and the build's last line."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    environment = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache")}
    command = [str(BIN / "pmdocs"), "build", str(project), "-o", str(scratch / "site"),
               "--cache-dir", str(scratch / "cache" / "diagrams")]
    log = scratch / "build.log"
    started = time.perf_counter()
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=environment, stdout=output,
                                   stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    said = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    if process.returncode != 0:
        raise SystemExit(f"bench_scale: {' '.join(command)} failed:\n" + "\n".join(said[-20:]))
    return seconds, usage.ru_maxrss / 1024, said[-1] if said else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("totals", type=int, nargs="*", default=[5000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dense", action="store_true", help="the dense shape of gen_spec.py")
    args = parser.parse_args()
    projects = {}
    for total in args.totals:
        folder = default_folder(total, args.dense)
        if not (folder / "pmdocs.yml").is_file():
            write_project(total, folder, 1, args.dense)
        projects[total] = folder
    print(f"cold pmdocs build at N = {', '.join(map(str, args.totals))}"
          f"{' (dense)' if args.dense else ''}; load average {os.getloadavg()[0]:.2f} at the "
          f"start", flush=True)
    times: dict[int, list[float]] = {total: [] for total in args.totals}
    memory: dict[int, list[float]] = {total: [] for total in args.totals}
    for number in range(1, args.runs + 1):
        for total, project in projects.items():
            seconds, peak, said = cold_build(project, BENCHMARKS / "out" / f"scale{total}")
            times[total].append(seconds)
            memory[total].append(peak)
            print(f"  round {number}  N={total:<6} {seconds:7.1f} s  peak {peak:7.0f} MB  "
                  f"{said[:110]}", flush=True)
    first = statistics.median(times[args.totals[0]])
    print("medians (min – max):")
    for total in args.totals:
        median = statistics.median(times[total])
        print(f"  N={total:<6} {median:7.1f} s ({min(times[total]):.1f} – {max(times[total]):.1f})"
              f"  peak {statistics.median(memory[total]):.0f} MB (max {max(memory[total]):.0f})"
              f"  × N={args.totals[0]}: {median / first:.2f}")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=BENCHMARKS).stdout.strip()
    print(f"load average {os.getloadavg()[0]:.2f} at the end; commit {commit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
