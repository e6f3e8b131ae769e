"""Parts of items whose pairing across revisions is a judgement of its own:

- a page's jumps, per element and event: the same condition leading elsewhere is
  `retargeted`, the same target under another condition a changed `condition`, the rest
  added or removed (a page's elements are compared without their actions, which are these);
- a decision table's rows: a row with the same conditions whose outcome changed, or with the
  same outcome whose conditions changed, is that row changed; the rest added or removed;
- a flow's links (`next` of its steps), per pair of steps (its steps without them).
"""

from __future__ import annotations

from typing import Iterator, Sequence

from ..model.spec import EVENTS, Element, Jump, Row, Step
from .changes import FieldChange
from .fields import Place, compare_parts, compare_specs
from .matching import pair_up, plain, same
from .values import jump_target, row_condition, summary, text

ACTION_FIELDS = {f"on_{event}": None for event in EVENTS}
"""An element's actions, left to the page's jumps."""


def page_elements(place: Place, old: Sequence[Element],
                  new: Sequence[Element]) -> Iterator[FieldChange]:
    """The elements without their actions, then every element's jumps."""
    if same(old, new):
        return
    pairs, removed, added = pair_up(old, new, lambda element: element.id)
    for element in removed:
        yield place.one(element.id).change("removed", summary(element))
    for before, after, _ in pairs:
        yield from compare_specs(place.one(after.id), before, after, ACTION_FIELDS)
    for element in added:
        yield place.one(element.id).change("added", after=summary(element))
    yield from page_jumps(old, new)


def _actions(elements: Sequence[Element]) -> dict[tuple[str, str], tuple[Jump, ...]]:
    return {(element.id, event): jumps for element in elements
            for event, jumps in element.actions()}


def page_jumps(old: Sequence[Element], new: Sequence[Element]) -> Iterator[FieldChange]:
    """Each element's jumps per event (`submit on tap`), in the later revision's order of
    elements, then those of removed elements."""
    before, after = _actions(old), _actions(new)
    for element_id, event in [*after, *(action for action in before if action not in after)]:
        place = Place("jump", f"{element_id} on {event.replace('_', ' ')}")
        yield from _jumps(place, before.get((element_id, event), ()),
                          after.get((element_id, event), ()))


def _jumps(place: Place, old: Sequence[Jump], new: Sequence[Jump]) -> Iterator[FieldChange]:
    pairs, removed, added = pair_up(old, new, lambda jump: (jump.to, jump.when),
                                    lambda jump: jump.when, lambda jump: jump.to)
    for before, after, round_number in pairs:
        if round_number:
            change = "retargeted" if round_number == 1 else "condition"
            yield place.change(change, jump_target(before), jump_target(after))
        if not same((before.effect, before.note), (after.effect, after.note)):
            yield from compare_specs(place, before, after, {"to": None, "when": None})
    for jump in removed:
        yield place.change("removed", summary(jump))
    for jump in added:
        yield place.change("added", after=summary(jump))


def rule_rows(place: Place, old: Sequence[Row], new: Sequence[Row]) -> Iterator[FieldChange]:
    """The rows of a decision table, named by their number (in the later revision; in the
    earlier one for a removed row)."""
    if same(old, new):
        return
    pairs, removed, added = pair_up(old, new, plain, lambda row: plain(row.when),
                                    lambda row: plain(row.then))
    number_old = {id(row): number for number, row in enumerate(old, start=1)}
    number_new = {id(row): number for number, row in enumerate(new, start=1)}
    for row in removed:
        yield place.one(str(number_old[id(row)])).change("removed", summary(row))
    for before, after, round_number in sorted(pairs, key=lambda pair: number_new[id(pair[1])]):
        row_place = place.one(str(number_new[id(after)]))
        if round_number == 1:
            yield row_place.field("then").change("changed", summary(before.then),
                                                 summary(after.then))
        elif round_number == 2:
            yield row_place.field("when").change("changed", row_condition(before),
                                                 row_condition(after))
        if before.note != after.note:
            yield row_place.field("note").change("changed", text(before.note), text(after.note))
    for row in added:
        yield place.one(str(number_new[id(row)])).change("added", after=summary(row))


def flow_steps(place: Place, old: Sequence[Step], new: Sequence[Step]) -> Iterator[FieldChange]:
    """The steps without their links, then the links between steps (`submit → pay`)."""
    if same(old, new):
        return
    yield from compare_parts(place, _without_links(old), _without_links(new))
    before = {(step.id, arrow.to): arrow for step in old for arrow in step.next}
    after = {(step.id, arrow.to): arrow for step in new for arrow in step.next}
    for link in [*after, *(link for link in before if link not in after)]:
        link_place = Place("link", f"{link[0]} → {link[1]}")
        old_arrow, new_arrow = before.get(link), after.get(link)
        if old_arrow is None:
            yield link_place.change("added", after=_condition(new_arrow.when))
        elif new_arrow is None:
            yield link_place.change("removed", _condition(old_arrow.when))
        elif old_arrow.when != new_arrow.when:
            yield link_place.change("condition", _condition(old_arrow.when),
                                    _condition(new_arrow.when))


def _without_links(steps: Sequence[Step]) -> list[Step]:
    return [step.model_copy(update={"next": []}) for step in steps]


def _condition(when: str) -> str:
    return f"[{text(when)}]" if when else ""
