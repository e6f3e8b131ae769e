"""The only writer of output: a rendered site -> a built static site (through mkdocs and the
Material theme), or an export (Markdown, SVGs and an `mkdocs.yml` for plain `mkdocs build`).

Output is atomic: everything is written into a fresh folder beside the target and swapped in
only on success, so a failed build leaves the previous output untouched. A target that could
hold anything else (the project, a parent of it, `/`, the home folder, a folder pmdocs did
not write) is refused before anything is deleted.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import yaml

from .sitemap import PROTOTYPE_ASSETS
from .render import NavEntry, RenderedSite
from .resources import templates_dir

ASSET_FOLDER = "assets/pmdocs"
ASSETS = ("pmdocs.css", "pmdocs.js", "svg-pan-zoom.min.js", "iframe-worker-shim.js")
PROTOTYPE_FILES = ("prototype.css", "prototype.js")
MARKER = ".pmdocs-output"
"""Written into every output folder, so a rebuild knows the folder is pmdocs' to replace."""
HOOK_FILE = "pmdocs_hooks.py"
SEARCH_HOOK_FILE = "pmdocs_search.py"
SEARCH_SEPARATOR = r"[\s\u200b\-]+"
BUILD_DATE = "0"
"""SOURCE_DATE_EPOCH for mkdocs: no build timestamps, so two builds are byte-identical."""


class OutputError(Exception):
    """The output folder is refused, or the site could not be written."""


@dataclass(frozen=True)
class SiteSettings:
    """What the mkdocs configuration of a pmdocs site depends on."""

    title: str
    language: str
    nav: tuple[NavEntry, ...]
    site_url: str | None = None


# ----------------------------------------------------------------------- configuration

def settings_of(rendered: RenderedSite, site_url: str | None = None) -> SiteSettings:
    """Material prints `site_name` unescaped (in `<title>`, the header, the nav): the product
    name is spec text, so it is escaped here."""
    return SiteSettings(html.escape(rendered.title or "PRD", quote=True), rendered.language,
                        rendered.nav, site_url)


def theme(settings: SiteSettings) -> dict[str, Any]:
    """Material, set up for a PRD: small nav per page, dark/light toggle, no web fonts."""
    features = ["navigation.sections", "navigation.indexes", "navigation.prune",
                "navigation.top", "navigation.tracking", "search.highlight", "content.tooltips"]
    if settings.site_url:
        features.append("navigation.instant")   # needs site_url; never on file://
    zh = settings.language == "zh"
    return {
        "name": "material",
        "language": "zh" if zh else "en",
        "font": False,
        "features": features,
        "palette": [
            {"media": "(prefers-color-scheme: light)", "scheme": "default",
             "toggle": {"icon": "material/weather-night",
                        "name": "切换到深色模式" if zh else "Switch to dark mode"}},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
             "toggle": {"icon": "material/weather-sunny",
                        "name": "切换到浅色模式" if zh else "Switch to light mode"}},
        ],
    }


