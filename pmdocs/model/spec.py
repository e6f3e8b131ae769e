"""The spec language: every kind of item a PRD is made of, as frozen pydantic models.

These classes are both the validator of spec files and the typed model the later stages
(check, graph, render) read; `pmdocs schema` derives the editors' JSON Schema from them.
Field docstrings become the schema's descriptions.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field
from pydantic.json_schema import SkipJsonSchema

from .base import Id, Markdown, Ref, Spec, list_of, named_mapping, one_or_many, text_or

Text = str
Scalar = Union[bool, int, float, str, None]

# ------------------------------------------------------------------------------- roles

RoleKind = Literal["user", "staff", "system", "external"]


class Role(Spec):
    """Someone or something that acts: a customer, an operator, a payment system."""

    id: Id
    name: Text
    """The role's name as readers know it, e.g. 买家."""
    description: Markdown = ""
    kind: RoleKind = "user"
    """user (a customer), staff (operations, service), system (our own back end), external."""


# ----------------------------------------------------------------------------- objects

AttributeType = Literal["text", "integer", "number", "money", "bool", "enum", "date", "datetime",
                        "time", "duration", "image", "file", "id", "ref", "list", "other"]
Cardinality = Literal["1", "0..1", "1..n", "0..n", "n"]


def _cardinality_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Attribute(Spec):
    """A key attribute of a business object."""

    id: Id
    name: Text = ""
    """The attribute's name as readers know it, e.g. 订单状态."""
    type: AttributeType = "text"
    required: bool = False
    values: list[Text] = Field(default_factory=list)
    """The allowed values of an enum attribute."""
    note: Text = ""


class Relation(Spec):
    """How one object relates to another (`order` has `1..n` `order_item`)."""

    to: Ref
    cardinality: Annotated[Cardinality, BeforeValidator(
        _cardinality_text, json_schema_input_type=Cardinality | Literal[1])] = "1"
    label: Text = ""


class LifecycleState(Spec):
    id: Id
    name: Text = ""
    description: Text = ""


class Transition(Spec):
    """A move of an object from one state to another."""

    source: Ref = Field(alias="from")
    to: Ref
    on: Text = ""
    """The event that triggers the move, e.g. 支付成功."""
    when: Text = ""
    """A condition that must hold."""
    by: Ref | None = None
    """The role that makes the move."""


class Lifecycle(Spec):
    """The states an object moves through, e.g. an order: created → paid → shipped → done."""

    states: list_of(LifecycleState, "id")
    initial: Ref
    final: one_or_many(Ref) = Field(default_factory=list)
    transitions: list[Transition] = Field(default_factory=list)


class BusinessObject(Spec):
    """A noun of the business: an order, a coupon, a campaign."""

    id: Id
    name: Text
    description: Markdown = ""
    attributes: list[Attribute] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    lifecycle: Lifecycle | None = None


# ------------------------------------------------------------------------------- flows

StepKind = Literal["start", "task", "decision", "end"]


class Next(Spec):
    """An arrow from one step to another; a decision's arrows carry their condition."""

    to: Ref
    when: Text = ""


class Stage(Spec):
    id: Id
    title: Text = ""


class Step(Spec):
    id: Id
    lane: Ref
    """The role (one of the flow's lanes) that does this step."""
    stage: Ref | None = None
    kind: StepKind = "task"
    label: Text = ""
    inputs: list[Text] = Field(default_factory=list)
    outputs: list[Text] = Field(default_factory=list)
    next: list_of(Next, "to") = Field(default_factory=list)


class Flow(Spec):
    """A business flow: who does what, in which stage (drawn as a swimlane diagram)."""

    id: Id
    title: Text
    description: Markdown = ""
    lanes: list[Ref]
    """Role ids, one lane each, in the order they are drawn."""
    stages: list_of(Stage, "id") = Field(default_factory=list)
    steps: list[Step]


# ---------------------------------------------------------------------------- features

Priority = Literal["P0", "P1", "P2", "P3"]
FeatureStatus = Literal["draft", "review", "approved", "building", "done", "dropped"]


class Criterion(Spec):
    """An acceptance criterion: given … when … then …."""

    given: Text = ""
    when: Text = ""
    then: Text


class Feature(Spec):
    """A requirement: what is built, for whom, and how we know it is done."""

    id: Id
    title: Text
    story: Markdown = ""
    """The user story: 作为…，我想要…，以便…."""
    description: Markdown = ""
    priority: Priority = "P2"
    status: FeatureStatus = "draft"
    release: Ref | None = None
    owner: Text = ""
    roles: list[Ref] = Field(default_factory=list)
    pages: list[Ref] = Field(default_factory=list)
    rules: list[Ref] = Field(default_factory=list)
    flows: list[Ref] = Field(default_factory=list)
    objects: list[Ref] = Field(default_factory=list)
    acceptance: list[Criterion] = Field(default_factory=list)

    def links(self) -> dict[str, tuple[str, ...]]:
        return {"roles": tuple(self.roles), "pages": tuple(self.pages), "rules": tuple(self.rules),
                "flows": tuple(self.flows), "objects": tuple(self.objects)}


