"""Every mention of an item by id inside another, as the project index lists them: a feature's
links, a page's roles, rules, jumps and shown attributes, a rule's `applies_to`, outcomes and
inputs, a flow's lanes and what its steps name, an object's relations and lifecycle. The check
reports the unknown ones (PM301); the site's "referenced by" reads the same list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from ..issues import Location
from ..messages import Place
from .base import Spec
from .spec import SPECIAL_TARGETS, BusinessObject, Flow, Page, Rule

if TYPE_CHECKING:
    from .project import Project

Key = tuple[str, str]
"""An item by section and id: ("pages", "cart")."""


class Reference(NamedTuple):
    """One mention of an item by id inside another (or inside pmdocs.yml's settings).
    A named tuple, like the index's jumps: a large project has tens of thousands, and a
    tuple is several times cheaper to make than a frozen dataclass."""

    source: Key
    relation: str
    """How it mentions: `roles`, `pages` … (a feature's links), `jump`, `shows`, `rules`,
    `applies_to`, `outcome`, `input_from`, `editable_by`, `lane`, `relation`, `transition_by`,
    `lifecycle_attribute`, `release`, `module`; a flow step's `step_page`, `step_feature`,
    `step_rule`, `step_fires`."""
    section: str
    """The kind of thing named: an item section, or `releases` or `modules`."""
    value: str
    """As written: `login`, or `order.status` for a member (`shows`, `applies_to` elements,
    `order.支付成功` for the event of a lifecycle transition a step fires)."""
    member: str = ""
    """For `owner.member` references, what the member is: `attribute`, `element`, `event`."""
    context: Place | str = ()
    """Where the mention is, for a message (`messages.place`): page `cart` › element `buy` ›
    on tap."""
    node: Spec | None = None
    path: tuple = ()
    part: str = ""
    """The part of the source item that mentions, where it has parts with ids: a flow's step."""
    owner_path: tuple = ()
    """Where the owner of an `owner.member` reference is written, when apart from the member
    (a step's `fires: {object, on}`); else the owner is where the whole value is."""

    @property
    def target(self) -> Key:
        """The item named (its owner, for `object.attribute` and `page.element`)."""
        return (self.section, self.value.partition(".")[0] if self.member else self.value)

    @property
    def location(self) -> Location:
        """Where it is written (computed only when asked: positions cost)."""
        assert self.node is not None
        return self.node.at(*self.path)

    @property
    def owner_location(self) -> Location:
        """Where the owner of a member reference is written."""
        assert self.node is not None
        return self.node.at(*self.owner_path) if self.owner_path else self.location


def references(project: "Project") -> Iterator[Reference]:
    """Every mention of an item by id, in spec order (the check reports the unknown ones)."""
    for feature in project.features:
        source, context = ("features", feature.id), (("feature", feature.id),)
        for section, values in feature.links().items():
            for index, value in enumerate(values):
                yield Reference(source, section, section, value, "", context, feature, (section, index))
        if feature.release is not None:
            yield Reference(source, "release", "releases", feature.release, "", context, feature,
                            ("release",))
    for page in project.pages:
        yield from _page_references(project, page)
    for rule in project.rules:
        yield from _rule_references(rule)
    for flow in project.flows:
        yield from _flow_references(flow)
    for business_object in project.objects:
        yield from _object_references(business_object)


def _page_references(project: "Project", page: Page) -> Iterator[Reference]:
    source, context = ("pages", page.id), (("page", page.id),)
    for index, role in enumerate(page.roles):
        yield Reference(source, "roles", "roles", role, "", context, page, ("roles", index))
    if project.settings.modules and page.module is not None:
        yield Reference(source, "module", "modules", page.module, "", context, page, ("module",))
    for element in page.elements:
        where = (*context, ("element", element.id))
        for index, role in enumerate(element.roles):
            yield Reference(source, "roles", "roles", role, "", where, element, ("roles", index))
        for index, rule in enumerate(element.rules):
            yield Reference(source, "rules", "rules", rule, "", where, element, ("rules", index))
        if element.shows is not None:
            yield Reference(source, "shows", "objects", element.shows, "attribute", where, element,
                            ("shows",))
        for event, jumps in element.actions():
            for jump in jumps:
                if jump.to is not None and jump.to not in SPECIAL_TARGETS:
                    yield Reference(source, "jump", "pages", jump.to, "", (*where, ("on", event)),
                                    jump, ("to",))


def _rule_references(rule: Rule) -> Iterator[Reference]:
    source, context = ("rules", rule.id), (("rule", rule.id),)
    applies = rule.applies_to
    for field_name, section, member in (("features", "features", ""), ("pages", "pages", ""),
                                        ("elements", "pages", "element")):
        for index, value in enumerate(getattr(applies, field_name)):
            yield Reference(source, "applies_to", section, value, member, context, applies,
                            (field_name, index))
    for parameter in rule.parameters:
        for index, role in enumerate(parameter.editable_by):
            yield Reference(source, "editable_by", "roles", role, "",
                            (*context, ("parameter", parameter.id)), parameter,
                            ("editable_by", index))
    for row in rule.table:
        if row.then.to is not None and row.then.to not in SPECIAL_TARGETS:
            yield Reference(source, "outcome", "pages", row.then.to, "", context, row.then, ("to",))
    for item in rule.inputs:
        if item.source:
            yield Reference(source, "input_from", "objects", item.source,
                            "attribute" if "." in item.source else "",
                            (*context, ("input", item.id)), item, ("from",))


def _flow_references(flow: Flow) -> Iterator[Reference]:
    source, context = ("flows", flow.id), (("flow", flow.id),)
    for index, lane in enumerate(flow.lanes):
        yield Reference(source, "lane", "roles", lane, "", context, flow, ("lanes", index))
    for step in flow.steps:
        where = (*context, ("step", step.id))
        for index, page_id in enumerate(step.pages):
            yield Reference(source, "step_page", "pages", page_id, "", where, step,
                            ("pages", index), step.id)
        if step.feature is not None:
            yield Reference(source, "step_feature", "features", step.feature, "", where, step,
                            ("feature",), step.id)
        if step.rule is not None:
            yield Reference(source, "step_rule", "rules", step.rule, "", where, step, ("rule",),
                            step.id)
        for fires in step.fires:
            yield Reference(source, "step_fires", "objects", f"{fires.object_id}.{fires.on}",
                            "event", where, fires, ("on",), step.id, ("object",))


def _object_references(business_object: BusinessObject) -> Iterator[Reference]:
    source, context = ("objects", business_object.id), (("object", business_object.id),)
    for relation in business_object.relations:
        yield Reference(source, "relation", "objects", relation.to, "", context, relation, ("to",))
    lifecycle = business_object.lifecycle
    if lifecycle is not None and lifecycle.attribute is not None:
        yield Reference(source, "lifecycle_attribute", "objects",
                        f"{business_object.id}.{lifecycle.attribute}", "attribute",
                        (*context, ("lifecycle", None)), lifecycle, ("attribute",))
    if business_object.lifecycle is not None:
        for transition in business_object.lifecycle.transitions:
            if transition.by is not None:
                yield Reference(source, "transition_by", "roles", transition.by, "", context,
                                transition, ("by",))
