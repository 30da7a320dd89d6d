"""Links between pages that every room may make: a figure's or a source's place on the sources page.

URL scheme of the sources page (its url path is `sources`):
    sources?src=<source_id>                     that source first and open
    sources?src=<source_id>&fig=<figure_id>     … with that figure highlighted
    sources?q=<text>                            the search box filled in
`lang=vi|en` may be added so the link opens in the reader's language.
"""
from __future__ import annotations

from urllib.parse import urlencode

SOURCES_PAGE = "sources"


def source_link(source_id: str, figure_id: str | None = None, lang: str | None = None) -> str:
    """A relative link that opens the sources page on `source_id`, highlighting `figure_id`.

    Relative (no leading slash) so it also works when the app is served under a base path.
    """
    params = {"src": source_id}
    if figure_id:
        params["fig"] = figure_id
    if lang:
        params["lang"] = lang
    return f"{SOURCES_PAGE}?{urlencode(params)}"
