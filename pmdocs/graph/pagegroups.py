"""Dividing a large module's pages into groups, each drawn as a map of its own: by the top
menu level when the module's menus divide it, else by entry page and the pages below it (the
first pages a breadth-first walk over the module's jumps reaches, each with what it reaches
first). Groups of at most MAX_GROUP_PAGES pages, in the order of the module's pages; small
neighbours merged, a large one cut."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..labels import Labels
from ..model.index import Module, ProjectIndex

MAX_GROUP_PAGES = 20
MIN_MENU_PAGES = 4
"""Menus divide a module when its top menu levels hold this many pages each on average
(a menu per page, as many products write them, divides nothing)."""
MAX_TITLES = 2


@dataclass(frozen=True)
class PageGroup:
    """A group of a module's pages: its number in the module (from 1), title and pages."""

    number: int
    title: str
    pages: tuple[str, ...]


@dataclass(frozen=True)
class _Seed:
    """Pages that belong together before packing: a menu's, or a page and those below it."""

    titles: tuple[str, ...]
    pages: tuple[str, ...]


def page_groups(index: ProjectIndex, module: Module, labels: Labels,
                max_pages: int | None = None) -> tuple[PageGroup, ...]:
    """The module's pages in groups of at most `max_pages` (MAX_GROUP_PAGES unless given;
    one group when the module is small)."""
    seeds = _menu_seeds(index, module) or _tree_seeds(index, module)
    packed = _packed(seeds, max_pages or MAX_GROUP_PAGES)
    return tuple(PageGroup(number, _title(seed.titles, labels), seed.pages)
                 for number, seed in enumerate(packed, start=1))


def _menu_seeds(index: ProjectIndex, module: Module) -> list[_Seed]:
    """One seed per top menu level; a page with no menu joins the page that opens it. None
    when the menus do not divide the module."""
    key_of: dict[str, str] = {}
    for page in index.pages_of(module):
        levels = index.menu_of(page)
        if levels:
            key_of[page.id] = levels[0]
    for page_id in module.pages:
        opener = index.opener_page(page_id)
        if page_id not in key_of and opener in key_of:
            key_of[page_id] = key_of[opener]   # type: ignore[index]
    keys = list(dict.fromkeys(key_of[page_id] for page_id in module.pages if page_id in key_of))
    if len(keys) < 2 or len(keys) * MIN_MENU_PAGES > len(module.pages):
        return []
    members: dict[str, list[str]] = {key: [] for key in keys}
    loose = [page_id for page_id in module.pages if page_id not in key_of]
    for page_id in module.pages:
        if page_id in key_of:
            members[key_of[page_id]].append(page_id)
    seeds = [_Seed((key,), tuple(pages)) for key, pages in members.items()]
    if loose:
        seeds.append(_Seed((index.title_of("pages", loose[0]),), tuple(loose)))
    return seeds


def _tree_seeds(index: ProjectIndex, module: Module) -> list[_Seed]:
    """Breadth first from the module's entry pages (else its first page) over the jumps
    between its pages: a root alone, and each page a root reaches first with the pages it
    reaches first; pages no walk reached start walks of their own."""
    own = set(module.pages)
    entries = [page_id for page_id in module.pages if page_id in set(index.entry_pages)]
    owner: dict[str, str] = {}
    for root in entries or module.pages[:1]:
        _walk(index, own, root, owner)
    for page_id in module.pages:
        if page_id not in owner:
            _walk(index, own, page_id, owner)
    members: dict[str, list[str]] = {}
    for page_id in module.pages:
        members.setdefault(owner[page_id], []).append(page_id)
    order = list(dict.fromkeys(owner.values()))
    return [_Seed((index.title_of("pages", head),), tuple(members[head])) for head in order]


def _walk(index: ProjectIndex, own: set[str], root: str, owner: dict[str, str]) -> None:
    """Breadth first from `root` over pages not yet owned: the root owns itself, a page it
    leads to owns itself, and every page further on has the owner of the page it came from."""
    if root in owner:
        return
    owner[root] = root
    queue = [root]
    for current in queue:
        for target in index.targets_of(current):
            if target in own and target not in owner:
                owner[target] = target if current == root else owner[current]
                queue.append(target)


def _packed(seeds: Sequence[_Seed], max_pages: int) -> list[_Seed]:
    """Seeds cut into near-equal pieces of at most `max_pages` pages, then neighbours merged
    while they fit."""
    pieces = [_Seed(seed.titles, part) for seed in seeds for part in _cut(seed.pages, max_pages)]
    packed: list[_Seed] = []
    for piece in pieces:
        if packed and len(packed[-1].pages) + len(piece.pages) <= max_pages:
            last = packed.pop()
            piece = _Seed(tuple(dict.fromkeys(last.titles + piece.titles)),
                          last.pages + piece.pages)
        packed.append(piece)
    return packed


def _cut(pages: tuple[str, ...], max_pages: int) -> list[tuple[str, ...]]:
    """`pages` in the fewest near-equal runs of at most `max_pages`."""
    parts = -(-len(pages) // max_pages)
    return [pages[index * len(pages) // parts:(index + 1) * len(pages) // parts]
            for index in range(parts)]


def _title(titles: Sequence[str], labels: Labels) -> str:
    """`订单列表、订单详情` or, past MAX_TITLES, `订单列表、订单详情 …`."""
    shown = labels["list_separator"].join(titles[:MAX_TITLES])
    return f"{shown} …" if len(titles) > MAX_TITLES else shown
