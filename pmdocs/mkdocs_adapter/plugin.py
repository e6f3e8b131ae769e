"""The mkdocs plugin: `plugins: [search, pmdocs: {project: path}]` in any mkdocs.yml adds the
PRD, compiled from the specs by `pmdocs.pipeline`, to that site (under `prefix`), and
`mkdocs serve` rebuilds it when a spec file changes. `pmdocs build` and `pmdocs serve` run
mkdocs with this same plugin (see `pmdocs.mkdocs_adapter`). Its state lives on the instance.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import posixpath
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .. import pipeline
from ..issues import Issue, Severity, issue_line
from ..layout import GraphvizLayout, GraphvizMissing, Layout, NoLayout
from ..memo import Memo
from ..printable import one_line
from ..render import RenderedSite
from ..render.diagram import place_diagrams
from ..render.problems import problems_overlay
from ..resources import (default_cache_dir, search_words_file, spec_cache_dir,
                         template_bytecode_cache)
from ..site import asset_files, extra_assets, nav_config
from ..sitemap import SiteMap
from . import pages
from .incremental import (MANIFEST, Increment, Manifest, Shown, digest, file_digests,
                          nav_shown, site_signature)
from .search import SearchEntries

log = logging.getLogger("mkdocs.plugins.pmdocs")
NO_PROJECT = ("PM100",)
"""Problems that leave nothing to preview: serve stops on them, as build does."""


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
    incremental = config_options.Type(bool, default=False)
    """Build on top of the site already in the site folder, rendering again only the pages
    whose input changed (`pmdocs serve`, whose mkdocs builds are dirty ones)."""


class PmdocsPlugin(BasePlugin[PmdocsConfig]):
    def __init__(self) -> None:
        self.project_dir: Path | None = None
        self.forget_what_was_given()
        self._start_a_build()
        self.serving = False
        """Under `mkdocs serve`, which keeps this instance across rebuilds (see `on_startup`)."""
        self.last_built: RenderedSite | None = None
        """The last site whose specs had no errors: what `serve` shows while they have some."""
        self.overlay = ""
        """The problems `serve` lays over every page while the specs have errors."""
        self.memo = Memo()
        """Under `serve`, the last build's diagrams and documents, for the next build to reuse
        where their inputs did not change (`pmdocs.memo`)."""
        self.kept_layout: GraphvizLayout | None = None
        """Under `serve`, the layout of the last build."""

    def forget_what_was_given(self) -> None:
        """What `use` hands one build; forgotten when it ends, since mkdocs keeps this
        instance for the process's later builds (see `on_startup`)."""
        self.given: RenderedSite | None = None
        """A site `pmdocs build` has compiled already (see `use`)."""
        self.increment: Increment | None = None
        """Where `pmdocs build` builds this site from (see `use`); None: from nothing."""
        self.progress: pipeline.Progress | None = None

    def _start_a_build(self) -> None:
        """What one build gathers, from nothing."""
        self.rendered: RenderedSite | None = None
        self.blocks: dict[str, list[str]] = {}
        """HTML blocks set aside before Markdown, by page, until the page's HTML exists."""
        self.search = SearchEntries()
        self.sources: set[str] = set()
        self.digests: dict[str, str] = {}
        self.signature = ""
        """What every page of this build depends on (`incremental.site_signature`)."""
        self.pages_written = 0
        self.pages_to_write = 0
        self.building_on: Increment | None = None
        """The site this build builds on (`use`'s, or under `serve` the one in place)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this hook keeps the instance across the rebuilds of `mkdocs serve`, and
        with it the last site that built."""
        self.serving = command == "serve"

    def use(self, rendered: RenderedSite, increment: Increment | None = None,
            progress: pipeline.Progress | None = None) -> None:
        """Build this compiled site instead of compiling the project again; with `increment`,
        carry the unchanged files over from the previous site (see `incremental`); tell
        `progress` of each page written."""
        self.given = rendered
        self.increment = increment
        self.progress = progress

    @property
    def prefix(self) -> str:
        return self.config.prefix.strip("/")

    def on_config(self, config: Any) -> Any:
        self._start_a_build()
        base = Path(config.config_file_path or ".").parent
        self.project_dir = (base / self.config.project).resolve()
        self.rendered = self.given or self._render(SiteMap(bool(config.use_directory_urls)))
        if self.config.name_the_site:
            keep_site_name_escaped(config, self.rendered.title or "PRD")
        css, scripts = extra_assets()
        config.extra_css.extend(self._path(path) for path in css
                                if self._path(path) not in config.extra_css)
        present = [str(item) for item in config.extra_javascript]
        config.extra_javascript.extend(self._path(path) for path in scripts
                                       if self._path(path) not in present)
        nav = nav_config(self.rendered.nav, self.prefix + "/" if self.prefix else "")
        if config.nav is None and not self.prefix:
            config.nav = nav
        elif config.nav is not None:
            config.nav.append({html.escape(self.rendered.title or "PRD"): nav})   # printed raw
        if "attr_list" not in config.markdown_extensions:    # the headings' anchors
            config.markdown_extensions.append("attr_list")
        self.search.configure(config, str(search_words_file(self.project_dir)))
        return config

    def _render(self, site_map: SiteMap) -> RenderedSite:
        """The pipeline, its problems logged one line each as the CLI prints them (in the
        project's language); errors stop the build, or under `serve` show over the last site
        that built. (serve: the spec cache re-reads only edits.)"""
        assert self.project_dir is not None
        options = pipeline.Options(spec_cache_dir(), self._layout(), site_map=site_map,
                                   history=True, memo=self.memo if self.serving else None)
        result = pipeline.run(self.project_dir, options)
        for notice in result.history.notices if result.history else ():
            log.warning(one_line(f"pmdocs: {notice}"))
        language = result.checked.project.settings.language
        for issue in result.checked.issues:
            if issue.severity == Severity.WARNING:
                log.warning(issue_line(issue, language))
            elif issue.severity == Severity.INFO:
                log.info(issue_line(issue, language))
        self.overlay = ""
        if result.rendered is not None:
            self.last_built = result.rendered
            return result.rendered
        errors = [issue for issue in result.checked.issues if issue.severity == Severity.ERROR]
        lines = [one_line(f"pmdocs: the specs in {self.project_dir} have errors:")]
        lines += [issue_line(issue, language) for issue in errors]
        if not self.serving or any(issue.code in NO_PROJECT for issue in errors):
            raise PluginError("\n".join(lines))
        return self._keep_serving(lines, errors, language, options)

    def _keep_serving(self, lines: list[str], errors: list[Issue], language: str,
                      options: pipeline.Options) -> RenderedSite:
        """While the specs have errors, `serve` shows the last site that built (a draft of
        this one when none has yet), every page under the problems: a failed build would
        leave the browser waiting for a reload that never comes."""
        for line in lines:
            log.error(line)
        self.overlay = problems_overlay(errors, str(self.project_dir), language)
        if self.last_built is not None:
            return self.last_built
        drafted = pipeline.run(self.project_dir, replace(options, stop_at=None)).rendered
        assert drafted is not None     # a run that never stops renders
        return drafted

    def _layout(self) -> Layout:
        """Graphviz; when it is missing the build fails as `pmdocs build` does, unless
        `require_graphviz: false` lets it go on without diagrams."""
        cache = Path(self.config.cache_dir) if self.config.cache_dir else default_cache_dir()
        kept = self.kept_layout
        if self.serving and kept is not None and kept.cache_dir == cache:
            return kept      # it remembers the drawings it read from the cache
        try:
            self.kept_layout = GraphvizLayout(cache)
            return self.kept_layout
        except GraphvizMissing as error:
            if self.config.require_graphviz:
                raise PluginError(one_line(f"pmdocs: {error}")) from error
            log.warning(one_line(f"pmdocs: {error}; building without diagrams"))
            return NoLayout()

    def _path(self, doc_path: str) -> str:
        return posixpath.join(self.prefix, doc_path) if self.prefix else doc_path

    def on_files(self, files: Files, *, config: Any) -> Files:
        assert self.rendered is not None
        assets = asset_files()
        generated: dict[str, str | bytes] = {**self.rendered.documents, **self.rendered.files,
                                             **self.rendered.html, **assets}
        increment = self.increment
        if increment is None and self.config.incremental:
            increment = Increment.of(Path(config.site_dir))
        self.building_on, unchanged = increment, set()
        if increment is not None:
            self.digests = file_digests(self.rendered, assets)
            at_nav_path = {self._path(path): path for path in generated}
            by_nav_path = {nav_path: generated[path] for nav_path, path in at_nav_path.items()}
            shown = nav_shown(config.nav)
            for nav_path, others in shown.items():   # the titles its sidebar and footer show
                path = at_nav_path.get(nav_path) if nav_path is not None else None
                if path in self.digests and others != Shown():
                    self.digests[path] = digest(self.digests[path], others.digest(by_nav_path))
            self.signature = site_signature(
                Path(config.config_file_path).read_text("utf-8"), config.nav, by_nav_path,
                shown[None], self.overlay)
            unchanged = increment.unchanged(self.digests, self.signature)
            self._remove_stale(increment, config)
        for path, content in sorted(generated.items()):
            file = GeneratedFile.generated(config, self._path(path), content=content)
            if path in unchanged and increment is not None:
                file.kept = increment.carry_over(Path(config.site_dir), file.dest_uri)
                entries = increment.manifest.search.get(file.src_uri)
                if file.kept and entries is not None:
                    self.search.keep(file.src_uri, entries)
            files.append(file)
        self.sources = {page.src_uri for page in files.documentation_pages()}
        self.pages_to_write = sum(not getattr(file, "kept", False)
                                  for file in files.documentation_pages())
        return files

    def _remove_stale(self, increment: Increment, config: Any) -> None:
        """A site built in place loses the files an earlier build wrote and this one does
        not (a removed item's page), and its manifest until this build is done: a build
        stopped half way leaves pages the manifest does not describe."""
        if increment.previous != Path(config.site_dir):
            return
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(config.site_dir, MANIFEST))
        for path in sorted(set(increment.manifest.files) - set(self.digests)):
            stale = File.generated(config, self._path(path), content="")
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(config.site_dir, stale.dest_uri))

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        """The theme's templates compiled once per machine, not once per build."""
        env.bytecode_cache = template_bytecode_cache()
        return env

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        """A page carried over is not read by mkdocs; its front matter is, since the other
        pages' navigation shows it."""
        for file in files.documentation_pages():
            if isinstance(file, GeneratedFile) and file.kept and file.page is not None:
                file.page.read_source(config)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        """The generated HTML blocks skip Python-Markdown (see `mkdocs_adapter.pages`)."""
        if not self._generated(page):
            return markdown
        markdown, self.blocks[page.file.src_uri] = pages.set_blocks_aside(markdown)
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        """The blocks come back before search indexes the page."""
        if not self._generated(page):
            return html
        html = pages.put_blocks_back(html, self.blocks.pop(page.file.src_uri, []), page)
        self.search.index(page, html)
        return html

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Diagrams go into the finished page, so search and the templates never carry them;
        so does the problems' overlay while `serve` shows the last site that built."""
        if self.rendered is None or not self._generated(page):
            return output
        if self.progress is not None:
            self.pages_written += 1
            self.progress("write", self.pages_written, self.pages_to_write)
        output = place_diagrams(output, self.rendered.diagrams)
        if self.overlay:
            end = output.rfind("</body>")
            output = output[:end] + self.overlay + output[end:] if end >= 0 else output + self.overlay
        return output

    @event_priority(-50)    # after Material's search wrote its index, before `offline` reads it
    def on_post_build(self, *, config: Any) -> None:
        """pmdocs' pages join the search index (see `mkdocs_adapter.search`)."""
        self.search.write(config.site_dir, self.sources)
        if self.building_on is not None:
            Manifest(self.building_on.inputs, self.signature, self.digests,
                     self.search.pages).write(Path(config.site_dir))
        self.forget_what_was_given()

    def on_build_error(self, *, error: Exception) -> None:
        self.forget_what_was_given()

    def _generated(self, page: Any) -> bool:
        path = page.file.src_uri
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return False
            path = path[len(self.prefix) + 1:]
        return self.rendered is not None and path in self.rendered.documents

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        if self.project_dir is not None:
            server.watch(str(self.project_dir))
        return server


class GeneratedFile(File):
    """A file pmdocs generated; `kept` when the previous build wrote it exactly so and it
    was carried over into the new site (mkdocs' dirty build then neither renders nor
    writes it)."""

    kept = False

    def is_modified(self) -> bool:
        return not self.kept and super().is_modified()


def keep_site_name_escaped(config: Any, name: str) -> None:
    """`site_name` the product's name, HTML-escaped once wherever Material prints it: raw in
    `<title>` and the header, through `| e` in the logo's tooltip. As `Markup`, the escaped
    name is printed as it is by both."""
    from markupsafe import Markup    # Jinja's, so wherever mkdocs runs

    config.site_name = Markup(html.escape(name, quote=True))
