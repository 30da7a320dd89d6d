"""So sánh (Compare): any indicator for several localities, as published or on today's boundaries.

- `view`: the view (`View`) read from and written to the URL, its data and tables.
- `charts`: lines, ranking, small multiples and coverage heatmap (words arrive as `ChartText`).
- `ui`: the Streamlit page (the only module here that imports Streamlit).

May import the core only (`sources.links` is reached through the core's link helper).
"""
