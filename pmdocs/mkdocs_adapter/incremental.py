"""What `pmdocs build` keeps from the build before: a manifest in the site folder says what
every page was built from, so the next build renders with mkdocs only the pages whose input
changed, takes the others (and their search entries) from the previous site, and does not
run at all when neither the specs nor the tools changed.

A page's HTML depends on its own Markdown (with the SVG of every diagram it shows) and on
what every page shares: the mkdocs configuration, the navigation (its titles and order give
each page's sidebar and its previous/next links), the set of generated files, and the tools'
versions — the *site signature*. When the site signature changes, every page is rendered
again; otherwise only pages whose own digest changed. `pmdocs build` never writes to the
previous site: an unchanged file is hard-linked (copied where links are refused) into the
build's fresh folder, which replaces the old one only when the build succeeds
(`pmdocs.site.atomic_folder`). `pmdocs serve` builds in place (mkdocs' dirty builds): an
unchanged file stays, a removed item's files go, and the manifest is deleted first, so a
build stopped half way is followed by a whole one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

from ..resources import code_digest

if TYPE_CHECKING:
    from ..render import RenderedSite

MANIFEST = ".pmdocs-build.json"
"""In the site folder, beside the output marker: what the site was built from."""
FORMAT = 1
TOOLS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jieba", "pyyaml")
"""The packages whose versions (beside pmdocs' own source) decide a page's HTML."""


@dataclass(frozen=True)
class Manifest:
    """What a built site was built from."""

    inputs: str = ""
    """The digest of the spec files, the build's options and the tools ("": unknown)."""
    site: str = ""
    """The site signature: what every page depends on."""
    files: Mapping[str, str] = field(default_factory=dict)
    """The digest of each generated file's content, by its path in the site's docs."""
    search: Mapping[str, list] = field(default_factory=dict)
    """The search entries of each page pmdocs indexed, by its path in the site's docs."""

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        """The manifest of the site in `folder`; an empty one when there is none, or it is
        damaged or of another format (then everything is built again)."""
        try:
            stored = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            return cls()
        files, search = stored.get("files"), stored.get("search")
        if not isinstance(files, dict) or not isinstance(search, dict):
            return cls()
        return cls(str(stored.get("inputs", "")), str(stored.get("site", "")), files, search)

    def write(self, folder: Path) -> None:
        content = {"format": FORMAT, "inputs": self.inputs, "site": self.site,
                   "files": dict(sorted(self.files.items())),
                   "search": dict(sorted(self.search.items()))}
        (folder / MANIFEST).write_text(
            json.dumps(content, ensure_ascii=False, sort_keys=False, separators=(",", ":")),
            encoding="utf-8", newline="\n")


@dataclass(frozen=True)
class Increment:
    """One build's place in the sequence: the site built before (and its manifest), this
    build's site signature and key."""

    previous: Path | None = None
    """The folder of the site built before: beside the new one (`pmdocs build`), or the
    same folder, built again in place (`pmdocs serve`)."""
    manifest: Manifest = Manifest()
    inputs: str = ""

    @classmethod
    def of(cls, previous: Path, inputs: str = "") -> "Increment":
        return cls(previous, Manifest.read(previous), inputs)

    def unchanged(self, digests: Mapping[str, str], signature: str) -> set[str]:
        """The generated files (doc paths) the previous site holds exactly as this build
        would write them: none when what every page shares (`signature`) changed."""
        if self.previous is None or self.manifest.site != signature:
            return set()
        return {path for path, value in digests.items() if self.manifest.files.get(path) == value}

    def carry_over(self, site: Path, relative: str) -> bool:
        """The previous site's file at `relative` linked (or copied) into `site`, or left
        where it is when the site is built in place; False when there is none (then it is
        built again)."""
        assert self.previous is not None
        source, target = self.previous / relative, site / relative
        if not source.is_file():
            return False
        if source == target:
            return True
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
        return True


def digest(*parts: str | bytes) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))
        hashed.update(data)
    return hashed.hexdigest()


def tools_digest() -> str:
    """pmdocs' own source and templates, and the versions of the packages in `TOOLS`."""
    return code_digest(TOOLS)


