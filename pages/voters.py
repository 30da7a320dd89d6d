"""Cử tri & Tiếp công dân: voter petitions and their resolution, citizen reception, letters."""
from govdash.domains import ui as domain_ui

domain_ui.render("voters")
