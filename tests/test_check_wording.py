"""The free-text checks find limits and vague words, and leave ordinary words alone."""

from __future__ import annotations

import pytest

from pmdocs.check.wording import LIMIT_WORDS, VAGUE_WORDS


@pytest.mark.parametrize("text", ["每人每天一次", "仅限新用户", "at most 3 times", "only once", "最多 3 张"])
def test_limit_words_are_found(text: str) -> None:
    assert LIMIT_WORDS.search(text)


@pytest.mark.parametrize("text", ["不仅好吃而且便宜", "优惠券一次性发放到账户", "需要登录权限", "限时特价商品",
                                  "查看有效期限", "无限滚动加载"])
def test_ordinary_words_are_not_limits(text: str) -> None:
    assert not LIMIT_WORDS.search(text), LIMIT_WORDS.search(text)


@pytest.mark.parametrize("text", ["尽快处理", "页面要友好", "苹果、香蕉等", "load fast", "etc."])
def test_vague_words_are_found(text: str) -> None:
    assert VAGUE_WORDS.search(text)


@pytest.mark.parametrize("text", ["等待支付", "金额等于 0", "一等奖", "两者相等", "平等对待"])
def test_ordinary_words_are_not_vague(text: str) -> None:
    assert not VAGUE_WORDS.search(text), VAGUE_WORDS.search(text)
