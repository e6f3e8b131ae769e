"""`pmdocs serve` in Chromium: a spec error shows over the page the browser has open (each
problem at file:line:col, in the project's language, its spec text escaped) instead of the
page waiting for a rebuild that fails; the next good save takes the notice away."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from tests.browser import SAMPLE, BuiltSite, browser, sample_site, screenshot  # noqa: F401
from tests.test_serve import REBUILD_WAIT, serving

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

BAD_KEY = '"<b>bogus</b>"'
"""A key the spec language does not know (PM201), written as HTML: shown, never made markup."""

HEADING = """
const HEADING = () => {
  const heading = document.querySelector('h1');
  return heading ? heading.childNodes[0].textContent.trim() : null;   // without its ¶ link
};
"""
OVERLAY = HEADING + """
const overlay = document.getElementById('pmdocs-problems');
if (!overlay) return null;
const box = overlay.getBoundingClientRect();
return {text: overlay.innerText, lang: overlay.lang, markup: overlay.querySelectorAll('b').length,
        top: box.top, bottom: box.bottom, width: box.width, height: box.height,
        viewHeight: innerHeight, viewWidth: innerWidth,
        fontSize: parseFloat(getComputedStyle(overlay).fontSize),
        heading: HEADING()};
"""


def until(what: str, check: Callable[[], object], seconds: float) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.25)
    raise AssertionError(f"no {what} after {seconds:.0f} s")


def test_a_spec_error_shows_over_the_page_and_a_fix_takes_it_away(
        browser: "WebDriver", sample_site: BuiltSite, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    spec = project / "pages" / "trade.yml"
    good = spec.read_text(encoding="utf-8")
    start = "  - id: cart\n    title: 购物车\n"
    assert start in good, "the sample's cart page no longer starts as expected"
    line = good[:good.index(start)].count("\n") + 3
    with serving(project, sample_site, tmp_path) as served:
        browser.set_window_size(1440, 900)
        browser.get(served.url + "pages/cart.html")
        assert browser.execute_script(OVERLAY) is None, "problems shown before any error"

        spec.write_text(good.replace(start, f"{start}    {BAD_KEY}: 1\n", 1), encoding="utf-8")
        shown = until("problems over the page", lambda: browser.execute_script(OVERLAY),
                      REBUILD_WAIT)
        assert isinstance(shown, dict)
        screenshot(browser, "serve-error-overlay")
        assert f"pages/trade.yml:{line}:5" in shown["text"], shown["text"]
        assert "PM201" in shown["text"] and "页面 cart：未知的键 <b>bogus</b>" in shown["text"], \
            shown["text"]
        assert "规格有错误" in shown["text"] and shown["lang"] == "zh"
        assert shown["markup"] == 0, "spec text became markup"
        assert shown["heading"] == "购物车", "the last site that built is no longer shown"
        assert 0 <= shown["top"] < shown["bottom"] <= shown["viewHeight"], shown
        assert shown["width"] >= shown["viewWidth"] / 2 and shown["fontSize"] >= 11, shown

        spec.write_text(good, encoding="utf-8")
        recovered = until("the page without problems", lambda: browser.execute_script(
            HEADING + "return !document.getElementById('pmdocs-problems') && HEADING();"),
            REBUILD_WAIT)
        assert recovered == "购物车"
