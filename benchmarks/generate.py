"""Synthetic national data for benchmarks: the schema of `data/`, the size of Vietnam.

Writes a data folder that `govdash` can be pointed at with `GOVDASH_DATA_DIR`: the real 63
pre-2025 and 34 current provinces (copied from `data/localities.csv`), about 700 synthetic
districts, 10,600 synthetic pre-2025 communes and 3,300 synthetic current communes, ten years
of figures for a random (seeded) subset of every indicator: about 5 million figures at
`--scale 1` (1.1 GB of CSV, ~15 s on two cores). The same seed gives the same files with the
same DuckDB version (values come from DuckDB's `hash()` of the seed and the row's keys). Every synthetic locality, source and figure says so ("tổng hợp", "synthetic"),
and every source's note starts with `synthetic`, which is how the app knows to show its
banner. Nothing here is real; it is never written into `data/`.

Quotes are written the way the validator expects ("Số liệu tổng hợp (synthetic): 1.234,5
nghị quyết."), so `python -m govdash validate --data <folder>` passes on small sets; at full
scale validation is possible but slow (pure Python over 5 million rows) and is not run.

    .venv/bin/python benchmarks/generate.py [--scale 1.0] [--years 10] [--seed 7] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govdash.db import figure_resources, load_package
from govdash.paths import BUNDLED_DATA_DIR  # noqa: E402

SYNTHETIC_NOTE = "synthetic"
MARKER = "SYNTHETIC.md"
LAST_YEAR = 2025
FULL = {"districts": 700, "communes": 10_600, "new_communes": 3_300}
# Share of all indicators a locality of each kind reports (the rest it never mentions).
DENSITY = {"province": 1.0, "district": 0.5, "commune": 0.36, "new_commune": 0.4}
# Upper end of counts and money (tỷ đồng) by kind of locality, so provinces look bigger.
SIZE = {"province": 1.0, "district": 0.1, "commune": 0.02, "new_commune": 0.04}
BODY_BY_DOMAIN = {"sessions": "council", "resolutions": "council", "supervision": "council",
                  "interpellation": "people_committee", "petitions": "people_committee",
                  "citizen_reception": "standing_committee", "budget": "locality",
                  "economy": "locality", "administration": "people_committee",
                  "awards": "people_committee"}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def check_target(out: Path) -> Path:
    """The output folder, refused when it is (inside) the bundled `data/` or holds other files."""
    out = out.resolve()
    data = BUNDLED_DATA_DIR.resolve()
    if out == data or data in out.parents:
        raise SystemExit(f"refusing to write synthetic data into {data}: pick a folder outside data/")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SystemExit(f"{out} is not empty and was not written by this generator")
    return out


def counts(scale: float) -> dict[str, int]:
    """How many synthetic districts, pre-2025 communes and current communes at `scale`."""
    return {k: max(1, round(n * scale)) for k, n in FULL.items()}


def _localities(scale: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Real provinces plus synthetic districts and communes; lineage rows among them."""
    import numpy as np
    rng = np.random.default_rng(seed)
    real = pd.read_csv(BUNDLED_DATA_DIR / "localities.csv", dtype=str, keep_default_na=False)
    provinces = real[real["level"].isin(["province", "central_city"])].copy()
    current = provinces[provinces["valid_to"] == ""]["code"].tolist()
    n = counts(scale)
    districts = pd.DataFrame({
        "code": [f"SYN-D{i:04d}" for i in range(1, n["districts"] + 1)],
        "name_vi": [_nfc(f"Huyện tổng hợp {i:04d}") for i in range(1, n["districts"] + 1)],
        "name_en": [f"Synthetic district {i:04d}" for i in range(1, n["districts"] + 1)],
        "level": "district",
        "parent_code": rng.choice(provinces["code"].to_numpy(), n["districts"]),
        "valid_from": "", "valid_to": "2025-06-30", "note": SYNTHETIC_NOTE,
    })
    communes = pd.DataFrame({
        "code": [f"SYN-X{i:05d}" for i in range(1, n["communes"] + 1)],
        "name_vi": [_nfc(f"Xã tổng hợp {i:05d}") for i in range(1, n["communes"] + 1)],
        "name_en": [f"Synthetic commune {i:05d}" for i in range(1, n["communes"] + 1)],
        "level": "commune",
        "parent_code": rng.choice(districts["code"].to_numpy(), n["communes"]),
        "valid_from": "", "valid_to": "2025-06-30", "note": SYNTHETIC_NOTE,
    })
    new = pd.DataFrame({
        "code": [f"SYN-N{i:04d}" for i in range(1, n["new_communes"] + 1)],
        "name_vi": [_nfc(f"Xã mới tổng hợp {i:04d}") for i in range(1, n["new_communes"] + 1)],
        "name_en": [f"Synthetic new commune {i:04d}" for i in range(1, n["new_communes"] + 1)],
        "level": "commune",
        "parent_code": rng.choice(np.array(current), n["new_communes"]),
        "valid_from": "2025-07-01", "valid_to": "", "note": SYNTHETIC_NOTE,
    })
    localities = pd.concat([provinces, districts, communes, new], ignore_index=True)
    real_lineage = pd.read_csv(BUNDLED_DATA_DIR / "locality_lineage.csv", dtype=str,
                               keep_default_na=False)
    codes = set(provinces["code"])
    real_lineage = real_lineage[real_lineage["from_code"].isin(codes) & real_lineage["to_code"].isin(codes)]
    merged = pd.DataFrame({
        "from_code": communes["code"], "to_code": rng.choice(new["code"].to_numpy(), len(communes)),
        "effective_date": "2025-07-01", "kind": "merged_into", "legal_basis": "",
        "note": SYNTHETIC_NOTE,
    })
    abolished = pd.DataFrame({
        "from_code": districts["code"], "to_code": districts["parent_code"],
        "effective_date": "2025-07-01", "kind": "level_abolished", "legal_basis": "",
        "note": SYNTHETIC_NOTE,
    })
    return localities, pd.concat([real_lineage, merged, abolished], ignore_index=True)


