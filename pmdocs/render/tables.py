"""Markdown building blocks the section renderers share: tables, matrices, joined lists and
in-page anchors, all made from cells that are already safe (`Safe`) or escaped here."""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

from .text import Safe, block, inline

CHECK_MARK = "✓"
MATRIX_COLUMN_LIMIT = 40
"""Above this many columns a matrix is shown as a list (one line per row)."""

_ANCHOR_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


def table_cell(value: object, empty: str = "–") -> Safe:
    """A cell: `Safe` Markdown is kept (on one line), anything else is escaped text; an
    empty cell shows `empty`."""
    text = value if isinstance(value, Safe) else inline(value)
    text = text.replace("\r", " ").replace("\n", " ").strip()
    return Safe(text or empty)


def table(headers: Sequence[object], rows: Iterable[Sequence[object]], empty: str = "–") -> Safe:
    """A Markdown table, or an empty `Safe` when there are no rows (templates say "none").
    Headers are labels (escaped) or `Safe` links."""
    body = ["| " + " | ".join(table_cell(value, empty) for value in row) + " |" for row in rows]
    if not body:
        return Safe("")
    head = "| " + " | ".join(header if isinstance(header, Safe) else inline(header)
                             for header in headers) + " |"
    return Safe("\n".join([head, "|" + "---|" * len(headers), *body]))


def properties(headers: tuple[str, str], pairs: Iterable[tuple[str, object]]) -> Safe:
    """A two-column table of an item's properties (label → value); empty values are left out."""
    rows = [(Safe(f"**{inline(label)}**"), value) for label, value in pairs
            if value is not None and str(value) != ""]
    return table(headers, rows)


def joined(values: Iterable[Safe | str], separator: str) -> Safe:
    """Values on one line; plain strings are escaped."""
    return Safe(separator.join(value if isinstance(value, Safe) else inline(value)
                               for value in values))


def cell_block(value: object) -> Safe:
    """A description's Markdown (see `block`) squeezed into one table cell: its lines are
    joined with `<br>` and its pipes written as an entity, so it cannot end the cell."""
    text = block(value)
    if not text:
        return Safe("")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return Safe("<br>".join(lines).replace("|", "&#124;"))


def anchor(kind: str, item_id: str) -> Safe:
    """An empty HTML anchor (`<a id="element-buy"></a>`) for links into a page; nothing when
    the id is not a plain slug (ids are validated, this is belt and braces)."""
    if not _ANCHOR_ID.match(item_id) or not _ANCHOR_ID.match(kind):
        return Safe("")
    return Safe(f'<a id="{kind}-{item_id}"></a>')


def matrix(corner: str, rows: Sequence[tuple[str, Safe]], columns: Sequence[tuple[str, Safe]],
           marks: Mapping[tuple[str, str], str], separator: str) -> Safe:
    """A ✓ matrix of rows × columns (keys with their link); with too many columns, a list
    giving each row's marked columns instead."""
    if len(columns) > MATRIX_COLUMN_LIMIT:
        lines = []
        for row_key, row_link in rows:
            marked = [column_link for column_key, column_link in columns
                      if marks.get((row_key, column_key))]
            lines.append(f"- {row_link}: {joined(marked, separator) or '–'}")
        return Safe("\n".join(lines))
    headers = [corner] + [column_link for _, column_link in columns]
    body = [[row_link] + [marks.get((row_key, column_key), "") for column_key, _ in columns]
            for row_key, row_link in rows]
    return table(headers, body, empty="")


def document(markdown: str) -> str:
    """A finished document: no blank lines at its end, one newline."""
    return markdown.rstrip() + "\n"
