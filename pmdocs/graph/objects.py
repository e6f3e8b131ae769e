"""Business objects: the object diagram (`objects`: objects with their key attributes, and
their relations with cardinality) and each object's lifecycle (`lifecycle-<object id>`:
initial marker → initial state, transitions `on [when] (by role)`, final states
double-bordered; with marks, new and changed states and new transitions coloured, and the
states and transitions removed since drawn too, dashed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diff.marks import REMOVED
from ..labels import Labels
from ..model.spec import BusinessObject, LifecycleState, Transition
from ..sitemap import SiteMap
from . import Diagram, Edge
from .common import first_of_each
from .dot import (SMALL_FONT_SIZE, bold, html_label, html_text, item_attributes,
                  link_attributes, new_graph, node_name, normalize, plain, plain_lines, tooltip,
                  wrap)
from .marking import Legend, with_class

if TYPE_CHECKING:
    from ..diff.marks import Marks
    from ..memo import Reuse

MAX_ATTRIBUTES = 12
STATE_WIDTH = 14
TRANSITION_WIDTH = 22


def diagrams(project, labels: Labels, marks: "Marks | None" = None,
             reuse: "Reuse | None" = None) -> list[Diagram]:
    """The objects' diagram, and each lifecycle (with `reuse`, the last run's when its
    inputs did not change)."""
    objects = project.index.listed["objects"]
    result = [object_diagram(objects, labels)] if objects else []

    def drawn(item: BusinessObject) -> Diagram:
        if reuse is None or marks is not None:
            return lifecycle_diagram(project, item, labels, marks)
        return reuse.get("lifecycle", ("objects", item.id),
                         lambda: lifecycle_diagram(project, item, labels, marks))
    return result + [drawn(item) for item in objects
                     if item.lifecycle is not None and item.lifecycle.states]


def object_diagram(objects: list[BusinessObject], labels: Labels) -> Diagram:
    graph = new_graph(labels["objects"], "LR", nodesep="0.4", ranksep="0.9")
    for item in objects:
        graph.node(node_name("objects", item.id), _object_label(item), shape="plain",
                   **item_attributes("objects", item.id, item.name, "object"))
    known = {item.id: item for item in objects}
    edges = []
    for item in objects:
        for relation in item.relations:
            target = known.get(relation.to)
            if target is None:
                continue
            text = normalize(f"{relation.cardinality} {relation.label}")
            graph.edge(node_name("objects", item.id), node_name("objects", target.id),
                       label=plain(text, 16), **{"class": "relation", "tooltip": tooltip(
                           f"{item.name} → {target.name}{labels['colon']}{text}")})
            edges.append(Edge(normalize(item.name), normalize(target.name), text,
                              SiteMap.item("objects", item.id), SiteMap.item("objects", target.id)))
    return Diagram("objects", "objects", labels["objects"], graph.source, tuple(edges))


def _object_label(item: BusinessObject) -> str:
    """An HTML table: the object's name, then its key attributes (required ones marked *)."""
    names = [normalize(attribute.name or attribute.id) + (" *" if attribute.required else "")
             for attribute in item.attributes[:MAX_ATTRIBUTES]]
    if len(item.attributes) > MAX_ATTRIBUTES:
        names.append("…")
    rows = f'<TR><TD BGCOLOR="gray92">{bold(html_text(item.name, 18))}</TD></TR>'
    if names:
        left = '<BR ALIGN="LEFT"/>'
        body = "".join(html_text(name, 24, left) + left for name in names)
        rows += f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10">{body}</FONT></TD></TR>'
    return html_label('<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5" '
                      f'BGCOLOR="white" COLOR="black">{rows}</TABLE>')


def lifecycle_diagram(project, item: BusinessObject, labels: Labels,
                      marks: "Marks | None" = None) -> Diagram:
    lifecycle = item.lifecycle
    title = f"{labels['lifecycle']}{labels['colon']}{item.name}"
    graph = new_graph(title, "LR", nodesep="0.35", ranksep="0.6")
    legend = Legend()
    states, state_marks = _drawn_states(item, marks)
    names = {state.id: normalize(state.name or state.id) for state in states}
    finals = set(lifecycle.final)
    for state in states:
        final = state.id in finals
        name = node_name("states", state.id)
        mark = state_marks.get(state.id, "")
        style = {"style": "rounded,filled", **({"peripheries": "2", "penwidth": "1.5"} if final else {})}
        graph.node(name, plain(names[state.id], STATE_WIDTH), **legend.node(style, mark),
                   **link_attributes(with_class("state final" if final else "state", mark),
                                     [f"{names[state.id]} ({state.id})", state.description],
                                     element_id=name))
    edges = []
    if lifecycle.initial in names:
        initial = node_name("markers", "initial")
        graph.node(initial, "", shape="point", width="0.16", style="filled", fillcolor="black",
                   **link_attributes("initial", labels["start"], element_id=initial))
        graph.edge(initial, node_name("states", lifecycle.initial), **{"class": "initial"})
        edges.append(Edge(labels["start"], names[lifecycle.initial]))
    for transition, mark in _drawn_transitions(item, marks):
        if transition.source in names and transition.to in names:
            text = transition_label(project, transition)
            graph.edge(node_name("states", transition.source), node_name("states", transition.to),
                       **legend.edge({"label": plain_lines(wrap(text, TRANSITION_WIDTH)),
                                      "fontsize": SMALL_FONT_SIZE, "class": "transition",
                                      "tooltip": tooltip(text)}, mark))
            note = f" ({labels['mark_' + mark]})" if mark else ""
            edges.append(Edge(names[transition.source], names[transition.to], text + note))
    return Diagram(f"lifecycle-{item.id}", "lifecycle", title, graph.source, tuple(edges),
                   legend.marks)


def _drawn_states(item: BusinessObject, marks: "Marks | None"
                  ) -> tuple[list[LifecycleState], dict[str, str]]:
    """The lifecycle's states and, with marks, the ones removed since; each one's mark."""
    states = first_of_each(item.lifecycle.states)
    if marks is None:
        return states, {}
    removed = [state for state in marks.removed_states.get(item.id, ())
               if state.id not in {kept.id for kept in states}]
    state_marks = {state.id: marks.states.get((item.id, state.id), "") for state in states}
    state_marks.update({state.id: REMOVED for state in removed})
    return states + removed, state_marks


def _drawn_transitions(item: BusinessObject, marks: "Marks | None"
                       ) -> list[tuple[Transition, str]]:
    """The transitions with their marks, then (with marks) the ones removed since."""
    drawn = [(transition, marks.transition(item.id, transition) if marks else "")
             for transition in item.lifecycle.transitions]
    if marks is not None:
        drawn += [(transition, REMOVED) for transition in marks.removed_transitions.get(item.id, ())]
    return drawn


def transition_label(project, transition: Transition) -> str:
    """`on [when] (by role name)`, leaving out the parts not given."""
    parts = [normalize(transition.on)]
    if transition.when:
        parts.append(f"[{normalize(transition.when)}]")
    if transition.by:
        role = project.index.items["roles"].get(transition.by)
        parts.append(f"({normalize(role.name) if role is not None else transition.by})")
    return " ".join(part for part in parts if part)
