"""Symbolic links in a project: a link (a spec file or a folder) that leads outside the
project is refused, never read (PM108, naming the link and what it says); links that stay
inside keep working, and every folder is read once, by its own path.

The file outside holds a bad id, so that reading it would show as a PM206."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_load import run_check

OUTSIDE_FILE = ("cannot read spec file: it is a symbolic link (to `{}`) that leads outside the "
                "project (copy the file into the project instead of linking to it)")
OUTSIDE_FOLDER = ("folder is a symbolic link (to `{}`) that leads outside the project; skipped "
                  "(copy the files into the project instead of linking to them)")
ROLE = "roles:\n  - id: buyer\n    name: 买家\n"
USES_ROLE = "features:\n  - id: shop\n    title: 购物\n    roles: [buyer]\n    rules: [none]\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding only `pmdocs.yml`, made the working directory, and beside
    it a folder `elsewhere` holding `secret.yml`."""
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "pmdocs.yml").write_text("name: Demo\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.yml").write_text("roles:\n  - id: Not Read\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def errors(*lines: str, files: int) -> tuple[int, str, str]:
    count = f"{len(lines)} error" + ("s" if len(lines) > 1 else "")
    in_files = f"{files} file" + ("s" if files > 1 else "")
    return 1, "".join(line + "\n" for line in lines) + f"{count} in {in_files}\n", ""


@pytest.mark.parametrize("target", ["../elsewhere/secret.yml", "{tmp}/elsewhere/secret.yml"])
def test_a_spec_file_linked_outside_the_project_is_not_read(project: Path, target: str) -> None:
    target = target.format(tmp=project.parent)
    (project / "shared.yml").symlink_to(target)
    assert run_check() == errors(f"shared.yml: error PM108 {OUTSIDE_FILE.format(target)}", files=2)


def test_a_link_to_a_link_that_leads_outside_is_not_read(project: Path) -> None:
    (project / "shared.yml").symlink_to("../elsewhere/secret.yml")
    (project / "again.yml").symlink_to("shared.yml")
    assert run_check() == errors(
        f"again.yml: error PM108 {OUTSIDE_FILE.format('shared.yml')}",
        f"shared.yml: error PM108 {OUTSIDE_FILE.format('../elsewhere/secret.yml')}", files=3)


def test_pmdocs_yml_linked_outside_the_project_is_not_read(project: Path) -> None:
    (project / "pmdocs.yml").unlink()
    (project / "pmdocs.yml").symlink_to("../elsewhere/secret.yml")
    assert run_check() == errors(
        f"pmdocs.yml: error PM108 {OUTSIDE_FILE.format('../elsewhere/secret.yml')}", files=1)


@pytest.mark.parametrize("where", [".", "specs"])
def test_a_folder_linked_outside_the_project_is_not_read(project: Path, where: str) -> None:
    (project / where).mkdir(exist_ok=True)
    (project / where / "common").symlink_to(project.parent / "elsewhere")
    shown = "common" if where == "." else f"{where}/common"
    assert run_check() == errors(
        f"{shown}: error PM108 {OUTSIDE_FOLDER.format(project.parent / 'elsewhere')}", files=1)


def test_a_folder_linked_outside_through_a_hidden_folder_is_not_read(project: Path) -> None:
    (project / ".shared").mkdir()
    (project / ".shared" / "common").symlink_to("../../elsewhere")
    (project / "specs").symlink_to(".shared")
    assert run_check() == errors(
        f"specs/common: error PM108 {OUTSIDE_FOLDER.format('../../elsewhere')}", files=1)


def test_a_spec_file_linked_inside_the_project_is_read(project: Path) -> None:
    (project / ".shared").mkdir()
    (project / ".shared" / "roles.yml").write_text(ROLE, encoding="utf-8")
    (project / "roles.yml").symlink_to(".shared/roles.yml")
    (project / "features.yml").write_text(USES_ROLE.replace("    rules: [none]\n", ""),
                                          encoding="utf-8")
    assert run_check() == (0, "features.yml:2:9: warning PM380 feature `shop` (购物) links to no "
                              "page, rule, flow or object (list what it touches under `pages:`, "
                              "`rules:`, `flows:` or `objects:`)\n1 warning in 3 files\n", "")


def test_a_folder_linked_to_a_hidden_folder_inside_is_read(project: Path) -> None:
    (project / ".shared").mkdir()
    (project / ".shared" / "roles.yml").write_text(ROLE, encoding="utf-8")
    (project / "common").symlink_to(".shared")
    (project / "features.yml").write_text(USES_ROLE, encoding="utf-8")
    assert run_check() == errors("features.yml:5:13: error PM301 feature `shop`: unknown rule "
                                 "`none` (no rule is defined yet)", files=3)


@pytest.mark.parametrize("link", ["a_link", "z_link"])
def test_a_folder_linked_to_a_folder_read_anyway_is_read_once_by_its_own_path(
        project: Path, link: str) -> None:
    """Before or after the folder in the walk, the link adds nothing and is no error (it was
    once reported as a loop, on the folder or on the link, whichever came second)."""
    (project / "specs").mkdir()
    (project / "specs" / "roles.yml").write_text(ROLE, encoding="utf-8")
    (project / link).symlink_to("specs")
    (project / "features.yml").write_text(USES_ROLE, encoding="utf-8")
    assert run_check() == errors("features.yml:5:13: error PM301 feature `shop`: unknown rule "
                                 "`none` (no rule is defined yet)", files=3)