# ------------------------------------------------------------------------------- pages

PageKind = Literal["page", "dialog", "sheet", "toast"]
Device = Literal["mobile", "web"]
EntrySource = Literal["direct", "launch", "tab", "push", "link", "share", "search", "qr", "ad"]
ElementType = Literal[
    "navbar", "tabbar", "text", "input", "textarea", "search", "button", "link", "list", "table",
    "card", "image", "video", "banner", "tab", "select", "switch", "checkbox", "radio", "stepper",
    "date", "countdown", "progress", "badge", "qrcode", "map", "other"]
EVENTS = ("tap", "long_press", "change", "submit", "select", "swipe")
SPECIAL_TARGETS = ("back", "close")


def _entry_sources(value: Any) -> Any:
    if value is True:
        return ["direct"]
    if value is False or value is None:
        return []
    return value if isinstance(value, list) else [value]


class Jump(Spec):
    """What one user action does: go to a page or dialog (`to`), under a condition (`when`),
    or `back` / `close`; with the system's effect. No `to` means the user stays."""

    to: Ref | None = None
    when: Text = ""
    """The condition, in the user's words; a jump without `when` is the default."""
    effect: Text = ""
    """What the system does, e.g. 创建订单并锁定库存."""
    note: Text = ""


Jumps = list_of(Jump, "to")


class Element(Spec):
    """One thing on a page: a button, a list, an input …"""

    id: Id
    type: ElementType
    label: Text = ""
    """The visible text (a button's caption, a field's name)."""
    placeholder: Text = ""
    items: list[Text] = Field(default_factory=list)
    """Example rows of a list, tab names, options of a select."""
    notes: Markdown = ""
    rules: list[Ref] = Field(default_factory=list)
    shows: Ref | None = None
    """The object attribute it shows, as `object.attribute`."""
    roles: list[Ref] = Field(default_factory=list)
    """Roles that may see and use it (all when empty)."""
    on_tap: Jumps = Field(default_factory=list)
    on_long_press: Jumps = Field(default_factory=list)
    on_change: Jumps = Field(default_factory=list)
    on_submit: Jumps = Field(default_factory=list)
    on_select: Jumps = Field(default_factory=list)
    on_swipe: Jumps = Field(default_factory=list)

    def actions(self) -> list[tuple[str, tuple[Jump, ...]]]:
        """The element's events that do something, in a fixed order."""
        jumps_by_event = (self.on_tap, self.on_long_press, self.on_change, self.on_submit,
                          self.on_select, self.on_swipe)     # in the order of EVENTS
        return [(event, tuple(jumps)) for event, jumps in zip(EVENTS, jumps_by_event) if jumps]


class State(Spec):
    """One state of a page: what the user sees in it."""

    name: SkipJsonSchema[str] = ""
    description: Text = ""
    shows: list[Ref] = Field(default_factory=list)
    """Elements shown only in this state."""
    hides: list[Ref] = Field(default_factory=list)
    """Elements hidden in this state."""
    copy_text: one_or_many(Text) = Field(default_factory=list, alias="copy")
    """The copy shown in this state."""


class CopyEntry(Spec):
    key: SkipJsonSchema[str] = ""
    text: Text = ""


class Page(Spec):
    """A page, dialog, sheet or toast, with its elements, actions and states."""

    id: Id
    title: Text
    kind: PageKind = "page"
    module: Ref | None = None
    menu: Text = ""
    entry: Annotated[list[EntrySource], BeforeValidator(
        _entry_sources, json_schema_input_type=bool | EntrySource | list[EntrySource])] = Field(default_factory=list)
    """`true` when a user can open it directly, or where from: tab, push, link, share, qr …"""
    terminal: bool = False
    """The flow ends here by design (no way out is needed)."""
    dismissible: bool = False
    """A dialog or sheet the user can close by tapping outside or pressing back."""
    loads_data: bool | None = None
    """Whether the page shows loaded data (and so needs empty/error/offline states);
    inferred from lists and bound elements when not given."""
    device: Device | None = None
    description: Markdown = ""
    roles: list[Ref] = Field(default_factory=list)
    elements: list[Element] = Field(default_factory=list)
    states: named_mapping(State, "name", "description") = Field(default_factory=list)
    copy_text: named_mapping(CopyEntry, "key", "text") = Field(default_factory=list, alias="copy")
    """Other user-visible copy of the page, by key."""

    @property
    def is_entry(self) -> bool:
        return bool(self.entry)

    def element(self, element_id: str) -> Element | None:
        return next((element for element in self.elements if element.id == element_id), None)

    def state(self, name: str) -> State | None:
        return next((state for state in self.states if state.name == name), None)


# ------------------------------------------------------------------------------- rules

ParameterType = Literal["integer", "number", "money", "percent", "bool", "text", "enum", "date",
                        "datetime", "time", "duration"]
InputType = Literal["enum", "bool", "integer", "text"]
HitPolicy = Literal["unique", "first", "any"]


