"""Checks: business flows — lanes that are not roles, steps outside their lanes or stages,
missing start or end, steps cut off from start or end, unlabelled decisions (PM370–PM375),
and steps that happen on a page their lane's role may not open (PM376). (What a step names —
pages, feature, rule, lifecycle events — is a reference: `references.py`, PM301.)"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from ..issues import Issue, about, did_you_mean, make_issue
from ..messages import Place, Text, noun, place
from ..model import Project
from ..model.spec import Flow
from .references import unknown_reference


def check(project: Project) -> Iterator[Issue]:
    roles = project.known_ids("roles")
    for flow in project.flows:
        yield from about(("flows", flow.id), _lanes(flow, roles))
        yield from about(("flows", flow.id), _steps(flow))
        yield from about(("flows", flow.id), _paths(flow))
        yield from about(("flows", flow.id), _pages_of_steps(project, flow))


def _lanes(flow: Flow, roles: set[str]) -> Iterator[Issue]:
    for index, lane in enumerate(flow.lanes):
        if lane not in roles:
            yield make_issue("PM370", Text("PM370.not_a_role", flow=flow.id, lane=lane),
                             flow.at("lanes", index),
                             did_you_mean(lane, roles) or Text("PM370.not_a_role.hint"))


def _steps(flow: Flow) -> Iterator[Issue]:
    lanes, stages = set(flow.lanes), {stage.id for stage in flow.stages}
    steps = {step.id for step in flow.steps}
    for step in flow.steps:
        context: Place = (("flow", flow.id), ("step", step.id))     # worded for a problem only
        if step.lane not in lanes:
            yield make_issue("PM374", Text("PM374.lane", context=place(context), lane=step.lane),
                             step.at("lane"), did_you_mean(step.lane, lanes)
                             or Text("PM374.lane.hint", lanes=", ".join(flow.lanes)))
        if step.stage is not None and step.stage not in stages:
            yield make_issue("PM374", Text("PM374.stage", context=place(context), stage=step.stage),
                             step.at("stage"), did_you_mean(step.stage, stages)
                             or Text("PM374.stage.hint"))
        for arrow in step.next:
            if arrow.to not in steps:
                yield unknown_reference(place(context), "step", arrow.to, arrow.at("to"), steps)
        labelled = [arrow for arrow in step.next if arrow.when]
        if step.kind == "decision" and len(labelled) < 2:
            yield make_issue("PM373", Text("PM373.exits", context=place(context), count=len(labelled)),
                             step.at("id"), Text("PM373.exits.hint"))


def _pages_of_steps(project: Project, flow: Flow) -> Iterator[Issue]:
    """A step on a page that names its roles must be done by one of them."""
    for step in flow.steps:
        for index, page_id in enumerate(step.pages):
            page = project.page(page_id)
            if page is not None and page.roles and step.lane not in page.roles:
                yield make_issue(
                    "PM376", Text("PM376.role", flow=flow.id, step=step.id, kind=noun(page.kind),
                                  page=page.id, title=page.title, lane=step.lane,
                                  roles=", ".join(page.roles)),
                    step.at("pages", index), Text("PM376.role.hint", lane=step.lane))


def _paths(flow: Flow) -> Iterator[Issue]:
    starts = [step.id for step in flow.steps if step.kind == "start"]
    ends = [step.id for step in flow.steps if step.kind == "end"]
    for kind, found in (("start", starts), ("end", ends)):
        if not found and flow.steps:
            yield make_issue("PM375", Text(f"PM375.no_{kind}", flow=flow.id), flow.at("id"),
                             Text("PM375.hint", kind=kind))
    forward: dict[str, list[str]] = {step.id: [a.to for a in step.next] for step in flow.steps}
    backward: dict[str, list[str]] = {step.id: [] for step in flow.steps}
    for source, targets in forward.items():
        for target in targets:
            backward.setdefault(target, []).append(source)
    from_start, to_end = _closure(starts, forward), _closure(ends, backward)
    for step in flow.steps:
        if starts and step.id not in from_start:
            yield make_issue("PM371", Text("PM371.unreached", flow=flow.id, step=step.id),
                             step.at("id"), Text("PM371.unreached.hint"))
        if ends and step.id not in to_end:
            yield make_issue("PM372", Text("PM372.no_end", flow=flow.id, step=step.id),
                             step.at("id"), Text("PM372.no_end.hint"))


def _closure(seeds: Iterable[str], edges: dict[str, list[str]]) -> set[str]:
    seen = set(seeds)
    queue = deque(sorted(seen))
    while queue:
        for target in edges.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen
