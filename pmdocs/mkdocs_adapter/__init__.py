"""The mkdocs adapter: all pmdocs does with mkdocs (or its fork ProperDocs), in one place.
`plugin.PmdocsPlugin` is the integration — a team adds it to its own mkdocs.yml — and
`pmdocs build` and `pmdocs serve` run mkdocs in this process with that same plugin (`build`,
`serve`). Nothing else in pmdocs imports mkdocs."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import yaml

from ..site import MARKER, OutputError, SiteSettings, mkdocs_settings, settings_of
from .incremental import Increment, Manifest, inputs_digest

if TYPE_CHECKING:
    from ..pipeline import Progress
    from ..render import RenderedSite

BUILD_DATE = "0"
"""SOURCE_DATE_EPOCH for mkdocs: no build timestamps, so two builds are byte-identical."""


def build(rendered: RenderedSite, project: Path, folder: Path, *, strict: bool = False,
          site_url: str | None = None, previous: Path | None = None, inputs: str = "",
          progress: "Progress | None" = None) -> int:
    """Build the compiled site into `folder` (a fresh one) with mkdocs and the pmdocs plugin,
    which is handed the site (`PmdocsPlugin.use`) instead of compiling the project again.
    With `previous`, the site built before into another folder: its pages whose input did
    not change are carried over instead of being rendered again (`incremental`); `inputs`
    (`build_key`) is kept in the new site's manifest; `progress` is told of each page
    written. How many pages mkdocs rendered (the others were carried over)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with tempfile.TemporaryDirectory() as scratch, _reproducible(), _quiet():
        config_file = write_config(Path(scratch), settings_of(rendered, site_url), project)
        increment = Increment.of(previous, inputs) if previous is not None else Increment()
        try:
            config = load_config(config_file=str(config_file), site_dir=str(folder),
                                 strict=strict)
            plugin = config.plugins["pmdocs"]
            plugin.use(rendered, increment, progress)
            try:
                mkdocs_build(config, dirty=bool(increment.manifest.files))
            finally:     # also when interrupted: mkdocs keeps the plugin for later builds
                plugin.forget_what_was_given()
        except MkDocsException as error:
            raise OutputError(f"mkdocs could not build the site: {error}") from error
    return plugin.pages_to_write


def build_key(sources: str, layout_version: str, strict: bool, site_url: str | None,
              draft: bool = False) -> str:
    """What decides a whole `pmdocs build`: the spec files' digest (`pipeline.sources_digest`),
    Graphviz's version, the build's options, pmdocs and its tools."""
    return inputs_digest(sources, {"graphviz": layout_version, "strict": strict,
                                   "site_url": site_url, "draft": draft})


def up_to_date(folder: Path, key: str) -> bool:
    """Whether the site in `folder` was built by pmdocs with exactly this `build_key`."""
    return bool(key) and (folder / MARKER).is_file() and Manifest.read(folder).inputs == key


def serve(project: Path, dev_addr: str, open_browser: bool,
          report: Callable[[str], None] | None = None) -> None:
    """Live preview: mkdocs serve with the plugin, which compiles the specs on every change
    and, while they have errors, shows them over the last site that built. What it prints
    is pmdocs' lines: the problems of each build (jieba's chatter quietened, as in `build`),
    and to `report` when each build starts and ends, and how long it took."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from ..model import read_project

    model, _, _ = read_project(project)
    settings = SiteSettings(model.settings.name, model.settings.language, ())
    with tempfile.TemporaryDirectory() as scratch, _quiet(), _builds_reported(report):
        config_file = write_config(Path(scratch), settings, project, name_the_site=True,
                                   incremental=True)
        mkdocs_serve(config_file=str(config_file), livereload=True, dev_addr=dev_addr,
                     open_in_browser=open_browser, build_type="dirty")


class _BuildReport(logging.Handler):
    """mkdocs' own lines about each build `serve` runs ("Building documentation...",
    "Documentation built in …") handed to `report` as a start and an end with the time
    between them (the specs compiled, the pages written). mkdocs' warnings go on as they
    would without this handler (as logging's last resort prints them)."""

    def __init__(self, report: Callable[[str], None]):
        super().__init__(logging.INFO)
        self.report = report
        self.started: float | None = None

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            if not logging.getLogger().handlers and logging.lastResort is not None:
                logging.lastResort.handle(record)
        elif message.startswith("Building documentation"):
            self.started = time.perf_counter()
            self.report("building the site ...")
        elif message.startswith("Documentation built in") and self.started is not None:
            self.report(f"built the site in {time.perf_counter() - self.started:.1f} s")
            self.started = None


@contextlib.contextmanager
def _builds_reported(report: Callable[[str], None] | None) -> Iterator[None]:
    if report is None:
        yield
        return
    logger, builder = logging.getLogger("mkdocs.commands"), logging.getLogger("mkdocs.commands.build")
    handler, level = _BuildReport(report), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    builder.addFilter(_not_the_dirty_warning)
    try:
        yield
    finally:
        builder.removeFilter(_not_the_dirty_warning)
        logger.removeHandler(handler)
        logger.setLevel(level)


def write_config(scratch: Path, settings: SiteSettings, project: Path,
                 name_the_site: bool = False, incremental: bool = False) -> Path:
    """An mkdocs.yml in `scratch` (with an empty docs folder) for a site that is the PRD alone."""
    plugin: dict[str, Any] = {"project": str(project.resolve()), "prefix": ""}
    if name_the_site:
        plugin["name_the_site"] = True
    if incremental:
        plugin["incremental"] = True
    (scratch / "docs").mkdir()
    config_file = scratch / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(mkdocs_settings(settings, plugin), allow_unicode=True,
                                          sort_keys=False), encoding="utf-8")
    return config_file


@contextlib.contextmanager
def _reproducible() -> Iterator[None]:
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", BUILD_DATE)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    with contextlib.suppress(ImportError):
        import jieba    # Material's search segments Chinese with it; it sets its own log level
        jieba.setLogLevel(logging.WARNING)                         # on import, so import it now
    loggers = [logging.getLogger(name) for name in ("mkdocs", "jieba")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    builder = logging.getLogger("mkdocs.commands.build")
    builder.addFilter(_not_the_dirty_warning)
    try:
        yield
    finally:
        builder.removeFilter(_not_the_dirty_warning)
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """mkdocs warns that a dirty build may leave navigation stale; pmdocs' is not (every page
    is rebuilt when the navigation changes), and the warning would fail a `--strict` build."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")
