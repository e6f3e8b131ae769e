"""Two checked revisions of a project -> `ProjectChanges`: items paired by kind and id, a
removed and an added item that differ only in their id paired as a rename, each pair compared
by its content (`fields`, `parts`), a rule's verdict compared by the problems the checks found
in it; and the problems of each revision matched by code and subject, so that a problem
whose lines moved is neither fixed nor new.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

from ..issues import RULE_CHECK_CODES, Issue
from ..model import Project
from ..model.spec import SECTIONS, Spec
from .changes import FieldChange, ItemChange, ProjectChanges
from .fields import Compare, Place, compare_specs
from .git import Revision
from .matching import plain, same
from .parts import flow_steps, page_elements, rule_rows

SPECIAL: Mapping[str, Mapping[str, Compare | None]] = {
    "pages": {"elements": page_elements}, "rules": {"table": rule_rows},
    "flows": {"steps": flow_steps},
}
"""Per kind of item, the fields compared by `parts.py`."""


@dataclass(frozen=True)
class Snapshot:
    """A revision of a project as the check stage left it."""

    revision: Revision
    project: Project
    issues: Sequence[Issue]


def compare(base: Snapshot, head: Snapshot) -> ProjectChanges:
    """What changed from `base` to `head`."""
    items = [change for section in SECTIONS for change in _section(base, head, section)]
    introduced, fixed = problem_changes(base.issues, head.issues)
    return ProjectChanges(base.revision, head.revision, tuple(items), introduced, fixed)


def _section(base: Snapshot, head: Snapshot, section: str) -> Iterator[ItemChange]:
    before = {item.id: item for item in base.project.index.listed[section]}
    after = {item.id: item for item in head.project.index.listed[section]}
    removed = [item_id for item_id in before if item_id not in after]
    added = [item_id for item_id in after if item_id not in before]
    renames = _renames(section, [before[item_id] for item_id in removed],
                       [after[item_id] for item_id in added])
    found: list[ItemChange] = []
    for item_id in removed:
        if item_id in renames.values():
            continue
        change = "unreadable" if item_id in head.project.broken_ids.get(section, ()) else "removed"
        found.append(ItemChange(section, item_id, change, base.project.index.title_of(section, item_id)))
    for item_id in added:
        title = head.project.index.title_of(section, item_id)
        if item_id in renames:
            found.append(ItemChange(section, item_id, "renamed", title, old_id=renames[item_id]))
        else:
            change = "unreadable" if item_id in base.project.broken_ids.get(section, ()) else "added"
            found.append(ItemChange(section, item_id, change, title))
    for item_id, item in after.items():
        if item_id in before:
            fields = tuple(item_fields(base, head, section, before[item_id], item))
            if fields:
                title = head.project.index.title_of(section, item_id)
                found.append(ItemChange(section, item_id, "changed", title, fields))
    return iter(sorted(found, key=lambda change: change.id))


def _renames(section: str, removed: list[Spec], added: list[Spec]) -> dict[str, str]:
    """New id -> old id, for items that differ in nothing but their id."""
    def content(item: Spec) -> object:
        return plain(item.model_copy(update={"id": ""}))
    waiting: dict[object, list[str]] = {}
    for item in removed:
        waiting.setdefault(content(item), []).append(item.id)
    renames = {}
    for item in added:
        candidates = waiting.get(content(item))
        if candidates:
            renames[item.id] = candidates.pop(0)
    return renames


def item_fields(base: Snapshot, head: Snapshot, section: str, before: Spec,
                after: Spec) -> Iterator[FieldChange]:
    """What changed in one item (its verdict too, for a rule)."""
    if not _unchanged(base.project, head.project, before, after):
        yield from compare_specs(Place(), before, after, SPECIAL.get(section))
    if section == "rules":
        old, new = verdict(base.issues, before.id), verdict(head.issues, after.id)
        if old != new:
            yield FieldChange("", "", "verdict", "changed", old, new)


def _unchanged(base: Project, head: Project, before: Spec, after: Spec) -> bool:
    """Whether two revisions of an item say the same: surely so when both come from the same
    file with the same text (most items of a large project), else by their content."""
    if before.file == after.file and base.sources.get(before.file) is not None \
            and base.sources.get(before.file) == head.sources.get(after.file):
        return True
    return same(before, after)


VERDICT_WORDS = {
    "PM330": "gap", "PM331": "overlap", "PM332": "conflicting overlap", "PM333": "unreachable row",
    "PM334": "duplicate rows", "PM335": "value outside its input", "PM336": "undefined parameter",
    "PM337": "parameter without default or range", "PM338": "free-text condition",
    "PM339": "too large to analyse", "PM340": "limit without window",
    "PM341": "limit without subject", "PM342": "limit without counted event",
    "PM343": "incomplete window", "PM344": "limit only in words",
    "PM345": "input values unlike their source", "PM346": "constraint that says nothing",
    "PM347": "row only ruled-out cases reach",
}
"""A rule's problems as its verdict names them (`RULE_CHECK_CODES`)."""


def verdict(issues: Sequence[Issue], rule_id: str) -> str:
    """A rule's verdict as the checks give it: `complete`, or its problems (`gap (PM330)`)."""
    codes = sorted({issue.code for issue in issues if issue.code in RULE_CHECK_CODES
                    and issue.subject == ("rules", rule_id)})
    if not codes:
        return "complete"
    return ", ".join(f"{VERDICT_WORDS.get(code, 'problem')} ({code})" for code in codes)


def problem_changes(before: Sequence[Issue], after: Sequence[Issue]
                    ) -> tuple[tuple[Issue, ...], tuple[Issue, ...]]:
    """(introduced, fixed): problems matched by code and subject (by code, file and message
    when a problem has no subject), the same message first, never by line."""
    groups: dict[tuple, tuple[list[Issue], list[Issue]]] = {}
    for side, issues in enumerate((before, after)):
        for issue in issues:
            groups.setdefault(_problem_key(issue), ([], []))[side].append(issue)
    introduced: list[Issue] = []
    fixed: list[Issue] = []
    for old, new in groups.values():
        for issue in list(new):
            twin = next((other for other in old if other.message == issue.message), None)
            if twin is not None:
                old.remove(twin)
                new.remove(issue)
        count = min(len(old), len(new))
        introduced.extend(new[count:])
        fixed.extend(old[count:])
    return tuple(sorted(introduced, key=Issue.sort_key)), tuple(sorted(fixed, key=Issue.sort_key))


def _problem_key(issue: Issue) -> tuple:
    if issue.subject is not None:
        return (issue.code, issue.subject)
    return (issue.code, None, issue.location.file, issue.message)
