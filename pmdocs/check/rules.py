"""Checks of rules (PM330–PM339, PM345–PM347): decision tables with gaps, overlaps, rows that
never fire, duplicate rows and cells outside their input's domain; constraints that say
nothing or rule out everything, and rows only ruled-out cases reach; inputs whose values
differ from the model's (`domains.py`); parameters a cell names but no one defines, or defined
without a default or a range. The analysis itself is `decision_table`'s; `$parameters` in
texts are `parameters.py`'s."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Mapping

from ..issues import Issue, Location, about, did_you_mean, make_issue
from ..messages import Text, place
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
NUMBER_HINT = Text("PM335.number.hint")


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
            yield make_issue("PM337", Text("PM337.no_default", rule=rule.id, parameter=parameter.id),
                             parameter.at(), Text("PM337.no_default.hint"))
        if parameter.type in NUMERIC_TYPES and parameter.min is None and parameter.max is None:
            yield make_issue("PM337", Text("PM337.no_range", rule=rule.id, parameter=parameter.id),
                             parameter.at(), Text("PM337.no_range.hint"))


def _undefined(rule: Rule, context: str, name: str, location: Location) -> Issue:
    hint = did_you_mean(name, [item.id for item in rule.parameters]) or \
        Text("PM336.not_in_rule.hint")
    return make_issue("PM336", Text("PM336.not_in_rule", context=context, name=name), location,
                      hint)


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
    return place((("rule", rule.id), ("constraint" if problem.part else "row", problem.row + 1)))


def _cell_issues(rule: Rule, index: ProjectIndex, problems: tuple[CellProblem, ...],
                 sources: Mapping[str, str]) -> Iterator[Issue]:
    for problem in problems:
        location = _cell_location(rule, problem)
        context = _place(rule, problem)
        if problem.kind == "undefined_parameter":
            yield _undefined(rule, context, problem.detail, location)
        elif problem.kind == "incomplete":
            yield make_issue("PM346", Text("PM346.incomplete", context=context), location,
                             Text("PM346.incomplete.hint"))
        elif problem.kind not in UNANALYSABLE:
            message, hint = _domain_problem(rule, index, problem,
                                            raw_text(sources.get(location.file, ""), location))
            yield make_issue("PM335", Text("context.said", context=context, message=message),
                             location, hint)
    unanalysable = [problem for problem in problems if problem.kind in UNANALYSABLE]
    if unanalysable:
        yield _unanalysable(rule, unanalysable)


def _domain_problem(rule: Rule, index: ProjectIndex, problem: CellProblem,
                    raw: str) -> tuple[Text, Text | str]:
    """What is wrong with a cell (PM335), and how to fix it."""
    column, value = problem.column, problem.detail
    shown = _shown(problem.cell if value is None else value)
    declared = _input(rule, column)
    if problem.kind == "unknown_input" or declared is None:
        inputs = [item.id for item in rule.inputs]
        return (Text("PM335.not_an_input", column=column), did_you_mean(column, inputs) or (
            Text("PM335.not_an_input.hint", inputs=", ".join(f"`{item}`" for item in inputs),
                 column=column) if inputs else Text("PM335.no_inputs.hint", column=column)))
    if problem.kind == "not_a_value":
        return _not_a_value(declared, index.input_values(rule.id, declared), value,
                            raw if isinstance(value, bool) and raw else shown)
    if problem.kind == "not_a_bool":
        return Text("PM335.not_a_bool", column=column, value=shown), Text("PM335.not_a_bool.hint")
    if problem.kind == "not_a_number":
        return Text("PM335.not_whole" if isinstance(value, float) else "PM335.not_a_number",
                    column=column, value=shown), NUMBER_HINT
    if problem.kind == "outside_range":
        low = declared.min if declared.min is not None else 0
        span = Text("PM335.span", low=low, high=declared.max) if declared.max is not None \
            else Text("PM335.span_up", low=low)
        return (Text("PM335.outside", value=shown, column=column, span=span),
                Text("PM335.outside.hint"))
    return Text("PM335.shape", column=column, kind=_kind_of(value)), Text("PM335.shape.hint")


def _not_a_value(declared: Input, values: tuple[str, ...], value: Any,
                 shown: str) -> tuple[Text, Text | str]:
    """An enum cell that is none of the input's values; `yes` read as a boolean says so."""
    if isinstance(value, bool) and shown.lower() in map(str.lower, values):
        return (Text("PM335.boolean", column=declared.id, value=shown,
                     reading=str(value).lower()), Text("PM204.trap.hint", value=shown))
    choices = ", ".join(f"`{item}`" for item in values)
    hint = Text("PM335.not_a_value.hint.from", choices=choices, source=declared.source) \
        if declared.source else Text("PM335.not_a_value.hint", choices=choices, value=shown)
    return (Text("PM335.not_a_value", value=shown, column=declared.id),
            did_you_mean(shown, values) or hint)


def _input(rule: Rule, input_id: str) -> Input | None:
    return next((item for item in rule.inputs if item.id == input_id), None)


