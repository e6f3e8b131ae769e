"""The prototype's drawing, measured in a real browser at a desktop's 1440 × 900 and a phone's
390 × 844: the phone's screen fills the viewport, the notes panel lists every element, every
sample page opens on a screen that leads onward, and no annotation pin covers another element.

Screenshots of three sample screens at both sizes go to tests/artifacts/ (the README's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

from pmdocs.pipeline import check_project
from tests.browser import (BuiltSite, browser, open_page, sample_site,  # noqa: F401
                           screenshot, wait_until)
from tests.conftest import SAMPLE

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

DESKTOP = (1440, 900)
PHONE = (390, 844)
SCREENS = ("cart", "checkin", "goods_detail")
"""The sample screens the README shows."""

LEADS_ONWARD = ("[data-go], [data-open], [data-toast], [data-choose], "
                ".pp-el:not(.pp-type-navbar) [data-back], .pp-el:not(.pp-type-navbar) [data-close]")
"""The controls that move the user on: to a page, a dialog or a toast, or back or closed from
the content (choosing an address and returning); the navbar's back arrow only returns."""


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[str, int]]:
    """Each sample page's kind and number of elements, read from the specs."""
    project = check_project(SAMPLE).project
    return {page.id: (page.kind, len(page.elements)) for page in project.pages}


@pytest.fixture()
def sized(browser: "WebDriver") -> Iterator["WebDriver"]:
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def viewport(driver: "WebDriver", size: tuple[int, int]) -> None:
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def visit(driver: "WebDriver", site: BuiltSite, page_id: str, view: str = "") -> None:
    open_page(driver, site.url(f"prototype/{page_id}/index.html") + (f"#{view}" if view else ""))
    wait_until(driver, lambda d: d.execute_script("return document.body.classList.contains('pp-js')"),
               f"the prototype of {page_id} did not start")


def each_screen(driver: "WebDriver", site: BuiltSite, pages: dict[str, tuple[str, int]],
                view: str = "") -> Iterator[tuple[str, int]]:
    """Open every sample page but toasts (which show no elements) in turn: its id and its
    number of elements."""
    for page_id, (kind, count) in pages.items():
        if kind != "toast":
            visit(driver, site, page_id, view)
            yield page_id, count


def test_on_a_phone_the_screen_fills_the_viewport_and_the_sitemap_is_a_drawer(
        sized: "WebDriver", sample_site: BuiltSite) -> None:
    viewport(sized, PHONE)
    for page_id in SCREENS:
        visit(sized, sample_site, page_id)
        box = sized.execute_script(
            "const r = document.querySelector('.pp-screen:not([hidden]) .pp-device')"
            ".getBoundingClientRect(); return [r.top, r.width, r.bottom, innerWidth, innerHeight];")
        top, width, bottom, window_width, window_height = box
        assert top <= 100, f"{page_id}: the screen starts {top} px down"
        assert width >= 0.9 * window_width, f"{page_id}: the screen is {width} of {window_width} px"
        assert bottom <= window_height + 1, f"{page_id}: the screen ends below the fold ({bottom})"
        sitemap_left = sized.execute_script(
            "return document.querySelector('.pp-sitemap').getBoundingClientRect().right")
        assert sitemap_left <= 0, "the sitemap is a drawer, out of sight until opened"
        screenshot(sized, f"prototype-{page_id}-390")
    menu = sized.find_element("css selector", "[data-drawer]")
    menu.click()
    wait_until(sized, lambda d: d.execute_script(
        "return document.querySelector('.pp-sitemap').getBoundingClientRect().left") >= 0,
        "the drawer did not open")
    link = sized.find_element("css selector", '.pp-sitemap a[data-go="home"]')
    assert link.is_displayed()
    link.click()
    wait_until(sized, lambda d: d.execute_script("return document.body.dataset.page") == "home",
               "a page chosen in the drawer did not open")
    visit(sized, sample_site, "cart", "state=empty")             # a link shared in a chat
    assert sized.execute_script(
        "return document.querySelector('.pp-screen:not([hidden])').dataset.state") == "empty"
    assert sized.find_element("css selector", '.pp-screen:not([hidden]) [data-element="go_shopping"]') \
        .is_displayed()


def test_the_desktop_screens(sized: "WebDriver", sample_site: BuiltSite) -> None:
    viewport(sized, DESKTOP)
    for page_id in SCREENS:
        visit(sized, sample_site, page_id, "notes=1")
        device = sized.find_element("css selector", ".pp-screen:not([hidden]) .pp-device")
        assert device.size["height"] <= DESKTOP[1] and device.location["y"] < 100
        screenshot(sized, f"prototype-{page_id}-1440")


