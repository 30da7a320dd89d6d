"""Finding a locality from what a person typed: a code, or a name with or without diacritics,
as it was named in a period. The one name → code resolver (the command line and the importer).

A name finds every code that ever carried it (`localities.csv` names and the eras of
`locality_names.csv`): "Bắc Giang" finds 24 (its name until 30/6/2025); "Bắc Ninh" finds 27
(until 30/6/2025) and 24 (from 1/7/2025), and a period settles which ("Bắc Ninh", 2023 → 27).
"""
from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from govdash.text import fold

_PREFIXES = ("tinh ", "thanh pho ", "tp. ", "tp ", "t.p. ", "t.p ")
_EVER = ("0001-01-01", "9999-12-31")


class UnknownLocality(LookupError):
    """No locality, or more than one, answers to the text; the message names the choices."""


@dataclass(frozen=True)
class Era:
    """A name a code carried from `start` to `end` (ISO dates, inclusive)."""
    code: str
    name_vi: str
    start: str
    end: str
    name_en: str = ""


@dataclass
class Match:
    """What a text names: one code, or several (`choices`), or none (`suggestions`: close names)."""
    code: str | None = None
    choices: list[Era] = field(default_factory=list)
    suggestions: list[Era] = field(default_factory=list)


def _day(value) -> str:
    """An ISO date string from a date, a string or a missing value ('' when missing)."""
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def strip_prefix(folded: str) -> str:
    """A folded name without "Tỉnh" / "Thành phố" / "TP" in front."""
    for prefix in _PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


class Resolver:
    """Names (over time) to codes, from locality rows and name-era rows (mappings or frames with
    `code`, `name_vi`, `name_en`, `valid_from`, `valid_to`)."""

    def __init__(self, localities: Iterable[dict], names: Iterable[dict] = ()):
        self.rows = {str(r["code"]): r for r in localities}
        self.eras: dict[str, list[Era]] = defaultdict(list)   # folded name -> eras
        self.by_code: dict[str, list[Era]] = defaultdict(list)
        named = defaultdict(list)
        for r in names:
            named[str(r["code"])].append(r)
        for code, r in self.rows.items():
            spans = named.get(code) or [r]
            for era in spans:
                item = Era(code, era["name_vi"], _day(era["valid_from"]) or _EVER[0],
                           _day(era["valid_to"]) or _EVER[1], era["name_en"])
                self.by_code[code].append(item)
                for name in {fold(era["name_vi"]), fold(era["name_en"])}:
                    self.eras[name].append(item)

    def name_at(self, code: str, day: dt.date | str | None, lang: str = "vi") -> str:
        """The name `code` carried on `day` (its current name without a day), in `lang`."""
        when = _day(day)
        row = self.rows[code]
        for era in self.by_code.get(code, []):
            if when and era.start <= when <= era.end:
                row = {"name_vi": era.name_vi, "name_en": era.name_en}
        return row["name_en"] if lang == "en" and row["name_en"] else row["name_vi"]

    def find(self, text: str, start: dt.date | str | None = None, end: dt.date | str | None = None,
             partial: bool = False) -> Match:
        """The code `text` names in the period `start`..`end` (either may be None); `partial`
        also accepts a unique name containing the text (for the command line)."""
        text = str(text).strip()
        if text in self.rows:
            return Match(text)
        if text.isdigit():
            hits = sorted({c for c in (text.zfill(2), text.zfill(3), text.zfill(5)) if c in self.rows})
            if len(hits) == 1:
                return Match(hits[0])
        key = fold(text)
        eras = self.eras.get(key) or self.eras.get(strip_prefix(key)) or []
        if not eras and partial and key:
            eras = [e for name, items in self.eras.items() if key in name for e in items]
        eras = self._in_period(eras, _day(end) or _day(start), _day(start))
        codes = sorted({e.code for e in eras})
        if len(codes) == 1:
            return Match(codes[0])
        if codes:
            return Match(choices=sorted(set(eras), key=lambda e: (e.code, e.start)))
        close = difflib.get_close_matches(key, list(self.eras), n=3, cutoff=0.6)
        suggestions = list(dict.fromkeys(e for name in close for e in self.eras[name]))
        return Match(suggestions=suggestions[:4])

    @staticmethod
    def _in_period(eras: list[Era], end: str, start: str) -> list[Era]:
        """The eras in use at the period's end (else its start); all of them when none is."""
        for day in (end, start):
            if day:
                fitting = [e for e in eras if e.start <= day <= e.end]
                if fitting:
                    return fitting
        return eras


def era_text(era: Era, date_text=None) -> str:
    """`24 Bắc Ninh (1/7/2025–)` for messages; `date_text` formats an ISO date (default: as is)."""
    show = date_text or (lambda d: d)
    if (era.start, era.end) == _EVER:
        return f"{era.code} {era.name_vi}"
    left = "" if era.start == _EVER[0] else show(era.start)
    right = "" if era.end == _EVER[1] else show(era.end)
    return f"{era.code} {era.name_vi} ({left}–{right})"


def unique_labels(labels: dict[str, str]) -> dict[str, str]:
    """Labels (code → label) with the code added to every label two or more codes share
    (`An Giang (89)`, `An Giang (91)`): a picker or legend never shows two units under one
    label, and a widget that maps labels back to options never confuses them."""
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return {code: f"{label} ({code})" if counts[label] > 1 else label for code, label in labels.items()}


def resolve(text: str, locs: pd.DataFrame, names: pd.DataFrame | None = None,
            on: dt.date | str | None = None) -> str:
    """The code of the locality `text` names (`locs`: the `localities` query's result; `names`:
    the `locality_names` rows; `on`: a day the name was in use)."""
    rows = locs.to_dict("records")
    match = Resolver(rows, [] if names is None else names.to_dict("records")).find(text, on, on, partial=True)
    if match.code:
        return match.code
    if match.choices:
        raise UnknownLocality(f"{text!r} is ambiguous: " + "; ".join(map(era_text, match.choices)))
    with_data = [r for r in rows if r.get("figure_count", 0) > 0]
    listed = "; ".join(f"{r['code']} {r['name_vi']}" for r in with_data)
    raise UnknownLocality(f"{text!r} is not a known locality. Localities with data: {listed}")
