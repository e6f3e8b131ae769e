"""What the diagrams mark as new, changed and removed since a revision, derived once from the
two projects and their changes; the removed things themselves come along (from the earlier
project), so that a diagram can draw them, dashed. The graph stage is given these marks
explicitly, and stays a pure function of what it is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Mapping, Sequence

from ..model import Project
from ..model.index import Key, PageJump
from ..model.spec import BusinessObject, Flow, LifecycleState, Next, Spec, Step, Transition
from .changes import ProjectChanges
from .matching import plain, same

ADDED, CHANGED, REMOVED = "added", "changed", "removed"
MARKS = (ADDED, CHANGED, REMOVED)
JumpKey = tuple[str, str, str, str, str]
"""A jump as the diagrams tell it apart: (page, element, event, target, condition)."""


def jump_key(jump: PageJump) -> JumpKey:
    return (jump.source, jump.element.id, jump.event, jump.target, jump.jump.when)


@dataclass(frozen=True)
class Marks:
    since: str
    """The revision marked against, as the user named it."""
    items: Mapping[Key, str] = field(default_factory=dict)
    """Items new or changed since (a renamed item counts as changed)."""
    removed_items: Mapping[str, tuple[Spec, ...]] = field(default_factory=dict)
    """Per section, the items removed since, as they were."""
    removed_page_modules: Mapping[str, str] = field(default_factory=dict)
    """Removed page -> the key of the module it was in."""
    new_jumps: frozenset[JumpKey] = frozenset()
    removed_jumps: tuple[PageJump, ...] = ()
    steps: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(flow, step) -> new or changed, in flows that were there before too."""
    removed_steps: Mapping[str, tuple[Step, ...]] = field(default_factory=dict)
    new_links: frozenset[tuple[str, str, str]] = frozenset()
    """(flow, step, next step)."""
    removed_links: Mapping[str, tuple[tuple[str, Next], ...]] = field(default_factory=dict)
    """Per flow, (step, its arrow) of the links removed."""
    states: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(object, lifecycle state) -> new or changed, in lifecycles there before too."""
    removed_states: Mapping[str, tuple[LifecycleState, ...]] = field(default_factory=dict)
    new_transitions: frozenset[tuple[str, Hashable]] = frozenset()
    removed_transitions: Mapping[str, tuple[Transition, ...]] = field(default_factory=dict)

    def item(self, section: str, item_id: str) -> str:
        """`added`, `changed` or `""`."""
        return self.items.get((section, item_id), "")

    def removed(self, section: str) -> tuple[Spec, ...]:
        return self.removed_items.get(section, ())

    def jump(self, jump: PageJump) -> str:
        return ADDED if jump_key(jump) in self.new_jumps else ""

    def transition(self, object_id: str, transition: Transition) -> str:
        return ADDED if (object_id, plain(transition)) in self.new_transitions else ""


def diagram_marks(base: Project, head: Project, changes: ProjectChanges) -> Marks:
    """The marks of `head`'s diagrams against `base`."""
    items = {item.key: ADDED if item.change == "added" else CHANGED for item in changes.items
             if item.change in ("added", "changed", "renamed")}
    removed_ids = {(item.section, item.id) for item in changes.items if item.change == "removed"}
    removed_items = {section: tuple(item for item in base.index.listed[section]
                                    if (section, item.id) in removed_ids)
                     for section in {section for section, _ in removed_ids}}
    head_jumps = {jump_key(jump) for jump in head.index.jumps}
    base_jumps = {jump_key(jump) for jump in base.index.jumps}
    modules = {page.id: base.index.page_module[page.id] for page in removed_items.get("pages", ())}
    return Marks(changes.base.name, items, removed_items, modules,
                 frozenset(head_jumps - base_jumps),
                 tuple(jump for jump in base.index.jumps if jump_key(jump) not in head_jumps),
                 **_flow_marks(base, head), **_lifecycle_marks(base, head))


def _pairs(base: Project, head: Project, section: str) -> list[tuple[Spec, Spec]]:
    before = base.index.items[section]
    return [(before[item.id], item) for item in head.index.listed[section] if item.id in before]


def _by_id(parts: Sequence[Spec]) -> dict[str, Spec]:
    found: dict[str, Spec] = {}
    for part in parts:
        found.setdefault(part.id, part)   # type: ignore[attr-defined]
    return found


def _part_marks(owner: str, before: Sequence[Spec], after: Sequence[Spec],
                alike: Callable[[Any, Any], bool]
                ) -> tuple[dict[tuple[str, str], str], tuple[Any, ...]]:
    old, new = _by_id(before), _by_id(after)
    marks = {(owner, part_id): ADDED for part_id in new if part_id not in old}
    marks.update({(owner, part_id): CHANGED for part_id, part in new.items()
                  if part_id in old and not alike(old[part_id], part)})
    return marks, tuple(part for part_id, part in old.items() if part_id not in new)


def _flow_marks(base: Project, head: Project) -> dict:
    steps, removed_steps, new_links, removed_links = {}, {}, set(), {}
    for before, after in _pairs(base, head, "flows"):
        assert isinstance(before, Flow) and isinstance(after, Flow)
        marks, removed = _part_marks(after.id, before.steps, after.steps, _same_step)
        steps.update(marks)
        if removed:
            removed_steps[after.id] = removed
        old = {(step.id, arrow.to): arrow for step in before.steps for arrow in step.next}
        new = {(step.id, arrow.to) for step in after.steps for arrow in step.next}
        new_links |= {(after.id, *link) for link in new - set(old)}
        gone = tuple((link[0], arrow) for link, arrow in old.items() if link not in new)
        if gone:
            removed_links[after.id] = gone
    return {"steps": steps, "removed_steps": removed_steps, "new_links": frozenset(new_links),
            "removed_links": removed_links}


def _same_step(before: Step, after: Step) -> bool:
    return same(before.model_copy(update={"next": []}), after.model_copy(update={"next": []}))


def _lifecycle_marks(base: Project, head: Project) -> dict:
    states, removed_states, new_transitions, removed_transitions = {}, {}, set(), {}
    for before, after in _pairs(base, head, "objects"):
        assert isinstance(before, BusinessObject) and isinstance(after, BusinessObject)
        if before.lifecycle is None or after.lifecycle is None:
            continue
        marks, removed = _part_marks(after.id, before.lifecycle.states, after.lifecycle.states,
                                     same)
        states.update(marks)
        if removed:
            removed_states[after.id] = removed
        old = {plain(transition): transition for transition in before.lifecycle.transitions}
        new = {plain(transition) for transition in after.lifecycle.transitions}
        new_transitions |= {(after.id, key) for key in new - set(old)}
        gone = tuple(transition for key, transition in old.items() if key not in new)
        if gone:
            removed_transitions[after.id] = gone
    return {"states": states, "removed_states": removed_states,
            "new_transitions": frozenset(new_transitions),
            "removed_transitions": removed_transitions}