def test_the_notes_panel_lists_every_element_and_selects_both_ways(
        sized: "WebDriver", sample_site: BuiltSite, pages: dict[str, tuple[str, int]]) -> None:
    viewport(sized, DESKTOP)
    for page_id, count in each_screen(sized, sample_site, pages, "notes=1"):
        listed = sized.execute_script(
            "return [...document.querySelectorAll('.pp-notes [data-note]')]"
            ".filter(n => !n.dataset.note.includes('.') && n.offsetParent !== null).length")
        assert listed == count, f"{page_id}: the panel lists {listed} of {count} elements"
    visit(sized, sample_site, "confirm_order", "notes=1")
    sized.find_element("css selector", '.pp-notes [data-pin="coupon_row"]').click()
    selected = sized.execute_script(
        "return [...document.querySelectorAll('.pp-selected')].map(n => n.className.split(' ')[0])")
    assert sorted(selected) == ["pp-el", "pp-note", "pp-pin"], selected
    sized.find_element("css selector", '.pp-screen:not([hidden]) [data-pin="freight"]').click()
    note = sized.find_element("css selector", '.pp-notes [data-note="freight"]')
    assert "pp-selected" in note.get_attribute("class") and "pin=freight" in sized.current_url


def test_every_page_opens_on_a_screen_that_leads_onward(
        sized: "WebDriver", sample_site: BuiltSite, pages: dict[str, tuple[str, int]]) -> None:
    viewport(sized, DESKTOP)
    for page_id, _ in each_screen(sized, sample_site, pages):
        onward = sized.execute_script(
            "return [...document.querySelectorAll('.pp-screen:not([hidden]) .pp-device')]"
            ".flatMap(d => [...d.querySelectorAll(arguments[0])])"
            ".filter(n => n.getClientRects().length).length", LEADS_ONWARD)
        assert onward >= 1, f"{page_id} opens on a screen with no way onward"


OVERLAPS = """
const overlaps = [];
const visible = node => node.getClientRects().length > 0;
// The part of an element one sees: clipped to the scrolling content that holds it.
const shown = element => {
  const r = element.getBoundingClientRect();
  const scroll = element.closest('.pp-scroll');
  if (!scroll) return r;
  const s = scroll.getBoundingClientRect();
  return {left: Math.max(r.left, s.left), right: Math.min(r.right, s.right),
          top: Math.max(r.top, s.top), bottom: Math.min(r.bottom, s.bottom)};
};
const elements = [...document.querySelectorAll('.pp-screen:not([hidden]) .pp-el')].filter(visible);
for (const pin of document.querySelectorAll('.pp-screen:not([hidden]) .pp-pin')) {
  if (!visible(pin)) continue;
  const a = pin.getBoundingClientRect();
  for (const element of elements) {
    if (element.contains(pin)) continue;
    const b = shown(element);
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      overlaps.push(pin.dataset.pin + ' covers ' + element.dataset.element);
  }
}
return overlaps;
"""


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1440", "390"])
def test_no_pin_covers_another_element(sized: "WebDriver", sample_site: BuiltSite,
                                       pages: dict[str, tuple[str, int]],
                                       size: tuple[int, int]) -> None:
    viewport(sized, size)
    for page_id, _ in each_screen(sized, sample_site, pages, "notes=1&all=1"):
        pins = sized.execute_script(
            "return document.querySelectorAll('.pp-screen:not([hidden]) .pp-pin').length")
        assert pins, f"{page_id}: no pins shown"
        assert sized.execute_script(OVERLAPS) == [], page_id


SPEC_PAGE = """
const frame = document.querySelector('iframe.pmdocs-wireframe');
const table = document.getElementById(arguments[0]).closest('table');
const f = frame.getBoundingClientRect(), t = table.getBoundingClientRect();
const notes = table.tHead.rows[0].cells[3].getBoundingClientRect().width;
const numbers = {};
for (const anchor of table.querySelectorAll('a[id^="element-"]'))
  numbers[anchor.id.slice(8)] = anchor.closest('td').textContent.trim();
return {above: f.bottom <= t.top + 1, beside: f.right <= t.left + 1, notes: notes / t.width,
        numbers: numbers};
"""


