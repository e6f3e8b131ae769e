"""The spec language: every kind of item a PRD is made of, as frozen pydantic models.

These classes are both the validator of spec files and the typed model the later stages
(check, graph, render) read; `pmdocs schema` derives the editors' JSON Schema from them.
Class and field docstrings become the schema's descriptions (an editor's hover help), so
they are written for the product manager who types the YAML: what a field means, its
allowed values, and a short example. `schema.py` adds what Markdown fields allow.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field
from pydantic.json_schema import SkipJsonSchema

from .base import Id, Markdown, Ref, Spec, list_of, named_mapping, one_or_many, text_or
from .revisions import GitRevision

Text = str
Scalar = Union[bool, int, float, str, None]

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


class Step(Spec):
    """One step of a business flow: a start, a task, a decision or an end, in one lane."""

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


# ---------------------------------------------------------------------------- features

Priority = Literal["P0", "P1", "P2", "P3"]
FeatureStatus = Literal["draft", "review", "approved", "building", "done", "dropped"]


class Criterion(Spec):
    """An acceptance criterion: given … when … then …."""

    given: Text = ""
    """The situation before, e.g. 购物车里有 2 件商品."""
    when: Text = ""
    """What the user or the system does, e.g. 点击「去结算」."""
    then: Text
    """What must be true afterwards, so a tester can check it, e.g. 打开确认订单页，合计金额正确."""


class Feature(Spec):
    """A requirement: what is built, for whom, and how we know it is done."""

    id: Id
    """The feature's id, e.g. `checkout`."""
    title: Text
    """The feature's name, e.g. 购物车结算."""
    story: Markdown = ""
    """The user story: 作为…，我想要…，以便…."""
    description: Markdown = ""
    """What is built, in more detail than the story."""
    priority: Priority = "P2"
    """How soon it is needed: `P0` (the highest: the MVP cannot ship without it), `P1`, `P2`
    (the default), `P3` (the lowest)."""
    status: FeatureStatus = "draft"
    """Where it stands: `draft` (being written; the default), `review` (being reviewed),
    `approved` (agreed, ready to build), `building` (in development), `done` (shipped),
    `dropped` (decided against, kept for the record)."""
    release: Ref | None = None
    """The id of the release it ships in (one of pmdocs.yml's `releases`), e.g. `v1`."""
    owner: Text = ""
    """Who answers for it, e.g. 张三."""
    roles: list[Ref] = Field(default_factory=list)
    """Ids of the roles it serves, e.g. `[buyer]`."""
    pages: list[Ref] = Field(default_factory=list)
    """Ids of the pages it covers (a page no feature covers is reported: PM381)."""
    rules: list[Ref] = Field(default_factory=list)
    """Ids of the business rules it follows."""
    flows: list[Ref] = Field(default_factory=list)
    """Ids of the business flows it takes part in."""
    objects: list[Ref] = Field(default_factory=list)
    """Ids of the business objects it reads or changes."""
    acceptance: list[Criterion] = Field(default_factory=list)
    """Acceptance criteria: how we know it is done, each as `given` / `when` / `then`."""

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
    """Where the user goes: a page or dialog id, `back` (to the page before) or `close` (this
    dialog or sheet closes); left out, the user stays where they are."""
    when: Text = ""
    """The condition, in the user's words; a jump without `when` is the default."""
    effect: Text = ""
    """What the system does, e.g. 创建订单并锁定库存."""
    note: Text = ""
    """Anything else about this jump (plain text)."""


Jumps = list_of(Jump, "to")


