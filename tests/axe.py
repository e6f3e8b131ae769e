"""axe-core, the accessibility engine, for the browser tests: a pinned release fetched once
from the npm registry (CI reaches package registries only), its sha256 verified, and kept
in `.axe/` at the repository's root (git-ignored); `run_axe` injects it into the page open in
Selenium and returns the violations at the impacts asked for."""

from __future__ import annotations

import hashlib
import io
import tarfile
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
SHA256 = "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745"
CACHE = Path(__file__).resolve().parent.parent / ".axe"
SCRIPT = "package/axe.min.js"

RUN = """
const [impacts, done] = [arguments[0], arguments[arguments.length - 1]];
axe.run(document, {resultTypes: ['violations']}).then(results => done(
  results.violations.filter(violation => impacts.includes(violation.impact)).map(violation => ({
    id: violation.id, impact: violation.impact, help: violation.help,
    nodes: violation.nodes.slice(0, 5).map(node => node.target.join(' ') + ': ' +
                                        node.failureSummary.split('\\n').slice(1).join(' '))}))),
  error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}]));
"""


def axe_source() -> str:
    """axe.min.js of the pinned release (downloaded on first use, verified every time)."""
    path = CACHE / f"axe-core-{VERSION}.tgz"
    if not path.is_file():
        with urllib.request.urlopen(TARBALL, timeout=60) as response:
            data = response.read()
        CACHE.mkdir(exist_ok=True)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert digest == SHA256, f"{path}: sha256 {digest}, expected {SHA256} (delete it to fetch again)"
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(SCRIPT)
        assert member is not None, f"{TARBALL} holds no {SCRIPT}"
        return member.read().decode("utf-8")


def run_axe(driver: "WebDriver", source: str,
            impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict]:
    """axe.run on the page open in `driver`: its violations of those impacts."""
    driver.execute_script(source)
    driver.set_script_timeout(60)
    return driver.execute_async_script(RUN, list(impacts))
