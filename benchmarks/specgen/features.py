"""Features: a story, priority, release, acceptance criteria, and links that cover every
page and rule of their module."""

from __future__ import annotations

import random
from typing import Any, Sequence, TypeVar

from . import vocab
from .business import RoleInfo
from .plan import ModuleInfo
from .yamlout import Inline

RELEASES: tuple[tuple[str, str, str], ...] = (
    ("v1_0", "1.0 首发", "2025-03-01"), ("v1_1", "1.1 体验优化", "2025-05-15"),
    ("v1_2", "1.2 营销玩法", "2025-08-01"), ("v2_0", "2.0 全渠道", "2025-11-11"),
)
PRIORITIES: tuple[str, ...] = ("P0", "P1", "P1", "P2", "P2", "P2", "P3")
STATUSES: tuple[str, ...] = ("draft", "review", "approved", "approved", "building", "done")

Item = TypeVar("Item")


def chunk(items: Sequence[Item], parts: int, index: int) -> list[Item]:
    """The `index`-th of `parts` contiguous, near-equal slices of `items`."""
    start = index * len(items) // parts
    end = (index + 1) * len(items) // parts
    return list(items[start:end])


def feature_ids(module: ModuleInfo) -> list[str]:
    return [f"{module.id}-f{number:02d}" for number in range(1, module.counts.features + 1)]


def make_feature(module: ModuleInfo, index: int, links: dict[str, list[str]],
                 user_roles: Sequence[RoleInfo], rng: random.Random) -> dict[str, Any]:
    """Feature `index` of the module; `links` holds the ids it covers, per section."""
    action = vocab.FEATURE_ACTIONS[index % len(vocab.FEATURE_ACTIONS)].format(noun=module.noun)
    if index >= len(vocab.FEATURE_ACTIONS):
        action += f" {index // len(vocab.FEATURE_ACTIONS) + 1}"
    roles = rng.sample(list(user_roles), k=min(len(user_roles), rng.randint(1, 2)))
    priority = rng.choice(PRIORITIES)
    release = RELEASES[min(int(priority[1]), len(RELEASES) - 1)][0]
    feature: dict[str, Any] = {
        "id": feature_ids(module)[index], "title": action,
        "story": f"作为{roles[0].name}，我想要{action}，以便{rng.choice(vocab.BENEFITS)}。",
        "priority": priority, "status": rng.choice(STATUSES), "release": release,
        "owner": rng.choice(vocab.OWNERS), "roles": Inline([role.id for role in roles])}
    for section in ("pages", "rules", "flows", "objects"):
        if links.get(section):
            feature[section] = Inline(links[section])
    feature["acceptance"] = [_criterion(module, action, number)
                             for number in range(rng.randint(1, 3))]
    return feature


def _criterion(module: ModuleInfo, action: str, number: int) -> dict[str, str]:
    givens = (f"用户已登录，且有 3 条{module.noun}", "用户未登录", "网络断开")
    thens = (f"2 秒内展示 3 条{module.noun}，按时间倒序", "跳转登录页，登录后回到当前页",
             "展示「网络不可用」提示和「重试」按钮")
    return {"given": givens[number], "when": f"进入「{action}」", "then": thens[number]}
