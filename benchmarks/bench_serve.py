"""How long `pmdocs serve` takes from saving a spec to the browser showing the change.

Usage: .venv/bin/python benchmarks/bench_serve.py [N] [--runs R] [--project DIR]

Starts `pmdocs serve` on the project (default: `gen_spec.py N`, N = 2000) with a diagram
cache of its own (warmed by the server's first build), opens the page of a page item in
headless Chromium (Debian's, through Selenium, as the browser tests do), and R times:
changes that page's title in its spec file, and waits until the browser has reloaded
(mkdocs' live-reload script) and shows the new title. It prints, per round and as medians:
save → reload in the browser, and the build alone as `pmdocs serve` reports it
("built the site in … s"); the load average at the start and the end, and the commit.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gen_spec import BENCHMARKS, default_folder, write_project  # noqa: E402

from tests.browser import start_browser  # noqa: E402

BIN = Path(sys.executable).parent
TIMEOUT = 600.0
BUILT = re.compile(r"pmdocs serve: built the site in ([0-9.]+) s")
PAGE = re.compile(r"^- id: ([a-z0-9-]+)\n  title: ([^\n]+)$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def builds_reported(log: Path) -> list[float]:
    return [float(seconds) for seconds in BUILT.findall(log.read_text(encoding="utf-8"))]


def wait(what: str, condition, server: subprocess.Popen, log: Path) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not condition():
        if server.poll() is not None or time.perf_counter() > deadline:
            raise SystemExit(f"bench_serve: no {what}; the server said:\n"
                             + log.read_text(encoding="utf-8")[-3000:])
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("total", type=int, nargs="?", default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, help="serve this project instead")
    args = parser.parse_args()
    source = args.project or default_folder(args.total)
    if args.project is None and not (source / "pmdocs.yml").is_file():
        write_project(args.total, source, 1)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=BENCHMARKS).stdout.strip()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        project = scratch / "project"
        shutil.copytree(source, project)
        spec = next(path for path in sorted(project.rglob("pages-*.yml")) + sorted(project.rglob("*.yml"))
                    if PAGE.search(path.read_text(encoding="utf-8")))
        page_id, title = PAGE.search(spec.read_text(encoding="utf-8")).groups()
        port, log = free_port(), scratch / "serve.log"
        print(f"pmdocs serve latency: {source} ({page_id} in {spec.relative_to(project)}), "
              f"{args.runs} rounds, {os.cpu_count()} CPUs, commit {commit}; load average "
              f"{os.getloadavg()[0]:.2f} at the start", flush=True)
        environment = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache")}
        with log.open("wb") as output:
            server = subprocess.Popen([str(BIN / "pmdocs"), "serve", str(project), "-a",
                                       f"127.0.0.1:{port}"], stdout=output,
                                      stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                      env=environment)
        browser = None
        try:
            wait("first build", lambda: builds_reported(log), server, log)
            print(f"  first build: {builds_reported(log)[0]:.1f} s", flush=True)
            browser = start_browser(scratch / "profile")
            browser.get(f"http://127.0.0.1:{port}/pages/{page_id}.html")
            rounds, current = [], title
            for number in range(1, args.runs + 1):
                browser.execute_script("window.pmdocsBench = 1")
                new_title = f"{title}（第{number}轮）"
                text = spec.read_text(encoding="utf-8")
                before = len(builds_reported(log))
                saved = time.perf_counter()
                spec.write_text(text.replace(f"  title: {current}\n", f"  title: {new_title}\n", 1),
                                encoding="utf-8")

                def reloaded() -> bool:
                    try:
                        return browser.execute_script(
                            "return window.pmdocsBench === undefined && "
                            "document.body.innerText.includes(arguments[0])", new_title)
                    except Exception:   # the page is being replaced
                        return False
                wait("reload in the browser", reloaded, server, log)
                latency = time.perf_counter() - saved
                wait("build report", lambda: len(builds_reported(log)) > before, server, log)
                build = builds_reported(log)[-1]
                rounds.append((latency, build))
                current = new_title
                print(f"  round {number}: save → reload {latency:.2f} s (build {build:.2f} s)",
                      flush=True)
        finally:
            if browser is not None:
                browser.quit()
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    latencies, builds = [r[0] for r in rounds], [r[1] for r in rounds]
    print(f"save → reload: median {statistics.median(latencies):.2f} s "
          f"(min {min(latencies):.2f}, max {max(latencies):.2f}); build alone: median "
          f"{statistics.median(builds):.2f} s; load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
