"""The values a rule input takes from the model (`from: order.status`): an enum attribute's
`values`, or the states of an object's lifecycle. Derived once, in the project index; the
check analyses a decision table over these values, and the site shows where they come from."""

from __future__ import annotations

from typing import Mapping, NamedTuple

from .spec import BusinessObject, Lifecycle


class Domain(NamedTuple):
    """What an input's `from` names, and the values found there."""

    object_id: str
    attribute_id: str
    """Empty for `from: object` (the lifecycle's states)."""
    values: tuple[str, ...]
    problem: str = ""
    """Why there are no values: `no_values` (an attribute that is neither an enum with values
    nor the lifecycle's), `no_lifecycle` (an object without one); empty when there are."""


def domain_of(objects: Mapping[str, BusinessObject], source: str) -> Domain | None:
    """The domain `source` (`object` or `object.attribute`) names; None when the object or the
    attribute is unknown (a reference the check reports, PM301)."""
    object_id, _, attribute_id = source.partition(".")
    business_object = objects.get(object_id)
    if business_object is None:
        return None
    lifecycle = business_object.lifecycle
    if not attribute_id:
        if lifecycle is None:
            return Domain(object_id, "", (), "no_lifecycle")
        return Domain(object_id, "", state_ids(lifecycle))
    attribute = next((item for item in business_object.attributes if item.id == attribute_id), None)
    if attribute is None:
        return None
    if attribute.values:
        return Domain(object_id, attribute_id, tuple(attribute.values))
    if lifecycle is not None and lifecycle.attribute == attribute_id:
        return Domain(object_id, attribute_id, state_ids(lifecycle))
    return Domain(object_id, attribute_id, (), "no_values")


def state_ids(lifecycle: Lifecycle) -> tuple[str, ...]:
    """The lifecycle's states, each once, in order."""
    return tuple(dict.fromkeys(state.id for state in lifecycle.states))
