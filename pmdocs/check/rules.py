"""Checks of rules (PM330–PM339, PM345–PM347): decision tables with gaps, overlaps, rows that
never fire, duplicate rows and cells outside their input's domain; constraints that say
nothing or rule out everything, and rows only ruled-out cases reach; inputs whose values
differ from the model's (`domains.py`); parameters a cell names but no one defines, or defined
without a default or a range. The analysis itself is `decision_table`'s; `$parameters` in
texts are `parameters.py`'s."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Mapping

from ..issues import Issue, Location, about, did_you_mean, make_issue
from ..model import Project
from ..model.errors import raw_text
from ..model.index import ProjectIndex
from ..model.spec import Constraint, Input, Row, Rule
from . import decision_table
from .decision_table import MAX_COMBINATIONS, Analysis, CellProblem
from .domains import input_domain_issues

NUMERIC_TYPES = ("integer", "number", "money", "percent")
SHOWN_GAPS = 3
UNANALYSABLE = ("free_text", "no_default")
NUMBER_HINT = ('write a number like `3`, a comparison like `"< 3"`, `">= 5"` or `"!= 0"`, a range '
               'like `"1..5"`, or `-` for any value; `$parameter` may stand for a number')
CATCH_ALL = "end the table with a catch-all row whose conditions are all `-`"


Analyse = Callable[[decision_table.Table], Analysis]
"""How a decision table is analysed: `decision_table.analyse`, or a cache of its results."""


def check(project: Project, analyse: Analyse = decision_table.analyse) -> Iterator[Issue]:
    for rule in project.rules:
        yield from about(("rules", rule.id), _rule_issues(rule, project, analyse))


def _rule_issues(rule: Rule, project: Project, analyse: Analyse) -> Iterator[Issue]:
    index = project.index
    yield from _parameter_issues(rule)
    yield from input_domain_issues(rule, index)
    if rule.table:
        analysis = analyse(table_of(rule, index))
        yield from _cell_issues(rule, index, analysis.problems, project.sources)
        yield from _row_issues(rule, analysis)


def table_of(rule: Rule, index: ProjectIndex) -> decision_table.Table:
    """The rule's decision table as the analysis reads it: an input's values are those it
    takes from the model (`from`) when it names a domain."""
    return decision_table.Table(
        columns=tuple(decision_table.Column(item.id, item.type, index.input_values(rule.id, item),
                                            item.min, item.max)
                      for item in rule.inputs),
        rows=tuple(decision_table.TableRow(tuple(row.when.items()), _outcome(row))
                   for row in rule.table),
        constraints=tuple(_constraint(constraint) for constraint in rule.constraints),
        hit=rule.hit,
        parameters=tuple(decision_table.Parameter(item.id, item.default, item.min, item.max)
                         for item in rule.parameters))


def _constraint(constraint: Constraint) -> decision_table.TableConstraint:
    """`if` → `then`, or `never`; both at once is as incomplete as neither (PM346)."""
    if constraint.never and (constraint.condition or constraint.then):
        return decision_table.TableConstraint(never=True)
    if constraint.never:
        return decision_table.TableConstraint(tuple(constraint.never.items()), never=True)
    return decision_table.TableConstraint(tuple(constraint.condition.items()),
                                          tuple(constraint.then.items()))


def _outcome(row: Row) -> dict[str, Any]:
    """What a row decides, as its fields' values. (Not `model_dump()`, which would first
    build pydantic's serializer, otherwise never needed when every file came from the cache.)"""
    return dict(row.then)


# -------------------------------------------------------------------------- parameters

def _parameter_issues(rule: Rule) -> Iterator[Issue]:
    for parameter in rule.parameters:
        if parameter.default is None:
            yield make_issue("PM337", f"rule `{rule.id}`: parameter `{parameter.id}` has no default; "
                             "nobody can tell which value applies before operations set one",
                             parameter.at(), "add `default: …`")
        if parameter.type in NUMERIC_TYPES and parameter.min is None and parameter.max is None:
            yield make_issue("PM337", f"rule `{rule.id}`: parameter `{parameter.id}` has no range; "
                             "say which values operations may set", parameter.at(),
                             "add `min:` and `max:`, e.g. `min: 1` and `max: 10`")


def _undefined(rule: Rule, context: str, name: str, location: Location) -> Issue:
    hint = did_you_mean(name, [item.id for item in rule.parameters]) or \
        "add it under `parameters:`, with a default and a range"
    return make_issue("PM336", f"{context}: parameter `${name}` is not defined in this rule",
                      location, hint)


# ------------------------------------------------------------------------------- cells

def _cell_location(rule: Rule, problem: CellProblem) -> Location:
    item = () if problem.item is None else (problem.item,)
    if problem.part:
        constraint = rule.constraints[problem.row]
        return constraint.at(problem.part, problem.column, *item) if problem.column \
            else constraint.at()
    return rule.table[problem.row].at("when", problem.column, *item)


