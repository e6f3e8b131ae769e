"""The facts several stages derive from a project, derived once, right after the model: items
by kind and id, the module of every page, the jumps between pages, the entry pages, the page
that opens each overlay, what an entry page can reach, and every reference by id with its
reverse ("referenced by"). Frozen; check, graph, render and the prototype read it and derive
none of it again (two copies of a derivation come to disagree).
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, NamedTuple

from ..issues import Location
from ..labels import labels_for
from .base import ID_PATTERN, Spec
from .spec import SECTIONS, SPECIAL_TARGETS, Element, Jump, Page

if TYPE_CHECKING:
    from .project import Project

Key = tuple[str, str]
"""An item by section and id: ("pages", "cart")."""

OTHER_MODULE = "_other"
"""The module of pages that name none."""
OVERLAY_KINDS = ("dialog", "sheet", "toast")


@dataclass(frozen=True)
class Module:
    """A module that has pages: declared in pmdocs.yml, or only named by pages."""

    key: str
    """Safe in a path or an id: the module's id when it is a slug (`trade`), else made from
    its name (`module-1a2b3c4d`); `_other` for pages that name no module."""
    title: str
    """As readers know it: the declared title, the name pages give, or "no module"."""
    pages: tuple[str, ...]
    """Its pages' ids, in spec order."""
    declared: bool


class PageJump(NamedTuple):
    """One way from a page: an element's event leads to a page of the project, or `back` or
    `close`. (A jump to an unknown page is a reference the check reports, not an edge.)
    Named tuples, these and `Reference`: a large project has tens of thousands, and a tuple
    is several times cheaper to make than a frozen dataclass."""

    source: str
    element: Element
    event: str
    target: str
    jump: Jump

    @property
    def special(self) -> bool:
        return self.target in SPECIAL_TARGETS


class Reference(NamedTuple):
    """One mention of an item by id inside another (or inside pmdocs.yml's settings)."""

    source: Key
    relation: str
    """How it mentions: `roles`, `pages` … (a feature's links), `jump`, `shows`, `rules`,
    `applies_to`, `outcome`, `editable_by`, `lane`, `relation`, `transition_by`, `release`,
    `module`."""
    section: str
    """The kind of thing named: an item section, or `releases` or `modules`."""
    value: str
    """As written: `login`, or `order.status` for a member (`shows`, `applies_to` elements)."""
    member: str = ""
    """For `owner.member` references, what the member is: `attribute`, `element`."""
    context: str = ""
    """The mentioning item in a message's words: "page `cart` › element `buy` › on tap"."""
    node: Spec | None = None
    path: tuple = ()

    @property
    def target(self) -> Key:
        """The item named (its owner, for `object.attribute` and `page.element`)."""
        return (self.section, self.value.partition(".")[0] if self.member else self.value)

    @property
    def location(self) -> Location:
        """Where it is written (computed only when asked: positions cost)."""
        assert self.node is not None
        return self.node.at(*self.path)


