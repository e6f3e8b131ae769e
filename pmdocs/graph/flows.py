"""Swimlane diagrams of business flows (`flow-<flow id>`): one lane (column) per role in the
flow's `lanes` order, one band (row) per stage in `stages` order.

Graphviz's dot has no swimlanes, and lanes drawn as clusters do not hold their order: dot's
crossing minimisation swaps whole clusters freely (flat edges, `ordering` and `mclimit` do
not stop it; in tests most random flows came out with lanes shuffled). So the grid is built
from plain nodes, which dot never reorders against flat edges:
- pmdocs ranks the steps itself: each stage is a band of rows, a step's row in its band is
  its longest path from the band's first steps (arrows back to an earlier stage, or closing
  a loop, are `constraint=false`); every row of the diagram is one `rank=same` group;
- every row holds, left to right, the stage column (a point at its left edge, then the band's
  title in its band's middle row, else a point), then for each lane a border point and the
  lane's steps of that row, then the last border point, chained by flat invisible edges: so
  each step lies between its lane's borders, and lanes keep their order;
- border points are joined row to row by heavy (`weight`) invisible edges, which keeps each
  border vertical; one edge from its top to its bottom point draws it (SVG id
  `borders.<index>`; `constraint=false`, class `straight`);
- a band starts with a separator row: a dashed line across the stage column and the lanes
  (SVG ids `rows.<band index>.<i>`); a header row names the lanes (nodes `lanes.<role>`,
  linked to the role), with solid lines above it and below the last band;
- the grid's points are drawn (class `invisible`, hidden by the site's style) so that the SVG
  says where they are: `pmdocs.svg` draws every line of class `straight` between the centres
  of its two points (orthogonal routing bends even flat edges) and centres each lane's name
  between its borders;
- arrows are routed orthogonally (`splines=ortho`), which keeps them inside the lanes; their
  conditions are external labels (`xlabel`), as orthogonal routing places no edge labels.

With marks (`diff.Marks`), new and changed steps and new links are coloured, and the steps
and links removed since are drawn in their lanes and bands too, dashed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Mapping, Sequence

import graphviz

from ..diff.marks import ADDED, REMOVED
from ..labels import Labels
from ..model.spec import Flow, Step
from ..sitemap import SiteMap
from . import Diagram, Edge
from .common import first_of_each
from .dot import (FAINT, SMALL_FONT_SIZE, item_link, link_attributes, new_graph, node_name,
                  normalize, plain, subgraph, tooltip)
from .escape import doc_link
from .marking import Legend, with_class
from .ranking import local_ranks

if TYPE_CHECKING:
    from ..diff.marks import Marks
    from ..memo import Reuse

STEP_WIDTH = 18
STAGE_WIDTH = 10
DECISION_WIDTH = 12
EDGE_LABEL_WIDTH = 16
STEP_SHAPES = {
    "start": {"shape": "box", "style": "rounded,filled", "fillcolor": "gray90"},
    "end": {"shape": "box", "style": "rounded,filled,bold", "peripheries": "2"},
    "decision": {"shape": "diamond", "margin": "0.12,0.12"},
    "task": {"shape": "box"},
}
POINT = {"shape": "point", "width": "0.01", "height": "0.01", "label": "", "class": "invisible"}
"""A point of the grid: drawn (so the SVG says where it is, for `pmdocs.svg` to draw the grid's
lines between points) but hidden by the site's style."""


@dataclass(frozen=True)
class Grid:
    """Where everything goes: lanes, bands (stage id, title) and the row of every step."""

    flow: Flow
    lanes: tuple[str, ...]
    bands: tuple[tuple[str, str], ...]
    separators: tuple[int, ...]
    """The row of each band's separator, then the bottom row."""
    step_rows: dict[str, int]
    step_marks: Mapping[str, str] = field(default_factory=dict)
    """Step id -> its mark (`added`, `changed`, `removed`), with marks."""

    @property
    def rows(self) -> int:
        return self.separators[-1] + 1


