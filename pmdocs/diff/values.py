"""Spec values as the one line of text a change shows before and after: plain values as
written, lists joined, and a part of an item (an element, a row, a jump …) summed up the way
a reviewer reads it (`button 提交订单`, `when 已登录=是 → 可以下单`, `login [未登录]`)."""

from __future__ import annotations

import datetime
from typing import Any, Callable

from ..model.spec import (Attribute, Criterion, CopyEntry, Element, Input, Jump, LifecycleState,
                          Limit, Next, Outcome, Parameter, Relation, Row, Spec, Stage, State, Step,
                          Subject,
                          Transition, Window)

LIST_SEPARATOR = ", "


def text(value: Any) -> str:
    """Any value of a spec as text: text exactly as written (the formats make it one line
    where they print it), `true`/`false`, numbers, lists joined with `, `, mappings as
    `key=value`, parts of items summed up (`summary`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, datetime.date)):
        return str(value)
    if isinstance(value, Spec):
        return summary(value)
    if isinstance(value, dict):
        return LIST_SEPARATOR.join(f"{key}={text(item)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(text(item) for item in value)
    return str(value)


def joined(*parts: str, separator: str = " ") -> str:
    return separator.join(part for part in parts if part)


def _bracketed(condition: str) -> str:
    return f"[{text(condition)}]" if condition else ""


def _element(element: Element) -> str:
    return joined(element.type, text(element.label or element.placeholder))


def _state(state: State) -> str:
    return joined(text(state.description), *(f"「{text(line)}」" for line in state.copy_text))


def jump_target(jump: Jump) -> str:
    """Where a jump leads, and when: `login [未登录]` (`(stay)` for none)."""
    return joined(jump.to or "(stay)", _bracketed(jump.when))


def _jump(jump: Jump) -> str:
    return joined(jump_target(jump), f"effect: {text(jump.effect)}" if jump.effect else "")


def _parameter(parameter: Parameter) -> str:
    scope = ""
    if parameter.min is not None or parameter.max is not None:
        scope = f"({text(parameter.min)}..{text(parameter.max)})"
    default = f"= {text(parameter.default)}" if parameter.default is not None else ""
    return joined(text(parameter.title) or parameter.id, default, text(parameter.unit), scope)


def _input(spec_input: Input) -> str:
    values = f"[{text(spec_input.values)}]" if spec_input.values else ""
    return joined(text(spec_input.title) or spec_input.id, spec_input.type, values)


def row_condition(row: Row) -> str:
    return LIST_SEPARATOR.join(f"{key}={text(value)}" for key, value in row.when.items()) or "-"


def _outcome(outcome: Outcome) -> str:
    return joined(text(outcome.result), f"state {outcome.state}" if outcome.state else "",
                  f"「{text(outcome.copy_text)}」" if outcome.copy_text else "",
                  f"→ {outcome.to}" if outcome.to else "",
                  f"effect: {text(outcome.effect)}" if outcome.effect else "")


def _row(row: Row) -> str:
    return f"when {row_condition(row)} → {_outcome(row.then)}"


def _limit(limit: Limit) -> str:
    return joined(f"max {text(limit.max)}" if limit.max is not None else "",
                  f"per {_subject(limit.subject)}" if limit.subject else "",
                  _window(limit.window) if limit.window else "",
                  f"counts {limit.counts}" if limit.counts else "")


def _subject(subject: Subject) -> str:
    """`user`, or a custom subject's words."""
    return text(subject.description) if subject.kind == "custom" and subject.description \
        else subject.kind


def _window(window: Window) -> str:
    details = joined(window.timezone, window.reset, window.duration, separator=LIST_SEPARATOR)
    return f"{window.kind} ({text(details)})" if details else window.kind


def _transition(transition: Transition) -> str:
    return joined(f"{transition.source} → {transition.to}", text(transition.on),
                  _bracketed(transition.when), f"by {transition.by}" if transition.by else "")


def _step(step: Step) -> str:
    place = joined(step.lane, step.stage or "", separator=LIST_SEPARATOR)
    return joined(step.kind, text(step.label) or step.id, f"({place})")


def _criterion(criterion: Criterion) -> str:
    return joined(f"given {text(criterion.given)}" if criterion.given else "",
                  f"when {text(criterion.when)}" if criterion.when else "",
                  f"then {text(criterion.then)}")


SUMMARIES: dict[type, Callable[[Any], str]] = {
    Element: _element, State: _state, Jump: _jump, Parameter: _parameter, Input: _input,
    Row: _row, Outcome: _outcome, Limit: _limit, Window: _window, Transition: _transition,
    Step: _step, Criterion: _criterion,
    CopyEntry: lambda entry: text(entry.text),
    Attribute: lambda attribute: joined(text(attribute.name) or attribute.id,
                                        f"({attribute.type})"),
    Relation: lambda relation: joined(f"→ {relation.to}", relation.cardinality,
                                      text(relation.label)),
    LifecycleState: lambda state: text(state.name) or state.id,
    Stage: lambda stage: text(stage.title) or stage.id,
    Next: lambda arrow: joined(f"→ {arrow.to}", _bracketed(arrow.when)),
}
"""How each kind of part is summed up; any other is `field=value` of its fields set."""


def summary(item: Spec) -> str:
    """A part of an item on one line."""
    summed = SUMMARIES.get(type(item))
    if summed is not None:
        return summed(item)
    values = item.model_dump(exclude_defaults=True, by_alias=True)
    return LIST_SEPARATOR.join(f"{key}={text(value)}" for key, value in values.items())
