-- Full-year results of one indicator for the province-level units, as published (each figure
-- keeps the unit it was published for), shaped like `compare_figures` rows so the map reads
-- both the same way; on today's boundaries the map uses `compare_figures` (its sums over
-- merged units). Only what a map draws: preferred, not a plan, a full year, with a value.
with

provinces as (
    select code
    from localities
    where level in ('province', 'central_city')
),

results as (
    select f.*
    from figures as f
    join provinces as p on p.code = f.locality_code
    where f.indicator = $indicator
      and ($body is null or f.body = $body)
      and year(f.period_end) between $year_from and $year_to
      and f.preferred
      and f.status <> 'planned'
      and f.period_kind = 'year'
      and f.value is not null
),

final as (
    select
        r.locality_code as series_code,
        'self' as series_role,
        r.locality_code,
        r.body,
        r.period_start,
        r.period_end,
        r.period_kind,
        year(r.period_end) as year,
        r.value,
        r.qualifier,
        r.status,
        r.status = 'estimated' as includes_estimate,
        r.preferred,
        r.flag,
        r.figure_id,
        r.source_id,
        s.title as source_title,
        r.quote,
        false as derived,
        true as complete,
        true as chartable,
        cast(null as varchar[]) as component_ids,
        cast(null as varchar[]) as component_sources,
        cast(null as varchar[]) as missing_codes
    from results as r
    left join sources as s on s.source_id = r.source_id
)

select * from final
order by series_code, year, figure_id
