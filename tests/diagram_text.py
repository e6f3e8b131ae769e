"""Reading what a diagram shows a reader, for the tests of diagram text: the text runs and
the tooltip of each node, cluster and edge of an SVG, read with an XML parser, compared with
what should show (`Expected`) after pmdocs' documented normalisation (`written`)."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ElementTree

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
_FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with the characters XML cannot carry as U+FFFD (so ids and links keep the rest)."""
    return _FORBIDDEN_IN_XML.sub("\ufffd", text)


def written(text: str) -> str:
    """What a reader should see of `text`: pmdocs' documented normalisation, nothing else."""
    return " ".join(xml_safe(text).split())


def item_tip(title: str, item_id: str) -> list[str]:
    """The tooltip of an item's node: `title (id)`, or the id alone for an empty title."""
    return [f"{written(title)} ({item_id})" if written(title) else item_id]


def tip(*lines: str) -> list[str]:
    """A tooltip's lines as a reader sees them: each written, empty ones left out."""
    return [written(line) for line in lines if written(line)]


# ------------------------------------------------------------------ reading the SVG

@dataclasses.dataclass
class Drawn:
    """What one group (node, edge, cluster) of an SVG shows."""

    runs: list[str]
    """The text of each `<text>` in it."""
    tooltip: list[str]


def drawn_groups(svg: str, prefix: str) -> tuple[str | None, dict[str, Drawn], list[tuple[str, Drawn]]]:
    """The diagram's title, its nodes and clusters by id, and its edges with their classes."""
    root = ElementTree.fromstring(svg)   # well-formed, whatever the input
    graph = root.find(SVG + "g")
    title = graph.find(SVG + "title")
    nodes: dict[str, Drawn] = {}
    edges: list[tuple[str, Drawn]] = []
    for group in graph.iter(SVG + "g"):
        kind, _, classes = (group.get("class") or "").partition(" ")
        if kind not in ("node", "edge", "cluster"):
            continue
        shown = Drawn([text.text or "" for text in group.iter(SVG + "text")], _tooltip(group))
        if kind == "edge":
            edges.append((classes, shown))
        else:
            assert group.get("id").startswith(prefix + "-"), group.get("id")
            nodes[group.get("id")[len(prefix) + 1:]] = shown
    return (None if title is None else title.text or ""), nodes, edges


def _tooltip(group: ElementTree.Element) -> list[str]:
    anchor = next(group.iter(SVG + "a"), None)
    if anchor is None or anchor.get(XLINK + "title") is None:
        return []
    title = group.find(SVG + "title").text or ""
    assert anchor.get(XLINK + "title") == title   # `pmdocs.svg` copies the tooltip
    return title.split("\n")


def rejoins(runs: list[str], parts: list[str]) -> bool:
    """Whether the text runs, joined with nothing or one space (a wrap) or a line break (a
    new part: a note under a title), give the parts."""
    pattern = "[ \n]?".join(re.escape(run) for run in runs)
    return re.fullmatch(pattern, "\n".join(part for part in parts if part)) is not None


# ------------------------------------------------------------------ what should show

@dataclasses.dataclass
class Expected:
    title: str
    nodes: dict[str, tuple[list[str], list[str]]] = dataclasses.field(default_factory=dict)
    """By id: the label's parts (lines of a title, a note …) and the tooltip's lines."""
    edges: list[tuple[str, list[str], list[str]]] = dataclasses.field(default_factory=list)
    """Class, label parts and tooltip lines of each edge with a label or a tooltip."""


def assert_shows(svg: str, diagram_id: str, expected: Expected) -> None:
    title, nodes, edges = drawn_groups(svg, xml_safe(diagram_id))
    assert title == (written(expected.title) or None), diagram_id
    for node_id, (parts, tooltip) in expected.nodes.items():
        shown = nodes[node_id]
        assert shown.tooltip == tooltip, (diagram_id, node_id)
        assert rejoins(shown.runs, parts), (diagram_id, node_id, shown.runs, parts)
    unmatched = [(classes, shown) for classes, shown in edges if shown.runs or shown.tooltip]
    for classes, parts, tooltip in expected.edges:
        match = next((pair for pair in unmatched if pair[0] == classes and pair[1].tooltip == tooltip
                      and rejoins(pair[1].runs, parts)), None)
        assert match is not None, (diagram_id, classes, parts, tooltip, unmatched)
        unmatched.remove(match)
    assert not unmatched, (diagram_id, unmatched)


READ_IN_BROWSER = """
return [...document.querySelectorAll('body > div > svg')].map(svg => [
  svg.id,
  [...svg.querySelectorAll('text')].map(element => element.textContent),
  [...svg.querySelectorAll('title')].map(element => element.textContent),
  [...svg.querySelectorAll('a')].map(element => element.getAttribute('xlink:title')),
  [...svg.querySelectorAll('[id]')].map(element => element.id),
  [...svg.querySelectorAll('a[href]')].map(element => element.getAttribute('href'))]);
"""
"""What a browser reads of each diagram inlined in a page (`body > div > svg`), as
`read_in_xml` reads one."""


def read_in_xml(svg: str) -> list:
    """An SVG's id, texts, titles, tooltips, ids (but its own) and links, as an XML parser
    reads them."""
    root = ElementTree.fromstring(svg)
    anchors = list(root.iter(SVG + "a"))
    return [root.get("id"), [element.text or "" for element in root.iter(SVG + "text")],
            [element.text or "" for element in root.iter(SVG + "title")],
            [anchor.get(XLINK + "title") for anchor in anchors],
            [element.get("id") for element in root.iter() if element.get("id") and element is not root],
            [anchor.get("href") for anchor in anchors if anchor.get("href") is not None]]
