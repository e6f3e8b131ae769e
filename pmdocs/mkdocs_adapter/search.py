"""pmdocs indexes the pages it writes for Material's search itself. Material's indexer walks
every page with Python's `html.parser`, tag by tag, and segments its Chinese with jieba one
run of characters at a time: ~60% of `mkdocs build` at N = 2,000 (benchmarks/README.md).
pmdocs wrote those pages, so regular expressions find their sections, and a run of
characters seen once is segmented once.

A page pmdocs wrote says so in its front matter (`generator: pmdocs`); `SearchEntries`
marks it `search: exclude` for Material's indexer, makes its entries from the page's HTML,
and adds them to the index file Material wrote. A team's own pages stay with Material. (An
export, built without pmdocs, is indexed by Material's own search alone.)
"""

from __future__ import annotations

import html
import importlib.metadata
import json
import os
import re
import tempfile
from typing import Any, Callable, Optional

GENERATOR = "pmdocs"
"""`generator: pmdocs` in a page's front matter: pmdocs wrote the page (and indexes it)."""
HAN = re.compile("[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
                 "\uf900-\ufaff\U00020000-\U0003ffff]+")
"""A run of Chinese characters (Unicode's script Han, which Material segments)."""
HEADING = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]*)"[^>]*>(.*?)</h\1>', re.DOTALL)
"""A heading with an anchor: where Material's index starts a section."""
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
NOT_TEXT = re.compile(r"<!--.*?-->|<(script|style|object)\b.*?</\1\s*>"
                      r"|<(table|div|ul)\b[^>]*\sdata-search-exclude\b.*?</\2>", re.DOTALL | re.IGNORECASE)
"""What is no text, and blocks marked `data-search-exclude` (as Material's indexer leaves
them out; pmdocs marks tables that repeat other pages, a diagram's edges)."""
BREAK = re.compile(r"</?(?:p|div|br|li|ul|ol|dl|dt|dd|table|thead|tbody|tr|td|th|pre|blockquote"
                   r"|details|summary|h[1-6])\b[^>]*>", re.IGNORECASE)
"""A tag between two words (an inline tag like `<a>` or `<code>` is not)."""
KEPT = re.compile(r"<(/?)(p|code|pre|li|ol|ul|sub|sup)\b[^>]*>", re.IGNORECASE)
"""The tags Material's index keeps (bare) so that a search result shows paragraphs and lists."""
KEPT_MARK = re.compile("\x00(/?[a-z]+)\x01")
EMPTY = re.compile(r"<([a-z]+)>\s*</\1>")
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def text_of(fragment: str) -> str:
    """The words of an HTML fragment as Material's index holds them: HTML-escaped (the search
    results show them as HTML), whitespace collapsed, `<p>` and list tags kept bare."""
    words = KEPT.sub(lambda match: f"\x00{match.group(1)}{match.group(2).lower()}\x01", fragment)
    words = html.unescape(TAG.sub("", BREAK.sub(" ", words)))
    words = KEPT_MARK.sub(r"<\1>", html.escape(SPACE.sub(" ", words).strip(), quote=False))
    return EMPTY.sub("", words)


def page_sections(content: str) -> list[tuple[Optional[str], Optional[str], str]]:
    """(anchor, title HTML, body HTML) of each section of a page, as Material divides it: at
    every heading with an anchor; the first section has no anchor, and text before the first
    heading is a section without a title."""
    content = NOT_TEXT.sub("", content)
    sections: list[tuple[Optional[str], Optional[str], str]] = []
    anchor: Optional[str] = None
    title: Optional[str] = None
    start = 0
    for match in HEADING.finditer(content):
        body = content[start:match.start()]
        if title is not None or body.strip():
            sections.append((anchor if sections else None, title, body))
        anchor, title, start = match.group(2), HEADERLINK.sub("", match.group(3)), match.end()
    sections.append((anchor if sections else None, title, content[start:]))
    return sections


class Segmenter:
    """Chinese text with a zero-width space around each of its words (jieba's words), as
    Material's indexer writes it so that its `separator` splits them; each distinct run of
    Chinese characters is segmented once (generated pages repeat their labels thousands of
    times), or not at all when `known` (an earlier build's words) has it. Without jieba the
    text stays as it is, as with Material."""

    def __init__(self, cut: Optional[Callable[[str], Any]], known: Optional[dict] = None):
        self.cut = cut
        self.seen: dict[str, str] = dict(known or {})
        self.used: set[str] = set()
        """The runs met so far (what a word cache keeps)."""
        self.segmented = 0
        """How many runs jieba segmented (the others were known)."""

    def __call__(self, text: str) -> str:
        return text if self.cut is None else HAN.sub(self._words, text).strip("\u200b")

    def _words(self, match: "re.Match[str]") -> str:
        run = match.group(0)
        words = self.seen.get(run)
        if words is None:
            words = self.seen[run] = "\u200b" + "\u200b".join(self.cut(run)) + "\u200b"
            self.segmented += 1
        self.used.add(run)
        return words


def jieba_words(run: str) -> Any:
    """jieba's words of a run. Imported on first use: a build whose runs are all known never
    loads jieba's dictionary (~1 s)."""
    import jieba
    return jieba.cut(run)


def jieba_version() -> Optional[str]:
    """The installed jieba's version, or None without jieba (then Material segments nothing)."""
    try:
        return importlib.metadata.version("jieba")
    except importlib.metadata.PackageNotFoundError:
        return None


