"""The business side of the spec language: roles, business objects (attributes, relations,
lifecycles) and business flows (swimlanes of steps)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ..base import Id, Markdown, Ref, Spec, Text, list_of, one_or_many

# ------------------------------------------------------------------------------- roles

RoleKind = Literal["user", "staff", "system", "external"]


class Role(Spec):
    """Someone or something that acts: a customer, an operator, a payment system."""

    id: Id
    """The role's id, used by flow lanes, features, pages and rules to name it, e.g. `buyer`."""
    name: Text
    """The role's name as readers know it, e.g. 买家."""
    description: Markdown = ""
    """Who this role is, what they want and what they may do."""
    kind: RoleKind = "user"
    """What kind of actor: `user` (a customer of the product; the default), `staff` (our own
    operations or service people), `system` (our own back end or a scheduled job), `external`
    (another company's system, e.g. 微信支付)."""


# ----------------------------------------------------------------------------- objects

AttributeType = Literal["text", "integer", "number", "money", "bool", "enum", "date", "datetime",
                        "time", "duration", "image", "file", "id", "ref", "list", "other"]
Cardinality = Literal["1", "0..1", "1..n", "0..n", "n"]


def _cardinality_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Attribute(Spec):
    """A key attribute of a business object."""

    id: Id
    """The attribute's id, e.g. `status`; an element shows it as `object.attribute`."""
    name: Text = ""
    """The attribute's name as readers know it, e.g. 订单状态."""
    type: AttributeType = "text"
    """The kind of value: `text` (the default), `integer`, `number`, `money`, `bool`, `enum`
    (one of `values`), `date`, `datetime`, `time`, `duration`, `image`, `file`, `id`, `ref`
    (points to another object), `list` or `other`."""
    required: bool = False
    """`true` when every object has a value for it; `false` (the default) when it may be empty."""
    values: list[Text] = Field(default_factory=list)
    """The allowed values of an enum attribute, e.g. `[待支付, 已支付, 已取消]`."""
    note: Text = ""
    """Anything else a reader should know: format, source, limits (plain text)."""
    example: Text = ""
    """A typical value, e.g. 赣南脐橙 5 斤装 or ¥39.90: the prototype shows it wherever an
    element shows this attribute (the binding stays in the element's notes)."""


class Relation(Spec):
    """How one object relates to another (`order` has `1..n` `order_item`)."""

    to: Ref
    """The id of the related object, e.g. `order_item`."""
    cardinality: Annotated[Cardinality, BeforeValidator(
        _cardinality_text, json_schema_input_type=Cardinality | Literal[1])] = "1"
    """How many of `to` one object has: `1` (exactly one; the default), `0..1` (none or one),
    `1..n` (one or more), `0..n` (any number), `n` (many). Quote the ones with dots: `"0..n"`."""
    label: Text = ""
    """What the relation means, read from this object to `to`, e.g. 包含."""


class LifecycleState(Spec):
    """A state an object can be in, e.g. 待支付; written as just its id, or with a name."""

    id: Id
    """The state's id, e.g. `paid`; `initial`, `final` and transitions name it."""
    name: Text = ""
    """The state's name as readers know it, e.g. 已支付."""
    description: Text = ""
    """What holds while the object is in this state (plain text)."""


class Transition(Spec):
    """A move of an object from one state to another."""

    source: Ref = Field(alias="from")
    """The id of the state it leaves, e.g. `created`."""
    to: Ref
    """The id of the state it enters, e.g. `paid`."""
    on: Text = ""
    """The event that triggers the move, e.g. 支付成功."""
    when: Text = ""
    """A condition that must also hold, in words, e.g. 未超过支付时限."""
    by: Ref | None = None
    """The id of the role that makes the move, e.g. `buyer` (a `system` role for automatic
    moves)."""


class Lifecycle(Spec):
    """The states an object moves through, e.g. an order: created → paid → shipped → done."""

    states: list_of(LifecycleState, "id")
    """The object's states: a list of ids (`[created, paid, shipped, done, cancelled]`), or of
    mappings with `id`, `name` and `description`."""
    initial: Ref
    """The id of the state a new object starts in, e.g. `created`."""
    final: one_or_many(Ref) = Field(default_factory=list)
    """The id of the state, or a list of them, where the object's life ends, e.g.
    `[done, cancelled]`; a final state needs no way out."""
    transitions: list[Transition] = Field(default_factory=list)
    """The moves between states: each `from` → `to`, with its event (`on`), condition (`when`)
    and role (`by`)."""
    attribute: Ref | None = None
    """The id of the object's attribute that holds its state, e.g. `status`. Its `values`, when
    written, must be the states, by id or by name (PM363); a rule input `from: order.status`
    then takes them as its values."""


