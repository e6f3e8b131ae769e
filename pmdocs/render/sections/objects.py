"""The business objects: the overview diagram and list, and one page each (attributes,
relations, lifecycle, and the pages that show its attributes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ...model.spec import Attribute, BusinessObject, Lifecycle
from ...sitemap import SiteMap
from ..context import Later, RenderContext
from ..items import (attribute_link, diagram, element_link, item_link, referenced_by,
                     separator, steps_naming)
from ..cells import Html, escaped, joined, lines, local_link
from ..tables import CHECK_MARK, anchored, cell_block, document, table
from ..templating import render_template
from ..text import Safe

INDEX = SiteMap.section("objects")


def render(context: RenderContext) -> Iterator[tuple[str, "str | Later"]]:
    labels = context.labels
    rows = [(item_link(context, "objects", item.id, INDEX), item.id, len(item.attributes),
             len(item.lifecycle.states) if item.lifecycle else "", cell_block(item.description))
            for item in context.project.index.listed["objects"]]
    objects = table((labels["object"], labels["id"], labels["attribute_count"],
                     labels["state_count"], labels["description"]), rows)
    yield INDEX, document(render_template(
        "objects_index.md.j2", labels=labels, objects=objects,
        diagram=diagram(context, "objects", INDEX)), labels["objects"])
    shown = shown_on(context)
    for item in context.project.index.listed["objects"]:
        yield SiteMap.item("objects", item.id), context.later(
            "object", ("objects", item.id),
            lambda item=item: object_page(context, item, shown.get(item.id, [])),
            diagram="lifecycle-" + item.id)


def object_page(context: RenderContext, item: BusinessObject,
                shown: list[tuple[str, str, str]]) -> str:
    labels = context.labels
    path = SiteMap.item("objects", item.id)
    attributes = table(
        (labels["id"], labels["name"], labels["type"], labels["required"], labels["values"],
         labels["note"]),
        [(anchored("attribute", attribute.id, escaped(attribute.id)), attribute.name,
          attribute.type, CHECK_MARK if attribute.required else "",
          _values(context, item, attribute), _note(context, attribute))
         for attribute in item.attributes])
    relations = table((labels["related_object"], labels["cardinality"], labels["label"]),
                      [(item_link(context, "objects", relation.to, path), relation.cardinality,
                        relation.label) for relation in item.relations])
    return document(render_template(
        "object.md.j2", labels=labels, item=item, attributes=attributes, relations=relations,
        lifecycle=_lifecycle(context, item, path), shown_on=_shown_on(context, item, shown, path),
        references=referenced_by(context, ("objects", item.id), path)), item.name,
        kind=labels["object"])


def _note(context: RenderContext, attribute: Attribute) -> Html:
    """An attribute's note, and the example value the prototype shows for it."""
    example = context.labels["example"] + context.labels["colon"] + attribute.example
    return lines([text for text in (attribute.note, example if attribute.example else "") if text])


def _values(context: RenderContext, item: BusinessObject, attribute: Attribute) -> Html:
    """An attribute's values; for the one that holds the state, a note that they are the
    lifecycle's states (linked to them)."""
    values = joined(attribute.values, separator(context))
    lifecycle = item.lifecycle
    if lifecycle is None or lifecycle.attribute != attribute.id or not lifecycle.states:
        return values
    note = local_link(context.labels["holds_state"], "state-" + lifecycle.states[0].id)
    return Html(f"{values}<br>{note}" if values else note)


@dataclass(frozen=True)
class LifecycleView:
    diagram: Safe
    states: Safe
    transitions: Safe


def _lifecycle(context: RenderContext, item: BusinessObject, path: str) -> LifecycleView | None:
    lifecycle = item.lifecycle
    if lifecycle is None:
        return None
    labels = context.labels
    states = table((labels["state"], labels["name"], labels["description"], labels["state_role"]),
                   [(anchored("state", state.id, escaped(state.id)), state.name,
                     state.description, _state_role(context, lifecycle, state.id))
                    for state in lifecycle.states])
    rows = [[anchored("transition", str(number), _state_link(lifecycle, transition.source)),
             _state_link(lifecycle, transition.to), transition.on, transition.when,
             item_link(context, "roles", transition.by, path) if transition.by else "",
             steps_naming(context, ("objects", f"{item.id}.{transition.on}"), path)
             if transition.on else ""]
            for number, transition in enumerate(lifecycle.transitions, start=1)]
    headers = [labels["from"], labels["to"], labels["event"], labels["condition"], labels["by"],
               labels["fired_by_steps"]]
    if not any(row[-1] for row in rows):
        headers, rows = headers[:-1], [row[:-1] for row in rows]
    transitions = table(headers, rows)
    return LifecycleView(diagram(context, "lifecycle-" + item.id, path, edge_table=False), states,
                         transitions)


def _state_role(context: RenderContext, lifecycle: Lifecycle, state_id: str) -> str:
    roles = []
    if state_id == lifecycle.initial:
        roles.append(context.labels["initial_state"])
    if state_id in lifecycle.final:
        roles.append(context.labels["final_state"])
    return context.labels["list_separator"].join(roles)


def _state_link(lifecycle: Lifecycle, state_id: str) -> Html:
    state = next((state for state in lifecycle.states if state.id == state_id), None)
    if state is None:
        return escaped(state_id)
    return local_link(state.name or state.id, "state-" + state.id)


def shown_on(context: RenderContext) -> dict[str, list[tuple[str, str, str]]]:
    """Per object, the elements with `shows: <object>.<attribute>` as (attribute, page,
    element) ids, in page order."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for page in context.project.index.listed["pages"]:
        for element in page.elements:
            if element.shows:
                object_id, _, attribute_id = element.shows.partition(".")
                found.setdefault(object_id, []).append((attribute_id, page.id, element.id))
    return found


def _shown_on(context: RenderContext, item: BusinessObject, shown: list[tuple[str, str, str]],
              path: str) -> Safe:
    """The elements showing the object's attributes, in the order of its attributes."""
    order = {attribute.id: number for number, attribute in enumerate(item.attributes)}
    shown = sorted(shown, key=lambda entry: order.get(entry[0], len(order)))
    labels = context.labels
    return table((labels["attribute"], labels["element"]),
                 [(attribute_link(context, f"{item.id}.{attribute_id}", path),
                   element_link(context, page_id, element_id, path))
                  for attribute_id, page_id, element_id in shown])
