"""The prototype's structure, read from the generated HTML (the browser tests click through it):
every page and dialog of the sample has a wireframe, every element appears on it, every jump
leads to something that exists, and the sitemap lists every page once."""

from __future__ import annotations

import json
from pathlib import Path
import posixpath
from html.parser import HTMLParser

import pytest

from pmdocs.pipeline import check_project
from pmdocs.graph.common import first_of_each
from pmdocs.model import Project
from pmdocs.model.spec import SPECIAL_TARGETS, Page
from pmdocs.pipeline import render_project as render_site
from pmdocs.render import RenderedSite
from pmdocs.render.context import build_context
from pmdocs.render.prototype import OVERLAY_KINDS, prototype
from pmdocs.site import SiteSettings, export_files
from pmdocs.sitemap import SiteMap

from .conftest import SAMPLE
from .test_graph import make_project


class Wireframe(HTMLParser):
    """What one prototype page holds: elements, links, overlay controls and overlays."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: list[str] = []
        self.pins: list[str] = []
        self.links: list[str] = []
        self.opens: set[str] = set()
        self.overlays: set[str] = set()
        self.states: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "data-element" in values:
            self.elements.append(values["data-element"] or "")
        if "data-pin" in values:
            self.pins.append(values["data-pin"] or "")
        if tag in ("a", "link", "script") and (values.get("href") or values.get("src")):
            self.links.append(values.get("href") or values.get("src") or "")
        for attribute in ("data-open", "data-toast"):
            if attribute in values:
                self.opens.add(values[attribute] or "")
        if "data-overlay" in values:
            self.overlays.add(values["data-overlay"] or "")
        if tag == "section" and "data-state" in values and "pp-screen" in (values.get("class") or ""):
            self.states.append(values["data-state"] or "")


class Tags(HTMLParser):
    """Event-handler attributes and scripts, as a browser would parse them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[str | None] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        if tag in ("script", "iframe", "object", "embed", "svg"):
            self.scripts.append(dict(attrs).get("src"))


@pytest.fixture(scope="module")
def sample() -> tuple[Project, RenderedSite]:
    project, issues, _ = check_project(SAMPLE)
    return project, render_site(project, issues)


@pytest.fixture(scope="module")
def exported(sample: tuple[Project, RenderedSite]) -> dict[str, str | bytes]:
    """The sample's docs as `pmdocs export` writes them (links resolved), by doc path."""
    _, site = sample
    files = export_files(site, SiteSettings(site.title, site.language, site.nav))
    return {path[len("docs/"):]: content for path, content in files.items()
            if path.startswith("docs/")}


def wireframe(exported: dict[str, str | bytes], page_id: str) -> Wireframe:
    text = exported[f"prototype/{page_id}/index.html"]
    assert isinstance(text, str)
    return Wireframe(text)


def test_every_page_and_dialog_has_a_wireframe_with_every_element_and_state(
        sample: tuple[Project, RenderedSite], exported: dict[str, str | bytes]) -> None:
    project, _ = sample
    pages = first_of_each(project.pages)
    assert {page.kind for page in pages} == {"page", "dialog", "sheet", "toast"}
    for page in pages:
        drawn = wireframe(exported, page.id)
        missing = [element.id for element in page.elements if element.id not in drawn.elements]
        assert not missing, f"prototype/{page.id}: elements not drawn: {missing}"
        assert set(drawn.pins) >= {element.id for element in page.elements}, page.id
        assert drawn.states == [state.name for state in page.states] or \
            (not page.states and drawn.states == [""]), page.id


