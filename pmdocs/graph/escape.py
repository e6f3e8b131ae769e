r"""Spec text written into DOT so that Graphviz draws it exactly as written: one function per
kind of DOT value, because Graphviz decodes each kind differently.

What Graphviz 2.43 does with each kind (found with `dot -Tsvg` on small inputs; the table
of hostile strings in `tests/test_graph_text.py` holds every row against the real `dot`):

- Every quoted DOT string: the scanner reads `\"` as `"` and keeps any other backslash,
  `\\` as two; so a quoted string cannot end in one backslash.
- Plain labels (nodes, edges, clusters): `\G \N \E \H \T \L` are replaced by graph,
  node, edge ... names, then HTML entities are decoded (`&lt;` is `<`, `&#92;` a backslash),
  then `\n \l \r` end lines and any other `\x` is `x` (`\\` one backslash). The SVG
  text escapes `&` always. So: `\` as `\\`, `&` as `&amp;`.
- HTML-like labels: XML entities decoded, then the `\G` ... replacement with `\\` read as
  one backslash; a text of nothing but `]` (`<]>`, `<B>]]</B>`) and an empty `<B></B>` or
  `<FONT></FONT>` are syntax errors. So: XML escaping, `\` as `\\`, `]` as `&#93;`.
- Tooltips (nodes, edges, clusters) are decoded twice: HTML entities, then `\n \l \r` as
  line breaks and `\x` as `x`, then the `\G` ... replacement with `\\` read as one
  backslash; the SVG attribute keeps `&name;` as written, so the browser decodes it. So:
  `\` as four backslashes (`\\\\`), `&` as `&amp;`; no invisible character is needed.
- Graph names, node names and classes are taken as they are: no escapes, but `&name;`
  kept as an entity in the SVG (`<title>`, `class`); a graph name that starts with `%` is
  replaced by an anonymous `%3`. Element ids get the `\G` ... replacement, then are written
  like names. So all four are written with XML character references for `& < > " ' \ %`,
  which no stage decodes (and for tab, LF and CR, which an XML parser reads as spaces in an
  attribute).
- URLs get the `\G` ... replacement and are then written with nothing escaped: `"`, `<`,
  `>` and `&` in a URL make the SVG not well-formed. So links are percent-encoded.
- The scanner fails on a run of more than 16,383 bytes without a backslash or quote in a
  quoted string (without `<`, `>` or a line end in an HTML-like one). It skips a backslash
  before a line end in a quoted string, and the HTML-like label drops every character
  below a space: so long runs are broken there, which shows nowhere.
- Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; lone
  surrogates) are written as they are, which makes the SVG not well-formed: they are
  replaced by U+FFFD, the one change to what was written besides `normalize`'s spaces.
"""

from __future__ import annotations

import html
import re

from ..sitemap import SiteMap

REPLACEMENT = "\ufffd"
_FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NAME_REFERENCES = {"\\": "&#92;", "%": "&#37;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
_UNSAFE_IN_LINK = re.compile(r"[^A-Za-z0-9._~/\u0080-\U0010ffff-]")
_RUN_TOKEN = re.compile(r"&#?\w+;|.", re.DOTALL)
RUN_LIMIT = 1024
"""Characters in a row, at most, between two breaks of a DOT string (4 KiB of UTF-8 at
most, well under the scanner's 16,383 bytes)."""


def visible(text: str) -> str:
    """`text` with each character XML 1.0 cannot carry replaced by U+FFFD."""
    return _FORBIDDEN_IN_XML.sub(REPLACEMENT, text)


def label_line(line: str) -> str:
    """One line of a plain label (node, edge or cluster)."""
    return _quoted(visible(line).replace("\\", "\\\\").replace("&", "&amp;"))


def html_line(line: str) -> str:
    """One line of text inside an HTML-like label."""
    escaped = html.escape(visible(line), quote=False)
    return _break_runs(escaped.replace("\\", "\\\\").replace("]", "&#93;"), "<>\n", "\n")


def tooltip_line(line: str) -> str:
    """One line of a tooltip (node, edge or cluster)."""
    return _quoted(visible(line).replace("\\", "\\\\\\\\").replace("&", "&amp;"))


def dot_name(text: str) -> str:
    """A graph or node name, an element id or a class, shown in the SVG as `text`."""
    escaped = html.escape(visible(text), quote=True)
    return _quoted("".join(_NAME_REFERENCES.get(character, character) for character in escaped))


def doc_link(path: str, fragment: str = "") -> str:
    """A node's link to a doc path (and a fragment in it): `pmdocs:pagemap/trade.md`, with
    every ASCII character but letters, digits and `._~/-` percent-encoded (`%3C` for `<`;
    other characters are kept, as in an IRI)."""
    target = SiteMap.link(_percent_encode(path))
    return _quoted(f"{target}#{_percent_encode(fragment)}" if fragment else target)


def _percent_encode(text: str) -> str:
    return _UNSAFE_IN_LINK.sub(lambda match: f"%{ord(match.group()):02X}", visible(text))


def _quoted(text: str) -> str:
    """Text for a quoted DOT string, long runs broken by a backslash and a line end."""
    return _break_runs(text, '\\"', "\\\n")


def _break_runs(text: str, run_ends: str, separator: str) -> str:
    """`text` with `separator` wherever RUN_LIMIT characters follow one another without one
    of `run_ends`; never inside a character reference, nor right after a backslash."""
    if len(text) <= RUN_LIMIT:
        return text
    pieces: list[str] = []
    run = 0
    for token in _RUN_TOKEN.findall(text):
        if token in run_ends:
            run = 0
        elif run + len(token) > RUN_LIMIT:
            pieces.append(separator)
            run = len(token)
        else:
            run += len(token)
        pieces.append(token)
    return "".join(pieces)