class Element(Spec):
    """One thing on a page: a button, a list, an input …"""

    id: Id
    """The element's id, unique on its page, e.g. `checkout`; rules name it `page.element`."""
    type: ElementType
    """What it is, and so how the prototype draws it: `navbar` (top bar), `tabbar` (bottom
    tab bar), `text`, `input`, `textarea`, `search`, `button`, `link`, `list`, `table`, `card`,
    `image`, `video`, `banner` (a carousel), `tab` (tabs), `select`, `switch`, `checkbox`,
    `radio`, `stepper` (− 1 +), `date`, `countdown`, `progress`, `badge`, `qrcode`, `map`,
    `other`."""
    label: Text = ""
    """The visible text (a button's caption, a field's name)."""
    placeholder: Text = ""
    """The hint an empty input shows, e.g. 请输入手机号."""
    items: list[Text] = Field(default_factory=list)
    """Example rows of a list, tab names, options of a select."""
    notes: Markdown = ""
    """What developers and testers need to know about it: behaviour, limits, edge cases."""
    rules: list[Ref] = Field(default_factory=list)
    """Ids of the business rules behind it, e.g. `[coupon_stacking]`."""
    shows: Ref | None = None
    """The object attribute it shows, as `object.attribute`, e.g. `order.total`."""
    roles: list[Ref] = Field(default_factory=list)
    """Ids of the roles that may see and use it (everyone when empty)."""
    on_tap: Jumps = Field(default_factory=list)
    """What tapping (or clicking) it does: a list of jumps, each `{to, when, effect, note}`.
    Jumps with a `when` are conditional and the one without is the default, e.g.
    `[{to: login, when: 未登录}, {to: confirm_order}]`. Short forms: just the target
    (`on_tap: close`, `on_tap: back`, `on_tap: cart`), or one jump without the list."""
    on_long_press: Jumps = Field(default_factory=list)
    """What pressing and holding it does; written like `on_tap`."""
    on_change: Jumps = Field(default_factory=list)
    """What changing its value (an input, a switch, a stepper) does; written like `on_tap`."""
    on_submit: Jumps = Field(default_factory=list)
    """What submitting it (an input or a search) does; written like `on_tap`."""
    on_select: Jumps = Field(default_factory=list)
    """What choosing one of its items (a tab, an option, a row) does; written like `on_tap`."""
    on_swipe: Jumps = Field(default_factory=list)
    """What swiping it (a list row, a banner) does; written like `on_tap`."""

    def actions(self) -> list[tuple[str, tuple[Jump, ...]]]:
        """The element's events that do something, in a fixed order."""
        jumps_by_event = (self.on_tap, self.on_long_press, self.on_change, self.on_submit,
                          self.on_select, self.on_swipe)     # in the order of EVENTS
        return [(event, tuple(jumps)) for event, jumps in zip(EVENTS, jumps_by_event) if jumps]


class State(Spec):
    """One state of a page: what the user sees in it."""

    name: SkipJsonSchema[str] = ""
    """The state's name: its key under the page's `states`."""
    description: Text = ""
    """What the user sees in this state, e.g. 购物车为空，显示「去逛逛」按钮."""
    shows: list[Ref] = Field(default_factory=list)
    """Ids of the elements shown only in this state."""
    hides: list[Ref] = Field(default_factory=list)
    """Ids of the elements hidden in this state."""
    copy_text: one_or_many(Text) = Field(default_factory=list, alias="copy")
    """The copy shown in this state: one text or a list, e.g. 网络开小差了，请重试."""


class CopyEntry(Spec):
    """A piece of a page's user-visible copy, by key: `key: text`."""

    key: SkipJsonSchema[str] = ""
    """The copy's key under the page's `copy`."""
    text: Text = ""
    """The copy exactly as the user reads it, e.g. 确定要取消订单吗？"""


