"""Validated files are cached by content, path and pmdocs' code: same results, less work."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from pmdocs.pipeline import check_project
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


def test_another_pyyaml_is_a_miss(project: Path, tmp_path: Path, monkeypatch) -> None:
    """A file cached with one PyYAML (or libyaml) is read again with another: they place and
    word syntax errors differently."""
    check_project(project, tmp_path / "cache")
    monkeypatch.setattr(cache_module.yaml, "__version__", "another version")
    cache = cache_module.ModelCache(tmp_path / "cache")
    assert not cache.known(str(project / "roles.yml"), (project / "roles.yml").read_text(), False)


def entries(cache: Path) -> set[str]:
    return {path.name for path in cache.glob("[0-9a-f][0-9a-f]/*")}


def test_an_entry_unused_for_a_month_goes_when_a_file_changes(project: Path, tmp_path: Path) -> None:
    """Each edit of a file adds an entry; the edited file's old entry, no longer used, is
    removed once it is a month old, while the entries still used are touched by every run."""
    cache = tmp_path / "cache"
    check_project(project, cache)
    before = entries(cache)
    month_ago = time.time() - (cache_module.UNUSED_DAYS + 1) * 24 * 3600
    stray = cache / "ab" / "not-an-entry"
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("not pmdocs'", encoding="utf-8")
    for path in [*cache.glob("[0-9a-f][0-9a-f]/*")]:
        os.utime(path, (month_ago, month_ago))

    edited = project / "pmdocs.yml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    check_project(project, cache)
    after = entries(cache) - {"not-an-entry"}
    assert len(after - before) == 1 and len(before - after) == 1     # the edited file's entry
    assert stray.exists()
