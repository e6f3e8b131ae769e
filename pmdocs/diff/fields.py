"""What differs inside an item: its fields compared one by one, driven by the spec language's
own models, so a field added to the language is compared without a word here.

- A plain field (text, a number, a choice) changed: its text before and after.
- A list of references (`roles`, `pages`, `lanes`, `final` …): each id added or removed.
- A nested part (`limit`, `lifecycle`, `applies_to`): its own fields, named `limit.max`.
- A list of parts: paired by their id (`elements`, `states`, `parameters` …) or by what
  identifies them (`from → to` of a transition); each added, removed, or changed field by
  field (`element.label` of the element `submit`).
- Parts whose pairing is a judgement of its own — a page's jumps, a decision table's rows,
  a flow's links — are compared by `parts.py`, which the item's comparison names in
  `special`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Hashable, Iterator, Mapping, Sequence, get_args

from pydantic.json_schema import SkipJsonSchema

from ..model.base import TextFills
from ..model.spec import Relation, Spec, Transition
from .changes import FieldChange
from .matching import pair_up, plain, same
from .values import summary, text

REFERENCE_LISTS = frozenset({"roles", "pages", "rules", "flows", "objects", "features",
                             "elements", "lanes", "editable_by", "shows", "hides", "final",
                             "returned_on", "entry"})
"""List fields whose members are ids or choices: a change is members added and removed."""
SINGULAR = {
    "elements": "element", "states": "state", "copy": "copy", "parameters": "parameter",
    "inputs": "input", "table": "row", "attributes": "attribute", "relations": "relation",
    "transitions": "transition", "stages": "stage", "steps": "step", "next": "link",
    "acceptance": "criterion", "releases": "release", "modules": "module", "glossary": "term",
}
IDENTITY_FIELDS = ("id", "name", "key", "term")
"""The field that identifies a part among its siblings (a state by `name`, copy by `key`)."""
IDENTITIES: dict[type, Callable[[Any], str]] = {
    Transition: lambda transition: f"{transition.source} → {transition.to}",
    Relation: lambda relation: f"→ {relation.to}",
}
"""What identifies a part that has no identifying field."""
Compare = Callable[["Place", Any, Any], Iterator[FieldChange]]


@dataclass(frozen=True)
class Place:
    """Where in an item a comparison is: the part (`element`), which one (`submit`), and the
    field path inside it so far (`limit`)."""

    part: str = ""
    key: str = ""
    prefix: str = ""

    def field(self, name: str) -> "Place":
        return replace(self, prefix=f"{self.prefix}.{name}" if self.prefix else name)

    def parts(self, name: str) -> "Place":
        """The place of the parts a list field holds (`elements` -> `element`)."""
        singular = SINGULAR.get(name, name)
        path = ".".join(word for word in (self.part, self.prefix, singular) if word)
        return Place(path, self.key, "")

    def one(self, key: str) -> "Place":
        """One of the parts: its key after its parent part's (`row 3`)."""
        return replace(self, key=f"{self.key} {key}" if self.key and key else self.key or key)

    def change(self, change: str, before: str = "", after: str = "") -> FieldChange:
        return FieldChange(self.part, self.key, self.prefix, change, before, after)


def compare_specs(place: Place, before: Spec, after: Spec,
                  special: Mapping[str, Compare | None] | None = None) -> Iterator[FieldChange]:
    """Every difference between two revisions of one spec node (an item, or a part of one),
    in the order the language declares its fields; a field in `special` compared by the
    function given there (None: not at all)."""
    for name, info in type(after).model_fields.items():
        if _is_identity(name, info):
            continue
        old, new = getattr(before, name), getattr(after, name)
        label = info.alias or name
        if special is not None and name in special:
            compare = special[name]
            if compare is not None:
                yield from compare(place.parts(label), old, new)
        elif not same(old, new):
            short = _short_form(info)
            if short and isinstance(old, Spec) and isinstance(new, Spec) and \
                    same(old.model_copy(update={short: getattr(new, short)}), new):
                yield place.field(label).change("changed", text(getattr(old, short)),
                                                text(getattr(new, short)))
            else:
                yield from compare_values(place, label, old, new)


