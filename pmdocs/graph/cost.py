"""What laying out a diagram will cost, estimated before `dot` runs, so that a diagram kind
can choose how to present a large graph up front (a module map in groups) instead of waiting
for the layout's timeout. `size_of` counts a DOT source; a page map is counted from its
jumps before its DOT is even written (`pagemap.map_size`, held equal to `size_of` by a test).

`dot`'s time grows with the number of nodes times the number of edges that do not merely
extend a tree (its crossing minimisation reorders every rank for each of them): a module map
of 94 nodes, mostly a tree, takes 0.03 s; one of 86 nodes and 300 criss-crossing arrows 5 to
23 s. The estimate counts node and edge statements in the DOT; a labelled edge counts twice
(dot lays its label out as a node), an edge with `constraint=false` (a page map's `back` and
`close`) not at all. Figures measured on the generated projects are in benchmarks/README.md
("Diagram cost")."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_COST = 20_000
"""The largest estimate drawn as one diagram: measured ones up to 18,800 laid out in under a
second; the dense module maps, 39,800 to 51,100, took 4.7 to 23 s (the layout's timeout is
20 s)."""

_EDGE = re.compile(r"^\t+\S.* -> .*$", re.MULTILINE)
_LABELLED = re.compile(r"\blabel=")
_FREE = re.compile(r"\bconstraint=false\b")
_NODE = re.compile(r"^\t+(?!(?:graph|node|edge|subgraph)\b)[^\s\-{}][^\n]*?\[", re.MULTILINE)


@dataclass(frozen=True)
class Size:
    """What a diagram holds: nodes and edges that shape its layout (a labelled edge counted
    twice, one with `constraint=false` not at all)."""

    nodes: int
    edges: int

    @property
    def cost(self) -> int:
        """nodes × (edges beyond a spanning tree, at least one)."""
        return self.nodes * max(1, self.edges - self.nodes + 1)


def size_of(dot: str) -> Size:
    """The nodes and edges of a DOT source (statements one a line, as `graphviz` writes)."""
    edge_lines = _EDGE.findall(dot)
    edges = sum(2 if _LABELLED.search(line) else 1 for line in edge_lines
                if not _FREE.search(line))
    nodes = sum(1 for line in _NODE.findall(dot) if " -> " not in line)
    return Size(nodes, edges)
