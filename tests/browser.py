"""Helpers for the tests that build a site and look at it: Debian's headless Chromium driven
through its chromedriver by Selenium (no browser is ever downloaded), what the page asked the
network for, and builds of a project shared by a whole test session.

Import the fixtures into a test module (`from tests.browser import browser, sample_site`).
Without Chromium the browser tests are skipped, except under CI (`CI` set), where a missing
browser is a failure: `.ci/run` installs `chromium` and `chromium-driver`.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest
from click.testing import CliRunner

from pmdocs.cli import main

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_project"
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
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


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile project's site (tests/fixtures/hostile); tests only read it."""
    return shared_build(tmp_path_factory, "hostile", HOSTILE)


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
