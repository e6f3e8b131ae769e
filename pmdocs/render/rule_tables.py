"""The parts of a rule's page that need the most care: its parameters, its limit block in
words, its inputs and its decision table (one column per input, then the outcomes)."""

from __future__ import annotations

from ..model.spec import Conditions, Input, Limit, Parameter, Row, Rule
from ..sitemap import SiteMap
from .context import RenderContext
from .items import (anchored_link, attribute_link, element_link, item_link, item_links,
                    scalar_text, separator, state_name)
from .cells import Html, formatted, joined, labelled
from .tables import anchored, properties, table
from .parameters import filled_html
from .text import Safe, heading_id, inline

ANY = "-"
OUTCOME_FIELDS = ("result", "state", "copy_text", "to", "effect")


def parameters_table(context: RenderContext, rule: Rule, path: str) -> Safe:
    labels = context.labels
    rows = [(anchored("parameter", parameter.id, labelled(parameter.title, "$" + parameter.id)),
             parameter.type, scalar_text(context, parameter.default), _range(context, parameter),
             parameter.unit, item_links(context, "roles", parameter.editable_by, path),
             parameter.note) for parameter in rule.parameters]
    return table((labels["title"], labels["type"], labels["default_value"], labels["range"],
                  labels["unit"], labels["editable_by"], labels["note"]), rows)


def _range(context: RenderContext, parameter: Parameter) -> str:
    if parameter.values:
        return separator(context).join(parameter.values)
    return bounds(parameter.min, parameter.max)


def bounds(low: int | float | None, high: int | float | None) -> str:
    """`1–3`, `≥ 0`, `≤ 10`, or nothing."""
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"≥ {low}"
    return f"≤ {high}" if high is not None else ""


def with_unit(value: str, unit: str) -> str:
    """`1 次`, `15 分钟`, `30%`."""
    if not value or not unit:
        return value
    return value + unit if unit in ("%", "‰") else f"{value} {unit}"


def limit_table(context: RenderContext, rule: Rule, path: str) -> Safe:
    """Each limit block as sentences: who is counted, per what, over which window, what counts
    (under a heading of its own when the rule has several)."""
    if len(rule.limit) == 1:
        return _one_limit(context, rule, rule.limit[0], path)
    parts = []
    for number, limit in enumerate(rule.limit, start=1):
        heading = limit.title or context.labels["limit_number"].format(number=number)
        parts.append(f"### {inline(heading)}{heading_id('limit', str(number))}\n\n{_one_limit(context, rule, limit, path)}")
    return Safe("\n\n".join(parts))


def _one_limit(context: RenderContext, rule: Rule, limit: Limit, path: str) -> Safe:
    labels = context.labels
    returned = separator(context).join(labels["returned_" + event] for event in limit.returned_on)
    return properties((labels["property"], labels["value"]), (
        (labels["limit_title"], limit.title if len(rule.limit) == 1 else ""),
        (labels["limit_subject"], subject_text(context, limit)),
        (labels["limit_scope"], limit.scope), (labels["limit_window"], window_text(context, limit)),
        (labels["limit_counts"], labels["counts_" + limit.counts] if limit.counts else ""),
        (labels["limit_returned_on"], returned),
        (labels["limit_max"], _maximum(context, rule, limit, path)),
        (labels["limit_exceeded"], filled_html(context, limit.exceeded, (rule.id,), path,
                                               own_rule_only=True))))


def subject_text(context: RenderContext, limit: Limit) -> str:
    """`每个用户`, `每家企业`, or a custom subject's own words."""
    subject = limit.subject
    if subject is None:
        return ""
    if subject.kind == "custom":
        return subject.description
    return context.labels["subject_" + subject.kind]


def window_text(context: RenderContext, limit: Limit) -> str:
    """`calendar day (time zone Asia/Shanghai, resets at 00:00)` in the project's language."""
    window = limit.window
    if window is None:
        return ""
    labels = context.labels
    details = [labels[key].format(value=value) for key, value in (
        ("window_timezone", window.timezone), ("window_reset", window.reset),
        ("window_duration", window.duration)) if value]
    kind = labels["window_" + window.kind]
    if not details:
        return kind
    return labels["window_details"].format(kind=kind,
                                           details=labels["detail_separator"].join(details))


def _maximum(context: RenderContext, rule: Rule, limit: Limit, path: str) -> Html | str:
    if limit.max is None:
        return ""
    if isinstance(limit.max, str) and limit.max.startswith("$"):
        parameter = rule.parameter(limit.max[1:])
        if parameter is not None:
            target = anchored_link(parameter.title or parameter.id, SiteMap.item("rules", rule.id),
                                   "parameter-" + parameter.id, path)
            value = with_unit(scalar_text(context, parameter.default), parameter.unit)
            return formatted(context.labels["parameter_with_default"], parameter=target,
                             value=value)
    return str(limit.max)


def inputs_table(context: RenderContext, rule: Rule, path: str) -> Safe:
    labels = context.labels
    rows = [(labelled(item.title, item.id), item.type, _domain(context, rule, item, path))
            for item in rule.inputs]
    return table((labels["title"], labels["type"], labels["values"]), rows)


