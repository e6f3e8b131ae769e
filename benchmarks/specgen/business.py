"""Roles, business objects (attributes, relations, lifecycles) and swimlane flows."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from . import vocab
from .plan import ModuleInfo
from .yamlout import Inline, PlainKey

ON = PlainKey("on")

BASE_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("code", "编号", "id"), ("amount", "金额", "money"), ("created_at", "创建时间", "datetime"),
)
EXTRA_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("quantity", "数量", "integer"), ("cover", "封面图", "image"), ("note", "备注", "text"),
    ("expire_at", "过期时间", "datetime"), ("tags", "标签", "list"), ("score", "评分", "number"),
)
STAGES: tuple[tuple[str, str], ...] = (("apply", "申请"), ("review", "审核"), ("deliver", "交付"))


@dataclass(frozen=True)
class RoleInfo:
    id: str
    name: str
    kind: str


def make_roles(count: int) -> tuple[RoleInfo, ...]:
    return tuple(RoleInfo(*role) for role in vocab.ROLES[:count])


def role_item(role: RoleInfo) -> dict[str, Any]:
    return {"id": role.id, "name": role.name, "kind": role.kind,
            "description": f"{role.name}（{role.kind}）"}


def object_ids(module: ModuleInfo) -> list[str]:
    ids = []
    for index in range(module.counts.objects):
        suffix, _ = vocab.OBJECT_SUFFIXES[index % len(vocab.OBJECT_SUFFIXES)]
        round_number = index // len(vocab.OBJECT_SUFFIXES)
        base = f"{module.id}_{suffix}" if suffix else module.id
        ids.append(base if round_number == 0 else f"{base}{round_number + 1}")
    return ids


def make_object(module: ModuleInfo, index: int, ids: list[str], roles: tuple[RoleInfo, ...],
                rng: random.Random) -> dict[str, Any]:
    _, suffix_title = vocab.OBJECT_SUFFIXES[index % len(vocab.OBJECT_SUFFIXES)]
    name = f"{module.noun}{suffix_title}" + (f" {index + 1}" if index >= len(vocab.OBJECT_SUFFIXES)
                                              else "")
    lifecycle = rng.choice(vocab.LIFECYCLES) if rng.random() < 0.8 else None
    item: dict[str, Any] = {"id": ids[index], "name": name,
                            "description": f"{module.title}模块的{name}。",
                            "attributes": _attributes(lifecycle, rng)}
    relations = _relations(index, ids)
    if relations:
        item["relations"] = relations
    if lifecycle:
        item["lifecycle"] = _lifecycle(lifecycle, roles, rng)
    return item


def _attributes(lifecycle: tuple[tuple[str, str], ...] | None, rng: random.Random) -> list[dict]:
    chosen = list(BASE_ATTRIBUTES) + rng.sample(EXTRA_ATTRIBUTES, k=rng.randint(1, 4))
    attributes: list[dict] = []
    for attribute_id, name, attribute_type in chosen:
        attribute: dict[str, Any] = {"id": attribute_id, "name": name, "type": attribute_type}
        if attribute_id == "code":
            attribute["required"] = True
        attributes.append(attribute)
    if lifecycle:
        attributes.append({"id": "status", "name": "状态", "type": "enum", "required": True,
                           "values": Inline([name for _, name in lifecycle])})
    return attributes


def bindings_of(objects: list[dict]) -> tuple[tuple[str, str], ...]:
    """(`object.attribute`, label) of every attribute, for elements that show one."""
    return tuple((f"{item['id']}.{attribute['id']}", f"{item['name']}{attribute['name']}")
                 for item in objects for attribute in item["attributes"])


def _relations(index: int, ids: list[str]) -> list[dict]:
    if index == 0:
        return [{"to": other, "cardinality": "0..n", "label": "包含"} for other in ids[1:3]]
    return [{"to": ids[0], "cardinality": 1, "label": "属于"}]


def _lifecycle(states: tuple[tuple[str, str], ...], roles: tuple[RoleInfo, ...],
               rng: random.Random) -> dict[str, Any]:
    """A chain of states to a final one, and a way to `cancelled` from the first two."""
    state_ids = [state_id for state_id, _ in states]
    transitions: list[dict] = []
    for source, target in zip(state_ids, state_ids[1:]):
        transitions.append({"from": source, "to": target, ON: rng.choice(vocab.TRANSITION_EVENTS),
                            "by": rng.choice(roles).id})
    for source in state_ids[:2]:
        transitions.append({"from": source, "to": "cancelled", ON: "取消",
                            "when": "尚未发货" if source == state_ids[0] else "未超过 24 小时"})
    return {"states": [{"id": state_id, "name": name} for state_id, name in states]
            + [{"id": "cancelled", "name": "已取消"}],
            "initial": state_ids[0], "final": Inline([state_ids[-1], "cancelled"]),
            "transitions": transitions}


def make_flow(flow_id: str, title: str, roles: tuple[RoleInfo, ...],
              rng: random.Random) -> dict[str, Any]:
    """A swimlane flow of 6-10 steps on 3 lanes: start, tasks, a review decision with two
    labelled exits, a fix that loops back or ends, and an end."""
    lanes = _lanes(roles, rng)
    total = rng.randint(6, 10)
    two_ends = total >= 7 and rng.random() < 0.5
    tasks = total - 4 - two_ends
    before = rng.randint(1, tasks - 1)
    labels = iter(rng.sample(vocab.FLOW_TASKS, k=len(vocab.FLOW_TASKS)) * 2)
    steps = [_step("start", lanes[0], "apply", "start", f"发起{title}", "task1")]
    for number in range(1, tasks + 1):
        after_review = number > before
        following = ("review" if number == before else
                     "end" if number == tasks else f"task{number + 1}")
        steps.append(_step(f"task{number}", lanes[(number + 1) % 3],
                           "deliver" if after_review else "apply", "task", next(labels), following))
    steps.append(_step("review", lanes[1], "review", "decision", "审核是否通过",
                       [{"to": f"task{before + 1}", "when": "通过"}, {"to": "fix", "when": "不通过"}]))
    steps.append(_step("fix", lanes[0], "review", "task", "补充材料",
                       "end_rejected" if two_ends else "task1"))
    steps.append(_step("end", lanes[0], "deliver", "end", "完成", None))
    if two_ends:
        steps.append(_step("end_rejected", lanes[0], "review", "end", "关闭申请", None))
    return {"id": flow_id, "title": title, "description": f"{title}：从发起到完成的业务流程。",
            "lanes": Inline(lanes),
            "stages": [{"id": stage_id, "title": name} for stage_id, name in STAGES],
            "steps": steps}


def _lanes(roles: tuple[RoleInfo, ...], rng: random.Random) -> list[str]:
    """A user, a staff member and a system or partner when the project has them."""
    groups = [[role for role in roles if role.kind in kinds]
              for kinds in (("user",), ("staff",), ("system", "external"))]
    if all(groups):
        return [rng.choice(group).id for group in groups]
    return [role.id for role in rng.sample(roles, k=3)]


def _step(step_id: str, lane: str, stage: str, kind: str, label: str,
          following: str | list[dict] | None) -> dict[str, Any]:
    step: dict[str, Any] = {"id": step_id, "lane": lane, "stage": stage}
    if kind != "task":
        step["kind"] = kind
    step["label"] = label
    if following is not None:
        step["next"] = following
    return step
