"""The use-case diagram (`usecases`): the roles (actors) and the features they use, inside a
system boundary labelled with the product's name. Users stand on the left; staff, our own
systems and external systems on the right.

A product of more than MAX_USECASES features gets, instead, an overview (`usecases`: the
roles and the modules, an association labelled with how many of the module's features the
role uses, each module linking to its diagram) and a diagram per module
(`usecases.<module key>`), see `usecase_modules`. `dot` lays out even 1,000 use cases in a
quarter of a second; the split is for the reader."""

from __future__ import annotations

from typing import Sequence

import graphviz

from ..labels import Labels
from ..model.spec import Feature, Role
from ..sitemap import SiteMap
from . import Diagram, Edge
from .dot import (SMALL_FONT_SIZE, html_text, item_attributes, new_graph, node_name, normalize,
                  plain, subgraph, title_and_note, tooltip)

LEFT_KINDS = ("user",)


MAX_USECASES = 150
"""More features than this and the use cases are drawn per module: a wall of 150 ellipses
is as much as a reader can scan."""


def diagrams(project, labels: Labels, max_usecases: int | None = None) -> list[Diagram]:
    if not project.features and not project.roles:
        return []
    features = project.index.listed["features"]
    if len(features) <= (max_usecases or MAX_USECASES):
        return [usecase_diagram(project, labels, "usecases", labels["usecases"], features,
                                project.index.listed["roles"])]
    from .usecase_modules import split_diagrams
    return split_diagrams(project, labels)


def usecase_diagram(project, labels: Labels, diagram_id: str, title: str,
                    features: Sequence[Feature], roles: Sequence[Role]) -> Diagram:
    """`features` as use cases inside the system boundary, `roles` as actors around it."""
    graph = new_graph(title, "LR", nodesep="0.25", ranksep="1.2")
    add_actors(graph, roles)
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
    return Diagram(diagram_id, "usecases", title, graph.source, tuple(edges))


def add_actors(graph: graphviz.Digraph, roles: Sequence[Role]) -> None:
    """Users on the left, the other roles on the right."""
    left = [role for role in roles if role.kind in LEFT_KINDS]
    right = [role for role in roles if role.kind not in LEFT_KINDS]
    for rank, group in (("min", left), ("max", right)):
        with graph.subgraph(name=f"actors_{rank}") as side:
            side.attr(rank=rank)
            for role in group:
                _add_actor(side, role)


def _add_actor(graph: graphviz.Digraph, role: Role) -> None:
    graph.node(node_name("roles", role.id), plain(role.name, 12), shape="box",
               style="rounded,filled,bold",
               **item_attributes("roles", role.id, role.name, f"actor {role.kind}"))


def boundary(project, labels: Labels) -> graphviz.Digraph:
    """The system boundary: a cluster labelled with the product's name."""
    name = project.settings.name or labels["system_boundary"]
    return subgraph("cluster_system", label=plain(name), style="rounded", color="black",
                    penwidth="1.5", margin="16", id="system-boundary",
                    tooltip=tooltip(f"{labels['system_boundary']}{labels['colon']}{name}"),
                    **{"class": "boundary"})


def _boundary(project, labels: Labels, features: Sequence[Feature]) -> graphviz.Digraph:
    cluster = boundary(project, labels)
    for feature in features:
        classes = f"usecase {feature.priority.lower()} {feature.status}"
        label = title_and_note(html_text(feature.title, 16), feature.priority)
        style = "filled,dashed" if feature.status == "dropped" else "filled"
        cluster.node(node_name("features", feature.id), label, shape="ellipse", style=style,
                     margin="0.05,0.03", **item_attributes("features", feature.id, feature.title,
                                                           classes))
    return cluster


def _add_association(graph: graphviz.Digraph, role: Role, feature: Feature) -> None:
    associate(graph, role, node_name("features", feature.id), f"{role.name} — {feature.title}")


def associate(graph: graphviz.Digraph, role: Role, node: str, text: str, label: str = "") -> None:
    """A line between an actor and a use case (or a module of them), `text` its tooltip;
    drawn from the use case towards actors on the right, so that they stay on the right."""
    actor = node_name("roles", role.id)
    attributes = {"arrowhead": "none", "class": "association", "tooltip": tooltip(text),
                  "fontsize": SMALL_FONT_SIZE, **({"label": label} if label else {})}
    if role.kind in LEFT_KINDS:
        graph.edge(actor, node, **attributes)
    else:
        graph.edge(node, actor, **attributes)