def _short_form(info: Any) -> str:
    """The field a plain text fills when a mapping field may be written as one (`subject:
    user` for `{kind: user}`): a change of that alone reads as a change of the field."""
    markers = [*info.metadata, *(marker for argument in get_args(info.annotation)
                                 for marker in getattr(argument, "__metadata__", ()))]
    return next((marker.field for marker in markers if isinstance(marker, TextFills)), "")


def _is_identity(name: str, info: Any) -> bool:
    """The identifying field of a part written as a mapping's key (a state's name): it is
    how the part was paired, never a change of it."""
    return name in IDENTITY_FIELDS[1:] and any(isinstance(item, SkipJsonSchema)
                                               for item in info.metadata)


def compare_values(place: Place, name: str, old: Any, new: Any) -> Iterator[FieldChange]:
    """Two different values of the field `name`."""
    if isinstance(old, Spec) and isinstance(new, Spec):
        yield from compare_specs(place.field(name), old, new)
    elif isinstance(old, Spec) or isinstance(new, Spec):
        yield place.field(name).change("added" if old is None else "removed", text(old), text(new))
    elif _holds_parts(old) or _holds_parts(new):
        yield from compare_parts(place.parts(name), old, new)
    elif name in REFERENCE_LISTS and isinstance(old, list) and isinstance(new, list):
        yield from compare_members(place.field(name), old, new)
    else:
        yield place.field(name).change("changed", text(old), text(new))


def _holds_parts(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and isinstance(value[0], Spec)


def compare_members(place: Place, old: Sequence[Any], new: Sequence[Any]) -> Iterator[FieldChange]:
    """A list of ids or choices: each member removed, then each added (in list order), or
    the whole list when only its order changed."""
    for member in old:
        if member not in new:
            yield place.change("removed", text(member))
    for member in new:
        if member not in old:
            yield place.change("added", after=text(member))
    if set(old) == set(new) and list(old) != list(new):
        yield place.change("changed", text(old), text(new))


def identity(part: Spec) -> Hashable:
    """What pairs a part with itself in the other revision (None: nothing does)."""
    named = IDENTITIES.get(type(part))
    if named is not None:
        return named(part)
    for name in IDENTITY_FIELDS:
        if name in type(part).model_fields:
            return getattr(part, name)
    return None


def part_name(part: Spec, number: int) -> str:
    """How a change names a part: its identity, or its number in its list (none when the
    list holds just that part, as a rule's one limit)."""
    found = identity(part)
    return str(found) if found is not None else str(number) if number else ""


def compare_parts(place: Place, old: Sequence[Spec], new: Sequence[Spec]) -> Iterator[FieldChange]:
    """A list of parts: paired by identity (else by content, then by position); the removed
    ones, each pair's differences, then the added ones."""
    sample = (list(new) or list(old))[0]
    if identity(sample) is not None:
        pairs, removed, added = pair_up(old, new, identity)
    else:
        pairs, removed, added = pair_up(old, new, plain, lambda part: 0)
    numbers_old = {id(part): number for number, part in enumerate(old, start=1)}
    numbers_new = {id(part): number for number, part in enumerate(new, start=1)}
    if len(old) <= 1 and len(new) <= 1 and identity(sample) is None:
        numbers_old = numbers_new = {id(part): 0 for part in (*old, *new)}   # the one: no number
    for part in removed:
        yield place.one(part_name(part, numbers_old[id(part)])).change("removed", summary(part))
    for before, after, _ in pairs:
        if not same(before, after):
            yield from compare_specs(place.one(part_name(after, numbers_new[id(after)])),
                                     before, after)
    for part in added:
        yield place.one(part_name(part, numbers_new[id(part)])).change("added", after=summary(part))
