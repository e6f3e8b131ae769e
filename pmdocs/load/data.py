"""What the load stage produces: plain data from spec files, where every mapping carries the
source positions (`Where`) of itself, its keys and its values."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..issues import Issue, Location

WHERE_KEY = "@where"
"""The key under which every loaded mapping carries its `Where` (never a valid YAML key
written by hand, since ids and field names are slugs)."""


_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What libyaml counts as a line break (a CR LF pair counts once)."""


class Source:
    """A spec file's name and line starts, shared by every `Where` of the file. It turns a
    character offset (libyaml's `mark.index`) into a `Location` whose line and column are those
    libyaml reports. The line starts are found in the text when the first location is asked
    for (a run that reports nothing never does), and only they are pickled, not the text.
    Two sources are equal when they give the same locations."""

    __slots__ = ("file", "_text", "_starts")

    def __init__(self, file: str, text: str, line_starts: list[int] | None = None):
        self.file = file
        self._text: str | None = text
        self._starts = line_starts

    def location(self, offset: int) -> Location:
        """The `file:line:col` of an offset (just the file for a negative offset)."""
        if offset < 0:
            return Location(self.file)
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset)
        return Location(self.file, line, offset - starts[line - 1] + 1, offset)

    @property
    def line_starts(self) -> list[int]:
        """The offset of each line's first character, as libyaml counts lines and offsets."""
        if self._starts is None:
            text = self._text or ""
            skip = 1 if text.startswith("\ufeff") else 0    # libyaml skips a byte order mark
            self._starts = [0] + [match.end() - skip for match in _LINE_BREAKS.finditer(text)]
            self._text = None
        return self._starts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Source):
            return NotImplemented
        return self is other or (self.file == other.file and self.line_starts == other.line_starts)

    def __hash__(self) -> int:
        return hash(self.file)

    def __reduce__(self) -> tuple:
        return Source, (self.file, "", self.line_starts)

    def __repr__(self) -> str:
        return f"Source({self.file!r})"


ValuePath = str | tuple
"""Where a value is below its mapping: the key (`"label"`), or the key and the indexes and
keys below it that are not inside a nested mapping (`("pages", 2)`)."""


@dataclass(frozen=True)
class Where:
    """Source positions of one mapping: itself, each key, and each value below it that is
    not inside a nested mapping. Positions are character offsets in `source` (an int is far
    cheaper to create and to cache than a `Location`); the `Location` is computed when asked
    for. A value directly under a key is found by the key itself, deeper ones by a tuple."""

    source: Source
    offset: int
    keys: Mapping[str, int] = field(default_factory=dict)
    values: Mapping[ValuePath, int] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.source.file

    @property
    def node(self) -> Location:
        """Where the mapping itself starts."""
        return self.source.location(self.offset)

    def key(self, name: str) -> Location:
        return self.source.location(self.key_offset(name))

    def key_offset(self, name: str) -> int:
        return self.keys.get(name, self.offset)

    def value(self, *path: Any) -> Location:
        """The position of the value at `path`, or of its nearest known ancestor."""
        return self.source.location(self.value_offset(*path))

    def value_offset(self, *path: Any) -> int:
        values = self.values
        for end in range(len(path), 1, -1):
            offset = values.get(path[:end])
            if offset is not None:
                return offset
        return values.get(path[0], self.offset) if path else self.offset


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
    """The `file:line:col` of a character offset in a file's text, with lines counted as
    libyaml counts them (as every other location is), so a file with CR or U+2028 line
    ends gets the same line numbers in all its issues."""
    return Source(file, text).location(max(0, min(offset, len(text))))


def strip_where(data: Any) -> Any:
    """The data without position records (for tests and debugging)."""
    if isinstance(data, dict):
        return {key: strip_where(value) for key, value in data.items() if key != WHERE_KEY}
    if isinstance(data, list):
        return [strip_where(item) for item in data]
    return data


def where_of(data: Any) -> Where | None:
    return data.get(WHERE_KEY) if isinstance(data, dict) else None
