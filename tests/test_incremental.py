"""An incremental `pmdocs build` (pmdocs.mkdocs_adapter.incremental): after each edit in a
sequence — an item's title changed, items added, one removed, one renamed — the site built
on top of the previous one is byte for byte the site a clean build gives (search index and
manifest included); a build with nothing changed writes nothing; unchanged pages are carried
over rather than rendered again; an interrupted incremental build leaves the previous site
as it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest

from pmdocs.mkdocs_adapter.incremental import MANIFEST
from tests.browser import SAMPLE, build
from tests.test_site_output import cli, differences, snapshot

NEW_ROLES = """
  - id: auditor
    name: 审计员
    kind: staff
    description: 按月抽查活动发放的优惠券与中奖记录。

  - id: courier
    name: 快递员
    kind: external
    description: 上门取件与派送的快递公司人员。
"""


def describe_a_page(project: Path) -> None:
    """An edit no other page shows: the other pages are carried over."""
    replace_in(project / "pages" / "trade.yml", "    title: 购物车\n",
               "    title: 购物车\n    description: 勾选要结算的商品。\n")


def retitle_a_page(project: Path) -> None:
    replace_in(project / "pages" / "home.yml", "    title: 首页\n", "    title: 商城首页\n")


def retitle_a_sibling(project: Path) -> None:
    """A page no other page of its module links to: those pages show it in their sidebar."""
    replace_in(project / "pages" / "trade.yml", "    title: 申请退款\n", "    title: 申请退款（新）\n")


def add_two_roles(project: Path) -> None:
    with (project / "roles.yml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_ROLES)


def remove_a_role(project: Path) -> None:
    replace_in(project / "roles.yml", "\n" + NEW_ROLES.split("\n\n")[1], "")


def rename_a_role(project: Path) -> None:
    replace_in(project / "roles.yml", "  - id: auditor\n", "  - id: inspector\n")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: list[Callable[[Path], None]] = [describe_a_page, retitle_a_page, retitle_a_sibling,
                                       add_two_roles, remove_a_role, rename_a_role]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(SAMPLE, folder)
    return folder


def inodes(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and time of change: the same for a file carried over (linked into
    a new folder, or left in place), not for one written again."""
    return {path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in folder.rglob("*") if path.is_file()}


def each_edit_builds_as_a_clean_build(project: Path, tmp_path: Path,
                                      build_into: Callable[[Path], None]) -> None:
    """`build_into(folder)` run on the site after each edit, and on a fresh folder: the two
    are byte for byte the same, and a new description leaves the other pages as they were."""
    site = tmp_path / "site"
    build_into(site)
    for step, edit in enumerate(EDITS):
        edit(project)
        before = inodes(site)
        build_into(site)
        clean = tmp_path / f"clean-{step}"
        with caches_of_its_own(tmp_path / f"clean-cache-{step}"):
            build_into(clean)
        incremental, fresh = snapshot(site), snapshot(clean)
        assert incremental == fresh, f"after {edit.__name__}:\n" + differences(incremental, fresh)
        carried = [path for path, inode in inodes(site).items() if before.get(path) == inode]
        if edit is retitle_a_sibling:    # pages whose sidebar and footer do not show it are kept
            assert any(path.startswith("features/") and path.endswith(".html")
                       for path in carried), "a title no feature's page shows rewrote them"
        if edit is describe_a_page:    # the pages that do not show the edit are kept
            assert sum(path.endswith(".html") for path in carried) > len(fresh) // 4, \
                "the pages that do not show the edit were written again"
        shutil.rmtree(clean)


@contextlib.contextmanager
def caches_of_its_own(folder: Path) -> Iterator[None]:
    """A clean build: pmdocs' user caches (validated specs, the last build's outputs in
    `pmdocs.memo`) empty, so that nothing is taken from the builds before."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = before


def test_each_incremental_build_equals_a_clean_build(project: Path, tmp_path: Path) -> None:
    each_edit_builds_as_a_clean_build(project, tmp_path,
                                      lambda folder: build(project, folder, tmp_path / "cache"))


def many_pages(count: int) -> str:
    """A module of `count` pages, each opening the next: more than a sidebar group holds."""
    pages = [f"""  - id: item_{number:02}
    title: 条目 {number:02}
    module: mine
    device: mobile
    elements:
      - id: back
        type: navbar
        on_tap: back
      - id: next
        type: button
        label: 下一条
        on_tap: item_{(number + 1) % count:02}
""" for number in range(count)]
    return "pages:\n" + "\n".join(pages)


def test_retitling_a_groups_first_page_renders_its_module_only(project: Path,
                                                                tmp_path: Path) -> None:
    """A group of 40 sidebar entries is titled by its first and last pages: retitling the first
    renders the pages that show the group, the rest of the site is carried over, and the
    result is the clean build's."""
    (project / "pages" / "catalogue.yml").write_text(many_pages(45), encoding="utf-8")
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(project, site, cache)
    before = inodes(site)
    replace_in(project / "pages" / "catalogue.yml", "    title: 条目 00\n", "    title: 首条\n")
    build(project, site, cache)
    clean = tmp_path / "clean"
    with caches_of_its_own(tmp_path / "clean-cache"):
        build(project, clean, cache)
    incremental, fresh = snapshot(site), snapshot(clean)
    assert incremental == fresh, differences(incremental, fresh)
    written = sorted(path for path, inode in inodes(site).items()
                     if path.endswith(".html") and before.get(path) != inode)
    assert any("item_44" in path for path in written), written
    assert not any(path.startswith("features/") for path in written), written


