"""Checks: the map of the product — entry pages, reachability, dead ends, dialogs that cannot
be closed, and conditional jumps that leave a gap (PM310–PM314)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, about, make_issue
from ..model import Project
from ..model.spec import Element, Page


def has_way_out(page: Page) -> bool:
    """Whether any action of the page goes anywhere (an unknown page counts: PM301 says so)."""
    return any(jump.to is not None for element in page.elements
               for _, jumps in element.actions() for jump in jumps)


def check(project: Project) -> Iterator[Issue]:
    if not project.pages:
        return
    if not project.index.entry_pages:
        first = project.pages[0]
        yield make_issue("PM310", "no page is an entry page, so no page can be reached",
                         first.at("id"), "mark the pages users open directly (a tab, a link, a push) "
                         "with `entry: true` or `entry: [tab, push]`", subject=("pages", first.id))
    else:
        yield from _unreachable(project)
    for page in project.pages:
        yield from about(("pages", page.id), _way_out(page))
        yield from about(("pages", page.id), (issue for element in page.elements
                                              for issue in _gaps(page, element)))


def _unreachable(project: Project) -> Iterator[Issue]:
    reachable = project.index.reachable
    for page in project.pages:
        if page.id not in reachable:
            what = "page" if page.kind == "page" else page.kind
            yield make_issue("PM311", f"{what} `{page.id}` ({page.title}) cannot be reached from any "
                             "entry page", page.at("id"),
                             "add a jump to it from a reachable page, mark it `entry: true`, or "
                             "remove it", subject=("pages", page.id))


def _way_out(page: Page) -> Iterator[Issue]:
    if page.kind == "page" and not page.terminal and not has_way_out(page):
        yield make_issue("PM312", f"page `{page.id}` ({page.title}) is a dead end: no element leads "
                         "anywhere, not even back", page.at("id"),
                         "add an action (`on_tap: back`, or a jump `to:` a page), or mark the page "
                         "`terminal: true` if the journey ends here by design")
    if page.kind in ("dialog", "sheet") and not page.dismissible and not has_way_out(page):
        yield make_issue("PM313", f"{page.kind} `{page.id}` ({page.title}) has no way to close",
                         page.at("id"), "add a button with `on_tap: close`, or set "
                         "`dismissible: true` if tapping outside closes it")


def _gaps(page: Page, element: Element) -> Iterator[Issue]:
    for event, jumps in element.actions():
        conditions = [jump.when for jump in jumps if jump.when]
        if conditions and len(conditions) == len(jumps):
            listed = " / ".join(conditions)
            yield make_issue(
                "PM314", f"page `{page.id}` › element `{element.id}`: on {event.replace('_', ' ')}, "
                f"the conditions ({listed}) say nothing of what happens otherwise",
                element.at("on_" + event), "add a last jump without `when` as the default, e.g. "
                "`- {to: …}` (or `- {effect: 无反应}` to stay on the page)")
