"""The prototype in a real browser (Debian's headless Chromium on `file://`): a path of jumps
through the sample with a conditional chooser and a sheet opened and closed, a state switch,
an annotation pin, a role, the view kept in the URL, and the keyboard.

Screenshots of three screens go to tests/artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tests.browser import (BuiltSite, browser, click, open_page, sample_site,  # noqa: F401
                           screenshot, wait_until)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement


def find(driver: "WebDriver", selector: str) -> "WebElement":
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def on_page(driver: "WebDriver", page_id: str) -> None:
    wait_until(driver, lambda d: d.execute_script(
        "return document.readyState === 'complete' && document.body.dataset.page") == page_id,
        f"the prototype did not reach the page {page_id}")


def tap(driver: "WebDriver", page_element: str) -> None:
    """Click an element of the visible screen (or of the open overlay)."""
    visible = (f'.pp-overlay.pp-open [data-element="{page_element}"] .pp-hit, '
               f'.pp-screen:not([hidden]) [data-element="{page_element}"] .pp-hit')
    click(driver, find(driver, visible))


def choose(driver: "WebDriver", selector: str) -> None:
    """Pick a way out of the open chooser."""
    option = find(driver, f".pp-chooser:not([hidden]) {selector}")
    click(driver, option)


def overlay_open(driver: "WebDriver", overlay_id: str) -> bool:
    return driver.execute_script(
        "const node = document.querySelector(`.pp-overlay[data-overlay='${arguments[0]}']`);"
        "return !!node && node.classList.contains('pp-open') && node.offsetParent !== null;",
        overlay_id)


def test_a_path_through_the_sample_with_a_chooser_and_a_sheet(browser: "WebDriver",
                                                               sample_site: BuiltSite) -> None:
    open_page(browser, sample_site.url("prototype/index.html"))
    on_page(browser, "home")                                   # opens at the launch page
    assert find(browser, ".pp-page-title").text.startswith("首页")

    tap(browser, "goods_list")                                 # 1: list → goods detail
    on_page(browser, "goods_detail")

    tap(browser, "buy_button")                                 # 2: conditional → chooser
    chooser = find(browser, '.pp-screen:not([hidden]) [data-element="buy_button"] .pp-chooser')
    assert chooser.is_displayed()
    assert "未登录" in chooser.text and "登录" in chooser.text and "选择规格" in chooser.text
    choose(browser, '[data-open="sku_sheet"]')                 # → the sheet opens over the page
    wait_until(browser, lambda d: overlay_open(d, "sku_sheet"), "the sku sheet did not open")
    assert "dialog=sku_sheet" in browser.current_url
    screenshot(browser, "prototype-sheet")

    tap(browser, "close_button")                               # 3: close dismisses it
    wait_until(browser, lambda d: not overlay_open(d, "sku_sheet"), "the sheet did not close")
    assert "dialog=" not in browser.current_url

    tap(browser, "buy_button")
    choose(browser, '[data-open="sku_sheet"]')
    wait_until(browser, lambda d: overlay_open(d, "sku_sheet"), "the sku sheet did not reopen")
    tap(browser, "confirm_button")                             # 4: a chooser inside the sheet
    choose(browser, '[data-go="confirm_order"]')
    on_page(browser, "confirm_order")

    tap(browser, "coupon_row")                                 # 5: another sheet, closed by 完成
    wait_until(browser, lambda d: overlay_open(d, "coupon_picker"), "the coupon sheet did not open")
    tap(browser, "done_button")
    wait_until(browser, lambda d: not overlay_open(d, "coupon_picker"), "the coupon sheet stayed")

    tap(browser, "submit_button")                              # 6: → pay result
    choose(browser, '[data-go="pay_result"]')
    on_page(browser, "pay_result")
    assert find(browser, ".pp-page-title").text.startswith("支付结果")


def test_the_offline_state_shows_its_description_and_copy(browser: "WebDriver",
                                                          sample_site: BuiltSite) -> None:
    from selenium.webdriver.support.ui import Select

    open_page(browser, sample_site.url("prototype/checkin/index.html"))
    on_page(browser, "checkin")
    Select(find(browser, "#pp-state")).select_by_value("offline")
    screen = find(browser, '.pp-screen:not([hidden])')
    assert screen.get_attribute("data-state") == "offline"
    assert find(browser, ".pp-screen:not([hidden]) .pp-state-description").text == "无网络"
    placeholder = find(browser, ".pp-screen:not([hidden]) .pp-placeholder-offline")
    assert "网络开小差了" in placeholder.text              # the standard placeholder, not the page
    assert not browser.find_elements("css selector", '.pp-screen:not([hidden]) [data-element="draw_button"]')
    assert "state=offline" in browser.current_url
    click(browser, placeholder.find_element("css selector", "[data-retry]"))
    wait_until(browser, lambda d: "state=" not in d.current_url, "retry did not reload the page")
    assert find(browser, ".pp-screen:not([hidden])").get_attribute("data-state") == "can_draw"
    Select(find(browser, "#pp-state")).select_by_value("loading")
    assert len(browser.find_elements("css selector", ".pp-screen:not([hidden]) .pp-skeleton span")) >= 3
    Select(find(browser, "#pp-state")).select_by_value("offline")

    open_page(browser, browser.current_url.split("#")[0] + "#all=1")   # every state side by side
    screens = [element for element in browser.find_elements("css selector", ".pp-screen")
               if element.is_displayed()]
    assert len(screens) >= 5
    browser.set_window_size(2600, 1000)
    screenshot(browser, "prototype-all-states")
    browser.set_window_size(1400, 1000)


def test_an_annotation_pin_shows_the_elements_note(browser: "WebDriver",
                                                   sample_site: BuiltSite) -> None:
    open_page(browser, sample_site.url("prototype/goods_detail/index.html"))
    on_page(browser, "goods_detail")
    click(browser, find(browser, "#pp-notes"))
    pin = find(browser, '.pp-screen:not([hidden]) [data-pin="price"]')
    assert pin.is_displayed() and pin.text == "5"
    click(browser, pin)
    note = find(browser, '.pp-notes [data-note="price"]')
    wait_until(browser, lambda d: note.is_displayed(), "the note did not open")
    assert "展示所选规格的售价" in note.text
    assert "notes=1" in browser.current_url and "pin=price" in browser.current_url
    screenshot(browser, "prototype-annotations")

    open_page(browser, sample_site.url("prototype/confirm_order/index.html") + "#notes=1&pin=coupon_row")
    on_page(browser, "confirm_order")
    note = find(browser, '.pp-notes [data-note="coupon_row"]')
    assert note.is_displayed(), "a link with a pin opens its note"
    rule = note.find_element("css selector", "a")
    assert rule.text == "优惠券叠加规则"
    click(browser, rule)                       # the note's rule leads to the rule's PRD page
    wait_until(browser, lambda d: d.current_url.endswith("/rules/coupon_stacking.html"),
               "the rule link did not open the rule's page")


def test_a_role_greys_out_what_it_may_not_see_and_says_so(browser: "WebDriver",
                                                         sample_site: BuiltSite) -> None:
    open_page(browser, sample_site.url("prototype/order_detail/index.html") + "#role=buyer")
    on_page(browser, "order_detail")
    remark = find(browser, '.pp-screen:not([hidden]) [data-element="service_remark"]')
    assert "pp-denied" in remark.get_attribute("class")
    notice = find(browser, '[data-role-note="buyer"]')
    assert notice.is_displayed() and "客服备注" in notice.text

    open_page(browser, sample_site.url("prototype/order_detail/index.html") + "#role=service")
    remark = find(browser, '.pp-screen:not([hidden]) [data-element="service_remark"]')
    assert "pp-denied" not in remark.get_attribute("class")


def test_the_keyboard_follows_a_jump_and_the_role_travels_along(browser: "WebDriver",
                                                               sample_site: BuiltSite) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(browser, sample_site.url("prototype/cart/index.html") + "#role=buyer")
    on_page(browser, "cart")
    target = find(browser, '.pp-screen:not([hidden]) [data-element="cart_list"] .pp-hit')
    browser.execute_script("arguments[0].focus()", target)
    assert browser.switch_to.active_element == target
    target.send_keys(Keys.ENTER)
    on_page(browser, "goods_detail")
    assert browser.current_url.endswith("#role=buyer")


def test_a_dialogs_own_url_shows_it_and_close_returns_to_its_page(browser: "WebDriver",
                                                                sample_site: BuiltSite) -> None:
    open_page(browser, sample_site.url("prototype/login_dialog/index.html"))
    on_page(browser, "login_dialog")
    assert "登录" in find(browser, ".pp-screen:not([hidden]) .pp-device").text
    tap(browser, "cancel_button")
    wait_until(browser, lambda d: d.execute_script("return document.body.dataset.page") != "login_dialog",
               "close on a dialog's own page did not return to the page that opens it")


def test_a_long_side_menu_scrolls_to_its_closed_groups_which_open_their_pages(
        browser: "WebDriver", tmp_path: Path) -> None:
    """A back office of three groups of 30 web pages: a page's menu lists its own group and,
    below it, the other groups closed; the menu scrolls within the frame, so every group can
    be reached, and a closed group's link opens its first page with that group open."""
    from pmdocs.pipeline import render_project
    from pmdocs.site import SiteSettings, export_files

    from tests.test_graph import make_project

    groups = ("订单管理", "用户管理", "财务管理")
    project = make_project(pages=[
        {"id": f"g{group}p{number}", "title": f"{title}{number}", "entry": True,
         "device": "web", "menu": f"{title} / {title}页{number}",
         "elements": [{"id": "text", "type": "text"}]}
        for group, title in enumerate(groups) for number in range(30)])
    site = render_project(project, [])
    for path, content in export_files(site, SiteSettings(site.title, site.language, site.nav)).items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    open_page(browser, (tmp_path / "docs" / "prototype" / "g0p5" / "index.html").as_uri())
    browser.set_window_size(1440, 900)
    menu = find(browser, ".pp-screen:not([hidden]) .pp-side-menu")
    closed = menu.find_elements("css selector", "a.pp-side-closed")
    assert [link.text for link in closed] == ["用户管理", "财务管理"]
    assert browser.execute_script("return arguments[0].scrollHeight > arguments[0].clientHeight",
                                  menu), "the menu fits: nothing to scroll"
    last = closed[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", last)
    inside = browser.execute_script(
        "const menu = arguments[0].getBoundingClientRect(), link = arguments[1].getBoundingClientRect();"
        "return link.top >= menu.top - 1 && link.bottom <= menu.bottom + 1 && link.height > 0;",
        menu, last)
    assert inside, "the last closed group cannot be scrolled into the menu's view"
    screenshot(browser, "prototype-side-menu")
    click(browser, last)
    on_page(browser, "g2p0")
    opened = find(browser, ".pp-screen:not([hidden]) .pp-side-menu")
    assert [link.text for link in opened.find_elements("css selector", "a.pp-side-closed")] \
        == ["订单管理", "用户管理"]
    assert len(opened.find_elements("css selector", "a:not(.pp-side-closed)")) == 30
