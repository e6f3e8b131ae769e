"""The clickable prototype, as data: every page, dialog, sheet and toast of the specs turned
into screens (one per state) of numbered widgets whose actions are resolved to what a click
does — go to a page, open an overlay, show a toast, go back, close, or stay with an effect.

Nothing here is drawn: `sections/prototype.py` prints these views through HTML templates.
The prototype is derived from the page specs alone, so it can never drift from the PRD.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Mapping

from ..model import Project
from ..model.index import OVERLAY_KINDS
from ..model.spec import (PLACEHOLDER_STATES, SPECIAL_TARGETS, BusinessObject, Element, Filter,
                          Page, State)
from ..sitemap import SiteMap
from .context import RenderContext
from .items import state_name
from .parameters import Segment, segments
from .prototype_layout import cells, filters, looks

@dataclass(frozen=True)
class Choice:
    """One way an action can go: `go` (a page), `open` (a dialog or sheet), `toast`, `back`,
    `close` or `stay` (the system does something; the user stays)."""

    does: str
    event: str
    when: str = ""
    target: str = ""
    target_title: str = ""
    effect: str = ""
    note: str = ""


@dataclass(frozen=True)
class Widget:
    """One element, numbered as in the PRD's element table."""

    number: int
    element: Element
    choices: tuple[Choice, ...]
    rules: tuple[tuple[str, str, str], ...]
    """(rule id, title, `pmdocs:` link) of the rules that govern it."""
    shows: str = ""
    """The data it shows, in words: `商品 › 标题` for `goods.title`."""
    tabs: tuple[tuple[str, Choice | None], ...] = ()
    """A tab bar without actions of its own: each item and the tab page it opens (matched by
    the `entry: tab` page's menu or title), so every tab is clickable on its own."""
    label: tuple[Segment, ...] = ()
    """The label, a parameter it names shown at its default (`render.parameters`)."""
    change: str = ""
    """`added` or `changed` since the revision the site marks (its badge says so)."""
    variant: str = ""
    """A button's look (`primary`, `secondary`, `text`, `danger`, `disabled`, `close`): as
    the spec says, else the last of the buttons standing together is `primary`."""
    dock: str = ""
    """`top` or `bottom` when it stays put while the page scrolls (see `Element.dock`)."""
    example: str = ""
    """The value it shows in the prototype: its `example`, else its attribute's."""
    beside: bool = False
    """Drawn on the row of the widget before it: as the spec says, and on a web page a button
    after a button (a web form's buttons stand side by side) and every second field of a form
    of several (`prototype_layout._form_columns`)."""
    cells: tuple[tuple[str, ...], ...] = ()
    """A list's items as (title, price) and a table's as its cells (`Element.template`,
    `Element.columns`)."""
    filters: tuple[Filter, ...] = ()
    """A web table's filters, drawn above it: as the spec says, else inferred from the object
    it shows (`prototype_layout.filters`)."""

    @property
    def name(self) -> str:
        """What the widget is called in a pin's tooltip and its note: its label (parameters
        at their defaults), else what it shows first."""
        element = self.element
        return ("".join(piece.text for piece in self.label) or element.placeholder
                or (element.items[0] if element.items else "") or self.example or self.shows
                or element.id)

    @property
    def name_parts(self) -> tuple[Segment, ...]:
        """The name in pieces, for the widget's face: the label's, else the name as one."""
        return self.label if self.element.label else (Segment(self.name),)

    @property
    def direct(self) -> Choice | None:
        """The one thing a click does when there is no choice to make."""
        if len(self.choices) == 1 and not self.choices[0].when:
            return self.choices[0]
        return None


@dataclass(frozen=True)
class Screen:
    """A page in one state: the widgets that show in it, its description and copy."""

    state: str
    label: str
    description: str
    copy: tuple[tuple[Segment, ...], ...]
    """Each line of the state's copy in pieces (parameters at their defaults)."""
    widgets: tuple[Widget, ...]
    placeholder: str = ""
    """`loading` (skeletons), `error` or `offline` (a message and a retry) when the state is
    drawn as its standard placeholder instead of the page's content."""

    def docked(self, dock: str) -> tuple[Widget, ...]:
        """The widgets that stay at the top or bottom (the tab bar aside: it is drawn last);
        a placeholder keeps only the top (its navbar)."""
        if self.placeholder and dock == "bottom":
            return ()
        return tuple(widget for widget in self.widgets
                     if widget.dock == dock and widget.element.type != "tabbar")

    @property
    def rows(self) -> tuple[tuple[Widget, ...], ...]:
        """The widgets that scroll, in rows: an element `beside` the one before shares its row."""
        rows: list[list[Widget]] = []
        for widget in self.widgets:
            if widget.dock or widget.element.type in ("navbar", "tabbar"):
                continue
            if widget.beside and rows:
                rows[-1].append(widget)
            else:
                rows.append([widget])
        return tuple(tuple(row) for row in rows) if not self.placeholder else ()


