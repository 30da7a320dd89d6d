"""Ngân sách & Kinh tế: revenue against each estimate, public investment, growth and targets, the people's committee's administration."""
from govdash.domains import ui as domain_ui

domain_ui.render("budget")
