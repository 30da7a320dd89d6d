"""Finding a locality from what a person typed: a code, or a name with or without diacritics."""
from __future__ import annotations

import pandas as pd

from govdash.text import fold


class UnknownLocality(LookupError):
    """No locality, or more than one, answers to the text; the message names the choices."""


def resolve(text: str, locs: pd.DataFrame) -> str:
    """The code of the locality `text` names (`locs` is the `localities` query's result)."""
    if text in set(locs["code"]):
        return text
    hits = locs[[fold(n) == fold(text) for n in locs["name_vi"]]]
    if hits.empty:
        hits = locs[[fold(text) in fold(n) for n in locs["name_vi"]]]
    if len(hits) == 1:
        return hits.iloc[0]["code"]
    with_data = locs[locs["figure_count"] > 0]
    names = "; ".join(f"{r.code} {r.name_vi}" for r in with_data.itertuples())
    why = "is ambiguous" if len(hits) > 1 else "is not a known locality"
    raise UnknownLocality(f"{text!r} {why}. Localities with data: {names}")
