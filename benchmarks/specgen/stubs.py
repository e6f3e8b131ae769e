"""A module's pages before their elements: ids, titles, kinds, and the page tree that makes
every page reachable from the entry pages (children, dialogs, hubs of other modules)."""

from __future__ import annotations

import random

from . import vocab
from .plan import ENTRY_MODULES, PAGE_CHILDREN, ModuleInfo, PageStub, hub_id, page_kinds


def hub_title(module: ModuleInfo) -> str:
    return module.title if module.id.startswith("home") else f"{module.title}中心"


def hub_entry(module: ModuleInfo) -> tuple[str, ...]:
    if module.index == 0:
        return ("launch", "tab")
    return ("tab",) if module.index < ENTRY_MODULES else ()


def _named(module: ModuleInfo, kind: str, position: int, rng: random.Random,
           used_titles: dict[str, int]) -> tuple[str, str, str]:
    """(id, slug, title) of the module's page at `position`."""
    if kind == "page":
        slug, suffix = rng.choice(vocab.PAGE_KINDS[1:] if position else vocab.PAGE_KINDS[:1])
        title = f"{module.noun}{suffix}"
    else:
        slug, title, _ = rng.choice(vocab.DIALOG_KINDS)
    used_titles[title] = used_titles.get(title, 0) + 1
    if used_titles[title] > 1:
        title = f"{title} {used_titles[title]}"
    return f"{module.id}-{slug}-{position}", slug, title


def module_stubs(module: ModuleInfo, rng: random.Random) -> list[PageStub]:
    """Every page and dialog of a module, the hub first, linked as a tree."""
    kinds = page_kinds(module.counts.pages, rng)
    used_titles: dict[str, int] = {}
    named = [_named(module, kind, position, rng, used_titles) for position, kind in enumerate(kinds)]
    pages = [position for position, kind in enumerate(kinds) if kind == "page"]
    dialogs = [position for position, kind in enumerate(kinds) if kind != "page"]
    hosts = pages[1:] or pages
    dialogs_of = {page: tuple(named[dialog][0] for index, dialog in enumerate(dialogs)
                              if hosts[index % len(hosts)] == page) for page in pages}
    stubs = []
    for position, kind in enumerate(kinds):
        page_id, slug, title = named[position]
        if kind != "page":
            stubs.append(PageStub(page_id, kind, slug, title))
            continue
        rank = pages.index(position)
        children = tuple(named[pages[child]][0] for child in
                         range(rank * PAGE_CHILDREN + 1, rank * PAGE_CHILDREN + PAGE_CHILDREN + 1)
                         if child < len(pages))
        entry = hub_entry(module) if position == 0 else _deep_link(slug, children, rng)
        stubs.append(PageStub(hub_id(module) if position == 0 else page_id, kind, slug,
                              hub_title(module) if position == 0 else title, children,
                              dialogs_of[position], entry))
    return stubs


def _deep_link(slug: str, children: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """A few detail pages can also be opened from a push message or a shared link."""
    if slug == "detail" and not children and rng.random() < 0.15:
        return rng.choice((("push",), ("share", "link"), ("qr",)))
    return ()
