"""Time `pmdocs diff` of two revisions against a cold `pmdocs check` of one.

    .venv/bin/python benchmarks/bench_diff.py [N] [--runs R] [--seed S]

The project benchmarks/out/specN (gen_spec.py; generated if missing) is copied into a git
repository, benchmarks/out/diff-repoN (made afresh each time), and committed twice: as
generated, then with a page's title changed and a rule's parameter default raised in one
module. Then, after one warm-up round, R rounds (default 7) each run, one after the other so
that the machine's drift touches all alike, every command as a subprocess with its output
discarded (wall clock from start to exit):

- check: `pmdocs check --no-cache DIR`, cold: every file parsed, validated and analysed;
- diff, empty cache: `pmdocs diff HEAD~1 DIR` (the earlier commit against the working tree,
  as on a pull request) with pmdocs' cache emptied first (a fresh CI runner);
- diff, warm: the same again, with the cache the run before left;
- diff, two commits: `pmdocs diff HEAD~1 HEAD DIR`, cache emptied first (both read from git);
- diff, --no-cache: `pmdocs diff HEAD~1 DIR --no-cache` (nothing read from or written to
  the cache).

It prints min / median / max of each and a verdict against the target: a diff costs at most
twice a cold check. Figures, not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_spec import default_folder, write_project  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
RUNS = ("check", "diff, empty cache", "diff, warm", "diff, two commits", "diff, --no-cache")
GIT = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@pmdocs.invalid",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@pmdocs.invalid",
       "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}


def git(repository: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(repository), *arguments], check=True,
                   env={**os.environ, **GIT}, stdout=subprocess.DEVNULL)


def make_repository(source: Path, items: int) -> Path:
    """The project committed twice in a fresh repository; the project folder in it."""
    repository = OUT / f"diff-repo{items}"
    shutil.rmtree(repository, ignore_errors=True)
    project = repository / source.name
    shutil.copytree(source, project)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "as generated")
    first_module = sorted(path for path in (project / "specs").iterdir() if path.is_dir())[0]
    pages = first_module / "pages-1.yml"
    text = pages.read_text(encoding="utf-8")
    pages.write_text(text.replace("  title: ", "  title: 新", 1), encoding="utf-8")
    rules = first_module / "rules.yml"
    text = re.sub(r"default: ([0-9]+)", lambda match: f"default: {int(match.group(1)) + 1}",
                  rules.read_text(encoding="utf-8"), count=1)
    rules.write_text(text, encoding="utf-8")
    git(repository, "commit", "-q", "-am", "a title and a default")
    return project


def wall_clock(command: list[str], cache: Path, empty: bool) -> float:
    if empty:
        shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    return time.perf_counter() - start


def one_round(pmdocs: str, project: Path, cache: Path) -> dict[str, float]:
    return {
        "check": wall_clock([pmdocs, "check", "--no-cache", str(project)], cache, True),
        "diff, empty cache": wall_clock([pmdocs, "diff", "HEAD~1", str(project)], cache, True),
        "diff, warm": wall_clock([pmdocs, "diff", "HEAD~1", str(project)], cache, False),
        "diff, two commits": wall_clock([pmdocs, "diff", "HEAD~1", "HEAD", str(project)],
                                        cache, True),
        "diff, --no-cache": wall_clock([pmdocs, "diff", "HEAD~1", str(project), "--no-cache"],
                                       cache, True),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("items", nargs="?", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    source = default_folder(arguments.items)
    if not (source / "pmdocs.yml").is_file():
        write_project(arguments.items, source, arguments.seed)
    project = make_repository(source, arguments.items)
    pmdocs = str(Path(sys.executable).with_name("pmdocs"))
    cache = OUT / "diff-cache"
    print(f"bench_diff: N={arguments.items}, {arguments.runs} rounds after a warm-up; "
          f"load average {os.getloadavg()[0]:.2f}")
    one_round(pmdocs, project, cache)
    rounds = [one_round(pmdocs, project, cache) for _ in range(arguments.runs)]
    medians = {}
    for name in RUNS:
        figures = [round_[name] for round_ in rounds]
        medians[name] = statistics.median(figures)
        print(f"  {name:<20} min {min(figures):.3f}  median {medians[name]:.3f}  "
              f"max {max(figures):.3f} s")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    budget = 2 * medians["check"]
    for name in RUNS[1:]:
        ratio = medians[name] / medians["check"]
        verdict = "met" if medians[name] <= budget else "NOT MET"
        print(f"  {name}: {ratio:.2f} × a cold check ({verdict}: at most 2 ×)")


if __name__ == "__main__":
    main()
