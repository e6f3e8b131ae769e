"""The site shows the check's findings: on the home page (messages in the project's language,
what they quote rendered as code, never raw backticks), on the page of each item they are
about, and in a draft built despite errors (`pmdocs build --draft`), which `build` without
it refuses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.cli import main
from pmdocs.issues import RULE_CHECK_CODES
from pmdocs.layout import NoLayout
from pmdocs.pipeline import Options, run
from pmdocs.sitemap import ITEM_FOLDERS, SiteMap

from .test_cases import CASE_DIRS, copy_case
from .test_cli import CLEAN_SPECS, UNREACHABLE_PAGE

SPECS = CLEAN_SPECS.replace("features:\n", UNREACHABLE_PAGE + "features:\n").replace(
    "roles: [buyer]", "roles: [buyr]")
"""Page `lost` is reached from nowhere and covered by no feature (two warnings about it); the
feature names an unknown role (an error)."""


def make_project(folder: Path, language: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "pmdocs.yml").write_text(f"name: Demo\nlanguage: {language}\n", encoding="utf-8")
    (folder / "specs.yml").write_text(SPECS, encoding="utf-8")
    return folder


def rendered(project: Path) -> dict[str, str]:
    result = run(project, Options(layout=NoLayout(), stop_at=None))
    assert result.rendered is not None
    return dict(result.rendered.documents)


def problems_table(document: str) -> str:
    match = re.search(r"<table>.*?</table>", document.split("## ", 3)[-1], re.DOTALL)
    assert match, document
    return match.group(0)


@pytest.mark.parametrize("language, words", [
    ("zh", ["页面 <code>lost</code>（迷路）", "检查发现 2 个问题"]),
    ("en", ["page <code>lost</code> (迷路)", "The check found 2 problem(s) here",
            "feature <code>browse</code>: unknown role <code>buyr</code>"])])
def test_problems_show_rendered_in_the_projects_language(tmp_path: Path, language: str,
                                                         words: list[str]) -> None:
    documents = rendered(make_project(tmp_path / "project", language))
    home = documents["index.md"]
    table = home[home.index("<table>", home.index("PM")  - 400):]
    table = table[:table.index("</table>")]
    assert "`" not in table, "raw backticks in the home page's problems"
    assert table.count("<code>") >= 3
    lost = documents["pages/lost.md"]
    assert 'class="admonition warning pmdocs-item-problems"' in lost
    assert "PM311" in lost and "PM381" in lost and "PM301" not in lost
    assert "pmdocs-item-problems" not in documents["pages/home.md"]
    feature = documents["features/browse.md"]
    assert 'class="admonition danger pmdocs-item-problems"' in feature and "PM301" in feature
    shown = home + lost + feature
    if language == "zh":   # a message the catalogue words, in the project's language
        assert "需求 <code>browse</code>：未知的角色 <code>buyr</code>" in feature, feature
    for word in words:
        assert word in shown, word


def test_build_refuses_errors_and_a_draft_builds_with_the_items_marked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "zh")
    refused = CliRunner().invoke(main, ["build", str(project), "-o", str(tmp_path / "site"),
                                        "--cache-dir", str(tmp_path / "cache")])
    assert refused.exit_code == 1 and "not built" in refused.stderr
    assert not (tmp_path / "site").exists()
    draft = CliRunner().invoke(main, ["build", str(project), "-o", str(tmp_path / "site"),
                                      "--cache-dir", str(tmp_path / "cache"), "--draft"])
    assert draft.exit_code == 0, draft.output
    assert "built a draft with 1 error: " in draft.stdout
    feature = (tmp_path / "site" / "features" / "browse.html").read_text(encoding="utf-8")
    assert "pmdocs-item-problems" in feature and "PM301" in feature
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<code>buyr</code>" in home


@pytest.mark.parametrize("case", CASE_DIRS, ids=[path.name for path in CASE_DIRS])
def test_every_case_renders_as_a_draft(case: Path, tmp_path: Path) -> None:
    """Whatever the specs' errors, a draft (and `serve` before its first good build) renders,
    and the pages of the items the problems are about open with them."""
    project = copy_case(case, tmp_path)
    result = run(project, Options(layout=NoLayout(), stop_at=None))
    assert result.rendered is not None
    documents = result.rendered.documents
    for issue in result.checked.issues:
        if issue.subject is not None and issue.subject[0] in ITEM_FOLDERS and \
                SiteMap.item(*issue.subject) in documents:
            assert "pmdocs-item-problems" in documents[SiteMap.item(*issue.subject)] or \
                (issue.subject[0] == "rules" and issue.code in RULE_CHECK_CODES), issue
