"""Decision tables as plain data: parse each cell, split every input into value classes, and
find the gaps, overlaps, shadowed rows and duplicate rows of a table. Pure: no project, no
issues; `rules.py` turns the results into messages.

Each input is split into classes no condition of the table tells apart (an integer input at
every threshold the table uses); a row is then a "cube": per input, the set of classes it
matches, as a bit mask. Conditions on parameters (`< $daily_limit`) are analysed at the
defaults, then with one parameter at a time at its `min` and at its `max`.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace
from typing import Any

MAX_COMBINATIONS = 100_000
ANY_WORDS = frozenset({"", "-", "any", "*"})
PARAMETER = re.compile(r"\$([a-z][a-z0-9_-]*)")
_OPERAND = r"(-?\d+|\$[a-z][a-z0-9_-]*)"
_COMPARISON = re.compile(rf"(<=|>=|!=|==|=|<|>|≤|≥|≠)?\s*{_OPERAND}")
_RANGE = re.compile(rf"{_OPERAND}\s*\.\.\s*{_OPERAND}")
_OPERATORS = {None: "=", "==": "=", "≤": "<=", "≥": ">=", "≠": "!="}

Span = tuple[int, Any]
"""A run of whole numbers from the first to the second (`None`: no upper end)."""
Cube = tuple[int, ...]
"""Per input, a bit mask of the classes matched."""


@dataclass(frozen=True)
class Column:
    """An input of the table: its id, type (enum, bool, integer, text) and domain."""

    id: str
    type: str = "enum"
    values: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class Parameter:
    id: str
    default: Any = None
    minimum: Any = None
    maximum: Any = None


@dataclass(frozen=True)
class TableRow:
    cells: tuple[tuple[str, Any], ...] = ()
    """`(input id, cell)` pairs as written under `when`."""
    outcome: Any = None
    """Compared with `==`: rows with equal outcomes decide the same."""


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...] = ()
    rows: tuple[TableRow, ...] = ()
    hit: str = "unique"
    parameters: tuple[Parameter, ...] = ()


@dataclass(frozen=True)
class CellProblem:
    """A cell the analysis cannot use. `kind`: unknown_input, not_a_value, not_a_bool,
    not_a_number, outside_range, malformed (PM335); undefined_parameter (PM336); free_text,
    no_default (PM338). `detail` is the bad item, or the parameter's id."""

    row: int
    column: str
    kind: str
    cell: Any
    item: int | None = None
    """The position of the bad item in a list cell."""
    detail: Any = None


@dataclass(frozen=True)
class Case:
    """Combinations of input values, one readable class per input (`joins_today<1`)."""

    parts: tuple[str, ...]

    @property
    def text(self) -> str:
        return ", ".join(self.parts) or "every case"


@dataclass(frozen=True)
class Overlap:
    row: int
    earlier: int
    both: Case
    when: str = ""
    """`daily_limit=10` when found only with a parameter off its default."""


@dataclass(frozen=True)
class Shadowed:
    row: int
    by: tuple[int, ...]
    """The earlier rows that win the cases the row matches."""
    when: str = ""


@dataclass(frozen=True)
class Duplicate:
    row: int
    earlier: int


