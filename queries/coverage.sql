-- Which localities have figures in which years (of period end), how many, and of what status;
-- for one domain, or for all when $domain is null.
with

final as (
    select
        locality_code,
        year(period_end) as year,
        count(*) as figure_count,
        count(*) filter (where status = 'reported') as reported_count,
        count(*) filter (where status = 'estimated') as estimated_count,
        count(*) filter (where status = 'planned') as planned_count,
        count(*) filter (where status = 'derived') as derived_count
    from figures
    where $domain is null or domain = $domain
    group by locality_code, year(period_end)
)

select * from final
order by locality_code, year