class Page(Spec):
    """A page, dialog, sheet or toast, with its elements, actions and states."""

    id: Id
    """The page's id, e.g. `cart`; jumps, features and rules name it."""
    title: Text
    """The page's title, e.g. 购物车."""
    kind: PageKind = "page"
    """`page` (a whole screen; the default), `dialog` (a box above the page that opens it,
    which needs a way to close), `sheet` (a panel that slides up from the bottom), `toast`
    (a short message that fades by itself)."""
    module: Ref | None = None
    """The id of the module it belongs to (one of pmdocs.yml's `modules`), e.g. `trade`."""
    menu: Text = ""
    """Where it sits in the function structure under its module, levels separated by `/`,
    e.g. 我的 / 我的订单."""
    entry: Annotated[list[EntrySource], BeforeValidator(
        _entry_sources, json_schema_input_type=bool | EntrySource | list[EntrySource])] = Field(default_factory=list)
    """Whether a user can open it directly (an entry page) and from where; other pages only
    appear inside a process. `true` (directly), one source (`entry: tab`) or a list
    (`entry: [share, qr]`): `launch` (the app opens at it), `tab` (the tab bar), `push` (a push
    or subscription message), `link` (a link or deep link), `share` (a shared card), `search`,
    `qr` (a scanned code), `ad`, `direct`. Leave it out (or `false`) for the others."""
    terminal: bool = False
    """`true` when the user's journey ends here by design, so the page needs no way out (no
    dead-end warning, PM312)."""
    dismissible: bool = False
    """`true` for a dialog or sheet the user can close by tapping outside or pressing back (it
    then needs no close button, PM313)."""
    loads_data: bool | None = None
    """Whether the page shows loaded data, and so needs the required states (empty, error,
    offline …); left out, it does when it has a list, a table or an element with `shows`."""
    device: Device | None = None
    """The frame the prototype draws it in: `mobile` (a phone; the default) or `web` (a
    browser window, e.g. for a back office)."""
    description: Markdown = ""
    """What the page is for, and what a reader needs beyond its elements."""
    roles: list[Ref] = Field(default_factory=list)
    """Ids of the roles that may open it (everyone when empty), e.g. `[operator]`."""
    elements: list[Element] = Field(default_factory=list)
    """What is on the page, top to bottom: each with `id`, `type`, `label`, and what the user's
    actions on it do (`on_tap` …)."""
    states: named_mapping(State, "name", "description") = Field(default_factory=list)
    """The page's states by name: `name: what the user sees` (e.g. `empty: 购物车为空`), or
    `name: {description, shows, hides, copy}`. A page that shows data needs the project's
    required states (by default `empty`, `loaded`, `error`, `offline`; PM320)."""
    copy_text: named_mapping(CopyEntry, "key", "text") = Field(default_factory=list, alias="copy")
    """Other user-visible copy of the page, by key: `key: text`, e.g.
    `cancel_confirm: 确定要取消订单吗？`."""

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
    """The parameter's id, e.g. `daily_limit`; conditions, outcomes and the limit use it as
    `$daily_limit`."""
    title: Text = ""
    """Its name in the back office, e.g. 每日抽奖次数."""
    type: ParameterType = "integer"
    """The kind of value: `integer` (the default), `number`, `money`, `percent`, `bool`,
    `text`, `enum` (one of `values`), `date`, `datetime`, `time` or `duration`."""
    default: Scalar = None
    """The value it has until someone changes it, e.g. `1`, or `"2025-04-15 10:00"` (quoted)."""
    min: int | float | None = None
    """The smallest value it may be set to, e.g. `1`."""
    max: int | float | None = None
    """The largest value it may be set to, e.g. `3`."""
    values: list[Text] = Field(default_factory=list)
    """The choices of an enum parameter, e.g. `[红色, 绿色]`."""
    unit: Text = ""
    """The unit shown after the value, e.g. 次, 天, 元, `"%"`."""
    editable_by: list[Ref] = Field(default_factory=list)
    """Ids of the roles that may change it, e.g. `[operator]`."""
    note: Text = ""
    """Anything else: when a change takes effect, what it must not exceed (plain text)."""


class Input(Spec):
    """A column of a decision table: what the rule looks at."""

    id: Id
    """The input's id, e.g. `logged_in`; each row's `when` names it."""
    title: Text = ""
    """Its name, shown as the column's heading, e.g. 已登录."""
    type: InputType = "enum"
    """`enum` (one of `values`; the default), `bool` (true or false), `integer` (a whole number
    from `min` to `max`), `text` (free text, which pmdocs cannot analyse)."""
    values: list[Text] = Field(default_factory=list)
    """The values of an enum input, e.g. `[未开始, 进行中, 已结束]`."""
    min: int | None = None
    """The smallest value of an integer input (0 when left out)."""
    max: int | None = None
    """The largest value of an integer input (no upper end when left out)."""


class Outcome(Spec):
    """What a row of a decision table decides."""

    result: Text = ""
    """The outcome in words, e.g. 可以抽奖."""
    state: Text = ""
    """The name of the page state the user sees, e.g. `used_up` (one of the `states` of the
    page it shows on)."""
    copy_text: Text = Field(default="", alias="copy")
    """The copy the user reads, e.g. 今日抽奖机会已用完，明天再来."""
    to: Ref | None = None
    """The id of the page or dialog the user is taken to, e.g. `login_dialog`."""
    effect: Text = ""
    """What the system does, e.g. 扣减一次抽奖机会."""


class Row(Spec):
    """A row of a decision table: conditions (`-` for any) → outcome."""

    when: dict[str, Scalar | list[Scalar]] = Field(default_factory=dict)
    """Conditions by input id: a value, a list of values (any of them), `-` for any,
    or for integers a comparison such as `"< 3"`, `"1..5"`, `">= $daily_limit"`."""
    then: text_or(Outcome, "result")
    """The outcome: just the result in words (`then: 已达标`), or a mapping with `result`,
    `state`, `copy`, `to` and `effect`."""
    note: Text = ""
    """Why this row decides so, or anything else about it (plain text)."""


