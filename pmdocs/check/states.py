"""Checks: every page describes the states its type requires (PM320): by default a list page
`loading`, `empty`, `loaded`, `error` and `offline`, a result page `success` and `failure`
… (pmdocs.yml's `check: {required_states, loading}`); a business state that `counts_as` one
of them stands in for it."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, make_issue
from ..messages import Text, noun
from ..model import Project
from ..model.spec import PAGE_TYPES, Page
from ..model.states import shows_data

__all__ = ["check", "shows_data"]


def check(project: Project) -> Iterator[Issue]:
    index = project.index
    for page in project.pages:
        required = index.required_states.get(page.id, ())
        if not required or index.page(page.id) is not page:
            continue
        present = {state.name for state in page.states} | {state.counts_as for state in page.states}
        missing = [name for name in required if name not in present]
        if missing:
            yield _missing(page, index.page_types[page.id], missing)


def _missing(page: Page, kind: str, missing: list[str]) -> Issue:
    location = page.key_at("states") if page.states else page.at("id")
    plural = len(missing) > 1
    hints = [Text("PM320.add.many" if plural else "PM320.add.one", example=missing[0])]
    business = [name for name in missing if name not in ("loading", "error", "offline")]
    if business:
        hints.append(Text("PM320.counts_as", state=business[0]))
    if not page.type:
        hints.append(Text("PM320.type", types=", ".join(PAGE_TYPES)))
    if "loading" in missing:
        hints.append(Text("PM320.loading"))
    key = "PM320.missing.typed" if page.type else "PM320.missing"
    return make_issue("PM320", Text(key + (".many" if plural else ""), kind=noun(page.kind),
                                    id=page.id, title=page.title, type=kind,
                                    states=", ".join(missing)),
                      location, Text("hints", hints=tuple(hints)), subject=("pages", page.id))
