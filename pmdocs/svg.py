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
    r'(class="edge\b[^"]*\bstraight\b[^"]*">\s*<title>([^<]*)</title>(?:(?!</g>).)*?<path\b[^>]*?\sd=")'
    r'([^"]*)"', re.DOTALL)
_POINT = re.compile(r'class="node\b[^"]*">\s*<title>([^<]*)</title>\s*<ellipse\b[^>]*?\scx="(-?[\d.]+)" '
                    r'cy="(-?[\d.]+)"')
_EDGE_ARROW = "&#45;&gt;"
_NUMBER = re.compile(r"-?[\d.]+")
_LANE_BORDER = re.compile(r'class="edge lane&#45;border\b[^"]*">\s*<title>[^<]*</title>\s*'
                          r'<path\b[^>]*?\sd="M(-?[\d.]+),')
_LANE_NAME = re.compile(r'class="node lane">(?:(?!<g id="[^"]*" class="(?:node|edge|cluster)\b).)*',
                        re.DOTALL)
_TEXT_X = re.compile(r'(<text\b[^>]*?\sx=")(-?[\d.]+)"')



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
    - edges of class `straight` drawn as straight lines between their ends;
    - a swimlane's lane names (nodes of class `lane`) centred between their lane's borders
      (edges of class `lane-border`): dot leaves a node anywhere between its flat neighbours.
    """
    prefix = _attribute_text(diagram_id)   # a diagram id may hold a module id: spec text
    svg = _PROLOGUE.sub("", svg)
    svg = _ID.sub(lambda match: f'{match.group(1)}id="{prefix}-{match.group(2)}"', svg)
    svg = _REFERENCE.sub(lambda match: f"{match.group(1)}{prefix}-", svg)
    svg = _ROOT.sub(lambda match: f'<svg id="{prefix}" class="pmdocs-svg"', svg, count=1)
    svg = _LINK.sub(r'<a href="\1" xlink:href="\1"', svg)
    svg = _TITLE_BEFORE_TOOLTIP.sub(lambda match: f"<title>{match.group(2)}</title>{match.group(1)}", svg)
    points = {match.group(1): (match.group(2), match.group(3)) for match in _POINT.finditer(svg)}
    svg = _STRAIGHT_PATH.sub(lambda match: _straighten(match, points), svg)
    svg = _centre_lane_names(svg)
    return svg.strip() + "\n"


def _attribute_text(text: str) -> str:
    """`text` for an attribute value, read back exactly by an XML parser (but for characters
    XML cannot carry, which become U+FFFD)."""
    escaped = html.escape(visible(text), quote=True)
    return escaped.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


def _straighten(match: re.Match[str], points: dict[str, tuple[str, str]]) -> str:
    """An edge of class `straight` drawn as a line between the centres of the two nodes it
    joins (drawn points: `tail->head` in its title), else from its path's first point to its
    last: dot routes a flat edge around whatever lies between its ends (orthogonal routing
    also moves its ends off the nodes), and a swimlane's grid lines must stay straight."""
    tail, _, head = match.group(2).partition(_EDGE_ARROW)
    if tail in points and head in points:
        (tail_x, tail_y), (head_x, head_y) = points[tail], points[head]
        return f'{match.group(1)}M{tail_x},{tail_y}L{head_x},{head_y}"'
    numbers = _NUMBER.findall(match.group(3))
    if len(numbers) < 4:
        return match.group(0)
    return f'{match.group(1)}M{numbers[0]},{numbers[1]}L{numbers[-2]},{numbers[-1]}"'


def _centre_lane_names(svg: str) -> str:
    """Each lane name's text moved to the middle between the two borders around it."""
    borders = sorted(float(x) for x in _LANE_BORDER.findall(svg))
    if len(borders) < 2:
        return svg

    def centre(match: re.Match[str]) -> str:
        texts = _TEXT_X.findall(match.group(0))
        if not texts:
            return match.group(0)
        x = float(texts[0][1])
        lane = next((index for index in range(len(borders) - 1)
                     if borders[index] < x < borders[index + 1]), None)
        if lane is None:
            return match.group(0)
        shift = (borders[lane] + borders[lane + 1]) / 2 - x
        return _TEXT_X.sub(lambda text: f'{text.group(1)}{float(text.group(2)) + shift:.2f}"',
                           match.group(0))
    return _LANE_NAME.sub(centre, svg)