class Window(Spec):
    """The period a limit counts in."""

    kind: Literal["lifetime", "campaign_period", "calendar_day", "calendar_week",
                  "calendar_month", "rolling"]
    """`lifetime` (for ever), `campaign_period` (while the campaign runs), `calendar_day`,
    `calendar_week`, `calendar_month` (the count starts again at `reset`, in `timezone`),
    `rolling` (the last `duration`, counted back from now)."""
    timezone: Text = ""
    """The time zone a calendar window's days are counted in, e.g. Asia/Shanghai."""
    reset: Text = ""
    """When a calendar window's count starts again, as hours:minutes in quotes, e.g.
    `"00:00"`; for a week or a month, the day first, e.g. `"Monday 04:00"`."""
    duration: Text = ""
    """The length of a rolling window: a number and m, h or d, e.g. 24h, 7d, 30m."""


LimitCount = Literal["attempt", "success"]


class Limit(Spec):
    """How often something may happen: who is counted, over which window, what counts."""

    subject: Literal["user", "account", "device", "phone"] | None = None
    """Who is counted: each `user`, each `account`, each `device` or each `phone` number."""
    scope: Text = ""
    """What the count is kept per, in words: campaign, product, store …"""
    window: text_or(Window, "kind") | None = None
    """The period the count runs over: the kind alone (`window: campaign_period`), or a mapping,
    e.g. `{kind: calendar_day, timezone: Asia/Shanghai, reset: "00:00"}` or
    `{kind: rolling, duration: 24h}`."""
    counts: LimitCount | None = None
    """What uses up the quota: every `attempt`, or only a `success`."""
    returned_on: list[Literal["refund", "cancel", "failure"]] = Field(default_factory=list)
    """Events that give the quota back: `refund`, `cancel`, `failure` (the attempt failed on
    our side), e.g. `[refund, cancel]`."""
    max: int | str | None = None
    """The limit: a number, or a parameter as `$name`, e.g. `3` or `$daily_limit`."""
    exceeded: Text = ""
    """What the user sees when the limit is reached, e.g. 今日抽奖机会已用完，明天再来."""


class AppliesTo(Spec):
    """What a rule governs: features, pages and elements (each links back to the rule)."""

    features: list[Ref] = Field(default_factory=list)
    """Ids of the features the rule belongs to."""
    pages: list[Ref] = Field(default_factory=list)
    """Ids of the pages it governs."""
    elements: list[Ref] = Field(default_factory=list)
    """Ids of the elements it governs, as `page.element`, e.g. `cart.checkout`."""


class Rule(Spec):
    """A business rule: a decision table, parameters, and (for limits) a `limit` block."""

    id: Id
    """The rule's id, e.g. `checkin_lottery`."""
    title: Text
    """The rule's name, e.g. 签到抽奖参与规则."""
    description: Markdown = ""
    """The rule in words, as the business states it."""
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    """What the rule governs: `features`, `pages` and `elements` (as `page.element`)."""
    parameters: list[Parameter] = Field(default_factory=list)
    """Values operations staff set in the back office (limits, dates, copy), each with its
    default and range; conditions and outcomes use them as `$id`."""
    inputs: list[Input] = Field(default_factory=list)
    """The decision table's columns: what the rule looks at, each with its type and values."""
    hit: HitPolicy = "unique"
    """How rows may overlap: `unique` (every case matches exactly one row; the default),
    `first` (the first matching row, top to bottom, decides), `any` (several rows may match,
    but they must decide the same)."""
    table: list[Row] = Field(default_factory=list)
    """The decision table: rows of `when` (a condition per input; `"-"` for any) → `then`.
    Every combination of the inputs' values should have its row (PM330)."""
    limit: Limit | None = None
    """For a quantity limit (每人每天 3 次): who is counted (`subject`), over which `window`,
    what uses the quota (`counts`), what gives it back, the `max`, and the `exceeded` copy."""
    notes: Markdown = ""
    """Edge cases, exceptions and anything else about the rule."""

    def parameter(self, parameter_id: str) -> Parameter | None:
        return next((item for item in self.parameters if item.id == parameter_id), None)


# ---------------------------------------------------------------------------- settings

Language = Literal["zh", "en"]
DEFAULT_REQUIRED_STATES = ("empty", "loaded", "error", "offline")