def diagrams(project, labels: Labels, marks: "Marks | None" = None,
             reuse: "Reuse | None" = None) -> list[Diagram]:
    """Each flow's swimlane (with `reuse`, the last run's when its inputs did not change)."""
    def drawn(flow: Flow) -> Diagram:
        if reuse is None or marks is not None:
            return flow_diagram(project, flow, labels, marks)
        return reuse.get("swimlane", ("flows", flow.id),
                         lambda: flow_diagram(project, flow, labels, marks))
    return [drawn(flow) for flow in project.index.listed["flows"]]


def flow_diagram(project, flow: Flow, labels: Labels, marks: "Marks | None" = None) -> Diagram:
    steps, step_marks, link_marks = drawn_steps(flow, marks)
    bands = _bands(flow, steps)
    band_of = {step.id: _band_index(step, bands) for step in steps}
    ranks, loose = local_ranks([step.id for step in steps], band_of, _arrows(steps))
    grid = replace(_grid(flow, steps, bands, band_of, ranks), step_marks=step_marks)
    graph = new_graph(flow.title, "TB", nodesep="0.3", ranksep="0.25", splines="ortho")
    legend = Legend()
    column = _add_rows(graph, project, grid, steps, labels, legend)
    _add_borders(graph, grid, column)
    _add_anchors(graph, grid, steps)
    edges = _add_step_edges(graph, steps, loose, link_marks, labels, legend)
    return Diagram(f"flow-{flow.id}", "flow", flow.title, graph.source, tuple(edges),
                   legend.marks)


def drawn_steps(flow: Flow, marks: "Marks | None"
                ) -> tuple[list[Step], dict[str, str], dict[tuple[str, str], str]]:
    """The steps to draw, each step's mark and each link's: the flow's own steps and, with
    marks, its removed links (added to their steps' `next`) and its removed steps."""
    steps = first_of_each(flow.steps)
    if marks is None:
        return steps, {}, {}
    removed_steps = [step for step in marks.removed_steps.get(flow.id, ())
                     if step.id not in {kept.id for kept in steps}]
    removed_links = marks.removed_links.get(flow.id, ())
    link_marks = {(source, arrow.to): REMOVED for source, arrow in removed_links}
    link_marks.update({(source, target): ADDED for flow_id, source, target in marks.new_links
                       if flow_id == flow.id})
    extra: dict[str, list] = {}
    for source, arrow in removed_links:
        extra.setdefault(source, []).append(arrow)
    drawn = [step.model_copy(update={"next": [*step.next, *extra.get(step.id, ())]})
             if step.id in extra else step for step in steps + removed_steps]
    step_marks = {step.id: marks.steps.get((flow.id, step.id), "") for step in steps}
    step_marks.update({step.id: REMOVED for step in removed_steps})
    return drawn, step_marks, link_marks


def lane_order(flow: Flow, steps: Sequence[Step]) -> list[str]:
    """The declared lanes, then (sorted) any lane a step names that is not declared."""
    lanes = list(dict.fromkeys(flow.lanes))
    return lanes + sorted({step.lane for step in steps} - set(lanes))


def _bands(flow: Flow, steps: Sequence[Step]) -> tuple[tuple[str, str], ...]:
    """The stages as (id, title); an untitled last band for steps of no known stage."""
    bands = [(stage.id, stage.title or stage.id) for stage in first_of_each(flow.stages)]
    known = {stage_id for stage_id, _ in bands}
    if not bands or any(step.stage not in known for step in steps):
        bands.append(("", ""))
    return tuple(bands)


def _band_index(step: Step, bands: Sequence[tuple[str, str]]) -> int:
    ids = [stage_id for stage_id, _ in bands]
    return ids.index(step.stage) if step.stage in ids else len(bands) - 1


def _arrows(steps: Sequence[Step]) -> list[tuple[str, str]]:
    known = {step.id for step in steps}
    return [(step.id, arrow.to) for step in steps for arrow in step.next if arrow.to in known]


