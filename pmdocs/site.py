"""The only writer of output: folders written atomically, and the export — a plain mkdocs
project that builds with mkdocs, ProperDocs or Zensical and no pmdocs at all (its diagrams
inline in the Markdown, every link a relative URL, the prototype and the assets beside
them). Also the mkdocs configuration of a pmdocs site, which the export writes to its
mkdocs.yml and `pmdocs build` and `serve` hand to mkdocs (`pmdocs.mkdocs_adapter`).

Output is atomic: everything is written into a fresh folder beside the target and swapped in
only on success, so a failed build leaves the previous output untouched. A target that could
hold anything else (the project, a parent of it, `/`, the home folder, a folder pmdocs did
not write) is refused before anything is deleted.
"""

from __future__ import annotations

import contextlib
import html
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import yaml

from .resources import templates_dir
from .sitemap import ASSETS, PROTOTYPE_ASSETS, NavEntry

if TYPE_CHECKING:    # the render stage is imported by a build that renders: one found up
    from .render import RenderedSite     # to date (`pipeline.UpToDate`) starts without it

ASSET_FILES = ("pmdocs.css", "diagrams.css", "diagrams.js", "reading.js", "iframe-worker-shim.js")
PROTOTYPE_FILES = ("prototype.css", "prototype.js")
MARKER = ".pmdocs-output"
"""Written into every output folder, so a rebuild knows the folder is pmdocs' to replace."""
SEARCH_SEPARATOR = r"[\s\u200b\-]+"
EXPORT_REQUIREMENTS = "mkdocs-material>=9.5,<10\njieba>=0.42   # Chinese words in search\n"


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
    """Material, set up for a PRD: every item in the navigation, each section folded until
    it is open (`navigation.prune` leaves the folded ones' entries out of the page: at
    N = 2,000 a page carries its own group's entries, not every item), breadcrumbs, previous
    and next in the footer, dark/light toggle, no web fonts."""
    features = ["navigation.indexes", "navigation.prune", "navigation.path", "navigation.footer",
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


def mkdocs_settings(settings: SiteSettings, plugin: dict | None = None) -> dict[str, Any]:
    """The `mkdocs.yml` of a pmdocs site: with `plugin`, the pmdocs plugin's options (the
    plugin adds the navigation, style and scripts); without, an export's, complete."""
    search: dict[str, Any] = {"lang": "zh" if settings.language == "zh" else "en",
                              "separator": SEARCH_SEPARATOR}
    config: dict[str, Any] = {
        "site_name": settings.title,
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": theme(settings),
        "plugins": [{"search": search}, "offline"] + ([{"pmdocs": plugin}] if plugin else []),
        "markdown_extensions": ["tables", {"toc": {"permalink": True}}, "admonition", "attr_list"],
        "extra": {"polyfills": [f"{ASSETS}/iframe-worker-shim.js"]},
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
    if plugin is None:
        css, scripts = extra_assets()
        config.update({"nav": nav_config(settings.nav), "extra_css": css,
                       "extra_javascript": scripts})
    return config


def extra_assets() -> tuple[list[str], list[str]]:
    """The style and scripts every page of a pmdocs site loads."""
    return [f"{ASSETS}/pmdocs.css", f"{ASSETS}/diagrams.css"], [f"{ASSETS}/diagrams.js",
                                                                 f"{ASSETS}/reading.js"]


def nav_config(entries: tuple[NavEntry, ...], prefix: str = "") -> list[Any]:
    """NavEntry tree -> mkdocs' `nav` list. An entry without a title is the bare path: the
    page's own (front-matter) title names it."""
    result: list[Any] = []
    for entry in entries:
        if entry.children:
            children = ([{entry.title: prefix + entry.path}] if entry.path else []) + \
                nav_config(entry.children, prefix)
            result.append({entry.title: children})
        elif entry.path:
            result.append({entry.title: prefix + entry.path} if entry.title else prefix + entry.path)
    return result


def asset_files() -> dict[str, bytes]:
    """The assets every pmdocs site serves, by doc path."""
    folder = templates_dir() / "assets"
    files = {f"{ASSETS}/{name}": (folder / name).read_bytes() for name in ASSET_FILES}
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
    """Everything `pmdocs export` writes: the docs (diagrams inline), the prototype, the
    assets, mkdocs.yml, requirements.txt and a README."""
    from .render.diagram import place_diagrams
    files: dict[str, str | bytes] = {
        f"docs/{path}": place_diagrams(text, rendered.diagrams)
        for path, text in rendered.documents.items()}
    files.update({f"docs/{path}": data for path, data in rendered.files.items()})
    files.update({f"docs/{path}": text for path, text in rendered.html.items()})
    files.update({f"docs/{path}": data for path, data in asset_files().items()})
    files["mkdocs.yml"] = yaml.safe_dump(mkdocs_settings(settings), allow_unicode=True,
                                         sort_keys=False)
    files["requirements.txt"] = EXPORT_REQUIREMENTS
    files["README.md"] = (templates_dir() / "export" / "README.md").read_text(encoding="utf-8")
    return files


def export_site(rendered: RenderedSite, output: Path, project: Path,
                site_url: str | None = None) -> None:
    check_output(output, project)
    with atomic_folder(output) as staging:
        write_files(staging, export_files(rendered, settings_of(rendered, site_url)))
