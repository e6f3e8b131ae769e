"""Checks: every page that shows data describes the states the project requires (PM320)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, make_issue
from ..model import Project
from ..model.spec import Page

DATA_ELEMENT_TYPES = frozenset({"list", "table"})


def shows_data(page: Page) -> bool:
    """`loads_data` when given; otherwise whether a list, a table or a bound element is on it."""
    if page.loads_data is not None:
        return page.loads_data
    return any(element.type in DATA_ELEMENT_TYPES or element.shows for element in page.elements)


def check(project: Project) -> Iterator[Issue]:
    required = project.settings.check.required_states
    for page in project.pages:
        if page.kind == "toast" or not shows_data(page):
            continue
        present = {state.name for state in page.states}
        missing = [name for name in required if name not in present]
        if not missing:
            continue
        location = page.key_at("states") if page.states else page.at("id")
        example = missing[0]
        yield make_issue(
            "PM320", f"{page.kind} `{page.id}` ({page.title}) shows data but does not describe the "
            f"state{'s' if len(missing) > 1 else ''} {', '.join(missing)}", location,
            f"add {'them' if len(missing) > 1 else 'it'} under `states:`, e.g. `{example}: …` "
            "saying what the user sees; or set `loads_data: false`", subject=("pages", page.id))
