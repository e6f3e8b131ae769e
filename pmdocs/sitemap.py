"""The one map of the site: where every document pmdocs generates lives, the order the
navigation lists them in, and the URL each is reached at — nothing else names a folder.

Document paths (`pages/cart.md`) are relative to the PRD's root (a front end may put the
whole PRD under a prefix). Links between generated documents are relative, so they work
under any base URL and from `file://`. Diagram nodes, the generated HTML tables and the
prototype write `pmdocs:<doc path>[#anchor]`; `resolve` turns those into URLs once the page
that shows them is known.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Mapping

from .model.spec import SECTIONS as ITEM_SECTIONS

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
CHANGES = "changes.md"
"""What changed since a revision (only in a site built with `since:`); after the home page."""
MODULE_MAPS = "pagemap"
PROTOTYPE = "prototype"
PROTOTYPE_ASSETS = f"{PROTOTYPE}/_assets"
"""The prototype's script, style and sitemap; a page id never starts with `_`."""
ASSETS = "assets/pmdocs"
"""The site's own style and scripts."""
COPY_CSV = "copy.csv"

_LINK = re.compile(r'(\s(?:(?:xlink:)?href|src)=")pmdocs:([^"]*)"')


@dataclass(frozen=True)
class NavEntry:
    """A navigation entry: a page (`path`) or a group of entries."""

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
    def prototype(page_id: str | None = None) -> str:
        """`prototype/cart/index.html`: the page's wireframe; without an id, where the
        prototype opens. Explicit `index.html` files, so links work from `file://` too."""
        return f"{PROTOTYPE}/{page_id}/index.html" if page_id else f"{PROTOTYPE}/index.html"

    @staticmethod
    def is_item_page(path: str) -> bool:
        """Whether a document is an item's page (or a module's map): reached from tables,
        diagrams and search rather than from the navigation."""
        folder, _, name = path.partition("/")
        return name != "index.md" and name.endswith(".md") and \
            (folder in ITEM_FOLDERS.values() or folder == MODULE_MAPS)

    @staticmethod
    def link(path: str, anchor: str = "") -> str:
        """A link to a document before its page is known: `pmdocs:pages/cart.md#element-buy`."""
        return LINK_SCHEME + path + ("#" + anchor if anchor else "")

    def navigation(self, labels: Mapping[str, str], with_prototype: bool,
                   with_changes: bool = False) -> tuple[NavEntry, ...]:
        """The site's pages in order, titled in the project's language."""
        pages = [NavEntry(labels[name], path) for name, path in SECTIONS.items()]
        if with_changes:
            pages.insert(1, NavEntry(labels["changes"], CHANGES))
        if with_prototype:
            pages.append(NavEntry(labels["proto_title"], self.prototype()))
        return tuple(pages)

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
            relative = posixpath.relpath(posixpath.dirname(built) or ".", folder)
            return ("./" if relative == "." else relative + "/") + fragment
        return posixpath.relpath(built, folder) + fragment

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
