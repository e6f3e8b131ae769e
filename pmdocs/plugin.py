"""The mkdocs plugin: `plugins: [search, pmdocs: {project: path}]` in any mkdocs.yml adds the
PRD, compiled from the specs, to that site (under `prefix`), and `mkdocs serve` rebuilds it
when a spec file changes. The same pipeline as `pmdocs build`; nothing imports this module.
"""

from __future__ import annotations

import html
import logging
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from . import diagram_hook, pipeline, search_hook
from .issues import Severity, issue_line
from .layout import GraphvizLayout, GraphvizMissing, Layout, NoLayout
from .printable import one_line
from .render import RenderedSite
from .resources import default_cache_dir, search_words_file, spec_cache_dir
from .site import ASSET_FOLDER, asset_files, nav_config, static_page

log = logging.getLogger("mkdocs.plugins.pmdocs")
ITEM_FOLDERS = ("features/", "flows/", "objects/", "roles/", "pages/", "rules/", "pagemap/")
"""Pages reached from their section's tables, diagrams and search, not from the nav."""


class PmdocsConfig(Config):
    project = config_options.Type(str, default=".")
    """The folder holding pmdocs.yml, relative to mkdocs.yml."""
    prefix = config_options.Type(str, default="prd")
    """The folder of the site the PRD goes under ("" for the whole site)."""
    cache_dir = config_options.Optional(config_options.Type(str))
    """Where diagram SVGs are cached (default: pmdocs' user cache folder)."""
    require_graphviz = config_options.Type(bool, default=True)
    """Without Graphviz, fail the build (as `pmdocs build` does); false: build without diagrams."""
    name_the_site = config_options.Type(bool, default=False)
    """Take the site's name from pmdocs.yml (`pmdocs serve` does; a team's site keeps its own)."""


class PmdocsPlugin(BasePlugin[PmdocsConfig]):
    def __init__(self) -> None:
        self.rendered: RenderedSite | None = None
        self.files: Files | None = None
        self.project_dir: Path | None = None
        self.blocks: dict[str, list[str]] = {}
        """HTML blocks set aside before Markdown, by page, until the page's HTML exists."""
        self.search = search_hook.SearchEntries()

    @property
    def prefix(self) -> str:
        return self.config.prefix.strip("/")

    def on_config(self, config: Any) -> Any:
        base = Path(config.config_file_path or ".").parent
        self.project_dir = (base / self.config.project).resolve()
        self.rendered = self._render(self.project_dir)
        if self.config.name_the_site:
            diagram_hook.keep_site_name_escaped(config, self.rendered.title or "PRD")
        assets = [self._path(path) for path in (f"{ASSET_FOLDER}/pmdocs.css",)]
        config.extra_css.extend(path for path in assets if path not in config.extra_css)
        for script in (f"{ASSET_FOLDER}/svg-pan-zoom.min.js", f"{ASSET_FOLDER}/pmdocs.js"):
            if self._path(script) not in [str(item) for item in config.extra_javascript]:
                config.extra_javascript.append(self._path(script))
        nav = nav_config(self.rendered.nav, self.prefix + "/" if self.prefix else "")
        if config.nav is None and not self.prefix:
            config.nav = nav
        elif config.nav is not None:
            config.nav.append({html.escape(self.rendered.title or "PRD"): nav})   # printed raw
        self.search.configure(config, str(search_words_file(self.project_dir)))
        return config

    def _render(self, project_dir: Path) -> RenderedSite:
        """The pipeline (`pmdocs.pipeline.run`), its problems logged one line each as the CLI
        prints them; errors stop the build. (serve: the spec cache re-reads only edits.)"""
        result = pipeline.run(project_dir, pipeline.Options(spec_cache_dir(), self._layout()))
        for issue in result.checked.issues:
            if issue.severity == Severity.WARNING:
                log.warning(issue_line(issue))
            elif issue.severity == Severity.INFO:
                log.info(issue_line(issue))
        if result.rendered is None:
            errors = [issue for issue in result.checked.issues if issue.severity == Severity.ERROR]
            lines = [one_line(f"pmdocs: the specs in {project_dir} have errors:")]
            raise PluginError("\n".join(lines + [issue_line(issue) for issue in errors]))
        return result.rendered

    def _layout(self) -> Layout:
        """Graphviz; when it is missing the build fails as `pmdocs build` does, unless
        `require_graphviz: false` lets it go on without diagrams."""
        cache = Path(self.config.cache_dir) if self.config.cache_dir else default_cache_dir()
        try:
            return GraphvizLayout(cache)
        except GraphvizMissing as error:
            if self.config.require_graphviz:
                raise PluginError(one_line(f"pmdocs: {error}")) from error
            log.warning(one_line(f"pmdocs: {error}; building without diagrams"))
            return NoLayout()

    def _path(self, doc_path: str) -> str:
        return posixpath.join(self.prefix, doc_path) if self.prefix else doc_path

    def on_files(self, files: Files, *, config: Any) -> Files:
        assert self.rendered is not None
        self.files = files
        generated: dict[str, str | bytes] = dict(self.rendered.documents)
        generated.update(self.rendered.files)
        generated.update(asset_files())
        for path, content in sorted(generated.items()):
            item_page = path.startswith(ITEM_FOLDERS) and not path.endswith("/index.md")
            inclusion = InclusionLevel.NOT_IN_NAV if item_page else InclusionLevel.UNDEFINED
            files.append(File.generated(config, self._path(path), content=content,
                                        inclusion=inclusion))

        def built(doc_path: str) -> str | None:
            target = files.get_file_from_path(self._path(doc_path))
            return None if target is None else target.dest_uri
        for path, text in sorted(self.rendered.html.items()):
            files.append(File.generated(config, self._path(path),
                                        content=static_page(self._path(path), text, built)))
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        """The generated tables and long lists skip Python-Markdown (see `pmdocs.diagram_hook`)."""
        if self.rendered is None or not self._generated(page):
            return markdown
        markdown, self.blocks[page.file.src_uri] = diagram_hook.set_blocks_aside(markdown)
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        """The blocks come back, their `pmdocs:` links made URLs, before search indexes the page."""
        if self.rendered is None or not self._generated(page):
            return html
        diagram_hook.keep_title_escaped(page)
        html = diagram_hook.put_blocks_back(html, self.blocks.pop(page.file.src_uri, []), page)
        html = diagram_hook.resolve_page_links(html, diagram_hook.url_resolver(page, files, self.prefix))
        self.search.index(page, html)
        return html

    @event_priority(-50)    # after Material's search wrote its index, before `offline` reads it
    def on_post_build(self, *, config: Any) -> None:
        """pmdocs' pages join the search index (see `pmdocs.search_hook`)."""
        if self.files is not None:
            self.search.write(config.site_dir, {page.src_uri for page in self.files.documentation_pages()})

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Diagrams go into the finished page, so search and the templates never carry them
        (see `pmdocs.diagram_hook`)."""
        if self.rendered is None or self.files is None or "pmdocs-diagram" not in output \
                or not self._generated(page):
            return output
        return diagram_hook.insert_diagrams(output, self.rendered.diagrams.get,
                                            diagram_hook.url_resolver(page, self.files, self.prefix))

    def _generated(self, page: Any) -> bool:
        path = page.file.src_uri
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return False
            path = path[len(self.prefix) + 1:]
        return path in self.rendered.documents

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        if self.project_dir is not None:
            server.watch(str(self.project_dir))
        return server

