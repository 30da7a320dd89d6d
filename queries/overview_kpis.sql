-- Headline figures of one locality for periods ending in $year, with the previous comparable
-- figure (same indicator, body, period kind and status family, the period one year earlier).
-- Columns of `labelled_figures`, as the domain pages' cards read them.
with

current_figures as (
    select *
    from labelled_figures
    where locality_code = $locality
      and year(period_end) = $year
      and preferred
),

previous_figures as (
    select *
    from figures
    where locality_code = $locality
      and year(period_end) = $year - 1
      and preferred
),

final as (
    select
        c.*,
        p.value as previous_value,
        p.status as previous_status,
        p.qualifier as previous_qualifier,
        p.period_start as previous_period_start,
        p.period_end as previous_period_end
    from current_figures as c
    left join previous_figures as p
        on p.indicator = c.indicator
        and p.body = c.body
        and p.period_kind = c.period_kind
        and p.period_start = c.period_start - interval 1 year
        and p.period_end = c.period_end - interval 1 year
        and (p.status = 'planned') = (c.status = 'planned')
)

select * from final
order by headline desc, sort_order, period_start, figure_id
