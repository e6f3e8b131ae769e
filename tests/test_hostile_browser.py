"""A stranger's pull request runs no script, and every character shows as written: the hostile
project (tests/hostile.py: an attack in every free-text field) built as a site, as an export
(built by plain `mkdocs build`) and by the mkdocs plugin into a team's site, opened in
Debian's headless Chromium.

On every page of both — the PRD's pages and every prototype screen — the test reads the page,
clicks every link (HTML and diagram nodes alike) and uses every control (buttons, switches,
each option of each menu), then asserts:

- no script ran (`window.__pwned`, an alert), on load, on a click or on a control;
- nothing in the live DOM could run one: no event handler, no URL off the allow-list (file,
  http, https, mailto), no frame, no style that loads something;
- every link leads to a file of the built site, or to a web address a spec wrote;
- each field of each item reads on the item's page exactly as written (plain text; runs of
  white space read as one) or as its Markdown renders (Markdown fields), and the prototype
  screen of each page shows its title, labels, states, copy, notes and jumps the same way.

A click is dispatched to each link with the navigation held back and recorded (every page is
opened on its own anyway), except for schemes off the allow-list, which are let through so
that a planted script would run where it is. A real click on every diagram node of every
page follows too (`test_every_diagram_node_leads_into_the_site`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

from pmdocs.pipeline import check_project
from pmdocs.model.spec import SECTIONS
from pmdocs.render.tables import cell_block
from pmdocs.render.text import markdown_html
from tests.browser import (DANGER_IN_DOM, OLD_TEXT, BuiltSite, browser, click,  # noqa: F401
                           file_of, hostile_export, hostile_plugin_site, hostile_project,
                           hostile_since_site, hostile_site, hostile_zensical, open_page, pwned,
                           screenshot, search, wait_until)
from tests.hostile import RUN, TextField, text_fields

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

TAG = re.compile(r"^[tm]\d+ ")
WEB_ADDRESSES = ("https://example.org/", "https://example.org/?a=1&b=2",
                 "https://tracker.example/pixel.png", "https://squidfunk.github.io/mkdocs-material/",
                 "https://zensical.org/")
"""The web addresses a page may link to: those the hostile Markdown writes (allowed schemes
stay links), and the theme's (or Zensical's) credit."""
ROOT_LINKS = ("404.html",)
"""Pages whose links start at the host's root (`/index.html`), as mkdocs writes a 404 page
for a server: they are not followed from `file://`."""

HARNESS = """
const report = window.__harness = {navigations: [], history: [], leaving: false};
const allowed = ['file:', 'http:', 'https:', 'mailto:'];
window.addEventListener('click', event => {
  const link = event.target.closest && event.target.closest('a');
  if (!link) return;
  const href = link.getAttribute('href') ??
               link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
  if (href === null) return;
  const url = new URL(href, document.baseURI);
  if (!allowed.includes(url.protocol)) return;     // let it happen: a script would run here
  if (url.protocol === 'file:' && url.pathname === location.pathname && url.hash) return;  // anchor
  event.preventDefault();
  event.stopImmediatePropagation();
  report.navigations.push(url.href);
}, true);
for (const name of ['back', 'forward', 'go'])
  history[name] = () => report.history.push(name);
window.addEventListener('beforeunload', () => { report.leaving = true; });
"""
"""Installed in a page before its links and controls are used: navigations are recorded, not
followed (a control that leaves the page anyway is seen leaving)."""

CLICK_LINKS = """
for (const link of document.querySelectorAll('a'))
  link.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
return window.__harness.navigations.splice(0);
"""

CONTROLS = "button, select, input[type=checkbox], input[type=radio], summary, [role=button]"

USE_CONTROLS = """
const controls = Array.from(document.querySelectorAll(arguments[0]));
for (let index = arguments[1]; index < controls.length; index++) {
  const control = controls[index];
  if (control.tagName === 'SELECT') {
    for (const option of Array.from(control.options)) {
      control.value = option.value;
      control.dispatchEvent(new Event('change', {bubbles: true}));
    }
  } else {
    control.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
  }
  if (window.__harness.leaving) return {used: index + 1, total: controls.length, left: true};
}
document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
return {used: controls.length, total: controls.length, left: false,
        navigations: window.__harness.navigations.splice(0)};
"""

PAGE_TEXT = """
const copy = document.body.cloneNode(true);
for (const node of copy.querySelectorAll('.pmdocs-diagram, script, style, svg, title'))
  node.remove();