def test_every_jump_leads_to_a_page_or_an_overlay_on_the_same_page(
        sample: tuple[Project, RenderedSite], exported: dict[str, str | bytes]) -> None:
    project, _ = sample
    pages = {page.id: page for page in first_of_each(project.pages)}
    for page in pages.values():
        drawn = wireframe(exported, page.id)
        for element in page.elements:
            for _, jumps in element.actions():
                for jump in jumps:
                    if not jump.to or jump.to in SPECIAL_TARGETS:
                        continue
                    if pages[jump.to].kind in OVERLAY_KINDS:
                        assert jump.to in drawn.opens, (page.id, element.id, jump.to)
                        if page.kind == "page":
                            assert jump.to in drawn.overlays, (page.id, jump.to)
                    else:
                        assert f"../{jump.to}/index.html" in drawn.links, (page.id, element.id)
        assert drawn.opens <= drawn.overlays | ({page.id} if page.kind in OVERLAY_KINDS else set()) \
            or page.kind != "page", (page.id, drawn.opens - drawn.overlays)


def test_every_link_of_the_prototype_resolves_to_a_file_of_the_site(
        exported: dict[str, str | bytes]) -> None:
    built = {path[:-3] + ".html" if path.endswith(".md") else path for path in exported}
    pages = [path for path in exported if path.startswith("prototype/") and path.endswith(".html")]
    assert len(pages) > 20
    for path in pages:
        text = exported[path]
        assert isinstance(text, str) and "pmdocs:" not in text, path
        for link in Wireframe(text).links:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), link.split("#")[0]))
            assert target in built, (path, link)


def test_the_prototype_opens_at_the_launch_page_and_every_page_links_both_ways(
        sample: tuple[Project, RenderedSite], exported: dict[str, str | bytes]) -> None:
    project, site = sample
    assert 'url=home/index.html' in str(exported["prototype/index.html"])
    assert "](prototype/index.html)" in site.documents["index.md"]
    for page in first_of_each(project.pages):
        assert f"](../prototype/{page.id}/index.html)" in site.documents[f"pages/{page.id}.md"]
        assert f"../../pages/{page.id}.html" in wireframe(exported, page.id).links


def test_the_sitemap_lists_every_page_once_with_dialogs_under_their_page(
        sample: tuple[Project, RenderedSite], exported: dict[str, str | bytes]) -> None:
    project, _ = sample
    script = exported["prototype/_assets/sitemap.js"]
    assert isinstance(script, bytes)
    text = script.decode()
    prefix = "window.pmdocsSitemap = "
    assert text.startswith(prefix) and text.endswith(";\n")
    groups = json.loads(text[len(prefix):-2])
    listed = [(page["id"], None) for group in groups for page in group["pages"]] + \
        [(child["id"], page["id"]) for group in groups for page in group["pages"]
         for child in page["children"]]
    ids = [page_id for page_id, _ in listed]
    assert sorted(ids) == sorted(page.id for page in first_of_each(project.pages))
    parents = dict(listed)
    assert parents["sku_sheet"] == "goods_detail"
    assert parents["coupon_picker"] == "confirm_order"
    first_group = groups[0]["pages"]
    assert first_group[0]["entry"], "entry pages come first"


def test_untrusted_text_never_becomes_markup_in_the_prototype(tmp_path: Path) -> None:
    from .hostile import write_project

    write_project(tmp_path)
    project, issues, _ = check_project(tmp_path)
    site = render_site(project, issues)
    for path, text in site.html.items():
        tags = Tags(text)
        assert not tags.handlers, (path, tags.handlers)
        assert tags.scripts in ([], ["../_assets/sitemap.js", "../_assets/prototype.js"]), path
        assert "<script>window" not in text, path
    sitemap = site.files["prototype/_assets/sitemap.js"].decode()
    assert "<" not in sitemap and ">" not in sitemap