@dataclass(frozen=True)
class Analysis:
    problems: tuple[CellProblem, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    combinations: int = 0
    analysed: bool = False
    """False when problems, no rows or too many combinations stopped the analysis."""
    gaps: tuple[Case, ...] = ()
    gaps_when: str = ""
    overlaps: tuple[Overlap, ...] = ()
    """Under `unique`: every overlap; under `any`: the overlaps that decide differently."""
    shadowed: tuple[Shadowed, ...] = ()
    """Under `first`: the rows that can never fire."""


# ------------------------------------------------------------------------------- cells

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


def _number(value: Any) -> int | None:
    """A whole number, or None (booleans and fractions are not whole numbers here)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_table(table: Table) -> tuple[tuple[dict[str, Condition], ...], tuple[CellProblem, ...]]:
    """Every row's conditions by input id, and the problems of its cells."""
    columns = {column.id: column for column in table.columns}
    parameters = {parameter.id: parameter for parameter in table.parameters}
    rows, problems = [], []
    for index, row in enumerate(table.rows):
        conditions = {}
        for key, cell in row.cells:
            if key in columns:
                condition, found = _parse_cell(columns[key], cell, index, parameters)
            else:
                condition, found = ANY, [CellProblem(index, key, "unknown_input", cell, detail=key)]
            problems.extend(found)
            conditions[key] = Condition(text=repr(cell)) if found else condition
        rows.append(conditions)
    return tuple(rows), tuple(problems)


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
    if _number(item) is not None:
        term = Term("=", _number(item))
    elif match := _COMPARISON.fullmatch(text):
        term = Term(_OPERATORS.get(match[1], match[1]), _operand(match[2]))
    elif match := _RANGE.fullmatch(text):
        term = Term("..", _operand(match[1]), _operand(match[2]))
    elif any(character.isalpha() for character in PARAMETER.sub("", text)):
        return [("free_text", item)] + _undefined(text, parameters)
    else:
        return [("not_a_number", item)]
    faults = _undefined(text, parameters) + [
        ("no_default", name) for name in _names(term)
        if name in parameters and _number(parameters[name].default) is None]
    if not faults and not _names(term) and not _spans(term, _domain(column), {}):
        faults = [("outside_range", item)]
    return faults or Condition(terms=frozenset({term}))


def _operand(text: str) -> int | str:
    return text[1:] if text.startswith("$") else int(text)


def _names(term: Term) -> list[str]:
    return [operand for operand in (term.operand, term.upper) if isinstance(operand, str)]


def _undefined(text: str, parameters: dict[str, Parameter]) -> list[Fault]:
    return [("undefined_parameter", name) for name in parameter_references(text)
            if name not in parameters]


# ------------------------------------------------------------------------ value classes

def _domain(column: Column) -> Span:
    return (column.minimum if column.minimum is not None else 0), column.maximum


def _spans(term: Term, domain: Span, values: dict[str, int]) -> list[Span]:
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


@dataclass(frozen=True)
class _Space:
    """A table at one setting of its parameters: each input's classes, each row's cube."""

    columns: tuple[Column, ...]
    classes: tuple[tuple[Any, ...], ...]
    cubes: tuple[Cube, ...]

    @property
    def full(self) -> Cube:
        return tuple((1 << len(classes)) - 1 for classes in self.classes)

    def describe(self, cube: Cube) -> Case:
        return Case(tuple(_label(column, classes, mask)
                          for column, classes, mask in zip(self.columns, self.classes, cube)))


def _space(table: Table, rows: tuple[dict[str, Condition], ...], values: dict[str, int]) -> _Space:
    classes = tuple(_classes(column, [row.get(column.id, ANY) for row in rows], values)
                    for column in table.columns)
    cubes = tuple(tuple(_mask(column, column_classes, row.get(column.id, ANY), values)
                        for column, column_classes in zip(table.columns, classes)) for row in rows)
    return _Space(table.columns, classes, cubes)


def _classes(column: Column, conditions: list[Condition], values: dict[str, int]) -> tuple[Any, ...]:
    """The input's classes; `(None,)` when it has none (a text input every row ignores)."""
    if column.type == "integer":
        found: tuple[Any, ...] = _integer_classes(_domain(column), conditions, values)
    elif column.type == "bool":
        found = (True, False)
    elif column.type == "enum":
        found = column.values or tuple(sorted(frozenset().union(*(item.values for item in conditions))))
    else:
        found = ()
    return found or (None,)


def _integer_classes(domain: Span, conditions: list[Condition], values: dict[str, int]) -> tuple[Span, ...]:
    low, high = domain
    cuts = {low}
    for term in (term for condition in conditions for term in condition.terms):
        for start, end in _spans(term, domain, values):
            cuts.update({start} if end is None else {start, end + 1})
    starts = sorted(cut for cut in cuts if high is None or cut <= high)
    ends = [cut - 1 for cut in starts[1:]] + [high]
    return tuple(zip(starts, ends)) if high is None or low <= high else ()


def _mask(column: Column, classes: tuple[Any, ...], condition: Condition, values: dict[str, int]) -> int:
    if condition.any or classes == (None,):
        return (1 << len(classes)) - 1
    if column.type == "integer":
        spans = [span for term in condition.terms for span in _spans(term, _domain(column), values)]
        inside = [any(start <= value[0] and (end is None or value[0] <= end) for start, end in spans)
                  for value in classes]
    else:
        inside = [value in condition.values for value in classes]
    return sum(1 << index for index, flag in enumerate(inside) if flag)


def _label(column: Column, classes: tuple[Any, ...], mask: int) -> str:
    """`status=running or ended`, `status=any except ended`, `joins_today<1 or >=5`, `vip=any`."""
    if mask == (1 << len(classes)) - 1:
        return f"{column.id}=any"
    chosen = [value for index, value in enumerate(classes) if mask >> index & 1]
    if column.type == "integer":
        texts = [_span_text(span, _domain(column)) for span in _runs(chosen)]
        return column.id + " or ".join([texts[0]] + [text.removeprefix("=") for text in texts[1:]])
    words = [str(value).lower() if isinstance(value, bool) else str(value) for value in classes]
    others = [word for index, word in enumerate(words) if not mask >> index & 1]
    if len(chosen) > 2 and 2 * len(others) < len(chosen):
        return f"{column.id}=any except {' and '.join(others)}"
    return f"{column.id}=" + " or ".join(word for index, word in enumerate(words) if mask >> index & 1)


def _runs(spans: list[Span]) -> list[Span]:
    runs: list[Span] = []
    for start, end in spans:
        if runs and runs[-1][1] is not None and runs[-1][1] + 1 == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _span_text(span: Span, domain: Span) -> str:
    start, end = span
    if start == end:
        return f"={start}"
    if end == domain[1]:
        return f">={start}"
    return f"<{end + 1}" if start == domain[0] else f"={start}..{end}"


# ---------------------------------------------------------------------------- analysis

def analyse(table: Table) -> Analysis:
    """Everything the table says about itself; see `Analysis`."""
    conditions, problems = parse_table(table)
    result = Analysis(problems=problems, duplicates=_duplicates(conditions))
    if problems or not table.rows:
        return result
    spaces = [(when, _space(table, conditions, values))
              for when, values in _scenarios(table, conditions)]
    result = replace(result, combinations=math.prod(map(len, spaces[0][1].classes)))
    if result.combinations > MAX_COMBINATIONS:
        return result
    spaces = [(when, space) for when, space in spaces
              if math.prod(map(len, space.classes)) <= MAX_COMBINATIONS]
    repeated = {(duplicate.earlier, duplicate.row) for duplicate in result.duplicates}
    gaps, gaps_when = _gaps(spaces)
    if table.hit == "first":
        return replace(result, analysed=True, gaps=gaps, gaps_when=gaps_when,
                       shadowed=_shadowed(spaces, repeated))
    return replace(result, analysed=True, gaps=gaps, gaps_when=gaps_when,
                   overlaps=_overlaps(spaces, table, repeated))


def _scenarios(table: Table, rows: tuple[dict[str, Condition], ...]) -> list[tuple[str, dict[str, int]]]:
    """The parameters at their defaults, then each used one at its min and at its max."""
    parameters = {parameter.id: parameter for parameter in table.parameters}
    names = sorted({name for row in rows for condition in row.values()
                    for term in condition.terms for name in _names(term)})
    defaults = {name: _number(parameters[name].default) for name in names}
    scenarios = {"": defaults}
    for name in names:
        for bound in (_number(parameters[name].minimum), _number(parameters[name].maximum)):
            if bound is not None and bound != defaults[name]:
                scenarios.setdefault(f"{name}={bound}", {**defaults, name: bound})
    return list(scenarios.items())


def _duplicates(rows: tuple[dict[str, Condition], ...]) -> tuple[Duplicate, ...]:
    first_row: dict[frozenset, int] = {}
    found = []
    for index, row in enumerate(rows):
        key = frozenset((column, condition) for column, condition in row.items() if not condition.any)
        if key in first_row:
            found.append(Duplicate(index, first_row[key]))
        first_row.setdefault(key, index)
    return tuple(found)


def _subtract(pieces: list[Cube], other: Cube) -> list[Cube]:
    """The parts of disjoint cubes outside `other`, as disjoint cubes."""
    result = []
    for cube in pieces:
        if _intersection(cube, other) is None:
            result.append(cube)
            continue
        rest = list(cube)
        for index, mask in enumerate(other):
            if rest[index] & ~mask:
                result.append(tuple(rest[:index] + [rest[index] & ~mask] + rest[index + 1:]))
            rest[index] &= mask
    return result


def _intersection(first: Cube, second: Cube) -> Cube | None:
    common = tuple(mine & theirs for mine, theirs in zip(first, second))
    return common if all(common) else None


def _merge(cubes: list[Cube], full: Cube) -> list[Cube]:
    """The same combinations as few, large cubes, whatever cubes they came as: combinations
    equal but for one input are joined, first where together they cover the whole input
    (to read as `any`), then wherever they can."""
    merged = [tuple(1 << bit for bit in bits) for cube in cubes
              for bits in itertools.product(*map(_bits, cube))]
    for whole_only in (True, False):
        count = 0
        while count != len(merged):
            count = len(merged)
            for index, whole in enumerate(full):
                merged = _join(merged, index, whole if whole_only else None)
    return sorted(merged, key=lambda cube: list(map(_bits, cube)))


def _join(cubes: list[Cube], index: int, whole: int | None) -> list[Cube]:
    """Cubes equal but for input `index` joined into one (only when they cover `whole`)."""
    groups: dict[Cube, list[Cube]] = {}
    for cube in cubes:
        groups.setdefault(cube[:index] + cube[index + 1:], []).append(cube)
    joined = []
    for rest, members in groups.items():
        mask = sum(member[index] for member in members)   # the members' masks are disjoint
        if len(members) > 1 and whole in (None, mask):
            joined.append(rest[:index] + (mask,) + rest[index:])
        else:
            joined.extend(members)
    return joined


def _bits(mask: int) -> list[int]:
    return [bit for bit in range(mask.bit_length()) if mask >> bit & 1]


def _gaps(spaces: list[tuple[str, _Space]]) -> tuple[tuple[Case, ...], str]:
    """The uncovered combinations at the first setting that has any."""
    for when, space in spaces:
        pieces = _subtract_all([space.full], space.cubes)
        if pieces:
            return tuple(space.describe(cube) for cube in _merge(pieces, space.full)), when
    return (), ""


def _subtract_all(pieces: list[Cube], others: tuple[Cube, ...]) -> list[Cube]:
    for other in others:
        if not pieces:
            break
        pieces = _subtract(pieces, other)
    return pieces


def _overlaps(spaces: list[tuple[str, _Space]], table: Table,
              repeated: set[tuple[int, int]]) -> tuple[Overlap, ...]:
    found: dict[tuple[int, int], Overlap] = {}
    pairs = [(row, earlier) for row in range(len(table.rows)) for earlier in range(row)
             if (earlier, row) not in repeated and not (
                 table.hit == "any" and table.rows[earlier].outcome == table.rows[row].outcome)]
    for when, space in spaces:
        for row, earlier in pairs:
            common = _intersection(space.cubes[earlier], space.cubes[row])
            if common is not None and (row, earlier) not in found:
                found[(row, earlier)] = Overlap(row, earlier, space.describe(common), when)
    return tuple(found[key] for key in sorted(found))


def _shadowed(spaces: list[tuple[str, _Space]], repeated: set[tuple[int, int]]) -> tuple[Shadowed, ...]:
    found: dict[int, Shadowed] = {}
    copies = {row for _, row in repeated}
    for when, space in spaces:
        for row, cube in enumerate(space.cubes):
            if row in found or row in copies:
                continue
            winners, rest = [], [cube] if all(cube) else []
            for earlier, other in enumerate(space.cubes[:row]):
                if any(_intersection(piece, other) is not None for piece in rest):
                    winners.append(earlier)
                    rest = _subtract(rest, other)
            if not rest:
                found[row] = Shadowed(row, tuple(winners), when)
    return tuple(found[row] for row in sorted(found))
