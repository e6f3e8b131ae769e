"""Time `pmdocs check` on synthetic projects: the whole process, and its stages.

    .venv/bin/python benchmarks/bench_check.py [N ...] [--runs R] [--seed S]

For each N (default 2000) the project benchmarks/out/specN is generated if missing
(gen_spec.py). Then, after one warm-up round, R rounds (default 7) each run, one after
the other so that the machine's drift touches all alike:

- `python -c pass`: the interpreter's own start-up, for reference;
- `pmdocs check DIR` as a subprocess, output discarded: wall clock from start to exit;
  cold (`--no-cache`: every file parsed, validated and analysed), warm (nothing changed
  since the last run: every file from pmdocs' cache) and edited (one spec file changed
  since the last run, as in the edit-and-check loop: that file read again, the others
  from the cache; the file gets a new comment line each round and is restored after);
- a fresh interpreter that times, with time.perf_counter, `import pmdocs.check`, the
  rest of the CLI's imports, load (pmdocs.load.load_project), model
  (pmdocs.model.project.build_project) and checks (pmdocs.check.run_checks +
  apply_settings).

It prints min / median / max of the whole process and the stages' medians, and a verdict
against the target: whole process <= 1.0 s at N=2,000. Figures, not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_spec import default_folder, write_project  # noqa: E402

TARGET_ITEMS = 2000
TARGET_SECONDS = 1.0
STAGES = ("import pmdocs.check", "import pmdocs.cli", "load", "model", "checks")
RUNS = ("cold", "warm", "edited")


@dataclass(frozen=True)
class Round:
    """One round's figures, in seconds."""

    startup: float
    cold: float
    """`pmdocs check --no-cache DIR`: every file parsed and validated."""
    warm: float
    """`pmdocs check DIR` with unchanged files in pmdocs' cache (the usual repeat run)."""
    edited: float
    """`pmdocs check DIR` after one spec file changed (the edit-and-check loop)."""
    stages: dict[str, float]


# ------------------------------------------------------------------ the probe (child side)

def probe(folder: str) -> dict:
    """Run the pipeline once in this (fresh) interpreter; stage times and sizes as JSON data."""
    clock = time.perf_counter
    start = clock()
    import pmdocs.check as check
    from pmdocs.load import load_project
    from pmdocs.model.project import build_project
    imported = clock()
    import pmdocs.cli  # noqa: F401  (click, the schema, the starter: the rest of the CLI)
    from pmdocs.model import _collector_paused   # as `pmdocs check` reads (no cache here)
    cli_imported = clock()
    with _collector_paused():
        loaded = load_project(folder)
        load_done = clock()
        project, model_issues = build_project(loaded)
        model_done = clock()
    found = check.run_checks(project)
    issues = check.apply_settings(project, list(loaded.issues) + model_issues + found)
    checks_done = clock()
    items = sum(len(project.items(section)) for section in
                ("roles", "objects", "flows", "features", "pages", "rules"))
    times = (imported - start, cli_imported - imported, load_done - cli_imported,
             model_done - load_done, checks_done - model_done)
    return {"stages": dict(zip(STAGES, times)), "files": loaded.file_count, "items": items,
            "issues": len(issues)}


# ------------------------------------------------------------------ the runner (parent side)

def pmdocs_command() -> list[str]:
    """The `pmdocs` console script next to this interpreter (the venv's), else on PATH."""
    beside = Path(sys.executable).with_name("pmdocs")
    found = str(beside) if beside.is_file() else shutil.which("pmdocs")
    if found is None:
        raise SystemExit("bench_check: no `pmdocs` command; install the package in the venv")
    return [found]


