"""The one map of the site: where every document pmdocs generates lives, the order the
navigation lists them in, and the URL each is reached at — nothing else names a folder.

Document paths (`pages/cart.md`) are relative to the PRD's root (a front end may put the
whole PRD under a prefix). Links between generated documents are relative, so they work
under any base URL and from `file://`. Diagram nodes, the generated HTML tables and the
prototype write `pmdocs:<doc path>[#anchor]`; `resolve` turns those into URLs once the page
that shows them is known.
"""

from __future__ import annotations

import functools
import html
import math
import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from .model.spec import SECTIONS as ITEM_SECTIONS

if TYPE_CHECKING:
    from .model.index import ProjectIndex

LINK_SCHEME = "pmdocs:"
ITEM_FOLDERS: Mapping[str, str] = {section: section for section in ITEM_SECTIONS}
"""Each kind of item: the folder of its items' pages (and of its index, `<folder>/index.md`)."""
SECTIONS: Mapping[str, str] = {
    "home": "index.md", "features": "features/index.md", "releases": "releases.md",
    "flows": "flows/index.md", "usecases": "usecases.md", "objects": "objects/index.md",
    "roles": "roles/index.md", "structure": "structure.md", "pagemap": "pagemap/index.md",
    "rules": "rules/index.md", "trace": "trace.md", "copy": "copy.md", "glossary": "glossary.md",
    "codes": "codes.md"}
"""The site's own pages by name (also their label's key), in the navigation's order."""
TOOL_PAGES = ("codes",)
"""Those of them about pmdocs rather than the product (what each check code means): no
chapter of the PRD, they come after it."""
CHANGES = "changes.md"
"""What changed since a revision (only in a site built with `since:`); after the home page."""
MODULE_MAPS = "pagemap"
PROTOTYPE = "prototype"
PROTOTYPE_ASSETS = f"{PROTOTYPE}/_assets"
"""The prototype's script, style and sitemap; a page id never starts with `_`."""
ASSETS = "assets/pmdocs"
"""The site's own style and scripts."""
COPY_CSV = "copy.csv"
NAV_ITEM_SECTIONS = ("features", "flows", "objects", "roles", "rules")
"""The sections whose index lists its items in the navigation (pages go under their module,
in the page map's section)."""
NAV_GROUP_LIMIT = 40
"""The most entries one group of the navigation lists: a longer run of items is split into
groups (`first … last`), so that a page at N = 2,000 carries the entries of its own group
and the closed groups around it (with `navigation.prune`), not every item."""
NAV_RUN_LIMIT = 24
"""The most groups, or modules, one level of the navigation lists: more are gathered into
runs (`first … last`). Material renders every entry of each level a page is in, on every
page: at N = 10,000 the page maps' 100 modules were on each of 6,000 pages, and the site's
navigation grew with the square of the product."""

_LINK = re.compile(r'(\s(?:(?:xlink:)?href|src)=")pmdocs:([^"]*)"')


@dataclass(frozen=True)
class NavEntry:
    """A navigation entry: a page (`path`) or a group of entries. A title is HTML (a theme
    prints it as it is); an item's entry has none and shows the title its page gives."""

    title: str
    path: str | None = None
    children: tuple["NavEntry", ...] = ()


