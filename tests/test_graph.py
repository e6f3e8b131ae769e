"""The graph stage: which diagrams a project gets, their DOT (goldens of the sample), links
and tooltips on every node, escaping of any user text, and — read back from the SVG that
`dot` draws — swimlanes that keep every step in its lane and its stage's band."""

from __future__ import annotations

import ast
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path
from typing import Any

import graphviz
import pytest

from pmdocs.pipeline import check_project
from pmdocs.graph import Diagram, all_diagrams, structure
from pmdocs.graph.quoting import attr_list, quote
from pmdocs.labels import labels_for
from pmdocs.layout import Drawing, GraphvizLayout
from pmdocs.model.project import Project
from pmdocs.model.spec import SECTIONS, ProjectSettings
from pmdocs.sitemap import ITEM_FOLDERS as FOLDERS

from .conftest import REPO, SAMPLE

GOLDENS = Path(__file__).resolve().parent / "goldens" / "dot"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")

SAMPLE_IDS = [
    "flow-checkin_flow", "flow-order_flow", "flow-refund_flow",
    "lifecycle-campaign", "lifecycle-coupon", "lifecycle-order", "objects",
    "page-added_toast", "page-address_list", "page-admin_campaign", "page-admin_campaigns",
    "page-cancel_order_dialog",
    "page-cart", "page-category", "page-chances_used_toast", "page-checkin",
    "page-checkin_rules_sheet", "page-confirm_order", "page-coupon_picker", "page-gift",
    "page-gift_claimed_toast", "page-goods_detail", "page-home", "page-login_dialog",
    "page-lottery_result", "page-mine", "page-my_coupons", "page-order_detail",
    "page-order_list", "page-pay_result", "page-pick_tip_toast", "page-publish_dialog",
    "page-refund_sheet", "page-search_result", "page-sku_sheet", "page-stock_short_toast",
    "pagemap", "pagemap-admin", "pagemap-campaign", "pagemap-goods", "pagemap-home",
    "pagemap-mine", "pagemap-trade", "structure", "usecases"]


# ----------------------------------------------------------------------------- helpers

@cache
def sample() -> Project:
    project, issues, _ = check_project(SAMPLE)
    return project


@cache
def sample_diagrams() -> dict[str, Diagram]:
    return {diagram.id: diagram for diagram in all_diagrams(sample(), labels_for("zh"))}


@cache
def sample_drawings() -> dict[str, Drawing]:
    return GraphvizLayout(None).draw(list(sample_diagrams().values()))


def make_project(name: str = "Test", modules: list[dict] | None = None,
                 **sections: list[dict[str, Any]]) -> Project:
    """A project from plain dicts, as if loaded from YAML."""
    settings = ProjectSettings.model_validate({"name": name, "modules": modules or []})
    items = {section: tuple(SECTIONS[section].model_validate(item) for item in values)
             for section, values in sections.items()}
    return Project(root=".", settings=settings, **items)


def draw(diagrams: list[Diagram]) -> dict[str, str]:
    drawings = GraphvizLayout(None).draw(diagrams)
    assert all(drawing.svg for drawing in drawings.values()), drawings
    return {key: drawing.svg for key, drawing in drawings.items()}


def groups(svg: str) -> dict[str, ElementTree.Element]:
    """`<g>` elements by id."""
    return {group.get("id"): group for group in ElementTree.fromstring(svg).iter(SVG + "g")
            if group.get("id")}