def _grid(flow: Flow, steps: Sequence[Step], bands, band_of: dict[str, int],
          ranks: dict[str, int]) -> Grid:
    separators = []
    row = 2   # row 0: top line, row 1: lane names
    for band in range(len(bands)):
        separators.append(row)
        height = 1 + max((ranks[step.id] for step in steps if band_of[step.id] == band), default=0)
        row += 1 + height
    separators.append(row)
    step_rows = {step.id: separators[band_of[step.id]] + 1 + ranks[step.id] for step in steps}
    return Grid(flow, tuple(lane_order(flow, steps)), tuple(bands), tuple(separators), step_rows)


def _add_rows(graph: graphviz.Digraph, project, grid: Grid, steps: Sequence[Step],
              labels: Labels, legend: Legend) -> list[str]:
    """Every row: its column node, border points, lane names or steps, chained left to right;
    the column nodes' names, top to bottom."""
    column = []
    for row in range(grid.rows):
        line = _row_line(grid, row)
        same = subgraph(f"row_{row}", rank="same")
        chain = [_point(same, f"grid.{row}.left"), _column_node(same, grid, row)]
        column.append(chain[1])
        for index, lane in enumerate(grid.lanes):
            chain.append(_border(same, row, index))
            if row == 1:
                chain.append(_lane_name(same, project, lane))
            for step in steps:
                if step.lane == lane and grid.step_rows[step.id] == row:
                    _add_step(same, project, grid.flow, step, labels, legend,
                              grid.step_marks.get(step.id, ""))
                    chain.append(node_name("steps", step.id))
        chain.append(_border(same, row, len(grid.lanes)))
        band = grid.separators.index(row) if row in grid.separators else None
        for index, (tail, head) in enumerate(zip(chain, chain[1:])):
            style = "invis" if index < 2 and line != "dashed" else line   # the stage column
            attributes = {"id": f"rows.{band}.{index}"} if band is not None else {}
            same.edge(tail, head, style=style, arrowhead="none", color=FAINT, penwidth="0.8",
                      tailclip="false", headclip="false", **attributes,
                      **{"class": "band straight" if band is not None else "grid straight"})
        graph.subgraph(same)
    return column


def _row_line(grid: Grid, row: int) -> str:
    if row in (0, grid.rows - 1):
        return "solid"
    return "dashed" if row in grid.separators else "invis"


def _column_node(graph: graphviz.Digraph, grid: Grid, row: int) -> str:
    """The stage column's node of a row: the band's title in the middle row of its band (its
    rows lie between two separators), else a point."""
    for band, (stage_id, title) in enumerate(grid.bands):
        first, last = grid.separators[band] + 1, grid.separators[band + 1] - 1
        if stage_id and row == first + (last - first) // 2:
            name = node_name("stages", stage_id)
            graph.node(name, plain(title, STAGE_WIDTH), shape="plaintext", style="",
                       **link_attributes("stage", title, element_id=name))
            return name
    return _point(graph, f"grid.{row}.column")


def _border(graph: graphviz.Digraph, row: int, index: int) -> str:
    return _point(graph, f"grid.{row}.{index}")


def _point(graph: graphviz.Digraph, name: str) -> str:
    graph.node(name, id=name, **POINT)
    return name


def _lane_name(graph: graphviz.Digraph, project, lane: str) -> str:
    role = project.index.items["roles"].get(lane)
    title = role.name if role is not None else lane
    link = item_link("roles", lane) if role is not None else None
    name = node_name("lanes", lane)
    graph.node(name, plain(title, 14), shape="plaintext", style="",
               **link_attributes("lane", f"{normalize(title)} ({lane})", link, name))
    return name


def _add_anchors(graph: graphviz.Digraph, grid: Grid, steps: Sequence[Step]) -> None:
    """Invisible, weightless edges from each step (and lane name) to its lane's left border in
    the row above and its right border in the row below. dot skips nodes with no neighbour in
    the next row when it sorts a row, and may then carry another node past them against their
    flat edges; with these, no node of the grid lacks neighbours (without them, 23 of 100
    random flows lost a step from its lane). Two per node, not four: orthogonal routing
    routes invisible edges too, and these were most of its time."""
    cells = [(node_name("lanes", lane), 1, index) for index, lane in enumerate(grid.lanes)]
    cells += [(node_name("steps", step.id), grid.step_rows[step.id], grid.lanes.index(step.lane))
              for step in steps]
    for name, row, index in cells:
        graph.edge(f"grid.{row - 1}.{index}", name, style="invis", weight="0")
        graph.edge(name, f"grid.{row + 1}.{index + 1}", style="invis", weight="0")


