"""Building DOT for every diagram kind: the common graph attributes, escaping of user text
(plain labels through `graphviz.escape`, HTML-like labels through `html.escape`), wrapping
of long labels, and the attributes that make a node a link with a tooltip and CSS classes.

A `graphviz.Digraph` (`quoting.DotGraph`, quoting in linear time) is used only to assemble
the source (`.source`); laying it out is `pmdocs.layout`'s job. Colours stay neutral (black
strokes, white fills): the site's CSS recolours nodes and edges by their `class` for light
and dark schemes.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Iterable, Sequence

import graphviz

from ..paths import diagram_target, item_path
from .quoting import DotGraph, Verbatim

FONT = "Noto Sans CJK SC"
FONT_SIZE = "12"
SMALL_FONT_SIZE = "10"
FAINT = "gray55"

_TOKEN = re.compile(r"\s+|[!-~]+|.", re.DOTALL)
_NO_LINE_START = set("，。、；：？！）」』》】〉,.;:?!)]}%")
_NO_LINE_END = "（「『《【〈([{"
_ESCAPE_LETTER = re.compile(r"\\(?=[GNEHTL])")


def new_graph(title: str, rankdir: str = "TB", **graph_attributes: str) -> DotGraph:
    """A digraph with the attributes every diagram shares (its name is the diagram's title,
    which Graphviz writes as the SVG's root `<title>`; none when the title is empty)."""
    common = {"bgcolor": "transparent", "fontname": FONT, "fontsize": FONT_SIZE,
              "rankdir": rankdir, "pad": "0.1", "nodesep": "0.3", "ranksep": "0.4"}
    node = {"fontname": FONT, "fontsize": FONT_SIZE, "shape": "box", "style": "filled",
            "color": "black", "fillcolor": "white", "fontcolor": "black", "margin": "0.12,0.06"}
    edge = {"fontname": FONT, "fontsize": SMALL_FONT_SIZE, "color": "black",
            "fontcolor": "black", "arrowsize": "0.7"}
    return DotGraph(name=plain(title) or Verbatim('""'),
                    graph_attr={**common, **graph_attributes}, node_attr=node, edge_attr=edge)


def subgraph(name: str, **graph_attributes: str) -> DotGraph:
    """A subgraph (a cluster when `name` starts with `cluster`) to be added with `.subgraph()`."""
    return DotGraph(name=name, graph_attr=graph_attributes)


def normalize(text: str) -> str:
    """User text on one line: runs of whitespace (newlines too) become one space."""
    return " ".join(str(text).split())


def plain(text: str, width: int | None = None) -> str:
    """A plain label or attribute value: user text with backslashes and `<…>` made literal,
    wrapped to lines of about `width` columns (CJK characters count two)."""
    lines = wrap(normalize(text), width) if width else [normalize(text)]
    return plain_lines(lines)


def plain_lines(lines: Iterable[str]) -> str:
    """Several lines of user text as one plain label (DOT's `\\n` between them)."""
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))


def html_text(text: str, width: int | None = None, line_break: str = "<BR/>") -> str:
    """User text for an HTML-like label: escaped, wrapped with `line_break`."""
    lines = wrap(normalize(text), width) if width else [normalize(text)]
    return line_break.join(_html_escape(line) for line in lines)


def _html_escape(line: str) -> str:
    """Graphviz expands `\\N` (node name), `\\G` … in HTML-like text too, so backslashes are
    doubled; `]` becomes a character reference, as Graphviz 2.43 rejects a text made only of
    `]` (`<B>]</B>`)."""
    return html.escape(line, quote=False).replace("\\", "\\\\").replace("]", "&#93;")


def html_label(body: str) -> str:
    """An HTML-like label (`body` is already escaped markup)."""
    return f"<{body}>"


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
    return diagram_target(item_path(section, item_id))


def item_tooltip(title: str, item_id: str) -> str:
    """An item's tooltip: its title and id (`购物车 (cart)`)."""
    title = normalize(title)
    return f"{title} ({item_id})" if title and title != item_id else item_id


def node_name(kind: str, key: str) -> str:
    """A node's DOT name, also its SVG id: `pages.cart`, `steps.start`, `sources.push`.
    Item nodes use their section as `kind`, which is how tests and CSS recognise them."""
    return f"{kind}.{key}"


def link_attributes(css_class: str, text: str | Sequence[str], link: str | None = None,
                    element_id: str | None = None) -> dict[str, str]:
    """`class`, `tooltip` (several lines when a sequence), `URL` (when a link) and `id`."""
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
    """A tooltip (lines of user text), escaped like a plain label. Graphviz 2.43 expands
    escapes in node tooltips twice, so a backslash before G, N, E, H, T or L is followed by an
    invisible word joiner (U+2060): the tooltip reads as written in nodes and edges alike."""
    lines = [text] if isinstance(text, str) else list(text)
    return plain_lines(_ESCAPE_LETTER.sub("\\\\\u2060", normalize(line))
                       for line in lines if normalize(line))
