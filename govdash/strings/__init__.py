"""Catalogue parts: each module here defines `STRINGS = {key: {"vi": ..., "en": ...}}` for one
area of the app (domain pages, compare, presenter kit, import). `govdash.i18n` merges them;
a key defined twice is an error."""
from __future__ import annotations

import importlib
import pkgutil


def collect() -> dict[str, dict[str, str]]:
    """Every part's strings, merged; raises on a key defined in two parts."""
    merged: dict[str, dict[str, str]] = {}
    owner: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in getattr(module, "STRINGS", {}).items():
            if key in merged:
                raise KeyError(f"catalogue key {key!r} defined in {owner[key]} and {info.name}")
            merged[key] = entry
            owner[key] = info.name
    return merged