def mkdocs_settings(settings: SiteSettings, *, plugin: dict | None, hooks: bool) -> dict[str, Any]:
    """The `mkdocs.yml` of a pmdocs site; with `plugin` (the pmdocs plugin's config) or with
    the standalone hook of an export."""
    search: dict[str, Any] = {"lang": "zh" if settings.language == "zh" else "en",
                              "separator": SEARCH_SEPARATOR}
    plugins: list[Any] = [{"search": search}, "offline"]
    if plugin is not None:
        plugins.append({"pmdocs": plugin})
    config: dict[str, Any] = {
        "site_name": settings.title,
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": theme(settings),
        "plugins": plugins,
        "markdown_extensions": ["tables", {"toc": {"permalink": True}}, "admonition"],
        "extra": {"polyfills": [f"{ASSET_FOLDER}/iframe-worker-shim.js"]},
        "nav": nav_config(settings.nav),
        "not_in_nav": "\n".join(f"/{folder}/*.md" for folder in
                                ("features", "flows", "objects", "roles", "pages", "rules",
                                 "pagemap")),
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
    if hooks:
        config["hooks"] = [HOOK_FILE, SEARCH_HOOK_FILE]
        config["extra_css"] = [f"{ASSET_FOLDER}/pmdocs.css"]
        config["extra_javascript"] = [f"{ASSET_FOLDER}/svg-pan-zoom.min.js",
                                      f"{ASSET_FOLDER}/pmdocs.js"]
    return config


def nav_config(entries: tuple[NavEntry, ...], prefix: str = "") -> list[Any]:
    """NavEntry tree -> mkdocs' `nav` list."""
    result: list[Any] = []
    for entry in entries:
        if entry.children:
            children = ([{entry.title: prefix + entry.path}] if entry.path else []) + \
                nav_config(entry.children, prefix)
            result.append({entry.title: children})
        elif entry.path:
            result.append({entry.title: prefix + entry.path})
    return result


def asset_files() -> dict[str, bytes]:
    """The assets every pmdocs site serves, by doc path."""
    folder = templates_dir() / "assets"
    files = {f"{ASSET_FOLDER}/{name}": (folder / name).read_bytes() for name in ASSETS}
    files.update({f"{PROTOTYPE_ASSETS}/{name}": (folder / name).read_bytes()
                  for name in PROTOTYPE_FILES})
    return files


# ------------------------------------------------------------------------------ safety

def check_output(output: Path, project: Path) -> None:
    """Refuse an output folder that pmdocs must not replace; raises OutputError."""
    target, source = output.resolve(), project.resolve()
    home = Path.home().resolve()
    if target == Path(target.anchor):
        raise OutputError(f"refusing to write the site to `{output}`: it is the root folder")
    if target == home:
        raise OutputError(f"refusing to write the site to `{output}`: it is your home folder")
    if target == source or target in source.parents:
        raise OutputError(f"refusing to write the site to `{output}`: it holds the project's specs")
    if target.exists() and not target.is_dir():
        raise OutputError(f"refusing to write the site to `{output}`: it is a file")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise OutputError(f"refusing to replace `{output}`: it is not empty and pmdocs did not "
                          f"write it (no {MARKER} file); choose an empty or new folder")


@contextlib.contextmanager
def atomic_folder(output: Path) -> Iterator[Path]:
    """A fresh folder beside `output`; on success it replaces `output`, on failure it goes."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        yield staging
        (staging / MARKER).write_text("Written by pmdocs; rebuilt as a whole on every build.\n",
                                      encoding="utf-8")
        staging.chmod(0o755)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        staging.rename(output)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    old.rmdir()
    output.rename(old)
    try:
        staging.rename(output)
    except OSError:
        old.rename(output)
        raise
    shutil.rmtree(old, ignore_errors=True)


# ------------------------------------------------------------------------------ writing

def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in sorted(files.items()):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")


def export_files(rendered: RenderedSite, settings: SiteSettings) -> dict[str, str | bytes]:
    """Everything `pmdocs export` writes: docs, assets, SVGs, the hooks and mkdocs.yml."""
    from . import diagram_hook, search_hook   # their own sources are the hook files

    files: dict[str, str | bytes] = {f"docs/{path}": text for path, text in rendered.documents.items()}
    files.update({f"docs/{path}": data for path, data in rendered.files.items()})
    files.update({f"docs/{path}": data for path, data in asset_files().items()})
    files.update({f"docs/{path}": static_page(path, text, built_page)
                  for path, text in rendered.html.items()})
    files.update({f"{diagram_hook.DIAGRAM_FOLDER}/{key}.svg": svg
                  for key, svg in rendered.diagrams.items()})
    files[HOOK_FILE] = Path(diagram_hook.__file__).read_text(encoding="utf-8")
    files[SEARCH_HOOK_FILE] = Path(search_hook.__file__).read_text(encoding="utf-8")
    files["mkdocs.yml"] = yaml.safe_dump(mkdocs_settings(settings, plugin=None, hooks=True),
                                         allow_unicode=True, sort_keys=False)
    return files


def built_page(doc_path: str) -> str:
    """Where mkdocs writes a generated page, with `use_directory_urls: false`."""
    return doc_path[:-3] + ".html" if doc_path.endswith(".md") else doc_path


def static_page(path: str, text: str, built: Callable[[str], Optional[str]]) -> str:
    """A static HTML file (the prototype) with its `pmdocs:<doc path>` links made relative to
    where `built` says each page is written: explicit `…/index.html` paths, which work from
    `file://` as well as from a server."""
    from .diagram_hook import resolve_links

    def url_for(doc_path: str) -> Optional[str]:
        target = built(doc_path)
        return None if target is None else posixpath.relpath(target, posixpath.dirname(path))
    return resolve_links(text, url_for)


def export_site(rendered: RenderedSite, output: Path, project: Path,
                site_url: str | None = None) -> None:
    check_output(output, project)
    with atomic_folder(output) as staging:
        write_files(staging, export_files(rendered, settings_of(rendered, site_url)))


def build_site(rendered: RenderedSite, output: Path, project: Path, *, strict: bool = False,
               site_url: str | None = None, words_file: Path | None = None) -> None:
    """Build the static site with mkdocs into `output` (atomically); `words_file`: where the
    search hook keeps the words of the site's Chinese between builds."""
    check_output(output, project)
    with atomic_folder(output) as staging, tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch)
        write_files(export, export_files(rendered, settings_of(rendered, site_url)))
        run_mkdocs(export / "mkdocs.yml", staging, strict, words_file)


def run_mkdocs(config_file: Path, site_dir: Path, strict: bool,
               words_file: Path | None = None) -> None:
    """`mkdocs build` in this process, with no build timestamps and quiet logging."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _reproducible(), _quiet_mkdocs():
        try:
            config = load_config(config_file=str(config_file), site_dir=str(site_dir),
                                 strict=strict)
            search_hook = config.plugins.get(SEARCH_HOOK_FILE)
            if search_hook is not None and words_file is not None:
                search_hook.keep_words_in(str(words_file))
            build(config)
        except MkDocsException as error:
            raise OutputError(f"mkdocs could not build the site: {error}") from error


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
def _quiet_mkdocs() -> Iterator[None]:
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


def serve_config(project: Path, scratch: Path) -> Path:
    """An mkdocs.yml for live preview: the pmdocs plugin renders the site on every rebuild."""
    from .model import read_project

    model, _, _ = read_project(project)
    settings = SiteSettings(html.escape(model.settings.name, quote=True), model.settings.language, ())
    config = mkdocs_settings(settings, plugin={"project": str(project), "prefix": "", "name_the_site": True},
                             hooks=False)
    config.pop("nav")
    (scratch / "docs").mkdir()
    config_file = scratch / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    return config_file
