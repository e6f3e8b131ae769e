"""Page jumps and how a page-jump diagram draws them; shared by the module maps
(`pagemap-<module>`) and the page neighbourhoods (`page-<page>`).

Drawing choices:
- pages are boxes; dialogs rounded boxes, sheets rounded dashed boxes, toasts notes (with the
  kind written small under the title); entry pages have a bold border;
- pages outside the diagram's own set are drawn faintly (`class="external"`) in module maps;
- every entry source (推送消息, 分享 …) is one node per diagram with an arrow into each of its
  pages; the tab bar is such a node too, but its label states the global navigation once
  ("底部标签栏：首页、分类、购物车、我的") instead of an arrow from every page to every tab;
- `back` / `close` jumps go to one small marker node per diagram ("返回", "关闭"), drawn
  faintly, unlabelled (their trigger is in the tooltip and the edge table) and with
  `constraint=false`, so they never shape the layout;
- several jumps between the same two pages share one arrow, one label line each; the edge
  table still lists each jump.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import graphviz

from ..labels import Labels
from ..model.spec import SPECIAL_TARGETS, Page
from ..sitemap import SiteMap
from . import Edge
from .dot import (FAINT, SMALL_FONT_SIZE, html_label, html_text, item_attributes,
                  link_attributes, new_graph, node_name, normalize, plain_lines,
                  title_and_note, tooltip, wrap)

TITLE_WIDTH = 16
EDGE_LABEL_WIDTH = 26
KIND_STYLES = {
    "page": {"shape": "box", "style": "filled"},
    "dialog": {"shape": "box", "style": "rounded,filled"},
    "sheet": {"shape": "box", "style": "rounded,filled,dashed"},
    "toast": {"shape": "note", "style": "filled"},
}


@dataclass(frozen=True)
class PageJump:
    """One jump: from a page, by an element's event, to a page (or `back` / `close`)."""

    source: str
    target: str
    trigger: str
    """The element's label (or id) and the event: `去结算 点击`."""
    condition: str = ""

    @property
    def label(self) -> str:
        """`去结算 点击 [未登录]`."""
        return f"{self.trigger} [{self.condition}]" if self.condition else self.trigger

    @property
    def special(self) -> bool:
        return self.target in SPECIAL_TARGETS


def page_jumps(project, labels: Labels) -> list[PageJump]:
    """The project's jumps (its index's) as a diagram words them, in declared order."""
    return [PageJump(jump.source, jump.target,
                     f"{normalize(jump.element.label) or jump.element.id} {labels['event_' + jump.event]}",
                     normalize(jump.jump.when))
            for jump in project.index.jumps]


def tab_pages(project) -> list[Page]:
    """The pages of the tab bar, in the order a `tabbar` element lists them (by title or
    menu), else in declared order."""
    pages = [page for page in project.index.listed["pages"] if "tab" in page.entry]
    order = next((element.items for page in project.pages for element in page.elements
                  if element.type == "tabbar" and element.items), [])

    def position(page: Page) -> int:
        for name in (page.title, page.menu):
            if name in order:
                return order.index(name)
        return len(order)
    return sorted(pages, key=position)


@dataclass(frozen=True)
class JumpView:
    """What one page-jump diagram shows."""

    title: str
    pages: tuple[str, ...]
    """The diagram's own pages (a module's, or the one page of a neighbourhood)."""
    jumps: tuple[PageJump, ...]
    faint_others: bool = True
    focus: str | None = None


def jump_graph(project, labels: Labels, view: JumpView) -> tuple[str, tuple[Edge, ...]]:
    """The DOT and edge table of a page-jump diagram."""
    graph = new_graph(view.title, "LR", nodesep="0.25", ranksep="0.6")
    index = project.index.items["pages"]
    ends = {jump.source for jump in view.jumps} | {jump.target for jump in view.jumps}
    others = [page_id for page_id in index if page_id in ends and page_id not in view.pages]
    for page_id in view.pages:
        _add_page(graph, index[page_id], labels, external=False, focus=page_id == view.focus)
    for page_id in others:
        _add_page(graph, index[page_id], labels, external=view.faint_others, focus=False)
    edges = _add_sources(graph, project, labels, [index[page_id] for page_id in view.pages])
    _add_markers(graph, labels, view.jumps)
    for (source, target), group in _grouped(view.jumps).items():
        _add_jump_edge(graph, source, target, group)
    edges += [_table_edge(project, labels, jump) for jump in view.jumps]
    return graph.source, tuple(edges)


