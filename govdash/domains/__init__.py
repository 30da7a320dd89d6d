"""Domain pages (Kỳ họp & Nghị quyết, Giám sát & Chất vấn, Cử tri & Tiếp công dân, Ngân sách &
Kinh tế) and the Overview's cards.

- `spec`: the pages as data (`PAGES`, `ChartSpec`, `Section`, `PageSpec`).
- `build`: a page's figures loaded, split into chart parts and drawn; cards, comparisons, coverage.
- `charts`: the chart builders (plain functions returning Plotly figures, tested without Streamlit).
- `kpi`: KPI cards and their deltas.
- `ui`: the Streamlit page (the only module here that imports Streamlit).

May import the core only.
"""