return copy.textContent;
"""
"""What a page shows as text: its body's text without diagrams (tested on their own) and the
code and styles of the page."""


# ----------------------------------------------------------------------- expectations

class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def readable(text: str) -> str:
    """Text as a reader compares it: runs of white space as one space."""
    return " ".join(text.split())


def text_of(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return readable("".join(parser.parts))


def shown_as(field: TextField, text: str) -> tuple[str, ...]:
    """How a text may read on a page: as written, or as its Markdown renders (in a block or
    in a table cell)."""
    if field.markdown:
        return text_of(markdown_html(text)), text_of(cell_block(text))
    return (readable(text),)


PROTOTYPE_FIELDS = re.compile(r"^pages\[\]\.(title|elements\[\]\.(label|notes|on_\w+\[\]\.(when|effect|note))"
                              r"|states\[\]\.(description|copy_text))$")
"""The fields of a page that its prototype screen shows (a select shows its first item only,
an image its label: items and placeholders are drawn as widgets allow)."""

SETTINGS_PAGES = {"name": "index.html", "version": "index.html", "summary": "index.html",
                  "goals": "index.html", "glossary": "glossary.html", "releases": "releases.html",
                  "modules": "pagemap/index.html"}


def expected_texts(project_folder: Path) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """By page of the site: (field, the ways its text may read) for every hostile text the
    page must show."""
    project, _, _ = check_project(project_folder)
    expected: dict[str, list[tuple[str, tuple[str, ...]]]] = {}

    def add(page: str, fields: dict[str, TextField], wanted: re.Pattern | None = None) -> None:
        for path, field in fields.items():
            if wanted is not None and not wanted.match(path):
                continue
            expected.setdefault(page, []).extend(
                (path, shown_as(field, text)) for text in field.texts if TAG.match(text))

    for path, field in text_fields(project.settings, "pmdocs.yml").items():
        add(SETTINGS_PAGES[path.split(".")[2].split("[")[0]], {path: field})
    for section in SECTIONS:
        for item in project.items(section):
            fields = text_fields(item, section + "[]")
            add(f"{section}/{item.id}.html", fields)
            if section == "pages":
                add(f"prototype/{item.id}/index.html", fields, PROTOTYPE_FIELDS)
    return expected


# ---------------------------------------------------------------------------- a page

def html_pages(site: BuiltSite) -> list[str]:
    pages = sorted(path.relative_to(site.folder).as_posix() for path in site.folder.rglob("*.html"))
    assert len(pages) > 25, f"the hostile site has only {pages}"
    return pages


def problems_of_page(driver: "WebDriver", site: BuiltSite, page: str,
                     expected: list[tuple[str, tuple[str, ...]]]) -> Iterator[str]:
    """Everything wrong with one page: read, every link clicked, every control used."""
    from selenium.common.exceptions import UnexpectedAlertPresentException

    try:
        open_page(driver, site.url(page))
    except UnexpectedAlertPresentException as error:
        yield f"an alert opened on load: {error.alert_text!r}"
    yield from (f"on load: {sign}" for sign in pwned(driver))
    yield from (f"in the DOM: {danger}" for danger in driver.execute_script(DANGER_IN_DOM))
    shown = readable(driver.execute_script(PAGE_TEXT))
    for field, ways in expected:
        if not any(way in shown for way in ways):
            yield f"{field} does not read as written: {ways[0][:80]!r}"
    driver.execute_script(HARNESS)
    navigations = driver.execute_script(CLICK_LINKS)
    yield from (f"after a click: {sign}" for sign in pwned(driver))
    navigations += yield_controls(driver, site, page)
    yield from (f"after the controls: {sign}" for sign in pwned(driver))
    yield from (f"after the controls, in the DOM: {danger}"
                for danger in driver.execute_script(DANGER_IN_DOM))
    yield from (f"a link leads to {target}" for target in navigations
                if not leads_into(site, target) and page not in ROOT_LINKS)


def yield_controls(driver: "WebDriver", site: BuiltSite, page: str) -> list[str]:
    """Every control of the page used, the page opened again after one that leaves it; the
    places they led to."""
    navigations, start = [], 0
    while True:
        result = driver.execute_script(USE_CONTROLS, CONTROLS, start)
        if not result["left"]:
            return navigations + result["navigations"]
        wait_until(driver, lambda d: d.execute_script(
            "return document.readyState === 'complete' && !window.__harness"),
            f"a control of {page} began to leave the page and did not arrive")
        navigations.append(driver.current_url)
        open_page(driver, site.url(page))
        driver.execute_script(HARNESS)
        start = result["used"]


def leads_into(site: BuiltSite, target: str) -> bool:
    if target.startswith("file:"):
        path = file_of(target)
        return path.is_file() and site.folder in path.parents
    return target in WEB_ADDRESSES


def check_every_page(driver: "WebDriver", site: BuiltSite, pages: list[str],
                     expected: dict[str, list[tuple[str, tuple[str, ...]]]]) -> None:
    problems = [f"{page}: {problem}" for page in pages
                for problem in problems_of_page(driver, site, page, expected.get(page, []))]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
    missing = sorted(set(expected) - set(pages))
    assert not missing, f"pages that should show hostile text were not built: {missing}"


# ----------------------------------------------------------------------------- tests

def test_every_page_of_the_site_runs_nothing_and_reads_as_written(
        browser: "WebDriver", hostile_site: BuiltSite,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    expected = expected_texts(hostile_project(tmp_path_factory))
    assert sum(map(len, expected.values())) > 250
    check_every_page(browser, hostile_site, html_pages(hostile_site), expected)
    open_page(browser, hostile_site.url("pages/home.html"))
    screenshot(browser, "hostile-page")


def test_every_page_of_the_export_runs_nothing_and_reads_as_written(
        browser: "WebDriver", hostile_site: BuiltSite, hostile_export: BuiltSite,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The export's PRD pages, built by plain mkdocs. Its prototype is the site's, byte for
    byte (checked here), so its screens are not used a second time."""
    pages = html_pages(hostile_export)
    prototype = [page for page in pages if page.startswith("prototype/")]
    assert prototype and prototype == [page for page in html_pages(hostile_site)
                                       if page.startswith("prototype/")]
    for page in prototype:
        assert (hostile_export.folder / page).read_bytes() == (hostile_site.folder / page).read_bytes(), page
    expected = expected_texts(hostile_project(tmp_path_factory))
    check_every_page(browser, hostile_export, [page for page in pages if page not in prototype],
                     {page: texts for page, texts in expected.items() if page not in prototype})


