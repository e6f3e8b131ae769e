"""Puts pmdocs' diagrams into pages once the page's HTML is finished, turning each node's
`pmdocs:<doc path>` link into a URL relative to the page. The generated tables (HTML blocks,
like the long lists) are kept out of Python-Markdown the same way: set aside before it runs
(`on_page_markdown`), put back as soon as the page's HTML exists (`on_page_content`), with
their links (`<a href="pmdocs:…">`, raw HTML, which mkdocs does not rewrite) resolved, so
search indexes the tables with working links.

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
PAGE_LINK = re.compile(r'<a href="pmdocs:([^"]*)"')
"""A link in a generated table, exactly as `pmdocs.render.cells` writes it: only a tag that
pmdocs wrote can start with `<a ` (spec text has its `<` escaped everywhere)."""
BLOCK = re.compile(r'^(?:<(table|ul)>\n.*?\n</\1>|<div class="pmdocs-markdown">\n.*?\n</div>)$',
                   re.MULTILINE | re.DOTALL)
"""A generated HTML block: a table or a long list (the structure tree, a wide matrix), or a
Markdown field's sanitised HTML (which holds no `<div>` of its own)."""
BLOCK_MARK = "<!--pmdocs-block-"
BLOCK_COMMENT = re.compile(r"<!--pmdocs-block-([0-9]+)-->")
ANCHOR = re.compile(r'<a id="([^"]+)"></a>')
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
    url = _remembered(url_for)

    def replace(match: "re.Match[str]") -> str:
        found = url(match.group(1))
        if found is None:
            return ""
        attribute = match.group(0).split("=", 1)[0]
        return f'{attribute}="{html.escape(found, quote=True)}"'
    return LINK.sub(replace, svg)


def resolve_page_links(content: str, url_for: Callable[[str], Optional[str]]) -> str:
    """`<a href="pmdocs:<doc path>[#fragment]">` in a page's HTML turned into a URL relative
    to the page; a link to a document the site lacks loses its `href` (its text stays)."""
    if "pmdocs:" not in content:
        return content
    url = _remembered(url_for)

    def replace(match: "re.Match[str]") -> str:
        found = url(match.group(1))
        return "<a" if found is None else f'<a href="{html.escape(found, quote=True)}"'
    return PAGE_LINK.sub(replace, content)


def _remembered(url_for: Callable[[str], Optional[str]]) -> Callable[[str], Optional[str]]:
    """The URL of a link's (HTML-escaped) `<doc path>[#fragment]`, asked once per target."""
    resolved: dict = {}

    def url(target: str) -> Optional[str]:
        if target not in resolved:
            path, hash_sign, fragment = html.unescape(target).partition("#")
            found = url_for(path)
            resolved[target] = None if found is None else found + hash_sign + fragment
        return resolved[target]
    return url


def set_blocks_aside(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with each generated HTML block (lines `<table>` … `</table>`,
    `<ul>` … `</ul>`, or a Markdown field's `<div class="pmdocs-markdown">` … `</div>`)
    replaced by a comment naming it, and the blocks. Python-Markdown passes
    a raw HTML block through unchanged, but only after two HTML parsers have walked it tag by
    tag (its own and the one mkdocs adds to find anchors): at N=500 under cProfile, 12 of
    the 17 s of Markdown. Only pmdocs can write a line that starts such a block (spec text
    has its `<` escaped everywhere); a page already holding the comment's text is left alone."""
    if BLOCK_MARK in markdown or "\n<" not in markdown:
        return markdown, []
    blocks: list[str] = []

    def replace(match: "re.Match[str]") -> str:
        blocks.append(match.group(0))
        return f"{BLOCK_MARK}{len(blocks) - 1}-->"
    return BLOCK.sub(replace, markdown), blocks


def put_blocks_back(content: str, blocks: list[str], page: Any = None) -> str:
    """`set_blocks_aside` undone in the page's HTML; the anchors in the blocks are added to
    those mkdocs found on the page, so it can check Markdown links to them."""
    if not blocks:
        return content
    content = BLOCK_COMMENT.sub(lambda match: blocks[int(match.group(1))], content)
    anchors = getattr(page, "present_anchor_ids", None)
    if anchors is not None:
        anchors.update(ANCHOR.findall("".join(blocks)))
    return content


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


def keep_site_name_escaped(config: Any, name: Optional[str] = None) -> None:
    """`site_name` (the product's name from pmdocs.yml, or `name`) HTML-escaped once wherever
    Material prints it: raw in `<title>` and the header, through `| e` in the logo's tooltip.
    As `Markup`, the escaped name is printed as it is by both."""
    from markupsafe import Markup    # Jinja's, so wherever mkdocs runs

    config.site_name = Markup(html.escape(name, quote=True) if name is not None
                              else config.site_name)


_site_files: list = []
"""The hook's view of the site's files (set by `on_files`): `on_post_page` gets none."""
_blocks: dict = {}
"""The HTML blocks set aside by `on_page_markdown`, by page, until `on_page_content`."""


def on_config(config: Any) -> Any:
    """The export's `site_name` is written HTML-escaped (see `keep_site_name_escaped`)."""
    keep_site_name_escaped(config)
    return config


def on_files(files: Any, config: Any) -> Any:
    _site_files[:] = [files]
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    markdown, _blocks[page.file.src_uri] = set_blocks_aside(markdown)
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    keep_title_escaped(page)
    html = put_blocks_back(html, _blocks.pop(page.file.src_uri, []), page)
    return resolve_page_links(html, url_resolver(page, files))


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
