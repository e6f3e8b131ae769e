"""Puts pmdocs' diagrams into pages once the page's HTML is finished, turning each node's
`pmdocs:<doc path>` link into a URL relative to the page.

Why so late: raw SVG inside Markdown gets mangled, and an SVG in `page.content` is walked tag
by tag by the search plugin (its labels then go into the index a second time: the edge table
under each diagram holds the same names) and carried through Material's templates. Inserted
into the written page (`on_post_page`), a diagram costs one substitution. Measured on the
N=500 benchmark export (one run, 3 rounds, load 3.9): `mkdocs build` 24.1 s -> 20.8 s.

Standalone on purpose (standard library only): the mkdocs plugin calls these functions, and
`pmdocs export` copies this very file next to the exported `mkdocs.yml` as an mkdocs hook,
so the export builds with plain `mkdocs build` even where pmdocs is not installed.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from typing import Any, Callable, Optional

PLACEHOLDER = re.compile(r'<div class="pmdocs-diagram" data-pmdocs-diagram="([a-z0-9_.-]+)"></div>')
LINK = re.compile(r'\s(?:xlink:)?href="pmdocs:([^"]*)"')
DIAGRAM_FOLDER = "diagrams"
"""Where an export keeps the SVGs: beside mkdocs.yml, outside the docs folder."""


def insert_diagrams(html: str, svg_for: Callable[[str], Optional[str]],
                    url_for: Callable[[str], Optional[str]]) -> str:
    """Replace every placeholder in a page's HTML with its diagram, links resolved."""
    def replace(match: "re.Match[str]") -> str:
        svg = svg_for(match.group(1))
        if svg is None:
            return match.group(0)
        return (f'<div class="pmdocs-diagram" data-pmdocs-diagram="{match.group(1)}">'
                f"{resolve_links(svg, url_for)}</div>")
    return PLACEHOLDER.sub(replace, html)


def resolve_links(svg: str, url_for: Callable[[str], Optional[str]]) -> str:
    """Every `pmdocs:<doc path>[#fragment]` link turned into `url_for(doc path)[#fragment]`;
    when `url_for` gives None the link is dropped and the node (and its tooltip) kept."""
    resolved: dict = {}

    def url(target: str) -> Optional[str]:
        if target not in resolved:
            path, hash_sign, fragment = html.unescape(target).partition("#")
            found = url_for(path)
            resolved[target] = None if found is None else found + hash_sign + fragment
        return resolved[target]

    def replace(match: "re.Match[str]") -> str:
        found = url(match.group(1))
        if found is None:
            return ""
        attribute = match.group(0).split("=", 1)[0]
        return f'{attribute}="{html.escape(found, quote=True)}"'
    return LINK.sub(replace, svg)


def url_resolver(page: Any, files: Any, prefix: str = "") -> Callable[[str], Optional[str]]:
    """Doc path (relative to the generated root at `prefix`) -> URL relative to `page`."""
    def url_for(doc_path: str) -> Optional[str]:
        target = files.get_file_from_path(posixpath.join(prefix, doc_path) if prefix else doc_path)
        return None if target is None else target.url_relative_to(page.file)
    return url_for


def keep_title_escaped(page: Any) -> None:
    """Material prints `page.title | striptags` into `<title>`, and `striptags` turns the
    title's `&lt;` back into `<`: a spec title `</title><script>…` would run. Material prints
    `page.meta.title` as it is, so the (escaped) title goes there."""
    if page.title and "title" not in page.meta:
        page.meta["title"] = page.title


_site_files: list = []
"""The hook's view of the site's files (set by `on_files`): `on_post_page` gets none."""


def on_files(files: Any, config: Any) -> Any:
    _site_files[:] = [files]
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    keep_title_escaped(page)
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    """The mkdocs hook of an export: SVGs are read from `diagrams/` beside mkdocs.yml."""
    if "pmdocs-diagram" not in output or not _site_files:
        return output
    folder = os.path.join(os.path.dirname(config.config_file_path), DIAGRAM_FOLDER)

    def svg_for(diagram_id: str) -> Optional[str]:
        path = os.path.join(folder, diagram_id + ".svg")
        if not os.path.isfile(path):
            return None
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    return insert_diagrams(output, svg_for, url_resolver(page, _site_files[0]))
