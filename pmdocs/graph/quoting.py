"""Quoting of DOT values: `DotGraph`, a `graphviz.Digraph` whose quoting follows the
`graphviz` package's rules, byte for byte, in linear time.

The package's own quoting finds the quotes to escape with a regular expression that takes
quadratic time on a run of backslashes: one value of 12,000 backslashes (a tooltip of 3,000
written ones) took 1.5 s, and a spec full of them minutes. And the package reads a `:`
in an edge's end as the start of a port; pmdocs gives no node a port, so an edge's ends are
quoted like any name, a `:` in a module id being part of the name.
"""

from __future__ import annotations

import graphviz
from graphviz.quoting import HTML_STRING, ID, KEYWORDS, NoHtml


class Verbatim(str):
    """DOT that pmdocs wrote itself, used as it is: `""`, the name of an untitled graph
    (the package writes an empty name as none, and Graphviz then shows `%3`)."""


def quote(value: str) -> str:
    """A DOT ID: `value` as it is when it is an ID, an HTML-like string (unless `NoHtml`) or
    `Verbatim`; otherwise quoted, each `"` not already escaped given a backslash."""
    if isinstance(value, Verbatim):
        return value
    if HTML_STRING.match(value) and not isinstance(value, NoHtml):
        return value
    if ID.match(value) and value.lower() not in KEYWORDS:
        return value
    return f'"{_escape_quotes(value)}"'


def _escape_quotes(value: str) -> str:
    """`"` preceded by an even number of backslashes (none too) becomes `\\"`."""
    pieces = value.split('"')
    result = [pieces[0]]
    for before, piece in zip(pieces, pieces[1:]):
        escaped = (len(before) - len(before.rstrip("\\"))) % 2 == 1
        result += ['"' if escaped else '\\"', piece]
    return "".join(result)


def a_list(label: str | None = None, kwargs: dict[str, str] | None = None,
           attributes: dict[str, str] | None = None) -> str:
    """`label=… key=value …`: the label first, then the attributes sorted by key (as the
    package writes a plain dict's)."""
    result = [f"label={quote(label)}"] if label is not None else []
    for mapping in (kwargs, attributes):
        result += [f"{quote(key)}={quote(value)}" for key, value in sorted((mapping or {}).items())
                   if value is not None]
    return " ".join(result)


def attr_list(label: str | None = None, kwargs: dict[str, str] | None = None,
              attributes: dict[str, str] | None = None) -> str:
    """` [label=… key=value …]`, or nothing when there is no attribute."""
    content = a_list(label, kwargs=kwargs, attributes=attributes)
    return f" [{content}]" if content else ""


class DotGraph(graphviz.Digraph):
    """A `graphviz.Digraph` (used only to assemble DOT source) with linear-time quoting."""

    _quote = staticmethod(quote)
    _quote_edge = staticmethod(quote)
    _a_list = staticmethod(a_list)
    _attr_list = staticmethod(attr_list)
