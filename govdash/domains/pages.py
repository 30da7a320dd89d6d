"""The domain pages as data: each page's sections, charts (ChartSpec) and KPI cards. A new chart is one ChartSpec(...) line."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartSpec:
    """One chart: its key, title (catalogue key), kind and the indicators (and bodies) it draws.

    Kinds: "years" (bars over years; sessions and other periods get their own charts),
    "breakdown" (indicators side by side), "estimates" (percent of an estimate or plan, with the
    100 % line), "shares" (100 % stacked shares of one share group), "register" (session timeline).
    """
    key: str
    title: str
    kind: str
    indicators: tuple[str, ...] = ()
    bodies: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Section:
    """A titled part of a page: its charts, then cards for the indicators listed in `cards`
    and for figures of its charts' indicators that no chart drew (another body, a lone value)."""
    title: str
    charts: tuple[ChartSpec, ...]
    cards: tuple[str, ...] = ()

    def indicators(self) -> set[str]:
        """Every indicator this section shows, in charts or cards."""
        return {i for c in self.charts for i in c.indicators} | set(self.cards)


@dataclass(frozen=True)
class PageSpec:
    """A domain page: title key, the data domains it covers, its sections."""
    key: str
    title: str
    domains: tuple[str, ...]
    sections: tuple[Section, ...]


_PCT_OF_ESTIMATE = (
    "budget_revenue_pct_of_central_estimate", "budget_revenue_pct_of_council_estimate",
    "budget_revenue_pct_of_province_estimate", "budget_revenue_pct_of_estimate",
    "domestic_revenue_pct_of_central_estimate", "domestic_revenue_pct_of_council_estimate",
    "import_export_revenue_pct_of_central_estimate", "import_export_revenue_pct_of_council_estimate",
    "budget_revenue_excl_land_pct_of_province_estimate", "budget_revenue_excl_land_pct_of_council_estimate",
)

