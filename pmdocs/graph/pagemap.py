"""The map of the product: the module overview (`pagemap`), the page-jump map of each module
(`pagemap-<module id>`; for a module too large for one map, a map of its groups of pages and
one map per group, see `pagemap_groups`) and each page's neighbourhood (`page-<page id>`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..diff.marks import REMOVED
from ..labels import Labels
from ..sitemap import SiteMap
from . import Diagram, Edge
from ..model.index import Module
from .cost import MAX_COST, Size
from .pagemap_groups import grouped_maps
from .dot import (bold, html_text, link_attributes, new_graph, node_name, title_and_note,
                  tooltip)
from .escape import doc_link
from .jumps import JumpView, PageJump, drawn_pages, jump_graph, page_jumps

if TYPE_CHECKING:
    from ..diff.marks import Marks
    from ..memo import Reuse


def diagrams(project, labels: Labels, marks: "Marks | None" = None,
             reuse: "Reuse | None" = None, max_cost: int | None = None) -> list[Diagram]:
    """Every page-map diagram; a module map estimated to cost more than `max_cost`
    (`cost.MAX_COST` unless given) is drawn in groups. With `reuse`, a module's maps and a
    page's neighbourhood are the last run's when the inputs of its pages did not change (a
    page's inputs hold the pages it jumps to and from, and theirs)."""
    jumps = page_jumps(project, labels, marks)
    module_list = project.index.modules
    result = [overview(project, labels, module_list,
                       [jump for jump in jumps if jump.mark != REMOVED])]
    for module in module_list:
        def maps(module: Module = module) -> list[Diagram]:
            return module_maps(project, labels, module, jumps, marks, max_cost)
        result += maps() if reuse is None or marks is not None else reuse.get_from(
            f"module_maps/{max_cost or MAX_COST}", [("pages", page_id) for page_id in module.pages],
            maps)
    touching = jumps_by_page(jumps)
    for page in project.index.listed["pages"]:
        def make(page=page) -> Diagram:
            return neighbourhood(project, labels, page, touching.get(page.id, []), marks)
        result.append(make() if reuse is None or marks is not None
                      else reuse.get("neighbourhood", ("pages", page.id), make))
    return result


def jumps_by_page(jumps: list[PageJump]) -> dict[str, list[PageJump]]:
    """For each page, the jumps from or into it, in declared order (one pass, not one per page)."""
    touching: dict[str, list[PageJump]] = {}
    for jump in jumps:
        touching.setdefault(jump.source, []).append(jump)
        if jump.target != jump.source:
            touching.setdefault(jump.target, []).append(jump)
    return touching


def overview(project, labels: Labels, module_list: Sequence[Module],
             jumps: list[PageJump]) -> Diagram:
    """One node per module; an arrow where pages of one module jump to pages of another,
    labelled with the number of such jumps."""
    graph = new_graph(labels["pagemap"], "LR", nodesep="0.4", ranksep="0.8")
    for module in module_list:
        name = node_name("modules", module.key)
        count = labels["page_count"].format(count=len(module.pages))
        label = title_and_note(bold(html_text(module.title, 16)), html_text(count))
        graph.node(name, label, style="rounded,filled", **link_attributes(
            "module", module_tooltip(module),
            doc_link(SiteMap.module_map(module.key)), name))
    edges = []
    titles = {module.key: module.title for module in module_list}
    order = list(titles)
    counts = _module_jump_counts(project, jumps)
    for source, target in sorted(counts, key=lambda pair: (order.index(pair[0]), order.index(pair[1]))):
        count = counts[(source, target)]
        text = tooltip(f"{titles[source]} → {titles[target]}{labels['colon']}{count}")
        graph.edge(node_name("modules", source), node_name("modules", target), label=str(count),
                   **{"class": "jump", "tooltip": text})
        edges.append(Edge(titles[source], titles[target], str(count),
                          SiteMap.module_map(source), SiteMap.module_map(target)))
    return Diagram("pagemap", "pagemap", labels["pagemap"], graph.source, tuple(edges))


def module_tooltip(module: Module) -> str:
    """A module's title, with its id when pmdocs.yml declares it (a module only pages name is
    known by its name alone)."""
    return f"{module.title} ({module.key})" if module.declared else module.title


def _module_jump_counts(project, jumps: list[PageJump]) -> dict[tuple[str, str], int]:
    page_module = project.index.page_module
    counts: dict[tuple[str, str], int] = {}
    for jump in jumps:
        if jump.special:
            continue
        key = (page_module[jump.source], page_module[jump.target])
        if key[0] != key[1]:
            counts[key] = counts.get(key, 0) + 1
    return counts


def module_maps(project, labels: Labels, module: Module, jumps: list[PageJump],
                marks: "Marks | None" = None, max_cost: int | None = None) -> list[Diagram]:
    """A module's pages and dialogs with every jump from or into them; the other modules'
    pages at the ends of those jumps drawn faintly (and with `marks`, the module's pages
    removed since, dashed). When that map is estimated too costly to lay out, the map of the
    module's groups of pages and a map per group instead."""
    removed = tuple(page_id for page_id, key in (marks.removed_page_modules if marks else {}).items()
                    if key == module.key)
    pages = module.pages + removed
    own = set(pages)
    title = f"{labels['pagemap']}{labels['colon']}{module.title}"
    touching = tuple(jump for jump in jumps if jump.source in own or jump.target in own)
    view = JumpView(title, pages, touching, marks=marks)
    if map_size(project, view).cost > (max_cost or MAX_COST):
        return grouped_maps(project, labels, module, pages, touching, marks)
    dot, edges, marks_drawn = jump_graph(project, labels, view)
    return [Diagram(f"pagemap-{module.key}", "pagemap_module", title, dot, edges, marks_drawn)]


def map_size(project, view: JumpView) -> Size:
    """The `cost.Size` of the DOT `jump_graph` would write for `view`, counted from its
    jumps without writing it: its pages, the other pages at the ends of its jumps, a
    marker per `back` / `close`, a node per entry source; an arrow (labelled: two) per pair
    of pages, one per page an entry source leads to, none for `back` / `close`."""
    index = drawn_pages(project, view.marks)
    jumps = [jump for jump in view.jumps
             if jump.source in index and (jump.special or jump.target in index)]
    ends = {jump.source for jump in jumps} | {jump.target for jump in jumps}
    others = sum(1 for page_id in ends if page_id in index and page_id not in view.own)
    markers = {jump.target for jump in jumps if jump.special}
    kept = [index[page_id] for page_id in view.pages if page_id in project.index.items["pages"]]
    entries = [set(page.entry) for page in kept]
    arrows = {(jump.source, jump.target, jump.mark == REMOVED) for jump in jumps
              if not jump.special}
    nodes = len(view.pages) + others + len(markers) + len(set().union(*entries))
    return Size(nodes, 2 * len(arrows) + sum(len(sources) for sources in entries))


def neighbourhood(project, labels: Labels, page, jumps: list[PageJump],
                  marks: "Marks | None" = None) -> Diagram:
    """One page, the pages and dialogs that jump to it and the ones it jumps to
    (`jumps`: the jumps from or into this page)."""
    title = f"{labels['page_jumps']}{labels['colon']}{page.title}"
    view = JumpView(title, (page.id,), tuple(jumps), faint_others=False, focus=page.id,
                    marks=marks)
    dot, edges, marks_drawn = jump_graph(project, labels, view)
    return Diagram(f"page-{page.id}", "page", title, dot, edges, marks_drawn)