def _place(rule: Rule, problem: CellProblem) -> str:
    """`rule `x` › row 2`, or `rule `x` › constraint 1`."""
    return f"rule `{rule.id}` › {'constraint' if problem.part else 'row'} {problem.row + 1}"


def _cell_issues(rule: Rule, index: ProjectIndex, problems: tuple[CellProblem, ...],
                 sources: Mapping[str, str]) -> Iterator[Issue]:
    for problem in problems:
        location = _cell_location(rule, problem)
        context = _place(rule, problem)
        if problem.kind == "undefined_parameter":
            yield _undefined(rule, context, problem.detail, location)
        elif problem.kind == "incomplete":
            yield make_issue("PM346", f"{context}: a constraint is either `if` with `then` (when "
                             "these hold, those hold too) or `never` (these never hold together)",
                             location,
                             "write e.g. `{if: {reached: true}, then: {initiated: true}}` or "
                             "`{never: {status: 未开始, joined: true}}`")
        elif problem.kind not in UNANALYSABLE:
            message, hint = _domain_problem(rule, index, problem,
                                            raw_text(sources.get(location.file, ""), location))
            yield make_issue("PM335", f"{context}: {message}", location, hint)
    unanalysable = [problem for problem in problems if problem.kind in UNANALYSABLE]
    if unanalysable:
        yield _unanalysable(rule, unanalysable)


def _domain_problem(rule: Rule, index: ProjectIndex, problem: CellProblem,
                    raw: str) -> tuple[str, str]:
    """What is wrong with a cell (PM335), and how to fix it."""
    column, value = problem.column, problem.detail
    shown = _shown(problem.cell if value is None else value)
    declared = _input(rule, column)
    if problem.kind == "unknown_input" or declared is None:
        inputs = [item.id for item in rule.inputs]
        return (f"`{column}` is not an input of this rule", did_you_mean(column, inputs) or (
            f"the inputs are {', '.join(f'`{item}`' for item in inputs)}; or declare `{column}` "
            "under `inputs:`" if inputs else f"declare `{column}` under `inputs:`, with its type"))
    if problem.kind == "not_a_value":
        return _not_a_value(declared, index.input_values(rule.id, declared), value,
                            raw if isinstance(value, bool) and raw else shown)
    if problem.kind == "not_a_bool":
        return f"input `{column}` is true or false, not `{shown}`", "write `true`, `false` or `-` for any"
    if problem.kind == "not_a_number":
        return (f"input `{column}` takes whole numbers, not `{shown}`" if isinstance(value, float)
                else f"`{shown}` is not a condition on the number `{column}`"), NUMBER_HINT
    if problem.kind == "outside_range":
        low = declared.min if declared.min is not None else 0
        span = f"from {low} to {declared.max}" if declared.max is not None else f"from {low} up"
        return (f"`{shown}` matches no value of input `{column}`, which runs {span}",
                "change the condition, or widen the input's `min` / `max`")
    return (f"the condition on `{column}` cannot be {_kind_of(value)}",
            "write one value, a list of values, or `-` for any value")


def _not_a_value(declared: Input, values: tuple[str, ...], value: Any,
                 shown: str) -> tuple[str, str]:
    """An enum cell that is none of the input's values; `yes` read as a boolean says so."""
    if isinstance(value, bool) and shown.lower() in map(str.lower, values):
        return (f"`{declared.id}` cannot be `{shown}`: YAML reads it as the boolean "
                f"{str(value).lower()}", f'write it in quotes: "{shown}"')
    choices = ", ".join(f"`{item}`" for item in values)
    otherwise = f"the values of `{declared.source}`" if declared.source else \
        f"or add `{shown}` to the input's `values`"
    return (f"`{shown}` is not a value of input `{declared.id}`",
            did_you_mean(shown, values) or f"use one of {choices}, {otherwise}")


def _input(rule: Rule, input_id: str) -> Input | None:
    return next((item for item in rule.inputs if item.id == input_id), None)


def _unanalysable(rule: Rule, problems: list[CellProblem]) -> Issue:
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    location = _cell_location(rule, first)
    if first.kind == "no_default":
        return make_issue("PM338", f"rule `{rule.id}`: could not analyse: row {first.row + 1} "
                          f"compares with parameter `{first.detail}`, whose default is not a whole "
                          f"number{more}", location,
                          f"give parameter `{first.detail}` a whole number as `default:`")
    declared = _input(rule, first.column)
    hint = (f"input `{first.column}` is free text; make it an `enum` with `values:`, or an "
            "`integer`, so the table can be checked for gaps and overlaps"
            if declared is not None and declared.type == "text" else
            f"{NUMBER_HINT}, so the table can be checked for gaps and overlaps; "
            "keep the words in the row's `note`")
    return make_issue("PM338", f"rule `{rule.id}`: could not analyse: free-text condition "
                      f"`{first.detail}` in row {first.row + 1}{more}", location, hint)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    return "-" if value is None else str(value)


