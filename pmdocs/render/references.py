"""Who refers to whom: the reverse index behind every item page's "referenced by" list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Project

Key = tuple[str, str]
"""(section, id), e.g. ("pages", "cart")."""


@dataclass(frozen=True)
class Reference:
    source: Key
    relation: str
    """How the source refers: `pages` (a feature lists it), `jump`, `rule`, `lane` …"""


def references(project: Project) -> dict[Key, tuple[Reference, ...]]:
    """For every referenced item, the items that refer to it, sorted and without repeats."""
    found: dict[Key, set[Reference]] = {}
    for target, reference in _all(project):
        if target != reference.source:
            found.setdefault(target, set()).add(reference)
    return {key: tuple(sorted(value, key=lambda item: (item.source, item.relation)))
            for key, value in sorted(found.items())}


def _all(project: Project) -> Iterator[tuple[Key, Reference]]:
    for feature in project.features:
        for section, ids in feature.links().items():
            for item_id in ids:
                yield (section, item_id), Reference(("features", feature.id), section)
    for page in project.pages:
        source = ("pages", page.id)
        for role in page.roles:
            yield ("roles", role), Reference(source, "roles")
        for element in page.elements:
            for rule in element.rules:
                yield ("rules", rule), Reference(source, "rules")
            for role in element.roles:
                yield ("roles", role), Reference(source, "roles")
            if element.shows:
                yield ("objects", element.shows.partition(".")[0]), Reference(source, "shows")
            for _, jumps in element.actions():
                for jump in jumps:
                    if jump.to:
                        yield ("pages", jump.to), Reference(source, "jump")
    yield from _rules_and_flows(project)


def _rules_and_flows(project: Project) -> Iterator[tuple[Key, Reference]]:
    for rule in project.rules:
        source = ("rules", rule.id)
        applies = rule.applies_to
        for feature in applies.features:
            yield ("features", feature), Reference(source, "applies_to")
        for page in list(applies.pages) + [value.partition(".")[0] for value in applies.elements]:
            yield ("pages", page), Reference(source, "applies_to")
        for row in rule.table:
            if row.then.to:
                yield ("pages", row.then.to), Reference(source, "outcome")
    for flow in project.flows:
        for lane in flow.lanes:
            yield ("roles", lane), Reference(("flows", flow.id), "lane")
    for business_object in project.objects:
        for relation in business_object.relations:
            yield ("objects", relation.to), Reference(("objects", business_object.id), "relation")
