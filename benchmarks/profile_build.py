"""Where the time of a `pmdocs build` goes, stage by stage: cold, after one page's title is
edited, and with nothing changed.

Usage: .venv/bin/python benchmarks/profile_build.py [N] [--edits E] [--dense]

Copies `gen_spec.py N`'s project into `benchmarks/out/profile-buildN/` (so it can edit it
while other benchmarks use theirs) and runs `pmdocs build --progress` as a subprocess,
reading its status line as it is written: the time each stage starts is when its line
appears, so the stages are timed from outside, as a user sees them. "start" is the
interpreter with pmdocs' imports, load, model, check and the last build's memo; "graph",
"layout", "render" are the compiler's stages; "write" is mkdocs (pages rendered again or
carried over) and the swap of the output folder. Beside each stage's time, the build's peak resident memory in that stage
(MB, sampled every 0.1 s from /proc).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_spec import BENCHMARKS, default_folder, write_project  # noqa: E402

BIN = Path(sys.executable).parent
STAGES = (("graph", "drawing diagrams"), ("layout", "laying out"), ("render", "writing the Markdown"),
          ("write", "building pages"))


def stage_times(command: list[str], environment: dict[str, str]
                ) -> tuple[dict[str, float], dict[str, int], str]:
    """Seconds and peak resident memory (MB, sampled every 0.1 s) per stage of one build, and
    what it printed last."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stderr is not None and process.stdout is not None
    samples: list[tuple[float, int]] = []
    sampler = threading.Thread(target=sample_memory, args=(process, samples), daemon=True)
    sampler.start()
    marks = [("start", started)]
    line, line_began = b"", started
    while True:     # a status line is "\r" and its text: it is whole when the next "\r" comes,
        character = process.stderr.read(1)            # and began when its own "\r" came
        if not character:
            break
        if character != b"\r":
            line += character
            continue
        text = line.decode("utf-8", "replace").strip()
        for name, words in STAGES:
            if text.startswith(f"pmdocs: {words}") and name not in dict(marks):
                marks.append((name, line_began))
        line, line_began = b"", time.perf_counter()
    output = process.stdout.read().decode("utf-8", "replace").strip()
    if process.wait() != 0:
        raise SystemExit(f"profile_build: {' '.join(command)} failed:\n{output}")
    marks.append(("end", time.perf_counter()))
    sampler.join()
    spans = list(zip(marks, marks[1:]))
    peaks = {name: max((rss for at, rss in samples if begin <= at < end), default=0)
             for (name, begin), (_, end) in spans}
    return {name: end - begin for (name, begin), (_, end) in spans}, peaks, output


def sample_memory(process: subprocess.Popen, samples: list[tuple[float, int]]) -> None:
    """The process's resident memory (MB) every 0.1 s until it ends (Linux' /proc)."""
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            text = status.read_text()
        except OSError:
            return
        found = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
        if found:
            samples.append((time.perf_counter(), int(found.group(1)) // 1024))
        time.sleep(0.1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("total", type=int, nargs="?", default=2000)
    parser.add_argument("--edits", type=int, default=2)
    parser.add_argument("--dense", action="store_true", help="the dense shape of gen_spec.py")
    args = parser.parse_args()
    source = default_folder(args.total, args.dense)
    if not (source / "pmdocs.yml").is_file():
        write_project(args.total, source, 1, args.dense)
    scratch = BENCHMARKS / "out" / f"profile-build{'-dense' if args.dense else ''}{args.total}"
    shutil.rmtree(scratch, ignore_errors=True)
    project = scratch / "project"
    shutil.copytree(source, project)
    spec = sorted((project / "specs").iterdir())[0] / "pages-1.yml"
    environment = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache")}
    command = [str(BIN / "pmdocs"), "build", str(project), "-o", str(scratch / "site"),
               "--cache-dir", str(scratch / "cache" / "diagrams"), "--progress"]
    print(f"pmdocs build, stage by stage: N={args.total}; load average "
          f"{os.getloadavg()[0]:.2f} at the start", flush=True)
    runs = [("cold", None)] + [(f"edit {number}", number) for number in range(1, args.edits + 1)] \
        + [("nothing changed", None)]
    for name, edit in runs:
        if edit is not None:
            text = spec.read_text(encoding="utf-8")
            spec.write_text(re.sub(r"^(  title: [^\n（]+?)(?:（第\d+轮）)?$",
                                   lambda match: f"{match.group(1)}（第{edit}轮）", text, count=1,
                                   flags=re.MULTILINE), encoding="utf-8")
        times, peaks, said = stage_times(command, environment)
        stages = "  ".join(f"{stage} {seconds:5.2f}" for stage, seconds in times.items())
        memory = "  ".join(f"{stage} {peak:5d}" for stage, peak in peaks.items())
        print(f"  {name:16} total {sum(times.values()):6.2f} s   {stages}\n"
              f"  {'':16} peak {max(peaks.values(), default=0):5d} MB   {memory}\n"
              f"  {'':16} {said[:150]}", flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