def test_nothing_changed_writes_nothing(project: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(project, site, cache)
    before = {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in site.rglob("*")}

    result = cli("build", str(project), "-o", str(site), "--cache-dir", str(cache))

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{site} is up to date: the specs did not change (")
    assert {path: (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in site.rglob("*")} == before


def test_a_change_of_options_builds_again(project: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(project, site, cache)
    build(project, site, cache, "--site-url", "https://prd.example.com/")
    clean = tmp_path / "clean"
    build(project, clean, cache, "--site-url", "https://prd.example.com/")
    assert snapshot(site) == snapshot(clean)


def test_a_damaged_manifest_means_a_clean_build(project: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(project, site, cache)
    (site / MANIFEST).write_text('{"format": 1, "files": [', encoding="utf-8")
    retitle_a_page(project)
    build(project, site, cache)
    clean = tmp_path / "clean"
    build(project, clean, cache)
    assert snapshot(site) == snapshot(clean)


def interrupt_at_the_20th_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs' next build stops (as with Ctrl-C) when it comes to its 20th page."""
    import mkdocs.commands.build

    real, built = mkdocs.commands.build._build_page, []

    def build_page(page, *args, **kwargs):
        built.append(page)
        if len(built) == 20:
            raise KeyboardInterrupt
        return real(page, *args, **kwargs)
    monkeypatch.setattr(mkdocs.commands.build, "_build_page", build_page)


def test_an_interrupted_incremental_build_leaves_the_previous_site(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(project, site, cache)
    before, beside = snapshot(site), sorted(os.listdir(site.parent))
    interrupt_at_the_20th_page(monkeypatch)
    add_two_roles(project)

    result = cli("build", str(project), "-o", str(site), "--cache-dir", str(cache))

    assert isinstance(result.exception, KeyboardInterrupt) or result.exit_code != 0
    after = snapshot(site)
    assert before == after, "the previous site changed:\n" + differences(before, after)
    assert sorted(os.listdir(site.parent)) == beside, "a staging folder was left beside the site"
    monkeypatch.undo()
    build(project, site, cache)
    clean = tmp_path / "clean"
    build(project, clean, cache)
    assert snapshot(site) == snapshot(clean)


def test_progress_is_shown_when_asked_and_erased(project: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    result = cli("build", str(project), "-o", str(site), "--cache-dir", str(cache), "--progress")

    assert result.exit_code == 0, result.output
    lines = result.stderr.split("\r")
    shown = [line.rstrip() for line in lines]
    pages = int(re.match(r"built (\d+) pages into ", result.stdout).group(1))
    assert any(re.fullmatch(r"pmdocs: laying out \d+ diagrams", line) for line in shown), shown
    assert f"pmdocs: building pages {pages}/{pages}" in shown
    widest = max(len(line) for line in lines)
    assert lines[-2:] == [" " * widest, ""], "the status line is left on the terminal"


def test_no_progress_when_piped(project: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    result = cli("build", str(project), "-o", str(site), "--cache-dir", str(cache))

    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def build_in_place(project: Path, site: Path, scratch: Path) -> None:
    """What `pmdocs serve` does on each change, without the server: mkdocs' dirty build into
    the same folder, the plugin building on the site already there."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from pmdocs.mkdocs_adapter import write_config
    from pmdocs.site import SiteSettings

    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    config_file = write_config(scratch, SiteSettings("PRD", "zh", ()), project,
                               name_the_site=True, incremental=True)
    mkdocs_build(load_config(config_file=str(config_file), site_dir=str(site)), dirty=True)


def test_serve_builds_in_place_as_a_clean_build(project: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    each_edit_builds_as_a_clean_build(
        project, tmp_path, lambda folder: build_in_place(project, folder, tmp_path / "scratch"))


def test_a_serve_build_stopped_half_way_is_followed_by_a_whole_one(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    site, scratch = tmp_path / "served", tmp_path / "scratch"
    build_in_place(project, site, scratch)
    interrupt_at_the_20th_page(monkeypatch)
    original = (project / "pages" / "home.yml").read_text(encoding="utf-8")
    retitle_a_page(project)
    with pytest.raises(KeyboardInterrupt):
        build_in_place(project, site, scratch)
    assert not (site / MANIFEST).exists()
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    (project / "pages" / "home.yml").write_text(original, encoding="utf-8")   # undone
    build_in_place(project, site, scratch)
    clean = tmp_path / "clean"
    build_in_place(project, clean, scratch)
    assert snapshot(site) == snapshot(clean)