@dataclass(frozen=True)
class ProjectIndex:
    items: Mapping[str, Mapping[str, Spec]]
    """Per section, id -> the first item with that id (the check reports repeats)."""
    listed: Mapping[str, tuple[Spec, ...]]
    """Per section, the items in spec order without later repeats of an id."""
    modules: tuple[Module, ...]
    """Modules with pages: declared ones in pmdocs.yml's order, then the others by name,
    then `_other`."""
    page_module: Mapping[str, str]
    """Page id -> its module's key."""
    jumps: tuple[PageJump, ...]
    entry_pages: tuple[str, ...]
    reachable: frozenset[str]
    """Pages an entry page leads to, through any number of jumps (entry pages included)."""
    openers: Mapping[str, str]
    """Page id -> the first page (in spec order) with a jump to it."""
    jumps_by_source: Mapping[str, tuple[PageJump, ...]]
    references: tuple[Reference, ...]

    @cached_property
    def referenced_by(self) -> Mapping[Key, tuple[Reference, ...]]:
        """Per item, the references to it from other items, sorted, one per source and
        relation. (Derived when first asked, once: the site asks, the check does not.)"""
        return _referenced_by(self.references, self.items)

    def item(self, section: str, item_id: str) -> Spec | None:
        return self.items[section].get(item_id)

    def page(self, page_id: str) -> Page | None:
        return self.items["pages"].get(page_id)  # type: ignore[return-value]

    def title_of(self, section: str, item_id: str) -> str:
        """An item's title or name as readers know it; its id when it has none or is unknown."""
        item = self.item(section, item_id)
        return getattr(item, "title", None) or getattr(item, "name", None) or item_id

    def module(self, key: str) -> Module | None:
        return next((module for module in self.modules if module.key == key), None)

    def pages_of(self, module: Module) -> tuple[Page, ...]:
        return tuple(self.items["pages"][page_id] for page_id in module.pages)  # type: ignore[misc]

    def module_of(self, page_id: str) -> Module:
        found = self.module(self.page_module.get(page_id, OTHER_MODULE))
        assert found is not None, page_id
        return found

    def jumps_from(self, page_id: str) -> tuple[PageJump, ...]:
        return self.jumps_by_source.get(page_id, ())

    def targets_of(self, page_id: str) -> list[str]:
        """The pages a page leads to, in spec order, without back and close."""
        return [jump.target for jump in self.jumps_from(page_id) if not jump.special]

    def opener_page(self, page_id: str) -> str | None:
        """The first full page that leads to this one, following overlays back to their page."""
        seen = {page_id}
        current = self.openers.get(page_id)
        while current is not None and current not in seen:
            page = self.page(current)
            if page is not None and page.kind not in OVERLAY_KINDS:
                return current
            seen.add(current)
            current = self.openers.get(current)
        return None


def build_index(project: "Project") -> ProjectIndex:
    """The index of a modelled project."""
    listed = {section: _first_of_each(project.items(section)) for section in SECTIONS}
    items = {section: {item.id: item for item in found} for section, found in listed.items()}
    pages: tuple[Page, ...] = listed["pages"]  # type: ignore[assignment]
    modules, page_module = _modules(project, pages,
                                    labels_for(project.settings.language)["no_module"])
    jumps = tuple(_jumps(pages, set(items["pages"])))
    by_source: dict[str, list[PageJump]] = {}
    openers: dict[str, str] = {}
    for jump in jumps:
        by_source.setdefault(jump.source, []).append(jump)
        if not jump.special and jump.target != jump.source:
            openers.setdefault(jump.target, jump.source)
    entry_pages = tuple(page.id for page in pages if page.is_entry)
    references = tuple(_references(project))
    return ProjectIndex(items, listed, modules, page_module, jumps, entry_pages,
                        _reachable(entry_pages, jumps), openers,
                        {source: tuple(found) for source, found in by_source.items()},
                        references)


def _first_of_each(items: Iterable[Spec]) -> tuple[Spec, ...]:
    seen: set[str] = set()
    return tuple(item for item in items if not (item.id in seen or seen.add(item.id)))


# ------------------------------------------------------------------------------ modules

def _modules(project: "Project", pages: tuple[Page, ...],
             no_module_title: str) -> tuple[tuple[Module, ...], dict[str, str]]:
    declared = {module.id: " ".join((module.title or module.id).split())
                for module in project.settings.modules}
    names = {page.id: page.module if page.module in declared else " ".join((page.module or "").split())
             for page in pages}
    named = sorted({name for name in names.values() if name and name not in declared})
    keys = {**{module_id: module_id for module_id in declared}, **_keys_for(named, set(declared))}
    page_module = {page.id: keys[names[page.id]] if names[page.id] else OTHER_MODULE
                   for page in pages}
    order = [*declared, *named, None]
    modules = []
    for name in order:
        key = keys[name] if name is not None else OTHER_MODULE
        members = tuple(page.id for page in pages if page_module[page.id] == key)
        if members:
            title = declared.get(name, name) if name is not None else no_module_title
            modules.append(Module(key, title, members, name in declared))
    return tuple(modules), page_module


