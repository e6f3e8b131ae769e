"""Building blocks the section renderers share: tables and matrices (HTML blocks, see
`render.cells`), joined Markdown lists and in-page anchors, all made from values that are
already safe (`Html` in cells, `Safe` in Markdown) or escaped here."""

from __future__ import annotations

import html
import re
from typing import Iterable, Mapping, Sequence

import yaml

from .cells import Html, as_html, escaped, strong
from .cells import joined as joined_cells
from .text import Safe, heading_id, inline, markdown_html

CHECK_MARK = "✓"
SEARCH_EXCLUDE = "data-search-exclude"
MATRIX_COLUMN_LIMIT = 40
"""Above this many columns a matrix is shown as a list (one line per row)."""

_ANCHOR_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


def table_cell(value: object, empty: str = "–") -> Html:
    """A cell: `Html` is kept, anything else is escaped text; an empty cell shows `empty`.
    Markdown (`Safe`) has no place here: nothing in an HTML block is read as Markdown."""
    if isinstance(value, Safe):
        raise TypeError(f"Markdown in an HTML table cell: {value!r}")
    shown = as_html(value)
    return shown if shown.strip() else escaped(empty)


def table(headers: Sequence[object], rows: Iterable[Sequence[object]], empty: str = "–",
          searched: bool = True, classes: Sequence[str] = ()) -> Safe:
    """An HTML table (a raw block that Python-Markdown passes through untouched), or an
    empty `Safe` when there are no rows (templates say "none"). Headers are labels (escaped)
    or `Html` links. One row per line; cells are separated by a space, so search does not
    run the words of two cells together. `searched=False`: the table repeats what other
    pages say (a diagram's edges), and search leaves it out (`data-search-exclude`, which
    Material's indexer honours too). `classes`: a class for the cells of each column (the
    site's style tells a decision table's outcomes from its conditions)."""
    opens = [f' class="{name}"' if name else "" for name in classes]
    opens += [""] * (len(headers) - len(opens))
    body = ["<tr>" + " ".join(f"<td{opens[index] if index < len(opens) else ''}>"
                              f"{table_cell(value, empty)}</td>" for index, value in enumerate(row))
            + "</tr>" for row in rows]
    if not body:
        return Safe("")
    head = "<tr>" + " ".join(f"<th{opens[index]}>{table_cell(header, '')}</th>"
                             for index, header in enumerate(headers)) + "</tr>"
    start = "<table>" if searched else f"<table {SEARCH_EXCLUDE}>"
    return Safe("\n".join([start, "<thead>", head, "</thead>", "<tbody>", *body, "</tbody>",
                           "</table>"]))


def properties(headers: tuple[str, str], pairs: Iterable[tuple[str, object]]) -> Safe:
    """A two-column table of an item's properties (label → value); empty values are left out."""
    rows = [(strong(label), value) for label, value in pairs
            if value is not None and str(value) != ""]
    return table(headers, rows)


def joined(values: Iterable[Safe | str], separator: str) -> Safe:
    """Markdown values on one line (a list item, a paragraph); plain strings are escaped."""
    return Safe(separator.join(value if isinstance(value, Safe) else inline(value)
                               for value in values))


def cell_block(value: object) -> Html:
    """A Markdown field (see `text.markdown_html`) for a table cell: a lone paragraph loses
    its `<p>`, and the HTML is kept on one line so each table row stays one line."""
    converted = markdown_html(value)
    if converted.startswith("<p>") and converted.endswith("</p>") \
            and converted.count("<p>") == 1:
        converted = converted[len("<p>"):-len("</p>")]
    return Html(converted.replace("<br>\n", "<br>").replace("\n", " "))


def anchor(kind: str, item_id: str) -> Safe:
    """An empty HTML anchor (`<a id="element-buy"></a>`, `transition-2`) for links into a page;
    nothing when it would not be a plain slug (ids are validated, this is belt and braces)."""
    if not _ANCHOR_ID.match(f"{kind}-{item_id}"):
        return Safe("")
    return Safe(f'<a id="{kind}-{item_id}"></a>')


def anchored(kind: str, item_id: str, content: Html) -> Html:
    """A cell that is also the target of links to its row: the anchor, then `content`."""
    return Html(anchor(kind, item_id) + content)


def matrix(corner: str, rows: Sequence[tuple[str, Html]], columns: Sequence[tuple[str, Html]],
           marks: Mapping[tuple[str, str], str], separator: str) -> Safe:
    """A ✓ matrix of rows × columns (keys with their `Html` link); with too many columns, a
    list giving each row's marked columns instead (an HTML block too: at N=2,000 it holds
    thousands of links)."""
    if len(columns) > MATRIX_COLUMN_LIMIT:
        lines = []
        for row_key, row_link in rows:
            marked = [column_link for column_key, column_link in columns
                      if marks.get((row_key, column_key))]
            lines.append(f"<li>{row_link}: {joined_cells(marked, separator) or '–'}</li>")
        return Safe("\n".join(["<ul>", *lines, "</ul>"])) if lines else Safe("")
    headers = [corner] + [column_link for _, column_link in columns]
    body = [[row_link] + [marks.get((row_key, column_key), "") for column_key, _ in columns]
            for row_key, row_link in rows]
    return table(headers, body, empty="")


def document(body: str, title: str, searched: bool = True, wide: bool = False,
             kind: str = "") -> str:
    """A finished document: its front matter, its title as the heading, then `body`.

    The front matter says that pmdocs wrote it (`generator: pmdocs`: the mkdocs front end
    indexes these pages for search itself) and gives the title HTML-escaped once: a theme
    prints a page's front-matter title as it is (Material: in `<title>` and the header), where
    the title it finds in the heading would be unescaped by `striptags` first — a spec title
    `</title><script>` would run. `searched=False` keeps an overview whose every word is also
    on the item pages out of the search index (found twice otherwise, and segmenting it with
    jieba was ~15% of `mkdocs build` at N=2,000; see benchmarks/README.md). `wide`: a page
    of wide tables, without the table of contents (the site's style gives it the window's
    width). `kind`: what the page is about (页面, 规则 …), which search results show. The
    heading's anchor is `#top` (a Chinese title would be `#_1`)."""
    shown = html.escape(" ".join(str(title).split()), quote=True)
    meta = {"title": shown, **({"kind": html.escape(kind, quote=True)} if kind else {})}
    front = ["---", yaml.safe_dump(meta, allow_unicode=True, width=1 << 30, sort_keys=False).strip(),
             "generator: pmdocs"]
    if not searched:
        front += ["search:", "  exclude: true"]
    if wide:
        front += ["hide:", "  - toc"]
    return "\n".join([*front, "---", "", f"# {inline(title)}{heading_id('top')}", "",
                      body.strip()]) + "\n"
