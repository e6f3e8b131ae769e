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

pmdocs also indexes its own pages for Material's search (`SearchEntries`): Material's
indexer walks every page with Python's `html.parser`, tag by tag, and segments its Chinese
word by word with jieba, which was ~60% of `mkdocs build` at N=2,000 (benchmarks/README.md).
pmdocs wrote those pages, so regular expressions find their sections, and a word seen once
is segmented once.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
from typing import Any, Callable, Optional

try:    # mkdocs is there whenever the hook runs; the functions above work without it
    from mkdocs.plugins import event_priority
except ImportError:     # pragma: no cover
    def event_priority(priority: float) -> Callable[[Any], Any]:
        return lambda function: function

PLACEHOLDER = re.compile(r'<div class="pmdocs-diagram" data-pmdocs-diagram="([a-z0-9_.-]+)"></div>')
LINK = re.compile(r'\s(?:xlink:)?href="pmdocs:([^"]*)"')
PAGE_LINK = re.compile(r'<a href="pmdocs:([^"]*)"')
"""A link in a generated table, exactly as `pmdocs.render.cells` writes it: only a tag that
pmdocs wrote can start with `<a ` (spec text has its `<` escaped everywhere)."""
BLOCK = re.compile(r"^<(table|ul)>\n.*?\n</\1>$", re.MULTILINE | re.DOTALL)
"""A generated HTML block: a table or a long list (the structure tree, a wide matrix)."""
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
    """The page's Markdown with each generated HTML block (lines `<table>` … `</table>` or
    `<ul>` … `</ul>`) replaced by a comment naming it, and the blocks. Python-Markdown passes
    a raw HTML block through unchanged, but only after two HTML parsers have walked it tag by
    tag (its own and the one mkdocs adds to find anchors): at N=500 under cProfile, 12 of
    the 17 s of Markdown. Only pmdocs can write a line that is exactly `<table>` or `<ul>` (spec text
    has its `<` escaped everywhere); a page already holding the comment's text is left alone."""
    if BLOCK_MARK in markdown or ("<table>" not in markdown and "<ul>" not in markdown):
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


# --------------------------------------------------------------------------------- search

GENERATOR = "pmdocs"
"""`generator: pmdocs` in a page's front matter: pmdocs wrote the page (and indexes it)."""
HAN = re.compile("[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
                 "\uf900-\ufaff\U00020000-\U0003ffff]+")
