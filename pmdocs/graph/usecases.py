"""The use-case diagram (`usecases`): the roles (actors) and the features they use, inside a
system boundary labelled with the product's name. Users stand on the left; staff, our own
systems and external systems on the right."""

from __future__ import annotations

import graphviz

from ..labels import Labels
from ..model.spec import Feature, Role
from ..sitemap import SiteMap
from . import Diagram, Edge
from .dot import (SMALL_FONT_SIZE, html_text, item_attributes, new_graph, node_name, normalize,
                  plain, subgraph, title_and_note, tooltip)

LEFT_KINDS = ("user",)


def diagrams(project, labels: Labels) -> list[Diagram]:
    if not project.features and not project.roles:
        return []
    return [usecase_diagram(project, labels)]


def usecase_diagram(project, labels: Labels) -> Diagram:
    roles = project.index.listed["roles"]
    features = project.index.listed["features"]
    graph = new_graph(labels["usecases"], "LR", nodesep="0.25", ranksep="1.2")
    left = [role for role in roles if role.kind in LEFT_KINDS]
    right = [role for role in roles if role.kind not in LEFT_KINDS]
    for rank, group in (("min", left), ("max", right)):
        with graph.subgraph(name=f"actors_{rank}") as side:
            side.attr(rank=rank)
            for role in group:
                _add_actor(side, role)
    graph.subgraph(_boundary(project, labels, features))
    known = {role.id: role for role in roles}
    edges = []
    for feature in features:
        for role_id in dict.fromkeys(feature.roles):
            role = known.get(role_id)
            if role is None:
                continue
            _add_association(graph, role, feature)
            edges.append(Edge(normalize(role.name), normalize(feature.title), "",
                              SiteMap.item("roles", role.id), SiteMap.item("features", feature.id)))
    return Diagram("usecases", "usecases", labels["usecases"], graph.source, tuple(edges))


def _add_actor(graph: graphviz.Digraph, role: Role) -> None:
    graph.node(node_name("roles", role.id), plain(role.name, 12), shape="box",
               style="rounded,filled,bold",
               **item_attributes("roles", role.id, role.name, f"actor {role.kind}"))


def _boundary(project, labels: Labels, features: list[Feature]) -> graphviz.Digraph:
    name = project.settings.name or labels["system_boundary"]
    cluster = subgraph("cluster_system", label=plain(name), style="rounded", color="black",
                       penwidth="1.5", margin="16", id="system-boundary",
                       tooltip=tooltip(f"{labels['system_boundary']}{labels['colon']}{name}"),
                       **{"class": "boundary"})
    for feature in features:
        classes = f"usecase {feature.priority.lower()} {feature.status}"
        label = title_and_note(html_text(feature.title, 16), feature.priority)
        style = "filled,dashed" if feature.status == "dropped" else "filled"
        cluster.node(node_name("features", feature.id), label, shape="ellipse", style=style,
                     margin="0.05,0.03", **item_attributes("features", feature.id, feature.title,
                                                           classes))
    return cluster


def _add_association(graph: graphviz.Digraph, role: Role, feature: Feature) -> None:
    """A line between actor and use case; drawn from the use case towards actors on the
    right, so that they stay on the right."""
    actor, usecase = node_name("roles", role.id), node_name("features", feature.id)
    attributes = {"arrowhead": "none", "class": "association",
                  "tooltip": tooltip(f"{role.name} — {feature.title}"),
                  "fontsize": SMALL_FONT_SIZE}
    if role.kind in LEFT_KINDS:
        graph.edge(actor, usecase, **attributes)
    else:
        graph.edge(usecase, actor, **attributes)