def _domain(context: RenderContext, rule: Rule, item: Input, path: str) -> Html | str:
    """The input's values; for one that takes them from the model, where they come from."""
    if item.type == "bool":
        return separator(context).join((context.labels["yes"], context.labels["no"]))
    values = context.project.index.input_values(rule.id, item)
    if item.source:
        object_id, _, attribute_id = item.source.partition(".")
        origin = attribute_link(context, item.source, path) if attribute_id else formatted(
            context.labels["lifecycle_of"], item=item_link(context, "objects", object_id, path))
        return formatted(context.labels["values_from"], origin=origin,
                         values=separator(context).join(values))
    if values:
        return separator(context).join(values)
    return bounds(item.min, item.max)


def decision_table(context: RenderContext, rule: Rule, path: str) -> Safe:
    """One column per input (then any condition naming no input), then the outcome columns
    that some row fills, set apart by their cells' classes; `-` reads "any"."""
    labels = context.labels
    declared = [item.id for item in rule.inputs]
    extra = sorted({key for row in rule.table for key in row.when} - set(declared))
    titles = {item.id: item.title or item.id for item in rule.inputs}
    outcomes = [name for name in OUTCOME_FIELDS
                if name == "result" or any(getattr(row.then, name) for row in rule.table)]
    with_note = any(row.note for row in rule.table)
    headers = [labels["number"], *(titles.get(key, key) for key in declared + extra),
               *(labels["outcome_" + name] for name in outcomes)]
    headers += [labels["note"]] if with_note else []
    first_outcome = 1 + len(declared) + len(extra)
    classes = ["", *["pmdocs-condition"] * (first_outcome - 1), "pmdocs-outcome pmdocs-outcome-first",
               *["pmdocs-outcome"] * (len(outcomes) - 1)]
    rows = []
    for number, row in enumerate(rule.table, start=1):
        cells: list[object] = [number]
        cells += [_condition(context, row, key) for key in declared + extra]
        cells += [_outcome(context, rule, row, name, path) for name in outcomes]
        cells += [row.note] if with_note else []
        rows.append(cells)
    return table(headers, rows, classes=classes)


def _condition(context: RenderContext, row: Row, key: str) -> str:
    return _cell_text(context, row.when.get(key, ANY))


def _cell_text(context: RenderContext, value: object) -> str:
    values = value if isinstance(value, list) else [value]
    if any(item == ANY for item in values):
        return context.labels["any"]
    return context.labels["or"].join(scalar_text(context, item) for item in values)


def constraints_table(context: RenderContext, rule: Rule) -> Safe:
    """The combinations that cannot happen: `if` … `then` …, or … never together."""
    labels = context.labels
    titles = {item.id: item.title or item.id for item in rule.inputs}

    def conditions(cells: Conditions) -> str:
        parts = []
        for key, value in cells.items():
            text = _cell_text(context, value)
            compared = text.startswith(("<", ">", "!", "=", "≤", "≥", "≠"))
            parts.append(f"{titles.get(key, key)} {text}" if compared else
                         labels["condition_is"].format(input=titles.get(key, key), value=text))
        return labels["detail_separator"].join(parts)
    rows = [(number, conditions(constraint.never or constraint.condition),
             labels["constraint_never"] if constraint.never else conditions(constraint.then),
             constraint.note) for number, constraint in enumerate(rule.constraints, start=1)]
    return table((labels["number"], labels["constraint_if"], labels["constraint_then"],
                  labels["note"]), rows)


def _outcome(context: RenderContext, rule: Rule, row: Row, name: str, path: str) -> Html | str:
    value = getattr(row.then, name)
    if name == "to" and value:
        return item_link(context, "pages", value, path)
    if name == "state" and value:
        return _outcome_state(context, rule, row, value)
    if name == "copy_text" and value:
        return filled_html(context, value, (rule.id,), path, own_rule_only=True)
    return value or ""


def _outcome_state(context: RenderContext, rule: Rule, row: Row, name: str) -> str:
    """The page state an outcome shows, by its title when the page it is on (one the rule
    governs, or the one the outcome leads to) gives it one: `not_started（未开始）`. A usual
    state (`empty`) keeps its usual meaning unless the page titles it."""
    project = context.project
    usual = bool(context.labels.get("state_meaning_" + name, ""))
    pages = [*project.index.rule_pages.get(rule.id, ()), *([row.then.to] if row.then.to else [])]
    for page in filter(None, map(project.page, pages)):
        state = page.state(name)
        title = (state.title if usual else page.state_title(name)) if state is not None else ""
        if title and title.casefold() != name.casefold():
            return context.labels["state_with_meaning"].format(name=name, meaning=title)
    return state_name(context, name)


def applies_to_table(context: RenderContext, rule: Rule, path: str) -> Safe:
    labels = context.labels
    applies = rule.applies_to
    elements = [element_link(context, *reference.partition(".")[::2], path)
                for reference in applies.elements]
    rows = [(labels[kind], links) for kind, links in (
        ("features", item_links(context, "features", applies.features, path)),
        ("pages", item_links(context, "pages", applies.pages, path)),
        ("elements", joined(elements, separator(context)))) if links]
    return table((labels["kind"], labels["items"]), rows)
