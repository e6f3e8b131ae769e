"""Checks: what a page's states show (PM321, PM322). Listing an element under any state's
`shows:` makes it appear only in the states that list it (`Page.shown_in`): an element so
listed that another state also `hides:` was meant to show elsewhere; an element with actions
that no state shows can never be used; and the state a page opens in must offer a way onward.
A `default_state` that names no state of the page is an unknown reference (PM301)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, about, did_you_mean, make_issue
from ..messages import Text, named, place
from ..model import Project
from ..model.spec import PLACEHOLDER_STATES, SPECIAL_TARGETS, Element, Page


def check(project: Project) -> Iterator[Issue]:
    for page in project.pages:
        if project.index.page(page.id) is not page or not page.states:
            continue
        subject = ("pages", page.id)
        names = [state.name for state in page.states]
        if page.default_state is not None and page.default_state not in names:
            yield make_issue("PM301", Text("PM301.default_state", context=named(page.kind, page.id),
                                           state=page.default_state),
                             page.at("default_state"), did_you_mean(page.default_state, names)
                             or Text("PM301.default_state.hint"), subject=subject)
        yield from about(subject, _shown_only_in_some(page))
        yield from about(subject, _never_shown(page))
        yield from about(subject, _no_way_onward(project, page))


def _shown_only_in_some(page: Page) -> Iterator[Issue]:
    """An element under some state's `shows:` that another state `hides:`: the author thought
    it shows in the other states, but it is hidden in every state that does not list it
    (`loading`, `error` and `offline` aside: they draw a placeholder)."""
    for element in page.elements:
        listing = [state for state in page.states if element.id in state.shows]
        hiding = [state.name for state in page.states if element.id in state.hides]
        if not listing or not hiding:
            continue
        hidden_too = [state.name for state in page.states if state not in listing
                      and state.name not in hiding and state.name not in PLACEHOLDER_STATES]
        if not hidden_too:
            continue
        first = listing[0]
        yield make_issue(
            "PM321", Text("PM321.only_some", context=place((("page", page.id),
                                                            ("element", element.id))),
                          listing=", ".join(state.name for state in listing),
                          hidden=", ".join(hidden_too), hiding=", ".join(hiding)),
            first.at("shows", first.shows.index(element.id)), Text("PM321.only_some.hint"))


def _never_shown(page: Page) -> Iterator[Issue]:
    """An element with actions that no business state shows: no user can ever use it."""
    business = [state for state in page.states if state.name not in PLACEHOLDER_STATES]
    if not business:
        return
    shown = {element.id for state in business for element in page.shown_in(state)}
    for element in page.elements:
        if element.actions() and element.id not in shown:
            yield make_issue(
                "PM321", Text("PM321.never", context=place((("page", page.id),
                                                            ("element", element.id)))),
                element.at("id"), Text("PM321.never.hint"))


def leads_onward(page: Page, element: Element) -> bool:
    """Whether an action of the element moves the user on: to a page, a dialog, a toast; or,
    done from the content (not the navbar's back arrow), back or closed — choosing an address
    and returning, confirming a dialog."""
    for _, jumps in element.actions():
        for jump in jumps:
            if jump.to is None:
                continue
            if jump.to not in SPECIAL_TARGETS or element.type != "navbar":
                return True
    return False


def _no_way_onward(project: Project, page: Page) -> Iterator[Issue]:
    if page.kind == "toast" or page.terminal or page.dismissible or "tab" in page.entry:
        return                                                 # a tab bar leads on from a tab page
    if not any(leads_onward(page, element) for element in page.elements):
        return                                                 # PM312 / PM313 say the page's case
    opening = page.opening_state
    if any(leads_onward(page, element) for element in page.shown_in(page.state(opening))):
        return
    location = page.at("default_state") if page.default_state == opening else page.key_at("states")
    yield make_issue("PM322", Text("PM322.stuck", context=named(page.kind, page.id), state=opening),
                     location, Text("PM322.stuck.hint"))
