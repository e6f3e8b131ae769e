"""The rules: a table with each rule's completeness verdict, and one page each (parameters,
limit, decision table, and what the checks found)."""

from __future__ import annotations

from typing import Iterator

from ...model.spec import Rule
from ...sitemap import SiteMap
from ..context import Later, RenderContext
from ..items import item_link, referenced_by, rule_issues, rule_verdict
from ..problems import issue_table
from ..rule_tables import (applies_to_table, constraints_table, decision_table, inputs_table,
                           limit_table, parameters_table)
from ..tables import document, properties, table
from ..templating import render_template
from ..cells import code
from ..text import Safe

INDEX = SiteMap.section("rules")


def render(context: RenderContext) -> Iterator[tuple[str, "str | Later"]]:
    labels = context.labels
    rows = [(rule.id, item_link(context, "rules", rule.id, INDEX), labels["hit_" + rule.hit],
             rule_verdict(context, rule)) for rule in context.project.index.listed["rules"]]
    rules = table((labels["id"], labels["title"], labels["hit_policy"], labels["verdict"]), rows)
    yield INDEX, document(render_template("rules_index.md.j2", labels=labels, rules=rules),
    labels["rules"])
    for rule in context.project.index.listed["rules"]:
        yield SiteMap.item("rules", rule.id), context.later(
            "rule", ("rules", rule.id), lambda rule=rule: rule_page(context, rule))


def rule_page(context: RenderContext, rule: Rule) -> str:
    labels = context.labels
    path = SiteMap.item("rules", rule.id)
    facts = properties((labels["property"], labels["value"]), (
        (labels["id"], code(rule.id)),
        (labels["hit_policy"], labels["hit_" + rule.hit] + labels["colon"]
         + labels["hit_" + rule.hit + "_means"]),
        (labels["verdict"], rule_verdict(context, rule))))
    return document(render_template(
        "rule.md.j2", labels=labels, rule=rule, facts=facts,
        applies_to=applies_to_table(context, rule, path),
        parameters=parameters_table(context, rule, path),
        limit=limit_table(context, rule, path), inputs=inputs_table(context, rule, path),
        decisions=decision_table(context, rule, path) if rule.table else Safe(""),
        constraints=constraints_table(context, rule),
        verdict=rule_verdict(context, rule),
        problems=issue_table(context, rule_issues(context, rule), path),
        references=referenced_by(context, ("rules", rule.id), path)), rule.title,
        wide=True, kind=labels["rule"])
