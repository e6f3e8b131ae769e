"""Checks of rule inputs that take their values from the model (`from: order.status`, PM345):
what they name has values to take, the input is an enum, and the values it lists too are the
same. (An unknown object or attribute is a reference: PM301; the table's gaps over the real
domain are PM330.)"""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, make_issue
from ..messages import Text, place
from ..model.domains import Domain
from ..model.index import ProjectIndex
from ..model.spec import Input, Rule


def input_domain_issues(rule: Rule, index: ProjectIndex) -> Iterator[Issue]:
    for item in rule.inputs:
        domain = index.input_domains.get((rule.id, item.id)) if item.source else None
        if domain is not None:
            yield from _input_issues(place((("rule", rule.id), ("input", item.id))), item,
                                     domain)


def _input_issues(context: str, item: Input, domain: Domain) -> Iterator[Issue]:
    if domain.problem == "no_lifecycle":
        yield make_issue("PM345", Text("PM345.no_lifecycle", context=context,
                                       object=domain.object_id), item.at("from"),
                         Text("PM345.no_lifecycle.hint", object=domain.object_id))
    elif domain.problem == "no_values":
        yield make_issue("PM345", Text("PM345.no_values", context=context, source=item.source),
                         item.at("from"), Text("PM345.no_values.hint",
                                               attribute=domain.attribute_id,
                                               object=domain.object_id))
    if item.type != "enum":
        yield make_issue("PM345", Text("PM345.not_enum", context=context, source=item.source,
                                       type=item.type), item.at("type"),
                         Text("PM345.not_enum.hint"))
    if item.values and not domain.problem:
        yield from _listed_values(context, item, domain)


def _listed_values(context: str, item: Input, domain: Domain) -> Iterator[Issue]:
    """Values written beside `from` must be the model's (a table over 4 of 5 states is the
    gap `from` is there to catch)."""
    missing = [value for value in domain.values if value not in item.values]
    extra = [value for value in item.values if value not in domain.values]
    if not missing and not extra:
        return
    parts = [Text("PM345.lists", count=len(domain.values) - len(missing),
                  total=len(domain.values), source=item.source)]
    if missing:
        parts.append(Text("PM345.missing", values=", ".join(f"`{value}`" for value in missing)))
    if extra:
        parts.append(Text("PM345.extra", values=", ".join(f"`{value}`" for value in extra)))
    yield make_issue("PM345", Text("context.said", context=context, message=tuple(parts)),
                     item.at("values"), Text("PM345.listed.hint", source=item.source))
