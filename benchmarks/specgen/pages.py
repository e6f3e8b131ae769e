"""Pages and dialogs: elements with their jumps, states, copy, bound attributes and the
rules they cite. Each function returns plain data ready to be written as YAML."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Mapping

from . import vocab
from .plan import NORMAL, ModuleInfo, PageStub, Shape, hub_id
from .yamlout import Inline

REQUIRED_STATES = ("empty", "loaded", "error", "offline")


@dataclass(frozen=True)
class PageContext:
    """What a page needs to know about the rest of the project."""

    module: ModuleInfo
    titles: Mapping[str, str]
    """Title of every page this module's pages can jump to (its own and other hubs)."""
    hub_links: Mapping[str, tuple[str, ...]]
    """Page id -> hubs of other modules it links to."""
    cited_rules: Mapping[str, tuple[str, ...]]
    """Page id -> rules that one of its elements cites."""
    bindings: tuple[tuple[str, str], ...]
    """(`object.attribute`, label) of the values elements may show."""
    user_roles: tuple[str, ...]
    home: str
    """The first entry page (where result pages lead back to)."""
    citations: list[tuple[str, str]] = field(default_factory=list)
    """Filled while writing: (rule id, `page.element`) for every element that cites a rule."""
    shape: Shape = NORMAL


def is_form(stub: PageStub) -> bool:
    return stub.slug in vocab.FORM_PAGE_KINDS


def make_page(stub: PageStub, context: PageContext, rng: random.Random) -> dict[str, Any]:
    if stub.kind != "page":
        return _dialog(stub, context, rng)
    menu = (f"{context.module.title} / {stub.section} / {stub.title}"
            if stub.section and stub.section != stub.title else
            f"{context.module.title} / {stub.title}")
    page: dict[str, Any] = {"id": stub.id, "title": stub.title, "module": context.module.id,
                            "menu": menu}
    if stub.entry:
        page["entry"] = Inline(stub.entry)
    if context.module.device == "web":
        page["device"] = "web"
    if stub.slug == "result" and not stub.children and not stub.links:
        page["terminal"] = True
    if is_form(stub):
        page["loads_data"] = False
    if rng.random() < 0.3:
        page["roles"] = Inline(rng.sample(context.user_roles, k=min(2, len(context.user_roles))))
    if rng.random() < 0.5:
        page["description"] = f"{stub.title}：{context.module.title}模块的{stub.title}页面。"
    page["elements"] = _page_elements(stub, context, rng)
    if not is_form(stub):
        page["states"] = _states(context.module.noun, rng)
    if rng.random() < 0.3:
        page["copy"] = {"share_title": f"{stub.title}，点开查看", "toast_done": "操作成功"}
    return page


def _page_elements(stub: PageStub, context: PageContext, rng: random.Random) -> list[dict]:
    elements = [_navbar(stub)]
    for child in stub.children:
        elements.append(_link(child, context.titles[child], stub, rng))
    for hub in context.hub_links.get(stub.id, ()):
        elements.append({"id": f"go_{hub.split('-')[0]}", "type": "card",
                         "label": context.titles[hub], "on_tap": hub})
    for dialog in stub.dialogs:
        elements.append({"id": f"open_{dialog.split('-', 1)[1]}", "type": "button",
                         "label": context.titles[dialog].split(" ")[0], "on_tap": dialog})
    if stub.slug == "result" and not stub.children and stub.id != context.home:
        elements.append({"id": "back_home", "type": "button", "label": "返回首页",
                         "on_tap": context.home})
    if is_form(stub):
        elements.append(_submit())
    lowest, highest = context.shape.elements
    room = max(0, highest - 1 - len(elements))
    for number, linked in enumerate(stub.links[:room], start=1):
        element = _link(linked, context.titles[linked], stub, rng)
        element["id"] = f"to{number}_{linked.split('-', 1)[1]}"
        elements.append(element)
    target = rng.randint(lowest, highest)
    content_count = max(1, target - len(elements))
    content = (_form_fields if is_form(stub) else _content)(content_count, context, rng)
    elements[1:1] = content
    _cite(stub, elements, context)
    return elements


def _navbar(stub: PageStub) -> dict[str, Any]:
    navbar: dict[str, Any] = {"id": "nav", "type": "navbar", "label": stub.title}
    if "tab" not in stub.entry:
        navbar["on_tap"] = "back"
    return navbar