@pytest.mark.parametrize("page_id", ["cart", "checkin"])
def test_a_page_spec_shows_its_wireframe_with_the_numbers_of_its_element_table(
        sized: "WebDriver", sample_site: BuiltSite, page_id: str) -> None:
    viewport(sized, DESKTOP)
    open_page(sized, sample_site.url(f"pages/{page_id}.html"))
    project = check_project(SAMPLE).project
    page = next(page for page in project.pages if page.id == page_id)
    layout = sized.execute_script(SPEC_PAGE, "element-" + page.elements[0].id)
    assert layout["above"] or layout["beside"], layout
    assert layout["notes"] >= 0.3, f"the notes column is {layout['notes']:.0%} of the table"
    assert layout["numbers"] == {element.id: str(number)
                                 for number, element in enumerate(page.elements, start=1)}
    frame = sized.find_element("css selector", "iframe.pmdocs-wireframe")
    sized.execute_script("arguments[0].scrollIntoView()", frame)
    sized.switch_to.frame(frame)
    try:
        wait_until(sized, lambda d: d.execute_script(
            "return document.body && document.body.classList.contains('pp-embed')"),
            "the wireframe did not open embedded")
        pins = sized.execute_script(
            "return [...document.querySelectorAll('.pp-screen:not([hidden]) .pp-pin')]"
            ".filter(p => p.getClientRects().length).map(p => [p.dataset.pin, p.textContent.trim()])")
        tabs = sized.execute_script("return document.querySelectorAll('[data-state-tab]').length")
        header = sized.execute_script("return document.querySelector('.pp-header').offsetParent")
    finally:
        sized.switch_to.default_content()
    assert pins and all(layout["numbers"][element] == number for element, number in pins), pins
    assert tabs == len({state.name for state in page.states}) and header is None
    screenshot(sized, f"page-spec-{page_id}")


def test_a_back_office_table_draws_its_filters_above_its_rows(
        sized: "WebDriver", sample_site: BuiltSite) -> None:
    viewport(sized, DESKTOP)
    visit(sized, sample_site, "admin_campaigns")
    found = sized.execute_script("""
        const table = document.querySelector('.pp-screen:not([hidden]) [data-element=campaign_table]');
        const box = node => node.getBoundingClientRect();
        return {filters: [...table.querySelectorAll('.pp-filter')].map(node => [
                    node.className, node.innerText.replace(/\\s+/g, ' ').trim(), box(node).top]),
                buttons: [...table.querySelectorAll('.pp-filter-button')].map(node => node.innerText),
                bar_bottom: box(table.querySelector('.pp-filters')).bottom,
                grid_top: box(table.querySelector('.pp-table-grid')).top};""")
    assert [(kind, text) for kind, text, _ in found["filters"]] == [
        ("pp-filter pp-filter-search", "搜索活动名称"),
        ("pp-filter pp-filter-select", "活动状态 全部 ▾"),
        ("pp-filter pp-filter-date_range", "活动时间 开始日期 – 结束日期")]
    assert found["buttons"] == ["查询", "重置"]
    assert max(top for *_, top in found["filters"]) - min(top for *_, top in found["filters"]) < 20, \
        "at desktop width the filters stand on one row"
    assert found["bar_bottom"] <= found["grid_top"], "the filters are drawn above the rows"
    assert sized.execute_script(
        "return document.querySelector('.pp-screen:not([hidden]) .pp-filters').closest('a, button')") \
        is None, "using a filter does not follow the table's jump to a row"
    screenshot(sized, "prototype-admin_campaigns-1440")
    visit(sized, sample_site, "admin_campaign")                # its prize pool says `filters: []`
    assert sized.execute_script(
        "return document.querySelectorAll('[data-element=prize_table] .pp-filter').length") == 0


def test_a_back_office_form_lays_its_fields_out_in_two_columns(
        sized: "WebDriver", sample_site: BuiltSite) -> None:
    viewport(sized, DESKTOP)
    visit(sized, sample_site, "admin_campaign")
    boxes = sized.execute_script("""
        const found = {};
        for (const id of ['title_input', 'period', 'daily_limit_input', 'goal_days_input', 'prize_table']) {
          const r = document.querySelector(`.pp-screen:not([hidden]) .pp-viewport [data-element=${id}]`)
                            .getBoundingClientRect();
          found[id] = [r.left, r.top, r.right, r.width];
        }
        return found;""")
    for first, second in (("title_input", "period"), ("daily_limit_input", "goal_days_input")):
        assert abs(boxes[first][1] - boxes[second][1]) < 2, f"{first} and {second} share a row"
        assert boxes[first][2] <= boxes[second][0], f"{second} stands right of {first}"
        assert abs(boxes[first][3] - boxes[second][3]) < 2, "the two columns are as wide"
    assert boxes["daily_limit_input"][1] > boxes["title_input"][1], "two fields to a row"
    assert boxes["prize_table"][3] > 1.9 * boxes["title_input"][3], "the table keeps a full row"
    screenshot(sized, "prototype-admin_campaign-1440")
    viewport(sized, PHONE)                 # on a phone the columns stack and nothing spills
    visit(sized, sample_site, "admin_campaign")
    stacked = sized.execute_script("""
        const box = id => document.querySelector(`.pp-screen:not([hidden]) .pp-viewport [data-element=${id}]`)
                                  .getBoundingClientRect();
        const scroll = document.querySelector('.pp-screen:not([hidden]) .pp-scroll');
        return [box('period').top >= box('title_input').bottom, scroll.scrollWidth <= scroll.clientWidth];""")
    assert stacked == [True, True]