class Parameter(Spec):
    """A value operations staff may change in the back office: a limit, a date, some copy."""

    id: Id
    title: Text = ""
    type: ParameterType = "integer"
    default: Scalar = None
    min: int | float | None = None
    max: int | float | None = None
    values: list[Text] = Field(default_factory=list)
    """The choices of an enum parameter."""
    unit: Text = ""
    editable_by: list[Ref] = Field(default_factory=list)
    """Roles that may change it."""
    note: Text = ""


class Input(Spec):
    """A column of a decision table: what the rule looks at."""

    id: Id
    title: Text = ""
    type: InputType = "enum"
    values: list[Text] = Field(default_factory=list)
    """The values of an enum input."""
    min: int | None = None
    max: int | None = None


class Outcome(Spec):
    """What a row of a decision table decides."""

    result: Text = ""
    state: Text = ""
    """The page state the user sees."""
    copy_text: Text = Field(default="", alias="copy")
    to: Ref | None = None
    effect: Text = ""


class Row(Spec):
    """A row of a decision table: conditions (`-` for any) → outcome."""

    when: dict[str, Scalar | list[Scalar]] = Field(default_factory=dict)
    """Conditions by input id: a value, a list of values (any of them), `-` for any,
    or for integers a comparison such as `"< 3"`, `"1..5"`, `">= $daily_limit"`."""
    then: text_or(Outcome, "result")
    note: Text = ""


class Window(Spec):
    """The period a limit counts in."""

    kind: Literal["lifetime", "campaign_period", "calendar_day", "calendar_week",
                  "calendar_month", "rolling"]
    timezone: Text = ""
    reset: Text = ""
    """The reset time of calendar windows, e.g. "00:00" (quote it)."""
    duration: Text = ""
    """The length of a rolling window, e.g. 24h, 7d."""


LimitCount = Literal["attempt", "success"]


class Limit(Spec):
    """How often something may happen: who is counted, over which window, what counts."""

    subject: Literal["user", "account", "device", "phone"] | None = None
    scope: Text = ""
    """What the count is kept per: campaign, product, store …"""
    window: text_or(Window, "kind") | None = None
    counts: LimitCount | None = None
    """Which event uses the quota: an attempt, or only a success."""
    returned_on: list[Literal["refund", "cancel", "failure"]] = Field(default_factory=list)
    """Events that give the quota back."""
    max: int | str | None = None
    """The limit: a number, or a parameter as `$name`."""
    exceeded: Text = ""
    """What the user sees when the limit is reached."""


class AppliesTo(Spec):
    features: list[Ref] = Field(default_factory=list)
    pages: list[Ref] = Field(default_factory=list)
    elements: list[Ref] = Field(default_factory=list)
    """Elements as `page.element`."""


class Rule(Spec):
    """A business rule: a decision table, parameters, and (for limits) a `limit` block."""

    id: Id
    title: Text
    description: Markdown = ""
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    parameters: list[Parameter] = Field(default_factory=list)
    inputs: list[Input] = Field(default_factory=list)
    hit: HitPolicy = "unique"
    table: list[Row] = Field(default_factory=list)
    limit: Limit | None = None
    notes: Markdown = ""

    def parameter(self, parameter_id: str) -> Parameter | None:
        return next((item for item in self.parameters if item.id == parameter_id), None)


# ---------------------------------------------------------------------------- settings

Language = Literal["zh", "en"]
DEFAULT_REQUIRED_STATES = ("empty", "loaded", "error", "offline")


class Release(Spec):
    id: Id
    title: Text = ""
    date: datetime.date | Text | None = None
    goal: Text = ""


class Module(Spec):
    id: Id
    title: Text = ""


class GlossaryEntry(Spec):
    term: SkipJsonSchema[str] = ""
    definition: Markdown = ""


class CheckSettings(Spec):
    """How `pmdocs check` judges this project."""

    required_states: list[Text] = Field(default_factory=lambda: list(DEFAULT_REQUIRED_STATES))
    """States every page that shows data must describe."""
    disable: list[Text] = Field(default_factory=list)
    """Check codes to switch off, e.g. PM350."""
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    """A different severity per code, e.g. `PM311: error`."""
    vague_words: bool = True
    """Whether to point out vague words (PM350)."""


class ProjectSettings(Spec):
    """`pmdocs.yml`: the product and how pmdocs treats it (it may hold sections too)."""

    name: Text
    version: Text = ""
    summary: Markdown = ""
    goals: list[Text] = Field(default_factory=list)
    language: Language = "zh"
    glossary: named_mapping(GlossaryEntry, "term", "definition") = Field(default_factory=list)
    releases: list[Release] = Field(default_factory=list)
    modules: list_of(Module, "id") = Field(default_factory=list)
    check: CheckSettings = Field(default_factory=CheckSettings)
    output: Text = "site"
    """The folder `pmdocs build` writes to: a folder inside the project, given relative to it
    (`-o` on the command line may name one elsewhere)."""
    exclude: list[Text] = Field(default_factory=list)
    """Files or folders (globs, relative to the project) that are not spec files."""


SECTIONS: dict[str, type[Spec]] = {
    "roles": Role, "objects": BusinessObject, "flows": Flow,
    "features": Feature, "pages": Page, "rules": Rule,
}