@dataclass(frozen=True)
class SideGroup:
    """A group of a web page's side menu: its title, the page it opens (its first), and its
    entries — (text, page id) — when the page is in it (else the group is closed)."""

    title: str
    first: str
    entries: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WireframePage:
    page: Page
    device: str
    screens: tuple[Screen, ...]
    widgets: tuple[Widget, ...]
    tabbar: Widget | None
    """The tab bar drawn at the bottom: the page's own, or for a tab page without one the
    project's (global navigation is usually specified once)."""
    overlays: tuple["WireframePage", ...]
    """The dialogs, sheets and toasts this page can open (also through its overlays)."""
    opener: str
    """The first page that leads here (where `back` goes when there is no history)."""
    spec_link: str
    steps: tuple[tuple[str, str], ...] = ()
    """The business flows' steps that happen here: (`flow › step`, `pmdocs:` link)."""
    change: str = ""
    """`added` or `changed` since the revision the site marks (its title's badge says so)."""
    side_menu: tuple["SideGroup", ...] = ()
    """On a web page, the back office's side menu (`_Builder.side_menu_of`)."""

    @property
    def is_overlay(self) -> bool:
        return self.page.kind in OVERLAY_KINDS

    @property
    def opening_screen(self) -> Screen:
        """The screen shown when the page opens with no state asked for."""
        wanted = self.page.opening_state
        return next((screen for screen in self.screens if screen.state == wanted), self.screens[0])


@dataclass(frozen=True)
class SitemapEntry:
    page: Page
    children: tuple[Page, ...]
    """The dialogs, sheets and toasts first opened from this page."""


@dataclass(frozen=True)
class SitemapGroup:
    title: str
    entries: tuple[SitemapEntry, ...]


@dataclass(frozen=True)
class Prototype:
    """The prototype: its sitemap and start, and a wireframe per page, drawn when asked for
    (a build that reuses the last one's pages asks for few)."""

    builder: "_Builder" = field(repr=False, compare=False)
    sitemap: tuple[SitemapGroup, ...]
    start: str
    """Where the prototype opens: the first launch page, else the first entry page, else the
    first page (full pages before overlays)."""
    marks_changes: bool = False
    """Whether the site marks changes since a revision (the prototype's switch for them)."""

    @property
    def page_list(self) -> list[Page]:
        """Every page, in spec order."""
        return list(self.builder.pages.values())

    def wireframe(self, page: Page) -> WireframePage:
        return self.builder.wireframe(page)

    def side_menu(self, page: Page) -> tuple[SideGroup, ...]:
        """What `wireframe(page).side_menu` will be, without drawing the page."""
        return self.builder.side_menu_of(page)

    @cached_property
    def pages(self) -> tuple[WireframePage, ...]:
        """One wireframe per page id, in spec order."""
        return tuple(self.wireframe(page) for page in self.page_list)


def prototype(context: RenderContext) -> Prototype | None:
    """The whole prototype, or None for a project without pages."""
    builder = _Builder(context)
    pages = list(builder.pages.values())
    if not pages:
        return None
    full = [page for page in pages if page.kind not in OVERLAY_KINDS] or pages
    start = next((page for page in full if "launch" in page.entry),
                 next((page for page in full if page.is_entry), full[0]))
    history = context.history
    return Prototype(builder, builder.sitemap(), start.id,
                     history is not None and history.since is not None)