def _link(target: str, title: str, stub: PageStub, rng: random.Random) -> dict[str, Any]:
    element_type = rng.choice(vocab.LINK_TYPES)
    element: dict[str, Any] = {"id": f"go_{target.split('-', 1)[1]}", "type": element_type,
                               "label": f"{rng.choice(vocab.LINK_LABELS)}{title}"}
    event = "on_select" if element_type == "list" else "on_tap"
    if element_type == "list":
        element["items"] = Inline([f"{title} {row}" for row in (1, 2, 3)])
    roll = rng.random()
    if roll < 0.2 and stub.dialogs:
        condition, _ = rng.choice(vocab.JUMP_CONDITIONS)
        element[event] = [{"to": target, "when": condition, "effect": rng.choice(vocab.EFFECTS)},
                          {"to": stub.dialogs[0]}]
    elif roll < 0.5:
        element[event] = [{"to": target, "effect": rng.choice(vocab.EFFECTS)}]
    else:
        element[event] = target
    return element


def _submit() -> dict[str, Any]:
    return {"id": "submit", "type": "button", "label": "提交",
            "on_tap": [{"to": "back", "effect": "校验必填项后保存，并提示「已保存」"}]}


def _content(count: int, context: PageContext, rng: random.Random) -> list[dict]:
    noun = context.module.noun
    elements: list[dict] = [{"id": "list", "type": "list", "label": f"{noun}列表",
                             "items": Inline([f"{noun} {row}" for row in (1, 2, 3)])}]
    for index in range(1, count):
        if context.bindings and rng.random() < 0.4:
            binding, label = rng.choice(context.bindings)
            elements.append({"id": f"field{index}", "type": "text", "label": label,
                             "shows": binding})
            continue
        element_type, label = rng.choice(vocab.CONTENT_ELEMENTS)
        elements.append({"id": f"{element_type}{index}", "type": element_type, "label": label})
    return elements


def _form_fields(count: int, context: PageContext, rng: random.Random) -> list[dict]:
    elements = []
    for index in range(count):
        element_type, label, placeholder = rng.choice(vocab.FORM_ELEMENTS)
        element: dict[str, Any] = {"id": f"{element_type}{index}", "type": element_type,
                                   "label": label}
        if placeholder:
            element["placeholder"] = placeholder
        if element_type in ("select", "radio"):
            element["items"] = Inline(["选项一", "选项二", "选项三"])
        elements.append(element)
    return elements


def _cite(stub: PageStub, elements: list[dict], context: PageContext) -> None:
    """The first element after the navbar cites the page's rules."""
    rules = context.cited_rules.get(stub.id, ())
    if rules:
        elements[1]["rules"] = Inline(rules)
        context.citations.extend((rule, f"{stub.id}.{elements[1]['id']}") for rule in rules)


def _states(noun: str, rng: random.Random) -> dict[str, Any]:
    names = REQUIRED_STATES + (("loading",) if rng.random() < 0.3 else ())
    states: dict[str, Any] = {}
    for name in names:
        text = vocab.STATE_TEXTS[name].format(noun=noun)
        if name == "empty" and rng.random() < 0.5:
            states[name] = {"description": text, "hides": Inline(["list"]), "copy": f"还没有{noun}"}
        else:
            states[name] = text
    return states


def _dialog(stub: PageStub, context: PageContext, rng: random.Random) -> dict[str, Any]:
    confirm_label = next(label for slug, _, label in vocab.DIALOG_KINDS if slug == stub.slug)
    dialog: dict[str, Any] = {"id": stub.id, "title": stub.title, "kind": stub.kind,
                              "module": context.module.id}
    if rng.random() < 0.5:
        dialog["dismissible"] = True
    elements = [{"id": "message", "type": "text", "label": f"{stub.title}：请确认以下信息"}]
    elements.extend(_form_fields(rng.randint(1, 3) + context.shape.dense, context, rng))
    elements.append({"id": "cancel", "type": "button", "label": "取消", "on_tap": "close"})
    elements.append(_confirm(confirm_label, context, rng))
    _cite(stub, elements, context)
    dialog["elements"] = elements
    return dialog


def _confirm(label: str, context: PageContext, rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.3:
        condition, fallback = rng.choice(vocab.JUMP_CONDITIONS)
        jumps = [{"to": hub_id(context.module), "when": condition, "effect": rng.choice(vocab.EFFECTS)},
                 {"to": "close", "effect": fallback}]
    else:
        jumps = [{"to": "close", "effect": rng.choice(vocab.EFFECTS)}]
    return {"id": "confirm", "type": "button", "label": label, "on_tap": jumps}
