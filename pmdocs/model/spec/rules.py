"""Business rules: parameters, decision tables (inputs, rows, outcomes) and limit blocks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..base import Id, Markdown, Ref, Scalar, Spec, Text, one_or_many, text_or

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
    """The values of an enum input, e.g. `[未开始, 进行中, 已结束]`; with `from`, they may be
    left out (and must be the same when written, PM345)."""
    source: Ref | None = Field(default=None, alias="from")
    """Where an enum input takes its values from, so the table must cover the real domain:
    `object.attribute` (the attribute's enum `values`, or the lifecycle's states for the
    attribute that holds them), or just `object` (its lifecycle's states), e.g.
    `from: qualification.status`."""
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


Conditions = dict[str, Scalar | list[Scalar]]
"""Conditions by input id, written as a row's `when` cells."""


class Row(Spec):
    """A row of a decision table: conditions (`-` for any) → outcome."""

    when: Conditions = Field(default_factory=dict)
    """Conditions by input id: a value, a list of values (any of them), `-` for any,
    or for integers a comparison such as `"< 3"`, `"1..5"`, `">= $daily_limit"`."""
    then: text_or(Outcome, "result")
    """The outcome: just the result in words (`then: 已达标`), or a mapping with `result`,
    `state`, `copy`, `to` and `effect`."""
    note: Text = ""
    """Why this row decides so, or anything else about it (plain text)."""


class Constraint(Spec):
    """Combinations of the inputs that cannot happen, so the table need not cover them and
    rows cannot overlap in them: `{if: {reached: true}, then: {initiated: true}}` (reached
    implies initiated), or `{never: {status: 未开始, joined: true}}`."""

    condition: Conditions = Field(default_factory=dict, alias="if")
    """When these conditions hold (written like a row's `when`) …, e.g. `{reached: true}`."""
    then: Conditions = Field(default_factory=dict)
    """… these hold too, e.g. `{initiated: true}`; every other combination is ruled out."""
    never: Conditions = Field(default_factory=dict)
    """Conditions that never hold together, e.g. `{status: 未开始, joined: true}` (instead of
    `if` and `then`)."""
    note: Text = ""
    """Why the combination cannot happen, e.g. 只有参与过的用户才能发起助力."""


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


SubjectKind = Literal["user", "account", "device", "phone", "organization", "custom"]


class Subject(Spec):
    """Who a limit counts: a kind, and for `custom` what it is."""

    kind: SubjectKind
    """`user` (a person), `account` (a login; one person may have several), `device`,
    `phone` (a phone number), `organization` (a company or organisation: every account of one
    buyer company counts together), or `custom` (say what in `description`)."""
    description: Text = ""
    """What is counted, in words, for a `custom` subject, e.g. 每个门店 or 每个收货地址."""


class Limit(Spec):
    """How often something may happen: who is counted, over which window, what counts."""

    title: Text = ""
    """What this limit is, in words, when a rule has several, e.g. 每位好友对同一发起人只能助力一次."""
    subject: text_or(Subject, "kind") | None = None
    """Who is counted: `user`, `account`, `device`, `phone`, `organization` (a company), or
    `{kind: custom, description: 每个门店}`."""
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
    constraints: list[Constraint] = Field(default_factory=list)
    """Combinations of the inputs that cannot happen, each `{if, then}` or `{never}`, e.g.
    `[{if: {initiated: true}, then: {joined: true}}]`: the check for gaps and overlaps leaves
    them out, and the site shows them beside the table."""
    limit: one_or_many(Limit) = Field(default_factory=list)
    """For a quantity limit (每人每天 3 次): who is counted (`subject`), over which `window`,
    what uses the quota (`counts`), what gives it back, the `max`, and the `exceeded` copy. A
    rule with several limits (once per helper per initiator, and at most 3 a day) gives a
    list of them, each with a `title`."""
    notes: Markdown = ""
    """Edge cases, exceptions and anything else about the rule."""

    def parameter(self, parameter_id: str) -> Parameter | None:
        return next((item for item in self.parameters if item.id == parameter_id), None)


__all__ = [
    "AppliesTo", "Conditions", "Constraint", "HitPolicy", "Input", "InputType", "Limit",
    "LimitCount", "Outcome", "Parameter", "ParameterType", "Row", "Rule", "Subject", "SubjectKind",
    "Window"]
