"""A built wheel carries the templates (`pmdocs new` needs them outside a checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import REPO


def test_wheel_contains_templates(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(tmp_path), str(REPO)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("pmdocs-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in ("zh", "en"):
        assert f"pmdocs/templates/starter/{language}/pmdocs.yml" in names
    assert "pmdocs/cli.py" in names