def _kinds(localities: pd.DataFrame) -> pd.DataFrame:
    """Each locality's kind (province/district/commune/new_commune), reporting province, periods."""
    parent = dict(zip(localities["code"], localities["parent_code"]))
    rows = []
    for r in localities.itertuples():
        if r.level in ("province", "central_city"):
            kind, province = "province", r.code
        elif r.level == "district":
            kind, province = "district", r.parent_code
        elif r.valid_from == "2025-07-01":
            kind, province = "new_commune", r.parent_code
        else:
            kind, province = "commune", parent[r.parent_code]
        until_merger = r.valid_to == "2025-06-30"
        rows.append((r.code, kind, province, until_merger))
    return pd.DataFrame(rows, columns=["code", "kind", "province", "until_merger"])


def _periods(years: int) -> pd.DataFrame:
    """Reporting periods: full years, and the two halves of 2025 around the 1 July reorganisation."""
    first = LAST_YEAR - years + 1
    rows = [(y, f"{y}-01-01", f"{y}-12-31", "year", str(y), "full") for y in range(first, LAST_YEAR + 1)]
    rows.append((LAST_YEAR, f"{LAST_YEAR}-01-01", f"{LAST_YEAR}-06-30", "part_year", f"{LAST_YEAR}h1", "h1"))
    rows.append((LAST_YEAR, f"{LAST_YEAR}-07-01", f"{LAST_YEAR}-12-31", "part_year", f"{LAST_YEAR}h2", "h2"))
    return pd.DataFrame(rows, columns=["year", "period_start", "period_end", "period_kind", "label", "part"])


def _indicator_bodies(indicators: pd.DataFrame) -> pd.DataFrame:
    """The body each indicator is reported for: the most common one in the real data."""
    package = load_package(BUNDLED_DATA_DIR)
    frames = [pd.read_csv(BUNDLED_DATA_DIR / r["path"], dtype=str, keep_default_na=False)
              for r in figure_resources(package)]
    real = pd.concat(frames)[["indicator", "body"]]
    common = real.groupby("indicator")["body"].agg(lambda s: s.value_counts().index[0])
    bodies = indicators["indicator"].map(common).fillna(indicators["domain"].map(BODY_BY_DOMAIN))
    return indicators.assign(body=bodies)


# A uniform number in [0, 1) from a hash of the seed and the given columns: reproducible,
# independent of thread scheduling (unlike random()).
def _u(seed: int, *cols: str) -> str:
    return f"((hash({seed}, {', '.join(cols)}) % 1000003) / 1000003.0)"


