"""Checks: every `$parameter` a text names outside the decision table's cells is a parameter
of the rule it belongs to (PM336): a rule's texts name its own; a page's, a flow step's or a
lifecycle's name the nearest rule's, else the one rule that defines it (`model.parameters`).
Table cells are the analysis's (`rules.py`)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, did_you_mean, make_issue
from ..messages import Text, place
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
            Text("PM336.other_rule.hint", name=use.name, rule=others[0]) if others else
            Text("PM336.not_in_rule.hint"))
        return make_issue("PM336", Text("PM336.not_in_rule", context=place(use.context), name=use.name),
                          location, hint, subject=use.source)
    if use.candidates:
        rules = ", ".join(f"`{rule_id}`" for rule_id in use.candidates)
        return make_issue("PM336", Text("PM336.several", context=place(use.context), name=use.name,
                                        rules=rules), location,
                          _which_rule_hint(use), subject=use.source)
    return make_issue("PM336", Text("PM336.no_rule", context=place(use.context), name=use.name),
                      location, did_you_mean(use.name, resolver.owners) or
                      Text("PM336.no_rule.hint"), subject=use.source)


def _which_rule_hint(use: ParameterUse) -> Text:
    """How to say which rule's parameter is meant, by where the text is."""
    first = use.candidates[0]
    if use.source[0] == "pages" and any(kind == "element" for kind, _ in use.context):
        return Text("PM336.element.hint", rule=first)
    if use.source[0] == "pages":
        return Text("PM336.page.hint", rule=first)
    if use.source[0] == "flows":
        return Text("PM336.step.hint", rule=first)
    return Text("PM336.object.hint")
