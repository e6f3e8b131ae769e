"""The sample's `pmdocs export`, built by each engine a team may build it with (mkdocs 1.x,
ProperDocs, Zensical: tests/engines.py), each in its own virtualenv where pmdocs is not
installed: the build exits 0, prints no warning (only the engine's own banner and progress),
shows every diagram the export holds, and leaves no dead link (tests/site_checks.py).

The export is made once per session, and each engine builds it once. What today's export
still fails is marked `xfail(strict=True)` with what fails: the mark must go as soon as the
exporter fixes it (the test then passes, which a strict xfail reports as a failure).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
import yaml

from tests.engines import ENGINES, Build, build_export, engine_venv, unexpected_output
from tests.site_checks import dead_links, expected_diagrams, missing_diagrams

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_project"
SHOWN = 40
"""How many problems a failure message lists."""

TODAY: dict[tuple[str, str], str] = {}
"""What today's export fails, by (engine, check): the reason of each strict xfail (none now:
a mark goes the moment the exporter fixes what it names)."""


def engines(check: str) -> list:
    """The engines as parameters of a test of `check`, those that fail it today marked."""
    return [pytest.param(name, id=name, marks=[pytest.mark.xfail(
                strict=True, raises=AssertionError, reason=TODAY[(name, check)])]
            if (name, check) in TODAY else [])
            for name in ENGINES]


@pytest.fixture(scope="session")
def sample_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pmdocs export sample_project`, once per session (in a process of its own, with the
    session's pmdocs cache)."""
    root = tmp_path_factory.getbasetemp()
    export = root / "engines" / "sample-export"
    if not (export / "mkdocs.yml").is_file():
        cache = root / "xdg-cache"
        made = subprocess.run([sys.executable, "-m", "pmdocs", "export", str(SAMPLE), "-o",
                               str(export), "--cache-dir", str(cache / "pmdocs" / "diagrams")],
                              capture_output=True, text=True,
                              env={**os.environ, "XDG_CACHE_HOME": str(cache)})
        assert made.returncode == 0, f"pmdocs export failed:\n{made.stdout}{made.stderr}"
    return export


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory,
          sample_export: Path) -> Callable[[str], Build]:
    """The sample's export built by an engine (by name), once per session for each; an engine
    whose virtualenv cannot be made skips (or fails) each test at once."""
    builds: dict[str, Build | BaseException] = {}

    def build(name: str) -> Build:
        if name not in builds:
            engine = ENGINES[name]
            folder = tmp_path_factory.getbasetemp() / "engines" / name
            try:
                builds[name] = build_export(engine, engine_venv(engine), sample_export, folder)
            except (pytest.skip.Exception, pytest.fail.Exception) as outcome:
                builds[name] = outcome
        found = builds[name]
        if isinstance(found, BaseException):
            raise found
        return found
    return build


@pytest.mark.parametrize("name", engines("exit"))
def test_the_engine_builds_the_export(built: Callable[[str], Build], name: str) -> None:
    build = built(name)
    assert build.returncode == 0, f"{name} exited with {build.returncode}:\n{build.output}"
    assert (build.site / "index.html").is_file(), f"{name} wrote no {build.site}/index.html"


@pytest.mark.parametrize("name", engines("warnings"))
def test_the_engine_prints_no_warning(built: Callable[[str], Build], name: str) -> None:
    """Nothing but the lines tests/engines.py allows for the engine (its banner, its
    progress, jieba's start), each there with whose it is."""
    unexpected = unexpected_output(ENGINES[name], built(name).output)
    assert not unexpected, (f"{name} printed {len(unexpected)} unexpected lines:\n"
                            + "\n".join(unexpected[:SHOWN]))


@pytest.mark.parametrize("name", engines("diagrams"))
def test_every_diagram_is_in_the_built_pages(built: Callable[[str], Build], name: str) -> None:
    build = built(name)
    expected = sum(len(keys) for keys in expected_diagrams(build.project / "docs").values())
    assert expected > 0, ("the export holds no diagram (no `data-pmdocs-diagram` in its "
                          "Markdown): if the exporter now marks them otherwise, teach "
                          "tests/site_checks.py how")
    missing = missing_diagrams(build.project / "docs", build.site)
    assert not missing, (f"{name}: {len(missing)} of {expected} diagrams missing:\n"
                         + "\n".join(missing[:SHOWN]))


@pytest.mark.parametrize("name", engines("links"))
def test_no_link_is_dead(built: Callable[[str], Build], name: str) -> None:
    dead = dead_links(built(name).site)
    assert not dead, f"{name}: {len(dead)} dead links:\n" + "\n".join(dead[:SHOWN])


def test_the_export_needs_no_hook_and_says_how_to_build_it(sample_export: Path) -> None:
    """Issue 10: a plain mkdocs project — no hook, no plugin but the search and offline
    plugins that Material and Zensical both have — with the prototype, a requirements.txt
    (Material, and jieba for Chinese search) and a README saying how to build it with each
    engine."""
    config = yaml.safe_load((sample_export / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [next(iter(plugin)) if isinstance(plugin, dict) else plugin
               for plugin in config.get("plugins", [])]
    assert "hooks" not in config, f"mkdocs.yml has hooks: {config['hooks']}"
    assert set(plugins) <= {"search", "offline"}, f"mkdocs.yml has plugins: {plugins}"
    assert not list(sample_export.glob("*.py")), "the export holds Python files"
    assert (sample_export / "docs" / "prototype" / "index.html").is_file()
    requirements = sample_export / "requirements.txt"
    assert requirements.is_file(), "the export has no requirements.txt"
    named = {re.sub(r"[-_.]+", "-", match.lower()) for match in
             re.findall(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirements.read_text(encoding="utf-8"),
                        re.MULTILINE)}
    assert {"mkdocs-material", "jieba"} <= named, f"requirements.txt names {sorted(named)}"
    readme = sample_export / "README.md"
    assert readme.is_file(), "the export has no README.md"
    for command in ("mkdocs build", "properdocs build", "zensical build"):
        assert command in readme.read_text(encoding="utf-8"), f"the README does not say `{command}`"
