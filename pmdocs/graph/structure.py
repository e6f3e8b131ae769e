"""The function structure (`structure`): the product as a tree, product → module → menu →
page, each page node listing its elements. A product with more than `SPLIT_ABOVE` pages gets
one tree per module (`structure-<module id>`) and `structure` stops at the modules, each
module node linking to its own tree further down the same page (`structure.md#structure-…`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphviz

from ..labels import Labels
from ..model.spec import Page
from ..sitemap import SiteMap
from . import Diagram, Edge
from ..model.index import Module
from .dot import (bold, html_label, html_text, item_attributes, link_attributes, new_graph,
                  node_name, normalize, plain)
from .escape import doc_link
from .jumps import page_style
from .pagemap import module_tooltip

if TYPE_CHECKING:
    from ..memo import Reuse

SPLIT_ABOVE = 60
MAX_ELEMENTS = 14
STRUCTURE_PATH = SiteMap.section("structure")


def diagrams(project, labels: Labels, split_above: int | None = None,
             reuse: "Reuse | None" = None) -> list[Diagram]:
    """The product's structure; split by module when it has more than `split_above` pages
    (`SPLIT_ABOVE` unless given; with `reuse`, a module's tree is the last run's when its
    pages' inputs did not change)."""
    module_list = list(project.index.modules)
    if not module_list:
        return []
    split_above = SPLIT_ABOVE if split_above is None else split_above
    if sum(len(module.pages) for module in module_list) <= split_above:
        return [_tree(project, labels, "structure", labels["structure"], module_list, True)]
    result = [_tree(project, labels, "structure", labels["structure"], module_list, False)]
    for module in module_list:
        title = f"{labels['structure']}{labels['colon']}{module.title}"

        def tree(module: Module = module, title: str = title) -> Diagram:
            return _tree(project, labels, f"structure-{module.key}", title, [module], True)
        result.append(tree() if reuse is None else reuse.get_from(
            "structure", [("pages", page_id) for page_id in module.pages], tree))
    return result


def _tree(project, labels: Labels, diagram_id: str, title: str, module_list: list[Module],
          with_pages: bool) -> Diagram:
    graph = new_graph(title, "LR", nodesep="0.15", ranksep="0.5")
    root = node_name("product", "root")
    if len(module_list) > 1 or not with_pages:
        name = project.settings.name
        graph.node(root, plain(name, 16), style="filled,bold", **link_attributes(
            "product", name, doc_link(SiteMap.section("home")), root))
    else:
        root = ""
    edges: list[Edge] = []
    for module in module_list:
        module_node = node_name("modules", module.key)
        path, fragment = ((SiteMap.module_map(module.key), "") if with_pages
                          else (STRUCTURE_PATH, f"structure-{module.key}"))
        graph.node(module_node, plain(module.title, 16), style="rounded,filled", **link_attributes(
            "module", module_tooltip(module), doc_link(path, fragment), module_node))
        if root:
            graph.edge(root, module_node, **{"class": "tree"})
            target = f"{path}#{fragment}" if fragment else path
            edges.append(Edge(normalize(project.settings.name), module.title, target_path=target))
        if with_pages:
            edges += _module_branch(graph, project, module, labels)
    return Diagram(diagram_id, "structure", title, graph.source, tuple(edges))


def _module_branch(graph: graphviz.Digraph, project, module: Module,
                   labels: Labels) -> list[Edge]:
    """Menus (one node per level of `menu: 我的 / 我的订单`) and pages under a module."""
    module_node = node_name("modules", module.key)
    menus: dict[tuple[str, ...], str] = {}
    titles = {module_node: module.title}
    edges = []
    for page in project.index.pages_of(module):
        parent = module_node
        parts = project.index.menu_of(page)
        for depth in range(1, len(parts) + 1):
            path = parts[:depth]
            if path not in menus:
                menus[path] = node_name("menus", f"{module.key}.{len(menus) + 1}")
                titles[menus[path]] = path[-1]
                graph.node(menus[path], plain(path[-1], 16), shape="box", style="filled",
                           fontsize="11", **link_attributes("menu", " / ".join(path),
                                                            element_id=menus[path]))
                graph.edge(parent, menus[path], **{"class": "tree"})
                edges.append(Edge(titles[parent], path[-1]))
            parent = menus[path]
        _add_page(graph, project, page, labels)
        graph.edge(parent, node_name("pages", page.id), **{"class": "tree"})
        edges.append(Edge(titles[parent], normalize(page.title),
                          target_path=SiteMap.item("pages", page.id)))
    return edges


def _add_page(graph: graphviz.Digraph, project, page: Page, labels: Labels) -> None:
    """A page node: its title in bold, then its elements in small type."""
    style = page_style(page)
    title = bold(html_text(page.title or page.id, 18))
    if page.kind != "page":
        title += f'{" " if title else ""}<FONT POINT-SIZE="9">{html_text(labels[page.kind])}</FONT>'
    names = [normalize(project.index.element_title(element)) or element.id
             for element in page.elements[:MAX_ELEMENTS]]
    if len(page.elements) > MAX_ELEMENTS:
        names.append("…")
    rows = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="9">'
                   f'{html_text(name, 24)}</FONT></TD></TR>' for name in names)
    label = html_label(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
                       f'<TR><TD>{title}</TD></TR>{rows}</TABLE>') if names else html_label(title)
    attributes = item_attributes("pages", page.id, page.title, style.pop("class"))
    graph.node(node_name("pages", page.id), label, **style, **attributes)
