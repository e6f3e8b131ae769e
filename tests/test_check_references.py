"""`owner.member` references (`shows: object.attribute`, `applies_to: page.element`) are
checked owner first, then member, with did-you-mean on the full reference."""

from __future__ import annotations

from pathlib import Path

from pmdocs.pipeline import check_project

SPECS = """\
objects:
  - id: order
    name: 订单
    attributes: [{id: status, name: 状态}]
pages:
  - id: cart
    title: 购物车
    entry: true
    terminal: true
    loads_data: false
    elements:
      - {id: total, type: text, shows: order.stat}
      - {id: checkout, type: button, shows: ordr.status}
rules:
  - id: pay
    title: 支付
    applies_to: {elements: [cart.chekout, crt.checkout]}
"""


def test_owner_and_member_references(tmp_path: Path) -> None:
    (tmp_path / "pmdocs.yml").write_text("name: case\n", encoding="utf-8")
    (tmp_path / "specs.yml").write_text(SPECS, encoding="utf-8")
    _, issues, _ = check_project(tmp_path)
    found = [(issue.location.line, issue.message, issue.hint)
             for issue in issues if issue.code == "PM301"]
    assert found == [
        (12, "page `cart` › element `total`: unknown attribute `order.stat`",
         "did you mean `order.status`?"),
        (13, "page `cart` › element `checkout`: unknown object `ordr`", "did you mean `order`?"),
        (17, "rule `pay`: unknown element `cart.chekout`", "did you mean `cart.checkout`?"),
        (17, "rule `pay`: unknown page `crt`", "did you mean `cart`?"),
    ]
