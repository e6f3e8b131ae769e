"""Diagrams as a reader first sees them in a real browser (Debian's headless Chromium at
1440 × 900, on `file://`): every diagram of the sample site is readable without zooming
(no text under 11 CSS px, measured on each SVG `<text>` from its font size and its screen
transform, and from its rendered box), and the viewer's zoom, full screen and "open the SVG"
work from the keyboard.

Screenshots go to tests/artifacts/. The sample site is built once per session (tests.browser).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser import (BuiltSite, browser, open_page, sample_site,  # noqa: F401
                           screenshot, wait_until)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

WIDTH, HEIGHT = 1440, 900
SMALLEST_TEXT = 11.0
"""CSS px: the smallest diagram type a reader must be able to read as first shown."""

TEXT_SIZES = """
const sizes = [];
for (const container of document.querySelectorAll('.pmdocs-diagram')) {
  const svg = container.querySelector('svg.pmdocs-svg');
  let smallest = null;
  for (const text of svg.querySelectorAll('text')) {
    if (!text.textContent.trim() || !text.getClientRects().length) continue;   // not shown
    const matrix = text.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
    const box = text.getBoundingClientRect();
    if (smallest === null || size < smallest.size)
      smallest = {size: size, box: box.height, text: text.textContent};
  }
  sizes.push({diagram: container.dataset.pmdocsDiagram, texts: svg.querySelectorAll('text').length,
              smallest: smallest});
}
return sizes;
"""
"""For each diagram of the page: how many `<text>` it holds and its smallest one as shown —
its font size in CSS px (the computed size in the SVG's units times the scale of its screen
transform) and the height of its rendered box."""


def diagram_pages(site: BuiltSite) -> list[str]:
    """Every page of the built site that shows a diagram, relative to the site's folder."""
    return sorted(str(path.relative_to(site.folder)) for path in site.folder.rglob("*.html")
                  if 'class="pmdocs-diagram' in path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def window(browser: "WebDriver") -> "WebDriver":
    """The browser with a 1440 × 900 viewport."""
    browser.set_window_size(WIDTH, HEIGHT)
    inner = browser.execute_script("return [window.innerWidth, window.innerHeight]")
    browser.set_window_size(2 * WIDTH - inner[0], 2 * HEIGHT - inner[1])
    assert browser.execute_script("return [window.innerWidth, window.innerHeight]") == [WIDTH, HEIGHT]
    return browser


def wait_for_viewers(driver: "WebDriver") -> None:
    wait_until(driver, lambda d: d.execute_script(
        "return Array.from(document.querySelectorAll('.pmdocs-diagram'))"
        ".every(diagram => diagram.dataset.pmdocsViewer === 'on')"), "the diagram viewer did not start")


def test_every_diagram_is_readable_as_first_shown(window: "WebDriver", sample_site: BuiltSite) -> None:
    pages = diagram_pages(sample_site)
    assert len(pages) >= 20, pages     # flows, objects, the page maps, structure, use cases ...
    measured, too_small = {}, []
    for page in pages:
        open_page(window, sample_site.url(page))
        wait_for_viewers(window)
        for diagram in window.execute_script(TEXT_SIZES):
            smallest = diagram["smallest"]
            assert smallest is not None, f"{page}: {diagram['diagram']} shows no text"
            measured[diagram["diagram"]] = smallest["size"]
            if smallest["size"] < SMALLEST_TEXT or smallest["box"] < SMALLEST_TEXT:
                too_small.append(f"{page} {diagram['diagram']}: {smallest}")
    kinds = {name.split("-")[0] for name in measured}
    assert {"flow", "lifecycle", "objects", "page", "pagemap", "structure", "usecases"} <= kinds, sorted(kinds)
    assert not too_small, "diagram text under 11 CSS px:\n" + "\n".join(too_small)


FIRST_SHOWN = """
const container = document.querySelector('.pmdocs-diagram');
container.scrollIntoView({block: 'start'});
window.scrollBy(0, -64);
const svg = container.querySelector('svg.pmdocs-svg'), frame = container.querySelector('.pmdocs-diagram-frame');
return {shown: svg.getBoundingClientRect().width, natural: svg.width.baseVal.value,
        frame: frame.clientWidth, scrolls: frame.scrollWidth > frame.clientWidth};
"""


@pytest.mark.parametrize("page, name, width", [
    ("flows/order_flow.html", "flow", WIDTH), ("pagemap/trade.html", "pagemap-trade", WIDTH),
    ("structure.html", "structure", WIDTH), ("flows/order_flow.html", "flow", 390)])
def test_a_large_diagram_scrolls_at_its_natural_size(window: "WebDriver", sample_site: BuiltSite,
                                                       page: str, name: str, width: int) -> None:
    """Wider than its column, a diagram keeps its natural size and its frame scrolls."""
    if width != WIDTH:
        window.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        open_page(window, sample_site.url(page))
        wait_for_viewers(window)
        shown = window.execute_script(FIRST_SHOWN)
        screenshot(window, f"diagram-{name}-{width}")
    finally:
        window.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert shown["shown"] == pytest.approx(shown["natural"], abs=0.5), shown
    assert shown["natural"] > shown["frame"] and shown["scrolls"], shown


DECISIONS = """
const outside = [];
let count = 0;
for (const node of document.querySelectorAll('.pmdocs-diagram g.node.decision')) {
  const numbers = node.querySelector('polygon').getAttribute('points').trim().split(/[\\s,]+/).map(Number);
  const xs = numbers.filter((_, index) => index % 2 === 0), ys = numbers.filter((_, index) => index % 2 === 1);
  const middleX = (Math.min(...xs) + Math.max(...xs)) / 2, middleY = (Math.min(...ys) + Math.max(...ys)) / 2;
  const halfWidth = (Math.max(...xs) - Math.min(...xs)) / 2, halfHeight = (Math.max(...ys) - Math.min(...ys)) / 2;
  count += 1;
  for (const text of node.querySelectorAll('text')) {
    const box = text.getBBox();
    for (const [x, y] of [[box.x, box.y], [box.x + box.width, box.y],
                          [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]) {
      const reach = Math.abs(x - middleX) / halfWidth + Math.abs(y - middleY) / halfHeight;
      if (reach > 1.02) outside.push(text.textContent + ': ' + reach.toFixed(2));
    }
  }
}
return [count, outside];
"""
"""How many decision diamonds the page draws, and the text of theirs whose rendered box (the
browser's own font metrics) reaches outside the diamond (a corner's |dx|/a + |dy|/b > 1)."""


def test_decision_text_stays_inside_its_diamond(window: "WebDriver", sample_site: BuiltSite) -> None:
    total = 0
    for page in sorted(path.name for path in (sample_site.folder / "flows").glob("*_flow.html")):
        open_page(window, sample_site.url(f"flows/{page}"))
        count, outside = window.execute_script(DECISIONS)
        total += count
        assert not outside, f"{page}: decision text outside its shape: {outside}"
    assert total >= 4, total


GEOMETRY = """
const svg = document.querySelector('.pmdocs-diagram svg.pmdocs-svg');
const box = id => { const element = document.getElementById(svg.id + '-' + id);
                    return element && element.getBoundingClientRect().toJSON(); };
const text = id => { const element = document.getElementById(svg.id + '-' + id);
                     return element && element.querySelector('text').getBoundingClientRect().toJSON(); };
return {borders: arguments[0].map((_, index) => box('borders.' + index)),
        rows: arguments[1].map((_, index) => box('rows.' + index + '.2')),
        lanes: arguments[0].slice(0, -1).map(lane => text('lanes.' + lane)),
        stages: arguments[1].slice(0, -1).map(stage => text('stages.' + stage)),
        steps: Object.fromEntries(arguments[2].map(step => [step, box('steps.' + step)]))};
"""
"""Where the browser draws a flow's grid lines, its lane and stage names (their text) and its
steps, in CSS px."""


def test_swimlanes_as_drawn_keep_cells_and_centre_lane_names(window: "WebDriver",
                                                               sample_site: BuiltSite) -> None:
    from pmdocs.pipeline import check_project
    from tests.conftest import SAMPLE

    project, _, _ = check_project(SAMPLE)
    for flow in project.flows:
        open_page(window, sample_site.url(f"flows/{flow.id}.html"))
        stages = [stage.id for stage in flow.stages]
        drawn = window.execute_script(GEOMETRY, [*flow.lanes, ""], [*stages, ""],
                                      [step.id for step in flow.steps])
        borders = [border["left"] for border in drawn["borders"]]
        rows = [row["top"] for row in drawn["rows"]]
        assert borders == sorted(borders) and rows == sorted(rows), (borders, rows)
        for lane, name in zip(flow.lanes, drawn["lanes"]):
            index = flow.lanes.index(lane)
            middle = (borders[index] + borders[index + 1]) / 2
            assert abs(name["left"] + name["width"] / 2 - middle) < 1, f"{flow.id}: {lane} off-centre"
        for band, name in enumerate(drawn["stages"]):
            assert name["right"] < borders[0], f"{flow.id}: {stages[band]} not in the stage column"
            assert rows[band] < name["top"] and name["bottom"] < rows[band + 1], \
                f"{flow.id}: {stages[band]} not inside its band"
        for step in flow.steps:
            shape, index = drawn["steps"][step.id], flow.lanes.index(step.lane)
            band = stages.index(step.stage)
            assert borders[index] < shape["left"] and shape["right"] < borders[index + 1], \
                f"{flow.id}: {step.id} outside lane {step.lane}"
            assert rows[band] < shape["top"] and shape["bottom"] < rows[band + 1], \
                f"{flow.id}: {step.id} outside stage {step.stage}"
    screenshot(window, "diagram-swimlane")


# ------------------------------------------------------------------------------ the viewer

FLOW = "flows/order_flow.html"
SCALE = "return document.querySelector('.pmdocs-diagram').dataset.pmdocsScale"
SMALLEST = "return Math.min(...arguments[0].map(diagram => diagram.smallest.size))"


def scale(driver: "WebDriver") -> float:
    return float(driver.execute_script(SCALE))


def tab_to(driver: "WebDriver", label: str, presses: int = 200) -> None:
    """Press Tab from the top of the page until the focus is on the control whose name ends
    with `label`."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(presses):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        named = driver.execute_script("return document.activeElement.getAttribute('aria-label')")
        if named is not None and named.endswith(label):     # its visible text, then `label`
            return
    raise AssertionError(f"Tab never reached {label!r}")


def press(driver: "WebDriver", key: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()


def test_zoom_by_keyboard_wheel_and_pinch(window: "WebDriver", sample_site: BuiltSite) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(window, sample_site.url(FLOW))
    wait_for_viewers(window)
    first = window.execute_script(SMALLEST, window.execute_script(TEXT_SIZES))
    assert scale(window) == 1.0
    tab_to(window, "放大")
    press(window, Keys.ENTER)
    press(window, Keys.ENTER)
    assert scale(window) == pytest.approx(1.5625)
    zoomed = window.execute_script(SMALLEST, window.execute_script(TEXT_SIZES))
    assert zoomed == pytest.approx(first * 1.5625, rel=0.01), (first, zoomed)
    tab_to(window, "原始大小")
    press(window, Keys.ENTER)
    assert scale(window) == 1.0

    tab_to(window, window.execute_script(
        "return document.querySelector('.pmdocs-diagram-frame').getAttribute('aria-label')"))
    press(window, "-")
    assert scale(window) == pytest.approx(0.8)
    left = window.execute_script("return document.querySelector('.pmdocs-diagram-frame').scrollLeft")
    press(window, Keys.ARROW_RIGHT)
    wait_until(window, lambda d: d.execute_script(
        "return document.querySelector('.pmdocs-diagram-frame').scrollLeft") > left,
        "the arrow keys do not scroll the focused diagram")
    press(window, "0")
    assert scale(window) == 1.0

    frame = window.execute_script(
        "const box = document.querySelector('.pmdocs-diagram-frame').getBoundingClientRect();"
        "return [box.left + box.width / 2, box.top + box.height / 2]")
    window.execute_cdp_cmd("Input.dispatchMouseEvent", {
        "type": "mouseWheel", "x": frame[0], "y": frame[1], "deltaX": 0, "deltaY": -200,
        "modifiers": 2})     # Ctrl
    wait_until(window, lambda d: scale(d) > 1.2, "Ctrl-wheel did not zoom in")
    page_zoom = window.execute_script("return window.visualViewport.scale")
    assert page_zoom == 1, "Ctrl-wheel zoomed the page, not the diagram"

    press(window, "0")
    window.execute_cdp_cmd("Input.synthesizePinchGesture", {
        "x": frame[0], "y": frame[1], "scaleFactor": 2, "gestureSourceType": "touch"})
    wait_until(window, lambda d: scale(d) > 1.5, "a pinch did not zoom in")
    screenshot(window, "diagram-zoomed")


def test_full_screen_and_the_svg_alone_by_keyboard(window: "WebDriver", sample_site: BuiltSite) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(window, sample_site.url(FLOW))
    wait_for_viewers(window)
    tab_to(window, "全屏")
    press(window, Keys.ENTER)
    wait_until(window, lambda d: d.execute_script(
        "return document.fullscreenElement === document.querySelector('.pmdocs-diagram')"),
        "the diagram did not go full screen")
    frame = window.execute_script(
        "const box = document.querySelector('.pmdocs-diagram-frame').getBoundingClientRect();"
        "return [box.width, box.height, window.innerWidth, window.innerHeight]")
    assert frame[0] == frame[2] and frame[1] > 0.9 * frame[3], frame
    screenshot(window, "diagram-full-screen")
    assert window.execute_script("return document.activeElement.getAttribute('aria-label')") == "退出全屏"
    press(window, Keys.ENTER)
    wait_until(window, lambda d: d.execute_script("return document.fullscreenElement === null"),
               "the diagram did not leave full screen")

    page = window.current_window_handle
    tab_to(window, "在新标签页中单独打开此图")
    press(window, Keys.ENTER)
    wait_until(window, lambda d: len(d.window_handles) == 2, "no tab opened with the SVG")
    window.switch_to.window([handle for handle in window.window_handles if handle != page][0])
    try:
        wait_until(window, lambda d: d.execute_script("return document.readyState") == "complete",
                   "the SVG did not load")
        shown = window.execute_script(
            "return [document.contentType, document.documentElement.localName,"
            " document.documentElement.textContent,"
            " Array.from(document.querySelectorAll('a[href]'), link => link.getAttribute('href'))]")
        assert shown[:2] == ["image/svg+xml", "svg"], shown[:2]
        assert "确认收货地址和优惠券" in shown[2]
        assert shown[3] and all(href.startswith("file:///") for href in shown[3]), shown[3]
        screenshot(window, "diagram-alone")
    finally:
        window.close()
        window.switch_to.window(page)
