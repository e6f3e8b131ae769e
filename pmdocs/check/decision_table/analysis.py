"""The analysis of a decision table: its gaps, overlaps, shadowed and duplicate rows, found
with the algebra of cubes at each setting of its parameters."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

from .cells import Condition, Rules, parameters_of, parse_table, whole_number
from .classes import Cube, Space, space_of
from .table import MAX_COMBINATIONS, Analysis, Case, Duplicate, Excluded, Overlap, Shadowed, Table


def analyse(table: Table) -> Analysis:
    """Everything the table says about itself; see `Analysis`."""
    rules = parse_table(table)
    result = Analysis(problems=rules.problems, duplicates=_duplicates(rules.rows))
    if rules.problems or not table.rows:
        return result
    scenarios = _scenarios(table, rules)
    spaces = [(when, space_of(table, rules, values, scenarios[0][1])) for when, values in scenarios]
    result = replace(result, combinations=math.prod(map(len, spaces[0][1].classes)))
    if result.combinations > MAX_COMBINATIONS:
        return result
    spaces = [(when, space) for when, space in spaces
              if math.prod(map(len, space.classes)) <= MAX_COMBINATIONS]
    if not _subtract_all([spaces[0][1].full], spaces[0][1].excluded):
        return replace(result, nothing_possible=True)
    repeated = {(duplicate.earlier, duplicate.row) for duplicate in result.duplicates}
    excluded = _excluded(spaces)
    gaps, gaps_when = _gaps(spaces)
    result = replace(result, analysed=True, gaps=gaps, gaps_when=gaps_when, excluded=excluded)
    dead = {row.row for row in excluded}
    if table.hit == "first":
        return replace(result, shadowed=_shadowed(spaces, repeated, dead))
    return replace(result, overlaps=_overlaps(spaces, table, repeated))


def _scenarios(table: Table, rules: Rules) -> list[tuple[str, dict[str, int]]]:
    """The parameters at their defaults, then each used one at its min and at its max."""
    parameters = {parameter.id: parameter for parameter in table.parameters}
    sides = [*rules.rows, *(side for constraint in rules.constraints for side in constraint
                            if side is not None)]
    names = sorted({name for side in sides for condition in side.values()
                    for term in condition.terms for name in parameters_of(term)})
    defaults = {name: whole_number(parameters[name].default) for name in names}
    scenarios = {"": defaults}
    for name in names:
        for bound in (whole_number(parameters[name].minimum), whole_number(parameters[name].maximum)):
            if bound is not None and bound != defaults[name]:
                scenarios.setdefault(f"${name} = {bound}", {**defaults, name: bound})
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


def _possible(space: Space, cube: Cube) -> list[Cube]:
    """The combinations of `cube` no constraint rules out, as disjoint cubes."""
    return _subtract_all([cube], space.excluded) if space.excluded else [cube]


def _excluded(spaces: list[tuple[str, Space]]) -> tuple[Excluded, ...]:
    """The rows whose every combination the constraints rule out (at the first setting where
    one's does)."""
    found: dict[int, Excluded] = {}
    for when, space in spaces:
        for row, cube in enumerate(space.cubes):
            if row not in found and all(cube) and not _possible(space, cube):
                found[row] = Excluded(row, when)
    return tuple(found[row] for row in sorted(found))


def _gaps(spaces: list[tuple[str, Space]]) -> tuple[tuple[Case, ...], str]:
    """The uncovered combinations at the first setting that has any."""
    for when, space in spaces:
        pieces = _subtract_all(_possible(space, space.full), space.cubes)
        if pieces:
            return tuple(space.describe(cube) for cube in _merge(pieces, space.full)), when
    return (), ""


def _subtract_all(pieces: list[Cube], others: tuple[Cube, ...]) -> list[Cube]:
    for other in others:
        if not pieces:
            break
        pieces = _subtract(pieces, other)
    return pieces


def _overlaps(spaces: list[tuple[str, Space]], table: Table,
              repeated: set[tuple[int, int]]) -> tuple[Overlap, ...]:
    found: dict[tuple[int, int], Overlap] = {}
    pairs = [(row, earlier) for row in range(len(table.rows)) for earlier in range(row)
             if (earlier, row) not in repeated and not (
                 table.hit == "any" and table.rows[earlier].outcome == table.rows[row].outcome)]
    for when, space in spaces:
        for row, earlier in pairs:
            common = _intersection(space.cubes[earlier], space.cubes[row])
            possible = _possible(space, common) if common is not None else []
            if possible and (row, earlier) not in found:
                both = _merge(possible, space.full)[0] if space.excluded else possible[0]
                found[(row, earlier)] = Overlap(row, earlier, space.describe(both), when)
    return tuple(found[key] for key in sorted(found))


def _shadowed(spaces: list[tuple[str, Space]], repeated: set[tuple[int, int]],
              dead: set[int]) -> tuple[Shadowed, ...]:
    """Rows every possible case of which an earlier row takes (not those no case can reach
    at all: `dead`, reported as excluded)."""
    found: dict[int, Shadowed] = {}
    skipped = {row for _, row in repeated} | dead
    for when, space in spaces:
        for row, cube in enumerate(space.cubes):
            if row in found or row in skipped:
                continue
            winners, rest = [], _possible(space, cube) if all(cube) else []
            for earlier, other in enumerate(space.cubes[:row]):
                if any(_intersection(piece, other) is not None for piece in rest):
                    winners.append(earlier)
                    rest = _subtract(rest, other)
            if not rest:
                found[row] = Shadowed(row, tuple(winners), when)
    return tuple(found[row] for row in sorted(found))
