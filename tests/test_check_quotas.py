"""PM344 tells a quota ("每人每天限领 3 张") from the limits that are not one (an amount, a
schedule, a length, a page size), measured on a corpus of real PRD sentences in Chinese and
English (tests/fixtures/quota_sentences.yml): precision and recall each at least 90 %."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pmdocs.check.quotas import quota_words

CORPUS = yaml.safe_load((Path(__file__).parent / "fixtures" / "quota_sentences.yml")
                        .read_text(encoding="utf-8"))
QUOTAS, NOT_QUOTAS = CORPUS["quotas"], CORPUS["not_quotas"]


def scores() -> tuple[float, float, list[str], list[str]]:
    """Precision, recall, the quotas missed and the sentences wrongly taken for quotas."""
    missed = [text for text in QUOTAS if not quota_words(text)]
    wrong = [text for text in NOT_QUOTAS if quota_words(text)]
    found = len(QUOTAS) - len(missed)
    return found / (found + len(wrong)), found / len(QUOTAS), missed, wrong


def test_the_corpus_is_large_balanced_and_bilingual() -> None:
    assert len(QUOTAS) + len(NOT_QUOTAS) >= 60
    assert abs(len(QUOTAS) - len(NOT_QUOTAS)) <= 0.2 * len(QUOTAS)
    for texts in (QUOTAS, NOT_QUOTAS):
        chinese = [text for text in texts if any("\u4e00" <= char <= "\u9fff" for char in text)]
        assert 0.3 * len(texts) <= len(chinese) <= 0.8 * len(texts)


def test_precision_and_recall_are_at_least_90_percent() -> None:
    precision, recall, missed, wrong = scores()
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, missed, wrong)


@pytest.mark.parametrize("text, words", [
    ("每人每天限领 3 张", ["每人", "每天", "限"]),
    ("Each user may claim at most 3 coupons per day.", ["at most", "per day"]),
    ("应付金额不超过可用额度，每人每天限领 3 张", ["每人", "每天", "限"]),   # the quota's clause only
])
def test_the_words_found_are_those_of_the_clause_that_states_the_quota(text: str,
                                                                      words: list[str]) -> None:
    assert quota_words(text) == words
