"""Spec text made safe for Markdown: every string from a spec is untrusted (it comes from
pull requests), so it is escaped wherever it is shown.

`inline` is for titles, labels, list items and paragraphs: nothing in it is Markdown or HTML.
(Table cells are HTML, escaped by `render.cells`.)
`block` is for descriptions: Markdown is kept, raw HTML is escaped, and links may only be
http(s), mailto or relative (a `javascript:` or `data:` link is dropped).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..paths import relative


class Safe(str):
    """Markdown built by pmdocs itself (a link, a list, an HTML table block): printed as is
    by the templates."""


_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_ALLOWED_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_INLINE_LINK = re.compile(r"\]\(((?:[^()]|\([^()]*\))*)\)")
_REFERENCE_DEFINITION = re.compile(r"^( {0,3}\[[^\]]+\]:[ \t]*)(\S+)", re.MULTILINE)


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


def block(value: object) -> Safe:
    """Markdown from a spec's description: kept as Markdown, with HTML and unsafe links removed."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    text = _INLINE_LINK.sub(lambda match: "](" + _safe_destination(match.group(1)) + ")", text)
    text = _REFERENCE_DEFINITION.sub(lambda match: match.group(1) + _safe_destination(match.group(2)),
                                     text)
    return Safe(text.strip())


def _safe_destination(destination: str) -> str:
    """The link target if it is harmless, else `#`. Browsers ignore control characters and
    white space inside a scheme (`java\\tscript:`), so they are removed before judging it."""
    squeezed = _CONTROL.sub("", html.unescape(destination)).strip("<>").lower()
    scheme = _SCHEME.match(squeezed)
    if scheme is None and ":" in squeezed.split("/", 1)[0]:
        return "#"
    if scheme is not None and scheme.group(1) not in _ALLOWED_SCHEMES:
        return "#"
    return destination


def attribute(value: object) -> str:
    """Text for an HTML attribute value written by a template."""
    return html.escape("" if value is None else str(value), quote=True)


@lru_cache(maxsize=1 << 16)
def relative_link(target: str, source: str) -> str:
    """The relative URL from one doc to another (cached: a site makes many alike, and
    `posixpath.relpath` was ~10% of rendering at N=2,000)."""
    return relative(target, source)


def link(text: object, target: str, source: str) -> Safe:
    """A Markdown link with escaped text, from the page at `source` to the page at `target`."""
    return Safe(f"[{inline(text)}]({relative_link(target, source)})")
