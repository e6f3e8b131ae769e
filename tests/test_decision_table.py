"""The decision-table analysis on plain tables: classes, gaps, overlaps, shadowing, duplicates."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pmdocs.check.decision_table import (
    Analysis, Case, CellProblem, Column, Duplicate, Excluded, Overlap, Parameter, Shadowed, Table,
    TableConstraint, TableRow, analyse, parameter_references)

LOGGED_IN = Column("logged_in", "bool")
STATUS = Column("status", "enum", ("not_started", "running", "ended"))
JOINS = Column("joins_today", "integer")
LIMIT = Parameter("daily_limit", default=5, minimum=1, maximum=10)


def table(columns: list[Column], rows: list[tuple[dict[str, Any], str]], hit: str = "unique",
          parameters: tuple[Parameter, ...] = ()) -> Table:
    return Table(tuple(columns), tuple(TableRow(tuple(cells.items()), outcome) for cells, outcome in rows),
                 hit, parameters)


def gaps(analysis: Analysis) -> list[str]:
    return [gap.text for gap in analysis.gaps]


# ---------------------------------------------------------------------------- completeness

def test_a_complete_disjoint_table_has_nothing_to_say() -> None:
    result = analyse(table([LOGGED_IN, STATUS], [
        ({"logged_in": False}, "login"),
        ({"logged_in": True, "status": ["not_started", "ended"]}, "closed"),
        ({"logged_in": True, "status": "running"}, "join")]))
    assert result == Analysis(combinations=6, analysed=True)


def test_gaps_are_merged_into_readable_cases() -> None:
    result = analyse(table([LOGGED_IN, STATUS, JOINS], [
        ({"logged_in": False, "status": "running"}, "login"),
        ({"logged_in": True, "status": "not_started"}, "wait"),
        ({"logged_in": True, "status": "running", "joins_today": "< 1"}, "join")]))
    assert gaps(result) == [
        "logged_in=true, status=running, joins_today>=1",
        "logged_in=any, status=ended, joins_today=any",
        "logged_in=false, status=not_started, joins_today=any"]
    assert result.gaps_when == ""


def test_an_input_merges_to_any_when_every_value_is_uncovered() -> None:
    result = analyse(table([LOGGED_IN, STATUS], [({"logged_in": True}, "go")]))
    assert gaps(result) == ["logged_in=false, status=any"]


def test_several_values_of_one_input_are_joined_with_or() -> None:
    result = analyse(table([LOGGED_IN, STATUS], [({"status": "running"}, "go")]))
    assert gaps(result) == ["logged_in=any, status=not_started or ended"]


def test_most_values_of_an_input_read_as_any_except_the_others() -> None:
    channel = Column("channel", "enum", ("app", "web", "mini", "tv", "car"))
    result = analyse(table([channel], [({"channel": "tv"}, "big"), ({"channel": "car"}, "drive")]))
    assert gaps(result) == ["channel=app or web or mini"]
    result = analyse(table([channel], [({"channel": "tv"}, "big")]))
    assert gaps(result) == ["channel=any except tv"]


def test_integer_inputs_are_split_at_every_threshold() -> None:
    rows = [({"joins_today": "< 1"}, "first"), ({"joins_today": ">= 5"}, "full")]
    assert gaps(analyse(table([JOINS], rows))) == ["joins_today=1..4"]
    rows = [({"joins_today": "1..4"}, "some"), ({"joins_today": "!= 9"}, "other")]
    result = analyse(table([JOINS], rows, hit="first"))
    assert gaps(result) == ["joins_today=9"]
    assert result.combinations == 5


def test_integer_classes_read_as_ranges_at_the_domain_edges() -> None:
    column = Column("score", "integer", minimum=1, maximum=100)
    result = analyse(table([column], [({"score": "3..10"}, "low"), ({"score": 50}, "exact")]))
    assert gaps(result) == ["score<3 or 11..49 or >=51"]


def test_a_row_for_every_gap_completes_the_table() -> None:
    result = analyse(table([JOINS], [({"joins_today": "<= 2"}, "a"), ({"joins_today": 3}, "b"),
                                     ({"joins_today": "> 3"}, "c")]))
    assert result == Analysis(combinations=3, analysed=True)


# -------------------------------------------------------------------------- parameters

def test_parameter_thresholds_are_checked_at_the_default_and_the_range_ends() -> None:
    rows = [({"joins_today": "< $daily_limit"}, "join"), ({"joins_today": ">= $daily_limit"}, "full")]
    assert analyse(table([JOINS], rows, parameters=(LIMIT,))) == Analysis(combinations=2, analysed=True)


def test_a_gap_that_opens_at_the_minimum_of_a_parameter() -> None:
    rows = [({"joins_today": "< $daily_limit"}, "join"), ({"joins_today": ">= 5"}, "full")]
    result = analyse(table([JOINS], rows, parameters=(LIMIT,)))
    assert gaps(result) == ["joins_today >= $daily_limit (1) and < 5"]   # the boundary as written
    assert result.gaps_when == "$daily_limit = 1"
    assert result.overlaps == (Overlap(1, 0, Case(("joins_today >= 5 and < $daily_limit (10)",)),
                                       "$daily_limit = 10"),)


def test_a_problem_at_the_default_is_reported_without_a_parameter_value() -> None:
    rows = [({"joins_today": "0..$daily_limit"}, "join"), ({"joins_today": ">= $daily_limit"}, "full")]
    result = analyse(table([JOINS], rows, parameters=(LIMIT,)))
    assert result.overlaps == (Overlap(1, 0, Case(("joins_today = $daily_limit (default 5)",)), ""),)


def test_a_parameter_without_default_cannot_be_analysed() -> None:
    rows = [({"joins_today": "< $daily_limit"}, "join")]
    result = analyse(table([JOINS], rows, parameters=(Parameter("daily_limit"),)))
    assert result.problems == (CellProblem(0, "joins_today", "no_default", "< $daily_limit",
                                           detail="daily_limit"),)
    assert not result.analysed


def test_parameter_references_in_text() -> None:
    assert parameter_references("今日已参加 $daily_limit次，奖励 $reward-，价格 $5") == ["daily_limit", "reward"]


# --------------------------------------------------------------------------- hit policies

def test_unique_reports_each_overlapping_pair_with_what_both_match() -> None:
    result = analyse(table([STATUS, JOINS], [
        ({"status": "running", "joins_today": "< 3"}, "join"),
        ({"status": ["running", "ended"], "joins_today": "0..1"}, "other"),
        ({"status": "not_started"}, "wait")]))
    assert result.overlaps == (Overlap(1, 0, Case(("status=running", "joins_today<2")), ""),)
    assert gaps(result) == ["status=running or ended, joins_today>=3", "status=ended, joins_today=2"]


def test_any_reports_only_overlaps_that_decide_differently() -> None:
    result = analyse(table([LOGGED_IN, STATUS], [
        ({"logged_in": False}, "login"),
        ({"status": "ended"}, "login"),
        ({"logged_in": True}, "join")], hit="any"))
    assert result.overlaps == (Overlap(2, 1, Case(("logged_in=true", "status=ended")), ""),)
    assert result.gaps == ()


def test_first_reports_rows_hidden_by_earlier_rows() -> None:
    result = analyse(table([LOGGED_IN, STATUS], [
        ({"logged_in": False}, "login"),
        ({"status": "running"}, "join"),
        ({"status": "ended"}, "over"),
        ({"logged_in": False, "status": ["running", "ended"]}, "never"),
        ({"status": "not_started"}, "wait"),
        ({}, "catch-all")], hit="first"))
    assert result.shadowed == (Shadowed(3, (0,)), Shadowed(5, (0, 1, 2, 4)))
    assert result.overlaps == () and result.gaps == ()


def test_a_row_can_be_hidden_by_several_rows_together() -> None:
    result = analyse(table([LOGGED_IN, STATUS], [
        ({"status": "running", "logged_in": True}, "join"),
        ({"status": "ended"}, "over"),
        ({"status": "running", "logged_in": False}, "login"),
        ({"status": ["running", "ended"]}, "never")], hit="first"))
    assert result.shadowed == (Shadowed(3, (0, 1, 2)),)
    assert gaps(result) == ["logged_in=any, status=not_started"]


def test_first_with_a_catch_all_row_is_complete() -> None:
    result = analyse(table([STATUS], [({"status": "running"}, "join"), ({"status": "-"}, "no")],
                           hit="first"))
    assert result == Analysis(combinations=3, analysed=True)


def test_a_row_hidden_only_at_a_parameter_value() -> None:
    result = analyse(table([JOINS], [
        ({"joins_today": "< $daily_limit"}, "join"),
        ({"joins_today": "< 3"}, "hidden when the limit is high"),
        ({}, "full")], hit="first", parameters=(LIMIT,)))
    assert result.shadowed == (Shadowed(1, (0,)),)
    result = analyse(table([JOINS], [
        ({"joins_today": "< $daily_limit"}, "join"),
        ({"joins_today": "< 8"}, "hidden at the maximum"),
        ({}, "full")], hit="first", parameters=(LIMIT,)))
    assert result.shadowed == (Shadowed(1, (0,), "$daily_limit = 10"),)


# ---------------------------------------------------------------------------- duplicates

def test_identical_conditions_are_duplicates_whatever_the_spelling() -> None:
    result = analyse(table([LOGGED_IN, STATUS], [
        ({"logged_in": True, "status": "running"}, "join"),
        ({"status": ["running"], "logged_in": True}, "join again"),
        ({"logged_in": False, "status": "-"}, "login"),
        ({"logged_in": False}, "login again")]))
    assert result.duplicates == (Duplicate(1, 0), Duplicate(3, 2))
    assert result.overlaps == ()


def test_duplicates_are_found_even_in_free_text_tables() -> None:
    result = analyse(table([Column("reason", "text")], [
        ({"reason": "用户被封禁"}, "block"), ({"reason": "用户被封禁"}, "block")]))
    assert result.duplicates == (Duplicate(1, 0),)
    assert [problem.kind for problem in result.problems] == ["free_text", "free_text"]
    assert not result.analysed


# ---------------------------------------------------------------------- cells and domains

def test_free_text_conditions_stop_the_analysis() -> None:
    result = analyse(table([JOINS], [({"joins_today": "超过上限"}, "full"), ({"joins_today": 0}, "go")]))
    assert result == Analysis(problems=(CellProblem(0, "joins_today", "free_text", "超过上限",
                                                    detail="超过上限"),))


def test_cells_outside_their_domain() -> None:
    column = Column("level", "integer", minimum=1, maximum=5)
    result = analyse(table([LOGGED_IN, STATUS, column], [
        ({"logged_in": "yes", "status": "runing", "level": 7}, "a"),
        ({"logged_in": 1, "status": True, "level": "< 1"}, "b"),
        ({"status": ["running", "over"], "level": "5..2"}, "c"),
        ({"level": 2.5, "statu": "running"}, "d"),
        ({"level": "<< 3", "status": {"a": 1}}, "e"),
        ({"level": "< $nope", "status": []}, "f")]))
    assert [(problem.row, problem.column, problem.kind, problem.item, problem.detail)
            for problem in result.problems] == [
        (0, "logged_in", "not_a_bool", None, "yes"), (0, "status", "not_a_value", None, "runing"),
        (0, "level", "outside_range", None, 7),
        (1, "logged_in", "not_a_bool", None, 1), (1, "status", "not_a_value", None, True),
        (1, "level", "outside_range", None, "< 1"),
        (2, "status", "not_a_value", 1, "over"), (2, "level", "outside_range", None, "5..2"),
        (3, "level", "not_a_number", None, 2.5), (3, "statu", "unknown_input", None, "statu"),
        (4, "level", "not_a_number", None, "<< 3"), (4, "status", "malformed", None, {"a": 1}),
        (5, "level", "undefined_parameter", None, "nope"), (5, "status", "outside_range", None, None)]
    assert not result.analysed and result.gaps == ()


def test_quoted_booleans_whole_floats_and_any_words_are_accepted() -> None:
    result = analyse(table([LOGGED_IN, JOINS], [
        ({"logged_in": "TRUE", "joins_today": 0.0}, "a"),
        ({"logged_in": "false", "joins_today": "*"}, "b"),
        ({"logged_in": True, "joins_today": "≥ 1"}, "c"),
        ({"logged_in": None, "joins_today": "ANY"}, "d")], hit="first"))
    assert result == Analysis(combinations=4, analysed=True, shadowed=(Shadowed(3, (0, 1, 2)),))


def test_an_enum_input_without_values_takes_the_values_the_table_uses() -> None:
    result = analyse(table([Column("channel")], [({"channel": "app"}, "a"), ({"channel": "web"}, "b")]))
    assert result == Analysis(combinations=2, analysed=True)


def test_a_table_without_inputs_has_one_case() -> None:
    result = analyse(table([], [({}, "a"), ({}, "b")]))
    assert result.duplicates == (Duplicate(1, 0),)
    result = analyse(table([], [({}, "a")]))
    assert result == Analysis(combinations=1, analysed=True)


def test_too_many_combinations_are_not_analysed() -> None:
    values = tuple(f"v{number}" for number in range(20))
    columns = [Column(f"c{index}", "enum", values) for index in range(4)]
    result = analyse(table(columns, [({"c0": "v1"}, "a"), ({"c0": "v1"}, "b")]))
    assert result == Analysis(duplicates=(Duplicate(1, 0),), combinations=160_000)


# ----------------------------------------------------------------------------- constraints

JOINED, INITIATED, REACHED = (Column(name, "bool") for name in ("joined", "initiated", "reached"))
ASSIST = [JOINED, INITIATED, REACHED]
IMPLIES = (TableConstraint((("initiated", True),), (("joined", True),)),
           TableConstraint((("reached", True),), (("initiated", True),)))
"""The friend-assist campaign: initiated implies joined, reached implies initiated."""


def constrained(rows: list[tuple[dict[str, Any], str]], hit: str = "unique",
                constraints: tuple[TableConstraint, ...] = IMPLIES) -> Table:
    return replace(table(ASSIST, rows, hit), constraints=constraints)


def test_combinations_the_constraints_rule_out_are_no_gap() -> None:
    rows = [({"joined": False, "initiated": False, "reached": False}, "join"),
            ({"joined": True, "initiated": False, "reached": False}, "initiate"),
            ({"joined": True, "initiated": True, "reached": False}, "invite"),
            ({"joined": True, "initiated": True, "reached": True}, "claim")]
    assert len(analyse(table(ASSIST, rows)).gaps) > 0
    assert analyse(constrained(rows)) == Analysis(combinations=8, analysed=True)


def test_a_never_constraint_rules_out_its_combination() -> None:
    never = (TableConstraint((("joined", False), ("initiated", True)), never=True),)
    rows = [({"joined": False, "initiated": False}, "join"), ({"joined": True}, "go")]
    assert gaps(analyse(constrained(rows, constraints=never))) == []
    assert gaps(analyse(constrained(rows, constraints=()))) == [
        "joined=false, initiated=true, reached=any"]


def test_rows_overlapping_only_where_nothing_can_happen_do_not_overlap() -> None:
    rows = [({"joined": False}, "join"),
            ({"initiated": True, "reached": False}, "invite"),   # meets row 1 only if initiated without joining
            ({"joined": True, "initiated": False}, "initiate"),
            ({"reached": True}, "claim")]
    assert analyse(constrained(rows)).overlaps == ()
    assert len(analyse(table(ASSIST, rows)).overlaps) == 3


def test_a_row_matching_only_impossible_cases_is_excluded_not_shadowed() -> None:
    rows = [({"joined": False, "reached": True}, "never happens"), ({}, "anything")]
    result = analyse(constrained(rows, hit="first"))
    assert result.excluded == (Excluded(0),)
    assert result.shadowed == ()


def test_constraints_that_rule_out_everything_are_said_so() -> None:
    contradiction = IMPLIES + (TableConstraint((("reached", False),), never=True),
                               TableConstraint((("reached", True),), never=True))
    result = analyse(constrained([({}, "x")], constraints=contradiction))
    assert result.nothing_possible and not result.analysed


def test_a_constraint_naming_no_input_or_saying_nothing_is_a_problem() -> None:
    broken = (TableConstraint((("joind", True),), (("joined", True),)), TableConstraint(()))
    problems = analyse(constrained([({}, "x")], constraints=broken)).problems
    assert [(problem.row, problem.part, problem.kind) for problem in problems] == [
        (0, "if", "unknown_input"), (1, "if", "incomplete")]
