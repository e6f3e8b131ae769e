"""Pairing the parts of two revisions of an item, and telling whether two values are the
same: the comparison goes by the spec's content, never by where it was written (every
spec node remembers its source position, which moves when lines move)."""

from __future__ import annotations

import datetime
from typing import Any, Callable, Hashable, Sequence, TypeVar

from ..model.spec import Spec

Part = TypeVar("Part")


def pair_up(before: Sequence[Part], after: Sequence[Part],
            *keys: Callable[[Part], Hashable]) -> tuple[list[tuple[Part, Part, int]],
                                                          list[Part], list[Part]]:
    """The parts paired in rounds, one round per key: each round pairs the parts left over
    whose key is equal, in order. The pairs (with the round that made each), and the parts of
    `before` and of `after` left unpaired, each in its order."""
    left_before, left_after = list(before), list(after)
    pairs: list[tuple[Part, Part, int]] = []
    for round_number, key in enumerate(keys):
        waiting: dict[Hashable, list[int]] = {}
        for index, part in enumerate(left_before):
            waiting.setdefault(key(part), []).append(index)
        paired_before: set[int] = set()
        unpaired_after = []
        for part in left_after:
            candidates = waiting.get(key(part))
            if candidates:
                index = candidates.pop(0)
                paired_before.add(index)
                pairs.append((left_before[index], part, round_number))
            else:
                unpaired_after.append(part)
        left_before = [part for index, part in enumerate(left_before) if index not in paired_before]
        left_after = unpaired_after
    return pairs, left_before, left_after


def plain(value: Any) -> Hashable:
    """A value as comparable, hashable data without source positions: a spec node as its
    fields; a boolean, a number and a date tagged with their type (YAML's `1`, `1.0`, `true`
    and `"1"` are four different values)."""
    if isinstance(value, Spec):
        return (type(value).__name__,
                tuple((name, plain(getattr(value, name))) for name in type(value).model_fields))
    if isinstance(value, (list, tuple)):
        return tuple(plain(item) for item in value)
    if isinstance(value, dict):
        return tuple((key, plain(item)) for key, item in value.items())
    if isinstance(value, (bool, int, float, datetime.date)):
        return (type(value).__name__, value)
    return value


def same(first: Any, second: Any) -> bool:
    """Whether two values say the same, wherever they were written."""
    return plain(first) == plain(second)
