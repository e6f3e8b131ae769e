"""How the prototype lays out a page's elements, as the spec says or, where it says nothing,
as a designer would: which button is the main one, what stays at the top or bottom of the
screen, what stands side by side, and how a list's or a table's items split into cells."""

from __future__ import annotations

import re

from ..model.spec import SPECIAL_TARGETS, BusinessObject, Element, Filter, Page

PRICE = re.compile(r"[¥￥$€£]\s?\d[\d,]*(?:\.\d+)?")


def cells(element: Element) -> tuple[tuple[str, ...], ...]:
    """A table's rows split into its columns' cells (at ` · `); a list's items as (title,
    price) when its template shows a price (the first amount in the item's text)."""
    if element.type == "table" and element.columns:
        return tuple(tuple(cell.strip() for cell in item.split(" · ")) for item in element.items)
    if element.type == "list" and "price" in element.template:
        rows = []
        for item in element.items:
            price = PRICE.search(item)
            title = (item[:price.start()] + item[price.end():]).strip(" ·") if price else item
            rows.append((title, price.group(0) if price else ""))
        return tuple(rows)
    return ()


def _only_dismisses(button: Element) -> bool:
    """Whether all a button does is go back or close (暂不登录, 关闭): never the main action."""
    jumps = [jump for _, event_jumps in button.actions() for jump in event_jumps]
    return bool(jumps) and all(jump.to in SPECIAL_TARGETS and not jump.effect for jump in jumps)


FORM_FIELDS = ("input", "select", "date", "stepper", "switch", "radio", "checkbox")
"""The fields a web form lays out in two columns (a textarea keeps a row of its own)."""
FORM_COLUMNS_FROM = 3
"""How many fields in a row make a web form that lays out in two columns."""


def looks(page: Page, device: str) -> dict[str, tuple[str, str, bool]]:
    """Each element's (button variant, dock, beside): as the spec says, else inferred (see
    `_variants`, `_docks` and `_form_columns`); on a web page a button after a button stands
    beside it."""
    variants, docks = _variants(page), _docks(page, device)
    columns = _form_columns(page) if device == "web" else set()
    found = {}
    previous = None
    for element in page.elements:
        dock = element.dock or docks.get(element.id, "")
        beside = element.beside or element.id in columns or (
            device == "web" and element.type == "button"
            and previous is not None and previous.type == "button")
        found[element.id] = (element.variant or variants.get(element.id, ""),
                             "" if dock == "none" else dock, beside)
        previous = element
    return found


def _form_columns(page: Page) -> set[str]:
    """The fields of a web form that stand beside the field before them: in a run of at least
    `FORM_COLUMNS_FROM` fields, each row takes two (a field the spec puts `beside` another
    joins its row, which is then full)."""
    beside: set[str] = set()
    run: list[Element] = []
    for element in [*page.elements, None]:
        if element is not None and element.type in FORM_FIELDS and element.dock is None:
            run.append(element)
            continue
        if len(run) >= FORM_COLUMNS_FROM:
            in_row = 0                                  # fields in the row so far
            for field in run:
                joins = field.beside or in_row == 1
                if joins and not field.beside:
                    beside.add(field.id)
                in_row = 2 if joins else 1
        run = []
    return beside


def _variants(page: Page) -> dict[str, str]:
    """In each run of buttons, the last that does more than go back or close is `primary`,
    the others `secondary`."""
    variants: dict[str, str] = {}
    run: list[Element] = []
    for element in [*page.elements, None]:
        if element is not None and element.type == "button" and element.variant != "close":
            run.append(element)
            continue
        leading = [button for button in run if not _only_dismisses(button)] or run
        for button in run:
            variants[button.id] = "primary" if button is leading[-1] else "secondary"
        run = []
    return variants


def _docks(page: Page, device: str) -> dict[str, str]:
    """A navbar (and a close ×) stays at the top; on a mobile page the buttons after its last
    other element (a tab bar aside) form the bottom action bar."""
    docks = {element.id: "top" for element in page.elements
             if element.type == "navbar" or element.variant == "close"}
    if device == "mobile" and page.kind == "page":
        for element in reversed([item for item in page.elements if item.type != "tabbar"]):
            if element.dock is not None:
                continue                                       # it says where it goes
            if element.type != "button":
                break
            docks[element.id] = "bottom"
    return docks


def filters(element: Element, device: str, bound: BusinessObject | None,
            any_value: str) -> tuple[Filter, ...]:
    """The filters above a web page's data table: as the spec says, else one select for each
    enum attribute of the object it shows (headed by `any_value`, e.g. 全部; the lifecycle's
    state names for the attribute its lifecycle follows) and a date range for its first date."""
    if element.type != "table" or device != "web":
        return ()
    if element.filters is not None:
        return tuple(element.filters)
    if bound is None:
        return ()
    found = []
    lifecycle = bound.lifecycle
    for attribute in bound.attributes:
        if attribute.type != "enum":
            continue
        values = attribute.values
        if lifecycle is not None and lifecycle.attribute == attribute.id:
            values = [state.name or state.id for state in lifecycle.states]
        found.append(Filter(type="select", label=attribute.name or attribute.id,
                            items=[any_value, *values]))
    dated = next((attribute for attribute in bound.attributes
                  if attribute.type in ("date", "datetime")), None)
    if dated is not None:
        found.append(Filter(type="date_range", label=dated.name or dated.id))
    return tuple(found)
