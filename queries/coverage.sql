-- Which localities have figures in which years (of period end), how many, and of what status;
-- for one domain, or for all when $domain is null. Reads the counts built with the store
-- (govdash/models/), not the figures themselves.
with

all_domains as (
    select
        locality_code,
        year,
        figure_count,
        reported_count,
        estimated_count,
        planned_count,
        derived_count
    from figure_counts_all
    where $domain is null
),

one_domain as (
    select
        locality_code,
        year,
        figure_count,
        reported_count,
        estimated_count,
        planned_count,
        derived_count
    from figure_counts
    where domain = $domain
),

final as (
    select * from all_domains
    union all
    select * from one_domain
)

select * from final
order by locality_code, year
