"""The graph stage: a `Project` -> Graphviz DOT sources, one per diagram (pure, sorted,
deterministic). One module per diagram kind; laying them out is `pmdocs.layout`'s job."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..diff.marks import Marks
    from ..memo import Reuse


@dataclass(frozen=True)
class Edge:
    """One arrow of a diagram, for the plain table shown next to it (searchable, accessible).
    `*_path` is the doc path of the item's page (`pages/cart.md`), when it has one."""

    source: str
    target: str
    label: str = ""
    source_path: str | None = None
    target_path: str | None = None


@dataclass(frozen=True)
class Diagram:
    """A diagram: a stable id (also its SVG id prefix), a kind, a title, its DOT, its edges.

    Nodes link to the pages of their items through `URL="pmdocs:<doc path>"` (see
    `pmdocs.paths.diagram_target`; the path percent-encoded by `graph.escape.doc_link`), each
    with an explicit tooltip."""

    id: str
    kind: str
    title: str
    dot: str
    edges: tuple[Edge, ...] = ()
    marks: tuple[str, ...] = ()
    """What it marks as `added`, `changed` or `removed` (its legend says these)."""
    part: str = ""
    """When it draws a part of a diagram too large for one (a group of a module's pages, a
    module's use cases): that part's name, the heading it is shown under."""


def all_diagrams(project, labels, marks: "Marks | None" = None,
                 reuse: "Reuse | None" = None) -> list[Diagram]:
    """Every diagram of the project, sorted by id:

    `flow-<flow>` swimlanes, `usecases` (and `usecases.<module>` for large products),
    `objects` and `lifecycle-<object>`, `structure` (and `structure-<module>` for large
    products), `pagemap`, `pagemap-<module>` (and `pagemap-<module>.<n>` for a large module's
    groups of pages) and `page-<page>`. With `marks`, the page maps, the neighbourhoods of
    pages, the swimlanes and the lifecycles mark what is new, changed and removed since a
    revision; with `reuse`, a page's neighbourhood, a swimlane, a lifecycle is the last run's
    when its inputs did not change."""
    from . import flows, objects, pagemap, structure, usecases

    diagrams: list[Diagram] = []
    diagrams.extend(usecases.diagrams(project, labels))
    diagrams.extend(structure.diagrams(project, labels, reuse=reuse))
    for marked_kind in (flows, objects, pagemap):
        diagrams.extend(marked_kind.diagrams(project, labels, marks, reuse))
    return sorted(diagrams, key=lambda diagram: diagram.id)
