"""Checks: every `$parameter` a text names outside the decision table's cells is a parameter
of the rule it belongs to (PM336): a rule's texts name its own; a page's, a flow step's or a
lifecycle's name the nearest rule's, else the one rule that defines it (`model.parameters`).
Table cells are the analysis's (`rules.py`)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, did_you_mean, make_issue
from ..model import Project
from ..model.parameters import ParameterUse
from .wording import word_location


def check(project: Project) -> Iterator[Issue]:
    index = project.index
    for use in index.parameter_uses:
        if not use.rule:
            yield _undefined(project, use)


def _undefined(project: Project, use: ParameterUse) -> Issue:
    resolver = project.index.resolver
    location = word_location(project, use.node, use.path, use.text, "$" + use.name)
    if use.own_rule_only:
        rule_id = use.source[1]
        others = [owner for owner in resolver.owners.get(use.name, ()) if owner != rule_id]
        hint = did_you_mean(use.name, resolver.defined.get(rule_id, ())) or (
            f"`${use.name}` is a parameter of rule `{others[0]}`; a rule's texts name its own "
            "parameters: add it under this rule's `parameters:`" if others else
            "add it under `parameters:`, with a default and a range")
        return make_issue("PM336", f"{use.context}: parameter `${use.name}` is not defined in "
                          "this rule", location, hint, subject=use.source)
    if use.candidates:
        rules = ", ".join(f"`{rule_id}`" for rule_id in use.candidates)
        return make_issue("PM336", f"{use.context}: parameter `${use.name}` is defined by several "
                          f"rules ({rules}), and none of them governs this text", location,
                          _which_rule_hint(use), subject=use.source)
    return make_issue("PM336", f"{use.context}: parameter `${use.name}` is not defined by any rule",
                      location, did_you_mean(use.name, resolver.owners) or
                      "define it under the `parameters:` of the rule it belongs to",
                      subject=use.source)


def _which_rule_hint(use: ParameterUse) -> str:
    """How to say which rule's parameter is meant, by where the text is."""
    first = use.candidates[0]
    if use.source[0] == "pages" and "› element" in use.context:
        return f"name the rule the element follows, e.g. `rules: [{first}]`"
    if use.source[0] == "pages":
        return f"name the page in the rule's `applies_to: {{pages: […]}}`, e.g. rule `{first}`"
    if use.source[0] == "flows":
        return f"name the rule the step applies, e.g. `rule: {first}`"
    return "give the rule an input `from:` this object, or give the parameter a name of its own"
