"""One folder per kind of change under tests/diff_cases/: a project before (`base/`) and after
(`head/`), committed in turn to a new repository (in its folder `specs/`, tagged `base` and
`head`), and the exact output of `pmdocs diff base head specs` in each format:
`expected.txt` (ending with `# exit N`), `expected.md` and `expected.json`. A case may hold
`args.txt`, more arguments for every format (e.g. `--fail-on new-errors`).
Regenerate on purpose with `pytest tests/test_diff_cases.py --update-goldens`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.cli import main

from .gitrepo import commit_tree, new_repository

DIFF_CASES = Path(__file__).resolve().parent / "diff_cases"
CASE_DIRS = sorted(path for path in DIFF_CASES.iterdir() if path.is_dir())
FORMATS = {"text": "expected.txt", "markdown": "expected.md", "json": "expected.json"}


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each case's repository, made once for the module."""
    made = {}
    for case in CASE_DIRS:
        repository = new_repository(tmp_path_factory.mktemp(case.name))
        commit_tree(repository, case / "base", "specs", "base", tag="base")
        commit_tree(repository, case / "head", "specs", "head", tag="head")
        made[case.name] = repository
    return made


def run_diff(repository: Path, *arguments: str) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(repository)
    try:
        result = CliRunner().invoke(main, ["diff", *arguments])
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("case", CASE_DIRS, ids=[path.name for path in CASE_DIRS])
def test_diff_case(case: Path, output_format: str, repositories: dict[str, Path],
                   update_goldens: bool) -> None:
    extra = (case / "args.txt").read_text().split() if (case / "args.txt").is_file() else []
    code, stdout, stderr = run_diff(repositories[case.name], "base", "head", "specs",
                                    "--format", output_format, *extra)
    assert stderr == ""
    actual = stdout + (f"# exit {code}\n" if output_format == "text" else "")
    expected_file = case / FORMATS[output_format]
    if update_goldens:
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.is_file(), f"{case.name} has no {expected_file.name} (--update-goldens)"
    assert actual == expected_file.read_text(encoding="utf-8")
