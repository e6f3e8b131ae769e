"""`pmdocs build --since REV` and `since:`: the changes page, the box that opens each changed
item's page, the marks in the diagrams and the prototype, and the releases page's changes
between tags — read from the built files. (What a reader sees in a browser:
`test_site_changes_browser.py`.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.cli import main

from .browser import BuiltSite, build, sample_since_site  # noqa: F401 (a fixture)
from .conftest import REPO, SAMPLE
from .gitrepo import git
from .sample_history import sample_repository
from .test_diff_cli import run_in


def text_of(site: BuiltSite, page: str) -> str:
    """A built page's text without tags and blanks (which tags put in or leave out)."""
    html = (site.folder / page).read_text(encoding="utf-8")
    html = re.sub(r"<svg\b.*?</svg>", " ", html, flags=re.DOTALL)
    return "".join(re.sub(r"<[^>]+>", " ", html).replace("&gt;", ">").split())


def shows(site: BuiltSite, page: str, words: str) -> bool:
    """Whether the page's text holds `words` (blanks aside)."""
    return "".join(words.split()) in text_of(site, page)


def test_the_sample_diff_lists_exactly_the_changes(tmp_path: Path) -> None:
    repository = sample_repository(tmp_path)
    result = CliRunner().invoke(main, ["diff", "before", "after",
                                       str(repository / "sample_project")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "features: 1 added",
        "  + feature invoice 开具电子发票",
        "pages: 2 changed",
        "  ~ page cart 购物车",
        "      - jump checkout_button on tap: login_dialog [未登录]",
        "      + state partly_gone: 部分商品已下架，置灰显示在列表最后",
        "  ~ page confirm_order 确认并支付订单",
        "      ~ title: 确认订单 → 确认并支付订单",
        "rules: 1 changed",
        "  ~ rule shipping_fee 运费规则",
        "      ~ parameter base_freight default: 8 → 10",
        "      ~ row 3 then: 包邮 「已包邮」 → 包邮 「已包邮，感谢支持」",
        "1 added, 3 changed; problems: 0 introduced, 0 fixed"]


def test_the_readme_shows_the_real_output(tmp_path: Path) -> None:
    """The review example in the README is this output (commit ids aside: the sample's text,
    and so the commits, change with the sample)."""
    _, stdout, _ = run_in(sample_repository(tmp_path), "before", "after", "sample_project")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "$ pmdocs diff before after sample_project\n"
    shown = readme[readme.index(command) + len(command):]
    shown = shown[:shown.index("```")]

    def without_ids(text: str) -> str:
        return re.sub(r"\([0-9a-f]{7}\)", "(…)", text)
    assert without_ids(shown) == without_ids(stdout)


def test_the_changes_page_lists_them_with_links(sample_since_site: BuiltSite) -> None:
    assert shows(sample_since_site, "changes.html", "与 before (")
    for words in ("新增 1、修改 3", "新增 开具电子发票 invoice", "修改 购物车 cart 删除 跳转 "
                  "checkout_button 点击：login_dialog [未登录]", "新增 状态 partly_gone：部分商品已下架，"
                  "置灰显示在列表最后", "修改 标题：确认订单 → 确认并支付订单", "修改 参数 base_freight "
                  "默认值：8 → 10", "修改 决策表行 3 结果：包邮 「已包邮」 → 包邮 「已包邮，感谢支持」"):
        assert shows(sample_since_site, "changes.html", words), words
    html = (sample_since_site.folder / "changes.html").read_text(encoding="utf-8")
    for page in ("features/invoice.html", "pages/cart.html", "pages/confirm_order.html",
                 "rules/shipping_fee.html"):
        assert f'href="{page}"' in html, page
    assert 'href="changes.html"' in (sample_since_site.folder / "index.html").read_text()


@pytest.mark.parametrize("page, words", [
    ("pages/confirm_order.html", "与 before"),
    ("pages/cart.html", "删除 跳转 checkout_button 点击 login_dialog [未登录] –"),
    ("rules/shipping_fee.html", "修改 参数 base_freight 默认值 8 10"),
    ("features/invoice.html", "与 before"),
])
def test_each_changed_item_page_opens_with_its_changes(sample_since_site: BuiltSite, page: str,
                                                       words: str) -> None:
    html = (sample_since_site.folder / page).read_text(encoding="utf-8")
    box = html.index('class="admonition note pmdocs-changed"')
    assert box < html.index("<h2") and shows(sample_since_site, page, words)
    assert "pmdocs-changed" not in (sample_since_site.folder / "pages/home.html").read_text()


def svg_classes(site: BuiltSite, page: str) -> list[str]:
    html = (site.folder / page).read_text(encoding="utf-8").replace("&#45;", "-")
    return re.findall(r'<g id="[^"]*" class="([^"]*change-[a-z]+[^"]*)"', html)


def test_the_diagrams_mark_what_changed(sample_since_site: BuiltSite) -> None:
    trade = svg_classes(sample_since_site, "pagemap/trade.html")
    assert sorted(trade) == ["edge jump change-removed", "node page change-changed",
                             "node page entry change-changed"]
    assert sorted(svg_classes(sample_since_site, "pages/cart.html")) == [
        "edge jump change-removed", "node page change-changed",
        "node page entry focus change-changed"]
    legend = (sample_since_site.folder / "pagemap/trade.html").read_text(encoding="utf-8")
    assert 'class="pmdocs-legend">图例：<span class="pmdocs-mark change-changed">修改</span> ' \
           '<span class="pmdocs-mark change-removed">删除（虚线）</span></p>' in legend
    assert shows(sample_since_site, "pagemap/trade.html", "去结算 点击 [未登录] (删除)")
    assert "pmdocs-legend" not in (sample_since_site.folder / "flows/order_flow.html").read_text()


def test_the_prototype_marks_new_and_changed_elements(sample_since_site: BuiltSite) -> None:
    html = (sample_since_site.folder / "prototype/cart/index.html").read_text(encoding="utf-8")
    assert '<input type="checkbox" id="pp-changes" checked>' in html
    assert set(re.findall(r'data-element="([a-z_]+)"[^>]*data-change="([a-z]+)"', html)) == {
        ("checkout_button", "changed")}
    home = (sample_since_site.folder / "prototype/home/index.html").read_text(encoding="utf-8")
    assert "data-change" not in home and 'id="pp-changes"' in home


def run_build(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", *arguments], prog_name="pmdocs")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def test_since_an_unknown_revision_builds_nothing(tmp_path: Path) -> None:
    repository = sample_repository(tmp_path)
    project = repository / "sample_project"
    assert run_build(str(project), "-o", str(tmp_path / "out"), "--since", "v9") == (
        2, "", f"pmdocs: --since v9: unknown revision `v9` in the repository at {repository}\n")
    assert not (tmp_path / "out").exists()


def test_since_outside_git_builds_nothing(tmp_path: Path) -> None:
    project = tmp_path / "sample"
    shutil.copytree(SAMPLE, project, ignore=shutil.ignore_patterns("site"))
    assert run_build(str(project), "-o", str(tmp_path / "out"), "--since", "HEAD~1") == (
        2, "", f"pmdocs: --since HEAD~1: `{project}` is not in a git repository (pmdocs diff "
        "compares revisions of a project kept in git)\n")


def test_since_in_pmdocs_yml_that_cannot_be_read_is_said_and_the_site_built(tmp_path: Path) -> None:
    project = tmp_path / "sample"
    shutil.copytree(SAMPLE, project, ignore=shutil.ignore_patterns("site"))
    settings = project / "pmdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "since: v1.0\n", encoding="utf-8")
    code, stdout, stderr = run_build(str(project), "-o", str(tmp_path / "out"))
    assert code == 0 and stdout.startswith("built ")
    assert stderr == (f"pmdocs: changes not shown: `{project}` is not in a git repository "
                      "(pmdocs diff compares revisions of a project kept in git)\n")
    assert not (tmp_path / "out" / "changes.html").exists()


def test_the_releases_page_says_what_changed_between_tags(tmp_path: Path) -> None:
    repository = sample_repository(tmp_path)
    git(repository, "tag", "v1.1.0", "after")
    project = repository / "sample_project"
    settings = project / "pmdocs.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("  - id: mvp\n", "  - id: mvp\n    tag: before\n").replace(
        "  - id: v1_1\n", "  - id: v1_1\n    tag: v1.1.0\n")
    settings.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = run_build(str(project), "-o", str(out), "--cache-dir", str(tmp_path / "c"))
    assert (code, stderr) == (0, "")
    site = BuiltSite(out, tmp_path)
    assert shows(site, "releases.html", "与上一版本「MVP 上线版」（before → v1.1.0）相比：新增 1、修改 3")
    assert shows(site, "releases.html", "修改 参数 base_freight 默认值：8 → 10")
    assert not (out / "changes.html").exists()
