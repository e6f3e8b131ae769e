"""Checks: a rule outcome's `state` is a state of a page the rule governs, or of the page the
outcome leads to (PM301, with did-you-mean). Where the outcome leads (`to`) is a reference like
any other (`references.py`)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, about, did_you_mean, make_issue
from ..messages import Text, place
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
        context = place((("rule", rule.id), ("row", number)))
        if not found:
            yield make_issue("PM301", Text("PM301.state_nowhere", context=context, state=state),
                             row.then.at("state"), Text("PM301.state_nowhere.hint"))
            continue
        listed = ", ".join(f"`{page.id}`" for page in found)
        yield make_issue("PM301", Text("PM301.unknown_state", context=context, state=state,
                                       pages=listed),
                         row.then.at("state"), did_you_mean(state, names) or
                         Text("PM301.unknown_state.hint", state=state))
