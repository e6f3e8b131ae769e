"""The copy deck: every user-visible string with where it appears and the parameters it names,
as a table and as a CSV file (UTF-8 with a byte order mark, so Excel opens Chinese correctly)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Iterator

from ...model.spec import Page, Rule
from ...sitemap import COPY_CSV, SiteMap
from .. import cells
from ..cells import Html, formatted, joined
from ..context import RenderContext
from ..items import item_link, markdown_item_link
from ..parameters import Segment, used_parameters
from ..tables import document, table
from ..text import Safe
from ..templating import render_template
from ..text import link

PATH = SiteMap.section("copy")
CSV_PATH = COPY_CSV
CSV_COLUMNS = ("page_id", "page_title", "where", "key", "text", "parameters")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell starting with one of these as a formula: such text gets a `'`."""


@dataclass(frozen=True)
class CopyText:
    section: str
    """`pages`, or `rules` for a rule's outcome and limit copy."""
    item_id: str
    item_title: str
    where: str
    """A stable keyword: page_title, element_label, element_placeholder, element_item (a tab's
    or an option's name), element_example (a list's example row), state_copy, page_copy,
    rule_outcome_copy, limit_exceeded."""
    key: str
    text: str
    """As written: `每天可为 {$daily_assist_cap} 位好友助力`."""
    parameters: tuple[Segment, ...] = ()
    """The parameters it names, at their defaults (the text shows them so elsewhere)."""


EXAMPLE_TYPES = frozenset({"list", "table", "card", "banner", "image", "video", "map"})
"""Elements whose `items` are example data (a list's sample rows), not copy a writer owns:
the prototype draws with them. Other elements' items are copy (tab names, options)."""
EXAMPLES = ("element_example",)


@dataclass(frozen=True)
class DeckGroup:
    """A module's copy: a table per page (its texts in the page's order)."""

    key: str
    title: str
    pages: tuple[tuple[Safe, Safe], ...]
    """(the page's Markdown link, its table)."""


def render(context: RenderContext) -> Iterator[tuple[str, str | bytes]]:
    texts = copy_texts(context)
    labels = context.labels
    copy = [text for text in texts if text.where not in EXAMPLES]
    by_page: dict[str, list[CopyText]] = {}
    for text in copy:
        if text.section == "pages":
            by_page.setdefault(text.item_id, []).append(text)

    def deck(page_id: str) -> Safe:
        return context.reused("copy_deck", ("pages", page_id),
                              lambda: _deck(context, by_page[page_id]))
    modules = [DeckGroup(module.key, module.title, tuple(
        (markdown_item_link(context, "pages", page_id, PATH), deck(page_id))
        for page_id in module.pages if page_id in by_page))
        for module in context.project.index.modules]
    examples = table((labels["page"], labels["element"], labels["copy_text"]), [
        (item_link(context, "pages", text.item_id, PATH), text.key, text.text)
        for text in texts if text.where in EXAMPLES])
    rules = table((labels["rule"], labels["copy_where"], labels["copy_key"], labels["copy_text"],
                   labels["copy_parameters"]), [
        (item_link(context, "rules", text.item_id, PATH), labels["copy_" + text.where], text.key,
         text.text, _parameters(context, text)) for text in copy if text.section == "rules"])
    download = link(labels["copy_download"], CSV_PATH, PATH)
    yield PATH, document(render_template(
        "copy.md.j2", labels=labels, modules=[module for module in modules if module.pages],
        rules=rules, examples=examples, download=download, count=len(copy),
        example_count=len(texts) - len(copy)), labels["copy"], searched=False, wide=True)
    yield CSV_PATH, copy_csv(texts)


def _deck(context: RenderContext, texts: list[CopyText]) -> Safe:
    """A page's copy, element by element: what, where, the text, the parameters it names."""
    labels = context.labels
    return table((labels["element"], labels["copy_where"], labels["copy_text"],
                  labels["copy_parameters"]),
                 [(text.key, labels["copy_" + text.where], text.text, _parameters(context, text))
                  for text in texts])


def _parameters(context: RenderContext, text: CopyText) -> Html:
    """`$daily_limit（默认 1）`, each linked to the parameter's row on its rule's page."""
    return joined([formatted(context.labels["parameter_with_default"], parameter=cells.link(
        "$" + piece.parameter, SiteMap.item("rules", piece.rule), PATH, "parameter-" + piece.parameter),
        value=piece.text) for piece in text.parameters], context.labels["list_separator"])


def copy_texts(context: RenderContext) -> list[CopyText]:
    texts: list[CopyText] = []
    for page in context.project.index.listed["pages"]:
        texts.extend(context.reused("copy_texts", ("pages", page.id),
                                    lambda page=page: tuple(_page_texts(context, page))))
    for rule in context.project.index.listed["rules"]:
        texts.extend(_rule_texts(context, rule))
    return texts


def _page_texts(context: RenderContext, page: Page) -> Iterator[CopyText]:
    scope = context.project.index.page_scope

    def text(where: str, key: str, value: str, element_id: str = "") -> CopyText:
        used = used_parameters(context, value, scope(page.id, element_id))
        return CopyText("pages", page.id, page.title, where, key, value, tuple(used))
    yield text("page_title", "", page.title)
    for element in page.elements:
        if element.label:
            yield text("element_label", element.id, element.label, element.id)
        if element.placeholder:
            yield text("element_placeholder", element.id, element.placeholder, element.id)
        where = "element_example" if element.type in EXAMPLE_TYPES else "element_item"
        for number, item in enumerate(element.items, start=1):
            yield text(where, f"{element.id}[{number}]", item, element.id)
    for state in page.states:
        for number, copy in enumerate(state.copy_text, start=1):
            key = state.name if len(state.copy_text) == 1 else f"{state.name}[{number}]"
            yield text("state_copy", key, copy)
    for entry in page.copy_text:
        yield text("page_copy", entry.key, entry.text)


def _rule_texts(context: RenderContext, rule: Rule) -> Iterator[CopyText]:
    def text(where: str, key: str, value: str) -> CopyText:
        used = used_parameters(context, value, (rule.id,), own_rule_only=True)
        return CopyText("rules", rule.id, rule.title, where, key, value, tuple(used))
    for number, row in enumerate(rule.table, start=1):
        if row.then.copy_text:
            yield text("rule_outcome_copy", f"table[{number}]", row.then.copy_text)
    for number, limit in enumerate(rule.limit, start=1):
        if limit.exceeded:
            yield text("limit_exceeded", f"limit[{number}]" if len(rule.limit) > 1 else "limit",
                       limit.exceeded)


def copy_csv(texts: list[CopyText]) -> bytes:
    """RFC 4180 CSV (CRLF, quoted as needed) in UTF-8 with a BOM; a text's parameters as
    `daily_limit=1; goal_days=7`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for text in texts:
        parameters = "; ".join(f"{piece.parameter}={piece.text}" for piece in text.parameters)
        writer.writerow([_spreadsheet_safe(value) for value in
                         (text.item_id, text.item_title, text.where, text.key, text.text,
                          parameters)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _spreadsheet_safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value