class _Builder:
    """Resolves jumps against the project once, for every wireframe."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.project: Project = context.project
        self.index = context.project.index
        self.pages: Mapping[str, Page] = self.index.items["pages"]  # type: ignore[assignment]
        self.tabs = {text: page.id for page in self.pages.values() if "tab" in page.entry
                     for text in (page.menu, page.title) if text}
        self.global_tabbar = next(
            (element for page in self.pages.values() if "tab" in page.entry
             for element in page.elements if element.type == "tabbar"), None)
        self.page_changes, self.element_changes = _changes(context)
        self.side_groups: dict[str, list[tuple[str, str]]] = {}
        """The back office's menu: (entry, page id) of every web page, by group."""
        self.side_group_of: dict[str, str] = {}
        for page in self.pages.values():
            if page.device == "web" and page.kind not in OVERLAY_KINDS:
                group, entry = self.menu_entry(page)
                self.side_groups.setdefault(group, []).append((entry, page.id))
                self.side_group_of[page.id] = group

    def side_menu_of(self, page: Page) -> tuple[SideGroup, ...]:
        """A web page's side menu, as a back office's opens: every group by its title (a link
        to its first page), and the entries of the group the page is in — not every web page
        on every web page, which grows with the square of the product (617 web pages of
        ~3,000 links each, in every state, at 10,000 items)."""
        if page.device != "web":
            return ()
        own = self.side_group_of.get(page.id)
        return tuple(SideGroup(group, entries[0][1], tuple(entries) if group == own else ())
                     for group, entries in self.side_groups.items())

    def menu_entry(self, page: Page) -> tuple[str, str]:
        """(group, entry) of a web page in the side menu: its `menu`'s first and last levels,
        else its module and title."""
        levels = [level.strip() for level in page.menu.split("/") if level.strip()]
        if len(levels) > 1:
            return levels[0], levels[-1]
        return self.index.module_of(page.id).title, (levels or [page.title])[0]

    def wireframe(self, page: Page, with_overlays: bool = True) -> WireframePage:
        """The page's screens; with every overlay it can open (flat: an overlay opened from
        an overlay is in its page's list, so one page's HTML can show them all)."""
        page_looks = looks(page, page.device or "mobile")
        widgets = tuple(self.widget(number, element, page.id, page_looks[element.id],
                                    page.device or "mobile")
                        for number, element in enumerate(page.elements, start=1))
        overlays = tuple(self.wireframe(self.pages[overlay], with_overlays=False)
                         for overlay in self.overlays_of(page.id)) if with_overlays else ()
        tabbar = next((widget for widget in widgets if widget.element.type == "tabbar"), None)
        if tabbar is None and "tab" in page.entry and self.global_tabbar is not None:
            tabbar = self.widget(0, self.global_tabbar)
        return WireframePage(page, page.device or "mobile", self.screens(page, widgets), widgets,
                             tabbar, overlays, self.index.opener_page(page.id) or "",
                             SiteMap.link(SiteMap.item("pages", page.id)), self.steps_on(page.id),
                             change=self.page_changes.get(page.id, ""),
                             side_menu=self.side_menu_of(page))

    def steps_on(self, page_id: str) -> tuple[tuple[str, str], ...]:
        """The flow steps that happen on a page, each as text and a link to its row."""
        found = []
        for link in self.index.steps_naming.get(("pages", page_id), ()):
            step = self.index.step(link.flow, link.step)
            if step is not None:
                text = self.context.labels["step_of_flow"].format(
                    flow=self.index.title_of("flows", link.flow), step=step.label or step.id)
                found.append((text, SiteMap.link(SiteMap.item("flows", link.flow), "step-" + step.id)))
        return tuple(found)

    def screens(self, page: Page, widgets: tuple[Widget, ...]) -> tuple[Screen, ...]:
        if not page.states:
            return (Screen("", self.context.labels["proto_default_state"], "", (), widgets),)
        scope = self.index.page_scope(page.id)
        return tuple(Screen(state.name, self.state_label(page, state.name), state.description,
                            tuple(segments(self.context, copy, scope) for copy in state.copy_text),
                            _visible(widgets, page.shown_in(state)),
                            state.name if state.name in PLACEHOLDER_STATES else "")
                     for state in _first_of_each_state(page.states))

    def state_label(self, page: Page, name: str) -> str:
        """The switcher's name of a state: a usual state's meaning in the project's language
        (`empty（无数据）`), a custom state's title (`Page.state_title`)."""
        if self.context.labels.get("state_meaning_" + name, ""):
            return state_name(self.context, name)
        return page.state_title(name) or name

    def widget(self, number: int, element: Element, page_id: str = "",
               look: tuple[str, str, bool] = ("", "", False), device: str = "mobile") -> Widget:
        choices = [self.choice(event, jump.to, jump.when, jump.effect, jump.note)
                   for event, jumps in element.actions() for jump in jumps]
        tabs: tuple[tuple[str, Choice | None], ...] = ()
        if element.type == "tabbar" and not choices:
            tabs = tuple((item, self.choice("tap", self.tabs[item], "", "", "")
                          if item in self.tabs else None) for item in element.items)
        rules = tuple((rule_id, self.context.title_of("rules", rule_id),
                       SiteMap.link(SiteMap.item("rules", rule_id)))
                      for rule_id in dict.fromkeys(element.rules)
                      if rule_id in self.project.index.items["rules"])
        label = segments(self.context, element.label, self.index.page_scope(page_id, element.id)) \
            if element.label else ()
        shows, example = self.shows(element.shows)
        return Widget(number, element, tuple(choices), rules, shows, tabs, label,
                      change=self.element_changes.get((page_id, element.id), ""),
                      variant=look[0], dock=look[1], beside=look[2],
                      example=element.example or example,
                      cells=cells(element),
                      filters=filters(element, device, self.bound_object(element.shows),
                                      self.context.labels["proto_filter_all"]))

    def bound_object(self, reference: str | None) -> BusinessObject | None:
        """The business object an element's `shows` names (`campaign` for `campaign.title`)."""
        return self.project.index.items["objects"].get((reference or "").partition(".")[0])

    def shows(self, reference: str | None) -> tuple[str, str]:
        """The data an element shows, in words (`商品 › 标题`), and its attribute's example."""
        object_id, _, attribute_id = (reference or "").partition(".")
        business_object = self.project.index.items["objects"].get(object_id)
        if business_object is None:
            return reference or "", ""
        attribute = next((item for item in business_object.attributes if item.id == attribute_id),
                         None)
        name = (attribute.name or attribute.id) if attribute else attribute_id
        return (f"{business_object.name} › {name}" if name else business_object.name,
                attribute.example if attribute else "")

    def choice(self, event: str, target: str | None, when: str, effect: str, note: str) -> Choice:
        page = self.pages.get(target or "")
        if target in SPECIAL_TARGETS:
            does = target
        elif page is None:
            does = "stay"            # no target, or an unknown one (check reports it)
        elif page.kind == "toast":
            does = "toast"
        elif page.kind in OVERLAY_KINDS:
            does = "open"
        else:
            does = "go"
        title = page.title if page is not None else ""
        return Choice(does, event, when, target if page is not None else "", title, effect, note)

    def sitemap(self) -> tuple[SitemapGroup, ...]:
        """Pages by module, entry pages first, each overlay under the page that first opens it."""
        groups = []
        for module in self.index.modules:
            pages = [self.pages[page_id] for page_id in module.pages]
            tops = [page for page in pages if page.kind not in OVERLAY_KINDS
                    or self.index.opener_page(page.id) is None]
            tops.sort(key=lambda page: not page.is_entry)          # stable: spec order otherwise
            entries = tuple(SitemapEntry(page, tuple(
                self.pages[child] for child in self.overlays_of(page.id)
                if self.index.opener_page(child) == page.id)) for page in tops)
            groups.append(SitemapGroup(module.title, entries))
        return tuple(group for group in groups if group.entries)

    def overlays_of(self, page_id: str) -> list[str]:
        """The overlays reachable from a page through overlays only, breadth first."""
        found: list[str] = []
        queue = [page_id]
        while queue:
            for target in self.index.targets_of(queue.pop(0)):
                page = self.pages.get(target)
                if page is not None and page.kind in OVERLAY_KINDS and target not in found \
                        and target != page_id:
                    found.append(target)
                    queue.append(target)
        return found


