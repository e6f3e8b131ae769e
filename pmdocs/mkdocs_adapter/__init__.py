"""The mkdocs adapter: all pmdocs does with mkdocs (or its fork ProperDocs), in one place.
`plugin.PmdocsPlugin` is the integration — a team adds it to its own mkdocs.yml — and
`pmdocs build` and `pmdocs serve` run mkdocs in this process with that same plugin (`build`,
`serve`). Nothing else in pmdocs imports mkdocs."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Iterator

import yaml

from ..render import RenderedSite
from ..site import OutputError, SiteSettings, mkdocs_settings, settings_of

BUILD_DATE = "0"
"""SOURCE_DATE_EPOCH for mkdocs: no build timestamps, so two builds are byte-identical."""


def build(rendered: RenderedSite, project: Path, folder: Path, *, strict: bool = False,
          site_url: str | None = None) -> None:
    """Build the compiled site into `folder` with mkdocs and the pmdocs plugin, which is
    handed the site (`PmdocsPlugin.use`) instead of compiling the project again."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with tempfile.TemporaryDirectory() as scratch, _reproducible(), _quiet():
        config_file = write_config(Path(scratch), settings_of(rendered, site_url), project)
        try:
            config = load_config(config_file=str(config_file), site_dir=str(folder),
                                 strict=strict)
            config.plugins["pmdocs"].use(rendered)
            mkdocs_build(config)
        except MkDocsException as error:
            raise OutputError(f"mkdocs could not build the site: {error}") from error


def serve(project: Path, dev_addr: str, open_browser: bool) -> None:
    """Live preview: mkdocs serve with the plugin, which compiles the specs on every change
    and, while they have errors, shows them over the last site that built. What it prints
    is pmdocs' lines: the problems of each build (jieba's chatter quietened, as in `build`)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from ..model import read_project

    model, _, _ = read_project(project)
    settings = SiteSettings(model.settings.name, model.settings.language, ())
    with tempfile.TemporaryDirectory() as scratch, _quiet():
        config_file = write_config(Path(scratch), settings, project, name_the_site=True)
        mkdocs_serve(config_file=str(config_file), livereload=True, dev_addr=dev_addr,
                     open_in_browser=open_browser)


def write_config(scratch: Path, settings: SiteSettings, project: Path,
                 name_the_site: bool = False) -> Path:
    """An mkdocs.yml in `scratch` (with an empty docs folder) for a site that is the PRD alone."""
    plugin = {"project": str(project.resolve()), "prefix": ""}
    if name_the_site:
        plugin["name_the_site"] = True
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
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)