FIGURES_SQL = """
with
candidates as (
    select
        k.code as locality_code,
        k.kind,
        k.province,
        i.indicator,
        i.domain,
        i.body,
        i.unit_kind,
        i.unit_vi,
        i.decimals,
        i.max_value,
        k.period_start,
        k.period_end,
        k.period_kind,
        k.label,
        {u_take} as u_take,
        {u_status} as u_status,
        {u_qual} as u_qual,
        {u_value} as u_value,
        i.share_group,
        i.share_rank,
        i.share_size,
        {u_share} as u_share
    from kind_periods as k
    join indicators as i on i.domain = $domain
),

chosen as (
    select *
    from candidates
    where u_take < case kind when 'province' then {d_province} when 'district' then {d_district}
                             when 'commune' then {d_commune} else {d_new} end
      and (share_group = '' or share_rank = floor(u_share * share_size))
),

valued as (
    select
        *,
        case kind when 'province' then {s_province} when 'district' then {s_district}
                  when 'commune' then {s_commune} else {s_new} end as size,
        case
            when u_status < 0.85 then 'reported'
            when u_status < 0.95 then 'estimated'
            else 'planned'
        end as status,
        case
            when u_qual < 0.94 then 'exact'
            when u_qual < 0.97 then 'over'
            when u_qual < 0.99 then 'about'
            else 'under'
        end as qualifier
    from chosen
),

numbers as (
    select
        *,
        round(case unit_kind
            when 'count' then floor(u_value * u_value * 5000 * size)
            when 'percent' then u_value * coalesce(max_value, 100)
            when 'money' then exp(u_value * ln(greatest(100000 * size, 2)))
            when 'ratio' then u_value * 5
            else (u_value - 0.5) * 20
        end, cast(decimals as integer)) as value
    from valued
),

texts as (
    select
        *,
        case when decimals = 0 or value = trunc(value)
            then cast(cast(value as bigint) as varchar)
            else rtrim(rtrim(printf('%.4f', value), '0'), '.')
        end as value_text,
        (case when value < 0 then '-' else '' end)
            || replace(format('{{:,}}', cast(trunc(abs(value)) as bigint)), ',', '.')
            || case when decimals = 0 or value = trunc(value) then ''
                    else ',' || rtrim(split_part(printf('%.4f', abs(value)), '.', 2), '0') end
            as value_vi
    from numbers
),

final as (
    select
        'syn-' || lower(province) || '-' || label || '-' || domain || '-'
            || lpad(cast(row_number() over (partition by province, label
                                             order by locality_code, indicator) as varchar), 6, '0')
            as figure_id,
        locality_code,
        body,
        indicator,
        period_start,
        period_end,
        period_kind,
        value_text as value,
        qualifier,
        status,
        'syn-' || lower(province) || '-' || label as source_id,
        'Số liệu tổng hợp (synthetic): '
            || case qualifier when 'over' then 'trên ' when 'about' then 'khoảng '
                              when 'under' then 'gần ' else '' end
            || value_vi || ' ' || unit_vi || '.' as quote,
        null as derived_from,
        null as derivation,
        'true' as preferred,
        null as flag,
        '{note}' as note
    from texts
)

select * from final
order by locality_code, period_end, indicator
"""


def _figures_sql(seed: int) -> str:
    fmt = {f"d_{k}": v for k, v in (("province", DENSITY["province"]), ("district", DENSITY["district"]),
                                     ("commune", DENSITY["commune"]), ("new", DENSITY["new_commune"]))}
    fmt |= {f"s_{k}": v for k, v in (("province", SIZE["province"]), ("district", SIZE["district"]),
                                     ("commune", SIZE["commune"]), ("new", SIZE["new_commune"]))}
    return FIGURES_SQL.format(
        u_take=_u(seed, "k.code", "i.indicator"),
        u_status=_u(seed + 1, "k.code", "i.indicator", "k.label"),
        u_qual=_u(seed + 2, "k.code", "i.indicator", "k.label"),
        u_value=_u(seed + 3, "k.code", "i.indicator", "k.label"),
        u_share=_u(seed + 4, "k.code", "i.share_group"),
        note=SYNTHETIC_NOTE, **fmt)


