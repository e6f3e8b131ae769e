"""Checks: business object lifecycles — unknown states, states that cannot be reached, and
non-final states with no way out (PM360–PM362); the attribute that holds the state lists the
lifecycle's states (PM363)."""

from __future__ import annotations

from collections import deque
from typing import Iterator

from ..issues import Issue, about, did_you_mean, make_issue
from ..messages import Place, Text, place
from ..model import Project
from ..model.spec import BusinessObject, Lifecycle


def check(project: Project) -> Iterator[Issue]:
    for business_object in project.objects:
        if business_object.lifecycle is not None:
            yield from about(("objects", business_object.id),
                             _lifecycle(business_object, business_object.lifecycle))


def _lifecycle(business_object: BusinessObject, lifecycle: Lifecycle) -> Iterator[Issue]:
    context: Place = (("lifecycle_of", business_object.id),)
    states = [state.id for state in lifecycle.states]
    known = set(states)

    def unknown(value: str, location) -> Issue:
        return make_issue("PM362", Text("PM362.unknown", context=place(context), state=value), location,
                          did_you_mean(value, known) or Text("PM362.unknown.hint",
                                                             states=", ".join(states)))
    if lifecycle.initial not in known:
        yield unknown(lifecycle.initial, lifecycle.at("initial"))
    for index, final in enumerate(lifecycle.final):
        if final not in known:
            yield unknown(final, lifecycle.at("final", index))
    for transition in lifecycle.transitions:
        for field, value in (("from", transition.source), ("to", transition.to)):
            if value not in known:
                yield unknown(value, transition.at(field))
    if lifecycle.initial in known:
        yield from _reachability(context, lifecycle, states)
    yield from _state_attribute(business_object, lifecycle)


def _state_attribute(business_object: BusinessObject, lifecycle: Lifecycle) -> Iterator[Issue]:
    """The attribute that holds the state (`lifecycle: {attribute: status}`): its values, when
    written, are the states, each by its id or its name."""
    attribute = next((item for item in business_object.attributes
                      if item.id == lifecycle.attribute), None)
    if attribute is None or not attribute.values:
        return       # unknown: a reference (PM301); no values: they are the states
    names = {state.id: {state.id, state.name} - {""} for state in lifecycle.states}
    extra = [value for value in attribute.values
             if not any(value in written for written in names.values())]
    missing = [state for state, written in names.items() if not written & set(attribute.values)]
    if not extra and not missing:
        return
    parts = [Text("PM363.no_state", value=value) for value in extra]
    parts += [Text("PM363.missing", state=state) for state in missing]
    yield make_issue("PM363", Text("PM363.values", object=business_object.id,
                                   attribute=attribute.id, parts=tuple(parts)),
                     attribute.at("values"), Text("PM363.values.hint", states=", ".join(names)))


def _reachability(context: Place, lifecycle: Lifecycle, states: list[str]) -> Iterator[Issue]:
    outgoing: dict[str, list[str]] = {state: [] for state in states}
    for transition in lifecycle.transitions:
        if transition.source in outgoing:
            outgoing[transition.source].append(transition.to)
    seen = {lifecycle.initial}
    queue = deque([lifecycle.initial])
    while queue:
        for target in outgoing.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    finals = set(lifecycle.final)
    for index, state in enumerate(lifecycle.states):
        if state.id not in seen:
            yield make_issue("PM360", Text("PM360.unreached", context=place(context), state=state.id,
                                           initial=lifecycle.initial),
                             lifecycle.at("states", index), Text("PM360.unreached.hint"))
        if state.id not in finals and not outgoing.get(state.id):
            yield make_issue("PM361", Text("PM361.stuck", context=place(context), state=state.id),
                             lifecycle.at("states", index), Text("PM361.stuck.hint"))
