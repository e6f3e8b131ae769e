"""The business flows: a list, and one page each with its swimlane diagram and step table."""

from __future__ import annotations

from typing import Iterator

from ...model.spec import Flow, Step
from ...sitemap import SiteMap
from ..context import Later, RenderContext
from ..cells import Html, escaped, formatted, joined, lines, local_link
from ..items import (anchored_link, diagram, item_link, item_links, markdown_item_links,
                     referenced_by, separator)
from ..tables import anchored, document, table
from ..templating import render_template

INDEX = SiteMap.section("flows")


def render(context: RenderContext) -> Iterator[tuple[str, "str | Later"]]:
    labels = context.labels
    rows = [(item_link(context, "flows", flow.id, INDEX),
         item_links(context, "roles", flow.lanes, INDEX), len(flow.steps))
            for flow in context.project.index.listed["flows"]]
    flows = table((labels["flow"], labels["lanes"], labels["step_count"]), rows)
    yield INDEX, document(render_template("flows_index.md.j2", labels=labels, flows=flows),
    labels["flows"])
    for flow in context.project.index.listed["flows"]:
        yield SiteMap.item("flows", flow.id), context.later(
            "flow", ("flows", flow.id), lambda flow=flow: flow_page(context, flow),
            diagram="flow-" + flow.id)


def flow_page(context: RenderContext, flow: Flow) -> str:
    labels = context.labels
    path = SiteMap.item("flows", flow.id)
    rows = [_step_row(context, flow, step, path) for step in flow.steps]
    headers = [labels["step"], labels["lane"], labels["stage"], labels["step_kind"], labels["label"],
               labels["inputs"], labels["outputs"], labels["next"]]
    if any(row[-1] for row in rows):
        headers.append(labels["step_in_product"])
    else:
        rows = [row[:-1] for row in rows]
    steps = table(headers, rows)
    return document(render_template(
        "flow.md.j2", labels=labels, flow=flow, steps=steps,
        lanes=markdown_item_links(context, "roles", flow.lanes, path),
        diagram=diagram(context, "flow-" + flow.id, path, edge_table=False),
        references=referenced_by(context, ("flows", flow.id), path)), flow.title,
        kind=labels["flow"])


def _step_row(context: RenderContext, flow: Flow, step: Step, path: str) -> tuple:
    labels = context.labels
    stage = next((item for item in flow.stages if item.id == step.stage), None)
    stage_title = (stage.title or stage.id) if stage else (step.stage or "")
    return (anchored("step", step.id, escaped(step.id)),
            item_link(context, "roles", step.lane, path), stage_title,
            labels["step_kind_" + step.kind], step.label,
            joined(step.inputs, separator(context)), joined(step.outputs, separator(context)),
            _next_steps(context, flow, step), _in_product(context, step, path))


def _in_product(context: RenderContext, step: Step, path: str) -> Html:
    """Where the step happens in the product: `页面：确认订单`, `需求：…`, `规则：…`,
    `触发状态变化：订单 › 支付成功`, one per line."""
    labels = context.labels
    parts = []
    if step.pages:
        parts.append((labels["step_pages"], item_links(context, "pages", step.pages, path)))
    if step.feature:
        parts.append((labels["step_feature"], item_link(context, "features", step.feature, path)))
    if step.rule:
        parts.append((labels["step_rule"], item_link(context, "rules", step.rule, path)))
    if step.fires:
        parts.append((labels["step_fires"], joined(
            [_event_link(context, fires.object_id, fires.on, path) for fires in step.fires],
            separator(context))))
    return lines([Html(f"{escaped(label + labels['colon'])}{value}") for label, value in parts])


def _event_link(context: RenderContext, object_id: str, event: str, path: str) -> Html:
    """`订单 › 支付成功`, linking to the object's first transition on that event."""
    business_object = context.project.index.items["objects"].get(object_id)
    transitions = business_object.lifecycle.transitions \
        if business_object is not None and business_object.lifecycle is not None else []
    number = next((number for number, transition in enumerate(transitions, start=1)
                   if transition.on == event), None)
    if number is None:
        return escaped(f"{object_id} › {event}")
    return anchored_link(f"{context.title_of('objects', object_id)} › {event}",
                         SiteMap.item("objects", object_id), f"transition-{number}", path)


def _next_steps(context: RenderContext, flow: Flow, step: Step) -> Html:
    """`→ 抽奖 (when …)`: the next step's label (its id when it has none), linking to its row."""
    step_labels: dict[str, str] = {}
    for item in flow.steps:
        step_labels.setdefault(item.id, item.label.strip() or item.id)
    parts = []
    for arrow in step.next:
        target = local_link(step_labels[arrow.to], "step-" + arrow.to) if arrow.to in step_labels \
            else escaped(arrow.to)
        if arrow.when:
            target = formatted(context.labels["with_condition"], item=target,
                               condition=arrow.when)
        parts.append(Html(f"→ {target}"))
    return lines(parts)
