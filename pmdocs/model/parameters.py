"""`$parameter` in text, outside the decision table's cells, and which rule's parameter it is.

Parameters belong to rules. A text names one as `{$daily_limit}` (copy: the braces end the
name, and set it apart from `{关键词}`-style placeholders the app fills in) or `$daily_limit`.
What a PM means by a name is the nearest rule that defines it:

- a rule's own texts (description, notes, outcomes, its limits): that rule's parameters only;
- an element's texts (label, placeholder, items, notes, its jumps' conditions and effects):
  the rules the element follows, then the rules that govern its page;
- a page's texts (title, description, states, copy): the rules that govern the page;
- a flow step's texts (label, exits' conditions): the rule the step applies;
- a lifecycle transition's condition: the rules whose inputs take their values from the object;

and, when no such rule defines it, the one rule of the project that does (a name two rules
define, neither of them near, is ambiguous: the check asks which). Resolved once, in the
project index; the check reports what does not resolve (PM336), the site and the prototype
fill in the default of what does.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, Mapping, NamedTuple, Sequence

from ..messages import Place
from .base import Spec
from .spec import BusinessObject, Element, Flow, Page, Rule, Step

PARAMETER_IN_TEXT = re.compile(r"\{\$([a-z][a-z0-9_-]*)\}|\$([a-z][a-z0-9_-]*)")
"""`{$name}` or `$name` (a name ends before a character that cannot be in an id)."""


class Mention(NamedTuple):
    """A `$name` in a text: where it starts and ends (braces included), and the name."""

    start: int
    end: int
    name: str


def mentions(text: str) -> list[Mention]:
    """The parameters a text names, in order."""
    if "$" not in text:
        return []
    return [Mention(match.start(), match.end(), (match.group(1) or match.group(2)).rstrip("-"))
            for match in PARAMETER_IN_TEXT.finditer(text)]


class ParameterUse(NamedTuple):
    """A `$name` in a text, and the rule whose parameter it is ("" when none is)."""

    source: tuple[str, str]
    """The item the text belongs to: ("pages", "checkin")."""
    context: Place
    """Where the text is, for a message (`messages.place`): page `checkin` › element
    `chances`."""
    node: Spec
    path: tuple
    """Where the text is in `node` (for `at()`)."""
    text: str
    name: str
    rule: str
    """The rule that defines it, or "" (not defined, or defined by several rules none of
    which is near: `candidates`)."""
    candidates: tuple[str, ...] = ()
    own_rule_only: bool = False
    """A rule's own text, which names that rule's parameters only."""


class Resolver:
    """Which rule a parameter name means, from the rules nearest first (`scope`)."""

    def __init__(self, rules: Sequence[Rule]):
        self.defined: dict[str, frozenset[str]] = {
            rule.id: frozenset(parameter.id for parameter in rule.parameters) for rule in rules}
        owners: dict[str, list[str]] = {}
        for rule in rules:
            for parameter in dict.fromkeys(parameter.id for parameter in rule.parameters):
                owners.setdefault(parameter, []).append(rule.id)
        self.owners = {name: tuple(rule_ids) for name, rule_ids in owners.items()}

    def resolve(self, name: str, scope: Sequence[str], own_rule_only: bool = False) -> str:
        """The rule whose parameter `name` is: the first in `scope` that defines it, else
        (unless `own_rule_only`) the only rule that does; "" when there is none."""
        for rule_id in scope:
            if name in self.defined.get(rule_id, ()):
                return rule_id
        owners = () if own_rule_only else self.owners.get(name, ())
        return owners[0] if len(owners) == 1 else ""


Text = tuple[Spec, tuple, str, Place]
"""A text: its node, its path in the node, the text, and its place in the item, for a
message (`(("row", 2),)`, `(("state", "empty"),)`, or `()`)."""


def parameter_uses(pages: Sequence[Page], rules: Sequence[Rule], flows: Sequence[Flow],
                   objects: Sequence[BusinessObject], page_rules: Callable[[str], Sequence[str]],
                   object_rules: Callable[[], Mapping[str, Sequence[str]]],
                   resolver: Resolver) -> Iterator[ParameterUse]:
    """Every `$name` in the texts of these items outside table cells, resolved (`page_rules`,
    `object_rules`: the rules around a page, and around each object, asked for only when
    some text names a parameter)."""
    def uses(source: tuple[str, str], context: Place, texts: Iterator[Text], scope: Sequence[str],
             own_rule_only: bool = False) -> Iterator[ParameterUse]:
        for node, path, text, place in texts:
            if "$" not in text:
                continue
            for mention in mentions(text):
                rule = resolver.resolve(mention.name, scope, own_rule_only)
                candidates = () if rule or own_rule_only else resolver.owners.get(mention.name, ())
                yield ParameterUse(source, (*context, *place), node,
                                   path, text, mention.name, rule, candidates, own_rule_only)
    for rule in rules:
        yield from uses(("rules", rule.id), (("rule", rule.id),), rule_texts(rule), (rule.id,),
                        True)
    for page in pages:
        around = page_rules(page.id)
        yield from uses(("pages", page.id), (("page", page.id),), page_texts(page), around)
        for element in page.elements:
            yield from uses(("pages", page.id), (("page", page.id), ("element", element.id)),
                            element_texts(element), (*element.rules, *around))
    for flow in flows:
        for step in flow.steps:
            yield from uses(("flows", flow.id), (("flow", flow.id), ("step", step.id)),
                            step_texts(step), (step.rule,) if step.rule else ())
    for business_object in objects:
        if business_object.lifecycle is not None and any(
                "$" in transition.when for transition in business_object.lifecycle.transitions):
            texts = ((transition, ("when",), transition.when,
                      (("transition", (transition.source, transition.to)),))
                     for transition in business_object.lifecycle.transitions)
            yield from uses(("objects", business_object.id),
                            (("object", business_object.id), ("lifecycle", None)), texts,
                            tuple(object_rules().get(business_object.id, ())))


def rule_texts(rule: Rule) -> Iterator[Text]:
    yield rule, ("description",), rule.description, ()
    yield rule, ("notes",), rule.notes, ()
    for number, row in enumerate(rule.table, start=1):
        then = row.then
        if "$" not in row.note + then.result + then.state + then.copy_text + then.effect:
            continue      # most rows name no parameter: read no further
        yield row, ("note",), row.note, (("row", number),)
        for key, text in (("result", then.result), ("state", then.state),
                          ("copy", then.copy_text), ("effect", then.effect)):
            yield then, (key,), text, (("row", number),)
    for number, constraint in enumerate(rule.constraints, start=1):
        yield constraint, ("note",), constraint.note, (("constraint", number),)
    for number, limit in enumerate(rule.limit, start=1):
        place: Place = (("limit", number if len(rule.limit) > 1 else None),)
        if isinstance(limit.max, str):
            yield limit, ("max",), limit.max, place
        yield limit, ("exceeded",), limit.exceeded, place


def page_texts(page: Page) -> Iterator[Text]:
    yield page, ("title",), page.title, ()
    yield page, ("description",), page.description, ()
    for state in page.states:
        yield state, ("description",), state.description, (("state", state.name),)
        for index, copy in enumerate(state.copy_text):
            yield state, ("copy", index), copy, (("state", state.name),)
    for entry in page.copy_text:
        yield entry, ("text",), entry.text, (("copy", entry.key),)


def element_texts(element: Element) -> Iterator[Text]:
    yield element, ("label",), element.label, ()
    yield element, ("placeholder",), element.placeholder, ()
    yield element, ("notes",), element.notes, ()
    for index, item in enumerate(element.items):
        yield element, ("items", index), item, ()
    for event, jumps in element.actions():
        for jump in jumps:
            for key in ("when", "effect", "note"):
                yield jump, (key,), getattr(jump, key), (("on", event),)


def step_texts(step: Step) -> Iterator[Text]:
    yield step, ("label",), step.label, ()
    for arrow in step.next:
        yield arrow, ("when",), arrow.when, (("exit", arrow.to),)
