"""The sample project with a history: committed as it is, then once more with one change of
each kind a reviewer cares about — a page's title, a new state, a removed jump, a rule's row
and a parameter's default, a new feature — for the tests of `pmdocs diff` and
`pmdocs build --since` on a real project."""

from __future__ import annotations

from pathlib import Path

from .conftest import SAMPLE
from .gitrepo import commit_tree, new_repository

EDITS = {
    "pages/trade.yml": [
        ("  - id: confirm_order\n    title: 确认订单\n",
         "  - id: confirm_order\n    title: 确认并支付订单\n"),
        ("          - {to: login_dialog, when: 未登录}\n          - {to: confirm_order, when: 已登录且已选商品}\n",
         "          - {to: confirm_order, when: 已登录且已选商品}\n"),
        ("      loading: 列表显示加载中\n      loaded:\n        description: 展示购物车商品\n",
         "      loading: 列表显示加载中\n      partly_gone: 部分商品已下架，置灰显示在列表最后\n"
         "      loaded:\n        description: 展示购物车商品\n"),
    ],
    "rules/trade.yml": [
        ("default: 8, min: 0", "default: 10, min: 0"),
        ("then: {result: 包邮, copy: 已包邮}", "then: {result: 包邮, copy: 已包邮，感谢支持}"),
    ],
    "features.yml": [
        ("  - id: campaign_share\n",
         "  - id: invoice\n    title: 开具电子发票\n    story: 作为买家，我想要在订单完成后开电子发票。\n"
         "    priority: P2\n    status: draft\n    roles: [buyer]\n    pages: [order_detail]\n\n"
         "  - id: campaign_share\n"),
    ],
}
"""Per file of the sample: (text, replacement) pairs, each found exactly once."""


def change_sample(folder: Path) -> None:
    """Apply `EDITS` to a copy of the sample project in `folder`."""
    for name, edits in EDITS.items():
        path = folder / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert text.count(old) == 1, (name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


def sample_repository(root: Path) -> Path:
    """A repository holding the sample in `sample_project/`, committed twice: as it is
    (tagged `before`), then changed by `change_sample` (tagged `after`)."""
    import shutil

    repository = new_repository(root / "repo")
    changed = root / "changed"
    shutil.copytree(SAMPLE, changed, ignore=shutil.ignore_patterns("site"))
    commit_tree(repository, changed, "sample_project", "the sample as it is", tag="before")
    change_sample(changed)
    commit_tree(repository, changed, "sample_project", "one change of each kind", tag="after")
    return repository