def _unanalysable(rule: Rule, problems: list[CellProblem]) -> Issue:
    first = problems[0]
    more = Text("more", count=len(problems) - 1) if len(problems) > 1 else ""
    location = _cell_location(rule, first)
    if first.kind == "no_default":
        return make_issue("PM338", Text("PM338.no_default", rule=rule.id, row=first.row + 1,
                                        parameter=first.detail, more=more), location,
                          Text("PM338.no_default.hint", parameter=first.detail))
    declared = _input(rule, first.column)
    hint = (Text("PM338.free_text_input.hint", input=first.column)
            if declared is not None and declared.type == "text" else
            Text("PM338.free_text.hint", number_hint=NUMBER_HINT))
    return make_issue("PM338", Text("PM338.free_text", rule=rule.id, condition=first.detail,
                                    row=first.row + 1, more=more), location, hint)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    return "-" if value is None else str(value)


def _kind_of(value: Any) -> str:
    return Text("value.mapping") if isinstance(value, dict) else Text("value.nested_list") \
        if isinstance(value, list) else f"`{_shown(value)}`"


# -------------------------------------------------------------------------------- rows

def _row_issues(rule: Rule, analysis: Analysis) -> Iterator[Issue]:
    rows = rule.table
    for duplicate in analysis.duplicates:
        same = _outcome(rows[duplicate.row]) == _outcome(rows[duplicate.earlier])
        yield make_issue(
            "PM334", Text("PM334.same", rule=rule.id, row=duplicate.row + 1,
                          earlier=duplicate.earlier + 1), rule.at("table", duplicate.row),
            Text("PM334.same.hint" if same else "PM334.differ.hint"),
            [rule.at("table", duplicate.earlier)])
    if analysis.combinations > MAX_COMBINATIONS:
        yield make_issue(
            "PM339", Text("PM339.too_many", rule=rule.id, count=f"{analysis.combinations:,}",
                          limit=f"{MAX_COMBINATIONS:,}"),
            rule.key_at("table"), Text("PM339.too_many.hint"))
    if analysis.nothing_possible:
        yield make_issue("PM346", Text("PM346.nothing_possible", rule=rule.id),
                         rule.key_at("constraints"), Text("PM346.nothing_possible.hint"))
    for excluded in analysis.excluded:
        yield make_issue("PM347", Text("PM347.excluded", rule=rule.id, row=excluded.row + 1,
                                       when=_when(excluded.when)),
                         rule.at("table", excluded.row), Text("PM347.excluded.hint"))
    if analysis.gaps:
        yield _gap_issue(rule, analysis)
    for overlap in analysis.overlaps:
        yield _overlap_issue(rule, overlap)
    for shadowed in analysis.shadowed:
        yield _shadowed_issue(rule, shadowed)


def _gap_issue(rule: Rule, analysis: Analysis) -> Issue:
    gaps = tuple(gap.text for gap in analysis.gaps[:SHOWN_GAPS])
    more = len(analysis.gaps) - SHOWN_GAPS
    hint = Text("PM330.gap.hint.first" if rule.hit == "first" else "PM330.gap.hint")
    if analysis.gaps_when:
        hint = Text("PM330.gap.hint.at", hint=hint, when=analysis.gaps_when)
    return make_issue("PM330", Text("PM330.gap.when" if analysis.gaps_when else "PM330.gap",
                                    rule=rule.id, when=analysis.gaps_when or "", gaps=gaps,
                                    more=Text("more", count=more) if more > 0 else ""),
                      rule.key_at("table"), hint)


def _overlap_issue(rule: Rule, overlap: decision_table.Overlap) -> Issue:
    location, related = rule.at("table", overlap.row), [rule.at("table", overlap.earlier)]
    code = "PM332" if rule.hit == "any" else "PM331"
    return make_issue(code, Text(f"{code}.overlap", rule=rule.id, row=overlap.row + 1,
                                 earlier=overlap.earlier + 1, both=overlap.both.text,
                                 when=_when(overlap.when)),
                      location, Text(f"{code}.overlap.hint"), related)


def _shadowed_issue(rule: Rule, shadowed: decision_table.Shadowed) -> Issue:
    numbers = [str(row + 1) for row in shadowed.by]
    if not numbers:
        reason = Text("PM333.matches_nothing")
    elif len(numbers) == 1:
        reason = Text("PM333.by_row", row=numbers[0])
    else:
        reason = Text("PM333.by_rows", rows=", ".join(numbers[:-1]), last=numbers[-1])
    return make_issue(
        "PM333", Text("PM333.never", rule=rule.id, row=shadowed.row + 1,
                      when=_when(shadowed.when), reason=reason),
        rule.at("table", shadowed.row), Text("PM333.never.hint"),
        [rule.at("table", earlier) for earlier in shadowed.by])


def _when(condition: str | None) -> Text | str:
    """" when `x` = 3", where a finding holds only at a parameter's value; else nothing."""
    return Text("when", condition=condition) if condition else ""
