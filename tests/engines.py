"""The engines a team may build a `pmdocs export` with — mkdocs 1.x, ProperDocs, Zensical —
each in a virtualenv of its own made from its exact pins in .ci/engines/ (where pmdocs is not
installed, as on a team's machine), and what each may print besides warnings.

The virtualenvs live in `.engines/` at the repository's root (git-ignored; another folder
with `PMDOCS_ENGINES`), made once by `.ci/engines/setup` and kept while their pins are
unchanged. Making one needs the package index: without it the tests that need the engine are
skipped, except under CI (`CI` set), where that is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SETUP = REPO / ".ci" / "engines" / "setup"
SETUP_TIMEOUT = 900
"""Seconds to make one virtualenv (about 10 here with a cold pip cache)."""
BUILD_TIMEOUT = 600
PROBE_TIMEOUT = 60
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass(frozen=True)
class Allowed:
    """A line an engine prints that is no warning: `pattern` matches the whole line (ANSI
    colours taken out, trailing spaces too), `why` says whose line it is."""

    pattern: str
    why: str


MATERIAL_BANNER = (
    Allowed(r" │  Material for MkDocs reaches end of life on May 5, 2027\.",
            "Material for MkDocs (9.7 and later) prints this box to stderr whenever the "
            "command is `mkdocs` (not `properdocs`, not Zensical)"),
    Allowed(r" │  Critical fixes and security updates continue until that date\.", "Material's box"),
    Allowed(r" │", "Material's box: its empty line"),
    Allowed(r" │  Zensical is its maintained successor, built by the same team\.", "Material's box"),
    Allowed(r" │  Try it alongside MkDocs with your existing mkdocs\.yml:", "Material's box"),
    Allowed(r" │  https://zensical\.org/docs/compatibility/mkdocs/migration/", "Material's box"),
    Allowed(r"  To disable this warning, set NO_MKDOCS_2_WARNING=1\.", "Material's box: its last line"),
)
MKDOCS_PROGRESS = (
    Allowed(r"INFO    -  Cleaning site directory", "mkdocs and ProperDocs: the build starts"),
    Allowed(r"INFO    -  Building documentation to directory: .+", "mkdocs and ProperDocs: where"),
    Allowed(r"INFO    -  Documentation built in [0-9.]+ seconds", "mkdocs and ProperDocs: done"),
)
"""Only these INFO lines: mkdocs also logs at INFO an absolute link, a link it cannot
recognise, a missing anchor and pages left out of `nav`, which are problems of the export."""
JIEBA = (
    Allowed(r"Building prefix dict from the default dictionary \.\.\.",
            "jieba, loaded by Material's search for Chinese, logs its start to stderr"),
    Allowed(r"Loading model from cache .*jieba\.cache", "jieba: its dictionary, from its cache"),
    Allowed(r"Dumping model to file cache .*jieba\.cache", "jieba: the first run writes that cache"),
    Allowed(r"Loading model cost [0-9.]+ seconds\.", "jieba: how long it took"),
    Allowed(r"Prefix dict has been built successfully\.", "jieba: ready"),
)
ZENSICAL_PROGRESS = (
    Allowed(r"Build started", "Zensical: the build starts"),
    Allowed(r"Build finished in [0-9.]+(?:ns|µs|ms|s)", "Zensical: done"),
    Allowed(r"No issues found", "Zensical's summary when it found nothing to warn about "
                                "(else `N issues found`, after the warnings)"),
)
BLANK = Allowed(r"", "an empty line (Material's box has them)")


@dataclass(frozen=True)
class Engine:
    name: str
    package: str
    """The package whose index page tells whether the package index can be reached."""
    command: Callable[[Path, Path, Path], list[str]]
    """(virtualenv, project folder, site folder) -> the build command."""
    site_flag: bool
    """Whether the command takes the site folder (else the engine writes `site_dir`)."""
    allowed: tuple[Allowed, ...]


ENGINES = {
    "mkdocs": Engine(
        "mkdocs", "mkdocs",
        lambda venv, project, site: [str(venv / "bin" / "mkdocs"), "build", "-f",
                                     str(project / "mkdocs.yml"), "-d", str(site)],
        True, (BLANK, *MATERIAL_BANNER, *MKDOCS_PROGRESS, *JIEBA)),
    "properdocs": Engine(
        "properdocs", "properdocs",
        lambda venv, project, site: [str(venv / "bin" / "properdocs"), "build", "-f",
                                     str(project / "mkdocs.yml"), "-d", str(site)],
        True, (BLANK, *MKDOCS_PROGRESS, *JIEBA)),
    "zensical": Engine(
        "zensical", "zensical",
        # no option names the site folder: it is `site_dir` (default `site`), which must be
        # inside the project folder
        lambda venv, project, site: [str(venv / "bin" / "zensical"), "build", "-f",
                                     str(project / "mkdocs.yml")],
        False, (BLANK, *ZENSICAL_PROGRESS)),
}


def unexpected_output(engine: Engine, output: str) -> list[str]:
    """The lines of an engine's output (stdout and stderr) that none of its `allowed`
    patterns matches: its warnings, errors and anything else it had to say."""
    patterns = [re.compile(allowed.pattern) for allowed in engine.allowed]
    lines = (ANSI.sub("", line).rstrip() for line in output.splitlines())
    return [line for line in lines if not any(pattern.fullmatch(line) for pattern in patterns)]


# ------------------------------------------------------------------------ virtualenvs

def engines_folder() -> Path:
    return Path(os.environ.get("PMDOCS_ENGINES") or REPO / ".engines")


def engine_venv(engine: Engine) -> Path:
    """The engine's virtualenv, made when missing or out of date; skips the test when the
    package index cannot be reached to make it (fails under CI)."""
    venv = engines_folder() / engine.name
    environment = {**os.environ, "PYTHON": sys.executable}
    check = subprocess.run([str(SETUP), "--check", engine.name, str(venv)], env=environment,
                           capture_output=True, text=True)
    if check.returncode == 0:
        return venv
    unreachable = index_unreachable(engine.package)
    if unreachable is not None:
        reason = (f"cannot make the {engine.name} virtualenv: the package index cannot be "
                  f"reached ({unreachable})")
        if os.environ.get("CI"):
            pytest.fail(f"CI is set: {reason}")
        pytest.skip(reason)
    made = subprocess.run([str(SETUP), engine.name, str(venv)], env=environment,
                          capture_output=True, text=True, timeout=SETUP_TIMEOUT)
    if made.returncode != 0:    # not an AssertionError: an xfail of a check must not hide it
        pytest.fail(f"{SETUP.relative_to(REPO)} {engine.name} {venv} failed:\n"
                    f"{made.stdout}{made.stderr}")
    return venv


def index_unreachable(package: str) -> str | None:
    """Why pip cannot read `package`'s page on its package index, or None when it can."""
    try:
        probe = subprocess.run([sys.executable, "-m", "pip", "index", "versions", package,
                                "--timeout", "15", "--retries", "1"],
                               capture_output=True, text=True, timeout=PROBE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"pip did not answer in {PROBE_TIMEOUT} s"
    if probe.returncode == 0:
        return None
    lines = probe.stderr.splitlines()
    said = ([line for line in lines if "connection" in line.lower()]
            or [line for line in lines if line.startswith("ERROR")])
    return said[-1].strip() if said else f"`pip index versions {package}` exited with {probe.returncode}"


# ----------------------------------------------------------------------------- builds

@dataclass(frozen=True)
class Build:
    engine: Engine
    project: Path
    """The copy of the export the engine built."""
    site: Path
    returncode: int
    output: str
    """stdout, then stderr."""
    seconds: float


def build_export(engine: Engine, venv: Path, export: Path, folder: Path) -> Build:
    """`export` copied to `folder`/project (Zensical writes its cache and its site inside the
    project) and built there by `engine`, in a process whose only Python packages are the
    engine's."""
    project = folder / "project"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(export, project)
    site = project / "site"
    if not engine.site_flag:
        config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8")) or {}
        site = project / config.get("site_dir", "site")
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    started = time.monotonic()
    built = subprocess.run(engine.command(venv, project, site), cwd=project, env=environment,
                           capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    return Build(engine, project, site, built.returncode, built.stdout + built.stderr,
                 time.monotonic() - started)
