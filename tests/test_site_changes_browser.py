"""What a reader of a site built with `--since` sees in a real browser: the marks in the
diagrams in their colours (a removed jump dashed), the legend, the box that opens a changed
page, and the prototype's badges, which a switch hides (and the URL remembers).
The site is the sample's, one commit after a change of each kind (tests/sample_history.py),
and for swimlanes and lifecycles those of the flows and objects diff cases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser import (BuiltSite, browser, build, click, open_page, pwned,  # noqa: F401
                           sample_since_site, screenshot, wait_until)
from tests.gitrepo import commit_tree, new_repository
from tests.test_diff_cases import DIFF_CASES

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


@pytest.fixture(scope="module")
def case_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    """The `flows` and `objects` diff cases, each built from its later revision with
    `--since` the earlier one."""
    sites = {}
    for case in ("flows", "objects"):
        root = tmp_path_factory.mktemp(f"since-{case}")
        repository = new_repository(root / "repo")
        commit_tree(repository, DIFF_CASES / case / "base", "specs", "base", tag="base")
        commit_tree(repository, DIFF_CASES / case / "head", "specs", "head")
        sites[case] = BuiltSite(root / "site", root / "cache")
        build(repository / "specs", sites[case].folder, sites[case].cache, "--since", "base")
    return sites


def test_a_swimlane_marks_steps_and_draws_a_removed_one_dashed(
        browser: "WebDriver", case_sites: dict[str, BuiltSite]) -> None:
    open_page(browser, case_sites["flows"].url("flows/order_flow.html"))
    removed = style_of(browser, 'g[id="flow-order_flow-steps.done"] path, '
                                'g[id="flow-order_flow-steps.done"] polygon')
    assert removed["stroke"] == RED and removed["dash"] not in ("none", "") and removed["shown"]
    assert style_of(browser, 'g[id="flow-order_flow-steps.ship"] path, '
                             'g[id="flow-order_flow-steps.ship"] polygon')["stroke"] == GREEN
    assert style_of(browser, 'g[id="flow-order_flow-steps.submit"] polygon')["stroke"] == ORANGE
    screenshot(browser, "changes-swimlane")


def test_a_lifecycle_marks_states_and_transitions(browser: "WebDriver",
                                                  case_sites: dict[str, BuiltSite]) -> None:
    open_page(browser, case_sites["objects"].url("objects/order.html"))
    new_state = style_of(browser, 'g[id="lifecycle-order-states.refunded"] path, '
                                  'g[id="lifecycle-order-states.refunded"] polygon')
    assert new_state["stroke"] == GREEN
    removed = style_of(browser, ".pmdocs-diagram g.edge.change-removed path")
    assert removed["stroke"] == RED and removed["dash"] not in ("none", "")
    assert not pwned(browser)
    screenshot(browser, "changes-lifecycle")
