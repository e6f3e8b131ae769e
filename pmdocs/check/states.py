"""Checks: every page describes the states its type requires (PM320): by default a list page
`loading`, `empty`, `loaded`, `error` and `offline`, a result page `success` and `failure`
… (pmdocs.yml's `check: {required_states, loading}`); a business state that `counts_as` one
of them stands in for it."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, make_issue
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
    what = f"is a {kind} page but" if page.type else "shows data but"
    plural = len(missing) > 1
    hint = (f"add {'them' if plural else 'it'} under `states:`, e.g. `{missing[0]}: …`, saying "
            "what the user sees")
    business = [name for name in missing if name not in ("loading", "error", "offline")]
    if business:
        hint += f"; a business state that stands for `{business[0]}` says `counts_as: {business[0]}`"
    if not page.type:
        hint += "; or say what the page is with `type:` (" + ", ".join(PAGE_TYPES) + ")"
    if "loading" in missing:
        hint += "; `check: {loading: false}` in pmdocs.yml asks for no `loading`"
    return make_issue("PM320", f"{page.kind} `{page.id}` ({page.title}) {what} does not describe "
                      f"the state{'s' if plural else ''} {', '.join(missing)}", location, hint,
                      subject=("pages", page.id))
