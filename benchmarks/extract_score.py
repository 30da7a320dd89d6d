"""Score `python -m govdash extract` against curated figures (issue 13).

Gold standard: the seed documents (`data/sources.csv` rows of kind `seed_document`, text in
`data/seeds/`) and their curated figures in the domain files of `data/`; or, with `--pages DIR`,
page excerpts `DIR/<group>/pages/<source_id>.txt` (first line `URL: …`, then `DATE: …`, a blank
line, the text) and their rows in `DIR/<group>/*.csv`, read in place.

A curated figure is *found* when a candidate has the same value, the same status and a quote
overlapping the curated quote; *fully right* when indicator, period (start and end) and
qualifier match too. Each curated figure takes at most one candidate (fully right ones first).
Derived figures (computed by the curators, not stated) are not proposed by design and are left
out of the recall denominators; they are counted apart. Precision = candidates matching a
curated figure, or a figure listed in `benchmarks/extract_extras.csv` (legitimate figures the
curated data leaves out, each with its reason), divided by all candidates.

    .venv/bin/python benchmarks/extract_score.py                 # seeds, table on stdout
    .venv/bin/python benchmarks/extract_score.py --pages /work/curation --out result.md
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from govdash.extract import extract, high_confidence  # noqa: E402

DATA = ROOT / "data"
EXTRAS = Path(__file__).resolve().parent / "extract_extras.csv"
PAGE_CHARS = 3000  # one printed A4 page of report prose


@dataclass
class Doc:
    """One scored document: its text, date and curated figures."""
    source_id: str
    text: str
    doc_date: dt.date | None
    gold: list[dict]
    locality: str | None = None


@dataclass
class Score:
    """Counts for one document (or the total)."""
    stated: int = 0
    derived: int = 0
    found: int = 0
    right: int = 0
    candidates: int = 0
    matching: int = 0
    extras: int = 0
    with_indicator: int = 0
    matching_with_indicator: int = 0
    confident: int = 0
    confident_matching: int = 0
    unlocated: int = 0
    missed: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    spurious: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("stated", "derived", "found", "right", "candidates", "matching", "extras", "unlocated",
                     "with_indicator", "matching_with_indicator", "confident", "confident_matching"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _figure_rows(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames and reader.fieldnames[0] == "figure_id":
                rows += list(reader)
    return rows


def seed_docs() -> list[Doc]:
    """The seed documents and their curated figures."""
    with (DATA / "sources.csv").open(encoding="utf-8") as f:
        seeds = [r for r in csv.DictReader(f) if r["kind"] == "seed_document"]
    figures = _figure_rows(DATA)
    docs = []
    for s in seeds:
        gold = [r for r in figures if r["source_id"] == s["source_id"]]
        text = _nfc((DATA / s["file"]).read_text(encoding="utf-8"))
        docs.append(Doc(s["source_id"], text, None, gold))
    return docs


def page_docs(folder: Path) -> list[Doc]:
    """Page excerpts with curated rows, read in place from `folder/<group>/`."""
    docs = []
    for group in sorted(p for p in folder.iterdir() if (p / "pages").is_dir()):
        figures = _figure_rows(group)
        for page in sorted((group / "pages").glob("*.txt")):
            raw = _nfc(page.read_text(encoding="utf-8"))
            head, _, text = raw.partition("\n\n")
            date = None
            for line in head.splitlines():
                if line.startswith("DATE:"):
                    try:
                        date = dt.date.fromisoformat(line[5:].strip()[:10])
                    except ValueError:
                        date = None
            gold = [r for r in figures if r["source_id"] == page.stem]
            if gold:
                docs.append(Doc(page.stem, text, date, gold))
    return docs


def load_extras() -> list[dict]:
    if not EXTRAS.is_file():
        return []
    with EXTRAS.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(_nfc(quote))
    return (at, at + len(quote)) if at >= 0 else None


def score(doc: Doc, extras: list[dict]) -> Score:
    """Extract from one document and compare with its curated figures."""
    result = Score()
    locality = doc.locality or Counter(r["locality_code"] for r in doc.gold).most_common(1)[0][0]
    cands = extract(doc.text, locality=locality, doc_date=doc.doc_date)
    result.candidates = len(cands)
    stated = [g for g in doc.gold if g["status"] != "derived"]
    result.derived = len(doc.gold) - len(stated)
    result.stated = len(stated)
    spans = [(c.quote_start, c.quote_end) for c in cands]

    def same(c, g, where) -> bool:
        return c.value == Decimal(g["value"]) and c.status == g["status"] and _overlap(
            (c.quote_start, c.quote_end), where)

    def right(c, g) -> bool:
        return (c.indicator == g["indicator"] and c.qualifier == g["qualifier"]
                and c.period_start == g["period_start"] and c.period_end == g["period_end"])

    taken: set[int] = set()
    matching: set[int] = set()
    for g in stated:
        where = _locate(doc.text, g["quote"])
        if where is None:
            result.unlocated += 1
            result.missed.append((g, "quote not found in text"))
            continue
        options = [i for i, c in enumerate(cands) if same(c, g, where)]
        matching |= set(options)
        free = [i for i in options if i not in taken]
        best = next((i for i in free if right(cands[i], g)), free[0] if free else None)
        if best is None:
            near = [c for c in cands if c.value == Decimal(g["value"]) and _overlap(spans[cands.index(c)], where)]
            result.missed.append((g, f"same value, status {near[0].status}" if near else "no candidate"))
            continue
        taken.add(best)
        result.found += 1
        if right(cands[best], g):
            result.right += 1
        else:
            result.wrong.append((g, cands[best]))
    mine = [e for e in extras if e["source_id"] == doc.source_id]
    for i, c in enumerate(cands):
        if i in matching:
            continue
        extra = next((e for e in mine if Decimal(e["value"]) == c.value and e["quote_contains"] in c.quote), None)
        if extra:
            result.extras += 1
        else:
            result.spurious.append(c)
    result.matching = len(matching)
    result.with_indicator = sum(1 for c in cands if c.indicator)
    result.matching_with_indicator = sum(1 for i in matching if cands[i].indicator)
    result.confident = sum(1 for c in cands if high_confidence(c))
    result.confident_matching = sum(1 for i in matching if high_confidence(cands[i]))
    return result


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "—"


def timing(docs: list[Doc], pages: int = 30) -> tuple[float, int]:
    """Seconds to extract from `pages` pages of report prose (the seed texts repeated)."""
    corpus = "\n\n".join(d.text for d in docs)
    text = (corpus * (pages * PAGE_CHARS // len(corpus) + 1))[: pages * PAGE_CHARS]
    extract(text[:2000])  # warm the metadata caches, as a running app has them
    start = time.perf_counter()
    extract(text)
    return time.perf_counter() - start, len(text)


def report(docs: list[Doc], title: str, detail: bool) -> str:
    extras = load_extras()
    lines = [f"## {title}", "", "| document | curated (stated / derived) | candidates | value recall |"
             " fully right | precision |", "|---|---|---|---|---|---|"]
    total = Score()
    notes = []
    for doc in docs:
        s = score(doc, extras)
        total.add(s)
        lines.append(f"| {doc.source_id} | {s.stated} / {s.derived} | {s.candidates} | "
                     f"{pct(s.found, s.stated)} | {pct(s.right, s.stated)} | "
                     f"{pct(s.matching + s.extras, s.candidates)} |")
        if detail:
            notes += [f"- {doc.source_id} missed {g['figure_id']} {g['value']} {g['status']}: {why}"
                      for g, why in s.missed]
            notes += [f"- {doc.source_id} partly {g['figure_id']}: want {g['indicator']} {g['period_start']}"
                      f"..{g['period_end']} {g['qualifier']}; got {c.indicator} {c.period_start}..{c.period_end}"
                      f" {c.qualifier}" for g, c in s.wrong]
            notes += [f"- {doc.source_id} spurious {c.text} {c.unit} {c.status} {c.indicator}: "
                      f"{c.quote[:90]}" for c in s.spurious]
    lines.append(f"| **total** | {total.stated} / {total.derived} | {total.candidates} | "
                 f"**{pct(total.found, total.stated)}** | **{pct(total.right, total.stated)}** | "
                 f"**{pct(total.matching + total.extras, total.candidates)}** |")
    lines.append("")
    everything = total.stated + total.derived
    lines.append(f"Counting the {total.derived} derived figures as misses too: value recall "
                 f"{pct(total.found, everything)}, fully right {pct(total.right, everything)}.")
    lines.append(f"Candidates matching a curated figure: {total.matching}; listed legitimate extras: "
                 f"{total.extras}; curated quotes not found in the text: {total.unlocated}. Candidates "
                 f"with an indicator: {total.with_indicator}, of which matching a curated figure "
                 f"{pct(total.matching_with_indicator, total.with_indicator)}. High-confidence candidates "
                 f"(what \"accept all\" ticks): {total.confident}, of which matching a curated figure "
                 f"{pct(total.confident_matching, total.confident)}.")
    return "\n".join(lines + ([""] + notes if notes else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="folder of page excerpts with curated rows")
    parser.add_argument("--detail", action="store_true", help="list misses and spurious candidates")
    parser.add_argument("--out", type=Path, help="write the report (Markdown) here too")
    args = parser.parse_args(argv)
    seeds = seed_docs()
    parts = [report(seeds, "Seed documents", args.detail)]
    seconds, chars = timing(seeds)
    parts.append(f"\nTime for 30 pages ({chars:,} characters of report prose): {seconds:.2f} s")
    if args.pages:
        parts.append("\n" + report(page_docs(args.pages), f"Unseen documents ({args.pages})", args.detail))
    text = "\n".join(parts)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
