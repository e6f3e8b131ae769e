"""The business flows: a list, and one page each with its swimlane diagram and step table."""

from __future__ import annotations

from typing import Iterator

from ...model.spec import Flow, Step
from ...sitemap import SiteMap
from ..context import RenderContext
from ..cells import Html, escaped, formatted, joined, lines, local_link
from ..items import diagram, item_link, item_links, markdown_item_links, referenced_by, separator
from ..tables import anchored, document, table
from ..templating import render_template

INDEX = SiteMap.section("flows")


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    labels = context.labels
    rows = [(item_link(context, "flows", flow.id, INDEX),
         item_links(context, "roles", flow.lanes, INDEX), len(flow.steps))
            for flow in context.project.index.listed["flows"]]
    flows = table((labels["flow"], labels["lanes"], labels["step_count"]), rows)
    yield INDEX, document(render_template("flows_index.md.j2", labels=labels, flows=flows),
    labels["flows"])
    for flow in context.project.index.listed["flows"]:
        yield SiteMap.item("flows", flow.id), flow_page(context, flow)


def flow_page(context: RenderContext, flow: Flow) -> str:
    labels = context.labels
    path = SiteMap.item("flows", flow.id)
    steps = table((labels["step"], labels["lane"], labels["stage"], labels["step_kind"],
                   labels["label"], labels["inputs"], labels["outputs"], labels["next"]),
                  [_step_row(context, flow, step, path) for step in flow.steps])
    return document(render_template(
        "flow.md.j2", labels=labels, flow=flow, steps=steps,
        lanes=markdown_item_links(context, "roles", flow.lanes, path),
        diagram=diagram(context, "flow-" + flow.id, path),
        references=referenced_by(context, ("flows", flow.id), path)), flow.title)


def _step_row(context: RenderContext, flow: Flow, step: Step, path: str) -> tuple:
    labels = context.labels
    stage = next((item for item in flow.stages if item.id == step.stage), None)
    stage_title = (stage.title or stage.id) if stage else (step.stage or "")
    return (anchored("step", step.id, escaped(step.id)),
            item_link(context, "roles", step.lane, path), stage_title,
            labels["step_kind_" + step.kind], step.label,
            joined(step.inputs, separator(context)), joined(step.outputs, separator(context)),
            _next_steps(context, flow, step))


def _next_steps(context: RenderContext, flow: Flow, step: Step) -> Html:
    """`→ draw (when …)`, linking to the next step's row."""
    known = {item.id for item in flow.steps}
    parts = []
    for arrow in step.next:
        target = local_link(arrow.to, "step-" + arrow.to) if arrow.to in known \
            else escaped(arrow.to)
        if arrow.when:
            target = formatted(context.labels["with_condition"], item=target,
                               condition=arrow.when)
        parts.append(Html(f"→ {target}"))
    return lines(parts)
