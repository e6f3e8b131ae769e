"""Whether free text states a quota — how often someone may do something ("每人每天限领 3 张",
"at most 3 coupons per day") — which a rule must then say in a `limit` block (PM344).

A sentence is read clause by clause. A clause states a quota when it has a limit word (other
than a count alone: 点击一次后置灰 limits nothing) or says per whom or per when (每人, 同一设备,
每个自然日, per user, a day), and a count of occurrences
(一次, 3 张, twice, 5 times, 2 units) — and is none of the limits that are not quotas: an amount
(应付金额不超过可用额度, not more than the credit limit), a schedule (每天 10:00 推送一次, every
5 minutes), a length or size (最多 20 个字, 5 MB), what a page shows (每页最多 20 条, shows at
most 3 reviews), or a promotion's step (每满 100 元减 10 元). tests/test_check_quotas.py holds
the corpus of real sentences it is measured on.
"""

from __future__ import annotations

import re

LIMIT_WORDS = re.compile(
    r"一次(?!性)|每人|每天|每日|每个用户|每位用户|最多|至多|不超过|上限|(?<!不)仅|(?<![权期无界时])限(?!时|定)"
    r"|\b(?:once|at most|only|per user|per day|up to|no more than|maximum|limit(?:ed)?)\b",
    re.IGNORECASE)
"""Words that state a limit of some kind (the candidates; `QUOTA` decides)."""

_SUBJECTS = ("人|用户|会员|买家|客户|顾客|账号|企业|公司|门店|商家|员工|设备|手机号|好友|邀请码|"
             "地址|订单|自然日|天|日|周|月")
_PER = re.compile(
    rf"每(?:个|位|家|名|笔|台|张)?新?(?:{_SUBJECTS})|同一|单个|活动期间|一个月内|累计"
    r"|\b(?:per|each|a|every)\s+(?:new\s+)?(?:user|customer|buyer|member|person|account|device|"
    r"company|household|address|order|phone|helper|day|week|month)\b|\bthe same\b"
    r"|\bduring the campaign\b", re.IGNORECASE)
"""Per whom or per when a count is kept."""

_NUMBER = r"(?:\d+|[一二两三四五六七八九十百千万]+|\$[a-z][a-z0-9_-]*)"
_COUNT = re.compile(
    rf"(?<![\d.]){_NUMBER}\s*(?:次|张|个|件|份|杯|位|条|单|笔|名|回|台|瓶|盒|箱|袋|支|本|双|套|辆)(?!性)"
    r"|\b(?:once|twice|one\s+(?:free\s+)?[a-z-]+)\b"
    rf"|\b(?:\d+|\$[a-z][a-z0-9_-]*)\s+(?:[a-z-]+\s+)?[a-z-]+", re.IGNORECASE)
"""A count of occurrences or of things: 一次, 3 张, 2 位好友, once, 5 times, 3 free drinks."""

_NOT_A_QUOTA = re.compile(
    # amounts
    r"金额|额度|余额|价格|运费|费用|[元¥￥%％]|万元|折扣?|每满"
    r"|\b(?:amount|credit|balance|price|total|fee|cost|discount)s?\b|\$\d"
    # schedules
    r"|\d{1,2}\s*[:：]\s*\d{2}|\d+\s*点(?!击)|凌晨|推送|同步|刷新|重置|定时|提醒|每\s*\d+\s*(?:秒|分钟|小时)"
    r"|\b(?:every\s+\d+\s+(?:seconds?|minutes?|hours?)|refresh(?:es)?|sync|job|runs?|reminders?"
    r"|nightly|[ap]m)\b"
    # lengths and sizes
    r"|\d+\s*个?(?:字符?|汉字)|长度|位数|\d+\s*(?:[KMG]B|[KMG]|px|像素)\b"
    r"|\b(?:characters?|chars|length|pixels?)\b|\d+\s*[KMG]B\b"
    # what a page shows
    r"|展示|显示|每页|\b(?:shows?|displays?|per page|on screen)\b", re.IGNORECASE)
"""What marks a limit that is not a quota."""

_CLAUSE = re.compile(r"[，。；;！!？?\n]|,\s|\.\s|\.$")


def quota_words(text: str) -> list[str]:
    """The limit words of the clauses of `text` that state a quota, each once, in order (empty
    when it states none)."""
    return [word for word, _ in quota_matches(text)]


def quota_matches(text: str) -> list[tuple[str, int]]:
    """`quota_words`, each with where it first stands in `text`."""
    found: dict[str, int] = {}
    if not text or not (LIMIT_WORDS.search(text) or _PER.search(text)):
        return []
    offset = 0
    for clause in _CLAUSE.split(text):
        start = text.find(clause, offset)
        offset = start + len(clause)
        if not _COUNT.search(clause) or _NOT_A_QUOTA.search(clause):
            continue
        limits = [(match.group(0), start + match.start()) for match in LIMIT_WORDS.finditer(clause)]
        per = [(match.group(0), start + match.start()) for match in _PER.finditer(clause)]
        if per or any(word.lower() not in BARE_COUNTS for word, _ in limits):
            for word, position in limits or per:
                found.setdefault(word, position)
    return list(found.items())


BARE_COUNTS = frozenset({"一次", "once"})
"""Limit words that are only a count: "点击一次后置灰" limits nothing by itself."""
