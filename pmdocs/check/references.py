"""Checks: every reference by id resolves (PM301), with a did-you-mean hint."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..issues import Issue, Location, did_you_mean, make_issue
from ..model import Project
from ..model.spec import SPECIAL_TARGETS, Element, Feature, Page, Rule


def unknown_reference(context: str, kind: str, value: str, location: Location,
                      choices: Iterable[str]) -> Issue:
    choices = sorted(set(choices))
    hint = did_you_mean(value, choices) or (f"known {kind}s: {', '.join(choices[:8])}"
                                            + (" …" if len(choices) > 8 else "")
                                            if choices else f"no {kind} is defined yet")
    return make_issue("PM301", f"{context}: unknown {kind} `{value}`", location, hint)


def check(project: Project) -> Iterator[Issue]:
    targets = project.known_ids("pages") | set(SPECIAL_TARGETS)
    for feature in project.features:
        yield from _feature(project, feature)
    for page in project.pages:
        yield from _page(project, page, targets)
    for rule in project.rules:
        yield from _rule(project, rule, targets)
    roles = project.known_ids("roles")
    for business_object in project.objects:
        context = f"object `{business_object.id}`"
        for relation in business_object.relations:
            yield from _refs(context, "object", [relation.to], project.known_ids("objects"),
                             lambda _, r=relation: r.at("to"))
        if business_object.lifecycle is not None:
            for transition in business_object.lifecycle.transitions:
                if transition.by is not None and transition.by not in roles:
                    yield unknown_reference(context, "role", transition.by, transition.at("by"), roles)


def _refs(context: str, kind: str, values: Iterable[str], known: set[str], locate) -> Iterator[Issue]:
    for index, value in enumerate(values):
        if value not in known:
            yield unknown_reference(context, kind, value, locate(index), known)


def _feature(project: Project, feature: Feature) -> Iterator[Issue]:
    context = f"feature `{feature.id}`"
    for section, values in feature.links().items():
        kind = section[:-1]
        yield from _refs(context, kind, values, project.known_ids(section),
                         lambda index, s=section: feature.at(s, index))
    releases = {release.id for release in project.settings.releases}
    if feature.release is not None and feature.release not in releases:
        yield unknown_reference(context, "release", feature.release, feature.at("release"), releases)


def _page(project: Project, page: Page, targets: frozenset[str]) -> Iterator[Issue]:
    context = f"page `{page.id}`"
    roles = project.known_ids("roles")
    yield from _refs(context, "role", page.roles, roles, lambda index: page.at("roles", index))
    modules = {module.id for module in project.settings.modules}
    if modules and page.module is not None and page.module not in modules:
        yield unknown_reference(context, "module", page.module, page.at("module"), modules)
    element_ids = {element.id for element in page.elements}
    for state in page.states:
        for field in ("shows", "hides"):
            yield from _refs(f"{context} › state `{state.name}`", "element", getattr(state, field),
                             element_ids, lambda index, s=state, f=field: s.at(f, index))
    for element in page.elements:
        yield from _element(project, f"{context} › element `{element.id}`", element, targets)


def _element(project: Project, context: str, element: Element,
             targets: frozenset[str]) -> Iterator[Issue]:
    yield from _refs(context, "role", element.roles, project.known_ids("roles"),
                     lambda index: element.at("roles", index))
    yield from _refs(context, "rule", element.rules, project.known_ids("rules"),
                     lambda index: element.at("rules", index))
    if element.shows is not None:
        yield from _attribute(project, context, element.shows, lambda: element.at("shows"))
    for event, jumps in element.actions():
        for jump in jumps:
            if jump.to is not None and jump.to not in targets:
                yield unknown_reference(f"{context} › on {event}", "page", jump.to, jump.at("to"),
                                        targets)


def _attribute(project: Project, context: str, value: str,
               locate: Callable[[], Location]) -> Iterator[Issue]:
    """`object.attribute`, as an element's `shows:` names it."""
    yield from _member(project, context, value, locate, ("objects", "object"), "attribute",
                       lambda business_object: business_object.attributes)


def _member(project: Project, context: str, value: str, locate: Callable[[], Location],
            owner: tuple[str, str], kind: str, members_of) -> Iterator[Issue]:
    """An `owner.member` reference: the owner first (section, kind), then its member.
    (`locate` gives the reference's location, only computed for a problem.)"""
    section, owner_kind = owner
    owner_id, _, member_id = value.partition(".")
    known = project.known_ids(section)
    if owner_id not in known:
        yield unknown_reference(context, owner_kind, owner_id, locate(), known)
        return
    item = project.index[section].get(owner_id)
    if item is None:      # the owner itself failed validation
        return
    members = {member.id for member in members_of(item)}
    if not member_id or member_id not in members:
        choices = {f"{owner_id}.{member}" for member in members}
        yield unknown_reference(context, kind, value, locate(), choices)


def _rule(project: Project, rule: Rule, pages: frozenset[str]) -> Iterator[Issue]:
    context = f"rule `{rule.id}`"
    applies = rule.applies_to
    yield from _refs(context, "feature", applies.features, project.known_ids("features"),
                     lambda index: applies.at("features", index))
    yield from _refs(context, "page", applies.pages, project.known_ids("pages"),
                     lambda index: applies.at("pages", index))
    for index, value in enumerate(applies.elements):
        yield from _page_element(project, context, value,
                                 lambda i=index: applies.at("elements", i))
    roles = project.known_ids("roles")
    for parameter in rule.parameters:
        yield from _refs(f"{context} › parameter `{parameter.id}`", "role", parameter.editable_by,
                         roles, lambda index, p=parameter: p.at("editable_by", index))
    for row in rule.table:
        if row.then.to is not None and row.then.to not in pages:
            yield unknown_reference(context, "page", row.then.to, row.then.at("to"), pages)


def _page_element(project: Project, context: str, value: str,
                  locate: Callable[[], Location]) -> Iterator[Issue]:
    """`page.element`, as a rule's `applies_to` names it."""
    yield from _member(project, context, value, locate, ("pages", "page"), "element",
                       lambda page: page.elements)
