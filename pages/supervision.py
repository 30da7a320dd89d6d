"""Giám sát & Chất vấn: supervision missions, interpellation and matters referred to the standing committee."""
from govdash.domains import ui as domain_ui

domain_ui.render("supervision")
