-- Figures of some domains ($domains, a list) for some localities ($localities, a list of codes)
-- whose period ends in $year_from..$year_to, preferred or not, with indicator, locality and
-- source metadata; the session number of session figures (from the register); and the previous
-- comparable preferred figure (same indicator, body, period kind and plan family, one year
-- earlier) for deltas. Columns of `labelled_figures`, which KPI cards and figure tables read,
-- but two no page reads (`share_group`, checked on import; `source_grade`): pages keep each
-- row as a dict, and a dict of 43 keys takes twice the memory of one of 42.
with

selected_figures as (
    select *
    from labelled_figures
    where list_contains($domains, domain)
      and locality_code in (select unnest($localities))
      and year(period_end) between $year_from and $year_to
),

preferred_figures as (
    -- candidates for "previous": same localities and domains, periods ending a year earlier at most
    select *
    from figures
    where preferred
      and list_contains($domains, domain)
      and locality_code in (select unnest($localities))
      and year(period_end) between $year_from - 1 and $year_to
),

register_dates as (
    select
        locality_code,
        start_date,
        end_date,
        session_number
    from session_register
    where session_number is not null
),

session_numbers as (
    select
        f.figure_id,
        min(r.session_number) as session_number
    from selected_figures as f
    join register_dates as r
        on r.locality_code = f.locality_code
        and (r.start_date = f.period_start or r.end_date = f.period_end)
    where f.period_kind = 'session'
    group by f.figure_id
),

final as (
    select
        f.*,
        n.session_number,
        p.value as previous_value,
        p.status as previous_status,
        p.period_start as previous_period_start,
        p.period_end as previous_period_end
    from selected_figures as f
    left join session_numbers as n on n.figure_id = f.figure_id
    left join preferred_figures as p
        on f.preferred
        and p.locality_code = f.locality_code
        and p.indicator = f.indicator
        and p.body = f.body
        and p.period_kind = f.period_kind
        and p.period_start = f.period_start - interval 1 year
        and p.period_end = f.period_end - interval 1 year
        and (p.status = 'planned') = (f.status = 'planned')
)

select * exclude (share_group, source_grade) from final
order by locality_code, sort_order, body, period_end, period_start, figure_id
