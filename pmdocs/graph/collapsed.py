"""Pages drawn as one node: in the map of one group of a large module's pages, the pages of
each other group are one faint node for that group, linked to its group's own map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import graphviz

from .dot import FAINT, bold, html_text, link_attributes, node_name, title_and_note
from .escape import doc_link

TITLE_WIDTH = 16


@dataclass(frozen=True)
class Collapsed:
    """Pages drawn as one node: a group of a large module's pages, in the map of another
    group; the node links to the group's own map (`path#fragment`)."""

    key: str
    title: str
    note: str
    path: str
    fragment: str

    @property
    def node(self) -> str:
        return node_name("groups", self.key)


def add_collapsed(graph: graphviz.Digraph, collapsed_pages: Mapping[str, Collapsed],
                  own: frozenset[str], ends: set[str]) -> None:
    """One faint node per group of pages drawn collapsed (those of `collapsed_pages` at the
    end of a jump, `ends`, and not among the diagram's `own` pages), in the order of its
    first page."""
    drawn: dict[str, Collapsed] = {}
    for page_id, collapsed in collapsed_pages.items():
        if page_id in ends and page_id not in own:
            drawn.setdefault(collapsed.key, collapsed)
    for collapsed in drawn.values():
        label = title_and_note(bold(html_text(collapsed.title, TITLE_WIDTH)),
                               html_text(collapsed.note))
        graph.node(collapsed.node, label, style="rounded,filled,dashed", color=FAINT,
                   fontcolor=FAINT, **link_attributes(
                       "group external", collapsed.title,
                       doc_link(collapsed.path, collapsed.fragment), collapsed.node))
