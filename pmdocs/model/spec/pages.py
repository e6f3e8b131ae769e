"""Pages, dialogs, sheets and toasts: their elements, the jumps their actions make, their states
and their copy."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic.json_schema import SkipJsonSchema

from ..base import Id, Markdown, Ref, Spec, Text, list_of, named_mapping, one_or_many

# ------------------------------------------------------------------------------- pages

PageKind = Literal["page", "dialog", "sheet", "toast"]
PageType = Literal["list", "detail", "form", "result", "static"]
PAGE_TYPES: tuple[str, ...] = ("list", "detail", "form", "result", "static")
DATA_PAGE_TYPES = ("list", "detail")
"""The types of page that load data, and so need `loading` (unless the project says not)."""
Device = Literal["mobile", "web"]
EntrySource = Literal["direct", "launch", "tab", "push", "link", "share", "search", "qr", "ad"]
ElementType = Literal[
    "navbar", "tabbar", "text", "input", "textarea", "search", "button", "link", "list", "table",
    "card", "image", "video", "banner", "tab", "select", "switch", "checkbox", "radio", "stepper",
    "date", "countdown", "progress", "badge", "tag", "qrcode", "map", "other"]
ButtonVariant = Literal["primary", "secondary", "text", "danger", "disabled", "close"]
Dock = Literal["top", "bottom", "none"]
RowPart = Literal["checkbox", "image", "title", "price", "stepper", "arrow"]
FilterType = Literal["search", "select", "date_range"]
EVENTS = ("tap", "long_press", "change", "submit", "select", "swipe")
SPECIAL_TARGETS = ("back", "close")
OPENING_STATES = ("loaded", "success", "default")
"""The states a page opens in when it names none (`Page.opening_state`), by preference."""
TECHNICAL_STATES = ("loading", "empty", "error", "offline")
"""States that stand in for no business situation: a page never opens in one by default."""
PLACEHOLDER_STATES = ("loading", "error", "offline")
"""States the prototype draws as a standard placeholder (skeletons; a message with a retry)
instead of the page's elements."""


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


class Filter(Spec):
    """One filter drawn above a back office's data table: a search box, a select or a date
    range."""

    type: FilterType
    """`search` (a keyword box), `select` (one of its `items`) or `date_range` (from – to)."""
    label: Text = ""
    """Its name, e.g. 活动状态."""
    placeholder: Text = ""
    """The hint it shows while empty, e.g. 搜索活动名称."""
    items: list[Text] = Field(default_factory=list)
    """A select's options, e.g. `[全部, 进行中, 已结束]`."""


