"""Decision-table analyses are cached by the table's content and the analysis code: the same
issues, and an unchanged table is not analysed again."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs.check import decision_table, table_cache
from pmdocs.pipeline import check_project
from pmdocs.check.decision_table import Column, Table, TableRow
from pmdocs.cli import main

from .conftest import SAMPLE
from .test_check_rules import JOIN

RULES = JOIN % ">= 3" + """\
  - id: level
    title: 会员等级
    inputs:
      - id: vip
        type: bool
    table:
      - when: {vip: true}
        then: 金卡
"""
"""A table with a gap and an overlap, and one with a gap."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The sample project and a file of rules with gaps and overlaps."""
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    (target / "rules" / "more.yml").write_text(RULES, encoding="utf-8")
    return target


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[Table]:
    """The tables `decision_table.analyse` is called on from now on."""
    tables: list[Table] = []
    original = decision_table.analyse

    def spy(table: Table) -> decision_table.Analysis:
        tables.append(table)
        return original(table)
    monkeypatch.setattr(decision_table, "analyse", spy)
    return tables


def cache_file(cache: Path) -> Path:
    """The project's one table cache file in `cache`."""
    [found] = cache.glob("decision-tables-*.pickle")
    return found


def stored_entries(cache: Path) -> dict:
    with open(cache_file(cache), "rb") as handle:
        return pickle.load(handle)[1]


def test_cached_analyses_give_the_same_issues(project: Path, tmp_path: Path) -> None:
    fresh = check_project(project)[1]
    assert {issue.code for issue in fresh} >= {"PM330", "PM331"}
    assert check_project(project, tmp_path / "cache")[1] == fresh
    assert check_project(project, tmp_path / "cache")[1] == fresh


def test_unchanged_tables_are_not_analysed_again(project: Path, tmp_path: Path,
                                                  analysed: list[Table]) -> None:
    check_project(project, tmp_path / "cache")
    assert len(analysed) == 7    # the sample's five tables and the two above
    analysed.clear()
    check_project(project, tmp_path / "cache")
    assert analysed == []
    rules = project / "rules" / "more.yml"
    rules.write_text(RULES.replace("金卡", "银卡"), encoding="utf-8")
    check_project(project, tmp_path / "cache")
    assert [row.outcome["result"] for table in analysed for row in table.rows] == ["银卡"]


def test_only_the_tables_of_the_last_run_are_kept(project: Path, tmp_path: Path) -> None:
    check_project(project, tmp_path / "cache")
    assert len(stored_entries(tmp_path / "cache")) == 7
    (project / "rules" / "more.yml").unlink()
    check_project(project, tmp_path / "cache")
    assert len(stored_entries(tmp_path / "cache")) == 5


def test_a_damaged_cache_is_a_miss(project: Path, tmp_path: Path, analysed: list[Table]) -> None:
    check_project(project, tmp_path / "cache")
    cache_file(tmp_path / "cache").write_bytes(b"not a pickle")
    analysed.clear()
    issues = check_project(project, tmp_path / "cache")[1]
    assert len(analysed) == 7
    assert issues == check_project(project)[1]
    assert len(stored_entries(tmp_path / "cache")) == 7


def test_another_analysis_code_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = Table((Column("vip", "bool"),), (TableRow((("vip", True),), "gold"),))
    first = table_cache.AnalysisCache(tmp_path / "tables.pickle")
    first.analyse(table)
    first.save()
    assert table_cache.AnalysisCache(tmp_path / "tables.pickle").stored
    monkeypatch.setattr(table_cache, "code_fingerprint", lambda: "another version")
    assert table_cache.AnalysisCache(tmp_path / "tables.pickle").stored == {}


def test_tables_differing_only_in_the_type_of_a_cell_are_different_entries(tmp_path: Path) -> None:
    cache = table_cache.AnalysisCache(tmp_path / "tables.pickle")
    column = (Column("count", "integer"),)
    for cell in (1, 1.0, True, "1"):
        cache.analyse(Table(column, (TableRow((("count", cell),), "x"),)))
    assert (cache.hits, cache.misses, len(cache.used)) == (0, 4, 4)


def test_no_cache_writes_no_analyses(project: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    result = CliRunner().invoke(main, ["check", "--no-cache", str(project)])
    assert result.exit_code == 1, result.output
    assert not (tmp_path / "xdg").exists()
    CliRunner().invoke(main, ["check", str(project)])
    assert cache_file(tmp_path / "xdg" / "pmdocs" / "specs").is_file()


def test_each_project_keeps_its_own_tables(project: Path, tmp_path: Path,
                                          analysed: list[Table]) -> None:
    other = tmp_path / "other"
    shutil.copytree(project, other)
    (other / "rules" / "more.yml").unlink()
    for root in (project, other, project, other):
        check_project(root, tmp_path / "cache")
    assert len(analysed) == 7 + 5     # each project's tables analysed once
    assert len(list((tmp_path / "cache").glob("decision-tables-*.pickle"))) == 2


def test_a_table_with_other_constraints_is_another_entry(tmp_path: Path) -> None:
    """Constraints decide what counts as a gap: a table that differs only in them is analysed
    again, and a cached analysis never answers for another set of constraints."""
    from pmdocs.check.decision_table import TableConstraint

    columns = (Column("joined", "bool"), Column("initiated", "bool"))
    rows = (TableRow((("joined", False), ("initiated", False)), "join first"),
            TableRow((("joined", True),), "go"))
    implies = TableConstraint((("initiated", True),), (("joined", True),))
    cache = table_cache.AnalysisCache(tmp_path / "tables.pickle")
    without = cache.analyse(Table(columns, rows))
    with_constraint = cache.analyse(Table(columns, rows, constraints=(implies,)))
    never = cache.analyse(Table(columns, rows, constraints=(
        TableConstraint((("joined", False), ("initiated", True)), never=True),)))
    assert (cache.hits, cache.misses) == (0, 3)
    assert [case.text for case in without.gaps] == ["joined=false, initiated=true"]
    assert with_constraint.gaps == never.gaps == ()
    cache.save()
    again = table_cache.AnalysisCache(tmp_path / "tables.pickle")
    assert again.analyse(Table(columns, rows, constraints=(implies,))).gaps == ()
    assert again.analyse(Table(columns, rows)).gaps == without.gaps
    assert (again.hits, again.misses) == (2, 0)