@pytest.mark.parametrize(("states", "default", "opens_in"), [
    ({"loading": "…", "loaded": "…", "empty": "…"}, None, "loaded"),
    ({"loading": "…", "logged_out": {"counts_as": "loaded"}, "can_draw": {"counts_as": "loaded"}},
     None, "logged_out"),
    ({"loading": "…", "logged_out": {"counts_as": "loaded"}, "can_draw": {"counts_as": "loaded"}},
     "can_draw", "can_draw"),
    ({"loading": "…", "empty": "…", "running": "…"}, None, "running"),
    ({"loading": "…", "error": "…"}, None, "loading"),
])
def test_a_page_opens_in_its_default_state_else_its_first_business_state(
        states: dict, default: str | None, opens_in: str) -> None:
    page = Page.model_validate({"id": "p", "title": "P", "states": states,
                                **({"default_state": default} if default else {})})
    assert page.opening_state == opens_in


def test_an_element_listed_under_shows_appears_only_in_the_states_that_list_it() -> None:
    page = Page.model_validate({
        "id": "p", "title": "P",
        "elements": [{"id": "draw", "type": "button"}, {"id": "rules", "type": "link"}],
        "states": {"can_draw": {"shows": ["draw"]}, "used_up": "…",
                   "ended": {"hides": ["rules"]}}})
    shown = {state.name: [element.id for element in page.shown_in(state)] for state in page.states}
    assert shown == {"can_draw": ["draw", "rules"], "used_up": ["rules"], "ended": []}


def test_buttons_docks_and_rows_are_inferred_where_the_spec_says_nothing() -> None:
    project = make_project(pages=[
        {"id": "detail", "title": "详情", "entry": True, "elements": [
            {"id": "navbar", "type": "navbar", "on_tap": "back"},
            {"id": "price", "type": "text", "example": "¥39.90"},
            {"id": "add", "type": "button", "label": "加入购物车", "on_tap": "done"},
            {"id": "buy", "type": "button", "label": "立即购买", "on_tap": "done"},
            {"id": "later", "type": "button", "label": "暂不", "on_tap": "back"}]},
        {"id": "done", "title": "完成", "terminal": True, "device": "web", "elements": [
            {"id": "save", "type": "button", "on_tap": "detail"},
            {"id": "publish", "type": "button", "on_tap": "detail"}]}])
    pages = {view.page.id: view for view in prototype(build_context(project, [], [], {})).pages}
    looks = {widget.element.id: (widget.variant, widget.dock, widget.beside)
             for view in pages.values() for widget in view.widgets}
    assert looks == {
        "navbar": ("", "top", False), "price": ("", "", False),
        "add": ("secondary", "bottom", False), "buy": ("primary", "bottom", False),
        "later": ("secondary", "bottom", False),          # going back is never the main action
        "save": ("secondary", "", False), "publish": ("primary", "", True)}  # web: side by side
    assert [[widget.element.id for widget in row] for row in pages["done"].screens[0].rows] \
        == [["save", "publish"]]


def test_a_web_table_gets_the_filters_its_spec_says_else_those_of_the_object_it_shows() -> None:
    project = make_project(
        objects=[{"id": "campaign", "name": "活动", "attributes": [
            {"id": "title", "name": "活动名称"},
            {"id": "kind", "name": "活动类型", "type": "enum", "values": ["签到", "抽奖"]},
            {"id": "status", "name": "活动状态", "type": "enum", "values": ["草稿", "已结束"]},
            {"id": "start_at", "name": "开始时间", "type": "datetime"},
            {"id": "end_at", "name": "结束时间", "type": "datetime"}],
            "lifecycle": {"attribute": "status", "initial": "draft", "final": "ended",
                          "states": [{"id": "draft", "name": "草稿"}, {"id": "running"},
                                     {"id": "ended", "name": "已结束"}],
                          "transitions": [{"from": "draft", "to": "running"},
                                          {"from": "running", "to": "ended"}]}}],
        pages=[{"id": "admin", "title": "活动", "entry": True, "device": "web", "elements": [
            {"id": "inferred", "type": "table", "shows": "campaign.title", "columns": ["名称"]},
            {"id": "declared", "type": "table", "shows": "campaign.title", "columns": ["名称"],
             "filters": [{"type": "search", "placeholder": "搜索活动名称"}]},
            {"id": "none", "type": "table", "shows": "campaign.title", "columns": ["名称"],
             "filters": []},
            {"id": "unbound", "type": "table", "columns": ["名称"]}]},
            {"id": "phone", "title": "手机", "entry": True, "elements": [
                {"id": "mobile_table", "type": "table", "shows": "campaign.title"}]}])
    views = prototype(build_context(project, [], [], {})).pages
    filters = {widget.element.id: [(item.type, item.label, item.placeholder, item.items)
                                   for item in widget.filters]
               for view in views for widget in view.widgets}
    assert filters == {
        "inferred": [("select", "活动类型", "", ["全部", "签到", "抽奖"]),
                     ("select", "活动状态", "", ["全部", "草稿", "running", "已结束"]),
                     ("date_range", "开始时间", "", [])],
        "declared": [("search", "", "搜索活动名称", [])],
        "none": [], "unbound": [], "mobile_table": []}   # tables on a phone have no filter bar


