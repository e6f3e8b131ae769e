"""A diff as JSON for tools, in a shape kept stable (README, "pmdocs diff"): the two
revisions, every changed item with its field changes, the problems introduced and fixed (as
`pmdocs check --format json` gives an issue), and the counts. Text is exact: JSON escapes it
(and `printable.json_text` writes it so that no line can be read as a command)."""

from __future__ import annotations

from typing import Any

from ..issues import Issue, Severity, issue_record
from .changes import ItemChange, ProjectChanges
from .git import Revision

SHAPE_VERSION = 1
"""Raised when a key changes meaning or goes; new keys may be added without raising it."""


def json_report(changes: ProjectChanges) -> dict[str, Any]:
    return {
        "version": SHAPE_VERSION,
        "base": _revision(changes.base),
        "head": _revision(changes.head),
        "items": [_item(item) for item in changes.items],
        "problems": {"introduced": [issue_record(issue) for issue in changes.introduced],
                     "fixed": [issue_record(issue) for issue in changes.fixed]},
        "summary": {"items": changes.counts(),
                    "introduced": _severities(changes.introduced),
                    "fixed": _severities(changes.fixed)},
    }


def _revision(revision: Revision) -> dict[str, Any]:
    return {"name": revision.name, "commit": revision.commit,
            "working_tree": revision.is_working_tree}


def _item(item: ItemChange) -> dict[str, Any]:
    return {"kind": item.section, "id": item.id, "change": item.change, "title": item.title,
            "old_id": item.old_id or None,
            "fields": [{"part": field.part, "key": field.key, "field": field.field,
                        "change": field.change, "before": field.before, "after": field.after}
                       for field in item.fields]}


def _severities(issues: tuple[Issue, ...]) -> dict[str, int]:
    counts = {"errors": 0, "warnings": 0, "notes": 0}
    names = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "notes"}
    for issue in issues:
        counts[names[issue.severity]] += 1
    return counts