def bounds(group: ElementTree.Element) -> tuple[float, float, float, float]:
    """min x, min y, max x, max y of the shapes drawn in a group (text only when there is
    no shape)."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in group.iter():
        if shape.tag in (SVG + "polygon", SVG + "polyline"):
            numbers = [float(value) for value in re.findall(r"-?[\d.]+", shape.get("points"))]
        elif shape.tag == SVG + "path":
            numbers = [float(value) for value in re.findall(r"-?[\d.]+", shape.get("d"))]
        elif shape.tag == SVG + "ellipse":
            x, y = float(shape.get("cx")), float(shape.get("cy"))
            width, height = float(shape.get("rx")), float(shape.get("ry"))
            numbers = [x - width, y - height, x + width, y + height]
        else:
            continue
        xs += numbers[0::2]
        ys += numbers[1::2]
    if not xs:   # a plaintext node: where its text is
        for text in group.iter(SVG + "text"):
            xs.append(float(text.get("x")))
            ys.append(float(text.get("y")))
    assert xs, f"nothing drawn in {group.get('id')}"
    return min(xs), min(ys), max(xs), max(ys)


def centre(group: ElementTree.Element) -> tuple[float, float]:
    left, top, right, bottom = bounds(group)
    return (left + right) / 2, (top + bottom) / 2


def path_start(group: ElementTree.Element) -> tuple[float, float]:
    """Where the first path drawn in a group starts (an edge's tail)."""
    path = next(group.iter(SVG + "path"))
    x, y = re.findall(r"-?[\d.]+", path.get("d"))[:2]
    return float(x), float(y)


def texts(svg: str) -> list[str]:
    return [text.text or "" for text in ElementTree.fromstring(svg).iter(SVG + "text")]


# ------------------------------------------------------------------ ids, goldens, order

def test_sample_gets_every_kind_of_diagram_sorted_by_id() -> None:
    diagrams = all_diagrams(sample(), labels_for("zh"))
    assert [diagram.id for diagram in diagrams] == SAMPLE_IDS
    assert {diagram.kind for diagram in diagrams} == {
        "flow", "lifecycle", "objects", "page", "pagemap", "pagemap_module", "structure",
        "usecases"}


def test_dot_matches_the_goldens(update_goldens: bool) -> None:
    actual = {key: diagram.dot for key, diagram in sample_diagrams().items()}
    if update_goldens:
        GOLDENS.mkdir(parents=True, exist_ok=True)
        for stale in GOLDENS.glob("*.dot"):
            if stale.stem not in actual:
                stale.unlink()
        for key, dot in actual.items():
            (GOLDENS / f"{key}.dot").write_text(dot, encoding="utf-8", newline="\n")
        return
    expected = {path.stem: path.read_text(encoding="utf-8") for path in GOLDENS.glob("*.dot")}
    assert sorted(expected) == sorted(actual), "goldens out of date: pytest --update-goldens"
    for key in actual:
        assert actual[key] == expected[key], f"{key}.dot differs (pytest --update-goldens)"


def test_dot_is_the_same_under_any_hash_seed() -> None:
    script = ("import hashlib; from pmdocs.pipeline import check_project; "
              "from pmdocs.graph import all_diagrams; from pmdocs.labels import labels_for; "
              f"project = check_project({str(SAMPLE)!r})[0]; "
              "print(hashlib.sha256(''.join(d.id + d.dot + repr(d.edges) for d in "
              "all_diagrams(project, labels_for('zh'))).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              cwd=REPO, check=True, env={**os.environ, "PYTHONHASHSEED": seed}
                              ).stdout for seed in ("0", "1", "4242")}
    assert len(digests) == 1


QUOTING_CASES = ["", "spam", "spam spam", "-4.2", ".42", "4.", "graph", "Node", "<<b>x</b>>",
                 graphviz.nohtml("<b>"), '"', '\\"', '\\\\"', 'a"b\\"c\\\\"', "中文", "a:b",
                 "a\\\n b", "\\" * 40 + '"']


def test_dot_quoting_is_the_graphviz_packages_byte_for_byte() -> None:
    for value in QUOTING_CASES:
        assert quote(value) == graphviz.quoting.quote(value), value
    attributes = {"tooltip": 'a "b"', "label": "x", "id": "n1", "empty": "", "skipped": None}
    assert attr_list("L", kwargs=attributes) == graphviz.quoting.attr_list("L", kwargs=attributes)
    assert attr_list(None, kwargs={}) == ""


