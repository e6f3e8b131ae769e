"""Markdown fields (`pmdocs.model.base.Markdown`: descriptions, notes, stories, definitions, the
product summary) turned into HTML that is safe to show to every reader of the site.

Spec text comes from pull requests, so nothing here trusts the input. Two well-kept libraries
do the work, each on its own terms:

1. markdown-it-py parses the text as CommonMark (with tables and strikethrough), with raw
   HTML off (`<b>` stays text) and links checked against the allowed schemes; an image is
   shown as a link to it (a built site loads nothing from elsewhere).
2. nh3 (the binding of Rust's Ammonia) cleans the *output* with an allow-list of tags,
   attributes and URL schemes. This is what decides safety: whatever the parser lets through
   (a bug, a Markdown form nobody thought of), a tag, attribute or scheme off the list
   cannot reach a page.

Headings move down two levels (`#` is an `<h3>`): the item's page owns `<h1>` and `<h2>`.
A line break in the text is a line break on the page, as a product manager typed it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Sequence
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

TAGS = frozenset({"p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul",
                  "ol", "li", "a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody",
                  "tr", "th", "td"})
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
STYLE_PROPERTIES = frozenset({"text-align"})
"""The one style a Markdown table sets (a column's alignment)."""
URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Besides links without a scheme (relative, `#anchor`), which are always allowed."""
HEADING_SHIFT = 2

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def to_html(text: str) -> str:
    """The Markdown of a field as clean HTML ("" for blank text)."""
    if not text or text.isspace():
        return ""
    return _cleaner().clean(_parser().render(text)).strip()


def link_allowed(url: str) -> bool:
    """Whether markdown-it may make a link of `url` (as markdown-it normalised it). The scheme
    is judged as a reader would see it: with percent-escapes decoded and control characters
    and spaces dropped, so `java%09script:` stays text rather than becoming a dead link."""
    scheme = _SCHEME.match(_CONTROL.sub("", unquote(url)))
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False,
                                       "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.validateLink = link_allowed
    parser.core.ruler.push("pmdocs_headings", _shift_headings)
    parser.add_render_rule("image", _image_as_link)
    return parser


@cache
def _cleaner() -> Any:
    return nh3.Cleaner(tags=set(TAGS), attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
                       url_schemes=set(URL_SCHEMES), filter_style_properties=set(STYLE_PROPERTIES),
                       strip_comments=True, link_rel="noopener noreferrer")


def _shift_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1:]) + HEADING_SHIFT, 6)}"


def _image_as_link(renderer: Any, tokens: Sequence[Token], index: int, options: Any,
                   env: Any) -> str:
    """`![alt](src)` as a link to the image, its text the alt text (or the address)."""
    token = tokens[index]
    source = str(token.attrGet("src") or "")
    text = renderer.renderInlineAsText(token.children or [], options, env) or source
    return f'<a href="{escapeHtml(source)}">{escapeHtml(text)}</a>'
