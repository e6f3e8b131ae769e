"""Diagrams of a large product (issue 15): the cost estimate that chooses the presentation
before layout, parallel jumps on one arrow, a large module's map in groups of pages, and the
use cases split by module."""

from __future__ import annotations

from typing import Any

import pytest

from pmdocs.graph import pagegroups, pagemap, usecases
from pmdocs.graph.cost import MAX_COST, Size, size_of
from pmdocs.graph.jumps import JumpView, jump_graph, page_jumps
from pmdocs.graph.pagegroups import page_groups
from pmdocs.labels import labels_for
from pmdocs.model.project import Project

from .test_graph import make_project

ZH = labels_for("zh")
EN = labels_for("en")


def page(page_id: str, targets: list[str], menu: str = "", module: str = "m",
         **extra: Any) -> dict[str, Any]:
    """A page with one button per target (a target may repeat: parallel jumps)."""
    elements = [{"id": f"to{number}", "type": "button", "label": f"去{target}{number}",
                 "on_tap": target} for number, target in enumerate(targets, start=1)]
    item: dict[str, Any] = {"id": page_id, "title": f"页{page_id}", "module": module,
                            "elements": elements, **extra}
    if menu:
        item["menu"] = menu
    return item


def tree_project() -> Project:
    """A hub with two branches and no menus: hub → a, b; a → a1, a2; b → b1 → b2."""
    return make_project(pages=[
        page("hub", ["a", "b"], entry=["tab"]), page("a", ["a1", "a2"]), page("b", ["b1"]),
        page("a1", ["a"]), page("a2", []), page("b1", ["b2"]), page("b2", ["hub"])])


# -------------------------------------------------------------------------- the estimate

def test_size_counts_nodes_and_edges_a_label_twice_a_free_edge_not_at_all() -> None:
    dot = ('digraph "t" {\n\tgraph [rankdir=LR]\n\tnode [shape=box]\n\tedge [arrowsize=0.7]\n'
           '\t"pages.a" [label="A"]\n\t"pages.b" [label="B"]\n\t"markers.back" [label="返回"]\n'
           '\t"pages.a" -> "pages.b" [label="去 B"]\n\t"pages.b" -> "pages.a"\n'
           '\t"pages.b" -> "markers.back" [constraint=false]\n}\n')
    assert size_of(dot) == Size(nodes=3, edges=3)
    assert Size(nodes=3, edges=3).cost == 3
    assert Size(nodes=10, edges=40).cost == 10 * 31


def test_a_module_map_is_sized_from_its_jumps_as_its_dot_would_be() -> None:
    from .test_graph import sample
    project = sample()
    jumps = page_jumps(project, ZH)
    for module in project.index.modules:
        own = set(module.pages)
        view = JumpView("t", module.pages, tuple(jump for jump in jumps
                                                 if jump.source in own or jump.target in own))
        assert pagemap.map_size(project, view) == size_of(jump_graph(project, ZH, view)[0])


def test_the_sample_draws_every_module_as_one_map() -> None:
    from .test_graph import sample_diagrams
    ids = set(sample_diagrams())
    assert not any("." in diagram_id for diagram_id in ids)
    assert all(size_of(sample_diagrams()[diagram_id].dot).cost <= MAX_COST
               for diagram_id in ids if diagram_id.startswith("pagemap"))


# -------------------------------------------------------------------- parallel jumps

def test_parallel_jumps_share_one_arrow_counted_past_three_and_keep_a_table_row_each() -> None:
    project = make_project(pages=[page("a", ["b"] * 5 + ["c"] * 2), page("b", []), page("c", [])])
    jumps = page_jumps(project, ZH)
    dot, edges, _ = jump_graph(project, ZH, JumpView("t", ("a", "b", "c"), tuple(jumps)))
    arrows = [line for line in dot.splitlines() if " -> " in line and '"pages.a"' in line]
    assert len(arrows) == 2
    assert 'label="5 个跳转"' in next(line for line in arrows if '"pages.b"' in line)
    two = next(line for line in arrows if '"pages.c"' in line)
    assert "去c6" in two and "去c7" in two
    assert len([edge for edge in edges if edge.source == "页a"]) == 7
    dot_en, _, _ = jump_graph(project, EN, JumpView("t", ("a", "b", "c"), tuple(jumps)))
    assert 'label="5 jumps"' in dot_en


# -------------------------------------------------------------------------- grouping

def test_groups_follow_the_top_menu_and_a_dialog_joins_the_page_that_opens_it() -> None:
    pages = [page("hub", ["a1", "b1"], "m / 首页", entry=["tab"])]
    pages += [page(f"a{number}", ["d"] if number == 1 else [], "m / 订单 / 列表")
              for number in range(1, 6)]
    pages += [page(f"b{number}", [], "m / 售后 / 列表") for number in range(1, 6)]
    pages += [{"id": "d", "title": "确认", "kind": "dialog", "module": "m",
               "elements": [{"id": "ok", "type": "button", "label": "好", "on_tap": "close"}]}]
    project = make_project(pages=pages)
    module = project.index.modules[0]
    groups = page_groups(project.index, module, ZH, max_pages=7)
    assert [(group.title, group.pages) for group in groups] == [
        ("首页、订单", ("hub", "a1", "a2", "a3", "a4", "a5", "d")),
        ("售后", ("b1", "b2", "b3", "b4", "b5"))]


def test_without_menus_groups_are_entry_pages_and_what_hangs_below_them() -> None:
    project = tree_project()
    groups = page_groups(project.index, project.index.modules[0], ZH, max_pages=3)
    assert [group.pages for group in groups] == [("hub",), ("a", "a1", "a2"), ("b", "b1", "b2")]
    assert [group.title for group in groups] == ["页hub", "页a", "页b"]
    assert [group.number for group in groups] == [1, 2, 3]


