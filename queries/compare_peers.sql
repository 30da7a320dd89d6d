-- The peers a comparison opens with beside a province-level unit ($locality): province-level
-- units with preferred results of $indicator (of $body; null: any) ending in
-- $year_from..$year_to, those of the same socio-economic region first (membership from
-- `locality_regions`, at any date), then the best covered; at most $limit. None for a unit
-- below the province level.
with

me as (
    select code
    from localities
    where code = $locality
      and level in ('province', 'central_city')
),

my_regions as (
    select distinct r.region_code
    from locality_regions as r
    join me on me.code = r.code
),

region_peers as (
    select distinct r.code
    from locality_regions as r
    join my_regions as m on m.region_code = r.region_code
),

covered as (
    select
        f.locality_code as code,
        count(distinct f.year) as years_covered,
        count(*) as figure_count
    from labelled_figures as f
    where f.indicator = $indicator
      and ($body is null or f.body = $body)
      and f.preferred
      and f.status <> 'planned'
      and f.year between $year_from and $year_to
      and f.level in ('province', 'central_city')
      and f.locality_code <> $locality
      and exists (select 1 from me)
    group by f.locality_code
),

final as (
    select
        c.code,
        c.code in (select code from region_peers) as same_region,
        c.years_covered,
        c.figure_count
    from covered as c
)

select * from final
order by same_region desc, years_covered desc, figure_count desc, code
limit $limit
