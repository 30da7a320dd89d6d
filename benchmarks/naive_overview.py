"""The Overview page written the naive way: a benchmark BASELINE, never part of the app.

On every rerun it reads every CSV with pandas, joins and filters in pandas, builds a
plotly.express chart and caches nothing, which is how a first Streamlit prototype is often
written. `benchmarks/run.py` reruns it after a locality change, like the real Overview, and
reports how many times slower it is. It is not listed in dashboard.py and must not be.

    GOVDASH_DATA_DIR=/tmp/synthetic .venv/bin/streamlit run benchmarks/naive_overview.py
"""
import json
import os
import sys
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govdash import fmt

DATA = Path(os.environ.get("GOVDASH_DATA_DIR") or ROOT / "data")

# Everything below runs on every rerun: no st.cache_data, no DuckDB, no pre-aggregation.
package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
frames = [pd.read_csv(DATA / r["path"], dtype={"locality_code": str}, keep_default_na=False)
          for r in package["resources"] if r["schema"]["fields"][0]["name"] == "figure_id"]
figures = pd.concat(frames, ignore_index=True)
localities = pd.read_csv(DATA / "localities.csv", dtype=str, keep_default_na=False)
indicators = pd.read_csv(DATA / "indicators.csv", keep_default_na=False)
sources = pd.read_csv(DATA / "sources.csv", dtype=str, keep_default_na=False)

figures["year"] = pd.to_datetime(figures["period_end"]).dt.year
figures["preferred"] = figures["preferred"].astype(str).str.lower() == "true"
names = dict(zip(localities["code"], localities["name_vi"]))
codes = list(localities["code"])
start = st.query_params.get("loc", "31")
locality = st.selectbox("Địa phương", codes, index=codes.index(start) if start in codes else 0,
                        format_func=lambda c: names[c], key="naive_locality")
years = sorted(figures["year"].unique())
year = int(st.query_params.get("to", years[-1]))

current = figures[(figures["locality_code"] == locality) & (figures["year"] == year) & figures["preferred"]]
previous = figures[(figures["locality_code"] == locality) & (figures["year"] == year - 1)
                   & figures["preferred"]][["indicator", "body", "period_kind", "value"]]
rows = (current.merge(indicators, on="indicator")
        .merge(sources, on="source_id", suffixes=("", "_source"))
        .merge(previous, on=["indicator", "body", "period_kind"], how="left", suffixes=("", "_prev")))

st.title(f"{names[locality]} — năm {year}")
results = rows[rows["status"] != "planned"].sort_values(["headline", "sort_order"], ascending=[False, True])
cards = results.drop_duplicates(["indicator", "body"]).head(8)
cols = st.columns(3)
for i, (_, r) in enumerate(cards.iterrows()):
    delta = None if pd.isna(r["value_prev"]) else fmt.signed(r["value"] - r["value_prev"], "vi", int(r["decimals"]))
    cols[i % 3].metric(r["name_vi"], fmt.number(r["value"], "vi", int(r["decimals"])), delta=delta)

history = figures[(figures["locality_code"] == locality) & figures["indicator"].isin(cards["indicator"])]
fig = px.bar(history, x="year", y="value", color="status", facet_col="indicator", facet_col_wrap=4,
             title="Chỉ số theo năm")
st.plotly_chart(fig)
st.dataframe(rows[["name_vi", "period_start", "period_end", "value", "status", "title", "quote"]])
