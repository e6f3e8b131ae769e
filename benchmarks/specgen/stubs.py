"""A module's pages before their elements: ids, titles, kinds, and the page tree that makes
every page reachable from the entry pages (children, dialogs, hubs of other modules)."""

from __future__ import annotations

import dataclasses
import random

from . import vocab
from .plan import (ENTRY_MODULES, NORMAL, PAGE_CHILDREN, PARALLEL_SHARE, ModuleInfo, PageStub,
                   Shape, hub_id, page_kinds)

SECTION_SHARE = 0.75
"""In a dense product, the share of extra links that stay in the page's menu section."""


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


def module_stubs(module: ModuleInfo, rng: random.Random, shape: Shape = NORMAL) -> list[PageStub]:
    """Every page and dialog of a module, the hub first, linked as a tree (and in a dense
    product, in menu sections with many more links)."""
    stubs = _tree_stubs(module, rng)
    return _densified(stubs, rng, shape) if shape.dense else stubs


def _tree_stubs(module: ModuleInfo, rng: random.Random) -> list[PageStub]:
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


def _sections(stubs: list[PageStub]) -> dict[str, str]:
    """Page id -> the title of its branch below the hub (the hub: its own title); a dialog
    sits in the section of the page that opens it."""
    section = {stubs[0].id: stubs[0].title}
    by_id = {stub.id: stub for stub in stubs}
    for branch in stubs[0].children:
        pending = [branch]
        title = by_id[branch].title
        while pending:
            page_id = pending.pop()
            section[page_id] = title
            pending.extend(by_id[page_id].children)
    for stub in stubs:
        for dialog in stub.dialogs:
            section[dialog] = section.get(stub.id, stubs[0].title)
    return section


def _densified(stubs: list[PageStub], rng: random.Random, shape: Shape) -> list[PageStub]:
    """Each page's section, and for pages (not dialogs) extra links: most to pages of its
    section, some anywhere in the module, some a second link to a page it already links to."""
    section = _sections(stubs)
    members: dict[str, list[str]] = {}
    for stub in stubs:
        members.setdefault(section.get(stub.id, stubs[0].title), []).append(stub.id)
    everyone = [stub.id for stub in stubs]
    result = []
    for stub in stubs:
        own = section.get(stub.id, stubs[0].title)
        links: list[str] = []
        if stub.kind == "page":
            for _ in range(rng.randint(*shape.extra_links)):
                linked = list(stub.children) + links
                if linked and rng.random() < PARALLEL_SHARE:
                    links.append(rng.choice(linked))
                    continue
                pool = members[own] if rng.random() < SECTION_SHARE else everyone
                candidates = [page_id for page_id in pool if page_id != stub.id]
                if candidates:
                    links.append(rng.choice(candidates))
        result.append(dataclasses.replace(stub, links=tuple(links), section=own))
    return result