def test_graph_imports_no_later_stage_nor_mkdocs() -> None:
    forbidden = ("pmdocs.render", "pmdocs.check", "pmdocs.site", "pmdocs.cli", "pmdocs.mkdocs_adapter",
                 "pmdocs.layout", "mkdocs", "material", "click")
    for path in (REPO / "pmdocs" / "graph").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = "pmdocs." + node.module if node.level == 2 and node.module else node.module
                names = [module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            assert not any(name == stage or name.startswith(stage + ".") for name in names
                           for stage in forbidden), (path.name, names)


# ------------------------------------------------------------------ what each diagram says

def test_module_overview_counts_jumps_between_modules_and_links_module_maps() -> None:
    overview = sample_diagrams()["pagemap"]
    assert 'URL="pmdocs:pagemap/trade.md"' in overview.dot
    pairs = {(edge.source, edge.target): edge for edge in overview.edges}
    assert pairs[("交易", "我的")].label == "1"
    assert pairs[("首页", "商品")].label == "3"   # banner → detail, goods list → detail, search
    assert pairs[("交易", "我的")].source_path == "pagemap/trade.md"
    assert all(edge.source != edge.target for edge in overview.edges)


def test_module_map_shows_triggers_conditions_entries_externals_and_markers() -> None:
    trade = sample_diagrams()["pagemap-trade"]
    labels = {(edge.source, edge.target): [] for edge in trade.edges}
    for edge in trade.edges:
        labels[(edge.source, edge.target)].append(edge.label)
    assert labels[("购物车", "登录")] == ["去结算 点击 [未登录]"]
    assert labels[("推送消息", "订单详情")] == [""]
    assert labels[("底部标签栏", "购物车")] == [""]
    assert "返回" in {edge.target for edge in trade.edges}
    dot = trade.dot
    assert 'tooltip="底部标签栏：首页、分类、购物车、我的"' in dot
    assert re.search(r'"pages.login_dialog" \[label=<[^\n]*class="dialog external"', dot)
    assert re.search(r'"pages.cart" \[label=<[^\n]*class="page entry"[^\n]*penwidth=2', dot)
    back_edges = [line for line in dot.splitlines() if '-> "markers.back"' in line]
    assert back_edges and all('class=back' in line and "constraint=false" in line
                              for line in back_edges)


def test_page_neighbourhood_has_the_page_its_sources_and_its_targets() -> None:
    cart = sample_diagrams()["page-cart"]
    pairs = {(edge.source, edge.target, edge.label) for edge in cart.edges}
    assert ("商品详情", "购物车", "购物车 点击") in pairs
    assert ("购物车", "确认订单", "去结算 点击 [已登录且已选商品]") in pairs
    assert 'class="page entry focus"' in cart.dot
    assert "external" not in cart.dot


def test_usecases_objects_and_lifecycles() -> None:
    diagrams = sample_diagrams()
    usecases = diagrams["usecases"].dot
    assert 'subgraph cluster_system {' in usecases and 'label="鲜果日记商城"' in usecases
    left = usecases.split("actors_min")[1].split("}")[0]
    assert '"roles.buyer"' in left and '"roles.operator"' not in left
    assert ("运营", "签到抽奖活动配置") in {(edge.source, edge.target)
                                          for edge in diagrams["usecases"].edges}
    assert ("订单", "订单商品", "1..n 包含") in {(edge.source, edge.target, edge.label)
                                             for edge in diagrams["objects"].edges}
    order = diagrams["lifecycle-order"]
    assert order.edges[0].source == "开始" and order.edges[0].target == "待支付"
    assert ("待支付", "已取消", "支付超时 [超过支付截止时间仍未支付] (商城系统)") in {
        (edge.source, edge.target, edge.label) for edge in order.edges}
    finals = re.findall(r'"states\.(\w+)" \[[^\n]*peripheries=2', order.dot)
    assert sorted(finals) == ["cancelled", "completed", "refunded"]


def test_structure_folds_elements_into_pages_and_splits_when_large() -> None:
    tree = sample_diagrams()["structure"].dot
    assert "product.root" in tree and '"menus.mine.1"' in tree
    assert "去结算" in tree.split('"pages.cart" [')[1].split("\n")[0]
    labels = labels_for("zh")
    split = structure.diagrams(sample(), labels, split_above=10)
    assert [diagram.id for diagram in split] == [
        "structure", "structure-home", "structure-goods", "structure-trade",
        "structure-campaign", "structure-mine", "structure-admin"]
    assert "pages." not in split[0].dot
    assert 'URL="pmdocs:structure.md#structure-trade"' in split[0].dot
    assert '"pages.cart"' in split[3].dot and 'URL="pmdocs:pagemap/trade.md"' in split[3].dot


def test_diagrams_name_elements_menus_and_steps_by_their_labels() -> None:
    """A reader sees labels, never ids, where a label exists: an element without a label is
    named by its placeholder, by what it shows (the object of a list or card, the attribute
    of a field) or by its images; a menu that repeats its module is not a level of its own."""
    diagrams = sample_diagrams()
    trade = {(edge.source, edge.target, edge.label) for edge in diagrams["pagemap-trade"].edges}
    assert {("确认订单", "收货地址", "收货地址 点击"), ("购物车", "商品详情", "规格（SKU） 点击")} <= trade
    home = {edge.label for edge in diagrams["pagemap-home"].edges}
    assert "搜索水果，如「脐橙」 提交" in home and not any("search_bar" in label for label in home)
    tree = diagrams["structure"]
    repeated = [edge for edge in tree.edges if edge.source == edge.target == "首页"]
    assert [edge.target_path for edge in repeated] == ["pages/home.md"]   # module → page, no menu
    goods_detail = tree.dot.split('"pages.goods_detail" [')[1].split("\n")[0]
    assert "主图 / 细节图 / 产地图" in goods_detail and "gallery" not in goods_detail
    project = make_project(
        objects=[{"id": "order", "name": "订单", "attributes": [{"id": "total", "name": "应付金额"}]}],
        pages=[{"id": "p", "title": "P", "elements": [
            {"id": "rows", "type": "list", "shows": "order.total"},
            {"id": "sum", "type": "text", "shows": "order.total"},
            {"id": "unknown", "type": "text", "shows": "nothing.here"}]}])
    titles = [project.index.element_title(element) for element in project.pages[0].elements]
    assert titles == ["订单", "应付金额", "unknown"]


def test_english_labels() -> None:
    diagrams = {diagram.id: diagram for diagram in all_diagrams(sample(), labels_for("en"))}
    assert 'tooltip="Tab bar: 首页, 分类, 购物车, 我的"' in diagrams["pagemap-home"].dot
    assert ("购物车", "登录", "去结算 tap [未登录]") in {
        (edge.source, edge.target, edge.label) for edge in diagrams["pagemap-trade"].edges}


def test_pages_without_module_and_broken_references_still_draw() -> None:
    project = make_project(
        roles=[{"id": "a", "name": "A"}],
        flows=[{"id": "f", "title": "F", "lanes": ["a", "ghost"], "stages": [{"id": "s"}],
                "steps": [{"id": "x", "lane": "a", "stage": "s", "next": ["y", "nowhere"]},
                          {"id": "y", "lane": "elsewhere", "kind": "end"}]}],
        pages=[{"id": "p", "title": "P", "elements": [
            {"id": "b", "type": "button", "on_tap": ["q", "missing", "back"]}]},
               {"id": "q", "title": "Q", "module": "undeclared"}],
        features=[{"id": "feat", "title": "Feat", "roles": ["a", "nobody"]}],
        objects=[{"id": "o", "name": "O", "relations": [{"to": "gone"}],
                  "lifecycle": {"states": [{"id": "one"}], "initial": "zero",
                                "transitions": [{"from": "one", "to": "two"}]}}])
    diagrams = all_diagrams(project, labels_for("zh"))
    assert [diagram.id for diagram in diagrams] == [
        "flow-f", "lifecycle-o", "objects", "page-p", "page-q", "pagemap", "pagemap-_other",
        "pagemap-undeclared", "structure", "usecases"]
    overview = next(diagram for diagram in diagrams if diagram.id == "pagemap")
    assert 'URL="pmdocs:pagemap/_other.md"' in overview.dot and "未分模块" in overview.dot
    if shutil.which("dot"):
        draw(diagrams)


# ------------------------------------------------------------------ links and tooltips

@needs_dot
def test_every_item_node_links_to_its_page_and_every_node_has_a_tooltip() -> None:
    for diagram_id, drawing in sample_drawings().items():
        root = ElementTree.fromstring(drawing.svg)
        for group in root.iter(SVG + "g"):
            classes = (group.get("class") or "").split()
            if "node" not in classes and "cluster" not in classes:
                continue
            name = group.get("id").removeprefix(diagram_id + "-")
            anchors = list(group.iter(SVG + "a"))
            if not anchors:   # only invisible helpers have no tooltip
                assert not list(group.iter(SVG + "text")), (diagram_id, name)
                continue
            assert anchors[0].get(XLINK + "title"), (diagram_id, name)
            section, _, item_id = name.partition(".")
            if section in FOLDERS:
                assert anchors[0].get("href") == f"pmdocs:{FOLDERS[section]}/{item_id}.md"
                assert anchors[0].get(XLINK + "href") == anchors[0].get("href")
            if name.startswith("lanes."):
                assert anchors[0].get("href") == f"pmdocs:roles/{name[6:]}.md"


@needs_dot
def test_sample_svgs_have_unique_ids_and_no_target() -> None:
    all_ids: list[str] = []
    for drawing in sample_drawings().values():
        root = ElementTree.fromstring(drawing.svg)
        all_ids += [element.get("id") for element in root.iter() if element.get("id")]
        assert not [anchor for anchor in root.iter(SVG + "a") if anchor.get("target")]
    assert len(all_ids) == len(set(all_ids))


# ------------------------------------------------------------------ escaping

SPECIALS = ["<Home>", "C:\\new\\N", "A & B", '"quotes"', "{braces}", "|pipes|", "]", "🍊 fruit"]


def special_project() -> Project:
    keys = [f"x{index}" for index in range(len(SPECIALS))]
    steps = [{"id": key, "lane": "r", "stage": "s", "label": text,
              "kind": "start" if index == 0 else "end" if index == len(keys) - 1 else "task",
              "next": [{"to": keys[index + 1], "when": text}] if index + 1 < len(keys) else []}
             for index, (key, text) in enumerate(zip(keys, SPECIALS))]
    pages = [{"id": key, "title": text, "module": "m", "kind": "dialog" if index % 2 else "page",
              "entry": ["push"] if index == 0 else [],
              "elements": [{"id": "e", "type": "button", "label": text,
                            "on_tap": [{"to": keys[(index + 1) % len(keys)], "when": text}]}]}
             for index, (key, text) in enumerate(zip(keys, SPECIALS))]
    return make_project(
        name="<Home> & {braces}", modules=[{"id": "m", "title": "|pipes|"}],
        roles=[{"id": "r", "name": "A & B"}],
        flows=[{"id": "f", "title": '"quotes"', "lanes": ["r"], "stages": [{"id": "s", "title": "]"}],
                "steps": steps}],
        pages=pages,
        features=[{"id": key, "title": text, "roles": ["r"]} for key, text in zip(keys, SPECIALS)],
        objects=[{"id": key, "name": text, "attributes": [{"id": "a", "name": text}],
                  "relations": [{"to": keys[0], "label": text}],
                  "lifecycle": {"states": [{"id": "one", "name": text}], "initial": "one",
                                "final": "one"}}
                 for key, text in zip(keys, SPECIALS)])


@needs_dot
def test_any_user_text_reads_exactly_as_written_in_the_svg() -> None:
    svgs = draw(all_diagrams(special_project(), labels_for("zh")))
    for diagram_id in ("flow-f", "pagemap-m", "usecases", "objects", "structure"):
        found = set(texts(svgs[diagram_id]))
        missing = [text for text in SPECIALS if text not in found]
        assert not missing, (diagram_id, missing)
    flow_texts = texts(svgs["flow-f"])
    assert "A & B" in flow_texts and "]" in flow_texts
    edge_labels = {f"{text} 点击 [{text}]" for text in SPECIALS}
    assert not edge_labels - set(texts(svgs["pagemap-m"]))
    assert "<Home>" in texts(svgs["lifecycle-x0"]) and "C:\\new\\N" in texts(svgs["lifecycle-x1"])
    tooltips = {anchor.get(XLINK + "title")
                for anchor in ElementTree.fromstring(svgs["pagemap-m"]).iter(SVG + "a")}
    assert {f"{text} (x{index})" for index, text in enumerate(SPECIALS)} <= tooltips


# ------------------------------------------------------------------ swimlane geometry

def synthetic_flow_project() -> Project:
    """4 lanes, 4 stages, arrows across lanes both ways and one back to an earlier stage."""
    step = {"lane": "r1", "stage": "s1"}
    steps = [
        {**step, "id": "start", "kind": "start", "lane": "r4", "next": "a"},
        {**step, "id": "a", "lane": "r1", "next": ["b", "c"]},
        {**step, "id": "c", "lane": "r3", "next": "b"},
        {"id": "b", "lane": "r4", "stage": "s2", "kind": "decision",
         "next": [{"to": "d", "when": "yes"}, {"to": "e", "when": "no"}]},
        {"id": "d", "lane": "r1", "stage": "s2", "next": "f"},
        {"id": "e", "lane": "r2", "stage": "s3", "next": "f"},
        {"id": "f", "lane": "r4", "stage": "s3", "next": ["g", "a"]},
        {"id": "g", "lane": "r1", "stage": "s4", "next": ["h", "i"]},
        {"id": "h", "lane": "r4", "stage": "s4", "kind": "end"},
        {"id": "i", "lane": "r3", "stage": "s4", "next": "h"},
    ]
    return make_project(
        roles=[{"id": f"r{number}", "name": f"Role {number}"} for number in range(1, 5)],
        flows=[{"id": "grid", "title": "Grid", "lanes": ["r1", "r2", "r3", "r4"],
                "stages": [{"id": f"s{number}", "title": f"Stage {number}"} for number in range(1, 5)],
                "steps": steps}])


def assert_swimlanes_hold(project: Project, flow_id: str, svg: str,
                          diagram_id: str | None = None) -> None:
    """The swimlane grid as drawn: lanes are the columns between straight vertical borders,
    bands the rows between separator lines, in declared order; each stage's name lies in its
    band, in a column of its own left of the lanes; each lane's name is centred over its lane;
    every step's shape lies inside its lane × stage cell; no arrow leaves the lanes, nor its
    label the grid; arrows are orthogonal."""
    flow = next(item for item in project.flows if item.id == flow_id)
    prefix = f"{diagram_id or 'flow-' + flow_id}-"
    found = groups(svg)
    borders = []
    for index in range(len(flow.lanes) + 1):
        left, top, right, bottom = bounds(found[f"{prefix}borders.{index}"])
        assert right - left < 0.5, "a lane border is not a vertical line"
        borders.append(left)
    assert borders == sorted(borders) and len(set(borders)) == len(borders), "lanes out of order"
    rows = []
    for band in range(len(flow.stages) + 1):   # each band's top line, then the bottom line
        left, line_top, right, line_bottom = bounds(found[f"{prefix}rows.{band}.2"])
        assert line_bottom - line_top < 0.5, "a band's line is not horizontal"
        rows.append(line_top)
    assert top < rows[0] and abs(rows[-1] - bottom) < 0.5, "lane borders do not span the bands"
    assert rows == sorted(rows) and len(set(rows)) == len(rows), "bands out of declared order"
    grid_left = bounds(found[f"{prefix}rows.0.0"])[0]   # the stage column's left edge
    for index, lane in enumerate(flow.lanes):
        x, y = centre(found[f"{prefix}lanes.{lane}"])
        assert abs(x - (borders[index] + borders[index + 1]) / 2) < 0.1, f"lane name {lane} off-centre"
        assert y < rows[0], f"lane name {lane} below the first band"
    for band, stage in enumerate(flow.stages):
        name = found[f"{prefix}stages.{stage.id}"]
        x, y = centre(name)
        font = max(float(text.get("font-size")) for text in name.iter(SVG + "text"))
        assert x < borders[0], f"stage {stage.id} not left of the lanes"
        assert rows[band] < y - font and y < rows[band + 1], f"stage {stage.id} not inside its band"
    stages = [stage.id for stage in flow.stages]
    for step in flow.steps:
        left, top_edge, right, bottom_edge = bounds(found[f"{prefix}steps.{step.id}"])
        index, row = flow.lanes.index(step.lane), stages.index(step.stage)
        assert borders[index] < left and right < borders[index + 1], f"{step.id} outside lane {step.lane}"
        assert rows[row] < top_edge and bottom_edge < rows[row + 1], f"{step.id} outside band {step.stage}"
    for group in found.values():
        if "next" not in (group.get("class") or "").split():
            continue
        left, top_edge, right, bottom_edge = bounds(group)
        assert borders[0] <= left and right <= borders[-1], f"an arrow leaves the lanes: {group.get('id')}"
        assert rows[0] <= top_edge and bottom_edge <= rows[-1], f"an arrow leaves the bands: {group.get('id')}"
        for text in group.iter(SVG + "text"):   # a condition: dot puts it beside its arrow
            assert grid_left < float(text.get("x")) < borders[-1], f"a label outside the grid: {text.text}"
        path = next(group.iter(SVG + "path")).get("d")
        assert _orthogonal(path), f"an arrow is not orthogonal: {path}"


def _orthogonal(path: str) -> bool:
    """Whether a path's points (Graphviz writes even straight segments as cubic curves) form
    horizontal and vertical runs only."""
    numbers = [float(value) for value in re.findall(r"-?[\d.]+", path)]
    points = list(zip(numbers[0::2], numbers[1::2]))
    return all(abs(x1 - x2) < 0.5 or abs(y1 - y2) < 0.5
               for (x1, y1), (x2, y2) in zip(points, points[1:]))


@needs_dot
@pytest.mark.parametrize("flow_id", ["order_flow", "refund_flow", "checkin_flow"])
def test_sample_swimlanes_keep_lanes_and_bands(flow_id: str) -> None:
    assert_swimlanes_hold(sample(), flow_id, sample_drawings()[f"flow-{flow_id}"].svg)


@needs_dot
def test_four_by_four_swimlane_with_crossing_arrows_keeps_lanes_and_bands() -> None:
    project = synthetic_flow_project()
    svgs = draw(all_diagrams(project, labels_for("en")))
    assert_swimlanes_hold(project, "grid", svgs["flow-grid"])
    dot = next(diagram.dot for diagram in all_diagrams(project, labels_for("en"))
               if diagram.id == "flow-grid")
    assert '"steps.f" -> "steps.a" [class=next constraint=false' in dot


def random_flow_project(seed: int) -> Project:
    """A random flow: 2–7 lanes, 1–5 stages, up to 30 steps, arrows anywhere (some labelled)."""
    chance = random.Random(seed)
    lanes = [f"r{index}" for index in range(chance.randint(2, 7))]
    stages = [f"s{index}" for index in range(chance.randint(1, 5))]
    count = chance.randint(3, 30)
    stage_of = sorted(chance.randrange(len(stages)) for _ in range(count))
    steps = [{"id": f"x{index}", "lane": chance.choice(lanes), "stage": stages[stage_of[index]],
              "kind": chance.choice(["task", "task", "decision"]),
              "next": [{"to": f"x{target}", "when": "条件" * chance.randint(0, 3)}
                       for target in chance.sample(range(count), k=chance.randint(0, 2))
                       if target != index]}
             for index in range(count)]
    return make_project(roles=[{"id": lane, "name": lane.upper()} for lane in lanes],
                        flows=[{"id": "random", "title": "Random", "lanes": lanes,
                                "stages": [{"id": stage} for stage in stages], "steps": steps}])


@needs_dot
def test_random_swimlanes_keep_lanes_and_bands() -> None:
    projects = [random_flow_project(seed) for seed in range(12)]
    diagrams = [next(diagram for diagram in all_diagrams(project, labels_for("en"))
                     if diagram.id == "flow-random") for project in projects]
    drawings = GraphvizLayout(None).draw([Diagram(f"flow-random-{index}", diagram.kind, diagram.title,
                                                  diagram.dot) for index, diagram in enumerate(diagrams)])
    for index, project in enumerate(projects):
        diagram_id = f"flow-random-{index}"
        assert_swimlanes_hold(project, "random", drawings[diagram_id].svg, diagram_id)


def test_dot_sources_hash_differently_per_diagram() -> None:
    digests = {hashlib.sha256(diagram.dot.encode()).hexdigest()
               for diagram in sample_diagrams().values()}
    assert len(digests) == len(SAMPLE_IDS)
