"""The Jinja environment for the site's Markdown templates (`templates/site/`).

Every value a template prints is escaped as plain text unless it is `Safe` (Markdown that
pmdocs built itself): forgetting a filter can make text look odd, never make it run.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from ..resources import template_bytecode_cache, templates_dir
from .text import Safe, block, heading_id, inline, link


def _finalize(value: Any) -> str:
    if isinstance(value, Safe):
        return value
    return inline(value)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "site")),
        autoescape=False, finalize=_finalize, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        bytecode_cache=template_bytecode_cache())
    env.filters.update(block=block, inline=inline)
    env.globals.update(link=link, Safe=Safe, heading_id=heading_id)
    return env


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)