def test_a_web_form_of_several_fields_lays_them_out_two_to_a_row() -> None:
    fields = [{"id": "name", "type": "input"}, {"id": "period", "type": "date"},
              {"id": "limit", "type": "stepper"}, {"id": "days", "type": "stepper"},
              {"id": "kind", "type": "select"}, {"id": "memo", "type": "textarea"},
              {"id": "city", "type": "input"}, {"id": "street", "type": "input"}]
    project = make_project(pages=[
        {"id": "web", "title": "后台", "entry": True, "device": "web", "elements": fields},
        {"id": "said", "title": "后台", "entry": True, "device": "web", "elements": [
            {"id": "a", "type": "input"}, {"id": "b", "type": "input", "beside": True},
            {"id": "c", "type": "input", "beside": True}, {"id": "d", "type": "input"},
            {"id": "e", "type": "input"}]},
        {"id": "phone", "title": "手机", "entry": True, "elements": fields}])
    rows = {view.page.id: [[widget.element.id for widget in row] for row in view.screens[0].rows]
            for view in prototype(build_context(project, [], [], {})).pages}
    assert rows == {
        "web": [["name", "period"], ["limit", "days"], ["kind"], ["memo"], ["city"], ["street"]],
        "said": [["a", "b", "c"], ["d", "e"]],        # the spec's row stays as it says
        "phone": [[field["id"]] for field in fields]}  # two fields stand side by side on the web


def test_a_web_pages_side_menu_opens_its_own_group_and_names_the_others() -> None:
    """As a back office's menu: every group by its title, a closed one a link to its first
    page, and only the page's own group's entries — so a product of many web pages does not
    repeat all of them on each one (the menu grew with the square of the product)."""
    def web(page_id: str, menu: str) -> dict:
        return {"id": page_id, "title": page_id, "entry": True, "device": "web", "menu": menu,
                "elements": [{"id": "text", "type": "text"}]}
    project = make_project(pages=[
        web("orders", "订单管理 / 订单列表"), web("refunds", "订单管理 / 退款"),
        web("users", "用户管理 / 用户列表"), web("roles", "用户管理 / 角色"),
        {"id": "phone", "title": "手机", "entry": True, "elements": [{"id": "t", "type": "text"}]}])
    views = {view.page.id: view for view in prototype(build_context(project, [], [], {})).pages}
    menu = [(group.title, group.first, group.entries) for group in views["roles"].side_menu]
    assert menu == [("订单管理", "orders", ()),
                    ("用户管理", "users", (("用户列表", "users"), ("角色", "roles")))]
    assert views["phone"].side_menu == ()
    page = render_site(project, []).html[SiteMap.prototype("roles")]
    assert isinstance(page, str)
    links = Wireframe(page).links
    assert "../orders/index.html" in links and "../refunds/index.html" not in links
    assert "../users/index.html" in links and "../roles/index.html" in links
