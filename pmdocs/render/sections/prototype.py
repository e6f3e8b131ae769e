"""The clickable prototype: `prototype/<page id>/index.html` for every page, dialog, sheet and
toast, `prototype/index.html` opening at the start page, and the sitemap they share (the
front end adds the script and style from `templates/assets/`).

Plain HTML through autoescaping templates (`templates/prototype/`), a small vanilla script and
the sitemap as a script file: no `fetch`, so it works from `file://` and from any static host.
Links to the PRD are `pmdocs:<doc path>` until the front end knows the site's URLs.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Iterator

import jinja2
from markupsafe import Markup

from ...labels import labels_for
from ...model.spec import Page
from ...sitemap import PROTOTYPE_ASSETS, SiteMap
from ...resources import template_bytecode_cache, templates_dir
from ..context import Later, RenderContext
from ..prototype import SitemapGroup, WireframePage, prototype
from ..text import markdown_html

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def render(context: RenderContext) -> Iterator[tuple[str, "str | bytes | Later"]]:
    views = prototype(context)
    if views is None:
        return
    roles = [(role.id, role.name) for role in context.project.index.listed["roles"]]
    for page in views.page_list:
        def make(page: Page = page) -> str:
            wireframe = views.wireframe(page)
            return _render(
                "page.html.j2", context, wireframe=wireframe, roles=roles,
                marks_changes=views.marks_changes,
                drawn=_drawn(context.labels.language, wireframe),
                role_notes=_role_notes(context, wireframe, roles),
                default_state=wireframe.page.opening_state,
                opener_title=context.title_of("pages", wireframe.opener)
                if wireframe.opener else "")
        yield SiteMap.prototype(page.id), context.later(    # every role is named, a web
            "prototype", ("pages", page.id), make, repr(roles),   # page's menu every group
            repr(views.side_menu(page)))
    yield SiteMap.prototype(), _render("index.html.j2", context, start=views.start)
    yield f"{PROTOTYPE_ASSETS}/sitemap.js", _sitemap_script(views.sitemap).encode()


def _render(name: str, context: RenderContext, **values: Any) -> str:
    return _environment().get_template(name).render(
        labels=context.labels, language=context.project.settings.language,
        product=context.project.settings.name, home=SiteMap.link("index.md"), **values)


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "prototype")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, auto_reload=False,
        bytecode_cache=template_bytecode_cache())
    environment.filters["markdown"] = _markdown
    return environment


def _markdown(text: str) -> Markup:
    """A Markdown field, sanitised (`render.text.markdown_html`), printed as the HTML it is."""
    return Markup(markdown_html(text))


@cache
def _widget_macro(language: str) -> Any:
    return _environment().get_template("widgets.html.j2").make_module(
        {"labels": labels_for(language)}).widget


def _drawn(language: str, wireframe: WireframePage) -> dict[str, Markup]:
    """Each widget's HTML, drawn once for all the states of its page (and overlays) that
    show it; keyed as the template asks: `<overlay id>.<element id>` inside an overlay."""
    widget = _widget_macro(language)
    drawn = {item.element.id: widget(item, wireframe, wireframe.page, "")
             for item in wireframe.widgets}
    for overlay in wireframe.overlays:
        prefix = overlay.page.id + "."
        drawn.update({prefix + item.element.id: widget(item, overlay, overlay.page, prefix)
                      for item in overlay.opening_screen.widgets})
    return drawn


def _role_notes(context: RenderContext, wireframe: WireframePage,
                roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Per role that may not see something here: what the notice says."""
    labels = context.labels
    notes = []
    for role_id, role_name in roles:
        if wireframe.page.roles and role_id not in wireframe.page.roles:
            notes.append((role_id, labels["proto_page_hidden_for_role"].format(role=role_name)))
            continue
        hidden = [widget.element.label or widget.element.id for widget in wireframe.widgets
                  if widget.element.roles and role_id not in widget.element.roles]
        if hidden:
            notes.append((role_id, labels["proto_hidden_for_role"].format(
                role=role_name, elements=labels["list_separator"].join(hidden))))
    return notes


def _sitemap_script(groups: tuple[SitemapGroup, ...]) -> str:
    """The sitemap as a script (not JSON to fetch: `file://` forbids that), read by
    prototype.js, which builds the sidebar with `textContent` only."""
    data = [{"title": group.title, "pages": [
        {"id": entry.page.id, "title": entry.page.title, "kind": entry.page.kind,
         "entry": entry.page.is_entry,
         "children": [{"id": child.id, "title": child.title, "kind": child.kind}
                      for child in entry.children]}
        for entry in group.entries]} for group in groups]
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.pmdocsSitemap = {text.translate(_JSON_ESCAPES)};\n"

