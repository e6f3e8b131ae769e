"""Checks of a built static site, from the files on disk alone: every link leads to a file
that exists (and to an `id` in it), every diagram the export holds is in the built pages.
Each takes folders and returns the problems found (an empty list when there are none), so
they hold for any export built by any engine (tests/test_export_engines.py), and can be
pointed at other builds too (the hostile project's export, a `pmdocs build`)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL_SCHEMES = ("http", "https", "mailto")
"""Links that leave the site, not followed. Any other scheme (`pmdocs:`, `javascript:`,
`data:` …) is not a link to a file of the site, so it counts as dead."""
URL_ATTRIBUTES = {"href", "src", "xlink:href"}
"""The attributes followed, on any element (`data` too, on an `<object>`)."""
DIAGRAM_MARK = re.compile(r'\bdata-pmdocs-diagram="([^"]+)"')
"""Where pmdocs puts a diagram into a page: its placeholder `<div>` in the Markdown of the
export, which stays around the diagram (inline `<svg>`, or `<img>`/`<object>` of a file)."""


@dataclass
class Diagram:
    """A `data-pmdocs-diagram` element of a built page, and what it holds: the first `<svg>`
    (inline), `<object>` or `<img>` inside it."""

    key: str
    tag: str = ""
    held: str = ""
    """The inline `<svg>`'s id, or the file an `<object>` or `<img>` shows."""
    links: int = 0
    """How many `<a>` with a link it holds (those of an inline `<svg>`)."""


