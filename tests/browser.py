"""Helpers for the tests that build a site and look at it: Debian's headless Chromium driven
through its chromedriver by Selenium (no browser is ever downloaded), what the page asked the
network for, and builds of a project shared by a whole test session.

Import the fixtures into a test module (`from tests.browser import browser, sample_site`).
The hostile project (tests/hostile.py) is written and built once per session too, and so is
its export, built by plain `mkdocs build`.
Without Chromium the browser tests are skipped, except under CI (`CI` set), where a missing
browser is a failure: `.ci/run` installs `chromium` and `chromium-driver`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from pmdocs.cli import main
from tests.gitrepo import commit_tree, new_repository
from tests.hostile import write_project
from tests.sample_history import sample_repository

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_project"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--window-size=1400,1000")
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
"""URL schemes a page of a built site may load from: nothing leaves the machine."""
WAIT = 20.0
"""Seconds any wait for the browser may last."""
SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item > a"


# ------------------------------------------------------------------------------ builds

@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    cache: Path
    """The diagram cache the build filled (cold before it)."""

    @property
    def xdg_cache_home(self) -> Path:
        """An `XDG_CACHE_HOME` whose pmdocs diagram cache is `cache` (for subprocesses and
        the mkdocs plugin, which take pmdocs' default cache folder)."""
        return self.cache.parent.parent

    def url(self, relative: str = "index.html") -> str:
        return (self.folder / relative).as_uri()


def build(project: Path, output: Path, cache: Path, *extra: str) -> None:
    """`pmdocs build` in this process; fails the test with the command's output if it fails."""
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(output),
                                       "--cache-dir", str(cache), *extra])
    assert result.exit_code == 0, f"pmdocs build {project} failed:\n{result.output}"


def shared_build(factory: pytest.TempPathFactory, name: str, project: Path) -> BuiltSite:
    """`project` built once per test session, with a cold diagram cache of its own.

    Several modules import the fixtures below, and pytest makes one instance of an imported
    fixture per module; the build is keyed by a folder in the session's temporary root, so
    it still runs once (a build is atomic: the folder exists only once it succeeded).
    """
    root = factory.getbasetemp() / f"shared-{name}"
    site = BuiltSite(root / "site", root / "xdg-cache" / "pmdocs" / "diagrams")
    if not site.folder.is_dir():
        build(project, site.folder, site.cache)
    return site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample project's site; tests only read it."""
    return shared_build(tmp_path_factory, "sample", SAMPLE)


def hostile_project(factory: pytest.TempPathFactory) -> Path:
    """The hostile project (tests/hostile.py), written once per session."""
    folder = factory.getbasetemp() / "hostile-project"
    if not (folder / "pmdocs.yml").is_file():
        write_project(folder)
    return folder


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile project's site; tests only read it."""
    return shared_build(tmp_path_factory, "hostile", hostile_project(tmp_path_factory))


def shared_since_build(factory: pytest.TempPathFactory, name: str,
                       project: Callable[[Path], Path]) -> BuiltSite:
    """A project in a repository with history (`project(folder)` makes it, with a tag
    `before`) built once per session with `--since before`, as `shared_build`."""
    root = factory.getbasetemp() / f"shared-{name}"
    site = BuiltSite(root / "site", root / "xdg-cache" / "pmdocs" / "diagrams")
    if not site.folder.is_dir():
        build(project(root), site.folder, site.cache, "--since", "before")
    return site


@pytest.fixture(scope="session")
def sample_since_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample's site built with `--since before` in a repository where one commit made
    one change of each kind (tests/sample_history.py); tests only read it."""
    return shared_since_build(tmp_path_factory, "sample-since",
                              lambda root: sample_repository(root) / "sample_project")


OLD_TEXT = "was: "
"""What the hostile project's earlier revision has in front of each of its texts."""


def hostile_history(factory: pytest.TempPathFactory) -> Path:
    """A repository whose `hostile/` project was committed twice: first with every text
    changed (`OLD_TEXT` in front of it), then as it is (tagged `before` and `after`); once
    per session."""
    import re

    root = factory.getbasetemp() / "hostile-history"
    if not (root / "repo" / ".git").is_dir():
        head = hostile_project(factory)
        base = root / "base"
        base.mkdir(parents=True, exist_ok=True)
        for spec in sorted(head.glob("*.yml")):
            text = re.sub(r'"([tm][0-9]+) ', rf'"\1 {OLD_TEXT}', spec.read_text(encoding="utf-8"))
            (base / spec.name).write_text(text, encoding="utf-8")
        repository = new_repository(root / "repo")
        commit_tree(repository, base, "hostile", "every text was different", tag="before")
        commit_tree(repository, head, "hostile", "the hostile project", tag="after")
    return root / "repo"


@pytest.fixture(scope="session")
def hostile_since_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile project's site built with `--since before` (see `hostile_history`):
    every text of the earlier revision is shown too, on the changes page and in the boxes
    that open the items' pages; tests only read it."""
    return shared_since_build(tmp_path_factory, "hostile-since",
                              lambda _: hostile_history(tmp_path_factory) / "hostile")


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """Plain `mkdocs build` in a process of its own, as a team would run it."""
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file),
                            "-d", str(site_dir)], capture_output=True, text=True,
                           env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    assert built.returncode == 0, f"mkdocs build of {config_file} failed:\n{built.stderr}"