def test_a_large_group_is_cut_evenly_and_small_neighbours_merge() -> None:
    project = tree_project()
    groups = page_groups(project.index, project.index.modules[0], ZH, max_pages=4)
    assert [group.pages for group in groups] == [("hub", "a", "a1", "a2"), ("b", "b1", "b2")]
    assert groups[0].title == "页hub、页a"


# ------------------------------------------------------------------ a module in groups

def test_a_module_too_costly_for_one_map_gets_a_map_of_its_groups_and_one_per_group(
        monkeypatch: pytest.MonkeyPatch) -> None:
    project = tree_project()
    monkeypatch.setattr(pagegroups, "MAX_GROUP_PAGES", 3)
    diagrams = {diagram.id: diagram for diagram in pagemap.diagrams(project, ZH, max_cost=1)}
    assert {"pagemap-m", "pagemap-m.1", "pagemap-m.2", "pagemap-m.3"} <= set(diagrams)
    overview = diagrams["pagemap-m"]
    assert overview.kind == "pagemap_groups"
    assert 'URL="pmdocs:pagemap/m.md#group-2"' in overview.dot
    assert [(edge.source, edge.target, edge.label) for edge in overview.edges] == [
        ("第 1 组：页hub", "第 2 组：页a", "1"), ("第 1 组：页hub", "第 3 组：页b", "1"),
        ("第 3 组：页b", "第 1 组：页hub", "1")]
    group_a = diagrams["pagemap-m.2"]
    assert group_a.part == "第 2 组：页a"
    assert '"pages.a1"' in group_a.dot and '"pages.b1"' not in group_a.dot
    assert '"groups.1" -> "pages.a"' in group_a.dot    # the hub, drawn as its group
    assert "class=\"group external\"" in group_a.dot
    assert len(group_a.edges) == 4    # hub → a, a → a1, a → a2, a1 → a: a row per jump
    again = {diagram.id: diagram.dot for diagram in pagemap.diagrams(project, ZH, max_cost=1)}
    assert again["pagemap-m.2"] != "" and again["pagemap-m"] == overview.dot


def test_a_small_module_keeps_one_map() -> None:
    ids = [diagram.id for diagram in pagemap.diagrams(tree_project(), ZH)]
    assert "pagemap-m" in ids and not any(".".join(("pagemap-m", "1")) == id_ for id_ in ids)


# ----------------------------------------------------------------------- use cases

def usecase_project() -> Project:
    roles = [{"id": "buyer", "name": "买家", "kind": "user"},
             {"id": "clerk", "name": "店员", "kind": "staff"}]
    pages = [page("p1", [], module="trade"), page("p2", [], module="trade"),
             page("q1", [], module="goods")]
    features = [{"id": "f1", "title": "下单", "roles": ["buyer"], "pages": ["p1", "p2"]},
                {"id": "f2", "title": "退款", "roles": ["buyer", "clerk"], "pages": ["p2", "q1"]},
                {"id": "f3", "title": "上架", "roles": ["clerk"], "pages": ["q1"]},
                {"id": "f4", "title": "想法", "roles": ["buyer"]}]
    return make_project(roles=roles, pages=pages, features=features)


def test_many_use_cases_split_by_module_with_an_overview() -> None:
    diagrams = {diagram.id: diagram
                for diagram in usecases.diagrams(usecase_project(), ZH, max_usecases=3)}
    assert list(diagrams) == ["usecases", "usecases.goods", "usecases.trade", "usecases._other"]
    overview = diagrams["usecases"]
    assert [(edge.source, edge.target, edge.label) for edge in overview.edges] == [
        ("买家", "goods", "1"), ("买家", "trade", "1"), ("买家", "未分模块", "1"),
        ("店员", "goods", "2")]
    assert 'URL="pmdocs:usecases.md#usecases-trade"' in overview.dot
    assert 'URL="pmdocs:usecases.md#usecases-0"' in overview.dot
    trade = diagrams["usecases.trade"]
    assert trade.part == "trade"
    assert '"features.f1"' in trade.dot
    assert '"features.f2"' in diagrams["usecases.goods"].dot    # a tie: the first module
    assert '"features.f3"' not in trade.dot
    assert '"features.f4"' in diagrams["usecases._other"].dot


def test_few_use_cases_stay_one_diagram() -> None:
    assert [diagram.id for diagram in usecases.diagrams(usecase_project(), ZH)] == ["usecases"]


# --------------------------------------------------------------------------- the site

def test_the_module_page_and_the_use_case_page_show_each_part_under_its_anchor(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pmdocs.graph import cost
    from pmdocs.pipeline import render_project
    monkeypatch.setattr(cost, "MAX_COST", 1)
    monkeypatch.setattr(pagemap, "MAX_COST", 1)
    monkeypatch.setattr(pagegroups, "MAX_GROUP_PAGES", 3)
    monkeypatch.setattr(usecases, "MAX_USECASES", 1)
    project = make_project(pages=[*tree_project().pages, *usecase_project().pages],
                           roles=list(usecase_project().roles),
                           features=list(usecase_project().features))
    documents = render_project(project, []).documents
    module_page = documents["pagemap/m.md"]
    assert "## 第 2 组：页a {: #group-2 }" in module_page
    assert module_page.index("#group-1") < module_page.index("#group-2") < module_page.index(
        "#group-3") < module_page.index("{: #pages }")
    usecase_page = documents["usecases.md"]
    assert "## goods {: #usecases-goods }" in usecase_page
    assert "## 未分模块 {: #usecases-0 }" in usecase_page
