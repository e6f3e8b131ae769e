"""`pmdocs build` against sphinx-needs on the same N items: cold, one source file edited,
nothing changed — run interleaved, medians and ratios.

Usage: .venv/bin/python benchmarks/bench_needs.py [N] [--runs R] [--needs-version V]

sphinx-needs is never a pmdocs dependency: it is installed into a venv of its own
(`benchmarks/out/needs-venv`, made on first use with `pip install sphinx-needs==V`).
The sphinx-needs project is made from the pmdocs project (`gen_spec.py N`): one need per
item (its title, its description or story, `:links:` to the items it refers to), N / 100
pages of 100 needs, no diagrams.

Each round, in this order, so that the machine's drift touches both tools alike:
1. **cold**: `pmdocs build` with an empty output folder and empty caches (spec, diagram and
   search-word caches); `sphinx-build -b html` with an empty output and doctree folder;
2. **one edit**: the title of one page in the first module's `pages-1.yml` changed (a new
   one each round), then `pmdocs build` on top of the previous site; the title of one need
   in the first page changed, then `sphinx-build` on top of its previous build;
3. **nothing changed**: both again.
It prints the medians, min and max, the ratios pmdocs / sphinx-needs, the load average at
the start and the end, and the commit.
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
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gen_spec import BENCHMARKS, default_folder, write_project  # noqa: E402

BIN = Path(sys.executable).parent
NEEDS_PER_PAGE = 100
TYPES = {"features": "req", "pages": "spec", "rules": "spec"}
"""The need type of an item's kind (the others are `impl`): sphinx-needs' default types."""
CONF = """extensions = ["sphinx_needs"]
project = "bench"
language = "zh_CN"
needs_id_regex = "^[A-Z0-9_]{3,}"
html_theme = "alabaster"
"""


# ---------------------------------------------------------------------- the needs project

def need_id(section: str, item_id: str) -> str:
    return f"{section[:2].upper()}_{re.sub(r'[^A-Za-z0-9]', '_', item_id).upper()}"


def write_needs_project(project: Path, folder: Path) -> int:
    """The sphinx-needs twin of the pmdocs project in `folder`; how many needs."""
    from pmdocs.pipeline import check_project

    index = check_project(project).project.index
    items = [(section, item_id, spec) for section, by_id in sorted(index.items.items())
             for item_id, spec in sorted(by_id.items())]
    known = {(section, item_id) for section, item_id, _ in items}
    links: dict[tuple[str, str], set[str]] = {}
    for reference in index.references:
        target = (reference.section, reference.value.split(".")[0])
        if target in known and reference.source in known and target != reference.source:
            links.setdefault(reference.source, set()).add(need_id(*target))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "conf.py").write_text(CONF, encoding="utf-8")
    pages = [items[start:start + NEEDS_PER_PAGE] for start in range(0, len(items), NEEDS_PER_PAGE)]
    toctree = "\n".join(f"   page{number:02d}" for number in range(len(pages)))
    (folder / "index.rst").write_text(f"Needs\n=====\n\n.. toctree::\n\n{toctree}\n",
                                      encoding="utf-8")
    for number, page in enumerate(pages):
        lines = [f"Page {number}", "=" * 12, ""]
        for section, item_id, spec in page:
            title = index.title_of(section, item_id).replace("\n", " ")
            text = str(getattr(spec, "description", "") or getattr(spec, "story", "") or title)
            lines += [f".. {TYPES.get(section, 'impl')}:: {title}",
                      f"   :id: {need_id(section, item_id)}"]
            if links.get((section, item_id)):
                lines.append(f"   :links: {', '.join(sorted(links[(section, item_id)]))}")
            lines += ["", *(f"   {line}" for line in text.splitlines() if line.strip()), ""]
        (folder / f"page{number:02d}.rst").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(items)


def needs_venv(version: str) -> Path:
    """A venv of its own with sphinx-needs `version` (made once)."""
    venv = BENCHMARKS / "out" / "needs-venv"
    python = venv / "bin" / "python"
    probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('sphinx-needs'))"]
    if python.is_file() and subprocess.run(probe, capture_output=True, text=True).stdout.strip() == version:
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"sphinx-needs=={version}"],
                   check=True)
    return venv


# ---------------------------------------------------------------------------- timing

def timed(command: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bench_needs: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    if result.stdout.strip():    # what pmdocs says it did (pages built, or up to date)
        print(f"    {elapsed:6.2f} s  {result.stdout.strip().splitlines()[-1][:110]}", flush=True)
    return elapsed


def edit_title(path: Path, pattern: str, round_number: int) -> None:
    """The first title matching `pattern` given a new suffix naming the round."""
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(pattern, lambda match: f"{match.group(1)}（第{round_number}轮）",
                            text, count=1, flags=re.MULTILINE)
    assert count == 1, f"no title to edit in {path}"
    path.write_text(edited, encoding="utf-8")


class Bench:
    def __init__(self, project: Path, needs: Path, venv: Path, scratch: Path):
        self.project, self.needs, self.venv, self.scratch = project, needs, venv, scratch
        self.page_file = sorted((project / "specs").iterdir())[0] / "pages-1.yml"
        self.need_file = needs / "page00.rst"
        self.originals = {path: path.read_text(encoding="utf-8")
                          for path in (self.page_file, self.need_file)}
        self.environment = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache")}

    def pmdocs(self) -> float:
        return timed([str(BIN / "pmdocs"), "build", str(self.project), "-o",
                      str(self.scratch / "site"), "--cache-dir",
                      str(self.scratch / "cache" / "diagrams")], self.environment)

    def sphinx(self) -> float:
        return timed([str(self.venv / "bin" / "sphinx-build"), "-q", "-b", "html",
                      "-d", str(self.scratch / "doctrees"), str(self.needs),
                      str(self.scratch / "html")], self.environment)

    def one_round(self, number: int) -> dict[str, float]:
        for folder in ("site", "cache", "html", "doctrees"):
            shutil.rmtree(self.scratch / folder, ignore_errors=True)
        times = {"pmdocs cold": self.pmdocs(), "sphinx-needs cold": self.sphinx()}
        edit_title(self.page_file, r"^(  title: [^\n（]+?)(?:（第\d+轮）)?$", number)
        times["pmdocs one edit"] = self.pmdocs()
        edit_title(self.need_file, r"^(\.\. \w+:: [^\n（]+?)(?:（第\d+轮）)?$", number)
        times["sphinx-needs one edit"] = self.sphinx()
        times["pmdocs nothing changed"] = self.pmdocs()
        times["sphinx-needs nothing changed"] = self.sphinx()
        return times

    def restore(self) -> None:
        for path, text in self.originals.items():
            path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("total", type=int, nargs="?", default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--needs-version", default="9.1.0")
    args = parser.parse_args()
    project = default_folder(args.total)
    if not (project / "pmdocs.yml").is_file():
        write_project(args.total, project, 1)
    venv = needs_venv(args.needs_version)
    needs = BENCHMARKS / "out" / f"needs{args.total}"
    count = write_needs_project(project, needs)
    scratch = BENCHMARKS / "out" / f"bench-needs{args.total}"
    scratch.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=BENCHMARKS).stdout.strip()
    print(f"pmdocs build vs sphinx-needs {args.needs_version}: N={args.total} ({count} needs in "
          f"{-(-count // NEEDS_PER_PAGE)} pages), {args.runs} rounds, {os.cpu_count()} CPUs, "
          f"commit {commit}; load average {os.getloadavg()[0]:.2f} at the start", flush=True)
    bench = Bench(project, needs, venv, scratch)
    rounds = []
    try:
        for number in range(1, args.runs + 1):
            rounds.append(bench.one_round(number))
            print(f"  round {number}: " + ", ".join(f"{name} {value:.2f} s"
                                                    for name, value in rounds[-1].items()),
                  flush=True)
    finally:
        bench.restore()
    print("| | pmdocs | sphinx-needs | ratio |\n|---|---|---|---|")
    for case in ("cold", "one edit", "nothing changed"):
        ours = [times[f"pmdocs {case}"] for times in rounds]
        theirs = [times[f"sphinx-needs {case}"] for times in rounds]
        print(f"| {case} | {statistics.median(ours):.2f} s ({min(ours):.2f} – {max(ours):.2f}) "
              f"| {statistics.median(theirs):.2f} s ({min(theirs):.2f} – {max(theirs):.2f}) "
              f"| {statistics.median(ours) / statistics.median(theirs):.2f} |")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