@pytest.fixture(scope="session")
def hostile_plugin_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A team's own mkdocs site with the pmdocs plugin adding the hostile project's PRD under
    `prd/`; tests only read it."""
    root = tmp_path_factory.getbasetemp() / "shared-hostile-plugin"
    site = BuiltSite(root / "site", root / "xdg-cache" / "pmdocs" / "diagrams")
    if not site.folder.is_dir():
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "docs" / "index.md").write_text("# Team docs\n\nOur own pages.\n", encoding="utf-8")
        config = {"site_name": "Team docs", "docs_dir": "docs", "use_directory_urls": False,
                  "theme": {"name": "material", "font": False},
                  "plugins": ["search", {"pmdocs": {"project": str(hostile_project(tmp_path_factory)),
                                                    "prefix": "prd", "cache_dir": str(site.cache)}}]}
        (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
        mkdocs_build(root / "mkdocs.yml", site.folder)
    return site


def exported(factory: pytest.TempPathFactory) -> Path:
    """The hostile project's `pmdocs export`, once per session."""
    export = factory.getbasetemp() / "shared-hostile-export" / "export"
    if not (export / "mkdocs.yml").is_file():
        cache = export.parent / "xdg-cache" / "pmdocs" / "diagrams"
        result = CliRunner().invoke(main, ["export", str(hostile_project(factory)), "-o",
                                           str(export), "--cache-dir", str(cache)])
        assert result.exit_code == 0, f"pmdocs export failed:\n{result.output}"
    return export


@pytest.fixture(scope="session")
def hostile_export(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile project's export built by plain `mkdocs build` in a process of its own
    (as a team would build an export); tests only read it."""
    export = exported(tmp_path_factory)
    site = BuiltSite(export.parent / "site", export.parent / "xdg-cache")
    if not site.folder.is_dir():
        mkdocs_build(export / "mkdocs.yml", site.folder)
    return site


@pytest.fixture(scope="session")
def hostile_zensical(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile project's export built by Zensical (tests/engines.py), which reads its
    Markdown with other defaults than mkdocs; tests only read it."""
    from tests.engines import ENGINES, build_export, engine_venv

    folder = tmp_path_factory.getbasetemp() / "shared-hostile-zensical"
    engine = ENGINES["zensical"]
    built = build_export(engine, engine_venv(engine), exported(tmp_path_factory), folder)
    assert built.returncode == 0, built.output
    return BuiltSite(built.site, folder)


# ----------------------------------------------------------------------------- browser

def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        return (f"{' and '.join(missing)} missing: install Debian's chromium and "
                "chromium-driver (make test does)")
    return None


def start_browser(profile: Path) -> "WebDriver":
    """Headless Chromium with a fresh profile, logging every network request it makes."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    options.unhandled_prompt_behavior = "ignore"    # an alert stays open, so a test sees it
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(WAIT)
    driver.get("about:blank")
    requests_made(driver)       # forget the browser's own start-up (its new-tab page)
    return driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator["WebDriver"]:
    """A headless Chromium for one test module; skipped when there is none, but under CI a
    missing browser fails."""
    reason = browser_missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but the browser tests cannot run: {reason}")
        pytest.skip(reason)
    profile = tmp_path_factory.mktemp("chromium-profile")
    driver = start_browser(profile)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requests_made(driver: "WebDriver") -> list[str]:
    """Every URL the browser asked for since the last call (documents, scripts, styles,
    images, fonts, frames, websockets), from Chrome's DevTools performance log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return urls


def external(urls: list[str]) -> list[str]:
    """The URLs that would leave the machine."""
    return [url for url in urls if not url.startswith(LOCAL_SCHEMES)]


def open_dialog(driver: "WebDriver") -> str | None:
    """The text of an alert, confirm or prompt dialog that is open, or None."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return None
    text = alert.text
    alert.dismiss()
    return text


def screenshot(driver: "WebDriver", name: str) -> Path:
    """A PNG of the window in tests/artifacts/ (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert driver.save_screenshot(str(path)), f"could not save the screenshot {path}"
    return path


# ------------------------------------------------------------------------- in a page

DANGER_IN_DOM = """
const found = [];
const allowed = ['file:', 'http:', 'https:', 'mailto:'];
const urls = /(^|:)(href|src|action|formaction|poster|background|ping|data|codebase|cite)$/;
const show = (element, attribute) =>
  found.push(element.tagName + ' ' + attribute.name + '="' + attribute.value.slice(0, 60) + '"');
for (const element of document.querySelectorAll('*')) {
  for (const attribute of element.attributes) {
    const name = attribute.name.toLowerCase();
    if (name.startsWith('on') || name === 'srcdoc' || name === 'srcset') show(element, attribute);
    else if (urls.test(name)) {
      let protocol = 'unreadable:';
      try { protocol = new URL(attribute.value, document.baseURI).protocol; } catch (error) {}
      if (!allowed.includes(protocol)) show(element, attribute);
    } else if (name === 'style' && /url\\(|expression\\(|javascript:|@import/i.test(attribute.value))
      show(element, attribute);
  }
}
const wireframe = /^(\\.\\.\\/)+prototype\\/[a-z0-9_-]+\\/index\\.html#embed=1&notes=1$/;
for (const element of document.querySelectorAll('article script, article iframe, article object, article embed, article style, svg script, svg foreignObject'))
  if (!(element.matches('iframe.pmdocs-wireframe') && wireframe.test(element.getAttribute('src'))))
    found.push('<' + element.tagName.toLowerCase() + '> in the content');
for (const script of document.querySelectorAll('script:not([src])'))
  if (/__pwned|alert\\(/.test(script.textContent)) found.push('inline script: ' + script.textContent.slice(0, 60));
return found;
"""
"""Attributes and elements in the live DOM through which spec text could run a script: event
handlers (`on…`), a URL whose scheme is not file, http(s) or mailto (`javascript:`, `data:`,
`vbscript:` …, however obfuscated: the browser's own URL parser judges), a style that loads or
runs something, frames (but the wireframe a page's spec frames from the prototype), and inline
scripts holding a payload."""



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
