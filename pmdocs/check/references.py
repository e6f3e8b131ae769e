"""Checks: every reference by id resolves (PM301), with a did-you-mean hint. The references
are the project index's (`model.index`), the same list the site's "referenced by" reads; a
page's states naming its own elements are checked here too."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Iterable, Iterator

from ..issues import Issue, Location, about, did_you_mean, make_issue
from ..messages import Text, noun, place
from ..model import Project
from ..model.errors import SINGULAR
from ..model.index import Reference
from ..model.spec import SECTIONS, SPECIAL_TARGETS, Page

CHECKED_ELSEWHERE = {"lane"}
"""Relations another check reports with a code of its own (a flow's lanes: PM370)."""
MEMBERS: dict[str, Callable[[Any], list[str]]] = {
    "attribute": lambda item: [attribute.id for attribute in item.attributes],
    "element": lambda item: [element.id for element in item.elements],
    "event": lambda item: [transition.on for transition in item.lifecycle.transitions
                           if transition.on] if item.lifecycle is not None else [],
}
"""What the part after the dot of an `owner.member` reference may be, by kind."""
MEMBER_KINDS = {"attribute": "attribute", "element": "element", "event": "lifecycle event"}
KINDS = {**SINGULAR, "releases": "release", "modules": "module"}


def unknown_reference(context: str, kind: str, value: str, location: Location,
                      choices: Iterable[str]) -> Issue:
    choices = sorted(set(choices))
    noun_of_kind = noun(kind)
    hint = did_you_mean(value, choices) or (
        Text("PM301.known", kind=noun_of_kind,
             known=", ".join(choices[:8]) + (" …" if len(choices) > 8 else ""))
        if choices else Text("PM301.none_defined", kind=noun_of_kind))
    return make_issue("PM301", Text("PM301.unknown", context=context, kind=noun_of_kind,
                                    value=value), location, hint)


def check(project: Project) -> Iterator[Issue]:
    known: dict[str, frozenset[str]] = {section: project.known_ids(section) for section in SECTIONS}
    known["releases"] = frozenset(release.id for release in project.settings.releases)
    known["modules"] = frozenset(module.id for module in project.settings.modules)
    targets = known["pages"] | frozenset(SPECIAL_TARGETS)    # where a jump or an outcome may go
    for reference in project.index.references:
        if reference.relation not in CHECKED_ELSEWHERE:
            choices = targets if reference.relation in ("jump", "outcome") else \
                known[reference.section]
            problem = _resolve(project, reference, choices)
            if problem is not None:
                yield replace(problem, subject=reference.source)
    for page in project.pages:
        yield from about(("pages", page.id), _states(page))


def _resolve(project: Project, reference: Reference, choices: frozenset[str]) -> Issue | None:
    """The problem with a reference, if any (the check runs this for each of thousands)."""
    section, owner = reference.target
    if owner not in choices:
        return unknown_reference(place(reference.context), KINDS[section], owner,
                                 reference.owner_location, choices)
    if not reference.member:
        return None
    item = project.index.item(section, owner)
    if item is None:      # the owner itself failed validation
        return None
    members = set(MEMBERS[reference.member](item))
    member_id = reference.value.partition(".")[2]
    if not member_id or member_id not in members:
        return unknown_reference(place(reference.context), MEMBER_KINDS[reference.member],
                                 reference.value, reference.location,
                                 {f"{owner}.{member}" for member in members})
    return None


def _states(page: Page) -> Iterator[Issue]:
    """A state's `shows` and `hides` name elements of its own page."""
    element_ids = {element.id for element in page.elements}
    for state in page.states:
        for field in ("shows", "hides"):
            for index, value in enumerate(getattr(state, field)):
                if value not in element_ids:
                    yield unknown_reference(place((("page", page.id), ("state", state.name))),
                                            "element", value, state.at(field, index), element_ids)