def page_label(page: Page, labels: Labels) -> str:
    """The title, and for dialogs, sheets and toasts their kind in small type."""
    title = html_text(page.title or page.id, TITLE_WIDTH)
    if page.kind == "page":
        return html_label(title)
    return title_and_note(title, html_text(labels[page.kind]))


def page_style(page: Page, external: bool = False, focus: bool = False) -> dict[str, str]:
    """Shape and style of a page node, and its CSS classes (`entry page`, `external dialog`)."""
    style = dict(KIND_STYLES[page.kind])
    classes = [page.kind] + (["entry"] if page.entry else [])
    if page.entry:
        style["penwidth"] = "2"
    if external:
        classes.append("external")
        style.update(color=FAINT, fontcolor=FAINT)
    if focus:
        classes.append("focus")
        style.update(fillcolor="gray92", penwidth="2.5")
    return {**style, "class": " ".join(classes)}


def _add_page(graph: graphviz.Digraph, page: Page, labels: Labels, external: bool,
              focus: bool) -> None:
    style = page_style(page, external, focus)
    attributes = item_attributes("pages", page.id, page.title, style.pop("class"))
    graph.node(node_name("pages", page.id), page_label(page, labels), **style, **attributes)


def _add_sources(graph: graphviz.Digraph, project, labels: Labels,
                 pages: Sequence[Page]) -> list[Edge]:
    """One node per entry source of the diagram's pages, with an arrow into each page."""
    edges = []
    sources = sorted({source for page in pages for source in page.entry}, key=_source_order)
    for source in sources:
        text = labels["source_" + source]
        if source == "tab":
            titles = [normalize(page.title) for page in tab_pages(project)]
            text += labels["colon"] + labels["list_separator"].join(titles)
        name = node_name("sources", source)
        graph.node(name, plain_lines(wrap(text, 30)), shape="plaintext", style="",
                   fontsize=SMALL_FONT_SIZE, **link_attributes(f"source {source}", text,
                                                                element_id=name))
        for page in pages:
            if source in page.entry:
                graph.edge(name, node_name("pages", page.id), style="bold",
                           **{"class": "entry", "tooltip": tooltip(labels["source_" + source])})
                edges.append(Edge(labels["source_" + source], normalize(page.title),
                                  target_path=SiteMap.item("pages", page.id)))
    return edges


def _source_order(source: str) -> int:
    order = ("tab", "launch", "direct", "push", "link", "share", "search", "qr", "ad")
    return order.index(source) if source in order else len(order)


def _add_markers(graph: graphviz.Digraph, labels: Labels, jumps: Sequence[PageJump]) -> None:
    targets = [target for target in SPECIAL_TARGETS if any(jump.target == target for jump in jumps)]
    if not targets:
        return
    with graph.subgraph(name="markers") as markers:
        markers.attr(rank="max")
        for target in targets:
            name = node_name("markers", target)
            markers.node(name, plain_lines([labels[target]]), shape="box",
                         style="rounded,dashed,filled", color=FAINT, fontcolor=FAINT,
                         fontsize=SMALL_FONT_SIZE, height="0.3",
                         **link_attributes(f"marker {target}", labels[target], element_id=name))


def _grouped(jumps: Sequence[PageJump]) -> dict[tuple[str, str], list[PageJump]]:
    groups: dict[tuple[str, str], list[PageJump]] = {}
    for jump in jumps:
        groups.setdefault((jump.source, jump.target), []).append(jump)
    return groups


def _add_jump_edge(graph: graphviz.Digraph, source: str, target: str,
                   group: Sequence[PageJump]) -> None:
    attributes = {"tooltip": tooltip(jump.label for jump in group)}
    if group[0].special:   # faint, unlabelled (the tooltip and the table tell), no constraint
        head = node_name("markers", target)
        attributes.update(style="dashed", color=FAINT, constraint="false", arrowsize="0.5")
        attributes["class"] = target
    else:
        head = node_name("pages", target)
        lines = [line for jump in group for line in wrap(jump.label, EDGE_LABEL_WIDTH)]
        attributes.update(label=plain_lines(lines), **{"class": "jump"})
    graph.edge(node_name("pages", source), head, **attributes)


def _table_edge(project, labels: Labels, jump: PageJump) -> Edge:
    source = project.index.items["pages"][jump.source]
    if jump.special:
        return Edge(normalize(source.title), labels[jump.target], jump.label,
                    SiteMap.item("pages", jump.source))
    target = project.index.items["pages"][jump.target]
    return Edge(normalize(source.title), normalize(target.title), jump.label,
                SiteMap.item("pages", jump.source), SiteMap.item("pages", jump.target))
