-- The preferred figures of one locality ($locality) in some domains ($domains, a list) whose
-- period ends in $year_from..$year_to: what the presenter kit draws and words, in one query for
-- all its pages. Shaped like `domain_figures` without the previous-year columns (no slide shows
-- a delta); the locality and the period bounds are plain comparisons, so only the locality's
-- own row groups are read (figures are stored sorted by locality and period end).
with

indicators_base as (
    select * from indicators
),

selected_figures as (
    select *
    from figures
    where locality_code = $locality
      and preferred
      and period_end between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
      and list_contains($domains, domain)
),

register_dates as (
    select
        locality_code,
        start_date,
        end_date,
        session_number
    from session_register
    where session_number is not null
      and locality_code = $locality
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
        f.figure_id,
        f.domain,
        f.locality_code,
        l.name_vi as locality_name,
        l.name_en as locality_name_en,
        l.level,
        f.body,
        f.indicator,
        i.name_vi as indicator_name,
        i.name_en as indicator_name_en,
        i.name_vi,
        i.name_en,
        i.unit_vi,
        i.unit_en,
        i.unit_kind,
        i.decimals,
        i.summable,
        i.higher_is_better,
        i.max_value,
        i.share_group,
        i.headline,
        i.sort_order,
        f.period_start,
        f.period_end,
        f.period_kind,
        year(f.period_end) as year,
        f.value,
        f.qualifier,
        f.status,
        f.preferred,
        f.flag,
        f.source_id,
        s.title as source_title,
        s.publisher as source_publisher,
        f.quote,
        f.derived_from,
        f.derivation,
        f.note,
        n.session_number
    from selected_figures as f
    join localities as l on l.code = f.locality_code
    join indicators_base as i on i.indicator = f.indicator
    join sources as s on s.source_id = f.source_id
    left join session_numbers as n on n.figure_id = f.figure_id
)

select * from final
order by locality_code, sort_order, body, period_end, period_start, figure_id
