"""The rule and limit checks (PM330–PM343) through `check_project`, on small projects."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pmdocs.pipeline import check_project

OWN_CODES = {f"PM33{digit}" for digit in range(10)} | {"PM340", "PM341", "PM342", "PM343"}


def check_rules(tmp_path: Path, rules: str) -> list[str]:
    """`line:col code message` of this module's issues for a project holding `rules`."""
    (tmp_path / "pmdocs.yml").write_text("name: demo\n", encoding="utf-8")
    (tmp_path / "rules.yml").write_text(textwrap.dedent(rules), encoding="utf-8")
    _, issues, _ = check_project(tmp_path)
    return [f"{issue.location.line}:{issue.location.col} {issue.code} {issue.message}"
            for issue in issues if issue.code in OWN_CODES]


JOIN = """\
rules:
  - id: join
    title: 参加活动
    parameters:
      - id: daily_limit
        default: 3
        min: 1
        max: 10
    inputs:
      - id: status
        values: [running, ended]
      - id: joins_today
        type: integer
    table:
      - when: {status: ended}
        then: 活动已结束
      - when: {status: running, joins_today: "< $daily_limit"}
        then: 可以参加
      - when: {status: running, joins_today: "%s"}
        then: 明天再来
"""


def test_a_complete_table_with_parameters_has_no_issue(tmp_path: Path) -> None:
    assert check_rules(tmp_path, JOIN % ">= $daily_limit") == []


def test_problems_at_the_ends_of_a_parameter_range_name_the_value(tmp_path: Path) -> None:
    assert check_rules(tmp_path, JOIN % ">= 3") == [
        "14:5 PM330 rule `join`: when $daily_limit = 1, no row covers status=running, "
        "joins_today >= $daily_limit (1) and < 3",
        "19:9 PM331 rule `join`: row 3 overlaps row 2 (both match: status=running, "
        "joins_today >= 3 and < $daily_limit (10)) when $daily_limit = 10"]


def test_parameters_used_in_texts_must_be_defined(tmp_path: Path) -> None:
    rules = """\
    rules:
      - id: draw
        title: 抽奖
        parameters:
          - {id: chances, default: 3, min: 1, max: 5}
        limit:
          subject: user
          window: lifetime
          counts: attempt
          max: $chance
          exceeded: 机会用完了（共 $chances 次，送 $bonus 积分）
    """
    assert check_rules(tmp_path, rules) == [
        "10:12 PM336 rule `draw` › limit: parameter `$chance` is not defined in this rule",
        "11:38 PM336 rule `draw` › limit: parameter `$bonus` is not defined in this rule"]  # at the word


def test_an_unquoted_yes_that_is_no_value_is_shown_as_written(tmp_path: Path) -> None:
    rules = """\
    rules:
      - id: join
        title: 参加活动
        inputs:
          - {id: status, values: [running, ended]}
        table:
          - when: {status: yes}
            then: 可以参加
    """
    assert check_rules(tmp_path, rules) == [
        "7:24 PM335 rule `join` › row 1: `yes` is not a value of input `status`"]


def test_rules_without_tables_and_odd_tables_pass_quietly(tmp_path: Path) -> None:
    rules = """\
    rules:
      - id: plain
        title: 说明
      - id: empty
        title: 空表
        inputs:
          - {id: status, values: [running, ended]}
      - id: no_inputs
        title: 无输入
        table:
          - then: 总是这样
    """
    assert check_rules(tmp_path, rules) == []


def test_a_limit_missing_everything(tmp_path: Path) -> None:
    rules = """\
    rules:
      - id: draw
        title: 抽奖
        limit:
          max: 3
    """
    assert [line.split(" ", 2)[1] for line in check_rules(tmp_path, rules)] == ["PM340", "PM341", "PM342"]
