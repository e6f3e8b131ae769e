"""HTML fragments for the generated tables: escaped text, code, line breaks and links, each an
`Html` value that only a table cell prints as is.

Why tables are HTML (see benchmarks/README.md, `pmdocs build`): Python-Markdown runs its
inline patterns over every cell of a pipe table, and at N=2,000 the tables were ~37 of the
57 s mkdocs spent. A raw `<table>` block is passed through untouched, so nothing in it is
Markdown: plain text is escaped here with `html.escape`, never with Markdown's backslashes.

Links name the target document, `href="pmdocs:pages/cart.md#element-buy"`; mkdocs does not
rewrite links inside raw HTML, so the front end turns them into URLs relative to the page
(`pmdocs.diagram_hook.resolve_page_links`), as it does for the diagrams' nodes. A link to an
anchor on the same page is written `href="#element-buy"` and needs no resolving.
"""

from __future__ import annotations

import html
from typing import Iterable

from ..sitemap import LINK_SCHEME


class Html(str):
    """HTML built by pmdocs for a table cell. Not `Safe`: a template prints it escaped, since
    inline HTML inside Markdown would have its text read as Markdown again."""


def escaped(value: object) -> Html:
    """Plain text shown literally on one line (quotes too, so no text looks like an
    attribute to the link resolver)."""
    text = "" if value is None else str(value)
    if "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return Html(html.escape(text.strip(), quote=True))


def as_html(value: object) -> Html:
    """`Html` as it is, anything else escaped."""
    return value if isinstance(value, Html) else escaped(value)


def code(value: object) -> Html:
    return Html(f"<code>{escaped(value)}</code>")


def labelled(label: object, item_id: object) -> Html:
    """A label, its id after it as secondary (`已登录 logged_in`); the id alone without one."""
    if not label or label == item_id:
        return code(item_id)
    return Html(f'{escaped(label)} <code class="pmdocs-id">{escaped(item_id)}</code>')


def strong(value: object) -> Html:
    return Html(f"<strong>{as_html(value)}</strong>")


def link(text: object, target: str, page_path: str, anchor: str = "") -> Html:
    """A link from the page at `page_path` to the document `target` (and its `anchor`)."""
    fragment = "#" + anchor if anchor else ""
    if target == page_path and fragment:
        href = fragment
    else:
        href = LINK_SCHEME + target + fragment
    return Html(f'<a href="{html.escape(href, quote=True)}">{as_html(text)}</a>')


def local_link(text: object, anchor: str) -> Html:
    """A link to an anchor on the same page (`#step-pay`)."""
    return Html(f'<a href="#{html.escape(anchor, quote=True)}">{as_html(text)}</a>')


def joined(values: Iterable[object], separator: str) -> Html:
    """Values on one line; plain strings are escaped."""
    return Html(html.escape(separator, quote=True).join(as_html(value) for value in values))


def lines(values: Iterable[object]) -> Html:
    """Values one per line (`<br>` between them)."""
    return Html("<br>".join(as_html(value) for value in values))


def formatted(template: str, **values: object) -> Html:
    """One of pmdocs' labels (`{item} (when {condition})`) filled with escaped or `Html` values."""
    return Html(html.escape(template, quote=True).format(
        **{key: as_html(value) for key, value in values.items()}))
