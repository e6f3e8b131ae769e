"""`pmdocs serve`: the live preview answers on loopback, and when a spec file changes it
rebuilds and the served page shows the change (with mkdocs' live-reload script in it, so an
open browser reloads). The server runs as a subprocess and is always stopped."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from tests.browser import SAMPLE, BuiltSite, sample_site  # noqa: F401

PMDOCS = Path(sys.executable).parent / "pmdocs"
STARTUP_WAIT = 90.0
REBUILD_WAIT = 60.0
NEW_TITLE = "购物车（改版）"


class Served(NamedTuple):
    server: subprocess.Popen
    log: Path
    """What the server printed (stdout and stderr)."""
    url: str
    """`http://127.0.0.1:PORT/`"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(what: str, check: Callable[[], str | None], server: subprocess.Popen,
             log: Path, seconds: float) -> str:
    """Poll `check` until it gives text; fail (with the server's log) after `seconds` or when
    the server exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"pmdocs serve exited ({server.returncode}) while waiting for "
                                 f"{what}:\n{log.read_text(errors='replace')[-3000:]}")
        text = check()
        if text is not None:
            return text
        time.sleep(0.25)
    raise AssertionError(f"no {what} after {seconds:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def heading(page: str) -> str | None:
    match = re.search(r"<h1[^>]*>(.*?)<", page, re.DOTALL)
    return match.group(1).strip() if match else None


@contextlib.contextmanager
def serving(project: Path, site: BuiltSite, workdir: Path) -> Iterator[Served]:
    """`pmdocs serve PROJECT` on a free port of loopback, with the warm diagram cache of
    `site`, until the block ends; the page spec of the cart answering first."""
    port = free_port()
    log = workdir / "serve.log"
    env = {**os.environ, "XDG_CACHE_HOME": str(site.xdg_cache_home)}
    with log.open("wb") as output:
        server = subprocess.Popen([str(PMDOCS), "serve", str(project), "-a", f"127.0.0.1:{port}"],
                                  stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  cwd=workdir, env=env)
    served = Served(server, log, f"http://127.0.0.1:{port}/")
    try:
        wait_for("page spec of cart", lambda: fetch(served.url + "pages/cart.html"), server, log,
                 STARTUP_WAIT)
        yield served
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def test_serve_rebuilds_when_a_spec_changes(sample_site: BuiltSite, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    with serving(project, sample_site, tmp_path) as served:
        said = served.log.read_text(encoding="utf-8").splitlines()
        assert said[:2] == [
            f"pmdocs serve: the PRD of {project} at {served.url} (after its first build)",
            f"watching {project} (pmdocs.yml and every spec file): a save rebuilds the site and "
            "reloads the browser; Ctrl+C stops"], said[:5]
        url = served.url + "pages/cart.html"
        page = fetch(url)
        assert page is not None and heading(page) == "购物车", page and heading(page)
        assert "livereload" in page, "the served page has no live-reload script"
        assert "pmdocs-diagram" in page and "<svg" in page

        spec = project / "pages" / "trade.yml"
        text = spec.read_text(encoding="utf-8")
        changed = text.replace("  - id: cart\n    title: 购物车\n",
                               f"  - id: cart\n    title: {NEW_TITLE}\n", 1)
        assert changed != text, "the sample's cart page no longer starts as expected"
        spec.write_text(changed, encoding="utf-8")

        def rebuilt() -> str | None:
            page = fetch(url)
            return page if page is not None and heading(page) == NEW_TITLE else None
        page = wait_for(f"rebuilt page titled {NEW_TITLE}", rebuilt, served.server, served.log,
                        REBUILD_WAIT)
        assert "livereload" in page
        told = re.findall(r"pmdocs serve: (building the site|built the site in [0-9.]+ s)",
                          served.log.read_text(encoding="utf-8"))
        assert told[:4] == ["building the site", told[1], "building the site", told[3]] and \
            told[1].startswith("built") and told[3].startswith("built"), told


def test_serve_stops_when_there_is_no_project_to_preview(tmp_path: Path) -> None:
    """Errors in the specs are shown over the pages; a folder without pmdocs.yml has none."""
    result = subprocess.run([str(PMDOCS), "serve", str(tmp_path), "-a", f"127.0.0.1:{free_port()}"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"{tmp_path}: error PM100 " in result.stderr
