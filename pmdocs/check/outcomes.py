"""Checks: a rule outcome's `state` is a state of a page the rule governs, or of the page the
outcome leads to (PM301, with did-you-mean). Where the outcome leads (`to`) is a reference like
any other (`references.py`)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, about, did_you_mean, make_issue
from ..model import Project
from ..model.spec import SPECIAL_TARGETS, Rule


def check(project: Project) -> Iterator[Issue]:
    for rule in project.rules:
        if any(row.then.state for row in rule.table):
            yield from about(("rules", rule.id), _states(project, rule))


def _states(project: Project, rule: Rule) -> Iterator[Issue]:
    governed = project.index.rule_pages.get(rule.id, ())
    for number, row in enumerate(rule.table, start=1):
        state = row.then.state
        pages = [*governed] + ([row.then.to] if row.then.to and row.then.to not in SPECIAL_TARGETS
                                 and row.then.to not in governed else [])
        found = [page for page in map(project.page, pages) if page is not None]
        names = sorted({item.name for page in found for item in page.states})
        if not state or state in names:
            continue
        context = f"rule `{rule.id}` › row {number}"
        if not found:
            yield make_issue("PM301", f"{context}: page state `{state}`, but the rule governs no "
                             "page to find it on", row.then.at("state"),
                             "name the pages it shows on under the rule's `applies_to: {pages: […]}`")
            continue
        listed = ", ".join(f"`{page.id}`" for page in found)
        yield make_issue("PM301", f"{context}: unknown page state `{state}`: no page of the rule "
                         f"({listed}) has it",
                         row.then.at("state"), did_you_mean(state, names) or
                         f"add `{state}:` under the `states:` of the page it shows on")
