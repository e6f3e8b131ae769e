"""One folder per diagnostic under tests/cases/: a small project and the exact `pmdocs check`
output expected from it (`expected.txt`, ending with `# exit N`).

A case may hold `args.txt` (extra arguments, e.g. `--strict`) and `prepare.py`, run in the
copied folder first, for inputs git cannot hold (a huge file, a symlink loop).
"""

from __future__ import annotations

import os
import runpy
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.cli import main
from pmdocs.issues import CODES

from .conftest import CASES

CASE_DIRS = sorted(path for path in CASES.iterdir() if path.is_dir()) if CASES.is_dir() else []


def copy_case(case: Path, workdir: Path) -> Path:
    """The case's project, copied into `workdir` and prepared: what `pmdocs check` reads."""
    target = workdir / case.name
    shutil.copytree(case, target, symlinks=True,
                    ignore=shutil.ignore_patterns("expected.txt", "args.txt", "prepare.py"))
    if (case / "prepare.py").is_file():
        runpy.run_path(str(case / "prepare.py"), init_globals={"HERE": target})
    return target


def run_case(case: Path, workdir: Path) -> str:
    target = copy_case(case, workdir)
    args = (case / "args.txt").read_text().split() if (case / "args.txt").is_file() else []
    old = os.getcwd()
    os.chdir(target)
    try:
        result = CliRunner().invoke(main, ["check", ".", *args])
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.stdout + f"# exit {result.exit_code}\n"


@pytest.mark.parametrize("case", CASE_DIRS, ids=[path.name for path in CASE_DIRS])
def test_case(case: Path, tmp_path: Path, update_goldens: bool) -> None:
    actual = run_case(case, tmp_path)
    expected_file = case / "expected.txt"
    if update_goldens:
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.is_file(), f"{case.name} has no expected.txt (run with --update-goldens)"
    assert actual == expected_file.read_text(encoding="utf-8")


def test_case_output_names_its_code() -> None:
    """A case folder `PMnnn_name` must actually produce PMnnn."""
    for case in CASE_DIRS:
        code = case.name.split("_", 1)[0]
        expected = (case / "expected.txt").read_text(encoding="utf-8")
        assert f" {code} " in expected or f"title={code}" in expected, case.name


def test_every_code_has_a_case() -> None:
    covered = {case.name.split("_", 1)[0] for case in CASE_DIRS}
    missing = sorted(set(CODES) - covered)
    assert not missing, f"codes without a case folder under tests/cases/: {missing}"


@pytest.mark.parametrize("case", [case for case in CASE_DIRS if case.name >= "PM3"],
                         ids=lambda case: case.name)
def test_every_check_says_what_its_problem_is_about(case: Path, tmp_path: Path) -> None:
    """A check's issue names its subject (an item of the project, or a setting), so readers of
    issues — a rule's verdict, a diff of two revisions — never parse a message."""
    from pmdocs.pipeline import check_project
    from pmdocs.model.spec import SECTIONS

    project, issues, _ = check_project(copy_case(case, tmp_path))
    checked = [issue for issue in issues if issue.code >= "PM3"]
    assert checked, f"{case.name} finds nothing"
    for issue in checked:
        assert issue.subject is not None, f"{issue.code} {issue.message}"
        section, item_id = issue.subject
        if section == "settings":
            assert item_id in type(project.settings).model_fields, issue.subject
        else:
            assert section in SECTIONS and item_id in project.known_ids(section), issue.subject
