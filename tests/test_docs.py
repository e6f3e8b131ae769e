"""The README lists every check code with its default severity and title, and says which
fields are Markdown."""

from __future__ import annotations

from pmdocs.issues import CODES
from pmdocs.model.base import Spec, is_markdown

from .conftest import REPO


def test_readme_lists_every_code() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for code in CODES.values():
        assert f"| {code.code} | {code.severity.label} | {code.title} |" in readme, code.code


def test_readme_names_every_markdown_field() -> None:
    from pmdocs.model import spec

    models = [model for model in vars(spec).values()
              if isinstance(model, type) and issubclass(model, Spec)]
    fields = {name for model in models for name, field in model.model_fields.items()
              if is_markdown(field)}
    assert fields == {"summary", "definition", "description", "story", "notes"}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    paragraph = readme[readme.index("**Markdown and plain text.**"):]
    paragraph = paragraph[:paragraph.index("\n\n")]
    for name in fields:
        assert f"`{name}" in paragraph, name


def test_every_path_the_readme_names_exists() -> None:
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"(?<![\w/.~-])((?:pmdocs|templates|tests|benchmarks|\.ci)/[\w./-]*\w)",
                           readme))
    assert len(paths) > 20, paths
    missing = sorted(path for path in paths if not (REPO / path.split("::")[0]).exists()
                     and "<" not in path and "apis" not in path)
    assert not missing, f"the README names what is not there: {missing}"


def test_the_pre_commit_hook_runs_a_real_command() -> None:
    """`.pre-commit-hooks.yaml` offers `pmdocs-check`: pre-commit installs this package
    (`language: python`) and runs the console script pyproject.toml declares."""
    import tomllib

    import yaml

    from pmdocs.cli import main

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "pmdocs-check" and hook["language"] == "python"
    program, command = hook["entry"].split()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts[program] == "pmdocs.cli:main" and command in main.commands
    assert hook["pass_filenames"] is False
