"""Sources page lists: search filtering, ordering with a linked source first, and page counts and labels."""
from __future__ import annotations

import functools

import pandas as pd

from govdash import fmt
from govdash.i18n import t

SOURCES_PER_PAGE = 50
FIGURES_PER_PAGE = 200


def filter_sources(sources: pd.DataFrame, matched: set[str] | None) -> pd.DataFrame:
    """The sources a search matched (the `source_matches` ids); all of them when `matched` is
    None (no search)."""
    if matched is None:
        return sources
    return sources[sources["source_id"].isin(matched)]


def ordered(sources: pd.DataFrame, first: str | None) -> pd.DataFrame:
    """The linked source first, the others in their usual order."""
    if first is None:
        return sources
    return pd.concat([sources[sources["source_id"] == first], sources[sources["source_id"] != first]])


def page_count(n: int, per_page: int) -> int:
    """How many pages `n` items fill, `per_page` a page (at least one)."""
    return max(1, -(-n // per_page))


@functools.lru_cache(maxsize=4096)
def _count(n: int, lang: str) -> str:
    """A whole number as shown (`13.680`), remembered: ~50 labels and every pager option are
    formatted on every rerun."""
    return fmt.number(n, lang, 0)


def page_label(page: int, n: int, per_page: int, lang: str) -> str:
    """`1–200 of 13,680` for the first page of 13,680 items shown 200 at a time."""
    first, last = page * per_page + 1, min(n, (page + 1) * per_page)
    return t("srcv_range", lang, first=_count(first, lang), last=_count(last, lang),
             total=_count(n, lang))


_present = fmt.is_present  # shared with the other modules


