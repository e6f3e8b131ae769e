"""The sample project and the starter projects are clean: zero problems, exit 0."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.pipeline import check_project
from pmdocs.cli import main

from .conftest import SAMPLE


def test_sample_project_has_no_problems() -> None:
    result = CliRunner().invoke(main, ["check", str(SAMPLE)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("没有问题"), result.stdout


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
    limited = [rule for rule in project.rules if rule.limit and rule.parameters]
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
    assert checked.stdout.startswith({"zh": "没有问题", "en": "no problems in "}[language]), \
        checked.stdout
    first_lines = {path.name: path.read_text(encoding="utf-8").splitlines()[0]
                   for path in target.rglob("*.yml")}
    assert all(line.startswith("# yaml-language-server: $schema=") for line in first_lines.values())
    assert (target / "schema" / "spec.schema.json").is_file()


SCHEMA_LINE = "# yaml-language-server: $schema="


def spec_files(project: Path) -> list[Path]:
    """The project's `*.yml` files (not those of a site built into it)."""
    return sorted(path for path in project.rglob("*.yml")
                  if path.relative_to(project).parts[0] != "site")


def schema_pointers(project: Path) -> dict[str, Path]:
    """Per spec file (its path in the project), the schema file its first line points to."""
    pointers = {}
    for path in spec_files(project):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith(SCHEMA_LINE), path
        pointers[path.relative_to(project).as_posix()] = (
            path.parent / first_line.removeprefix(SCHEMA_LINE)).resolve()
    return pointers


def assert_points_at_its_schema(project: Path) -> None:
    """pmdocs.yml at the project schema, every other spec file at the spec schema, both in the
    project's `schema/` folder (as the YAML language server resolves a relative path)."""
    schema = project.resolve() / "schema"
    pointers = schema_pointers(project)
    assert pointers == {relative: schema / ("project.schema.json" if relative == "pmdocs.yml"
                                            else "spec.schema.json") for relative in pointers}
    assert all(target.is_file() for target in pointers.values())


def test_sample_files_point_at_the_samples_schemas() -> None:
    assert_points_at_its_schema(SAMPLE)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_new_project_files_point_at_its_schemas(tmp_path: Path, language: str) -> None:
    target = tmp_path / "product"
    assert CliRunner().invoke(main, ["new", str(target), "--language", language]).exit_code == 0
    assert_points_at_its_schema(target)


def test_sample_schemas_are_what_pmdocs_writes(tmp_path: Path) -> None:
    """The committed copies cannot go stale: they are what `pmdocs schema --write` writes now
    (after a change of the model, run `pmdocs schema --write sample_project`)."""
    project = tmp_path / "sample"
    project.mkdir()
    shutil.copy(SAMPLE / "pmdocs.yml", project / "pmdocs.yml")
    written = CliRunner().invoke(main, ["schema", "--write", str(project)])
    assert written.exit_code == 0, written.output
    fresh = {path.name: path.read_bytes() for path in (project / "schema").iterdir()}
    committed = {path.name: path.read_bytes() for path in (SAMPLE / "schema").iterdir()}
    assert committed.keys() == fresh.keys() == {"spec.schema.json", "project.schema.json"}
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert stale == [], "run `pmdocs schema --write sample_project`"


def test_schema_files_are_no_spec_input() -> None:
    project, issues, file_count = check_project(SAMPLE)
    assert issues == [] and file_count == len(spec_files(SAMPLE))
    assert not [path for path in project.files if "schema" in Path(path).parts]
