"""Trình chiếu: one chart at a time in large type with its takeaway and source, Next / Previous,
the slide in the URL, and one-click PowerPoint, PDF and chart-image downloads."""
from govdash.present import ui as present_ui

present_ui.render_page()
