-- Which localities have figures of one domain in which years, how many and of what status, for
-- the compare page's heatmap: the chosen localities ($localities) and, up to $limit rows in
-- all, those with the most figures of the domain (a national heatmap of every locality would
-- be thousands of rows no one can read). Reads counts built with the store (`figure_counts`,
-- `cmp_domain_locality_counts`, `cmp_localities`), not the figures.
-- `locality_total`: how many localities have figures of the domain, shown or not.
with

totals as (
    select
        locality_code,
        figure_count
    from cmp_domain_locality_counts
    where domain = $domain
),

chosen as (
    select distinct unnest(cast($localities as varchar[])) as code
),

ranked as (
    select
        t.locality_code,
        c.code is not null as chosen,
        row_number() over (
            order by c.code is not null desc, t.figure_count desc, x.display_order
        ) as pick
    from totals as t
    left join chosen as c on c.code = t.locality_code
    left join cmp_localities as x on x.code = t.locality_code
),

picked as (
    select
        locality_code,
        chosen
    from ranked
    where chosen or pick <= $limit
),

final as (
    select
        c.locality_code,
        c.year,
        c.figure_count,
        c.reported_count,
        c.estimated_count,
        c.planned_count,
        c.derived_count,
        p.chosen,
        x.display_order,
        (select count(*) from totals) as locality_total
    from figure_counts as c
    join picked as p on p.locality_code = c.locality_code
    left join cmp_localities as x on x.code = c.locality_code
    where c.domain = $domain
)

select * from final
order by display_order, year
