"""Checks: ids used twice (PM207) — across files per kind, and inside one item."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..issues import Issue, about, make_issue
from ..messages import Text, noun
from ..model import Project
from ..model.spec import SECTIONS, Spec
from ..model.errors import SINGULAR


def check(project: Project) -> Iterator[Issue]:
    for section in SECTIONS:
        yield from duplicates(project.items(section), SINGULAR[section], ("project", ""), section)
    settings = project.settings
    yield from about(("settings", "releases"),
                     duplicates(settings.releases, "release", ("project_file", "")))
    yield from about(("settings", "modules"),
                     duplicates(settings.modules, "module", ("project_file", "")))
    for page in project.pages:
        yield from about(("pages", page.id), duplicates(page.elements, "element", ("page", page.id)))
    for flow in project.flows:
        yield from about(("flows", flow.id), duplicates(flow.steps, "step", ("flow", flow.id)))
        yield from about(("flows", flow.id), duplicates(flow.stages, "stage", ("flow", flow.id)))
    for business_object in project.objects:
        subject = ("objects", business_object.id)
        yield from about(subject, duplicates(business_object.attributes, "attribute",
                                             ("object", business_object.id)))
        if business_object.lifecycle is not None:
            yield from about(subject, duplicates(business_object.lifecycle.states,
                                                 "lifecycle state", ("object", business_object.id)))
    for rule in project.rules:
        yield from about(("rules", rule.id), duplicates(rule.inputs, "input", ("rule", rule.id)))
        yield from about(("rules", rule.id),
                         duplicates(rule.parameters, "parameter", ("rule", rule.id)))


def duplicates(items: Iterable[Spec], kind: str, scope: tuple[str, str],
               section: str | None = None) -> Iterator[Issue]:
    """One issue at every place an id is used again, each naming the other places (about
    the item so named when the items are a `section`'s). `scope` is where ids must differ:
    `("page", "cart")` (worded only for a problem: `scope.<kind>` in the catalogues)."""
    places: dict[str, list[Spec]] = {}
    for item in items:
        places.setdefault(item.id, []).append(item)
    for item_id, same in sorted(places.items()):
        if len(same) < 2:
            continue
        for item in same:
            others = [other.at("id") for other in same if other is not item]
            listed = ", ".join(str(place) for place in others)
            yield make_issue("PM207", Text("PM207.twice", kind=noun(kind), id=item_id,
                                           count=len(same), scope=Text("scope." + scope[0],
                                                                       id=scope[1]),
                                           places=listed),
                             item.at("id"), Text("PM207.twice.hint"), related=others,
                             subject=(section, item_id) if section else None)
