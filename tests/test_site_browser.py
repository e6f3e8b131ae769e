"""What a reader sees in a real browser (Debian's headless Chromium, opened on `file://`):
the page map's nodes lead to the pages' specs, search finds Chinese words, the site works
with the network off and asks for nothing outside the built folder, and a hostile spec runs
no script anywhere on its site.

Screenshots go to tests/artifacts/. The sites are built once per session (tests.browser).
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from tests.browser import (HOSTILE, WAIT, BuiltSite, browser, external,  # noqa: F401
                           hostile_site, open_dialog, requests_made, sample_site, screenshot)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item > a"

DANGER_IN_DOM = """
const found = [];
const bad = /^(javascript|vbscript|data):/i;
for (const element of document.querySelectorAll('*')) {
  for (const attribute of element.attributes) {
    const name = attribute.name.toLowerCase();
    const value = attribute.value.replace(/[\\u0000-\\u0020\\u007f]+/g, '');
    if (name.startsWith('on') || (/(^|:)(href|src|action|formaction)$/.test(name) && bad.test(value)))
      found.push(element.tagName + ' ' + attribute.name + '="' + attribute.value.slice(0, 60) + '"');
  }
}
for (const element of document.querySelectorAll('article script, article iframe, article object, article embed, article style, svg script, svg foreignObject'))
  found.push('<' + element.tagName.toLowerCase() + '> in the content');
for (const script of document.querySelectorAll('script:not([src])'))
  if (/__pwned|alert\\(/.test(script.textContent)) found.push('inline script: ' + script.textContent.slice(0, 60));
return found;
"""
"""Attributes and elements in the live DOM through which spec text could run a script: event
handlers (`on…`), `javascript:`/`data:` links, frames, and inline scripts holding a payload."""


# -------------------------------------------------------------------------- utilities

def wait_until(driver: "WebDriver", condition, message: str, timeout: float = WAIT):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition, message)


def open_page(driver: "WebDriver", url: str) -> None:
    driver.get(url)
    wait_until(driver, lambda d: d.execute_script("return document.readyState") == "complete",
               f"{url} did not finish loading")


def file_of(url: str) -> Path:
    """The file a `file://` URL names (query and fragment dropped)."""
    parts = urlsplit(url)
    assert parts.scheme == "file", f"left the built folder: {url}"
    return Path(unquote(parts.path))


def click(driver: "WebDriver", element: "WebElement") -> None:
    """A real click in the middle of the element (scrolled to the middle of the window, so the
    sticky header cannot cover it)."""
    from selenium.webdriver.common.action_chains import ActionChains

    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element)
    ActionChains(driver, duration=0).move_to_element(element).click().perform()


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


def search(driver: "WebDriver", words: str) -> list[tuple[str, str]]:
    """Type `words` into Material's search box; the results as (URL, text)."""
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.CSS_SELECTOR, SEARCH_INPUT)
    box.click()
    box.clear()
    box.send_keys(words)
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, SEARCH_RESULT),
               f"no search result for {words!r}: "
               f"{driver.find_element(By.CSS_SELECTOR, '.md-search-result__meta').text}")
    return [(link.get_attribute("href"), link.text)
            for link in driver.find_elements(By.CSS_SELECTOR, SEARCH_RESULT)]


PWNED_VALUES = """
const seen = [window.__pwned];
for (const frame of document.querySelectorAll('iframe'))
  try { seen.push(frame.contentWindow.__pwned); } catch (error) {}
return seen.filter(value => value !== undefined).map(String);
"""


def pwned(driver: "WebDriver") -> list[str]:
    """Signs that a payload ran: an alert dialog, or `window.__pwned` set in the page or in
    any of its frames."""
    from selenium.common.exceptions import UnexpectedAlertPresentException

    signs = []
    for _ in range(5):     # each payload may open its own dialog
        dialog = open_dialog(driver)
        if dialog is not None:
            signs.append(f"an alert dialog opened: {dialog!r}")
        try:
            values = driver.execute_script(PWNED_VALUES)
            break
        except UnexpectedAlertPresentException as error:
            signs.append(f"an alert dialog opened: {error.alert_text!r}")
    else:
        values = []
    if values:
        signs.append(f"window.__pwned was set to {values}")
    return signs


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


# -------------------------------------------------------------------- the hostile site

"""The hostile fields the bugs above make run, and what stands in for them meanwhile."""


NOT_TEXT = {"id", "to", "source", "lane", "stage", "release", "module", "shows", "by", "initial",
            "final", "roles", "pages", "rules", "flows", "objects", "features", "elements", "lanes",
            "editable_by", "hides", "disable", "required_states", "exclude", "output", "timezone",
            "reset", "duration", "date", "max", "min"}
