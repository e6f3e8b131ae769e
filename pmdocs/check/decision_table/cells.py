"""The cells of a decision table parsed into conditions, the problems found in them, and the
runs of numbers an integer condition matches."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .table import CellProblem, Column, Parameter, Table

ANY_WORDS = frozenset({"", "-", "any", "*"})
PARAMETER = re.compile(r"\$([a-z][a-z0-9_-]*)")
_OPERAND = r"(-?\d+|\$[a-z][a-z0-9_-]*)"
_COMPARISON = re.compile(rf"(<=|>=|!=|==|=|<|>|≤|≥|≠)?\s*{_OPERAND}")
_RANGE = re.compile(rf"{_OPERAND}\s*\.\.\s*{_OPERAND}")
_OPERATORS = {None: "=", "==": "=", "≤": "<=", "≥": ">=", "≠": "!="}

Span = tuple[int, Any]
"""A run of whole numbers from the first to the second (`None`: no upper end)."""


@dataclass(frozen=True)
class Term:
    """An integer condition: `operator` on `operand`, a number or a parameter's id
    (and `upper` for a range `operand..upper`)."""

    operator: str
    operand: int | str
    upper: int | str | None = None


@dataclass(frozen=True)
class Condition:
    """A parsed cell: any value, a set of values, a union of integer terms, or (`text`)
    something that cannot be analysed."""

    any: bool = False
    values: frozenset = frozenset()
    terms: frozenset[Term] = frozenset()
    text: str = ""


ANY = Condition(any=True)
Fault = tuple[str, Any]
"""A problem with one item of a cell: its kind and detail."""


def parameter_references(text: str) -> list[str]:
    """The parameter ids a text names as `$id`, in order."""
    return [name.rstrip("-") for name in PARAMETER.findall(text)]


def whole_number(value: Any) -> int | None:
    """A whole number, or None (booleans and fractions are not whole numbers here)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


Conditions = dict[str, Condition]
"""A row's (or a side of a constraint's) conditions by input id."""


@dataclass(frozen=True)
class Rules:
    """A parsed table: each row's conditions, each constraint's premise and consequence
    (`then` is None for `never`: the premise never holds), and the problems of the cells."""

    rows: tuple[Conditions, ...]
    constraints: tuple[tuple[Conditions, Conditions | None], ...]
    problems: tuple[CellProblem, ...]


def parse_table(table: Table) -> Rules:
    """Every row's and constraint's conditions by input id, and the problems of their cells."""
    columns = {column.id: column for column in table.columns}
    parameters = {parameter.id: parameter for parameter in table.parameters}
    problems: list[CellProblem] = []
    rows = tuple(_conditions(columns, parameters, row.cells, index, "", problems)
                 for index, row in enumerate(table.rows))
    constraints = []
    for index, constraint in enumerate(table.constraints):
        premise_part = "never" if constraint.never else "if"
        premise = _conditions(columns, parameters, constraint.cells, index, premise_part, problems)
        then = None if constraint.never else \
            _conditions(columns, parameters, constraint.then, index, "then", problems)
        if not constraint.cells or (not constraint.never and not constraint.then):
            problems.append(CellProblem(index, "", "incomplete", None, part=premise_part))
        constraints.append((premise, then))
    return Rules(rows, tuple(constraints), tuple(problems))


def _conditions(columns: dict[str, Column], parameters: dict[str, Parameter],
                cells: tuple[tuple[str, Any], ...], index: int, part: str,
                problems: list[CellProblem]) -> Conditions:
    conditions = {}
    for key, cell in cells:
        if key in columns:
            condition, found = _parse_cell(columns[key], cell, index, parameters)
        else:
            condition, found = ANY, [CellProblem(index, key, "unknown_input", cell, detail=key)]
        if part:
            found = [replace(problem, part=part) for problem in found]
        problems.extend(found)
        conditions[key] = Condition(text=repr(cell)) if found else condition
    return conditions