"""A run of Chinese characters (Unicode's script Han, which Material segments)."""
HEADING = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]*)"[^>]*>(.*?)</h\1>', re.DOTALL)
"""A heading with an anchor: where Material's index starts a section."""
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
NOT_TEXT = re.compile(r"<!--.*?-->|<(script|style|object)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
BREAK = re.compile(r"</?(?:p|div|br|li|ul|ol|dl|dt|dd|table|thead|tbody|tr|td|th|pre|blockquote"
                   r"|details|summary|h[1-6])\b[^>]*>", re.IGNORECASE)
"""A tag between two words (an inline tag like `<a>` or `<code>` is not)."""
KEPT = re.compile(r"<(/?)(p|code|pre|li|ol|ul|sub|sup)\b[^>]*>", re.IGNORECASE)
"""The tags Material's index keeps (bare) so that a search result shows paragraphs and lists."""
KEPT_MARK = re.compile("\x00(/?[a-z]+)\x01")
EMPTY = re.compile(r"<([a-z]+)>\s*</\1>")
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def text_of(fragment: str) -> str:
    """The words of an HTML fragment as Material's index holds them: HTML-escaped (the search
    results show them as HTML), whitespace collapsed, `<p>` and list tags kept bare."""
    words = KEPT.sub(lambda match: f"\x00{match.group(1)}{match.group(2).lower()}\x01", fragment)
    words = html.unescape(TAG.sub("", BREAK.sub(" ", words)))
    words = KEPT_MARK.sub(r"<\1>", html.escape(SPACE.sub(" ", words).strip(), quote=False))
    return EMPTY.sub("", words)


def page_sections(content: str) -> list[tuple[Optional[str], Optional[str], str]]:
    """(anchor, title HTML, body HTML) of each section of a page, as Material divides it: at
    every heading with an anchor; the first section has no anchor, and text before the first
    heading is a section without a title."""
    content = NOT_TEXT.sub("", content)
    sections: list[tuple[Optional[str], Optional[str], str]] = []
    anchor: Optional[str] = None
    title: Optional[str] = None
    start = 0
    for match in HEADING.finditer(content):
        body = content[start:match.start()]
        if title is not None or body.strip():
            sections.append((anchor if sections else None, title, body))
        anchor, title, start = match.group(2), HEADERLINK.sub("", match.group(3)), match.end()
    sections.append((anchor if sections else None, title, content[start:]))
    return sections


class Segmenter:
    """Chinese text with a zero-width space around each of its words (jieba's words), as
    Material's indexer writes it so that its `separator` splits them; each distinct run of
    Chinese characters is segmented once (generated pages repeat their labels thousands of
    times). Without jieba the text stays as it is, as with Material."""

    def __init__(self, cut: Optional[Callable[[str], Any]]):
        self.cut = cut
        self.seen: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        return text if self.cut is None else HAN.sub(self._words, text).strip("\u200b")

    def _words(self, match: "re.Match[str]") -> str:
        run = match.group(0)
        words = self.seen.get(run)
        if words is None:
            words = self.seen[run] = "\u200b" + "\u200b".join(self.cut(run)) + "\u200b"
        return words


def search_entries(url: str, title: str, content: str, segment: Callable[[str], str]) -> list[dict]:
    """A page's entries in the search index: one per section, as Material makes them."""
    entries = []
    for anchor, heading, body in page_sections(content):
        entries.append({"location": f"{url}#{anchor}" if anchor else url,
                        "title": segment(text_of(title if heading is None else heading)),
                        "text": segment(text_of(body))})
    return entries


class SearchEntries:
    """pmdocs' pages in Material's search index, made by pmdocs: each page pmdocs wrote is
    marked `search: exclude` for Material's indexer, its entries are made here
    (`index`, from the page's HTML), and they join the index file Material wrote (`write`),
    before the offline plugin turns that file into a script."""

    def __init__(self) -> None:
        self.active = False
        self.pages: dict[str, list[dict]] = {}
        self.segment: Optional[Segmenter] = None

    def configure(self, config: Any) -> None:
        """On only where Material's search plugin indexes the site (other search plugins
        index every page themselves)."""
        plugins = getattr(config, "plugins", None) or {}
        self.active = any(type(plugin).__module__.startswith("material.plugins.search")
                          and getattr(plugin.config, "enabled", True) for plugin in plugins.values())

    def index(self, page: Any, content: str) -> None:
        search = page.meta.get("search") or {}
        if not self.active or page.meta.get("generator") != GENERATOR or search.get("exclude"):
            return
        if self.segment is None:
            try:
                import jieba    # as Material: its words whenever jieba is installed
                self.segment = Segmenter(jieba.cut)
            except ImportError:
                self.segment = Segmenter(None)
        page.meta["search"] = {**search, "exclude": True}
        self.pages[page.file.src_uri] = search_entries(
            page.url, str(page.meta.get("title", page.title or "")), content, self.segment)

    def write(self, site_dir: str, sources: Optional[set] = None) -> None:
        """Add the entries to the site's index (of the pages among `sources`, when given: a
        page deleted while serving leaves the index)."""
        path = os.path.join(site_dir, "search", "search_index.json")
        if sources is not None:
            self.pages = {source: entries for source, entries in self.pages.items() if source in sources}
        if not self.active or not self.pages or not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as handle:
            index = json.load(handle)
        index["docs"].extend(entry for source in sorted(self.pages) for entry in self.pages[source])
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(index, separators=(",", ":"), default=str))


_site_files: list = []
"""The hook's view of the site's files (set by `on_files`): `on_post_page` gets none."""
_blocks: dict = {}
"""The HTML blocks set aside by `on_page_markdown`, by page, until `on_page_content`."""
_search = SearchEntries()


def on_config(config: Any) -> Any:
    _search.configure(config)
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
    html = resolve_page_links(html, url_resolver(page, files))
    _search.index(page, html)
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


@event_priority(-50)    # after Material's search wrote its index, before `offline` reads it
def on_post_build(config: Any) -> None:
    sources = {page.src_uri for page in _site_files[0].documentation_pages()} if _site_files else None
    _search.write(config.site_dir, sources)