class Release(Spec):
    """A release of the product: a version that ships a set of features."""

    id: Id
    """The release's id, e.g. `v1`; features name it in `release`."""
    title: Text = ""
    """The release's name, e.g. 首发版."""
    date: datetime.date | Text | None = None
    """When it ships (or is planned to), e.g. 2025-05-01, or text such as 五月中旬."""
    goal: Text = ""
    """What the release is for, e.g. 跑通下单支付主流程."""
    tag: GitRevision | None = None
    """The git tag the release was made at, e.g. `v1.0.0`. When this release's tag and the
    one before's both exist in the project's repository, the releases page of the site says
    what changed between them."""


class Module(Spec):
    """A module of the product (a branch of its function structure), e.g. 交易."""

    id: Id
    """The module's id, e.g. `trade`; pages name it in `module`."""
    title: Text = ""
    """The module's name, e.g. 交易."""


class GlossaryEntry(Spec):
    """A term of the business and what it means: `term: definition`."""

    term: SkipJsonSchema[str] = ""
    """The term: its key under `glossary`."""
    definition: Markdown = ""
    """What the term means in this product."""


class CheckSettings(Spec):
    """How `pmdocs check` judges this project."""

    required_states: list[Text] = Field(default_factory=lambda: list(DEFAULT_REQUIRED_STATES))
    """The states every page that shows data must describe (PM320); by default
    `[empty, loaded, error, offline]`."""
    disable: list[Text] = Field(default_factory=list)
    """Check codes to switch off, e.g. `[PM381]`."""
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    """A different severity per code: `error` (fails the check), `warning` (fails it only
    with `--strict`) or `info`, e.g. `{PM311: error}`."""
    vague_words: bool = True
    """Whether to point out vague words such as 尽快 or 适当 (PM350); `false` is the same as
    disabling PM350."""


class ProjectSettings(Spec):
    """`pmdocs.yml`: the product and how pmdocs treats it (it may hold sections too)."""

    name: Text
    """The product's name, the title of its PRD site, e.g. 鲜果日记."""
    version: Text = ""
    """The version of this PRD, e.g. "1.2" (quote it)."""
    summary: Markdown = ""
    """What the product is, for whom and why, in a paragraph or two; the site's home page
    opens with it."""
    goals: list[Text] = Field(default_factory=list)
    """The product's goals, one per item, e.g. 首单转化率提升到 30%."""
    language: Language = "zh"
    """The language of the labels pmdocs writes (headings, tables, the prototype's controls):
    `zh` (Chinese; the default) or `en` (English). The specs' own text stays as written."""
    glossary: named_mapping(GlossaryEntry, "term", "definition") = Field(default_factory=list)
    """Terms of the business, `term: definition`, e.g. `满签: 一期活动内每天都签到`."""
    releases: list[Release] = Field(default_factory=list)
    """The releases in order, each with `id`, `title`, `date` and `goal`; a feature names its
    own in `release`."""
    modules: list_of(Module, "id") = Field(default_factory=list)
    """The product's modules (the first level of the function structure): a list of ids or of
    `{id, title}`; a page names its own in `module`."""
    check: CheckSettings = Field(default_factory=CheckSettings)
    """How `pmdocs check` judges this project: `required_states`, `disable`, `severity` and
    `vague_words`."""
    output: Text = "site"
    """The folder `pmdocs build` writes to: a folder inside the project, given relative to it
    (`-o` on the command line may name one elsewhere)."""
    exclude: list[Text] = Field(default_factory=list)
    """Files or folders (globs, relative to the project) that are not spec files, e.g.
    `[drafts, "*.old.yml"]`."""
    since: GitRevision | None = None
    """A git revision to show the changes since, e.g. the last release's tag `v1.0`: the site
    then has a 变更 / Changes page, each changed item's page says what changed, and the
    diagrams and the prototype mark what is new, changed and removed. `pmdocs build --since
    REV` overrides it; without git, or when the revision does not exist, the site is built
    without changes (and says so)."""


SECTIONS: dict[str, type[Spec]] = {
    "roles": Role, "objects": BusinessObject, "flows": Flow,
    "features": Feature, "pages": Page, "rules": Rule,
}
"""The kinds of item a spec file holds, by section: every stage reads this table (a new kind
of item is a model class and an entry here; README, "Adding a kind of item")."""
ITEM_NAMES: dict[str, str] = {
    "roles": "role", "objects": "object", "flows": "flow", "features": "feature",
    "pages": "page", "rules": "rule",
}
"""What one item of each section is called in messages."""
