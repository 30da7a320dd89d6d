"""The map room: province maps of Việt Nam drawn offline, for either era of the provinces.

- `geometry`: the province shapes of the 63-province era (before 1 July 2025) and the
  34-province era (from 1 July 2025), read from `assets/` (built once by `scripts/make_geo.py`
  from Open Development Vietnam's boundaries via TaliaCao/Vietnam-Shape-Map, MIT), joined to
  locality codes through the explicit `crosswalk.csv`, projected for drawing, with label points
  for every province and for the Hoàng Sa and Trường Sa archipelagos.
- `charts`: `map_figure`, a pure Plotly figure builder (filled polygons on hidden cartesian
  axes, no geo/mapbox modules, so nothing is fetched from a CDN), and the bump chart of ranks.
- `view`: the map page without Streamlit: its view in the URL, colour scales (quartile tiers,
  even steps, diverging around 100 % or 0), each province's value, rank and words, downloads.
- `slide`: the map slide of the presenter deck and PDF report.
- `ui`: the Streamlit page (the only module here that imports Streamlit).

Nothing here imports Streamlit; a page's `ui.py` assembles these parts.
"""
from govdash.maps.charts import MapText, map_figure
from govdash.maps.geometry import ERAS, Shape, archipelagos, codes, era_on, shapes

__all__ = ["ERAS", "MapText", "Shape", "archipelagos", "codes", "era_on", "map_figure", "shapes"]
