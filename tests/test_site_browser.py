"""What a reader sees in a real browser (Debian's headless Chromium, opened on `file://`):
the page map's nodes lead to the pages' specs, search finds Chinese words, and the site works
with the network off and asks for nothing outside the built folder. (A hostile spec's site:
tests/test_hostile_browser.py.)

Screenshots go to tests/artifacts/. The sites are built once per session (tests.browser).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser import (SEARCH_RESULT, BuiltSite, browser, click, external,  # noqa: F401
                           file_of, open_page, requests_made, sample_site, screenshot, search,
                           wait_until)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

LINK_TARGETS = """
return Array.from(document.querySelectorAll(arguments[0]),
                  link => new URL(link.getAttribute('href'), document.baseURI).href);
"""
LINK_TO = """
return Array.from(document.querySelectorAll('article a[href]')).find(
    link => new URL(link.getAttribute('href'), document.baseURI).href === arguments[0]);
"""


def link_targets(driver: "WebDriver", selector: str) -> list[str]:
    """The absolute URLs the links (HTML or SVG) matching `selector` lead to, in page order."""
    return driver.execute_script(LINK_TARGETS, selector)


def diagram_node_link(driver: "WebDriver", node_id: str) -> "WebElement":
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'g[id="{node_id}"] a[href]')


# --------------------------------------------------------------------- the sample site

def test_a_page_map_node_leads_to_the_page_spec(browser: "WebDriver", sample_site: BuiltSite) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_site.url("pagemap/index.html"))
    click(browser, diagram_node_link(browser, "pagemap-modules.campaign"))
    wait_until(browser, lambda d: d.current_url.endswith("/pagemap/campaign.html"),
               f"clicking the module 营销活动 in the page map went to {browser.current_url}")
    click(browser, diagram_node_link(browser, "pagemap-campaign-pages.checkin"))
    wait_until(browser, lambda d: d.current_url.endswith("/pages/checkin.html"),
               f"clicking the page 每日签到抽奖 went to {browser.current_url}")
    assert file_of(browser.current_url) == sample_site.folder / "pages" / "checkin.html"
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == "每日签到抽奖"
    headings = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "article h2")]
    assert "元素" in headings and "状态" in headings, headings


@pytest.mark.parametrize("words, page, title", [
    ("脐橙", "pages/search_result.html", "搜索结果"),
    ("满签", "glossary.html", "术语表"),
])
def test_search_finds_a_chinese_word(browser: "WebDriver", sample_site: BuiltSite, words: str,
                                     page: str, title: str) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_site.url())
    results = search(browser, words)
    found = [url for url, _ in results if file_of(url) == sample_site.folder / page]
    assert found, f"searching {words!r} did not find {page}; results: {results}"
    link = next(element for element in browser.find_elements(By.CSS_SELECTOR, SEARCH_RESULT)
                if element.get_attribute("href") == found[0])
    link.click()
    wait_until(browser, lambda d: file_of(d.current_url) == sample_site.folder / page,
               f"the search result for {words!r} went to {browser.current_url}")
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == title
    assert words in browser.find_element(By.CSS_SELECTOR, "article").text


@pytest.mark.parametrize("page, name", [("index.html", "home"),
                                        ("flows/order_flow.html", "flow-order_flow")])
def test_screenshot(browser: "WebDriver", sample_site: BuiltSite, page: str, name: str) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_site.url(page))
    if page.startswith("flows/"):
        diagram = browser.find_element(By.CSS_SELECTOR, ".pmdocs-diagram svg.pmdocs-svg")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", diagram)
        assert diagram.size["width"] > 300 and diagram.size["height"] > 200, diagram.size
        assert "确认支付" in diagram.text
    path = screenshot(browser, f"sample-{name}")
    assert path.stat().st_size > 10_000, f"{path} looks blank"


def test_the_site_works_offline_and_asks_for_nothing_outside_it(browser: "WebDriver",
                                                                 sample_site: BuiltSite) -> None:
    """With the network off: every request of the home page, a page spec, a flow page and a
    search is for a file of the built site (or data:/blob:/about:), and they all work."""
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        requests_made(browser)
        seen: dict[str, list[str]] = {}
        for page in ("index.html", "pages/cart.html", "flows/order_flow.html"):
            open_page(browser, sample_site.url(page))
            assert browser.find_elements(By.CSS_SELECTOR, "article h1"), f"{page} shows no title"
            seen[page] = requests_made(browser)
        results = search(browser, "购物车")
        assert any(file_of(url) == sample_site.folder / "pages" / "cart.html" for url, _ in results)
        seen["search 购物车"] = requests_made(browser)
    finally:
        browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})

    for what, urls in seen.items():
        assert urls, f"no request was recorded for {what}: is the performance log on?"
        assert not external(urls), f"{what} asked for: {external(urls)}"
        missing = [url for url in urls if url.startswith("file:") and not file_of(url).is_file()]
        assert not missing, f"{what} asked for files the build lacks: {missing}"
    assert any("search_index" in url for url in seen["search 购物车"] + seen["index.html"])
    stylesheets = browser.execute_script(
        "return Array.from(document.styleSheets).map(sheet => sheet.href).filter(Boolean)")
    assert any("main" in href for href in stylesheets), stylesheets
    font = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Roboto" not in font.split(",")[0], f"a web font would be needed: {font}"
