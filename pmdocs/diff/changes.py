"""What changed between two revisions of a project, as frozen data: per item, whether it was
added, removed, renamed, changed (and which of its fields, with their text before and after)
or could not be read in one of them; and the problems one revision has that the other has
not. Every front end — the terminal, a pull request's comment, JSON, the site — reads these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping

from ..issues import Issue, Severity
from ..model.spec import SECTIONS
from .git import Revision

ITEM_CHANGES = ("added", "removed", "renamed", "changed", "unreadable")
"""How an item can differ: `unreadable` items failed validation in one of the revisions
(their problems say why), so what changed in them is not known."""
FIELD_CHANGES = ("added", "removed", "changed", "retargeted", "condition")
"""How a field or a part of an item can differ: `retargeted` (a jump that leads elsewhere
under the same condition) and `condition` (a jump to the same place under another
condition) are jumps' own."""


@dataclass(frozen=True)
class FieldChange:
    """One difference inside an item, in the spec's words.

    `part` names the part of the item it is in — `element`, `state`, `jump`, `row`,
    `parameter`, `lifecycle.state` … — and `key` which one (`submit`, `offline`,
    `submit on tap`, `3`); both are empty for the item's own fields. `field` names the field
    that differs (`title`, `label`, `default`, `limit.window`), and is empty when the whole
    part was added or removed, or a jump retargeted. `before` and `after` are the spec's text
    (empty where there is none)."""

    part: str
    key: str
    field: str
    change: str = "changed"
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class ItemChange:
    """An item that differs between the two revisions."""

    section: str
    id: str
    """Its id in the later revision (in the earlier one, for a removed item)."""
    change: str
    title: str
    """Its title or name, as it reads in the revision that has it (the later one if both)."""
    fields: tuple[FieldChange, ...] = ()
    old_id: str = ""
    """A renamed item's id in the earlier revision."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.section, self.id)


@dataclass(frozen=True)
class ProjectChanges:
    """Every change between `base` and `head`, items in the order of their sections, then by
    id; problems in the order `pmdocs check` prints them."""

    base: Revision
    head: Revision
    items: tuple[ItemChange, ...] = ()
    introduced: tuple[Issue, ...] = ()
    """Problems `head` has that `base` had not (matched by code and subject, not by line)."""
    fixed: tuple[Issue, ...] = ()
    """Problems `base` had that `head` has not."""
    by_key: Mapping[tuple[str, str], ItemChange] = field(default_factory=dict, compare=False,
                                                          repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {item.key: item for item in self.items})

    def of(self, section: str, item_id: str) -> ItemChange | None:
        """The change of an item by its (later) id, if it changed."""
        return self.by_key.get((section, item_id))

    def in_section(self, section: str) -> tuple[ItemChange, ...]:
        return tuple(item for item in self.items if item.section == section)

    def sections(self) -> Iterator[tuple[str, tuple[ItemChange, ...]]]:
        """The sections with changes, in the spec language's order."""
        for section in SECTIONS:
            found = self.in_section(section)
            if found:
                yield section, found

    def counts(self) -> dict[str, int]:
        """How many items changed in each way, every way named."""
        counts = dict.fromkeys(ITEM_CHANGES, 0)
        for item in self.items:
            counts[item.change] += 1
        return counts

    @property
    def empty(self) -> bool:
        return not (self.items or self.introduced or self.fixed)

    def introduces_errors(self) -> bool:
        return any(issue.severity == Severity.ERROR for issue in self.introduced)
