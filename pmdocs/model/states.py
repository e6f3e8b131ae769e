"""The states a page must describe: its type (as written, or what its elements show), and
that type's required states in pmdocs.yml's `check` settings."""

from __future__ import annotations

from .spec import DATA_PAGE_TYPES, REQUIRED_STATES, CheckSettings, Page

DATA_ELEMENT_TYPES = frozenset({"list", "table"})


def shows_data(page: Page) -> bool:
    """`loads_data` when given; otherwise whether a list, a table or a bound element is on it."""
    if page.loads_data is not None:
        return page.loads_data
    return any(element.type in DATA_ELEMENT_TYPES or element.shows for element in page.elements)


def page_type(page: Page) -> str:
    """The page's `type`; left out, `list` for a page that shows data (what every such page
    needed before pages had types) and `static` for the others; "" for a toast, which has
    no states to describe."""
    if page.kind == "toast":
        return ""
    if page.type is not None:
        return page.type
    return "list" if shows_data(page) else "static"


def required_states(kind: str, typed: bool, settings: CheckSettings) -> tuple[str, ...]:
    """What a page of type `kind` must describe under the project's settings: the type's
    states (the older single list: for every page that shows data), and `loading` where data
    loads — by default on a page that says its `type` (`typed`), so a project written before
    types keeps exactly the states it was asked for."""
    if not kind:
        return ()
    configured = settings.required_states
    if isinstance(configured, list):
        states = tuple(configured) if kind in DATA_PAGE_TYPES else REQUIRED_STATES[kind]
    else:
        states = tuple(configured.get(kind, REQUIRED_STATES[kind]))  # type: ignore[call-overload]
    default = typed and not isinstance(configured, list)
    loading = default if settings.loading is None else settings.loading
    if loading and kind in DATA_PAGE_TYPES and "loading" not in states:
        states = ("loading", *states)
    return states