def file_digests(rendered: RenderedSite, assets: Mapping[str, bytes]) -> dict[str, str]:
    """The digest of every generated file by doc path; a page's includes the SVG of each
    diagram it shows (put in after Markdown, so not in its text)."""
    from ..render.diagram import DIAGRAM_PLACEHOLDER
    digests: dict[str, str] = {}
    for path, text in rendered.documents.items():
        shown = [svg for diagram_id in DIAGRAM_PLACEHOLDER.findall(text)
                 for svg in (rendered.diagrams.get(diagram_id, ""),)]
        digests[path] = digest(text, *shown)
    for path, content in [*rendered.files.items(), *rendered.html.items(), *assets.items()]:
        digests[path] = digest(content)
    return digests


class Shown(NamedTuple):
    """What a page shows of other pages in its sidebar, breadcrumbs and footer."""

    paths: tuple[str, ...] = ()
    """Pages it shows by their own (front-matter) titles: the navigation's bare paths."""
    titles: tuple[str, ...] = ()
    """The navigation's own titles it shows: sections' and titled entries'."""

    def digest(self, generated: Mapping[str, str | bytes]) -> str:
        """A digest of what these pages and titles read as, in `generated` by nav path."""
        return digest(*(front_matter(generated.get(path, "")) for path in self.paths),
                      *self.titles)


def site_signature(config_text: str, nav: Any, generated: Mapping[str, str | bytes],
                   everywhere: Shown = Shown(), overlay: str = "") -> str:
    """What every page's HTML depends on: the configuration mkdocs reads, the navigation's
    shape (its paths and sections, not their titles: `nav_skeleton`), every generated file's
    path, the titles every page shows (`everywhere`: `nav_shown(nav)[None]`), the tools, and
    the problems `serve` lays over every page while the specs have errors."""
    return digest(tools_digest(), config_text, json.dumps(nav_skeleton(nav), ensure_ascii=False),
                  "\n".join(sorted(generated)), overlay, everywhere.digest(generated))


def nav_skeleton(nav: Any) -> Any:
    """The navigation without its titles: a title shows only on the pages `nav_shown` says,
    so retitling a section (a group of 40 items is titled by its first and last) renders those
    pages again, not the whole site."""
    if isinstance(nav, list):
        return [nav_skeleton(entry) for entry in nav]
    if isinstance(nav, dict):
        return [["section", nav_skeleton(value)] for value in nav.values()]
    return nav


def nav_shown(nav: Any) -> dict[str | None, Shown]:
    """What each page of the navigation shows of the others: with `navigation.prune` a page's
    sidebar holds the entries of the top level and of each section it is in (pages by their
    front-matter titles, sections and titled entries by their navigation titles; the sections
    it is in also make its breadcrumbs), and its footer the pages before and after it. Under
    None: what the top level shows, which every page shows."""
    order: list[str] = []
    nav_titles: dict[str, str] = {}
    shown: dict[str | None, Shown] = {}

    def level(entries: list) -> Shown:
        return Shown(tuple(entry for entry in entries if isinstance(entry, str)),
                     tuple(title for entry in entries if isinstance(entry, dict)
                           for title in entry))

    def walk(entries: list, open_levels: Shown) -> None:
        this = level(entries)
        here = Shown(open_levels.paths + this.paths, open_levels.titles + this.titles)
        for entry in entries:
            if isinstance(entry, str):
                order.append(entry)
                shown[entry] = here
            elif isinstance(entry, dict):
                for title, value in entry.items():
                    if isinstance(value, list):
                        walk(value, here)
                    elif isinstance(value, str):
                        order.append(value)
                        nav_titles[value] = str(title)
                        shown[value] = here

    top = nav if isinstance(nav, list) else []
    walk(top, Shown())
    everywhere = level(top)
    for number, path in enumerate(order):
        neighbours = order[max(0, number - 1):number] + order[number + 1:number + 2]
        paths = set(shown[path].paths) - set(everywhere.paths) | set(neighbours)
        titles = set(shown[path].titles) - set(everywhere.titles) | {
            nav_titles[neighbour] for neighbour in neighbours if neighbour in nav_titles}
        shown[path] = Shown(tuple(sorted(paths)), tuple(sorted(titles)))
    shown[None] = everywhere
    return shown


def front_matter(content: str | bytes) -> str:
    """A Markdown document's front matter (`---` … `---` at its start), or ""."""
    if not isinstance(content, str) or not content.startswith("---\n"):
        return ""
    end = content.find("\n---\n", 3)
    return content[4:end] if end >= 0 else ""


def inputs_digest(sources: str, options: Mapping[str, Any]) -> str:
    """The key of a whole build: the spec files' digest (`pipeline`), the build's options and
    the tools. Equal keys, equal sites."""
    return digest(tools_digest(), sources, json.dumps(options, sort_keys=True))
