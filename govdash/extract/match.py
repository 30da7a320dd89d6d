"""Which indicator a number measures, from metadata alone: `indicators.csv` (unit kind, unit
noun, whether it is a change) and `indicator_cues.csv` (Vietnamese cue patterns with weights,
optionally only for the part or the whole of `a/b`).

A candidate is scored against every indicator: units must agree (a `%` is never a count), the
counted noun equal to the indicator's unit scores, a change (`tăng`/`giảm` before the number)
must meet an indicator that measures one (its English name says "change", or "growth" of a
percentage), and each
cue found near the number adds its weight: in the words around the number (from the previous
number to the next) in full, earlier in the clause at half, earlier in the sentence at a quarter.
A negative weight names words that rule an indicator out (`dư nợ tín dụng` is not budget revenue).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govdash.paths import data_dir

CUES_FILE = "indicator_cues.csv"
NEAR, CLAUSE, SENTENCE = 1.0, 0.5, 0.25
UNIT_MATCH, UNIT_MISMATCH, CHANGE_MISMATCH = 1.5, -1.0, -2.5
MIN_SCORE = 2.0
_KINDS = {"count": ("count", "change"), "percent": ("percent",), "money": ("money",),
          "ratio": ("ratio",), "money_usd": ()}


@dataclass(frozen=True)
class Indicator:
    """What matching needs to know of one indicator."""
    id: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_kind: str
    domain: str
    change: bool
    cues: tuple[tuple[re.Pattern, float, str], ...]


@dataclass(frozen=True)
class Match:
    """An indicator, its score and the cue words that gave it."""
    indicator: str
    score: float
    words: tuple[str, ...]


def _is_change(row: dict) -> bool:
    name = row["name_en"].lower()
    return row["unit_kind"] == "change" or "change" in name or "growth" in name and row["unit_kind"] == "percent"


@lru_cache(maxsize=4)
def catalogue(folder: str | None = None) -> tuple[Indicator, ...]:
    """Every indicator with its cues, read from the data folder (cached per folder)."""
    base = Path(folder) if folder else data_dir()
    with (base / "indicators.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cues: dict[str, list] = {}
    path = base / CUES_FILE
    if path.is_file():
        with path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                cues.setdefault(r["indicator"], []).append(
                    (re.compile(r["cue"], re.I), float(r["weight"]), r.get("role") or ""))
    return tuple(Indicator(r["indicator"], r["name_vi"], r["name_en"], r["unit_vi"].lower(),
                           r["unit_kind"], r["domain"], _is_change(r), tuple(cues.get(r["indicator"], ())))
                 for r in rows)


@lru_cache(maxsize=16)
def _of_kind(kind: str, folder: str | None) -> tuple[Indicator, ...]:
    """The indicators a number of this kind can measure (a `%` is never a count)."""
    return tuple(i for i in catalogue(folder) if i.unit_kind in _KINDS.get(kind, ()))


def _unit_score(ind: Indicator, kind: str, unit: str) -> float | None:
    if ind.unit_kind not in _KINDS.get(kind, ()):
        return None
    if kind == "percent":
        return UNIT_MATCH if unit == ind.unit_vi or ind.unit_vi == "%" else 0.5
    if kind != "count":
        return UNIT_MATCH
    nouns = [u.strip() for u in ind.unit_vi.split(",")]
    if unit in nouns:
        return UNIT_MATCH
    if any(n.startswith(unit) or unit.startswith(n) for n in nouns):
        return UNIT_MATCH / 2
    return UNIT_MISMATCH


def rank(kind: str, unit: str, role: str | None, is_change: bool, near: str, clause: str,
         sentence: str, folder: str | None = None, limit: int = 8, aside: bool = False,
         share: bool = False) -> list[Match]:
    """Indicators by score, best first (only those whose unit fits and one of whose defining
    cues, the heaviest or any of weight 2 and more, is found). In `near` the number is `#n#`."""
    near, clause, sentence = (" ".join(t.lower().split()) for t in (near, clause, sentence))
    out = []
    for ind in _of_kind(kind, folder):
        score = _unit_score(ind, kind, unit)
        if score is None:
            continue
        words = []
        if share and ind.change:
            continue  # `chiếm 32,6%` is a share of a total, never a growth or a change
        if ind.change != is_change:
            score += CHANGE_MISMATCH
        cue_score, defining = 0.0, False
        heaviest = max((w for _, w, _ in ind.cues), default=0)
        for pattern, weight, cue_role in ind.cues:
            if cue_role and cue_role != (role or "single") and not (cue_role == "part" and role is None):
                continue
            for text, factor in ((near, NEAR), (clause, CLAUSE), (sentence, CLAUSE if aside else SENTENCE)):
                hit = pattern.search(text)
                if hit:
                    cue_score += weight * factor
                    words.append(("not " if weight < 0 else "") + hit.group(0).replace("#n#", "…").strip())
                    defining = defining or weight >= min(2.0, heaviest)
                    break
        if not defining:
            continue
        out.append(Match(ind.id, round(score + cue_score, 3), tuple(words)))
    out.sort(key=lambda m: -m.score)
    return out[:limit]
