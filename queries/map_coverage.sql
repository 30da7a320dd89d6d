-- How many province-level units have a full-year result (preferred, not a plan, with a value)
-- of each indicator, body and year: what the map page can draw, and the indicator picker's
-- order. Counted as published (a unit's own figures).
with

provinces as (
    select code
    from localities
    where level in ('province', 'central_city')
),

results as (
    select
        f.indicator,
        f.body,
        year(f.period_end) as year,
        f.locality_code
    from figures as f
    join provinces as p on p.code = f.locality_code
    where f.preferred
      and f.status <> 'planned'
      and f.period_kind = 'year'
      and f.value is not null
),

final as (
    select
        indicator,
        body,
        year,
        count(distinct locality_code) as province_count
    from results
    group by indicator, body, year
)

select * from final
order by indicator, body, year
