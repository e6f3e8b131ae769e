"""The words every format of a diff shares: what a change is called, how many changed, and a
field change as a subject, its text before and after, and a mark (`+` added, `-` removed,
`~` changed). pmdocs' own words come first on every line; spec text only after them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model.spec import ITEM_NAMES
from .changes import ITEM_CHANGES, FieldChange, ItemChange, ProjectChanges

MARKS = {"added": "+", "removed": "-", "changed": "~", "retargeted": "~", "condition": "~",
         "renamed": ">", "unreadable": "?"}
NOT_SET = "(none)"
"""How an empty value reads before or after an arrow."""


@dataclass(frozen=True)
class Described:
    """A field change as a line says it: `~ parameter base_freight default: 8 → 10`."""

    mark: str
    part: str
    """pmdocs' words for the part it is in: `parameter`, `lifecycle state` (or none)."""
    key: str
    """Which part (an id, a state's name, a row's number): may be spec text."""
    field: str
    """pmdocs' words for the field and the way it changed: `default`, `retargeted`."""
    before: str
    after: str
    arrow: bool
    """Whether it reads `before → after` (a change) or just one value (added, removed)."""

    @property
    def subject(self) -> str:
        return " ".join(word for word in (self.part, self.key, self.field) if word)

    @property
    def value(self) -> str:
        return f"{self.before} → {self.after}" if self.arrow else self.after or self.before


JUMP_WAYS = {"retargeted": "retargeted", "condition": "condition changed"}


def describe(change: FieldChange) -> Described:
    field = " ".join(word for word in (change.field.replace(".", " "),
                                       JUMP_WAYS.get(change.change, "")) if word)
    part = change.part.replace(".", " ")
    if change.change == "added":
        return Described("+", part, change.key, field, "", change.after, False)
    if change.change == "removed":
        return Described("-", part, change.key, field, change.before, "", False)
    return Described("~", part, change.key, field, change.before or NOT_SET,
                     change.after or NOT_SET, True)


def item_name(item: ItemChange) -> str:
    """`page confirm_order` (pmdocs' words and an id: a slug)."""
    return f"{ITEM_NAMES.get(item.section, item.section)} {item.id}"


def item_note(item: ItemChange) -> str:
    """What a renamed or unreadable item's line adds."""
    if item.change == "renamed":
        return f"renamed from {item.old_id}"
    if item.change == "unreadable":
        return "could not be read in one of the revisions: see the problems"
    return ""


def counted(counts: dict[str, int]) -> str:
    """`2 changed, 1 added` (the ways with a count); `no changes` when there are none."""
    parts = [f"{count} {way}" for way, count in counts.items() if count]
    return ", ".join(parts) if parts else "no changes"


def section_counts(items: Iterable[ItemChange]) -> dict[str, int]:
    counts = dict.fromkeys(ITEM_CHANGES, 0)
    for item in items:
        counts[item.change] += 1
    return counts


def summary_line(changes: ProjectChanges) -> str:
    """`2 changed, 1 added; problems: 1 introduced, 0 fixed`."""
    items = counted(changes.counts())
    return (f"{items}; problems: {len(changes.introduced)} introduced, "
            f"{len(changes.fixed)} fixed")


def heading(changes: ProjectChanges) -> str:
    return f"pmdocs diff: {changes.base.short} → {changes.head.short}"
