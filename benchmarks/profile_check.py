"""Profile one in-process `pmdocs check` (load, model, checks) with cProfile.

    .venv/bin/python benchmarks/profile_check.py [N] [--top 25] [--seed S]

Generates benchmarks/out/specN if missing, imports pmdocs (not profiled), then profiles
load_project + build_project + run_checks + apply_settings once and prints the top
functions by cumulative and by own time. The raw profile is kept in
benchmarks/out/check-N.prof (open it with `python -m pstats` or snakeviz).
Figures, not a test; profiling slows Python code down about 2x, so read shares, not seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import TARGET_ITEMS, ensure_project  # noqa: E402


def pipeline(folder: Path) -> int:
    """The work of `pmdocs check` after imports; the number of issues."""
    from pmdocs.check import apply_settings, run_checks
    from pmdocs.load import load_project
    from pmdocs.model.project import build_project
    loaded = load_project(folder)
    project, model_issues = build_project(loaded)
    issues = apply_settings(project, list(loaded.issues) + model_issues + run_checks(project))
    return len(issues)


def report(profile: cProfile.Profile, sort: str, top: int) -> str:
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream).strip_dirs().sort_stats(sort)
    stats.print_stats(top)
    return stream.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("total", type=int, nargs="?", default=TARGET_ITEMS, metavar="N")
    parser.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    parser.add_argument("--seed", type=int, default=1, help="seed of a generated project")
    args = parser.parse_args(argv)
    folder = ensure_project(args.total, args.seed)
    import pmdocs.check  # noqa: F401  (imports are timed by bench_check, not profiled here)
    profile = cProfile.Profile()
    start = time.perf_counter()
    issue_count = profile.runcall(pipeline, folder)
    elapsed = time.perf_counter() - start
    print(f"N={args.total}: {issue_count} issues; {elapsed:.2f} s under the profiler")
    for sort in ("cumulative", "tottime"):
        print(f"\n===== top {args.top} by {sort} =====")
        print(report(profile, sort, args.top))
    target = folder.parent / f"check-{args.total}.prof"
    profile.dump_stats(target)
    print(f"raw profile: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