def test_every_page_zensical_builds_runs_nothing_and_reads_as_written(
        browser: "WebDriver", hostile_zensical: BuiltSite,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The export built by Zensical, which runs no pmdocs code and reads Markdown its own way
    (its prototype is the export's files again, and is left out here)."""
    expected = expected_texts(hostile_project(tmp_path_factory))
    pages = [page for page in html_pages(hostile_zensical) if not page.startswith("prototype/")]
    check_every_page(browser, hostile_zensical, pages,
                     {page: texts for page, texts in expected.items()
                      if not page.startswith("prototype/")})


def test_every_page_the_plugin_adds_runs_nothing_and_reads_as_written(
        browser: "WebDriver", hostile_plugin_site: BuiltSite,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The PRD the mkdocs plugin adds under `prd/` to a team's own site (its prototype is
    the same files again, and is left out here)."""
    expected = expected_texts(hostile_project(tmp_path_factory))
    pages = [page for page in html_pages(hostile_plugin_site)
             if page.startswith("prd/") and not page.startswith("prd/prototype/")]
    check_every_page(browser, hostile_plugin_site, pages,
                     {f"prd/{page}": texts for page, texts in expected.items()
                      if not page.startswith("prototype/")})


def test_every_page_of_a_site_marking_changes_runs_nothing_and_reads_as_written(
        browser: "WebDriver", hostile_since_site: BuiltSite,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The hostile project built with `--since` a revision where every text was different:
    the changes page, the box that opens every item's page, the marked diagrams and the
    prototype's badges show the texts of both revisions; nothing runs, and both read as
    written."""
    site = hostile_since_site
    pages = html_pages(site)
    assert "changes.html" in pages
    check_every_page(browser, site, pages, expected_texts(hostile_project(tmp_path_factory)))
    project, _, _ = check_project(hostile_project(tmp_path_factory))
    for page in project.pages[:3]:
        earlier = page.title.replace(" ", f" {OLD_TEXT}", 1)
        for shown_on in ("changes.html", f"pages/{page.id}.html"):
            open_page(browser, site.url(shown_on))
            shown = readable(browser.execute_script(PAGE_TEXT))
            assert readable(earlier) in shown and readable(page.title) in shown, (shown_on, earlier)
    assert not pwned(browser)


def test_a_diagram_node_leads_into_the_site(browser: "WebDriver", hostile_site: BuiltSite) -> None:
    """A real click (the mouse's, not a script's) on a node of the first diagram of every page
    that has one (every node was clicked by script above): it lands on a file of the site,
    and nothing runs there."""
    from urllib.parse import urldefrag

    site, clicked, problems = hostile_site, 0, []
    for page in html_pages(site):
        open_page(browser, site.url(page))
        link = browser.execute_script("return document.querySelector('.pmdocs-diagram svg a[href]')")
        if link is None:
            continue
        target = browser.execute_script(
            "return new URL(arguments[0].getAttribute('href'), document.baseURI).href", link)
        click(browser, link)
        clicked += 1
        expected = urldefrag(target)[0]
        try:
            wait_until(browser, lambda d: urldefrag(d.current_url)[0] == expected,
                       f"{page}: the node linking to {target} went to {browser.current_url}",
                       timeout=5)
        except Exception as error:   # a timeout: reported with the others
            problems.append(str(error).strip())
            continue
        problems += [f"{page} -> {target}: {sign}" for sign in pwned(browser)]
        if not leads_into(site, expected):
            problems.append(f"{page}: the node linking to {target} is not a file of the site")
    assert clicked >= 12, f"only {clicked} diagram nodes were clicked"
    assert not problems, "\n".join(problems)


def test_the_checks_see_a_planted_script(browser: "WebDriver", tmp_path: Path) -> None:
    """The checks above are not vacuous: a page with a `javascript:` link in HTML and in an
    SVG, an event handler, a `data:` frame and a control that runs a script is caught on
    each count, and text that does not read as written is reported."""
    site = BuiltSite(tmp_path, tmp_path)
    (tmp_path / "page.html").write_text(
        '<!doctype html><body><p>t1 &lt;b&gt;</p><a href="java\tscript:window.__pwned=1">x</a>'
        '<svg><a href="javascript:window.__pwned=2"><text>y</text></a></svg>'
        '<img src="missing.png" onerror="void 0"><iframe src="data:text/html,x"></iframe>'
        '<button type="button">z</button>'
        '<script>document.querySelector("button").addEventListener("click",'
        ' () => { window.__pwned = 3; });</script></body>', encoding="utf-8")
    problems = list(problems_of_page(browser, site, "page.html",
                                     [("field", ("t1 <b>",)), ("other", ("t1 <i>",))]))
    assert "other does not read as written: 't1 <i>'" in problems
    assert not any(problem.startswith("field ") for problem in problems)
    assert any(problem.startswith("after a click: window.__pwned was set") for problem in problems)
    assert any(problem.startswith("after the controls: window.__pwned was set to ['3']")
               for problem in problems), problems
    dangers = [problem for problem in problems if problem.startswith("in the DOM:")]
    assert any(danger.startswith("in the DOM: A href") for danger in dangers), dangers
    assert any("onerror" in danger for danger in dangers) and any("IFRAME" in danger for danger in dangers)


@pytest.mark.parametrize("words, literal", [("bold", "a<b && c"), ("引号", "「"),
                                           ("onerror", f'<img src=x onerror="{RUN}">')])
def test_searching_hostile_text_shows_it_as_text(browser: "WebDriver", hostile_site: BuiltSite,
                                                 words: str, literal: str) -> None:
    """Search results are HTML that Material builds from the index: spec text in them stays
    text, and nothing runs."""
    from selenium.webdriver.common.by import By

    open_page(browser, hostile_site.url())
    assert search(browser, words)
    assert not pwned(browser) and not browser.execute_script(DANGER_IN_DOM)
    shown = readable(" ".join(element.get_attribute("textContent") for element in
                              browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item")))
    assert literal in shown, shown[:300]


def test_a_prototype_pin_and_its_note_name_the_element_as_written(
        browser: "WebDriver", hostile_site: BuiltSite,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tooltip of every annotation pin and the heading of its note read the element's name
    exactly (they were escaped twice)."""
    from selenium.webdriver.common.by import By

    from pmdocs.labels import labels_for

    project, _, _ = check_project(hostile_project(tmp_path_factory))
    template = labels_for(project.settings.language)["proto_pin"]
    for page in project.pages:
        open_page(browser, hostile_site.url(f"prototype/{page.id}/index.html"))
        pins = {pin.get_attribute("data-pin"): pin.get_attribute("title") for pin in
                browser.find_elements(By.CSS_SELECTOR, ".pp-screen [data-pin]")}
        headings = {note.get_attribute("data-note"): note.find_element(By.CSS_SELECTOR, "h2")
                    .get_attribute("textContent") for note in
                    browser.find_elements(By.CSS_SELECTOR, ".pp-notes [data-note]")}
        for number, element in enumerate(page.elements, start=1):
            name = element.label or element.placeholder or (element.items[0] if element.items else "")
            if not name:
                continue
            wanted = template.format(number=number, name=name)
            assert readable(pins.get(element.id, "")) == readable(wanted), (page.id, element.id)
            assert readable(headings.get(element.id, "")) == readable(wanted), (page.id, element.id)
    assert not pwned(browser)