def _add_borders(graph: graphviz.Digraph, grid: Grid, column: list[str]) -> None:
    """The lanes' borders: straight vertical lines from the top row to the bottom row."""
    for row in range(grid.rows - 1):
        graph.edge(f"grid.{row}.left", f"grid.{row + 1}.left", style="invis", weight="100")
        graph.edge(column[row], column[row + 1], style="invis", weight="100")
        for index in range(len(grid.lanes) + 1):
            graph.edge(f"grid.{row}.{index}", f"grid.{row + 1}.{index}", style="invis",
                       weight="100")
    for index in range(len(grid.lanes) + 1):   # one line each, not one per row: no gaps
        graph.edge(f"grid.0.{index}", f"grid.{grid.rows - 1}.{index}", arrowhead="none",
                   constraint="false", color=FAINT, headclip="false", tailclip="false",
                   id=f"borders.{index}", **{"class": "lane-border straight"})


def _add_step(graph: graphviz.Digraph, project, flow: Flow, step: Step, labels: Labels,
              legend: Legend, mark: str = "") -> None:
    """A step's box: linked to the first page it happens on, else to its row in the flow's
    step table; its tooltip says what it needs and makes, and where it happens."""
    text = step.label or step.id
    width = DECISION_WIDTH if step.kind == "decision" else STEP_WIDTH
    pages = [page_id for page_id in step.pages if page_id in project.index.items["pages"]]
    name = node_name("steps", step.id)
    link = item_link("pages", pages[0]) if pages else \
        doc_link(SiteMap.item("flows", flow.id), "step-" + step.id)
    graph.node(name, plain(text, width), **legend.node(STEP_SHAPES[step.kind], mark),
               **link_attributes(with_class(f"step {step.kind}" + (" on-page" if pages else ""),
                                            mark),
                                 _step_tooltip(project, step, pages, labels), link, name))


def _step_tooltip(project, step: Step, pages: list[str], labels: Labels) -> list[str]:
    separator, colon = labels["list_separator"], labels["colon"]
    lines = [f"{step.label or step.id} ({step.id})"]
    for key, values in (("inputs", step.inputs), ("outputs", step.outputs),
                        ("step_pages", [project.index.title_of("pages", page) for page in pages])):
        if values:
            lines.append(f"{labels[key]}{colon}{separator.join(values)}")
    return lines


def _add_step_edges(graph: graphviz.Digraph, steps: Sequence[Step], loose: set[tuple[str, str]],
                    link_marks: Mapping[tuple[str, str], str], labels: Labels,
                    legend: Legend) -> list[Edge]:
    by_id = {step.id: step for step in steps}
    edges = []
    for step in steps:
        for arrow in step.next:
            target = by_id.get(arrow.to)
            if target is None:
                continue
            source_text, target_text = normalize(step.label or step.id), normalize(target.label or target.id)
            attributes = {"class": "next", "tooltip": tooltip(f"{source_text} → {target_text}")}
            if arrow.when:
                attributes.update(xlabel=plain(arrow.when, EDGE_LABEL_WIDTH), fontsize=SMALL_FONT_SIZE)
            if (step.id, target.id) in loose:
                attributes["constraint"] = "false"
            mark = link_marks.get((step.id, target.id), "")
            graph.edge(node_name("steps", step.id), node_name("steps", target.id),
                       **legend.edge(attributes, mark))
            note = f"({labels['mark_' + mark]})" if mark else ""
            edges.append(Edge(source_text, target_text,
                              " ".join(part for part in (normalize(arrow.when), note) if part)))
    return edges