def _keys_for(names: list[str], taken: set[str]) -> dict[str, str]:
    """A path-safe key for each module that pages name without pmdocs.yml declaring it: the
    name itself when it is a slug, else `module-` and a digest of the name (stable, whatever
    other modules come and go)."""
    keys = {}
    for name in names:
        key = name if re.match(ID_PATTERN, name) and name != OTHER_MODULE else \
            "module-" + hashlib.sha256(name.encode()).hexdigest()[:8]
        while key in taken:
            key += "-"
        taken.add(key)
        keys[name] = key
    return keys


# -------------------------------------------------------------------------------- jumps

def _jumps(pages: tuple[Page, ...], known: set[str]) -> Iterator[PageJump]:
    for page in pages:
        for element in page.elements:
            for event, jumps in element.actions():
                for jump in jumps:
                    if jump.to is not None and (jump.to in SPECIAL_TARGETS or jump.to in known):
                        yield PageJump(page.id, element, event, jump.to, jump)


def _reachable(entry_pages: tuple[str, ...], jumps: tuple[PageJump, ...]) -> frozenset[str]:
    targets: dict[str, list[str]] = {}
    for jump in jumps:
        if not jump.special:
            targets.setdefault(jump.source, []).append(jump.target)
    seen = set(entry_pages)
    queue = deque(sorted(seen))
    while queue:
        for target in targets.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return frozenset(seen)


# --------------------------------------------------------------------------- references

def _references(project: "Project") -> Iterator[Reference]:
    """Every mention of an item by id, in spec order (the check reports the unknown ones)."""
    for feature in project.features:
        source, context = ("features", feature.id), f"feature `{feature.id}`"
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
        for index, lane in enumerate(flow.lanes):
            yield Reference(("flows", flow.id), "lane", "roles", lane, "", f"flow `{flow.id}`",
                            flow, ("lanes", index))
    for business_object in project.objects:
        yield from _object_references(business_object)


def _page_references(project: "Project", page: Page) -> Iterator[Reference]:
    source, context = ("pages", page.id), f"page `{page.id}`"
    for index, role in enumerate(page.roles):
        yield Reference(source, "roles", "roles", role, "", context, page, ("roles", index))
    if project.settings.modules and page.module is not None:
        yield Reference(source, "module", "modules", page.module, "", context, page, ("module",))
    for element in page.elements:
        where = f"{context} › element `{element.id}`"
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
                    yield Reference(source, "jump", "pages", jump.to, "", f"{where} › on {event}",
                                    jump, ("to",))


def _rule_references(rule) -> Iterator[Reference]:
    source, context = ("rules", rule.id), f"rule `{rule.id}`"
    applies = rule.applies_to
    for field_name, section, member in (("features", "features", ""), ("pages", "pages", ""),
                                        ("elements", "pages", "element")):
        for index, value in enumerate(getattr(applies, field_name)):
            yield Reference(source, "applies_to", section, value, member, context, applies,
                            (field_name, index))
    for parameter in rule.parameters:
        for index, role in enumerate(parameter.editable_by):
            yield Reference(source, "editable_by", "roles", role, "",
                            f"{context} › parameter `{parameter.id}`", parameter,
                            ("editable_by", index))
    for row in rule.table:
        if row.then.to is not None and row.then.to not in SPECIAL_TARGETS:
            yield Reference(source, "outcome", "pages", row.then.to, "", context, row.then, ("to",))


def _object_references(business_object) -> Iterator[Reference]:
    source, context = ("objects", business_object.id), f"object `{business_object.id}`"
    for relation in business_object.relations:
        yield Reference(source, "relation", "objects", relation.to, "", context, relation, ("to",))
    if business_object.lifecycle is not None:
        for transition in business_object.lifecycle.transitions:
            if transition.by is not None:
                yield Reference(source, "transition_by", "roles", transition.by, "", context,
                                transition, ("by",))


def _referenced_by(references: tuple[Reference, ...],
                   items: Mapping[str, Mapping[str, Spec]]) -> dict[Key, tuple[Reference, ...]]:
    found: dict[Key, dict[tuple[Key, str], Reference]] = {}
    for reference in references:
        target = reference.target
        if target[0] in items and target[1] in items[target[0]] and target != reference.source:
            found.setdefault(target, {}).setdefault((reference.source, reference.relation), reference)
    return {key: tuple(value for _, value in sorted(by_source.items()))
            for key, by_source in sorted(found.items())}