def test_a_tag_is_a_small_outlined_label_beside_the_title_unlike_a_badge(
        sized: "WebDriver", sample_site: BuiltSite) -> None:
    viewport(sized, PHONE)
    visit(sized, sample_site, "goods_detail")
    found = sized.execute_script("""
        const screen = document.querySelector('.pp-screen:not([hidden]) .pp-viewport');
        const look = node => { const s = getComputedStyle(node), r = node.getBoundingClientRect();
          return {text: node.innerText, top: r.top, left: r.left, right: r.right, height: r.height,
                  fill: s.backgroundColor, border: s.borderTopWidth, radius: parseFloat(s.borderTopLeftRadius)}; };
        return {tags: [...screen.querySelectorAll('[data-element=service_tags] .pp-tag')].map(look),
                badge: look(screen.querySelector('[data-element=stock_badge] .pp-badge')),
                title: look(screen.querySelector('[data-element=title]'))};""")
    tags, badge, title = found["tags"], found["badge"], found["title"]
    assert [tag["text"] for tag in tags] == ["包邮", "新品"]
    assert all(tag["left"] >= title["right"] - 1 for tag in tags), "the tags stand right of the title"
    assert all(abs(tag["top"] - tags[0]["top"]) < 1 for tag in tags), "on one line"
    assert all(tag["border"] == "1px" and tag["fill"] == "rgba(0, 0, 0, 0)" for tag in tags), \
        "a tag is outlined, not filled"
    assert badge["fill"] != "rgba(0, 0, 0, 0)" and badge["radius"] > tags[0]["radius"], \
        "a badge is a filled pill"
    assert tags[0]["height"] < badge["height"] + 4


def tap(driver: "WebDriver", selector: str) -> None:
    """A finger's tap on the middle of the first visible element `selector` finds: a touch
    start and end through the DevTools protocol, as a phone's screen sends them."""
    x, y = driver.execute_script("""
        const node = [...document.querySelectorAll(arguments[0])].find(n => n.offsetParent !== null);
        const r = node.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];""",
        selector)
    for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def test_on_a_touch_screen_a_tap_follows_the_action_and_opens_the_drawer(
        sized: "WebDriver", sample_site: BuiltSite) -> None:
    viewport(sized, PHONE)
    sized.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        visit(sized, sample_site, "goods_detail")
        assert sized.execute_script("return navigator.maxTouchPoints") == 5
        tap(sized, '.pp-screen:not([hidden]) [data-element="add_cart_button"] .pp-hit')
        wait_until(sized, lambda d: "dialog=sku_sheet" in d.execute_script("return location.hash"),
                   "tapping 加入购物车 did not open its sheet")
        assert sized.find_element("css selector", '[data-overlay="sku_sheet"]').is_displayed()
        tap(sized, "[data-drawer]")
        wait_until(sized, lambda d: d.execute_script(
            "return document.querySelector('.pp-sitemap').getBoundingClientRect().left") >= 0,
            "tapping ☰ did not open the drawer")
        assert sized.find_element("css selector", "[data-drawer]").get_attribute("aria-expanded") == "true"
        tap(sized, '.pp-sitemap a[data-go="cart"]')
        wait_until(sized, lambda d: d.execute_script("return document.body.dataset.page") == "cart",
                   "tapping a page in the drawer did not open it")
    finally:
        sized.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_the_notes_panel_prints_every_note(sized: "WebDriver", sample_site: BuiltSite) -> None:
    viewport(sized, DESKTOP)
    visit(sized, sample_site, "goods_detail", "notes=1&pin=price")
    sized.execute_script("window.printed = 0; window.print = () => { window.printed += 1; };")
    button = sized.find_element("css selector", ".pp-notes [data-print]")
    assert button.text == "打印说明"
    button.click()
    assert sized.execute_script("return window.printed") == 1
    notes = "[...document.querySelectorAll('.pp-note')]"
    total = sized.execute_script(f"return {notes}.length")
    overlay_notes = sized.execute_script(f"return {notes}.filter(n => n.dataset.note.includes('.')).length")
    assert total > overlay_notes > 0, "the page's notes and those of the sheets it opens"
    sized.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        printed = sized.execute_script(
            f"return {notes}.filter(n => n.getBoundingClientRect().height > 0).length")
        assert printed == total, f"{printed} of {total} notes print"
        assert not button.is_displayed(), "the button itself does not print"
    finally:
        sized.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