def _parse_cell(column: Column, cell: Any, row: int,
                parameters: dict[str, Parameter]) -> tuple[Condition, list[CellProblem]]:
    if cell is None or (isinstance(cell, str) and cell.strip().lower() in ANY_WORDS):
        return ANY, []
    items = cell if isinstance(cell, list) else [cell]
    found: list[Condition] = []
    problems = [] if items else [CellProblem(row, column.id, "outside_range", cell)]
    for position, item in enumerate(items):
        result = _parse_item(column, item, parameters)
        if isinstance(result, Condition):
            found.append(result)
            continue
        index = position if isinstance(cell, list) else None
        problems.extend(CellProblem(row, column.id, kind, cell, index, detail) for kind, detail in result)
    return Condition(values=frozenset().union(*(item.values for item in found)),
                     terms=frozenset().union(*(item.terms for item in found))), problems


def _parse_item(column: Column, item: Any, parameters: dict[str, Parameter]) -> Condition | list[Fault]:
    if isinstance(item, (dict, list)):
        return [("malformed", item)]
    if column.type == "bool":
        word = item.strip().lower() if isinstance(item, str) else item
        if isinstance(word, (bool, str)) and word in (True, False, "true", "false"):
            return Condition(values=frozenset({word in (True, "true")}))
        return [("not_a_bool", item)]
    if column.type == "enum":
        text = None if isinstance(item, bool) else str(item)
        if text is not None and (text in column.values or not column.values):
            return Condition(values=frozenset({text}))
        return [("not_a_value", item)]
    if column.type == "integer":
        return _parse_integer(column, item, parameters)
    return [("free_text", str(item))] + _undefined(str(item), parameters)


def _parse_integer(column: Column, item: Any, parameters: dict[str, Parameter]) -> Condition | list[Fault]:
    text = item.strip() if isinstance(item, str) else ""
    if whole_number(item) is not None:
        term = Term("=", whole_number(item))
    elif match := _COMPARISON.fullmatch(text):
        term = Term(_OPERATORS.get(match[1], match[1]), _operand(match[2]))
    elif match := _RANGE.fullmatch(text):
        term = Term("..", _operand(match[1]), _operand(match[2]))
    elif any(character.isalpha() for character in PARAMETER.sub("", text)):
        return [("free_text", item)] + _undefined(text, parameters)
    else:
        return [("not_a_number", item)]
    faults = _undefined(text, parameters) + [
        ("no_default", name) for name in parameters_of(term)
        if name in parameters and whole_number(parameters[name].default) is None]
    if not faults and not parameters_of(term) and not spans_of(term, domain_of(column), {}):
        faults = [("outside_range", item)]
    return faults or Condition(terms=frozenset({term}))


def _operand(text: str) -> int | str:
    return text[1:] if text.startswith("$") else int(text)


def parameters_of(term: Term) -> list[str]:
    return [operand for operand in (term.operand, term.upper) if isinstance(operand, str)]


def _undefined(text: str, parameters: dict[str, Parameter]) -> list[Fault]:
    return [("undefined_parameter", name) for name in parameter_references(text)
            if name not in parameters]


def domain_of(column: Column) -> Span:
    return (column.minimum if column.minimum is not None else 0), column.maximum


def spans_of(term: Term, domain: Span, values: dict[str, int]) -> list[Span]:
    """The runs of numbers a term matches inside the domain, parameters set to `values`."""
    low = domain[0]
    first = values[term.operand] if isinstance(term.operand, str) else term.operand
    second = values[term.upper] if isinstance(term.upper, str) else term.upper
    spans = {"=": [(first, first)], "<": [(low, first - 1)], "<=": [(low, first)],
             ">": [(first + 1, None)], ">=": [(first, None)],
             "!=": [(low, first - 1), (first + 1, None)], "..": [(first, second)]}[term.operator]
    clipped = [(max(start, low), min((end for end in (end, domain[1]) if end is not None), default=None))
               for start, end in spans]
    return [(start, end) for start, end in clipped if end is None or start <= end]
