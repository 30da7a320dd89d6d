"""Kỳ họp & Nghị quyết: council sessions and resolutions by year and by session, the session register, people's committee meetings and awards."""
from govdash.domains import ui as domain_ui

domain_ui.render("sessions")
