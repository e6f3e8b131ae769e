"""The sample project and the starter projects are clean: zero problems, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.check import check_project
from pmdocs.cli import main

from .conftest import SAMPLE


def test_sample_project_has_no_problems() -> None:
    result = CliRunner().invoke(main, ["check", str(SAMPLE)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("no problems in "), result.stdout


def test_sample_project_is_rich_enough() -> None:
    """The brief's minimum: every kind, exercised at realistic size."""
    project, _, _ = check_project(SAMPLE)
    assert len(project.roles) >= 4
    assert len(project.objects) >= 3
    assert any(o.lifecycle and len(o.lifecycle.states) >= 5 for o in project.objects)
    assert len([f for f in project.flows if len(f.lanes) >= 3]) >= 2
    assert len(project.features) >= 8
    assert len({f.release for f in project.features}) >= 2
    assert len(project.pages) >= 15
    assert {page.kind for page in project.pages} >= {"page", "dialog"}
    assert any(page.is_entry for page in project.pages)
    assert len(project.rules) >= 4
    limited = [rule for rule in project.rules if rule.limit is not None and rule.parameters]
    assert limited, "a campaign participation rule with a limit block and parameters"
    assert any(len({row.then.state for row in rule.table}) >= 5 for rule in limited)
    assert project.settings.language == "zh"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_new_project_passes_check(tmp_path: Path, language: str) -> None:
    target = tmp_path / "product"
    runner = CliRunner()
    created = runner.invoke(main, ["new", str(target), "--language", language])
    assert created.exit_code == 0, created.output
    checked = runner.invoke(main, ["check", str(target)])
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout.startswith("no problems in "), checked.stdout
    first_lines = {path.name: path.read_text(encoding="utf-8").splitlines()[0]
                   for path in target.rglob("*.yml")}
    assert all(line.startswith("# yaml-language-server: $schema=") for line in first_lines.values())
    assert (target / "schema" / "spec.schema.json").is_file()
