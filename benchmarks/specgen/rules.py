"""Business rules: complete decision tables over 2-3 inputs (enum, bool, integer threshold),
parameters with defaults and ranges, and for some a `limit` block."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from typing import Any, Sequence

from . import vocab
from .plan import ModuleInfo
from .yamlout import Inline

ANY = "-"
LIMIT_CHANCE = 0.75
"""Of eligibility and reward rules (a third of the topics): about a quarter of all rules."""
PARAMETERS: tuple[dict[str, Any], ...] = (
    {"id": "reward_points", "title": "奖励积分", "type": "integer", "default": 50, "min": 0,
     "max": 1000, "unit": "分"},
    {"id": "discount_rate", "title": "折扣率", "type": "percent", "default": 90, "min": 50,
     "max": 100, "unit": "%"},
    {"id": "free_shipping", "title": "包邮门槛", "type": "money", "default": 99, "min": 0,
     "max": 500, "unit": "元"},
    {"id": "banner_style", "title": "横幅样式", "type": "enum", "default": "简洁",
     "values": Inline(["简洁", "节日", "大促"])},
)
DAILY_MAX: dict[str, Any] = {"id": "daily_max", "title": "每日上限", "type": "integer",
                             "default": 3, "min": 1, "max": 20, "unit": "次"}


@dataclass(frozen=True)
class Column:
    """One input of a decision table and the conditions that split its domain."""

    spec: dict[str, Any]
    conditions: tuple[Any, ...]


def _columns(has_limit: bool, rng: random.Random) -> list[Column]:
    """An enum, a bool and (for 3-input tables) an integer threshold or another bool; a
    limited rule compares today's count with its `$daily_max` parameter."""
    enum_id, enum_title, values = rng.choice(vocab.ENUM_INPUTS)
    bool_inputs = rng.sample(vocab.BOOL_INPUTS, k=2)
    columns = [Column({"id": enum_id, "title": enum_title, "type": "enum",
                       "values": Inline(values)}, values),
               Column({"id": bool_inputs[0][0], "title": bool_inputs[0][1], "type": "bool"},
                      (True, False))]
    if has_limit:
        columns.append(Column({"id": "attempts_today", "title": "今日已参与次数", "type": "integer",
                               "min": 0, "max": 100}, ("< $daily_max", ">= $daily_max")))
    elif rng.random() < 0.5:
        if rng.random() < 0.6:
            int_id, int_title, threshold, unit = rng.choice(vocab.INT_INPUTS)
            columns.append(Column({"id": int_id, "title": f"{int_title}（{unit}）",
                                   "type": "integer", "min": 0, "max": 100000},
                                  (f"< {threshold}", f">= {threshold}")))
        else:
            columns.append(Column({"id": bool_inputs[1][0], "title": bool_inputs[1][1],
                                   "type": "bool"}, (True, False)))
    if rng.random() < 0.3:
        columns.reverse()
    return columns


def _conditions(columns: Sequence[Column]) -> list[dict[str, Any]]:
    """Every combination once; rows where the first bool input is false collapse into one
    row with `-` (any) for the other inputs, as a PM writes "not logged in: …"."""
    gate = next(index for index, column in enumerate(columns) if column.spec["type"] == "bool")
    rows: list[dict[str, Any]] = []
    for combination in itertools.product(*(column.conditions for column in columns)):
        if combination[gate] is False:
            continue
        rows.append({column.spec["id"]: value for column, value in zip(columns, combination)})
    rows.append({column.spec["id"]: (False if index == gate else ANY)
                 for index, column in enumerate(columns)})
    return rows


def _outcome(target: str | None, rng: random.Random) -> Any:
    result = rng.choice(vocab.OUTCOMES)
    roll = rng.random()
    if roll < 0.5 or target is None:
        return result
    outcome: dict[str, Any] = {"result": result, "copy": f"{result}，详情见活动说明"}
    if roll < 0.8:
        outcome["to"] = target
    else:
        outcome["effect"] = rng.choice(vocab.EFFECTS)
    return outcome


def _table(columns: list[Column], target: str | None, rng: random.Random) -> tuple[str, list]:
    """(hit policy, rows): most tables are `unique`; some are `first` with a few exception
    rows before a catch-all row."""
    conditions = _conditions(columns)
    if rng.random() < 0.8:
        return "unique", [{"when": when, "then": _outcome(target, rng)} for when in conditions]
    chosen = sorted(rng.sample(range(len(conditions) - 1), k=max(1, (len(conditions) - 1) // 3)))
    rows = [{"when": conditions[index], "then": _outcome(target, rng)} for index in chosen]
    rows.append({"when": {column.spec["id"]: ANY for column in columns},
                 "then": _outcome(target, rng), "note": "其余情况"})
    return "first", rows


@dataclass(frozen=True)
class RuleLinks:
    """What a rule applies to, known once pages and features are written."""

    feature: str | None
    elements: tuple[str, ...]
    """`page.element` of every element that cites the rule."""
    editors: tuple[str, ...]
    """Staff roles that may change its parameters."""


def make_rule(module: ModuleInfo, rule_id: str, links: RuleLinks,
              rng: random.Random) -> dict[str, Any]:
    topic, topic_title = rng.choice(vocab.RULE_TOPICS)
    title = f"{module.noun}{topic_title}"
    pages = list(dict.fromkeys(element.split(".")[0] for element in links.elements))
    has_limit = topic in ("eligibility", "reward") and rng.random() < LIMIT_CHANCE
    columns = _columns(has_limit, rng)
    hit, table = _table(columns, pages[0] if pages else None, rng)
    rule: dict[str, Any] = {"id": rule_id, "title": title,
                            "description": f"决定{module.noun}的{topic_title}："
                                           f"按{'、'.join(c.spec['title'] for c in columns)}判断。"}
    applies_to: dict[str, Any] = {}
    if links.feature:
        applies_to["features"] = Inline([links.feature])
    if pages:
        applies_to["pages"] = Inline(pages)
        applies_to["elements"] = Inline(list(links.elements))
    if applies_to:
        rule["applies_to"] = applies_to
    rule["parameters"] = _parameters(has_limit, links.editors, rng)
    rule["inputs"] = [column.spec for column in columns]
    if hit != "unique":
        rule["hit"] = hit
    rule["table"] = table
    if has_limit:
        rule["limit"] = _limit(rng)
    return rule


def _parameters(has_limit: bool, editors: tuple[str, ...], rng: random.Random) -> list[dict]:
    chosen = [dict(item) for item in rng.sample(PARAMETERS, k=rng.randint(1, 2))]
    if has_limit:
        chosen.insert(0, dict(DAILY_MAX))
    for parameter in chosen:
        if editors:
            parameter["editable_by"] = Inline(editors)
    return chosen


def _limit(rng: random.Random) -> dict[str, Any]:
    """Who is counted, over which window, what counts, and what is given back."""
    window_kind = rng.choice(("calendar_day", "rolling", "campaign_period"))
    if window_kind == "calendar_day":
        window: Any = {"kind": window_kind, "timezone": "Asia/Shanghai", "reset": "00:00"}
    elif window_kind == "rolling":
        window = {"kind": window_kind, "duration": rng.choice(("24h", "7d"))}
    else:
        window = window_kind
    return {"subject": rng.choice(("user", "account", "device")), "scope": "活动",
            "window": window, "counts": rng.choice(("success", "attempt")),
            "returned_on": Inline(["refund", "cancel"]), "max": "$daily_max",
            "exceeded": "次数已用完，下个周期再来"}
