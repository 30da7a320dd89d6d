"""Trình chiếu (Presentation): slides, PowerPoint deck and PDF report of a locality and year.

- `slides`: which charts make slides, in which order, with their takeaways and images (the map
  slide from `govdash.maps.slide`).
- `takeaways`: the one-sentence takeaway of a chart, written from its data.
- `render`: the long-lived kaleido renderer on Debian's Chromium (PNG / SVG).
- `pptx`: the PowerPoint file; `pdf`: the A4 report.
- `cli` adds the `deck` and `report` commands; `ui` is the Streamlit page (the only module here
  that imports Streamlit).

May import the core, `govdash.domains` (its specs and chart builders) and `govdash.maps` (the map
slide), nothing else.
"""
