"""A built wheel carries the templates (`pmdocs new` needs them outside a checkout); the pinned
versions the tests install agree with pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO


def test_wheel_contains_templates(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(tmp_path), str(REPO)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("pmdocs-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in ("zh", "en"):
        assert f"pmdocs/templates/starter/{language}/pmdocs.yml" in names
    assert "pmdocs/cli.py" in names


def test_the_constraints_pin_every_dependency_within_its_range() -> None:
    """.ci/constraints.txt, which the tests and CI install from, pins every dependency of pmdocs
    and of its `[test]` extra at a version pyproject.toml allows: one added or changed without
    `make pin` would be installed unpinned, or not as pinned."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = (REPO / ".ci" / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = dict(line.split("==") for line in lines if line and not line.startswith("#"))
    assert list(pins) == sorted(pins) and all(canonicalize_name(name) == name for name in pins)
    for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        requirement = Requirement(text)
        pinned = pins.get(canonicalize_name(requirement.name))
        assert pinned is not None, f"{requirement.name} is not pinned: run `make pin`"
        assert requirement.specifier.contains(pinned, prereleases=True), \
            f"{requirement.name}=={pinned} is outside `{text}`: run `make pin`"
