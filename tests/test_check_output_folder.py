"""PM391: pmdocs.yml's `output` must be a folder inside the project, judged on the disk
(`..` and symbolic links resolved); a pull request must not aim `pmdocs build` elsewhere.
(That `pmdocs build` then writes nothing is in test_site_output.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.cli import main

HINT = ("(pmdocs.yml may only name a folder inside the project, e.g. `output: site`; to build "
        "elsewhere, run `pmdocs build -o PATH`)")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(folder)
    return folder


def check_with(project: Path, settings: str) -> tuple[int, str, str]:
    (project / "pmdocs.yml").write_text(f"name: Demo\n{settings}", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", ".", "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def refused(message: str, where: str = "2:9") -> tuple[int, str, str]:
    return 1, f"pmdocs.yml:{where}: error PM391 {message} {HINT}\n1 error in 1 file\n", ""


@pytest.mark.parametrize("output, message", [
    ("../x", "`output: ../x` leads outside the project"),
    ("/tmp/x", "`output: /tmp/x` is an absolute path"),
    ("site/../../x", "`output: site/../../x` leads outside the project"),
    (".", "`output: .` is the project folder itself, which holds the specs"),
    ("site/..", "`output: site/..` is the project folder itself, which holds the specs"),
    ('"a\\0b"', "`output: a\\x00b` is not a folder pmdocs can use: embedded null byte"),
])
def test_an_output_outside_the_project_is_refused(project: Path, output: str, message: str) -> None:
    assert check_with(project, f"output: {output}\n") == refused(message)


def test_an_output_through_a_link_that_leaves_the_project_is_refused(project: Path) -> None:
    (project / "public").symlink_to(project.parent / "elsewhere")
    assert check_with(project, "output: public\n") == refused(
        "`output: public` leads outside the project, through the symbolic link `public` "
        f"(to `{project.parent / 'elsewhere'}`)")


def test_an_output_below_a_link_that_leaves_the_project_is_refused(project: Path) -> None:
    """`public` is no output folder here, so the loader refuses to read it too."""
    (project / "public").symlink_to("../elsewhere")
    code, stdout, stderr = check_with(project, "output: public/www\n")
    assert (code, stdout.splitlines(), stderr) == (1, [
        "pmdocs.yml:2:9: error PM391 `output: public/www` leads outside the project, through the "
        f"symbolic link `public` (to `../elsewhere`) {HINT}",
        "public: error PM108 folder is a symbolic link (to `../elsewhere`) that leads outside "
        "the project; skipped (copy the files into the project instead of linking to them)",
        "2 errors in 1 file"], "")


def test_a_link_named_like_the_default_output_is_refused_too(project: Path) -> None:
    (project / "site").symlink_to("../elsewhere")
    assert check_with(project, "") == refused(
        "the default output folder `site` leads outside the project, through the symbolic link "
        "`site` (to `../elsewhere`)", where="1:1")


@pytest.mark.parametrize("output", ["public", "build/site", "site/../public", "中文站点"])
def test_an_output_inside_the_project_is_fine(project: Path, output: str) -> None:
    assert check_with(project, f"output: {output}\n") == (0, "no problems in 1 file\n", "")


def test_a_link_that_stays_inside_the_project_is_fine(project: Path) -> None:
    (project / "build").mkdir()
    (project / "public").symlink_to("build")
    assert check_with(project, "output: public/site\n") == (0, "no problems in 1 file\n", "")


def test_the_refusal_cannot_be_switched_off_in_pmdocs_yml(project: Path) -> None:
    code, stdout, _ = check_with(project, "output: ../x\ncheck: {disable: [PM391]}\n")
    assert code == 1
    assert " error PM391 `output: ../x` leads outside the project " in stdout
    assert " error PM390 check settings: `PM391` cannot be switched off or re-graded " in stdout
