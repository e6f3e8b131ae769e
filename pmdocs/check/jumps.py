"""Checks: the map of the product — entry pages, reachability, dead ends, dialogs that cannot
be closed, and conditional jumps that leave a gap (PM310–PM314)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, about, make_issue
from ..messages import Text, noun
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
        yield make_issue("PM310", Text("PM310.no_entry"), first.at("id"),
                         Text("PM310.no_entry.hint"), subject=("pages", first.id))
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
            yield make_issue("PM311", Text("PM311.unreachable", kind=noun(page.kind), id=page.id,
                                           title=page.title), page.at("id"),
                             Text("PM311.unreachable.hint"), subject=("pages", page.id))


def _way_out(page: Page) -> Iterator[Issue]:
    if page.kind == "page" and not page.terminal and not has_way_out(page):
        yield make_issue("PM312", Text("PM312.dead_end", id=page.id, title=page.title),
                         page.at("id"), Text("PM312.dead_end.hint"))
    if page.kind in ("dialog", "sheet") and not page.dismissible and not has_way_out(page):
        yield make_issue("PM313", Text("PM313.no_close", kind=noun(page.kind), id=page.id,
                                       title=page.title), page.at("id"), Text("PM313.no_close.hint"))


def _gaps(page: Page, element: Element) -> Iterator[Issue]:
    for event, jumps in element.actions():
        conditions = [jump.when for jump in jumps if jump.when]
        if conditions and len(conditions) == len(jumps):
            listed = " / ".join(conditions)
            yield make_issue("PM314", Text("PM314.gap", page=page.id, element=element.id,
                                           event=Text("event." + event), conditions=listed),
                             element.at("on_" + event), Text("PM314.gap.hint"))
