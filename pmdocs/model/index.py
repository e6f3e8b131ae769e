"""The facts several stages derive from a project, derived once, right after the model: items
by kind and id, the module of every page, the jumps between pages, the entry pages, the page
that opens each overlay, what an entry page can reach, every reference by id
(`model.references`) with its reverse ("referenced by"), and the flow steps that name each
page, feature, rule and lifecycle event. Frozen; check, graph, render and the prototype read it
and derive none of it again (two copies of a derivation come to disagree).
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, NamedTuple

from ..labels import labels_for
from .base import ID_PATTERN, Spec
from .domains import Domain, domain_of
from .governance import governing, pages_of_rules, rules_of_objects
from .parameters import ParameterUse, Resolver, parameter_uses
from .references import Key, Reference, references
from .spec import (SECTIONS, SPECIAL_TARGETS, BusinessObject, CheckSettings, Element, Flow, Input,
                   Jump, Page, Step)
from .states import page_type, required_states

if TYPE_CHECKING:
    from .project import Project

__all__ = ["Key", "Module", "OTHER_MODULE", "OVERLAY_KINDS", "PageJump", "ProjectIndex",
           "Reference", "StepLink", "build_index"]

ESCAPED_DOLLAR = re.compile(r"\\(?:x24|u0024|U00000024)", re.IGNORECASE)
"""A YAML escape that makes a `$` (a file without it or a `$` names no parameter)."""
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


class StepLink(NamedTuple):
    """A flow step that names an item: it happens on a page, belongs to a feature, applies a
    rule or fires a lifecycle event."""

    flow: str
    step: str
    relation: str
    """`step_page`, `step_feature`, `step_rule` or `step_fires`."""


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
    check_settings: CheckSettings
    """pmdocs.yml's `check` settings (what a page's required states depend on)."""
    parameter_files: frozenset[str] | None = None
    """The spec files whose text may name a `$parameter` (None: any); the items of the others
    need no reading for one (at N=2,000 most page files have none)."""

    @cached_property
    def referenced_by(self) -> Mapping[Key, tuple[Reference, ...]]:
        """Per item, the references to it from other items, sorted, one per source and
        relation. (Derived when first asked, once: the site asks, the check does not.)"""
        used = tuple(Reference(use.source, "parameter", "rules", use.rule, "", use.context,
                               use.node, use.path) for use in self.parameter_uses if use.rule)
        return _referenced_by(self.references + used, self.items)

    @cached_property
    def input_domains(self) -> Mapping[tuple[str, str], Domain]:
        """Per rule input with `from` (rule id, input id), the values it takes from the model
        (inputs whose `from` names nothing known are left out: PM301 reports them)."""
        objects: Mapping[str, BusinessObject] = self.items["objects"]  # type: ignore[assignment]
        found = {}
        for rule in self.listed["rules"]:
            for item in rule.inputs:  # type: ignore[attr-defined]
                domain = domain_of(objects, item.source) if item.source else None
                if domain is not None:
                    found.setdefault((rule.id, item.id), domain)
        return found

    def input_values(self, rule_id: str, item: Input) -> tuple[str, ...]:
        """The values of a rule's enum input: those it takes from the model (`from`), else the
        ones it lists."""
        domain = self.input_domains.get((rule_id, item.id)) if item.source else None
        return domain.values if domain is not None and not domain.problem else tuple(item.values)

    @cached_property
    def governing(self) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
        """Per page, the rules that govern it, each with the ids of its elements the rule
        names (`model.governance`)."""
        return governing(self.listed["rules"], self.listed["pages"])  # type: ignore[arg-type]

    @cached_property
    def rule_pages(self) -> Mapping[str, tuple[str, ...]]:
        """Per rule, the pages it governs."""
        return pages_of_rules(self.governing)

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver(self.listed["rules"])  # type: ignore[arg-type]

    @cached_property
    def parameter_uses(self) -> tuple[ParameterUse, ...]:
        """Every `$parameter` in the texts outside table cells, with the rule it names
        (`model.parameters`: the nearest rule that defines it)."""
        listed, files = self.listed, self.parameter_files

        def may_name(item: Spec) -> bool:
            return files is None or item.file in files
        return tuple(parameter_uses(
            *(tuple(filter(may_name, listed[section]))  # type: ignore[arg-type]
              for section in ("pages", "rules", "flows", "objects")),
            lambda page_id: tuple(self.governing.get(page_id, {})),
            lambda: self.object_rules, self.resolver))

    @cached_property
    def object_rules(self) -> Mapping[str, tuple[str, ...]]:
        """Per object, the rules whose inputs take their values from it (`from:`)."""
        return rules_of_objects(self.input_domains)

    def page_scope(self, page_id: str, element_id: str = "") -> tuple[str, ...]:
        """The rules a page's (or one of its elements') `$parameters` belong to first."""
        page = self.page(page_id)
        element = page.element(element_id) if page is not None and element_id else None
        return (*(element.rules if element is not None else ()), *self.governing.get(page_id, {}))

    @cached_property
    def page_types(self) -> Mapping[str, str]:
        """Per page, its type (`model.states`): as written, else `list` or `static` by what it
        shows; "" for a toast."""
        return {page.id: page_type(page) for page in self.listed["pages"]}  # type: ignore[arg-type]

    @cached_property
    def required_states(self) -> Mapping[str, tuple[str, ...]]:
        """Per page, the states it must describe under the project's settings."""
        pages: tuple[Page, ...] = self.listed["pages"]  # type: ignore[assignment]
        return {page.id: required_states(self.page_types[page.id], page.type is not None,
                                         self.check_settings) for page in pages}

    @cached_property
    def steps_naming(self) -> Mapping[Key, tuple[StepLink, ...]]:
        """Per page, feature or rule (`("pages", "cart")`) and per lifecycle event
        (`("objects", "order.支付成功")`), the flow steps that name it, in spec order."""
        found: dict[Key, list[StepLink]] = {}
        for reference in self.references:
            if reference.part and reference.relation.startswith("step_"):
                link = StepLink(reference.source[1], reference.part, reference.relation)
                steps = found.setdefault((reference.section, reference.value), [])
                if link not in steps:
                    steps.append(link)
        return {key: tuple(steps) for key, steps in found.items()}

    def item(self, section: str, item_id: str) -> Spec | None:
        return self.items[section].get(item_id)

    def page(self, page_id: str) -> Page | None:
        return self.items["pages"].get(page_id)  # type: ignore[return-value]

    def step(self, flow_id: str, step_id: str) -> Step | None:
        """A step of a flow (the first with that id), or None."""
        flow = self.items["flows"].get(flow_id)
        return next((step for step in flow.steps if step.id == step_id), None) \
            if isinstance(flow, Flow) else None

    def title_of(self, section: str, item_id: str) -> str:
        """An item's title or name as readers know it; its id when it has none or is unknown."""
        item = self.item(section, item_id)
        return getattr(item, "title", None) or getattr(item, "name", None) or item_id

    def element_title(self, element: Element) -> str:
        """What a reader calls an element: its label, else its placeholder, else the name of
        what it shows (a list, table or card: the object's; another element: the attribute's),
        else the names of its images (`主图 / 细节图`), else its id."""
        if element.label.strip() or element.placeholder.strip():
            return element.label if element.label.strip() else element.placeholder
        object_id, _, attribute_id = (element.shows or "").partition(".")
        shown = self.items["objects"].get(object_id)
        if not isinstance(shown, BusinessObject):
            names = [item.strip() for item in element.items if item.strip()]
            return " / ".join(names) if element.type == "image" and names else element.id
        attribute = next((item.name for item in shown.attributes
                          if item.id == attribute_id and item.name.strip()), "")
        if element.type in ("list", "table", "card") or not attribute:
            return shown.name.strip() or element.id
        return attribute

    def menu_of(self, page: Page) -> tuple[str, ...]:
        """The menu levels a page sits under in its module (`我的 / 我的订单` is two), without
        a level that only repeats the one above it (menu 首页 in module 首页)."""
        levels: list[str] = []
        above = " ".join(self.module_of(page.id).title.split())
        for part in (part.strip() for part in page.menu.split("/")):
            if part and " ".join(part.split()) != above:
                levels.append(part)
            above = " ".join(part.split()) or above
        return tuple(levels)

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
    references_found = tuple(references(project))
    return ProjectIndex(items, listed, modules, page_module, jumps, entry_pages,
                        _reachable(entry_pages, jumps), openers,
                        {source: tuple(found) for source, found in by_source.items()},
                        references_found, project.settings.check,
                        frozenset(path for path, text in project.sources.items()
                                  if "$" in text or ESCAPED_DOLLAR.search(text)))


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


def _referenced_by(references: tuple[Reference, ...],
                   items: Mapping[str, Mapping[str, Spec]]) -> dict[Key, tuple[Reference, ...]]:
    found: dict[Key, dict[tuple[Key, str], Reference]] = {}
    for reference in references:
        target = reference.target
        if target[0] in items and target[1] in items[target[0]] and target != reference.source:
            found.setdefault(target, {}).setdefault((reference.source, reference.relation), reference)
    return {key: tuple(value for _, value in sorted(by_source.items()))
            for key, by_source in sorted(found.items())}
