"""Temporary git repositories for the tests of `pmdocs diff` and `build --since`: commits
with a fixed author and date, so that every commit id — which reports print — is the same on
every machine and every run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

DATE = "2026-01-01T00:00:00+0000"
GIT_ENVIRONMENT = {
    "GIT_AUTHOR_NAME": "pmdocs tests", "GIT_AUTHOR_EMAIL": "tests@pmdocs.invalid",
    "GIT_COMMITTER_NAME": "pmdocs tests", "GIT_COMMITTER_EMAIL": "tests@pmdocs.invalid",
    "GIT_AUTHOR_DATE": DATE, "GIT_COMMITTER_DATE": DATE, "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repository: Path, *arguments: str) -> str:
    """Run git in `repository`; its output (a failure fails the test with git's words)."""
    result = subprocess.run(["git", "-C", str(repository), *arguments], capture_output=True,
                            text=True, env={**os.environ, **GIT_ENVIRONMENT})
    assert result.returncode == 0, f"git {' '.join(arguments)}: {result.stderr}"
    return result.stdout


def new_repository(folder: Path, branch: str = "main") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q", "-b", branch)
    return folder


def commit_tree(repository: Path, source: Path, project: str, message: str,
                tag: str | None = None) -> str:
    """Replace the folder `project` of the repository with a copy of `source`, commit it all
    (and tag the commit); the commit's id."""
    target = repository / project
    assert target != repository, "commit files at the top with commit_all"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)
    return commit_all(repository, message, tag)


def commit_all(repository: Path, message: str, tag: str | None = None) -> str:
    """Commit every file of the work tree (and tag the commit); the commit's id."""
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "--allow-empty", "-m", message)
    if tag:
        git(repository, "tag", tag)
    return git(repository, "rev-parse", "HEAD").strip()
