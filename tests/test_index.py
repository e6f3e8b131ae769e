"""The project index (`pmdocs.model.index`): the facts several stages share, derived once —
and the stages agree on them (a module's page map is drawn, written and linked under one key)."""

from __future__ import annotations

import re

from pmdocs.graph import all_diagrams
from pmdocs.labels import labels_for
from pmdocs.messages import place
from pmdocs.pipeline import render_project as render_site
from pmdocs.render.prototype import prototype
from pmdocs.render.context import build_context
from pmdocs.layout import GraphvizLayout
from tests.test_graph import make_project

PAGES = [
    {"id": "home", "title": "首页", "module": "首页", "entry": "tab",
     "elements": [{"id": "go", "type": "button", "label": "我的订单", "on_tap": "orders"},
                  {"id": "tip", "type": "button", "label": "说明", "on_tap": "help"}]},
    {"id": "orders", "title": "我的订单", "module": "我的", "elements": [
        {"id": "back", "type": "link", "label": "返回", "on_tap": "back"}]},
    {"id": "help", "title": "说明", "kind": "dialog", "module": "我的",
     "elements": [{"id": "ok", "type": "button", "label": "知道了", "on_tap": "close"}]},
    {"id": "loose", "title": "无模块页", "elements": [
        {"id": "x", "type": "link", "label": "去", "on_tap": "nowhere"}]},
]


def test_modules_only_pages_name_have_one_key_everywhere() -> None:
    """No `modules:` in pmdocs.yml and pages naming `我的`: the diagram, the page map's page,
    the overview's link to it and the prototype's sitemap all use one key (they did not:
    the graph drew `pagemap-我的` while the site wrote `pagemap/_other.md`)."""
    project = make_project(pages=PAGES)
    index = project.index
    assert [(module.title, module.declared) for module in index.modules] == [
        ("我的", False), ("首页", False), (labels_for("zh")["no_module"], False)]
    keys = [module.key for module in index.modules]
    assert all(re.fullmatch(r"module-[0-9a-f]{8}|_other", key) for key in keys), keys
    assert index.page_module == {"home": keys[1], "orders": keys[0], "help": keys[0],
                                 "loose": "_other"}

    diagrams = {diagram.id for diagram in all_diagrams(project, labels_for("zh"))}
    rendered = render_site(project, [], GraphvizLayout(None))
    for key in keys:
        assert f"pagemap-{key}" in diagrams
        page = rendered.documents[f"pagemap/{key}.md"]
        assert f'data-pmdocs-diagram="pagemap-{key}"' in page
        assert rendered.diagrams[f"pagemap-{key}"]
    assert not [path for path in rendered.documents if path.startswith("pagemap/")
                and path[len("pagemap/"):-3] not in keys + ["index"]]
    overview = rendered.documents["pagemap/index.md"]
    assert all(f'<a href="{key}.html">' in overview for key in keys)

    sitemap = prototype(build_context(project, [], [], {})).sitemap
    assert [group.title for group in sitemap] == [module.title for module in index.modules]


def test_a_module_key_is_stable_and_a_slug_stays_itself() -> None:
    first = make_project(pages=[{"id": "a", "title": "A", "module": "我的"}]).index
    second = make_project(pages=[{"id": "b", "title": "B", "module": "交易"},
                                 {"id": "a", "title": "A", "module": "我的"},
                                 {"id": "c", "title": "C", "module": "trade"}]).index
    assert first.page_module["a"] == second.page_module["a"]
    assert second.page_module["c"] == "trade"


def test_jumps_entry_pages_openers_and_reach() -> None:
    index = make_project(pages=PAGES).index
    assert [(jump.source, jump.target) for jump in index.jumps] == [
        ("home", "orders"), ("home", "help"), ("orders", "back"), ("help", "close")]
    assert index.entry_pages == ("home",)
    assert index.reachable == {"home", "orders", "help"}
    assert index.openers == {"orders": "home", "help": "home"}
    assert index.opener_page("help") == "home" and index.opener_page("home") is None
    assert index.targets_of("home") == ["orders", "help"]


def test_every_reference_and_its_reverse() -> None:
    project = make_project(
        roles=[{"id": "buyer", "name": "买家"}],
        features=[{"id": "f", "title": "F", "pages": ["home", "ghost"], "roles": ["buyer"]}],
        pages=PAGES[:3])
    index = project.index
    by_target = {(reference.relation, reference.value) for reference in index.references}
    assert {("pages", "home"), ("pages", "ghost"), ("roles", "buyer"), ("jump", "orders"),
            ("jump", "help")} <= by_target
    assert [(reference.source, reference.relation) for reference in index.referenced_by[("pages", "orders")]] \
        == [(("pages", "home"), "jump")]
    assert ("pages", "ghost") not in index.referenced_by
    ghost = next(reference for reference in index.references if reference.value == "ghost")
    assert place(ghost.context) == "feature `f`" and place(ghost.context).in_language("zh") == \
        "需求 `f`"