class _Page(HTMLParser):
    """The ids, URLs and diagrams of one HTML (or SVG) file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []
        self.diagrams: list[Diagram] = []
        self._open: list[tuple[Diagram, int]] = []
        """The diagram elements the parser is inside, with the depth each started at."""
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, dict(attrs), empty=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, dict(attrs), empty=True)

    def handle_endtag(self, tag: str) -> None:
        self._depth -= 1
        while self._open and self._open[-1][1] > self._depth:
            self._open.pop()

    def _element(self, tag: str, attributes: dict[str, str | None], empty: bool) -> None:
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name] or "")
        links = [value for name, value in attributes.items() if value is not None
                 and (name in URL_ATTRIBUTES or (tag == "object" and name == "data"))]
        self.urls.extend(links)
        diagram = self._open[-1][0] if self._open else None
        if diagram is not None and diagram.tag == "svg" and tag == "a" and links:
            diagram.links += 1
        held = {"svg": attributes.get("id"), "img": attributes.get("src"),
                "object": attributes.get("data")}.get(tag)
        if diagram is not None and not diagram.tag and held is not None:
            diagram.tag, diagram.held = tag, held
        if tag in TEXT_ONLY and not empty:
            self.set_cdata_mode(tag)    # as a browser reads it: text up to its end tag
        if empty or tag in VOID_ELEMENTS:
            return
        self._depth += 1
        key = attributes.get("data-pmdocs-diagram")
        if key:
            self.diagrams.append(Diagram(key))
            self._open.append((self.diagrams[-1], self._depth))


TEXT_ONLY = {"title", "textarea"}
"""Elements whose content a browser reads as text (`<title><a href=x>` holds no link)."""
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr"}


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


NOT_FOLLOWED = {"404.html"}
"""A web server sends the 404 page for any missing path, so the engines write its links
from the site's root (`/assets/…`: site_url's path, or `/` without one); it is never opened
from disk, and its links are right where it is used."""


def built_files(site: Path) -> list[Path]:
    """The pages whose links are followed: every HTML file and SVG file but the 404 page."""
    return sorted(path for pattern in ("*.html", "*.svg") for path in site.rglob(pattern)
                  if path.relative_to(site).as_posix() not in NOT_FOLLOWED)


def dead_links(site: Path) -> list[str]:
    """Every link in the built `site` whose file does not exist in it (or lies outside it),
    or whose `#fragment` is no `id` of the page it leads to: `page: url (why)`.
    http(s) and mailto links are not followed."""
    pages: dict[Path, _Page] = {}

    def page_of(path: Path) -> _Page:
        if path not in pages:
            pages[path] = read_page(path)
        return pages[path]

    root = site.resolve()
    problems = []
    for path in built_files(root):
        relative = path.relative_to(root).as_posix()
        for url in page_of(path).urls:
            why = _dead(root, path, url, page_of)
            if why:
                problems.append(f"{relative}: {url} ({why})")
    return problems


def _dead(root: Path, page: Path, url: str, page_of) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme:
        return None if parts.scheme.lower() in EXTERNAL_SCHEMES else f"scheme {parts.scheme}:"
    if parts.netloc:
        return "leaves the site (//host)"
    if parts.path.startswith("/"):
        return "absolute path: breaks under a sub-path and from disk"
    target = page
    if parts.path:
        joined = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path)))
        target = Path(joined)
        if target != root and root not in target.parents:
            return "outside the site"
        if target.is_dir() or parts.path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            return "no such file"
    fragment = unquote(parts.fragment)
    if "=" in fragment:     # a script's route (the prototype's view: `#state=…&dialog=…`)
        return None
    if fragment and target.suffix in (".html", ".svg") and fragment not in page_of(target).ids:
        return f"no id {fragment!r} in {target.relative_to(root).as_posix()}"
    return None


def expected_diagrams(docs: Path) -> dict[str, list[str]]:
    """The diagrams each Markdown page of an export's `docs` folder shows, by its path:
    the ids in its `data-pmdocs-diagram` marks."""
    expected = {}
    for path in sorted(docs.rglob("*.md")):
        found = DIAGRAM_MARK.findall(path.read_text(encoding="utf-8"))
        if found:
            expected[path.relative_to(docs).as_posix()] = found
    return expected


def built_page(site: Path, doc_path: str) -> Path | None:
    """Where an engine wrote the page of `doc_path` (`a/b.md`): `a/b.html`, or
    `a/b/index.html` with directory URLs (`index.md` → `index.html` either way)."""
    stem = doc_path[:-3]
    candidates = [f"{stem}.html"]
    if posixpath.basename(stem) != "index":
        candidates.append(f"{stem}/index.html")
    for candidate in candidates:
        if (site / candidate).is_file():
            return site / candidate
    return None


def missing_diagrams(docs: Path, site: Path) -> list[str]:
    """Every diagram of the export's Markdown (`expected_diagrams`) that its built page does
    not show, with why: the page holds no `data-pmdocs-diagram` element for it, or that
    element holds neither an `<svg>` with the diagram's id and all the links of the export's
    drawing, nor an `<object>` of an SVG file of the site whose root has that id. An `<img>`
    does not count: a reader cannot follow the links of an SVG shown as an image."""
    problems = []
    for doc_path, wanted in expected_diagrams(docs).items():
        page = built_page(site, doc_path)
        if page is None:
            problems.append(f"{doc_path}: not built")
            continue
        markdown = (docs / doc_path).read_text(encoding="utf-8")
        shown = {diagram.key: diagram for diagram in read_page(page).diagrams}
        for key in wanted:
            why = _not_shown(site, page, shown.get(key), _drawn_links(docs, markdown, key))
            if why:
                problems.append(f"{page.relative_to(site).as_posix()}: diagram {key} {why}")
    return problems


def _drawn_links(docs: Path, markdown: str, key: str) -> int | None:
    """How many links the export's drawing of `key` holds: inline in the page's Markdown, or
    in `diagrams/KEY.svg` beside the docs folder (an export of today); None when neither."""
    inline = re.search(rf'<svg\b[^>]*?\sid="{re.escape(key)}".*?</svg>', markdown, re.DOTALL)
    file = docs.parent / "diagrams" / f"{key}.svg"
    svg = inline.group(0) if inline else file.read_text(encoding="utf-8") if file.is_file() else None
    return None if svg is None else len(SVG_LINK.findall(svg))


SVG_LINK = re.compile(r"<a\b[^>]*?\s(?:xlink:)?href=")
SVG_ROOT = re.compile(r"<svg\b[^>]*?\sid=\"([^\"]*)\"")


def _not_shown(site: Path, page: Path, diagram: Diagram | None, links: int | None) -> str | None:
    """Why the built `diagram` element does not show its diagram, or None when it does."""
    if diagram is None:
        return "missing: no data-pmdocs-diagram element"
    if diagram.tag == "svg":
        if diagram.held != diagram.key:
            return f"missing: its <svg> has the id {diagram.held!r}"
        if links is not None and diagram.links != links:
            return f"damaged: {diagram.links} of its {links} links left"
        return None
    if diagram.tag != "object":
        return f"missing: the element holds {('an <img>' if diagram.tag else 'nothing')}"
    parts = urlsplit(diagram.held)
    file = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
    if parts.scheme or parts.netloc or site.resolve() not in file.resolve().parents \
            or not file.is_file():
        return f"missing: no file {diagram.held} in the site"
    root = SVG_ROOT.search(file.read_text(encoding="utf-8", errors="replace"))
    return None if root is not None and root.group(1) == diagram.key else \
        f"missing: {diagram.held} is not its drawing"
