"""Trình chiếu (Presentation): slides, PowerPoint deck and PDF report of a locality and year.

- `slides`: which charts make slides, in which order, with their takeaways and images.
- `takeaways`: the one-sentence takeaway of a chart, written from its data.
- `render`: the long-lived kaleido renderer on Debian's Chromium (PNG / SVG).
- `pptx`: the PowerPoint file; `pdf`: the A4 report.
- `cli` adds the `deck` and `report` commands; `ui` is the Streamlit page (the only module here
  that imports Streamlit).

May import the core and `govdash.domains` (its specs and chart builders), nothing else.
"""