class Element(Spec):
    """One thing on a page: a button, a list, an input …"""

    id: Id
    """The element's id, unique on its page, e.g. `checkout`; rules name it `page.element`."""
    type: ElementType
    """What it is, and so how the prototype draws it: `navbar` (top bar), `tabbar` (bottom
    tab bar), `text`, `input`, `textarea`, `search`, `button`, `link`, `list`, `table`, `card`,
    `image`, `video`, `banner` (a carousel), `tab` (tabs), `select`, `switch`, `checkbox`,
    `radio`, `stepper` (− 1 +), `date`, `countdown`, `progress`, `badge` (a filled pill: a
    count, a status), `tag` (small outlined labels: one per item, e.g. 包邮 新品 beside a
    product's title, else its label), `qrcode`, `map`, `other`."""
    label: Text = ""
    """The visible text (a button's caption, a field's name)."""
    placeholder: Text = ""
    """The hint an empty input shows, e.g. 请输入手机号."""
    validation: Text = ""
    """What an input says under itself when its value is wrong, e.g. 请输入 11 位手机号."""
    items: list[Text] = Field(default_factory=list)
    """Example rows of a list, tab names, options of a select."""
    notes: Markdown = ""
    """What developers and testers need to know about it: behaviour, limits, edge cases."""
    rules: list[Ref] = Field(default_factory=list)
    """Ids of the business rules behind it, e.g. `[coupon_stacking]`."""
    shows: Ref | None = None
    """The object attribute it shows, as `object.attribute`, e.g. `order.total`."""
    example: Text = ""
    """The value the prototype shows for it, e.g. ¥39.90 (left out: the `example` of the
    attribute it `shows`, else the binding's name)."""
    variant: ButtonVariant | None = None
    """How a button looks, by weight: `primary` (the main action), `secondary`, `text` (a
    plain text button), `danger` (deletes or cancels something), `disabled`, `close` (a × in
    the corner of a dialog or sheet). Left out, the last of the buttons that stand together is
    `primary` and the others `secondary`."""
    dock: Dock | None = None
    """Where it stays while the page scrolls: `top` (a header), `bottom` (an action bar) or
    `none` (it scrolls with the page). Left out, a mobile page's buttons after its last other
    element (a tab bar aside) form its bottom action bar, and a navbar stays at the top."""
    beside: bool = False
    """`true` to draw it on the same row as the element before it (a price beside its
    button, two buttons side by side). Left out, a web page's buttons in a row stand side by
    side, and a web form of three or more fields lays them out two to a row."""
    template: list[RowPart] = Field(default_factory=list)
    """How a list draws each of its `items`, e.g. `[checkbox, image, title, price, stepper]`:
    `checkbox`, `image` (a thumbnail), `title` (the item's text), `price` (its first ¥ amount),
    `stepper`, `arrow` (›). Left out, a row of text."""
    grid: int | None = Field(default=None, ge=2, le=6)
    """For a list: draw its items as tiles, this many to a row, e.g. `2`."""
    columns: list[Text] = Field(default_factory=list)
    """For a table: its column headings; each of its `items` is a row, cells separated by
    ` · `, e.g. `[奖品, 面额, 概率, 数量]`."""
    filters: list[Filter] | None = None
    """For a table on a web page: the filters drawn above it, each `{type, label, placeholder,
    items}`, e.g. `[{type: search, placeholder: 搜索活动名称}, {type: date_range, label:
    活动时间}]`. Left out, a table that `shows` an object's attribute gets a select for each
    of the object's enum attributes (its lifecycle's states for the one its lifecycle
    follows) and a date range for its first date; `[]` for none."""
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
    title: Text = ""
    """A short name for the state in the prototype's state switcher, e.g. 未登录. Left out:
    the usual states' names in the project's language, and for others the description up to
    its first colon or bracket."""
    description: Text = ""
    """What the user sees in this state, e.g. 购物车为空，显示「去逛逛」按钮."""
    shows: list[Ref] = Field(default_factory=list)
    """Ids of the elements shown only in this state: an element listed under any state's
    `shows` appears only in the states that list it and is hidden in every other (PM321). To
    hide an element in a few states, list it under their `hides` instead."""
    hides: list[Ref] = Field(default_factory=list)
    """Ids of the elements hidden in this state."""
    copy_text: one_or_many(Text) = Field(default_factory=list, alias="copy")
    """The copy shown in this state: one text or a list, e.g. 网络开小差了，请重试."""
    counts_as: Text = ""
    """The required state this business state stands in for, e.g. `loaded`: a campaign page's
    `can_draw`, `used_up` and `ended` each show the page with its data, so none needs a
    `loaded` besides (PM320); on a result page, e.g. `success`."""


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
    type: PageType | None = None
    """What the page is for, which decides the states it must describe (PM320; each type's are
    set in pmdocs.yml's `check: {required_states: …}`): `list` (loads a list: `loading`,
    `empty`, `loaded`, `error`, `offline` by default), `detail` (loads one thing: `loading`,
    `loaded`, `error`, `offline`), `form` (the user enters and submits: `error`, `offline`),
    `result` (the outcome of an action, e.g. 支付结果: `success`, `failure`), `static` (nothing
    loads: no state required). Left out, a page with a list, a table or an element that
    `shows` data is a `list` page, others `static`. (`kind` says how it is shown.)"""
    loads_data: bool | None = None
    """The older way to say whether the page shows loaded data: `false` is `type: static`,
    `true` a `list` page; left out, it does when it has a list, a table or an element with
    `shows`. `type` says more."""
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
    default_state: Ref | None = None
    """The state the page opens in, e.g. `can_draw`. Left out: `loaded` (or `success`), else
    the first state that `counts_as` one of them, else the first state other than `loading`,
    `empty`, `error` and `offline`."""

    @property
    def is_entry(self) -> bool:
        return bool(self.entry)

    def element(self, element_id: str) -> Element | None:
        return next((element for element in self.elements if element.id == element_id), None)

    def state(self, name: str) -> State | None:
        return next((state for state in self.states if state.name == name), None)

    def state_title(self, name: str) -> str:
        """A custom state's short name: its `title`, else its description up to the first colon
        or bracket ("" when it has neither, or is not a state of the page)."""
        state = self.state(name)
        if state is None:
            return ""
        return state.title or re.split(r"[：:（(]", state.description, maxsplit=1)[0].strip()

    @property
    def opening_state(self) -> str:
        """The state the page opens in ("" for a page without states): see `default_state`."""
        names = [state.name for state in self.states]
        if self.default_state in names:
            return self.default_state
        standing = [state.name for state in self.states if state.counts_as in OPENING_STATES]
        return next((name for name in OPENING_STATES if name in names),
                    next(iter(standing), next((name for name in names
                                               if name not in TECHNICAL_STATES),
                                              names[0] if names else "")))

    def shown_in(self, state: State | None) -> tuple[Element, ...]:
        """The elements a state shows: listing an element under any state's `shows:` makes it
        appear only in the states that list it; `hides:` hides an element in that state."""
        if state is None:
            return tuple(self.elements)
        only_in_some = {element for each in self.states for element in each.shows}
        hidden = set(state.hides)
        return tuple(element for element in self.elements if element.id not in hidden
                     and (element.id not in only_in_some or element.id in state.shows))


__all__ = [
    "ButtonVariant", "CopyEntry", "Dock", "RowPart", "OPENING_STATES", "PLACEHOLDER_STATES", "TECHNICAL_STATES", "DATA_PAGE_TYPES", "Device", "EVENTS", "Element", "ElementType", "EntrySource",
    "Filter", "FilterType",
    "Jump", "Jumps", "PAGE_TYPES", "Page", "PageKind", "PageType", "SPECIAL_TARGETS", "State"]
