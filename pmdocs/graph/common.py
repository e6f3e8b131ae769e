"""What several diagram kinds share: items of a list without repeated ids (a flow's steps,
a lifecycle's states; the project's items come from its index, `model.index`)."""

from __future__ import annotations

from typing import Iterable, TypeVar

Item = TypeVar("Item")


def first_of_each(items: Iterable[Item]) -> list[Item]:
    """The items in their declared order, leaving out any later item with a repeated id
    (the check stage reports duplicates; a diagram draws the first)."""
    seen: set[str] = set()
    result = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            result.append(item)
    return result