def _kind_periods(kinds: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """The periods each locality reports: full years while it exists; the half of 2025 it saw."""
    pairs = kinds.merge(periods, how="cross")
    new, old, part = pairs["kind"] == "new_commune", pairs["until_merger"], pairs["part"]
    before_last = (part == "full") & (pairs["year"] < LAST_YEAR)
    keep = (new & (part == "h2")) | (~new & old & ((part == "h1") | before_last)) \
        | (~new & ~old & (part == "full"))
    return pairs[keep].reset_index(drop=True)


def _sources(kind_periods: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One synthetic report per province and period: every figure cites one of these."""
    combos = kind_periods[["province", "label", "year", "part"]].drop_duplicates()
    rows = []
    for q in combos.sort_values(["province", "label"]).itertuples():
        rows.append({
            "source_id": f"syn-{q.province.lower()}-{q.label}",
            "title": _nfc(f"Báo cáo tổng hợp (synthetic) — {names[q.province]}, {q.label}"),
            "publisher": "govdash benchmark (synthetic)",
            "published": f"{q.year}-07" if q.part == "h1" else f"{q.year + 1}-01",
            "kind": "web_page", "file": "", "url": "", "reliability": "low", "grade": "",
            "note": f"{SYNTHETIC_NOTE}: generated by benchmarks/generate.py; not a real document",
        })
    return pd.DataFrame(rows)


def _register(kinds: pd.DataFrame, periods: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Two synthetic council sessions a year for every province."""
    import numpy as np
    rng = np.random.default_rng(seed + 9)
    rows = []
    provinces = kinds[kinds["kind"] == "province"]
    for p in provinces.itertuples():
        for q in periods[periods["part"] == "full"].itertuples():
            if p.until_merger and q.year == LAST_YEAR:
                continue
            for k, month in ((1, 7), (2, 12)):
                n = int(rng.integers(5, 40))
                rows.append({
                    "session_id": f"syn-{p.code.lower()}-{q.year}-k{k}", "locality_code": p.code,
                    "term": "2016-2021" if q.year <= 2020 else "2021-2026", "session_number": k,
                    "kind": "regular", "status": "held", "start_date": f"{q.year}-{month:02d}-10",
                    "end_date": f"{q.year}-{month:02d}-12", "resolutions_passed": n,
                    "resolutions_qualifier": "exact", "resolutions_status": "reported",
                    "source_id": f"syn-{p.code.lower()}-{q.label}",
                    "quote": f"Kỳ họp tổng hợp (synthetic) thông qua {n} nghị quyết.",
                    "note": SYNTHETIC_NOTE,
                })
    return pd.DataFrame(rows)


def _indicators_table(indicators: pd.DataFrame) -> pd.DataFrame:
    """Indicators with their body, numeric limits and position in their share group."""
    ind = _indicator_bodies(indicators).copy()
    ind["decimals"] = ind["decimals"].astype(int)
    ind["max_value"] = pd.to_numeric(ind["max_value"].replace("", None))
    ind["share_rank"] = ind.groupby("share_group").cumcount()
    ind["share_size"] = ind.groupby("share_group")["indicator"].transform("count")
    return ind[["indicator", "domain", "body", "unit_kind", "unit_vi", "decimals", "max_value",
                "share_group", "share_rank", "share_size"]]


def generate(out: Path | None = None, scale: float = 1.0, years: int = 10, seed: int = 7) -> dict:
    """Write a synthetic data folder; return a summary (folder, counts, seconds)."""
    started = time.perf_counter()
    out = check_target(out or Path(tempfile.mkdtemp(prefix="govdash-synthetic-")))
    out.mkdir(parents=True, exist_ok=True)
    package = load_package(BUNDLED_DATA_DIR)
    for name in ("datapackage.json", "indicators.csv"):
        shutil.copyfile(BUNDLED_DATA_DIR / name, out / name)
    localities, lineage = _localities(scale, seed)
    kinds = _kinds(localities)
    periods = _periods(years)
    indicators = pd.read_csv(BUNDLED_DATA_DIR / "indicators.csv", dtype=str, keep_default_na=False)
    ind_table = _indicators_table(indicators)
    names = dict(zip(localities["code"], localities["name_vi"]))
    kind_periods = _kind_periods(kinds, periods)
    sources = _sources(kind_periods, names)
    register = _register(kinds, periods, seed)
    written = {"localities": localities, "locality_lineage": lineage, "sources": sources,
               "session_register": register,
               "locality_names": pd.DataFrame(columns=["code", "name_vi", "name_en", "valid_from",
                                                        "valid_to", "legal_basis", "note"]),
               "locality_regions": pd.DataFrame(columns=["code", "region_code", "valid_from", "valid_to", "note"])}
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in package["resources"]}
    for name, frame in written.items():
        frame[fields[name]].to_csv(out / f"{name}.csv", index=False, lineterminator="\n")

    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False,
                                             "autoload_known_extensions": False})
    con.register("kind_periods", kind_periods)
    con.register("indicators", ind_table)
    figures = 0
    sql = _figures_sql(seed)
    for res in figure_resources(package):
        target = str(out / res["path"])
        con.execute(f"copy ({sql}) to '{target}' (format csv, header true, delimiter ',', quote '\"')"
                    .replace("$domain", "'" + res["name"] + "'"))
        figures += con.execute(f"select count(*) from read_csv('{target}', header = true, "
                               f"all_varchar = true)").fetchone()[0]
    con.close()
    summary = {"folder": str(out), "scale": scale, "years": years, "seed": seed,
               "localities": len(localities), "figures": figures, "sources": len(sources),
               "seconds": round(time.perf_counter() - started, 2), **counts(scale)}
    (out / MARKER).write_text(
        "# Synthetic data — not real\n\nWritten by `benchmarks/generate.py` for performance "
        "measurements only. Every locality, source and figure here is made up.\n\n"
        f"```json\n{json.dumps(summary, ensure_ascii=False, indent=2)}\n```\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = national (about 5 million figures)")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="output folder (default: a new temporary folder)")
    args = parser.parse_args(argv)
    summary = generate(args.out, args.scale, args.years, args.seed)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    print(f"\nGOVDASH_DATA_DIR={summary['folder']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