class WordCache:
    """The words of the runs an earlier build met, in a JSON file, under a key naming jieba's
    version and dictionaries (another key finds the file empty). Only the runs of the last
    build are kept, so it cannot grow without bound; a damaged file is simply empty, and a
    file that cannot be written only costs time."""

    def __init__(self, path: str, key: str):
        self.path = path
        self.key = key
        self.held: set[str] = set()
        """The runs the file holds (as last read or written)."""

    def read(self) -> dict:
        try:
            with open(self.path, encoding="utf-8") as handle:
                stored = json.load(handle)
        except (OSError, ValueError):
            return {}
        words = stored.get("words") if isinstance(stored, dict) and stored.get("key") == self.key else None
        words = words if isinstance(words, dict) else {}
        self.held = set(words)
        return words

    def keep(self, words: dict) -> None:
        """Hold exactly `words` (nothing is written when the file holds those runs already)."""
        if set(words) == self.held:
            return
        self.held = set(words)
        folder = os.path.dirname(self.path) or "."
        temporary = None
        try:
            os.makedirs(folder, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                             suffix=".tmp") as handle:
                temporary = handle.name
                json.dump({"key": self.key, "words": words}, handle, ensure_ascii=False,
                          sort_keys=True, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            if temporary is not None and os.path.exists(temporary):
                os.unlink(temporary)


def search_entries(url: str, title: str, content: str, segment: Callable[[str], str],
                   kind: str = "") -> list[dict]:
    """A page's entries in the search index: one per section, as Material makes them. With
    `kind` (the page's front matter says what it is about: 页面, 规则 …), the page's own entry
    is titled `kind · title`, so that a result says what it found."""
    entries = []
    for anchor, heading, body in page_sections(content):
        entry = {"location": f"{url}#{anchor}" if anchor else url,
                 "title": segment(text_of(title if heading is None else heading)),
                 "text": segment(text_of(body))}
        if kind and not entries:
            entry["title"] = f"{segment(text_of(kind))} · {entry['title']}"
        entries.append(entry)
    return entries


class SearchEntries:
    """pmdocs' pages in Material's search index, made by pmdocs: each page pmdocs wrote is
    marked `search: exclude` for Material's indexer, its entries are made here
    (`index`, from the page's HTML), and they join the index file Material wrote (`write`),
    before the offline plugin turns that file into a script. With a `words_file`, the words
    of each run of Chinese are kept between builds (`WordCache`)."""

    def __init__(self) -> None:
        self.active = False
        self.pages: dict[str, list[dict]] = {}
        self.segment: Optional[Segmenter] = None
        self.words: Optional[WordCache] = None
        self.kept = False
        """Whether some pages' entries come from an earlier build (`keep`)."""

    def configure(self, config: Any, words_file: Optional[str] = None) -> None:
        """On only where Material's search plugin indexes the site (other search plugins
        index every page themselves)."""
        plugins = getattr(config, "plugins", None) or {}
        search = [plugin for plugin in plugins.values()
                  if type(plugin).__module__.startswith("material.plugins.search")
                  and getattr(plugin.config, "enabled", True)]
        self.active = bool(search)
        if self.active and words_file and self.segment is None:
            self.words = WordCache(words_file, dictionary_key(search[0].config))

    def index(self, page: Any, content: str) -> None:
        search = page.meta.get("search") or {}
        if not self.active or page.meta.get("generator") != GENERATOR or search.get("exclude"):
            return
        if self.segment is None:    # as Material: jieba's words whenever it is installed
            known = self.words.read() if self.words is not None else {}
            self.segment = Segmenter(jieba_words if jieba_version() else None, known)
        page.meta["search"] = {**search, "exclude": True}
        self.pages[page.file.src_uri] = search_entries(
            page.url, str(page.meta.get("title", page.title or "")), content, self.segment,
            str(page.meta.get("kind") or ""))

    def keep(self, source: str, entries: list[dict]) -> None:
        """The entries an earlier build made of a page that has not changed since."""
        if self.active:
            self.pages[source] = entries
            self.kept = True

    def write(self, site_dir: str, sources: Optional[set] = None) -> None:
        """Add the entries to the site's index (of the pages among `sources`, when given: a
        page deleted while serving leaves the index), and keep the words for the next build.
        The index is written as UTF-8 rather than `\\u` escapes — a reader's browser fetches
        it whole at the first search, and Chinese text so takes half the bytes (9.6 -> 5.6 MB
        at N = 2,000) — with U+2028 and U+2029 still escaped, since Material's offline copy
        of the index is a script."""
        path = os.path.join(site_dir, "search", "search_index.json")
        if sources is not None:
            self.pages = {source: entries for source, entries in self.pages.items() if source in sources}
        if not self.active or not self.pages or not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as handle:
            index = json.load(handle)
        index["docs"].extend(entry for source in sorted(self.pages) for entry in self.pages[source])
        with open(path, "w", encoding="utf-8") as handle:
            text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
            handle.write(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
        if self.words is not None and self.segment is not None and self.segment.cut is not None:
            runs = self.segment.seen if self.kept else self.segment.used   # the kept pages'
            self.words.keep({run: self.segment.seen[run] for run in runs})  # runs are not known


def dictionary_key(search_config: Any) -> str:
    """What decides jieba's words: its version, and the dictionaries Material's search plugin
    gives it (`jieba_dict`, `jieba_dict_user`), by path, size and time of change."""
    parts = [f"jieba {jieba_version()}"]
    for name in ("jieba_dict", "jieba_dict_user"):
        path = getattr(search_config, name, None)
        if path:
            try:
                status = os.stat(path)
                parts.append(f"{name}={path}:{status.st_size}:{status.st_mtime_ns}")
            except OSError:
                parts.append(f"{name}={path}")
    return "\n".join(parts)
