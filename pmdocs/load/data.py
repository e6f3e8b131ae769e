"""What the load stage produces: plain data from spec files, where every mapping carries the
source positions (`Where`) of itself, its keys and its values."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..issues import Issue, Location

WHERE_KEY = "@where"
"""The key under which every loaded mapping carries its `Where` (never a valid YAML key
written by hand, since ids and field names are slugs)."""


Position = tuple[int, int, int]
"""(line, col, offset) in the file of the `Where` holding it: the loader records one for every
value, and a plain tuple is far cheaper to create and to cache than a `Location`."""


@dataclass(frozen=True)
class Where:
    """Source positions of one mapping: itself, each key, and each value below it that is
    not inside a nested mapping (paths like `("label",)` or `("pages", 2)`). Positions are
    `Location`s or, as the loader writes them, `Position`s in the mapping's own file."""

    node: Location
    keys: Mapping[str, Location | Position] = field(default_factory=dict)
    values: Mapping[tuple, Location | Position] = field(default_factory=dict)

    def _located(self, position: Location | Position) -> Location:
        if isinstance(position, Location):
            return position
        return Location(self.node.file, *position)

    def key(self, name: str) -> Location:
        position = self.keys.get(name)
        return self.node if position is None else self._located(position)

    def value(self, *path: Any) -> Location:
        """The position of the value at `path`, or of its nearest known ancestor."""
        for end in range(len(path), 0, -1):
            position = self.values.get(tuple(path[:end]))
            if position is not None:
                return self._located(position)
        return self.node


@dataclass(frozen=True)
class SpecFile:
    """One loaded spec file."""

    path: str
    relative: str
    text: str
    data: dict | None
    is_project_file: bool = False
    issues: tuple[Issue, ...] = ()
    """The problems met reading and parsing this file."""
    skipped: bool = False
    """Read but not parsed: the caller parses it or has it cached
    (`load_project(..., parse=False)`)."""


@dataclass(frozen=True)
class LoadResult:
    """Every spec file of a project, and the problems met while reading them."""

    root: Path
    files: tuple[SpecFile, ...]
    issues: tuple[Issue, ...]
    file_count: int


def location_at(file: str, text: str, offset: int) -> Location:
    """The `file:line:col` of a character offset in a file's text."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(file, line, col, offset)


def strip_where(data: Any) -> Any:
    """The data without position records (for tests and debugging)."""
    if isinstance(data, dict):
        return {key: strip_where(value) for key, value in data.items() if key != WHERE_KEY}
    if isinstance(data, list):
        return [strip_where(item) for item in data]
    return data


def where_of(data: Any) -> Where | None:
    return data.get(WHERE_KEY) if isinstance(data, dict) else None
