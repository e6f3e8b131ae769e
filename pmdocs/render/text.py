"""Spec text made safe for Markdown: every string from a spec is untrusted (it comes from
pull requests), so it is escaped wherever it is shown.

`inline` is for titles, labels, list items and paragraphs: nothing in it is Markdown or HTML.
(Table cells are HTML, escaped by `render.cells`.)
`block` is for Markdown fields (descriptions, notes, stories, definitions, the summary):
converted and sanitised by `render.markdown_html`, and put into the page as a raw HTML block
that Python-Markdown passes through untouched.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..sitemap import SiteMap
from .markdown_html import to_html


class Safe(str):
    """Markdown built by pmdocs itself (a link, a list, an HTML table block): printed as is
    by the templates."""


_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_PREFORMATTED = re.compile(r"<pre>.*?</pre>", re.DOTALL)
_BLANK_LINES = re.compile(r"\n\s*\n")
_TEMPLATE_BRACES = {ord("{"): "&#123;", ord("}"): "&#125;"}
"""Braces as character references in the HTML of a Markdown field: they read the same, and no
template engine a docs site may run over its pages (mkdocs-macros) sees `{{ }}` or `{% %}`."""
MARKDOWN_BLOCK_CLASS = "pmdocs-markdown"


_INLINE_ESCAPES = {**{ord(character): "\\" + character for character in "\\`*_{}[]()#+-.!|"},
                   ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
"""The characters Python-Markdown lets a backslash escape (with `|` from tables) get one —
escaping any other would leave the backslash visible — then HTML's specials become entities,
in one pass (a backslash is no HTML special, so the order of the two does not matter)."""


def inline(value: object) -> Safe:
    """Plain text shown literally, on one line (safe in a table cell or a heading)."""
    text = "" if value is None else str(value)
    if "\n" in text or "\r" in text:
        text = _LINE_BREAKS.sub(" ", text)
    return Safe(text.strip().translate(_INLINE_ESCAPES))


_NOT_IN_SLUG = re.compile(r"[^\w-]+")
_OPENS_EMPHASIS = re.compile(r"(?:^|(?<=-))_+")
"""An `_` after no letter or digit: Python-Markdown would read emphasis from it."""


def heading_id(*words: str) -> Safe:
    """The end of a Markdown heading that gives it its anchor (attr_list's ` {: #id }`):
    `heading_id("release", "v1")` -> `#release-v1`, readable in a review comment and the same
    on every build, where the default slug of a Chinese heading is `#_1`. Words are lowered,
    joined by `-`, anything but letters, digits, `_` and `-` (Chinese kept) made `-`, and an
    `_` that could open emphasis dropped; nothing when no word is left."""
    slug = "-".join(part for part in (_NOT_IN_SLUG.sub("-", str(word).lower()).strip("-")
                                      for word in words) if part)
    slug = _OPENS_EMPHASIS.sub("", slug)
    return Safe(f" {{: #{slug} }}") if slug else Safe("")


def block(value: object) -> Safe:
    """A Markdown field as a raw HTML block (`<div class="pmdocs-markdown">` … `</div>`, with no
    blank line inside, so Python-Markdown passes it through as it is)."""
    converted = markdown_html(value)
    if not converted:
        return Safe("")
    return Safe(f'<div class="{MARKDOWN_BLOCK_CLASS}">\n{converted}\n</div>')


def markdown_html(value: object) -> str:
    """A Markdown field as clean HTML without blank lines: line breaks inside `<pre>` become
    `&#10;`, and braces character references."""
    converted = to_html("" if value is None else str(value))
    if "<pre>" in converted:
        converted = _PREFORMATTED.sub(lambda match: match.group(0).replace("\n", "&#10;"),
                                      converted)
    return _BLANK_LINES.sub("\n", converted).translate(_TEMPLATE_BRACES)


def attribute(value: object) -> str:
    """Text for an HTML attribute value written by a template."""
    return html.escape("" if value is None else str(value), quote=True)


@lru_cache(maxsize=1 << 16)
def relative_link(target: str, source: str) -> str:
    """The relative URL from one doc to another (cached: a site makes many alike, and
    `posixpath.relpath` was ~10% of rendering at N=2,000)."""
    return SiteMap.relative(target, source)


def link(text: object, target: str, source: str) -> Safe:
    """A Markdown link with escaped text, from the page at `source` to the page at `target`."""
    return Safe(f"[{inline(text)}]({relative_link(target, source)})")
