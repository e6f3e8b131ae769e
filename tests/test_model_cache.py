"""Validated files are cached by content, path and pmdocs' code: same results, less work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmdocs.check import check_project
from pmdocs.model import cache as cache_module
from pmdocs.model import read_project

from .conftest import SAMPLE


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return target


def test_cached_run_gives_the_same_project_and_issues(project: Path, tmp_path: Path) -> None:
    fresh, fresh_issues, count = read_project(project)
    first = check_project(project, tmp_path / "cache")
    second = check_project(project, tmp_path / "cache")
    assert first[1] == second[1] == check_project(project)[1]
    assert second[0].pages == fresh.pages and second[0].rules == fresh.rules
    assert [page.at("id") for page in second[0].pages] == [page.at("id") for page in fresh.pages]
    assert second[2] == count


def test_unchanged_files_are_not_parsed_again(project: Path, tmp_path: Path, monkeypatch) -> None:
    check_project(project, tmp_path / "cache")
    parsed: list[str] = []
    original = cache_module.ModelCache.known

    def spy(self, path: str, text: str, is_project_file: bool) -> bool:
        hit = original(self, path, text, is_project_file)
        if not hit:
            parsed.append(path)
        return hit
    monkeypatch.setattr(cache_module.ModelCache, "known", spy)
    page_file = next(project.glob("pages/*.yml"))
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    check_project(project, tmp_path / "cache")
    assert parsed == [str(page_file).replace("\\", "/")]


def test_an_edit_that_breaks_a_file_is_reported_despite_the_cache(project: Path, tmp_path: Path) -> None:
    check_project(project, tmp_path / "cache")
    roles = project / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("name:", "nam:", 1), encoding="utf-8")
    _, issues, _ = check_project(project, tmp_path / "cache")
    assert any(issue.code == "PM201" and issue.location.file.endswith("roles.yml") for issue in issues)


def test_a_damaged_entry_is_a_miss(project: Path, tmp_path: Path) -> None:
    check_project(project, tmp_path / "cache")
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not a pickle")
    assert check_project(project, tmp_path / "cache")[1] == check_project(project)[1]


def test_another_pmdocs_code_is_a_miss(project: Path, tmp_path: Path, monkeypatch) -> None:
    check_project(project, tmp_path / "cache")
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another version")
    cache = cache_module.ModelCache(tmp_path / "cache")
    assert not cache.known(str(project / "roles.yml"), (project / "roles.yml").read_text(), False)
