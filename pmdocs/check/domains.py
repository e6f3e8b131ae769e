"""Checks of rule inputs that take their values from the model (`from: order.status`, PM345):
what they name has values to take, the input is an enum, and the values it lists too are the
same. (An unknown object or attribute is a reference: PM301; the table's gaps over the real
domain are PM330.)"""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, make_issue
from ..model.domains import Domain
from ..model.index import ProjectIndex
from ..model.spec import Input, Rule


def input_domain_issues(rule: Rule, index: ProjectIndex) -> Iterator[Issue]:
    for item in rule.inputs:
        domain = index.input_domains.get((rule.id, item.id)) if item.source else None
        if domain is not None:
            yield from _input_issues(f"rule `{rule.id}` › input `{item.id}`", item, domain)


def _input_issues(context: str, item: Input, domain: Domain) -> Iterator[Issue]:
    if domain.problem == "no_lifecycle":
        yield make_issue("PM345", f"{context}: object `{domain.object_id}` has no lifecycle to take "
                         "states from", item.at("from"),
                         f"name an enum attribute, as `{domain.object_id}.<attribute>`, or give "
                         "the object a `lifecycle:`")
    elif domain.problem == "no_values":
        yield make_issue("PM345", f"{context}: `{item.source}` has no values to take: it is "
                         "neither an enum attribute with `values` nor the attribute that holds "
                         "the object's lifecycle state", item.at("from"),
                         f"give attribute `{domain.attribute_id}` `values:`, or take the values "
                         f"from an enum attribute or from the lifecycle (`from: {domain.object_id}`)")
    if item.type != "enum":
        yield make_issue("PM345", f"{context}: takes its values from `{item.source}`, so it is an "
                         f"enum, not `{item.type}`", item.at("type"),
                         "leave `type:` out: enum is the default")
    if item.values and not domain.problem:
        yield from _listed_values(context, item, domain)


def _listed_values(context: str, item: Input, domain: Domain) -> Iterator[Issue]:
    """Values written beside `from` must be the model's (a table over 4 of 5 states is the
    gap `from` is there to catch)."""
    missing = [value for value in domain.values if value not in item.values]
    extra = [value for value in item.values if value not in domain.values]
    if not missing and not extra:
        return
    parts = [f"lists {len(domain.values) - len(missing)} of the {len(domain.values)} values of "
             f"`{item.source}`"]
    if missing:
        parts.append("missing " + ", ".join(f"`{value}`" for value in missing))
    if extra:
        parts.append("not among them: " + ", ".join(f"`{value}`" for value in extra))
    yield make_issue("PM345", f"{context}: {'; '.join(parts)}", item.at("values"),
                     f"leave `values:` out: the input takes them from `{item.source}`")
