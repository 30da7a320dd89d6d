-- Every indicator with its metadata and how many figures it has: all, charted on a yearly axis
-- (preferred full-year results), and per body; for the compare page's indicator picker.
with

indicators_base as (
    select * from indicators
),

figure_counts as (
    select
        indicator,
        count(*) as figure_count,
        count(*) filter (
            where preferred and status <> 'planned' and period_kind = 'year'
        ) as annual_count
    from figures
    group by indicator
),

body_counts as (
    select
        indicator,
        body,
        count(*) filter (
            where preferred and status <> 'planned' and period_kind = 'year'
        ) as annual_count,
        count(*) as figure_count
    from figures
    group by indicator, body
),

bodies as (
    select
        indicator,
        list(body order by annual_count desc, figure_count desc, body) as bodies
    from body_counts
    group by indicator
),

final as (
    select
        i.indicator,
        i.domain,
        i.name_vi,
        i.name_en,
        i.unit_vi,
        i.unit_en,
        i.unit_kind,
        i.decimals,
        i.summable,
        i.higher_is_better,
        i.headline,
        i.sort_order,
        i.description_en,
        coalesce(c.figure_count, 0) as figure_count,
        coalesce(c.annual_count, 0) as annual_count,
        coalesce(b.bodies, []) as bodies
    from indicators_base as i
    left join figure_counts as c on c.indicator = i.indicator
    left join bodies as b on b.indicator = i.indicator
)

select * from final
order by sort_order, indicator