def wall_clock(command: list[str]) -> float:
    """Seconds from process start to exit, output discarded."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def run_probe(folder: Path) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--probe", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"bench_check: the in-process probe failed:\n{result.stderr.strip()}")
    return json.loads(result.stdout)


def one_round(folder: Path, pmdocs: list[str]) -> tuple[Round, dict]:
    startup = wall_clock([sys.executable, "-c", "pass"])
    cold = wall_clock(pmdocs + ["check", "--no-cache", str(folder)])
    warm = wall_clock(pmdocs + ["check", str(folder)])
    edited = edited_run(folder, pmdocs)
    probed = run_probe(folder)
    return Round(startup, cold, warm, edited, probed["stages"]), probed


def edited_run(folder: Path, pmdocs: list[str]) -> float:
    """`pmdocs check` after one spec file changed: a new comment line at its end (so the
    cache misses it), restored afterwards."""
    edited = min(folder.glob("specs/*/pages-1.yml"))
    original = edited.read_bytes()
    try:
        edited.write_bytes(original + f"# edited {time.time_ns()}\n".encode())
        return wall_clock(pmdocs + ["check", str(folder)])
    finally:
        edited.write_bytes(original)


def ensure_project(total: int, seed: int) -> Path:
    folder = default_folder(total)
    if not (folder / "pmdocs.yml").is_file():
        print(f"generating {folder} …", flush=True)
        write_project(total, folder, seed)
    return folder


def summary_line(folder: Path, pmdocs: list[str]) -> str:
    """The last line `pmdocs check` prints (e.g. `no problems in 123 files`)."""
    result = subprocess.run(pmdocs + ["check", str(folder)], capture_output=True, text=True,
                            check=False)
    lines = result.stdout.strip().splitlines() or result.stderr.strip().splitlines()
    return f"{lines[-1] if lines else '(no output)'} (exit {result.returncode})"


def spread(values: list[float]) -> str:
    return (f"min {min(values):.3f}  median {statistics.median(values):.3f}  "
            f"max {max(values):.3f} s")


def benchmark(total: int, runs: int, seed: int, pmdocs: list[str]) -> tuple[float, ...]:
    """Measure and print one N; the whole process's medians, cold, warm and edited."""
    folder = ensure_project(total, seed)
    print(f"\nN={total}  ({folder})\n  pmdocs check says: {summary_line(folder, pmdocs)}",
          flush=True)
    one_round(folder, pmdocs)   # warm-up: file cache, .pyc files
    rounds, probed = [], {}
    for _ in range(runs):
        measured, probed = one_round(folder, pmdocs)
        rounds.append(measured)
    print(f"  files={probed['files']}  items={probed['items']}  issues={probed['issues']}")
    print(f"  whole process, cold `pmdocs check --no-cache DIR`: {spread([r.cold for r in rounds])}")
    print(f"  whole process, warm `pmdocs check DIR` (files cached): {spread([r.warm for r in rounds])}")
    print(f"  whole process, edited (one file changed, the rest cached): {spread([r.edited for r in rounds])}")
    print(f"  python start-up (`python -c pass`): {spread([r.startup for r in rounds])}")
    medians = {stage: statistics.median(r.stages[stage] for r in rounds) for stage in STAGES}
    print("  in-process stages, medians (s):")
    for stage in STAGES:
        print(f"    {stage:<22}{medians[stage]:7.3f}")
    print(f"    {'sum of stages':<22}{sum(medians.values()):7.3f}")
    return tuple(statistics.median(getattr(r, name) for r in rounds) for name in RUNS)


def load_average() -> str:
    """The machine's 1-minute load average: how busy other work kept it (it skews figures)."""
    try:
        return f"load average {os.getloadavg()[0]:.2f}"
    except OSError:
        return "load average unknown"


def verdict(medians: dict[int, tuple[float, ...]]) -> str:
    if TARGET_ITEMS not in medians:
        return f"verdict: N={TARGET_ITEMS:,} not measured; the target is ≤ {TARGET_SECONDS} s there"
    lines = []
    for name, median in zip(RUNS, medians[TARGET_ITEMS]):
        outcome = "MET" if median <= TARGET_SECONDS else "NOT MET"
        lines.append(f"verdict ({name}): target {outcome} — whole process median {median:.2f} s "
                     f"at N={TARGET_ITEMS:,} (target ≤ {TARGET_SECONDS:.1f} s, "
                     f"{median / TARGET_SECONDS:.0%} of budget)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("totals", type=int, nargs="*", metavar="N", default=[TARGET_ITEMS])
    parser.add_argument("--runs", type=int, default=7, help="timed rounds per N (default 7)")
    parser.add_argument("--seed", type=int, default=1, help="seed of generated projects")
    parser.add_argument("--probe", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(args.probe)))
        return 0
    pmdocs = pmdocs_command()
    os.environ["XDG_CACHE_HOME"] = str(Path(__file__).resolve().parent / "out" / "cache")
    print(f"pmdocs check benchmark — {datetime.date.today()}, Python {platform.python_version()}"
          f", {os.cpu_count()} CPUs, {args.runs} runs after 1 warm-up; {load_average()}")
    medians = {total: benchmark(total, args.runs, args.seed, pmdocs) for total in args.totals}
    print(f"\n{load_average()} at the end")
    print(verdict(medians))
    return 0


if __name__ == "__main__":
    sys.exit(main())
