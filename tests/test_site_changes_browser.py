"""What a reader of a site built with `--since` sees in a real browser: the marks in the
diagrams in their colours (a removed jump dashed), the legend, the box that opens a changed
page, and the prototype's badges, which a switch hides (and the URL remembers).
The site is the sample's, one commit after a change of each kind (tests/sample_history.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.browser import (BuiltSite, browser, click, open_page, pwned,  # noqa: F401
                           sample_since_site, screenshot, wait_until)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

STYLE_OF = """
const shape = document.querySelector(arguments[0]);
if (!shape) return null;
const style = getComputedStyle(shape);
return {stroke: style.stroke, dash: style.strokeDasharray, fill: style.fill,
        shown: shape.getBoundingClientRect().width > 0};
"""
GREEN, ORANGE, RED = "rgb(30, 142, 62)", "rgb(227, 116, 0)", "rgb(217, 48, 37)"


def style_of(driver: "WebDriver", selector: str) -> dict:
    found = driver.execute_script(STYLE_OF, selector)
    assert found is not None, f"nothing matches {selector}"
    return found


def test_the_page_map_marks_changed_pages_and_a_removed_jump(
        browser: "WebDriver", sample_since_site: BuiltSite) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_since_site.url("pagemap/trade.html"))
    changed = style_of(browser, 'g[id="pagemap-trade-pages.confirm_order"] polygon')
    assert changed["stroke"] == ORANGE and changed["shown"]
    removed = style_of(browser, ".pmdocs-diagram g.edge.change-removed path")
    assert removed["stroke"] == RED and removed["dash"] not in ("none", "")
    kept = style_of(browser, 'g[id="pagemap-trade-pages.pay_result"] polygon')
    assert kept["stroke"] not in (GREEN, ORANGE, RED)
    legend = browser.find_element(By.CSS_SELECTOR, ".pmdocs-legend").text
    assert legend == "图例：修改 删除（虚线）"
    screenshot(browser, "changes-pagemap")


def test_a_changed_page_opens_with_what_changed(browser: "WebDriver",
                                                sample_since_site: BuiltSite) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_since_site.url("pages/cart.html"))
    box = browser.find_element(By.CSS_SELECTOR, "article .pmdocs-changed")
    assert box.find_element(By.CSS_SELECTOR, ".admonition-title").text.startswith("与 before (")
    rows = [row.text for row in box.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert rows == ["删除 跳转 checkout_button 点击 login_dialog [未登录] –",
                    "新增 状态 partly_gone – 部分商品已下架，置灰显示在列表最后"]
    heading = browser.find_element(By.CSS_SELECTOR, "article h2")
    assert box.location["y"] < heading.location["y"]
    neighbourhood = style_of(browser, 'g[id="page-cart-pages.cart"] polygon')
    assert neighbourhood["stroke"] == ORANGE
    screenshot(browser, "changes-page")


def test_the_prototype_badges_what_changed_and_a_switch_hides_them(
        browser: "WebDriver", sample_since_site: BuiltSite) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_since_site.url("prototype/cart/index.html"))
    badge = '.pp-screen:not([hidden]) [data-element="checkout_button"] > .pp-change-badge'
    shown = browser.find_element(By.CSS_SELECTOR, badge)
    assert shown.is_displayed() and shown.text == "修改"
    assert browser.find_element(By.CSS_SELECTOR, ".pp-page-title .pp-change-badge").text == "修改"
    untouched = browser.find_elements(By.CSS_SELECTOR, '[data-element="total"] > .pp-change-badge')
    assert not untouched
    screenshot(browser, "changes-prototype")
    click(browser, browser.find_element(By.ID, "pp-changes"))
    wait_until(browser, lambda d: not d.find_element(By.CSS_SELECTOR, badge).is_displayed(),
               "the switch did not hide the badges")
    assert browser.current_url.endswith("#changes=0")
    open_page(browser, sample_since_site.url("prototype/cart/index.html") + "#changes=0")
    assert not browser.find_element(By.CSS_SELECTOR, badge).is_displayed()
    assert not browser.find_element(By.ID, "pp-changes").is_selected()
    assert not pwned(browser)