@dataclass(frozen=True)
class SiteMap:
    directory_urls: bool = False
    """How the engine names built pages: `pages/cart.html`, or `pages/cart/` (mkdocs'
    `use_directory_urls`)."""

    # ------------------------------------------------------------------ documents

    @staticmethod
    def section(name: str) -> str:
        """A page of the site by name (`SECTIONS`): `trace.md`, `features/index.md`."""
        return SECTIONS[name]

    @staticmethod
    def item(section: str, item_id: str) -> str:
        """`pages/cart.md` for the page `cart`."""
        return f"{ITEM_FOLDERS[section]}/{item_id}.md"

    @staticmethod
    def changes() -> str:
        return CHANGES

    @staticmethod
    def module_map(module_key: str) -> str:
        return f"{MODULE_MAPS}/{module_key}.md"

    @staticmethod
    def page_group(number: int) -> str:
        """The anchor, on a large module's map page, of the map of its `number`-th group of
        pages: `group-2`."""
        return f"group-{number}"

    @staticmethod
    def usecase_module(module_key: str) -> str:
        """The anchor, on the use-case page of a large product, of a module's use cases:
        `usecases-trade`; `usecases-0` for the features of no module (`_other`: an anchor
        may not start a word with `_`, and no module's key starts with a digit)."""
        return f"usecases-{'0' if module_key.startswith('_') else module_key}"

    @staticmethod
    def prototype(page_id: str | None = None) -> str:
        """`prototype/cart/index.html`: the page's wireframe; without an id, where the
        prototype opens. Explicit `index.html` files, so links work from `file://` too."""
        return f"{PROTOTYPE}/{page_id}/index.html" if page_id else f"{PROTOTYPE}/index.html"

    @staticmethod
    def link(path: str, anchor: str = "") -> str:
        """A link to a document before its page is known: `pmdocs:pages/cart.md#element-buy`."""
        return LINK_SCHEME + path + ("#" + anchor if anchor else "")

    def navigation(self, labels: Mapping[str, str], with_prototype: bool,
                   with_changes: bool = False, index: "ProjectIndex | None" = None
                   ) -> tuple[NavEntry, ...]:
        """The site's pages in order, titled in the project's language; with `index`, every
        item under its section (pages and dialogs under their module, after its map). The
        tool pages (the codes) come last, after the PRD's chapters."""
        pages = [NavEntry(labels[name], path, self._items(name, labels, index))
                 for name, path in SECTIONS.items() if name not in TOOL_PAGES]
        if with_changes:
            pages.insert(1, NavEntry(labels["changes"], CHANGES))
        if with_prototype:
            pages.append(NavEntry(labels["proto_title"], self.prototype()))
        pages += [NavEntry(labels[name], SECTIONS[name]) for name in TOOL_PAGES]
        return tuple(pages)

    def _items(self, name: str, labels: Mapping[str, str],
               index: "ProjectIndex | None") -> tuple[NavEntry, ...]:
        if index is None:
            return ()
        if name in NAV_ITEM_SECTIONS:
            return _grouped(name, [item.id for item in index.listed[name]], index)
        if name != "pagemap":
            return ()
        modules = tuple(NavEntry(html.escape(module.title, quote=False), None,
                                 (NavEntry(labels["pagemap"], self.module_map(module.key)),
                                  *_grouped("pages", list(module.pages), index)))
                        for module in index.modules)
        return _runs(modules, [(module.title, module.title) for module in index.modules])

    # ------------------------------------------------------------------------ URLs

    def built(self, path: str) -> str:
        """Where an engine writes a document: `pages/cart.html` (or `pages/cart/index.html`);
        any other file as it is."""
        if not path.endswith(".md"):
            return path
        stem = path[:-len(".md")]
        if not self.directory_urls or stem == "index" or stem.endswith("/index"):
            return stem + ".html"
        return stem + "/index.html"

    def url(self, target: str, source: str, *, explicit: bool = False) -> str:
        """The relative URL, from the page built of document `source`, of document `target`
        (`doc.md#anchor`). `explicit`: name the `index.html` of a directory URL (for pages
        read from `file://`, which shows no folder's index by itself)."""
        path, hash_sign, anchor = target.partition("#")
        fragment = hash_sign + anchor
        if not path:
            return fragment
        built, folder = self.built(path), posixpath.dirname(self.built(source)) or "."
        if self.directory_urls and not explicit and posixpath.basename(built) == "index.html":
            relative = _relative_path(posixpath.dirname(built) or ".", folder)
            return ("./" if relative == "." else relative + "/") + fragment
        return _relative_path(built, folder) + fragment

    @staticmethod
    def relative(target: str, source: str) -> str:
        """A document's path relative to another's (`../pages/cart.md`): a Markdown link,
        which the engine turns into the URL of the built page."""
        return posixpath.relpath(target, posixpath.dirname(source) or ".")

    def resolve(self, text: str, source: str, *, explicit: bool = False) -> str:
        """Every `href="pmdocs:…"` (and `xlink:href`, and an iframe's `src`) in HTML or SVG made the URL of its
        document from the page built of `source`."""
        if LINK_SCHEME not in text:
            return text
        urls: dict[str, str] = {}

        def replace(match: "re.Match[str]") -> str:
            target = match.group(2)
            if target not in urls:
                urls[target] = html.escape(self.url(html.unescape(target), source,
                                                    explicit=explicit), quote=True)
            return f'{match.group(1)}{urls[target]}"'
        return _LINK.sub(replace, text)


@functools.lru_cache(maxsize=1 << 16)
def _relative_path(path: str, folder: str) -> str:
    """`posixpath.relpath`, remembered: a site's pages link to the same pages from the same
    folders tens of thousands of times (the render stage's most frequent call)."""
    return posixpath.relpath(path, folder)


def _grouped(section: str, item_ids: Sequence[str],
             index: "ProjectIndex") -> tuple[NavEntry, ...]:
    """The items' entries, in groups of at most `NAV_GROUP_LIMIT` when there are more (and
    those in runs of at most `NAV_RUN_LIMIT` groups)."""
    entries = tuple(NavEntry("", SiteMap.item(section, item_id)) for item_id in item_ids)
    if len(entries) <= NAV_GROUP_LIMIT:
        return entries
    groups, ends = [], []
    for start in range(0, len(item_ids), NAV_GROUP_LIMIT):
        first, last = item_ids[start], item_ids[min(start + NAV_GROUP_LIMIT, len(item_ids)) - 1]
        ends.append((index.title_of(section, first), index.title_of(section, last)))
        groups.append(NavEntry(_run_title(*ends[-1]), None,
                               entries[start:start + NAV_GROUP_LIMIT]))
    return _runs(tuple(groups), ends)


def _runs(entries: tuple[NavEntry, ...], ends: Sequence[tuple[str, str]]
          ) -> tuple[NavEntry, ...]:
    """More than `NAV_RUN_LIMIT` entries in runs of about equal length, each titled by the
    first title of its first entry and the last of its last (`ends`: each entry's, as
    text)."""
    if len(entries) <= NAV_RUN_LIMIT:
        return entries
    size = math.ceil(len(entries) / math.ceil(len(entries) / NAV_RUN_LIMIT))
    return tuple(NavEntry(_run_title(ends[start][0], ends[min(start + size, len(entries)) - 1][1]),
                          None, entries[start:start + size])
                 for start in range(0, len(entries), size))


def _run_title(first: str, last: str) -> str:
    """`first … last`, as the navigation's HTML."""
    return html.escape(" ".join(f"{first} … {last}".split()), quote=False)
