"""The shape of a synthetic project before any item is written: counts, modules, ids, the
page tree. Everything here is a frozen value computed from N and the seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import vocab

ENTRY_MODULES = 4
"""How many module hubs are entry pages (tabs); the other hubs hang below them."""
HUB_CHILDREN = 2
"""How many other modules' hubs a hub links to."""
PAGE_CHILDREN = 3
"""How many pages of its own module a page links to (the page tree's branching)."""
ITEMS_PER_MODULE = 100


@dataclass(frozen=True)
class Shape:
    """How a generated product is shaped: the ordinary mix, or the dense one of a large
    product (`--dense`: modules of ~80 pages with many links each, many features)."""

    dense: bool = False

    @property
    def elements(self) -> tuple[int, int]:
        """The least and most elements of a page."""
        return (5, 12) if self.dense else (4, 10)

    @property
    def extra_links(self) -> tuple[int, int]:
        """The least and most links a page has beside its tree links (to pages of its module,
        most in its own menu section; some a second link to the same page)."""
        return (4, 8) if self.dense else (0, 0)


NORMAL = Shape()
DENSE = Shape(dense=True)
PAGES_PER_DENSE_MODULE = 80
PARALLEL_SHARE = 0.3
"""In a dense product, the share of extra links that lead to a page the page already links
to (a button and a card to the same detail page): parallel jumps."""


@dataclass(frozen=True)
class Counts:
    """How many items of each section the project holds."""

    roles: int
    objects: int
    flows: int
    features: int
    rules: int
    pages: int

    @property
    def total(self) -> int:
        return self.roles + self.objects + self.flows + self.features + self.rules + self.pages


@dataclass(frozen=True)
class ModuleInfo:
    id: str
    title: str
    noun: str
    device: str
    index: int
    counts: Counts


@dataclass(frozen=True)
class PageStub:
    """A page or dialog before its elements are written: id, kind, and where it links."""

    id: str
    kind: str          # page | dialog | sheet
    slug: str          # the page kind's slug (list, detail, confirm ...)
    title: str
    children: tuple[str, ...] = ()
    dialogs: tuple[str, ...] = ()
    entry: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    """Dense products: more pages it links to, beside its children (a page may repeat)."""
    section: str = ""
    """Dense products: the menu section the page sits in (its branch of the page tree)."""

    @property
    def local(self) -> str:
        """The id without its module prefix (used to name elements that lead here)."""
        return self.id.split("-", 1)[1]


def counts_for(total: int) -> Counts:
    """The section mix of a real product: 50% pages, 15% features and rules, 5% flows and
    objects, 10% roles (capped; the surplus goes to pages)."""
    roles = min(max(3, round(total * 0.10)), vocab.MAX_ROLES)
    objects, flows = max(1, round(total * 0.05)), max(1, round(total * 0.05))
    features, rules = max(1, round(total * 0.15)), max(1, round(total * 0.15))
    pages = total - roles - objects - flows - features - rules
    return Counts(roles, objects, flows, features, rules, pages)


def dense_counts_for(total: int) -> Counts:
    """The dense mix: 25% features, 6.5% rules, 2.5% flows and objects, roles capped, the
    rest (~63%) pages; N = 4000 gives 2,510 pages and 1,000 features."""
    roles = min(max(3, round(total * 0.10)), vocab.MAX_ROLES)
    objects, flows = max(1, round(total * 0.025)), max(1, round(total * 0.025))
    features, rules = max(1, round(total * 0.25)), max(1, round(total * 0.065))
    pages = total - roles - objects - flows - features - rules
    return Counts(roles, objects, flows, features, rules, pages)


def share(count: int, parts: int, index: int) -> int:
    """The `index`-th of `parts` near-equal shares of `count`."""
    return count // parts + (1 if index < count % parts else 0)


def modules_for(counts: Counts, shape: Shape = NORMAL) -> tuple[ModuleInfo, ...]:
    """Modules of about ITEMS_PER_MODULE items each (dense: PAGES_PER_DENSE_MODULE pages);
    names repeat with a number past 30."""
    wanted = (counts.pages / PAGES_PER_DENSE_MODULE if shape.dense
              else counts.total / ITEMS_PER_MODULE)
    module_count = max(1, min(counts.pages, round(wanted)))
    modules = []
    for index in range(module_count):
        base_id, title, noun, device = vocab.MODULES[index % len(vocab.MODULES)]
        round_number = index // len(vocab.MODULES)
        module_id = base_id if round_number == 0 else f"{base_id}{round_number + 1}"
        module_title = title if round_number == 0 else f"{title}{round_number + 1}"
        module_counts = Counts(0, *(share(getattr(counts, name), module_count, index)
                                    for name in ("objects", "flows", "features", "rules", "pages")))
        modules.append(ModuleInfo(module_id, module_title, noun, device, index, module_counts))
    return tuple(modules)


def hub_id(module: ModuleInfo) -> str:
    return f"{module.id}-home"


def hub_children(modules: tuple[ModuleInfo, ...], index: int) -> tuple[str, ...]:
    """Hubs of the modules that hang below module `index` (a tree of hubs under the tabs)."""
    entries = min(ENTRY_MODULES, len(modules))
    return tuple(hub_id(modules[child]) for child in range(entries, len(modules))
                 if (child - entries) // HUB_CHILDREN == index)


def page_kinds(count: int, rng: random.Random) -> list[str]:
    """Kinds of a module's pages: the hub is a page; then about 68% pages, 25% dialogs,
    7% sheets."""
    kinds = ["page"]
    for _ in range(count - 1):
        roll = rng.random()
        kinds.append("page" if roll < 0.68 else "dialog" if roll < 0.93 else "sheet")
    return kinds