def _changes(context: RenderContext) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Pages new or changed since the revision the site marks, and the elements new or
    changed on changed pages (an element whose jumps changed is changed): every element of a
    new page is new, and its title says so once."""
    changes = context.history.since if context.history is not None else None
    pages: dict[str, str] = {}
    elements: dict[tuple[str, str], str] = {}
    for item in changes.in_section("pages") if changes is not None else ():
        if item.change not in ("added", "changed", "renamed"):
            continue
        pages[item.id] = "added" if item.change == "added" else "changed"
        for field in item.fields:
            element = field.key.partition(" on ")[0] if field.part == "jump" else field.key
            if field.part in ("element", "jump") and (item.id, element) not in elements:
                added = field.part == "element" and field.change == "added" and not field.field
                elements[(item.id, element)] = "added" if added else "changed"
    return pages, elements


def _first_of_each_state(states: Iterable[State]) -> list[State]:
    seen: set[str] = set()
    return [state for state in states if not (state.name in seen or seen.add(state.name))]


def _visible(widgets: tuple[Widget, ...], shown: tuple[Element, ...]) -> tuple[Widget, ...]:
    """The widgets of the elements a state shows (`Page.shown_in`)."""
    ids = {element.id for element in shown}
    return tuple(widget for widget in widgets if widget.element.id in ids)
