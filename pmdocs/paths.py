"""Where each item's page lives in the generated docs, and relative links between them.

Paths are relative to the generated section's root (the front end may place the whole
section under a prefix); links between generated pages are relative, so they work under any
base URL and from `file://`.
"""

from __future__ import annotations

import posixpath

FOLDERS = {"roles": "roles", "objects": "objects", "flows": "flows", "features": "features",
           "pages": "pages", "rules": "rules"}

HOME = "index.md"


def item_path(section: str, item_id: str) -> str:
    """`pages/cart.md` for the page `cart`."""
    return f"{FOLDERS[section]}/{item_id}.md"


def section_path(section: str) -> str:
    return f"{FOLDERS[section]}/index.md" if section in FOLDERS else f"{section}.md"


def module_map_path(module_id: str) -> str:
    return f"pagemap/{module_id}.md"


PROTOTYPE_FOLDER = "prototype"
PROTOTYPE_ASSETS = f"{PROTOTYPE_FOLDER}/_assets"
"""The prototype's script, style and sitemap; a page id never starts with `_`."""


def prototype_path(page_id: str | None = None) -> str:
    """`prototype/cart/index.html`: the page's wireframe; without an id, where the prototype
    opens. Explicit `index.html` files, so the links work from `file://` too."""
    return f"{PROTOTYPE_FOLDER}/{page_id}/index.html" if page_id else f"{PROTOTYPE_FOLDER}/index.html"


def relative(target: str, source: str) -> str:
    """The relative link from the page at `source` to the page at `target` (both doc paths)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


DIAGRAM_LINK_SCHEME = "pmdocs:"
"""Diagram nodes, links in the generated HTML tables and the prototype's links to the PRD
read `pmdocs:<doc path>`; the front end turns each into a URL relative to the page it is
shown on (once mkdocs knows the URLs)."""


def diagram_target(path: str) -> str:
    return DIAGRAM_LINK_SCHEME + path
