"""A peer of govdash's budget page written the way Streamlit's documentation teaches, to measure
govdash against (benchmarks/peer.py). Not part of the app.

What the docs teach: load the data once with `st.cache_data` (`PEER_CACHE=resource` switches to
`st.cache_resource`, which returns the same object instead of a copy), filter with pandas, draw
with plotly.express, show with `st.plotly_chart` and `st.dataframe`, lazy tabs (only the open
tab runs). It shows what govdash's page shows: the locality and up to four of the same level and
province with data, KPI cards of the last year, one tab per section with its charts over the
years and a table of the figures (with their quotes) under each chart.

    GOVDASH_DATA_DIR=/work/syn-full .venv/bin/python -m streamlit run benchmarks/peer_budget.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

DATA = Path(os.environ.get("GOVDASH_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")
DOMAINS = ("budget", "economy", "administration")
COLUMNS = ["locality_code", "indicator", "period_end", "period_kind", "value", "status", "source_id", "quote"]
SECTIONS = {  # tab: charts (title: indicators), as on govdash's page
    "Thu ngân sách": {
        "Tổng thu ngân sách": ["budget_revenue"],
        "Thu so với dự toán (%)": ["budget_revenue_pct_of_central_estimate", "budget_revenue_pct_of_council_estimate",
                                   "budget_revenue_pct_of_estimate"],
        "Cơ cấu thu": ["domestic_revenue", "import_export_revenue", "land_use_revenue", "budget_revenue_excl_land"],
    },
    "Đầu tư công": {
        "Giải ngân so với kế hoạch (%)": ["public_investment_disbursed_pct_of_plan",
                                          "public_investment_disbursed_pct_of_central_plan",
                                          "public_investment_disbursed_pct_of_council_plan"],
        "Vốn đầu tư công": ["public_investment_disbursed", "public_investment_realised", "site_clearance_value_approved"],
    },
    "Tăng trưởng": {
        "Tăng trưởng GRDP": ["grdp_growth"],
        "Chỉ tiêu KT-XH": ["targets_set", "targets_met"],
        "Tăng trưởng theo ngành": ["agriculture_output_growth", "industry_output_growth", "trade_services_output_growth"],
    },
    "Hành chính": {
        "Chỉ số SIPAS": ["sipas_satisfaction_pct"],
        "Thủ tục hành chính (%)": ["admin_procedures_on_time_pct", "admin_procedures_online_pct",
                                   "admin_procedures_digitised_pct"],
    },
}
CARDS = ["budget_revenue", "grdp_growth", "targets_met", "public_investment_disbursed_pct_of_plan"]


def _load() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    figures = pd.concat([pd.read_csv(DATA / f"{d}.csv", usecols=COLUMNS, dtype={"locality_code": str})
                         for d in DOMAINS], ignore_index=True)
    figures["year"] = figures["period_end"].str[:4].astype(int)
    localities = pd.read_csv(DATA / "localities.csv", dtype=str, keep_default_na=False)
    indicators = pd.read_csv(DATA / "indicators.csv", dtype={"indicator": str})
    return figures, localities, indicators


load = (st.cache_resource if os.environ.get("PEER_CACHE") == "resource" else st.cache_data)(_load)

st.set_page_config(page_title="Ngân sách (peer)", layout="wide")
figures, localities, indicators = load()
names = dict(zip(localities["code"], localities["name_vi"]))
with st.sidebar:
    code = st.selectbox("Địa phương", localities["code"], format_func=names.get, key="peer_locality")
    years = st.slider("Giai đoạn", 2016, 2025, (2022, 2024), key="peer_years")

me = localities[localities["code"] == code].iloc[0]
in_range = figures[(figures["year"] >= years[0]) & (figures["year"] <= years[1])]
peers = localities[(localities["level"] == me["level"]) & (localities["parent_code"] == me["parent_code"])
                   & (localities["code"] != code)]
with_data = in_range[in_range["locality_code"].isin(peers["code"])]
nearby = with_data["locality_code"].value_counts().index[:4].tolist()
shown = in_range[in_range["locality_code"].isin([code, *nearby])].merge(
    indicators[["indicator", "name_vi", "unit_vi"]], on="indicator")
shown["locality"] = shown["locality_code"].map(names)

st.title(f"Ngân sách & Kinh tế — {me['name_vi']}, {years[0]}–{years[1]}")
own = shown[(shown["locality_code"] == code) & (shown["period_kind"] == "year")]
if own.empty:
    st.info("Chưa có số liệu cho địa phương này.")
else:
    last = own[own["year"] == own["year"].max()]
    cols = st.columns(len(CARDS))
    for col, indicator in zip(cols, CARDS):
        row = last[last["indicator"] == indicator]
        if not row.empty:
            col.metric(row["name_vi"].iloc[0], f"{row['value'].iloc[0]:,.2f} {row['unit_vi'].iloc[0]}", border=True)

for tab, (section, charts) in zip(st.tabs(list(SECTIONS), key="peer_tabs", on_change="rerun"), SECTIONS.items()):
    if not tab.open:
        continue
    with tab:
        for title, wanted in charts.items():
            rows = shown[shown["indicator"].isin(wanted) & (shown["period_kind"] == "year")]
            if rows.empty:
                st.caption(f"{title}: chưa có số liệu")
                continue
            rows = rows.sort_values(["locality", "indicator", "year"])
            fig = px.line(rows, x="year", y="value", color="locality", line_dash="name_vi", markers=True,
                          title=title, labels={"year": "Năm", "value": rows["unit_vi"].iloc[0]})
            st.plotly_chart(fig, key=f"peer_{title}")
            with st.expander(f"Bảng số liệu ({len(rows)})"):
                st.dataframe(rows[["locality", "name_vi", "year", "value", "status", "source_id", "quote"]],
                             hide_index=True)
