"""Value classes: each input split into classes no condition of the table tells apart, each
row a cube of class masks (read back as text by `readable`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cells import ANY, Condition, Conditions, Rules, Span, domain_of, parameters_of, spans_of
from .readable import Bounds, label
from .table import Case, Column, Table

Cube = tuple[int, ...]
"""Per input, a bit mask of the classes matched."""


@dataclass(frozen=True)
class Space:
    """A table at one setting of its parameters: each input's classes, each row's cube, and
    the cubes of combinations the constraints rule out."""

    columns: tuple[Column, ...]
    classes: tuple[tuple[Any, ...], ...]
    cubes: tuple[Cube, ...]
    excluded: tuple[Cube, ...] = ()
    bounds: tuple[Bounds, ...] = ()
    """Per input, the parameters its conditions compare with (how a case names them)."""

    @property
    def full(self) -> Cube:
        return tuple((1 << len(classes)) - 1 for classes in self.classes)

    def describe(self, cube: Cube) -> Case:
        bounds = self.bounds or (Bounds(),) * len(self.columns)
        return Case(tuple(label(column, classes, mask, column_bounds) for column, classes, mask,
                          column_bounds in zip(self.columns, self.classes, cube, bounds)))


def space_of(table: Table, rules: Rules, values: dict[str, int],
             defaults: dict[str, int] | None = None) -> Space:
    """The table at one setting of its parameters (`values`; `defaults`: their defaults)."""
    sides = [*rules.rows, *(side for constraint in rules.constraints for side in constraint
                            if side is not None)]
    classes = tuple(_classes(column, [side.get(column.id, ANY) for side in sides], values)
                    for column in table.columns)
    bounds = tuple(_bounds([side.get(column.id, ANY) for side in sides], values,
                           values if defaults is None else defaults)
                   if column.type == "integer" else NO_BOUNDS for column in table.columns)

    def cube(conditions: Conditions) -> Cube:
        return tuple(_mask(column, column_classes, conditions.get(column.id, ANY), values)
                     for column, column_classes in zip(table.columns, classes))
    excluded = []
    for premise, then in rules.constraints:
        if then is None:
            excluded.append(cube(premise))
            continue
        premise_cube, then_cube = cube(premise), cube(then)
        for index, mask in enumerate(then_cube):     # the premise, and not this part of `then`
            outside = premise_cube[index] & ~mask
            if outside:
                excluded.append(premise_cube[:index] + (outside,) + premise_cube[index + 1:])
    return Space(table.columns, classes, tuple(cube(row) for row in rules.rows),
                 tuple(cube for cube in excluded if all(cube)), bounds)


NO_BOUNDS = Bounds()


def _bounds(conditions: list[Condition], values: dict[str, int],
            defaults: dict[str, int]) -> Bounds:
    if not values:
        return NO_BOUNDS      # a table with no parameters (most): nothing to name
    names = sorted({name for condition in conditions for term in condition.terms
                    for name in parameters_of(term)})
    if not names:
        return NO_BOUNDS
    return Bounds(tuple((name, values[name]) for name in names),
                  frozenset(name for name in names if values[name] == defaults.get(name)))


def _classes(column: Column, conditions: list[Condition], values: dict[str, int]) -> tuple[Any, ...]:
    """The input's classes; `(None,)` when it has none (a text input every row ignores)."""
    if column.type == "integer":
        found: tuple[Any, ...] = _integer_classes(domain_of(column), conditions, values)
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
        for start, end in spans_of(term, domain, values):
            cuts.update({start} if end is None else {start, end + 1})
    starts = sorted(cut for cut in cuts if high is None or cut <= high)
    ends = [cut - 1 for cut in starts[1:]] + [high]
    return tuple(zip(starts, ends)) if high is None or low <= high else ()


def _mask(column: Column, classes: tuple[Any, ...], condition: Condition, values: dict[str, int]) -> int:
    if condition.any or classes == (None,):
        return (1 << len(classes)) - 1
    if column.type == "integer":
        spans = [span for term in condition.terms for span in spans_of(term, domain_of(column), values)]
        inside = [any(start <= value[0] and (end is None or value[0] <= end) for start, end in spans)
                  for value in classes]
    else:
        inside = [value in condition.values for value in classes]
    return sum(1 << index for index, flag in enumerate(inside) if flag)