class BusinessObject(Spec):
    """A noun of the business: an order, a coupon, a campaign."""

    id: Id
    """The object's id, e.g. `order`."""
    name: Text
    """The object's name as readers know it, e.g. 订单."""
    description: Markdown = ""
    """What the object is in the business and what it is for."""
    attributes: list[Attribute] = Field(default_factory=list)
    """Its key attributes: the ones the business talks about, not every column of a table."""
    relations: list[Relation] = Field(default_factory=list)
    """How it relates to other objects, each with a cardinality."""
    lifecycle: Lifecycle | None = None
    """The states it moves through, when it has any (an order, a coupon, a campaign)."""


# ------------------------------------------------------------------------------- flows

StepKind = Literal["start", "task", "decision", "end"]


class Next(Spec):
    """An arrow from one step to another; a decision's arrows carry their condition."""

    to: Ref
    """The id of the step the arrow leads to."""
    when: Text = ""
    """The condition on this arrow, e.g. 库存充足; each exit of a decision needs one."""


class Stage(Spec):
    """A stage of a business flow (a band of its swimlane diagram), e.g. 下单, 支付, 履约."""

    id: Id
    """The stage's id, e.g. `pay`; a step names it in `stage`."""
    title: Text = ""
    """The stage's name, shown on its band, e.g. 支付."""


class Fires(Spec):
    """A lifecycle transition a step sets off: the object, and the event (`on`) of its
    transition, e.g. `{object: order, on: 支付成功}`."""

    object_id: Ref = Field(alias="object")
    """The id of the business object whose state changes, e.g. `order`."""
    on: Text
    """The event of the transition it fires, exactly as the object's lifecycle writes it in
    `on`, e.g. 支付成功 (every transition of the object with that event)."""


class Step(Spec):
    """One step of a business flow: a start, a task, a decision or an end, in one lane; and
    where it happens in the product: its pages, feature, rule and the transitions it fires."""

    id: Id
    """The step's id, e.g. `submit_order`; other steps' `next` name it."""
    lane: Ref
    """The id of the role (one of the flow's `lanes`) that does this step."""
    stage: Ref | None = None
    """The id of the stage (one of the flow's `stages`) it happens in."""
    kind: StepKind = "task"
    """`start` (where the flow begins), `task` (someone does something; the default),
    `decision` (a question whose exits each have a `when`), `end` (where the flow ends)."""
    label: Text = ""
    """What happens, as the diagram's box says it, e.g. 提交订单 (the id when left out)."""
    inputs: list[Text] = Field(default_factory=list)
    """What the step needs (documents, data, things), e.g. `[购物车商品, 收货地址]`."""
    outputs: list[Text] = Field(default_factory=list)
    """What the step produces, e.g. `[待支付订单]`."""
    next: list_of(Next, "to") = Field(default_factory=list)
    """Where the flow goes after this step: a step id (`next: pay`), a list of ids, or a list
    of `{to, when}` (a decision's exits, each with its condition)."""
    pages: one_or_many(Ref) = Field(default_factory=list)
    """The page or dialog where it happens, or a list of them, e.g. `confirm_order`; the
    swimlane's box links to the first, and each page lists the steps that happen on it."""
    feature: Ref | None = None
    """The id of the feature that builds this step, e.g. `place_order`."""
    rule: Ref | None = None
    """The id of the rule the step applies, e.g. `checkin_lottery` (a decision usually applies
    one); `$parameters` in its exits' conditions are that rule's first."""
    fires: list[Fires] = Field(default_factory=list)
    """The lifecycle transitions the step sets off, each as `{object, on}`, e.g.
    `[{object: order, on: 支付成功}]`; the object's page lists the steps that fire each
    transition."""


class Flow(Spec):
    """A business flow: who does what, in which stage (drawn as a swimlane diagram)."""

    id: Id
    """The flow's id, e.g. `order_flow`."""
    title: Text
    """The flow's name, e.g. 下单流程."""
    description: Markdown = ""
    """What the flow covers, where it starts and ends, and why it matters."""
    lanes: list[Ref]
    """Role ids, one lane each, in the order they are drawn, e.g. `[buyer, merchant, system]`."""
    stages: list_of(Stage, "id") = Field(default_factory=list)
    """The flow's stages in order, one band each: a list of ids, or of `{id, title}`."""
    steps: list[Step]
    """The steps: at least a `start` and an `end`, and the tasks and decisions between."""


__all__ = [
    "Attribute", "AttributeType", "BusinessObject", "Cardinality", "Fires", "Flow", "Lifecycle",
    "LifecycleState", "Next", "Relation", "Role", "RoleKind", "Stage", "Step", "StepKind",
    "Transition"]
