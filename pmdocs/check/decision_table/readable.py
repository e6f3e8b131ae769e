"""A cube read back as text, in the PM's terms: `status=running or ended`,
`status=any except ended`, `joins_today<1 or >=5`, and a boundary a parameter sets as the
parameter, `assist_count = $target (default 3)`, so the PM sees that the gap is at the
configurable boundary, not at a number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cells import Span, domain_of
from .table import Column


@dataclass(frozen=True)
class Bounds:
    """The parameters an integer input's conditions compare with, at one setting."""

    values: tuple[tuple[str, int], ...] = ()
    """(name, value) in name order."""
    defaults: frozenset[str] = frozenset()
    """The names whose value is their default at this setting."""

    def name(self, value: int) -> str | None:
        """The parameter at `value` as written with its value (`$target (default 3)`)."""
        for name, at in self.values:
            if at == value:
                return f"${name} ({'default ' if name in self.defaults else ''}{value})"
        return None


def label(column: Column, classes: tuple[Any, ...], mask: int, bounds: Bounds) -> str:
    """One input's part of a case: its classes in `mask`, in words."""
    if mask == (1 << len(classes)) - 1:
        return f"{column.id}=any"
    chosen = [value for index, value in enumerate(classes) if mask >> index & 1]
    if column.type == "integer":
        return _integer_label(column, _runs(chosen), bounds)
    words = [str(value).lower() if isinstance(value, bool) else str(value) for value in classes]
    others = [word for index, word in enumerate(words) if not mask >> index & 1]
    if len(chosen) > 2 and 2 * len(others) < len(chosen):
        return f"{column.id}=any except {' and '.join(others)}"
    return f"{column.id}=" + " or ".join(word for index, word in enumerate(words) if mask >> index & 1)


Part = list[tuple[str, str, bool]]
"""A run of numbers as conditions: (operator, operand, whether the operand is a parameter);
two of them for a range between a parameter and another bound."""


def _integer_label(column: Column, runs: list[Span], bounds: Bounds) -> str:
    parts = [_run_parts(run, domain_of(column), bounds) for run in runs]
    if not any(named for part in parts for _, _, named in part):
        texts = ["".join(f"{operator}{operand}" for operator, operand, _ in part) for part in parts]
        return column.id + " or ".join([texts[0]] + [text.removeprefix("=") for text in texts[1:]])
    texts = [" and ".join(f"{operator} {operand}" for operator, operand, _ in part)
             for part in parts]
    return f"{column.id} " + " or ".join(texts)


def _run_parts(run: Span, domain: Span, bounds: Bounds) -> Part:
    start, end = run
    if start == end:
        named = bounds.name(start)
        return [("=", named or str(start), named is not None)]
    lower = _lower(start, bounds)
    upper = _upper(end, bounds) if end is not None else None
    if end == domain[1]:
        return [lower]
    if start == domain[0]:
        return [upper]  # type: ignore[list-item]
    if lower[2] or upper[2]:  # type: ignore[index]
        return [lower, upper]  # type: ignore[list-item]
    return [("=", f"{start}..{end}", False)]


def _lower(start: int, bounds: Bounds) -> tuple[str, str, bool]:
    """`>= $p` (the run starts at a parameter), `> $p` (just after one), or `>=start`."""
    if (named := bounds.name(start)) is not None:
        return (">=", named, True)
    if (named := bounds.name(start - 1)) is not None:
        return (">", named, True)
    return (">=", str(start), False)


def _upper(end: int, bounds: Bounds) -> tuple[str, str, bool]:
    """`< $p` (the run ends just before a parameter), `<= $p`, or `<end+1`."""
    if (named := bounds.name(end + 1)) is not None:
        return ("<", named, True)
    if (named := bounds.name(end)) is not None:
        return ("<=", named, True)
    return ("<", str(end + 1), False)


def _runs(spans: list[Span]) -> list[Span]:
    runs: list[Span] = []
    for start, end in spans:
        if runs and runs[-1][1] is not None and runs[-1][1] + 1 == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs
