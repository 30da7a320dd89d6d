"""Reading the sources page's address (sources?src=…&fig=…&q=…) back; links are made by the core's
`govdash.links.source_link`, re-exported here."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from govdash.links import SOURCES_PAGE, source_link
from govdash.state import Notice, url_value

__all__ = ["SOURCES_PAGE", "Link", "parse_link", "source_link"]

@dataclass(frozen=True)
class Link:
    """What the address points at: a source, a figure of it and the figure's place among the
    source's figures (`source_row`), and notices about the values that were dropped."""
    source: str | None = None
    figure: str | None = None
    figure_row: int | None = None
    notices: tuple[Notice, ...] = ()


def parse_link(params: dict, sources: pd.DataFrame, locate: Callable[[str], pd.DataFrame]) -> Link:
    """The source and figure a link points at; unknown ones are dropped with a notice.

    `locate(figure_id)` gives the figure's `figure_source` row (none when unknown). A figure
    given without its source opens the figure's own source.
    """
    notices: list[Notice] = []
    src, fig, row = url_value(params, "src"), url_value(params, "fig"), None
    if src is not None and src not in set(sources["source_id"]):
        notices.append(Notice("srcv_notice_bad_source", {"value": src[:60]}))
        src = None
    if fig is not None:
        own = locate(fig)
        if own.empty or (src is not None and own.iloc[0]["source_id"] != src):
            notices.append(Notice("srcv_notice_bad_figure", {"value": fig[:60]}))
            fig = None
        else:
            src, row = own.iloc[0]["source_id"], int(own.iloc[0]["source_row"])
    return Link(src, fig, row, tuple(notices))


