"""Which rules govern which pages and objects: the facts behind a page's "rules that govern
it", a rule outcome's page states, and the nearest rule a `$parameter` belongs to."""

from __future__ import annotations

from typing import Mapping, Sequence

from .domains import Domain
from .spec import Page, Rule


def governing(rules: Sequence[Rule], pages: Sequence[Page]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per page, the rules that govern it (in the project's order), each with the ids of its
    elements the rule names: rules its elements follow, and rules whose `applies_to` names the
    page or its elements. (Rules named but not defined are left out: PM301 reports them.)"""
    found: dict[str, dict[str, list[str]]] = {}
    for rule in rules:
        for page_id in rule.applies_to.pages:
            found.setdefault(page_id, {}).setdefault(rule.id, [])
        for reference in rule.applies_to.elements:
            page_id, _, element_id = reference.partition(".")
            found.setdefault(page_id, {}).setdefault(rule.id, []).append(element_id)
    for page in pages:
        for element in page.elements:
            for rule_id in element.rules:
                found.setdefault(page.id, {}).setdefault(rule_id, []).append(element.id)
    order = {rule.id: number for number, rule in enumerate(rules)}
    return {page_id: {rule_id: tuple(dict.fromkeys(elements)) for rule_id, elements
                      in sorted(by_rule.items(), key=lambda item: order.get(item[0], len(order)))
                      if rule_id in order}
            for page_id, by_rule in found.items()}


def pages_of_rules(governed: Mapping[str, Mapping[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """Per rule, the pages it governs (the inverse of `governing`), in page order."""
    found: dict[str, list[str]] = {}
    for page_id, by_rule in governed.items():
        for rule_id in by_rule:
            found.setdefault(rule_id, []).append(page_id)
    return {rule_id: tuple(page_ids) for rule_id, page_ids in found.items()}


def rules_of_objects(domains: Mapping[tuple[str, str], Domain]) -> dict[str, tuple[str, ...]]:
    """Per object, the rules whose inputs take their values from it (`from:`)."""
    found: dict[str, list[str]] = {}
    for (rule_id, _), domain in domains.items():
        rules = found.setdefault(domain.object_id, [])
        if rule_id not in rules:
            rules.append(rule_id)
    return {object_id: tuple(rule_ids) for object_id, rule_ids in found.items()}
