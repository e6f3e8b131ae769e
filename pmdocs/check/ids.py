"""Checks: ids used twice (PM207) — across files per kind, and inside one item."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..issues import Issue, make_issue
from ..model import Project
from ..model.spec import SECTIONS, Spec
from ..model.errors import SINGULAR


def check(project: Project) -> Iterator[Issue]:
    for section in SECTIONS:
        yield from duplicates(project.items(section), SINGULAR[section], "in the project")
    settings = project.settings
    yield from duplicates(settings.releases, "release", "in pmdocs.yml")
    yield from duplicates(settings.modules, "module", "in pmdocs.yml")
    for page in project.pages:
        yield from duplicates(page.elements, "element", f"on page `{page.id}`")
    for flow in project.flows:
        yield from duplicates(flow.steps, "step", f"in flow `{flow.id}`")
        yield from duplicates(flow.stages, "stage", f"in flow `{flow.id}`")
    for business_object in project.objects:
        yield from duplicates(business_object.attributes, "attribute", f"of object `{business_object.id}`")
        if business_object.lifecycle is not None:
            yield from duplicates(business_object.lifecycle.states, "lifecycle state",
                                  f"of object `{business_object.id}`")
    for rule in project.rules:
        yield from duplicates(rule.inputs, "input", f"of rule `{rule.id}`")
        yield from duplicates(rule.parameters, "parameter", f"of rule `{rule.id}`")


def duplicates(items: Iterable[Spec], kind: str, scope: str) -> Iterator[Issue]:
    """One issue at every place an id is used again, each naming the other places."""
    places: dict[str, list[Spec]] = {}
    for item in items:
        places.setdefault(item.id, []).append(item)
    for item_id, same in sorted(places.items()):
        if len(same) < 2:
            continue
        for item in same:
            others = [other.at("id") for other in same if other is not item]
            listed = ", ".join(str(place) for place in others)
            yield make_issue("PM207", f"{kind} id `{item_id}` is used {len(same)} times {scope} "
                             f"(also at {listed})", item.at("id"),
                             "ids must be unique; rename one of them", related=others)
