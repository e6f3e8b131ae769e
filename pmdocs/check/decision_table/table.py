"""A decision table and its analysis as plain data: the inputs, parameters and rows going in,
the cell problems, gaps, overlaps, shadowed and duplicate rows coming out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_COMBINATIONS = 100_000


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
class TableConstraint:
    """Combinations that cannot happen: those where `cells` hold and `then` does not, or (with
    `never`) all those where `cells` hold."""

    cells: tuple[tuple[str, Any], ...] = ()
    """`(input id, cell)` pairs of the premise (`if`), or of `never`."""
    then: tuple[tuple[str, Any], ...] = ()
    never: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...] = ()
    rows: tuple[TableRow, ...] = ()
    hit: str = "unique"
    parameters: tuple[Parameter, ...] = ()
    constraints: tuple[TableConstraint, ...] = ()
    """Part of the table's content, so of the cache's key (`check.table_cache`)."""


@dataclass(frozen=True)
class CellProblem:
    """A cell the analysis cannot use. `kind`: unknown_input, not_a_value, not_a_bool,
    not_a_number, outside_range, malformed (PM335); undefined_parameter (PM336); free_text,
    no_default (PM338); incomplete (a constraint with neither `if` and `then` nor `never`,
    PM346). `detail` is the bad item, or the parameter's id."""

    row: int
    """The row's index, or the constraint's when `part` is set."""
    column: str
    kind: str
    cell: Any
    item: int | None = None
    """The position of the bad item in a list cell."""
    detail: Any = None
    part: str = ""
    """Empty for a row's cell; `if`, `then` or `never` for a constraint's."""


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
    """`$daily_limit = 10` when found only with a parameter off its default."""


@dataclass(frozen=True)
class Shadowed:
    row: int
    by: tuple[int, ...]
    """The earlier rows that win the cases the row matches."""
    when: str = ""


@dataclass(frozen=True)
class Excluded:
    """A row that matches only combinations the constraints rule out."""

    row: int
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
    excluded: tuple[Excluded, ...] = ()
    """Rows whose every combination a constraint rules out."""
    nothing_possible: bool = False
    """The constraints rule out every combination of the inputs."""