PAGES: dict[str, PageSpec] = {
    "sessions": PageSpec("sessions", "page_sessions", ("sessions", "resolutions", "awards"), (
        Section("dom_sec_council", (
            ChartSpec("sessions_by_kind", "dom_ch_sessions_by_kind", "years",
                      ("council_sessions", "council_sessions_regular", "council_sessions_thematic",
                       "council_sessions_extraordinary"), ("council",)),
            ChartSpec("resolutions", "dom_ch_resolutions", "years", ("resolutions_passed",), ("council",)),
            ChartSpec("register", "dom_ch_register", "register"),
        )),
        Section("dom_sec_all_councils", (
            ChartSpec("all_councils", "dom_ch_all_councils", "breakdown",
                      ("council_sessions_thematic", "resolutions_passed"), ("all_councils",)),
        )),
        Section("dom_sec_committee", (
            ChartSpec("committee_meetings", "dom_ch_committee_meetings", "years", ("committee_meetings",)),
            ChartSpec("committee_meeting_kinds", "dom_ch_committee_meeting_kinds", "breakdown",
                      ("committee_meetings", "committee_leadership_meetings", "committee_other_meetings",
                       "land_valuation_council_meetings", "breakthrough_task_meetings")),
        ), cards=("committee_meetings_change",)),
        Section("dom_sec_awards", (), cards=("awards_collectives", "awards_individuals", "art_competitions")),
    )),
    "supervision": PageSpec("supervision", "page_supervision", ("supervision", "interpellation"), (
        Section("dom_sec_supervision", (
            ChartSpec("supervision", "dom_ch_supervision", "years",
                      ("supervision_missions", "supervision_and_survey_missions",
                       "supervision_resolutions_covered", "supervision_topics")),
            ChartSpec("supervision_served", "dom_ch_supervision_served", "years",
                      ("supervision_missions_served",)),
        )),
        Section("dom_sec_interpellation", (
            ChartSpec("interpellation", "dom_ch_interpellation", "breakdown",
                      ("interpellation_questions", "interpellation_questions_written",
                       "interpellation_questions_oral", "interpellation_respondents_written",
                       "interpellation_matters_answered")),
            ChartSpec("referrals", "dom_ch_referrals", "years", ("standing_committee_referrals",)),
        )),
    )),
    "voters": PageSpec("voters", "page_voters", ("petitions", "citizen_reception"), (
        Section("dom_sec_petitions", (
            ChartSpec("petitions", "dom_ch_petitions", "years",
                      ("voter_petitions", "public_feedback_handled", "dialogue_opinions_handled",
                       "grassroots_briefing_opinions_handled")),
            ChartSpec("petition_status", "dom_ch_petition_status", "shares",
                      ("voter_petitions_resolved_pct", "voter_petitions_partly_resolved_pct",
                       "voter_petitions_pending_pct")),
        )),
        Section("dom_sec_reception", (
            ChartSpec("reception", "dom_ch_reception", "years",
                      ("reception_sessions", "reception_people", "reception_cases")),
        ), cards=("reception_sessions_change", "reception_cases_change")),
        Section("dom_sec_letters", (
            ChartSpec("letters", "dom_ch_letters", "years", ("letters_handled", "letters_late")),
            ChartSpec("letters_pct", "dom_ch_letters_pct", "years", ("letters_resolved_pct", "letters_late_pct")),
        )),
    )),
    "budget": PageSpec("budget", "page_budget", ("budget", "economy", "administration"), (
        Section("dom_sec_revenue", (
            ChartSpec("revenue", "dom_ch_revenue", "years", ("budget_revenue",)),
            ChartSpec("revenue_vs_estimate", "dom_ch_revenue_vs_estimate", "estimates", _PCT_OF_ESTIMATE),
            ChartSpec("revenue_parts", "dom_ch_revenue_parts", "years",
                      ("domestic_revenue", "import_export_revenue", "land_use_revenue",
                       "budget_revenue_excl_land")),
        ), cards=("budget_revenue_over_central_estimate_pct", "budget_revenue_over_estimate_pct",
                  "domestic_revenue_over_council_estimate_pct", "budget_revenue_growth_multiple")),
        Section("dom_sec_investment", (
            ChartSpec("disbursement_pct", "dom_ch_disbursement_pct", "estimates",
                      ("public_investment_disbursed_pct_of_plan", "public_investment_disbursed_pct_of_central_plan",
                       "public_investment_disbursed_pct_of_council_plan",
                       "site_clearance_value_approved_pct_of_plan")),
            ChartSpec("investment_money", "dom_ch_investment_money", "years",
                      ("public_investment_disbursed", "public_investment_realised",
                       "site_clearance_value_approved")),
        ), cards=("investment_projects_approved", "investment_projects_approved_total_investment",
                  "investment_policy_adjustments_approved", "investment_projects_settled")),
        Section("dom_sec_growth", (
            ChartSpec("grdp", "dom_ch_grdp", "years", ("grdp_growth",)),
            ChartSpec("targets", "dom_ch_targets", "years", ("targets_set", "targets_met", "targets_under_assessment")),
            ChartSpec("sector_growth", "dom_ch_sector_growth", "breakdown",
                      ("agriculture_output_growth", "industry_output_growth", "trade_services_output_growth")),
        ), cards=("grdp_growth_avg_annual", "grdp_growth_ratio_to_national", "poverty_rate",
                  "new_rural_advanced_communes", "new_rural_advanced_eligible_units",
                  "new_rural_model_communes", "new_rural_model_eligible_communes")),
        Section("dom_sec_administration", (
            ChartSpec("sipas", "dom_ch_sipas", "years", ("sipas_satisfaction_pct",)),
            ChartSpec("admin_rates", "dom_ch_admin_rates", "breakdown",
                      ("admin_procedures_on_time_pct", "admin_procedures_online_pct",
                       "admin_procedures_digitised_pct", "assigned_tasks_implemented_pct",
                       "assigned_tasks_completed_pct")),
            ChartSpec("admin_work", "dom_ch_admin_work", "breakdown",
                      ("work_programme_tasks", "tasks_assigned_by_superior_committee",
                       "tasks_assigned_by_party_committee", "assigned_tasks_in_progress",
                       "reports_to_party_committee", "party_committee_briefings_attended",
                       "committee_plans_issued", "committee_reports_issued", "conscripts_delivered")),
            ChartSpec("admin_documents", "dom_ch_admin_documents", "breakdown",
                      ("committee_documents_issued", "committee_documents_received", "admin_procedure_files")),
            ChartSpec("planning_land", "dom_ch_planning_land", "breakdown",
                      ("urban_plans_programmed", "urban_plans_programmed_first_phase",
                       "urban_plan_adjustments_programmed", "urban_plan_adjustments_submitted",
                       "urban_plan_adjustments_approved", "zoning_plan_briefs_approved",
                       "ward_commune_zoning_plans_programmed", "ward_commune_zoning_briefs_approved",
                       "land_price_projects_planned", "land_price_projects_determined",
                       "land_auction_sites_planned", "land_auction_sites_priced")),
        ), cards=("committee_reports_issued_change_pct", "admin_procedures_online_pct_change")),
    )),
}


