"""A whole synthetic project: `pmdocs.yml`, the roles, and each module's items split into
files of about FILE_ITEMS items. The result maps relative paths to file texts."""

from __future__ import annotations

import dataclasses
import datetime
import random
from typing import Any

from .business import RoleInfo, bindings_of, make_flow, make_object, make_roles, object_ids, \
    role_item
from .features import RELEASES, chunk, feature_ids, make_feature
from .pages import REQUIRED_STATES, PageContext, make_page
from .plan import (DENSE, NORMAL, ModuleInfo, Shape, counts_for, dense_counts_for, hub_children,
                   hub_id, modules_for)
from .rules import RuleLinks, make_rule
from .stubs import hub_title, module_stubs
from .yamlout import Inline, dump

FILE_ITEMS = 20
FLOW_NAMES = ("申请", "退款", "审核", "结算", "补货")


def generate(total: int, seed: int, dense: bool = False) -> dict[str, str]:
    """Relative path -> text of every file of a project of `total` items (`dense`: the shape
    of a large product, see `plan.Shape`)."""
    shape = DENSE if dense else NORMAL
    counts = (dense_counts_for if dense else counts_for)(total)
    modules = modules_for(counts, shape)
    roles = make_roles(counts.roles)
    files = {"pmdocs.yml": _settings_file(modules, total, seed)}
    files.update(_split("roles", [("roles", role_item(role)) for role in roles], "角色"))
    for module in modules:
        items = _module_items(module, modules, roles, random.Random(f"{seed}/{module.id}"), shape)
        folder = f"specs/{module.id}"
        files.update(_split(f"{folder}/pages", items["pages"], f"{module.title} · 页面"))
        files.update(_split(f"{folder}/features", items["features"], f"{module.title} · 需求"))
        files.update(_split(f"{folder}/rules", items["rules"], f"{module.title} · 规则"))
        files.update(_split(f"{folder}/model", items["model"], f"{module.title} · 对象与流程"))
    return files


def _settings_file(modules: tuple[ModuleInfo, ...], total: int, seed: int) -> str:
    settings: dict[str, Any] = {
        "name": "云选商城", "version": "2.3",
        "summary": f"合成的基准项目：{total} 个条目（benchmarks/gen_spec.py，seed {seed}）。",
        "goals": ["新客首单转化率提升到 12%", "售后处理时长缩短到 24 小时内"],
        "language": "zh",
        "glossary": {"SKU": "库存量单位，商品的最小售卖规格", "GMV": "成交总额，含未支付订单"},
        "releases": [{"id": release_id, "title": title,
                      "date": datetime.date.fromisoformat(date)}
                     for release_id, title, date in RELEASES],
        "modules": [{"id": module.id, "title": module.title} for module in modules],
        "check": {"required_states": Inline(list(REQUIRED_STATES))},
    }
    return dump(settings, "云选商城：由 benchmarks/gen_spec.py 生成的合成项目")


def _split(stem: str, pairs: list[tuple[str, dict]], label: str) -> dict[str, str]:
    """Files of at most FILE_ITEMS (section, item) pairs: `stem.yml` or `stem-1.yml` …"""
    parts = [pairs[start:start + FILE_ITEMS] for start in range(0, len(pairs), FILE_ITEMS)]
    files = {}
    for number, part in enumerate(parts, start=1):
        document: dict[str, list[dict]] = {}
        for section, item in part:
            document.setdefault(section, []).append(item)
        name = f"{stem}.yml" if len(parts) == 1 else f"{stem}-{number}.yml"
        header = label if len(parts) == 1 else f"{label}（{number}/{len(parts)}）"
        files[name] = dump(document, header)
    return files


def _module_items(module: ModuleInfo, modules: tuple[ModuleInfo, ...],
                  roles: tuple[RoleInfo, ...], rng: random.Random,
                  shape: Shape = NORMAL) -> dict[str, list]:
    """(section, item) pairs of one module, per file group: pages, features, rules, model."""
    object_list = object_ids(module)
    objects = [make_object(module, index, object_list, roles, rng)
               for index in range(len(object_list))]
    flows = [make_flow(f"{module.id}-flow{number + 1}",
                       f"{module.noun}{FLOW_NAMES[number % len(FLOW_NAMES)]}流程", roles, rng)
             for number in range(module.counts.flows)]
    stubs = module_stubs(module, rng, shape)
    rule_list = [f"{module.id}-r{number:02d}" for number in range(1, module.counts.rules + 1)]
    context = dataclasses.replace(
        _page_context(module, modules, stubs, rule_list, objects, roles, rng), shape=shape)
    pages = [make_page(stub, context, rng) for stub in stubs]
    links = _feature_links(module, [stub.id for stub in stubs], rule_list,
                           [flow["id"] for flow in flows], object_list)
    user_roles = [role for role in roles if role.kind == "user"] or list(roles)
    features = [make_feature(module, index, links[index], user_roles, rng)
                for index in range(module.counts.features)]
    rules = _rules(module, rule_list, links, context.citations, roles, rng)
    return {"pages": [("pages", page) for page in pages],
            "features": [("features", feature) for feature in features],
            "rules": [("rules", rule) for rule in rules],
            "model": [("objects", item) for item in objects] + [("flows", flow) for flow in flows]}


def _page_context(module: ModuleInfo, modules: tuple[ModuleInfo, ...], stubs: list,
                  rule_list: list[str], objects: list[dict], roles: tuple[RoleInfo, ...],
                  rng: random.Random) -> PageContext:
    """What the module's pages link to, show and cite; rules are cited by random pages."""
    children = hub_children(modules, module.index)
    titles = {stub.id: stub.title for stub in stubs}
    titles.update({hub_id(other): hub_title(other) for other in modules
                   if hub_id(other) in children})
    cited: dict[str, tuple[str, ...]] = {}
    for rule_id in rule_list:
        page_id = stubs[rng.randrange(len(stubs))].id
        cited[page_id] = cited.get(page_id, ()) + (rule_id,)
    user_roles = tuple(role.id for role in roles if role.kind == "user") or (roles[0].id,)
    return PageContext(module, titles, {hub_id(module): children}, cited, bindings_of(objects),
                       user_roles, hub_id(modules[0]))


def _feature_links(module: ModuleInfo, page_list: list[str], rule_list: list[str],
                   flow_list: list[str], object_list: list[str]) -> list[dict[str, list[str]]]:
    """Per feature, the ids it links: contiguous slices, so every page and rule is covered."""
    count = module.counts.features
    return [{"pages": chunk(page_list, count, index), "rules": chunk(rule_list, count, index),
             "flows": chunk(flow_list, count, index), "objects": chunk(object_list, count, index)}
            for index in range(count)]


def _rules(module: ModuleInfo, rule_list: list[str], links: list[dict[str, list[str]]],
           citations: list[tuple[str, str]], roles: tuple[RoleInfo, ...],
           rng: random.Random) -> list[dict]:
    owner = {rule_id: feature_ids(module)[index] for index, feature_links in enumerate(links)
             for rule_id in feature_links["rules"]}
    editors = tuple(role.id for role in roles if role.kind == "staff")[:1]
    return [make_rule(module, rule_id, RuleLinks(
                owner.get(rule_id), tuple(element for cited, element in citations if cited == rule_id),
                editors), rng) for rule_id in rule_list]
