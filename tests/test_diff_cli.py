"""`pmdocs diff` as a user meets it: how its arguments are read, the revisions it defaults
to, and the exact `(exit code, stdout, stderr)` when something cannot be read. (What it
reports for each kind of change: `test_diff_cases.py`.)"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.cli import main

from .gitrepo import commit_all, commit_tree, git, new_repository

SPECS = """\
features:
  - {id: browse, title: 浏览, pages: [home]}
pages:
  - {id: home, title: %s, entry: tab, terminal: true}
"""


def write_project(folder: Path, title: str = "首页") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pmdocs.yml").write_text("name: Demo\n", encoding="utf-8")
    (folder / "specs.yml").write_text(SPECS % title, encoding="utf-8")
    return folder


def run_in(folder: Path, *arguments: str) -> tuple[int, str, str]:
    """`pmdocs diff ARGUMENTS` run in `folder`: exit code, stdout, stderr."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["diff", *arguments], prog_name="pmdocs")
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose `specs/` project was committed twice on `main` (the home page's
    title changed from 首页 to 商城首页), tagged `v1` and `v2`."""
    repository = new_repository(tmp_path / "repo")
    source = tmp_path / "source"
    commit_tree(repository, write_project(source), "specs", "first", tag="v1")
    commit_tree(repository, write_project(source, "商城首页"), "specs", "second", tag="v2")
    return repository


def titles(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if "title:" in line]


def test_three_arguments_are_base_head_and_project(repository: Path) -> None:
    code, stdout, stderr = run_in(repository, "v1", "v2", "specs")
    assert (code, stderr) == (0, "")
    assert stdout.startswith("pmdocs diff: v1 (")
    assert titles(stdout) == ["      ~ title: 首页 → 商城首页"]


def test_a_last_argument_naming_a_folder_is_the_project(repository: Path) -> None:
    assert titles(run_in(repository, "v1", "specs")[1]) == ["      ~ title: 首页 → 商城首页"]
    assert run_in(repository / "specs", "v1", ".")[1] == run_in(repository / "specs", "v1")[1]


def test_head_defaults_to_the_working_tree_and_the_index_is_left_alone(repository: Path) -> None:
    write_project(repository / "specs", "首页 2.0")
    index = repository / ".git" / "index"
    before = index.stat().st_mtime_ns, index.read_bytes()
    code, stdout, _ = run_in(repository, "v2", "specs")
    assert code == 0 and "→ working tree" in stdout.splitlines()[0]
    assert titles(stdout) == ["      ~ title: 商城首页 → 首页 2.0"]
    assert (index.stat().st_mtime_ns, index.read_bytes()) == before
    assert git(repository, "status", "--porcelain") == " M specs/specs.yml\n"


def test_base_defaults_to_head_on_the_default_branch(repository: Path) -> None:
    write_project(repository / "specs", "首页 2.0")
    code, stdout, _ = run_in(repository / "specs")
    assert code == 0 and stdout.startswith("pmdocs diff: HEAD (")
    assert titles(stdout) == ["      ~ title: 商城首页 → 首页 2.0"]


def test_base_defaults_to_where_a_branch_left_the_default_branch(repository: Path,
                                                                 tmp_path: Path) -> None:
    git(repository, "checkout", "-q", "-b", "feature", "v1")
    commit_tree(repository, write_project(tmp_path / "branch", "活动首页"), "specs", "branch")
    code, stdout, _ = run_in(repository, "specs")
    assert code == 0
    assert stdout.startswith("pmdocs diff: merge-base of HEAD and main (")
    assert titles(stdout) == ["      ~ title: 首页 → 活动首页"]


def test_a_project_at_the_top_of_the_repository(tmp_path: Path) -> None:
    repository = new_repository(tmp_path / "repo")
    write_project(repository)
    commit_all(repository, "first")
    write_project(repository, "商城首页")
    assert titles(run_in(repository, "HEAD")[1]) == ["      ~ title: 首页 → 商城首页"]


def test_json_names_both_revisions(repository: Path) -> None:
    code, stdout, _ = run_in(repository, "v1", "v2", "specs", "--format", "json")
    report = json.loads(stdout)
    commits = git(repository, "rev-parse", "v1", "v2").split()
    assert report["base"] == {"name": "v1", "commit": commits[0], "working_tree": False}
    assert report["head"] == {"name": "v2", "commit": commits[1], "working_tree": False}
    assert report["summary"]["items"]["changed"] == 1


def test_fail_on_any_fails_when_anything_differs(repository: Path) -> None:
    assert run_in(repository, "v1", "v2", "specs", "--fail-on", "any")[0] == 1
    assert run_in(repository, "v2", "v2", "specs", "--fail-on", "any")[0] == 0
    assert run_in(repository, "v1", "v2", "specs", "--fail-on", "new-errors")[0] == 0


def test_outside_git(tmp_path: Path) -> None:
    write_project(tmp_path / "specs")
    assert run_in(tmp_path, "specs") == (
        2, "", "pmdocs diff: `specs` is not in a git repository (pmdocs diff compares "
        "revisions of a project kept in git)\n")


def test_an_unknown_revision(repository: Path) -> None:
    assert run_in(repository, "v0", "v2", "specs") == (
        2, "", f"pmdocs diff: unknown revision `v0` in the repository at {repository}\n")


def test_a_last_argument_that_is_neither_revision_nor_folder(repository: Path) -> None:
    assert run_in(repository, "v1", "spces") == (
        2, "", f"pmdocs diff: `spces` is neither a revision of the repository at {repository} "
        "nor a project folder\n")


def test_a_name_that_is_both_a_folder_and_a_revision(repository: Path) -> None:
    write_project(repository / "v2")
    assert run_in(repository, "v2") == (
        2, "", "pmdocs diff: `v2` is both a folder and a revision: write the folder as `./v2`, "
        "or the revision as `v2^0`\n")
    assert run_in(repository, "v1", "./v2")[0] == 2        # not in v1: see below


def test_a_revision_without_the_project(repository: Path, tmp_path: Path) -> None:
    commit_tree(repository, write_project(tmp_path / "new"), "shop", "another project")
    assert run_in(repository, "v2", "HEAD", "shop") == (
        2, "", "pmdocs diff: the project folder `shop` is not in revision `v2`\n")


def test_a_revision_git_could_read_as_an_option(repository: Path) -> None:
    assert run_in(repository, "--", "--output=/tmp/x", "specs") == (
        2, "", "pmdocs diff: `--output=/tmp/x` is not a revision name\n")


def test_too_many_arguments(repository: Path) -> None:
    assert run_in(repository, "v1", "v2", "specs", "more") == (
        2, "", "pmdocs diff: at most 3 arguments: BASE, HEAD and PROJECT (got 4)\n")


def test_links_in_a_revision_are_judged_like_links_on_disk(repository: Path,
                                                           tmp_path: Path) -> None:
    """A link to a file outside the project is refused in a revision as in the working tree
    (PM108), and a link inside it is read."""
    source = write_project(tmp_path / "links")
    (source / "inside.yml").symlink_to("specs.yml")
    (source / "outside.yml").symlink_to("/etc/hostname")
    commit_tree(repository, source, "specs", "links")
    code, stdout, _ = run_in(repository, "v2", "HEAD", "specs")
    assert code == 0
    assert "  + specs/outside.yml: error PM108 " in stdout


def test_a_revision_leaves_no_cache_behind(repository: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A revision is checked in a folder of pmdocs' own, with a copy of the project's cache
    of decision tables, removed after: the cache holds the project's file alone."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (repository / "specs" / "rules.yml").write_text(
        "rules:\n  - id: r\n    title: 规则\n    inputs: [{id: a, type: bool}]\n"
        "    table: [{when: {a: true}, then: 是}, {when: {a: false}, then: 否}]\n",
        encoding="utf-8")
    assert run_in(repository, "v1", "HEAD", "specs")[0] == 0
    assert run_in(repository, "v1", "specs")[0] == 0
    tables = sorted(path.name for path in (tmp_path / "cache" / "pmdocs" / "specs").glob("decision-*"))
    assert len(tables) == 1
