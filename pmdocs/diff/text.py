"""A diff for the terminal: one line per item and per change of a field, grouped by kind,
then the problems introduced and fixed, then a summary. Each line comes with a style (the
CLI colours it on a terminal) and goes out through `printable.one_line`, so spec text can
neither start a line nor break one."""

from __future__ import annotations

from typing import Iterator, NamedTuple

from ..issues import Issue, issue_line
from ..printable import one_line
from .changes import ProjectChanges
from .wording import (MARKS, counted, describe, heading, item_name, item_note, section_counts,
                      summary_line)

STYLES = {"+": "added", "-": "removed", "~": "changed", ">": "changed", "?": "changed"}


class Line(NamedTuple):
    """A line of the report and how to colour it: `heading`, `added`, `removed`, `changed`,
    or `""` (plain)."""

    text: str
    style: str = ""


def text_report(changes: ProjectChanges) -> list[Line]:
    """The report, line by line, every line one printable line."""
    return [Line(one_line(line.text), line.style) for line in _lines(changes)]


def _lines(changes: ProjectChanges) -> Iterator[Line]:
    yield Line(heading(changes), "heading")
    for section, items in changes.sections():
        yield Line(f"{section}: {counted(section_counts(items))}", "heading")
        for item in items:
            mark = MARKS[item.change]
            note = item_note(item)
            yield Line(f"  {mark} {item_name(item)} {item.title}"
                       + (f" ({note})" if note else ""), STYLES[mark])
            for field in item.fields:
                described = describe(field)
                value = f": {described.value}" if described.value else ""
                yield Line(f"      {described.mark} {described.subject}{value}",
                           STYLES[described.mark])
    yield from _problems("introduced", "+", changes.introduced)
    yield from _problems(f"fixed (lines as in {changes.base.name})", "-", changes.fixed)
    yield Line(summary_line(changes))


def _problems(way: str, mark: str, issues: tuple[Issue, ...]) -> Iterator[Line]:
    if issues:
        yield Line(f"problems {way}: {len(issues)}", "heading")
        for issue in issues:
            yield Line(f"  {mark} {issue_line(issue)}", STYLES[mark])

