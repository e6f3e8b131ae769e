"""Building DOT for every diagram kind: the common graph attributes, user text made one
line (`normalize`) and wrapped (`wrap`), labels and tooltips written through `escape` (which
knows how Graphviz decodes each kind of value), and the attributes that make a node a link
with a tooltip and CSS classes.

A `graphviz.Digraph` (`quoting.DotGraph`, quoting in linear time) is used only to assemble
the source (`.source`); laying it out is `pmdocs.layout`'s job. Colours stay neutral (black
strokes, white fills): the site's CSS recolours nodes and edges by their `class` for light
and dark schemes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence

import graphviz

from ..sitemap import SiteMap
from .escape import doc_link, dot_name, html_line, label_line, tooltip_line, visible
from .quoting import DotGraph, Verbatim

FONT = "Noto Sans CJK SC"
FONT_SIZE = "12"
SMALL_FONT_SIZE = "10"
FAINT = "gray55"

_TOKEN = re.compile(r"\s+|[!-~]+|.", re.DOTALL)
_NO_LINE_START = set("，。、；：？！）」』》】〉,.;:?!)]}%")
_NO_LINE_END = "（「『《【〈([{"


def new_graph(title: str, rankdir: str = "TB", **graph_attributes: str) -> DotGraph:
    """A digraph with the attributes every diagram shares (its name is the diagram's title,
    which Graphviz writes as the SVG's root `<title>`; none when the title is empty)."""
    common = {"bgcolor": "transparent", "fontname": FONT, "fontsize": FONT_SIZE,
              "rankdir": rankdir, "pad": "0.1", "nodesep": "0.3", "ranksep": "0.4"}
    node = {"fontname": FONT, "fontsize": FONT_SIZE, "shape": "box", "style": "filled",
            "color": "black", "fillcolor": "white", "fontcolor": "black", "margin": "0.12,0.06"}
    edge = {"fontname": FONT, "fontsize": SMALL_FONT_SIZE, "color": "black",
            "fontcolor": "black", "arrowsize": "0.7"}
    return DotGraph(name=dot_name(normalize(title)) or Verbatim('""'),
                    graph_attr={**common, **graph_attributes}, node_attr=node, edge_attr=edge)


def subgraph(name: str, **graph_attributes: str) -> DotGraph:
    """A subgraph (a cluster when `name` starts with `cluster`) to be added with `.subgraph()`."""
    return DotGraph(name=name, graph_attr=graph_attributes)


def normalize(text: str) -> str:
    """User text on one line: runs of whitespace (newlines too) become one space, and a
    character XML cannot carry (a control character) becomes U+FFFD."""
    return " ".join(visible(str(text)).split())


def plain(text: str, width: int | None = None) -> str:
    """A plain label: user text shown as written, wrapped to lines of about `width` columns
    (CJK characters count two)."""
    lines = wrap(normalize(text), width) if width else [normalize(text)]
    return plain_lines(lines)


def plain_lines(lines: Iterable[str]) -> str:
    """Several lines of user text as one plain label (DOT's `\\n` between them)."""
    return graphviz.nohtml("\\n".join(label_line(line) for line in lines))


def html_text(text: str, width: int | None = None, line_break: str = "<BR/>") -> str:
    """User text for an HTML-like label: escaped, wrapped with `line_break`."""
    lines = wrap(normalize(text), width) if width else [normalize(text)]
    return line_break.join(html_line(line) for line in lines)


def html_label(body: str) -> str:
    """An HTML-like label (`body` is already escaped markup); an empty plain label when
    `body` is empty, as Graphviz rejects `<>`."""
    return f"<{body}>" if body else ""


def bold(markup: str) -> str:
    """`<B>markup</B>`, or nothing for empty markup (Graphviz rejects `<B></B>`)."""
    return f"<B>{markup}</B>" if markup else ""


def title_and_note(title: str, note: str) -> str:
    """An HTML-like label of two lines of markup: a title, and a note in small type under it
    (a table rather than `<BR/>`, which sets the lines too close for CJK fonts)."""
    return html_label('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
                      f'<TR><TD>{title}</TD></TR>'
                      f'<TR><TD><FONT POINT-SIZE="9">{note}</FONT></TD></TR></TABLE>')


def columns(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def wrap(text: str, width: int | None) -> list[str]:
    """Line breaking into as few lines as greedy breaking at `width` columns needs, made about
    equally long: between CJK characters, at spaces between Latin words; closing punctuation
    never starts a line, opening punctuation never ends one; a long Latin word stays whole."""
    total = sum(map(columns, text))
    if not width or total <= width:
        return [text]
    lines = _greedy(text, width)
    for narrower in range(-(-total // len(lines)), width):
        balanced = _greedy(text, narrower)
        if len(balanced) <= len(lines):
            return balanced
    return lines


def _greedy(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            current += " " if current else ""
            continue
        if sum(map(columns, current + token)) > width and token[0] not in _NO_LINE_START:
            kept = current.rstrip(_NO_LINE_END)
            if kept.strip():
                lines.append(kept.rstrip())
                current = current[len(kept):].lstrip()
        current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def item_link(section: str, item_id: str) -> str:
    """The link of a node that stands for an item: `pmdocs:pages/cart.md`."""
    return doc_link(SiteMap.item(section, item_id))


def item_tooltip(title: str, item_id: str) -> str:
    """An item's tooltip: its title and id (`购物车 (cart)`)."""
    title = normalize(title)
    return f"{title} ({item_id})" if title and title != item_id else item_id


def node_name(kind: str, key: str) -> str:
    """A node's DOT name, also its SVG id: `pages.cart`, `steps.start`, `sources.push`.
    Item nodes use their section as `kind`, which is how tests and CSS recognise them.
    `key` may be spec text (a module or lane nobody declared): it is written so that the
    SVG shows it as written, and the same string serves as the node's `id` attribute."""
    return f"{kind}.{dot_name(key)}"


def link_attributes(css_class: str, text: str | Sequence[str], link: str | None = None,
                    element_id: str | None = None) -> dict[str, str]:
    """`class`, `tooltip` (several lines when a sequence), `URL` (when a link, made by
    `doc_link` or `item_link`) and `id` (a `node_name`, or pmdocs' own words)."""
    attributes = {"class": css_class, "tooltip": tooltip(text)}
    if link:
        attributes["URL"] = link
    if element_id:
        attributes["id"] = element_id
    return attributes


def item_attributes(section: str, item_id: str, title: str, css_class: str) -> dict[str, str]:
    """The attributes of a node standing for an item: linked to its page, with a tooltip."""
    return link_attributes(css_class, item_tooltip(title, item_id), item_link(section, item_id),
                           node_name(section, item_id))


def tooltip(text: str | Iterable[str]) -> str:
    """A tooltip: lines of user text, each made one line (`normalize`); empty lines left out."""
    lines = [text] if isinstance(text, str) else list(text)
    return graphviz.nohtml("\\n".join(tooltip_line(normalize(line))
                                       for line in lines if normalize(line)))