"""Fields of the spec model that hold ids, references, settings or numbers, not text."""
HOSTILE_MARKS = set('<&"{\\[$')


def _is_choice(annotation: Any) -> bool:
    """A `Literal[...]` (or a list or optional of one): a closed choice, not free text."""
    if get_origin(annotation) is Literal:
        return True
    return get_origin(annotation) in (Union, types.UnionType, list, tuple) and \
        any(_is_choice(argument) for argument in get_args(annotation))


def _holds_items(annotation: Any) -> bool:
    """Whether a field holds spec items (a list of them, say), however it is annotated."""
    from pmdocs.model.spec import Spec

    if isinstance(annotation, type) and issubclass(annotation, Spec):
        return True
    return any(_holds_items(argument) for argument in get_args(annotation))


def text_fields(item: Any, path: str, found: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every free-text field of a spec item and of the items inside it, by path (such as
    `pages[].elements[].label`), with the texts the project gives it."""
    from pmdocs.model.spec import Spec

    for name, field in type(item).model_fields.items():
        value = getattr(item, name)
        if isinstance(value, Spec):
            text_fields(value, f"{path}.{name}", found)
        elif isinstance(value, (list, tuple)) and value and isinstance(value[0], Spec):
            for child in value:
                text_fields(child, f"{path}.{name}[]", found)
        elif name not in NOT_TEXT and not _is_choice(field.annotation) and \
                not _holds_items(field.annotation) and \
                not isinstance(value, (bool, int, float, dict)) and value is not None:
            texts = [value] if isinstance(value, str) else [text for text in value if isinstance(text, str)]
            found.setdefault(f"{path}.{name}", []).extend(texts)
    return found


def test_the_hostile_project_passes_check_and_fills_every_text_field_with_markup() -> None:
    """So that it builds, and so that no field shown on the site or in a diagram escapes the
    browser tests: a text field added to the spec language must get hostile text here."""
    from pmdocs.check import check_project
    from pmdocs.issues import Severity
    from pmdocs.model.spec import SECTIONS

    project, issues, _ = check_project(HOSTILE)
    errors = [f"{issue.location}: {issue.code} {issue.message}" for issue in issues
              if issue.severity == Severity.ERROR]
    assert not errors, "\n".join(errors)
    found = text_fields(project.settings, "pmdocs.yml", {})
    for section in SECTIONS:
        assert project.items(section), f"the hostile project has no {section}"
        for item in project.items(section):
            text_fields(item, section + "[]", found)
    plain = sorted(path for path, texts in found.items()
                   if not any(HOSTILE_MARKS & set(text) for text in texts))
    assert not plain, f"no hostile text in {plain}: add some to tests/fixtures/hostile"
    assert len(found) > 60, sorted(found)


def html_files(site: BuiltSite) -> list[str]:
    files = sorted(path.relative_to(site.folder).as_posix() for path in site.folder.rglob("*.html"))
    assert len(files) > 20, f"the hostile site has only {files}"
    return files


def scripts_that_ran(driver: "WebDriver", site: BuiltSite) -> dict[str, list[str]]:
    """Every page of the site opened; what ran or could run, by page."""
    from selenium.common.exceptions import UnexpectedAlertPresentException

    problems = {}
    for page in html_files(site):
        found = []
        try:
            open_page(driver, site.url(page))
        except UnexpectedAlertPresentException as error:
            found.append(f"an alert dialog opened: {error.alert_text!r}")
        found += pwned(driver)
        found += driver.execute_script(DANGER_IN_DOM)
        if found:
            problems[page] = found
    return problems


def test_no_script_runs_on_any_page(browser: "WebDriver", hostile_site: BuiltSite) -> None:
    problems = scripts_that_ran(browser, hostile_site)
    assert not problems, "spec text ran or could run a script:\n" + "\n".join(
        f"  {page}: {found}" for page, found in problems.items())


def test_every_diagram_link_leads_into_the_site_and_runs_nothing(
        browser: "WebDriver", hostile_site: BuiltSite) -> None:
    """On every page, click each link of its diagrams (each target once) and a sample of its
    other links: each lands on a file of the site, and nothing runs there."""
    site = hostile_site
    clicked, diagram_clicks, problems = 0, 0, []
    for number, page in enumerate(html_files(site)):
        open_page(browser, site.url(page))
        targets = list(dict.fromkeys(link_targets(browser, ".pmdocs-diagram svg a[href]")))
        diagram_clicks += len(targets)
        others = [target for target in link_targets(browser, "article a[href]:not(.headerlink)")
                  if target.endswith(".html") and target not in targets]
        if number % 3 == 0:
            targets += others[number % len(others):][:1] if others else []   # a sample of the rest
        for index, target in enumerate(targets):
            if index:
                open_page(browser, site.url(page))
            link = browser.execute_script(LINK_TO, target)
            click(browser, link)
            clicked += 1
            problem = _landed(browser, site, page, target)
            if problem:
                problems.append(problem)
    assert diagram_clicks > 20 and clicked > diagram_clicks, \
        f"only {diagram_clicks} diagram links and {clicked - diagram_clicks} others were clicked"
    assert not problems, "\n".join(problems)


def _landed(driver: "WebDriver", site: BuiltSite, page: str, target: str) -> str | None:
    """What went wrong after clicking the link to `target` on `page`, or None."""
    expected, _ = urldefrag(target)
    try:
        wait_until(driver, lambda d: urldefrag(d.current_url)[0] == expected,
                   f"the link to {target} on {page} went to {driver.current_url}", timeout=5)
    except Exception as error:   # a timeout: report it with the others
        return str(error).strip()
    signs = pwned(driver)
    if signs:
        return f"{page} -> {target}: {signs}"
    if not expected.startswith("file:") or not file_of(expected).is_file():
        return f"{page}: the link to {target} is not a file of the site"
    return None


def _visible_text(driver: "WebDriver", selector: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [element.get_attribute("textContent").strip()
            for element in driver.find_elements(By.CSS_SELECTOR, selector)]


def test_hostile_text_reads_exactly_as_written(browser: "WebDriver",
                                               hostile_site: BuiltSite) -> None:
    from selenium.webdriver.common.by import By

    site = hostile_site
    open_page(browser, site.url("pages/home.html"))
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == '<Home> & "Quotes" {braces}'
    cells = _visible_text(browser, "article td")
    assert 'Label <script>window.__pwned=1</script> "q" {x} | y' in cells, cells
    assert "Notes <img src=x onerror=\"window.__pwned=1\"> [x](javascript:window.__pwned=1) | pipe" in cells, cells
    article = browser.find_element(By.CSS_SELECTOR, "article").text
    for literal in ("Placeholder <script>window.__pwned=1</script> ${window.__pwned=1}",
                    "Copy <Home> C:\\new\\N", "{{ 7*7 }}", "Toast <script>window.__pwned=1</script> & \"q\""):
        assert literal in article, f"{literal!r} is not shown as written on pages/home.html"
    assert "49" not in article, "a template ran {{ 7*7 }}"

    open_page(browser, site.url("roles/buyer.html"))
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == '<Buyer> & "Quotes" {braces}'

    open_page(browser, site.url("usecases.html"))
    node_texts = _visible_text(browser, '.pmdocs-diagram g[id$="roles.buyer"] text')
    assert '<Buyer> & "Quotes" {braces}' in " ".join(node_texts), node_texts
    node_texts = _visible_text(browser, '.pmdocs-diagram g[id$="roles.robot"] text')
    assert 'C:\\new\\N \\G \\L \\l \\n' in " ".join(node_texts).replace("\u2060", ""), node_texts

    open_page(browser, site.url("glossary.html"))
    terms = _visible_text(browser, "article h2")
    assert any(term.startswith('<Term> & "Quotes" {braces}') for term in terms), terms

    open_page(browser, site.url("index.html"))
    summary = browser.find_element(By.CSS_SELECTOR, "article").text
    for literal in ("C:\\new\\N", "A & B", "<Home>", "${window.__pwned=1}", "{{ 7*7 }}",
                    '{: onclick="window.__pwned=1" }', "<script>window.__pwned=1</script>"):
        assert literal in summary, f"{literal!r} is not shown as written on the home page"
    links = {element.text: element.get_attribute("href")
             for element in browser.find_elements(By.CSS_SELECTOR, "article a[href]")}
    assert links.get("safe link") == "https://example.org/?a=1&b=2", links
    screenshot(browser, "hostile-home")


def test_searching_hostile_text_runs_nothing(browser: "WebDriver",
                                             hostile_site: BuiltSite) -> None:
    site = hostile_site
    for words in ("Summary", "Goal", "Release", "Evil"):   # results that show hostile text
        open_page(browser, site.url())
        results = search(browser, words)
        assert results, words
        assert not pwned(browser), f"searching {words!r}: {pwned(browser)}"
        assert not browser.execute_script(DANGER_IN_DOM), words
