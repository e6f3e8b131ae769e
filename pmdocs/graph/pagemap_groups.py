"""A large module's map in groups: when one map of all its pages would cost `dot` too much
(`pagemap.map_size` over `cost.MAX_COST`), `pagemap-<module>` becomes a small map of the module's groups of pages
(`pagegroups`) with the number of jumps between them, and each group gets its own map,
`pagemap-<module>.<n>` (a `.` never appears in a module's key), in which the pages of the
other groups are drawn as one node per group. Every group node links to its group's map on
the module's page (`#group-<n>`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..labels import Labels
from ..model.index import Module
from ..sitemap import SiteMap
from . import Diagram, Edge
from .dot import (bold, html_text, link_attributes, new_graph, node_name, title_and_note,
                  tooltip)
from .escape import doc_link
from .collapsed import Collapsed
from .jumps import JumpView, PageJump, jump_graph
from .pagegroups import PageGroup, page_groups

if TYPE_CHECKING:
    from ..diff.marks import Marks


def group_id(module: Module, group: PageGroup) -> str:
    return f"pagemap-{module.key}.{group.number}"


def grouped_maps(project, labels: Labels, module: Module, pages: tuple[str, ...],
                 jumps: Sequence[PageJump], marks: "Marks | None" = None) -> list[Diagram]:
    """The map of the module's groups, then one map per group (`pages`: the module's pages
    and those removed since, which join the last group; `jumps`: those from or into them)."""
    groups = list(page_groups(project.index, module, labels))
    removed = tuple(page_id for page_id in pages if page_id not in module.pages)
    if removed:
        last = groups.pop()
        groups.append(PageGroup(last.number, last.title, last.pages + removed))
    nodes = {page_id: _collapsed(labels, module, group)
             for group in groups for page_id in group.pages}
    result = [_overview(labels, module, groups, jumps)]
    for group in groups:
        own = set(group.pages)
        title = (f"{labels['pagemap']}{labels['colon']}{module.title}{labels['colon']}"
                 f"{_group_title(labels, group)}")
        view = JumpView(title, group.pages, tuple(
            jump for jump in jumps if jump.source in own or jump.target in own),
            marks=marks, collapsed=nodes)
        dot, edges, marks_drawn = jump_graph(project, labels, view)
        result.append(Diagram(group_id(module, group), "pagemap_module", title, dot, edges,
                              marks_drawn, _group_title(labels, group)))
    return result


def _group_title(labels: Labels, group: PageGroup) -> str:
    return labels["page_group"].format(number=group.number, title=group.title)


def _collapsed(labels: Labels, module: Module, group: PageGroup) -> Collapsed:
    return Collapsed(str(group.number), _group_title(labels, group),
                     labels["page_count"].format(count=len(group.pages)),
                     SiteMap.module_map(module.key), SiteMap.page_group(group.number))


def _overview(labels: Labels, module: Module, groups: Sequence[PageGroup],
              jumps: Sequence[PageJump]) -> Diagram:
    """The groups as nodes, an arrow where pages of one jump to pages of another, labelled
    with the number of such jumps."""
    title = f"{labels['pagemap']}{labels['colon']}{module.title}"
    graph = new_graph(title, "LR", nodesep="0.4", ranksep="0.8")
    path = SiteMap.module_map(module.key)
    group_of = {page_id: group for group in groups for page_id in group.pages}
    for group in groups:
        node = _collapsed(labels, module, group)
        label = title_and_note(bold(html_text(node.title, 16)), html_text(node.note))
        graph.node(node.node, label, style="rounded,filled", **link_attributes(
            "group", node.title, doc_link(path, node.fragment), node.node))
    counts: dict[tuple[int, int], int] = {}
    for jump in jumps:
        source, target = group_of.get(jump.source), group_of.get(jump.target)
        if source and target and source != target and not jump.special:
            key = (source.number, target.number)
            counts[key] = counts.get(key, 0) + 1
    edges = []
    for (source, target), count in sorted(counts.items()):
        source_title = _group_title(labels, groups[source - 1])
        target_title = _group_title(labels, groups[target - 1])
        text = tooltip(f"{source_title} → {target_title}{labels['colon']}{count}")
        graph.edge(node_name("groups", str(source)), node_name("groups", str(target)),
                   label=str(count), **{"class": "jump", "tooltip": text})
        edges.append(Edge(source_title, target_title, str(count),
                          f"{path}#{SiteMap.page_group(source)}",
                          f"{path}#{SiteMap.page_group(target)}"))
    return Diagram(f"pagemap-{module.key}", "pagemap_groups", title, graph.source, tuple(edges))
