"""`$parameter` outside table cells: resolved to the nearest rule that defines it, and
reported where it is unknown (PM336) — also when the `$` is a YAML escape."""

from __future__ import annotations

from pathlib import Path

from pmdocs.pipeline import check_project

RULES = """\
rules:
  - id: assist
    title: 助力
    parameters:
      - {id: cap, title: 每天可助力人数, default: 3, min: 1, max: 9}
"""


def codes(folder: Path) -> list[tuple[str, str]]:
    _, issues, _ = check_project(folder)
    return [(issue.code, issue.message) for issue in issues]


def test_a_dollar_written_as_a_yaml_escape_is_still_a_parameter(tmp_path: Path) -> None:
    """pmdocs reads only the files that may name a parameter: a `$` or an escape that makes
    one (`\\u0024`) both count."""
    (tmp_path / "pmdocs.yml").write_text("name: 测试\n", encoding="utf-8")
    (tmp_path / "rules.yml").write_text(RULES, encoding="utf-8")
    (tmp_path / "pages.yml").write_text(
        'pages:\n  - id: home\n    title: 首页\n    entry: true\n    terminal: true\n'
        '    copy: {tip: "每天 {\\u0024cap} 次，{\\x24cpa} 次"}\n', encoding="utf-8")
    assert codes(tmp_path) == [
        ("PM336", "page `home` › copy `tip`: parameter `$cpa` is not defined by any rule")]


def test_a_file_without_a_dollar_names_no_parameter(tmp_path: Path) -> None:
    (tmp_path / "pmdocs.yml").write_text("name: 测试\n", encoding="utf-8")
    (tmp_path / "rules.yml").write_text(RULES, encoding="utf-8")
    (tmp_path / "pages.yml").write_text(
        "pages:\n  - id: home\n    title: 首页\n    entry: true\n    terminal: true\n"
        "    copy: {tip: 每天 3 次}\n", encoding="utf-8")
    project, issues, _ = check_project(tmp_path)
    assert issues == [] and project.index.parameter_files == frozenset()   # neither names one
