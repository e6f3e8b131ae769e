"""Post-processing of the SVG Graphviz writes, so that several diagrams can share a page and
their node links can be resolved by the front end. Pure string work, deterministic.

Regular expressions rather than an XML round trip: Graphviz's SVG writer is very regular
(no CDATA, attributes always double-quoted, and every `"`, `<`, `>` and `-` of user text
escaped as `&quot;`, `&lt;`, `&gt;`, `&#45;`), so markup like ` id="` or `<title>` can
only be markup, and comments cannot hold `-->`. Two gaps in that, closed where the DOT is
written (`pmdocs.graph.escape`): Graphviz writes a URL as it is, so every link is
percent-encoded; and it keeps `&name;` as written, so every `&` of user text is written as
`&amp;`. Editing in place keeps Graphviz's output byte for byte apart from the edits (an
ElementTree round trip would rewrite namespaces). Tests parse every result with an XML
parser, also for a table of hostile strings (`tests/test_graph_text.py`).
"""

from __future__ import annotations

import html
import re

from .graph.escape import visible

_PROLOGUE = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.DOTALL)
_ID = re.compile(r'(\s)id="([^"]*)"')
_REFERENCE = re.compile(r'(\s(?:xlink:)?href="#|\s(?:fill|stroke)="url\(#)')
"""A reference to an id: a link, or a gradient paint (`fill="url(#l_0)"`); a `url(#x)` in a
text or a tooltip is spec text."""
_ROOT = re.compile(r"<svg\b")
_LINK = re.compile(r'<a xlink:href="([^"]*)"')
_TITLE_BEFORE_TOOLTIP = re.compile(
    r'<title>[^<]*</title>(\s*<g id="[^"]*"><a\b[^>]*?\sxlink:title="([^"]*)")')
_STRAIGHT_PATH = re.compile(
    r'(class="edge\b[^"]*\bstraight\b[^"]*">(?:(?!</g>).)*?<path\b[^>]*?\sd=")([^"]*)"', re.DOTALL)
_NUMBER = re.compile(r"-?[\d.]+")



def clean_svg(svg: str, diagram_id: str) -> str:
    """Graphviz's SVG made ready to inline in a page:

    - XML declaration, DOCTYPE and comments removed;
    - every `id` (and every `#id` reference) prefixed with `<diagram_id>-`, and the root
      `<svg>` given `id="<diagram_id>"` (a link target) and `class="pmdocs-svg"`;
    - `viewBox` kept, and `width`/`height` (in pt) kept as the drawing's natural size: the
      site's CSS makes it the largest size (`max-width: 100%; height: auto`);
    - a plain `href` next to every `xlink:href` (for browsers that dropped XLink);
    - each node's, edge's and cluster's `<title>` (which Graphviz fills with internal names)
      replaced with its tooltip, when it has one, so both read the same;
    - edges of class `straight` drawn as straight lines between their ends.
    """
    prefix = _attribute_text(diagram_id)   # a diagram id may hold a module id: spec text
    svg = _PROLOGUE.sub("", svg)
    svg = _ID.sub(lambda match: f'{match.group(1)}id="{prefix}-{match.group(2)}"', svg)
    svg = _REFERENCE.sub(lambda match: f"{match.group(1)}{prefix}-", svg)
    svg = _ROOT.sub(lambda match: f'<svg id="{prefix}" class="pmdocs-svg"', svg, count=1)
    svg = _LINK.sub(r'<a href="\1" xlink:href="\1"', svg)
    svg = _TITLE_BEFORE_TOOLTIP.sub(lambda match: f"<title>{match.group(2)}</title>{match.group(1)}", svg)
    svg = _STRAIGHT_PATH.sub(_straighten, svg)
    return svg.strip() + "\n"


def _attribute_text(text: str) -> str:
    """`text` for an attribute value, read back exactly by an XML parser (but for characters
    XML cannot carry, which become U+FFFD)."""
    escaped = html.escape(visible(text), quote=True)
    return escaped.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


def _straighten(match: re.Match[str]) -> str:
    """An edge of class `straight` drawn as a line from its first to its last point: dot
    routes a flat edge around whatever lies between its ends, and a swimlane's band
    separators must stay straight."""
    numbers = _NUMBER.findall(match.group(2))
    if len(numbers) < 4:
        return match.group(0)
    return f'{match.group(1)}M{numbers[0]},{numbers[1]}L{numbers[-2]},{numbers[-1]}"'
