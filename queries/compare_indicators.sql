-- Every indicator with its metadata and how many figures it has: all, charted on a yearly axis
-- (preferred full-year results), and per body; for the compare page's indicator picker. The
-- counts come from `indicator_body_counts` (built with the store), not from every figure.
with

indicators_base as (
    select * from indicators
),

body_counts as (
    select
        indicator,
        body,
        annual_result_count as annual_count,
        figure_count
    from indicator_body_counts
),

figure_counts as (
    select
        indicator,
        cast(sum(figure_count) as bigint) as figure_count,
        cast(sum(annual_count) as bigint) as annual_count
    from body_counts
    group by indicator
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
