"""Writing items as YAML the way a person would: block style, keys in the order given,
Chinese as is, and short lists of plain values on one line (`[a, b]`)."""

from __future__ import annotations

from typing import Any

import yaml

WIDTH = 100


class Inline(list):
    """A list written in flow style: `roles: [buyer, operator]`."""


class PlainKey(str):
    """A key written without quotes even where YAML 1.1 would read it as a boolean (`on:`),
    as people write it; pmdocs reads keys as text."""


class _Dumper(yaml.SafeDumper):
    """The pure-Python safe dumper (not libyaml's), so output is the same on every install;
    values shared between items are written out again, never as anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_inline(dumper: yaml.SafeDumper, data: Inline) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)


def _represent_plain_key(dumper: yaml.SafeDumper, data: PlainKey) -> yaml.Node:
    # Tagged as what a YAML 1.1 reader resolves it to, so the emitter needs no quotes.
    return dumper.represent_scalar("tag:yaml.org,2002:bool", str(data))


_Dumper.add_representer(Inline, _represent_inline)
_Dumper.add_representer(PlainKey, _represent_plain_key)


def dump(document: dict[str, Any], header: str) -> str:
    """One spec file's text: a comment line, then the sections."""
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=WIDTH, indent=2)
    return f"# {header}\n{body}"