def _kind_of(value: Any) -> str:
    return "a mapping" if isinstance(value, dict) else "a list inside a list" \
        if isinstance(value, list) else f"`{_shown(value)}`"


# -------------------------------------------------------------------------------- rows

def _row_issues(rule: Rule, analysis: Analysis) -> Iterator[Issue]:
    rows = rule.table
    for duplicate in analysis.duplicates:
        same = _outcome(rows[duplicate.row]) == _outcome(rows[duplicate.earlier])
        yield make_issue(
            "PM334", f"rule `{rule.id}`: row {duplicate.row + 1} has the same conditions as row "
            f"{duplicate.earlier + 1}", rule.at("table", duplicate.row),
            "remove one of them" if same else "make their conditions differ, or keep one row with "
            "the outcome you mean", [rule.at("table", duplicate.earlier)])
    if analysis.combinations > MAX_COMBINATIONS:
        yield make_issue(
            "PM339", f"rule `{rule.id}`: the table has {analysis.combinations:,} combinations of "
            f"input values, more than {MAX_COMBINATIONS:,}; it was not checked for gaps and overlaps",
            rule.key_at("table"), "split the rule into smaller rules, or use fewer thresholds")
    if analysis.nothing_possible:
        yield make_issue("PM346", f"rule `{rule.id}`: the constraints rule out every combination "
                         "of the inputs, so no row can ever apply", rule.key_at("constraints"),
                         "a constraint says which combinations cannot happen; check each `if` → "
                         "`then` and `never` for one that contradicts the others")
    for excluded in analysis.excluded:
        when = f" when {excluded.when}" if excluded.when else ""
        yield make_issue("PM347", f"rule `{rule.id}`: row {excluded.row + 1} can never apply"
                         f"{when}: the constraints rule out every case it matches",
                         rule.at("table", excluded.row),
                         "remove the row, or the constraint if the case can happen after all")
    if analysis.gaps:
        yield _gap_issue(rule, analysis)
    for overlap in analysis.overlaps:
        yield _overlap_issue(rule, overlap)
    for shadowed in analysis.shadowed:
        yield _shadowed_issue(rule, shadowed)


def _gap_issue(rule: Rule, analysis: Analysis) -> Issue:
    gaps = "; ".join(gap.text for gap in analysis.gaps[:SHOWN_GAPS])
    more = len(analysis.gaps) - SHOWN_GAPS
    when = f"when {analysis.gaps_when}, " if analysis.gaps_when else ""
    hint = f"add a row for each case, or {CATCH_ALL}" if rule.hit == "first" else \
        f"add a row for each case; or use `hit: first` and {CATCH_ALL}"
    if analysis.gaps_when:
        hint += f"; the gap opens only at {analysis.gaps_when}, an end of the parameter's range"
    return make_issue("PM330", f"rule `{rule.id}`: {when}no row covers {gaps}"
                      + (f" (and {more} more)" if more > 0 else ""), rule.key_at("table"), hint)


def _overlap_issue(rule: Rule, overlap: decision_table.Overlap) -> Issue:
    when = f" when {overlap.when}" if overlap.when else ""
    location, related = rule.at("table", overlap.row), [rule.at("table", overlap.earlier)]
    if rule.hit == "any":
        return make_issue(
            "PM332", f"rule `{rule.id}`: row {overlap.row + 1} overlaps row {overlap.earlier + 1} "
            f"but decides differently (both match: {overlap.both.text}){when}", location,
            "under `hit: any` rows that overlap must decide the same: narrow one of them, or use "
            "`hit: first` if the earlier row should win", related)
    return make_issue(
        "PM331", f"rule `{rule.id}`: row {overlap.row + 1} overlaps row {overlap.earlier + 1} "
        f"(both match: {overlap.both.text}){when}", location,
        "under `hit: unique` every case matches exactly one row: narrow one of the two rows, or "
        "use `hit: first` if the earlier row should win", related)


def _shadowed_issue(rule: Rule, shadowed: decision_table.Shadowed) -> Issue:
    when = f" when {shadowed.when}" if shadowed.when else ""
    numbers = [str(row + 1) for row in shadowed.by]
    if not numbers:
        reason = "its conditions match no case"
    elif len(numbers) == 1:
        reason = f"every case it matches is matched first by row {numbers[0]}"
    else:
        reason = f"every case it matches is matched first by rows {', '.join(numbers[:-1])} and {numbers[-1]}"
    return make_issue(
        "PM333", f"rule `{rule.id}`: row {shadowed.row + 1} can never fire{when}: {reason}",
        rule.at("table", shadowed.row),
        "under `hit: first` the first matching row wins: remove this row, or move it above the "
        "rows that hide it", [rule.at("table", earlier) for earlier in shadowed.by])
