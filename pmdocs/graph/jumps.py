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
- several jumps between the same two pages share one arrow, one label line each (more than
  `MAX_LABELLED_JUMPS`: one line "5 个跳转", the tooltip listing them); the edge table still
  lists each jump;
- in the map of one group of a large module's pages, the pages of another group are drawn
  as one faint node for that group (`Collapsed`), linked to that group's map;
- with marks (`diff.Marks`), new and changed pages and new jumps are coloured, and pages and
  jumps removed since are drawn too, dashed (a removed jump on an arrow of its own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Mapping, Sequence

import graphviz

from ..diff.marks import ADDED, CHANGED, REMOVED
from ..labels import Labels
from ..model.index import PageJump as IndexJump
from ..model.spec import SPECIAL_TARGETS, Page
from ..sitemap import SiteMap
from . import Edge
from .collapsed import Collapsed, add_collapsed
from .dot import (FAINT, SMALL_FONT_SIZE, html_label, html_text, item_attributes,
                  link_attributes, new_graph, node_name, normalize, plain_lines,
                  title_and_note, tooltip, wrap)
from .marking import Legend, with_class

if TYPE_CHECKING:
    from ..diff.marks import Marks

TITLE_WIDTH = 16
EDGE_LABEL_WIDTH = 26
MAX_LABELLED_JUMPS = 3
"""An arrow standing for more jumps than this is labelled with their number alone: a label
of many lines is unreadable, and each line costs `dot` as much as a node."""
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
    mark: str = ""
    """`added` since the revision marked against, `removed` (drawn from that revision), or
    `""`."""

    @property
    def label(self) -> str:
        """`去结算 点击 [未登录]`."""
        return f"{self.trigger} [{self.condition}]" if self.condition else self.trigger

    @property
    def special(self) -> bool:
        return self.target in SPECIAL_TARGETS


def page_jumps(project, labels: Labels, marks: "Marks | None" = None) -> list[PageJump]:
    """The project's jumps (its index's) as a diagram words them, in declared order; with
    `marks`, the new ones marked, then the removed ones."""
    jumps = [_page_jump(project, jump, labels, marks.jump(jump) if marks else "")
             for jump in project.index.jumps]
    if marks is not None:
        jumps += [_page_jump(project, jump, labels, REMOVED) for jump in marks.removed_jumps]
    return jumps


def _page_jump(project, jump: IndexJump, labels: Labels, mark: str) -> PageJump:
    element = normalize(project.index.element_title(jump.element)) or jump.element.id
    trigger = f"{element} {labels['event_' + jump.event]}"
    return PageJump(jump.source, jump.target, trigger, normalize(jump.jump.when), mark)


def drawn_pages(project, marks: "Marks | None") -> Mapping[str, Page]:
    """The pages a page-jump diagram can draw: the project's, and the removed ones."""
    removed = {page.id: page for page in (marks.removed("pages") if marks else ())}
    return {**removed, **project.index.items["pages"]}


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
    marks: "Marks | None" = None
    collapsed: Mapping[str, Collapsed] = field(default_factory=dict)
    """Pages outside `pages` drawn as their group's node, by page id."""

    @cached_property
    def own(self) -> frozenset[str]:
        return frozenset(self.pages)

    def end(self, page_id: str) -> tuple[str, str]:
        """The node a jump from or to `page_id` is drawn at, as `node_name`'s arguments."""
        if page_id in self.collapsed and page_id not in self.own:
            return ("groups", self.collapsed[page_id].key)
        return ("pages", page_id)


def jump_graph(project, labels: Labels, view: JumpView
               ) -> tuple[str, tuple[Edge, ...], tuple[str, ...]]:
    """The DOT, edge table and marks of a page-jump diagram."""
    graph = new_graph(view.title, "LR", nodesep="0.25", ranksep="0.6")
    legend = Legend()
    index = drawn_pages(project, view.marks)
    jumps = [jump for jump in view.jumps
             if jump.source in index and (jump.special or jump.target in index)]
    ends = {jump.source for jump in jumps} | {jump.target for jump in jumps}
    others = [page_id for page_id in index if page_id in ends and page_id not in view.own
              and page_id not in view.collapsed]
    for page_id in view.pages:
        _add_page(graph, index[page_id], labels, legend, external=False,
                  focus=page_id == view.focus, mark=_page_mark(project, view.marks, page_id))
    for page_id in others:
        _add_page(graph, index[page_id], labels, legend, external=view.faint_others, focus=False,
                  mark=_page_mark(project, view.marks, page_id))
    add_collapsed(graph, view.collapsed, view.own, ends)
    kept = [index[page_id] for page_id in view.pages if page_id in project.index.items["pages"]]
    edges = _add_sources(graph, project, labels, kept)
    _add_markers(graph, labels, jumps)
    for (source, target, _), group in _grouped(jumps, view).items():
        _add_jump_edge(graph, labels, node_name(*source), node_name(*target), group, legend)
    edges += [_table_edge(project, index, labels, jump) for jump in jumps]
    return graph.source, tuple(edges), legend.marks


def _page_mark(project, marks: "Marks | None", page_id: str) -> str:
    if marks is None:
        return ""
    if page_id not in project.index.items["pages"]:
        return REMOVED
    return marks.item("pages", page_id)


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


def _add_page(graph: graphviz.Digraph, page: Page, labels: Labels, legend: Legend,
              external: bool, focus: bool, mark: str = "") -> None:
    style = page_style(page, external, focus)
    css_class = with_class(style.pop("class"), mark)
    if mark == REMOVED:    # no page of its own to link to
        attributes = link_attributes(css_class, f"{normalize(page.title)} ({page.id})",
                                     element_id=node_name("pages", page.id))
    else:
        attributes = item_attributes("pages", page.id, page.title, css_class)
    graph.node(node_name("pages", page.id), page_label(page, labels), **legend.node(style, mark),
               **attributes)


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


def _grouped(jumps: Sequence[PageJump], view: JumpView
             ) -> dict[tuple[tuple[str, str], tuple[str, str], bool], list[PageJump]]:
    """Jumps by the two nodes they join (removed ones apart: they are drawn dashed)."""
    groups: dict[tuple[tuple[str, str], tuple[str, str], bool], list[PageJump]] = {}
    for jump in jumps:
        target = ("markers", jump.target) if jump.special else view.end(jump.target)
        groups.setdefault((view.end(jump.source), target, jump.mark == REMOVED), []).append(jump)
    return groups


def _group_mark(group: Sequence[PageJump]) -> str:
    """Removed, added (every jump of the arrow new), changed (some), or nothing."""
    new = sum(jump.mark == ADDED for jump in group)
    if group[0].mark == REMOVED:
        return REMOVED
    return ADDED if new == len(group) else CHANGED if new else ""


def _add_jump_edge(graph: graphviz.Digraph, labels: Labels, source: str, head: str,
                   group: Sequence[PageJump], legend: Legend) -> None:
    """One arrow from node `source` to node `head` for the jumps of `group`."""
    attributes = {"tooltip": tooltip(jump.label for jump in group)}
    if group[0].special:   # faint, unlabelled (the tooltip and the table tell), no constraint
        attributes.update(style="dashed", color=FAINT, constraint="false", arrowsize="0.5")
        attributes["class"] = group[0].target
    else:
        attributes.update(label=plain_lines(jump_label_lines(labels, group)),
                          **{"class": "jump"})
    graph.edge(source, head, **legend.edge(attributes, _group_mark(group)))


def jump_label_lines(labels: Labels, group: Sequence[PageJump]) -> list[str]:
    """The label of an arrow: a line per jump (wrapped), or their number when there are more
    than MAX_LABELLED_JUMPS."""
    if len(group) > MAX_LABELLED_JUMPS:
        return [labels["jump_count"].format(count=len(group))]
    return [line for jump in group for line in wrap(jump.label, EDGE_LABEL_WIDTH)]


def _table_edge(project, pages: Mapping[str, Page], labels: Labels, jump: PageJump) -> Edge:
    """A row of the edge table; a removed page named without a link (it has no page)."""
    def path(page_id: str) -> str | None:
        return SiteMap.item("pages", page_id) if page_id in project.index.items["pages"] else None
    label = jump.label + (f" ({labels['mark_' + jump.mark]})" if jump.mark else "")
    source = pages[jump.source]
    if jump.special:
        return Edge(normalize(source.title), labels[jump.target], label, path(jump.source))
    target = pages[jump.target]
    return Edge(normalize(source.title), normalize(target.title), label, path(jump.source),
                path(jump.target))
