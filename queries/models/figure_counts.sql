-- Figures per locality, domain and year (of period end), counted by status. Built once with
-- the store, so `coverage` never scans every figure; sorted by domain for zone-map pruning.
with

final as (
    select
        domain,
        locality_code,
        year(period_end) as year,
        count(*) as figure_count,
        count(*) filter (where status = 'reported') as reported_count,
        count(*) filter (where status = 'estimated') as estimated_count,
        count(*) filter (where status = 'planned') as planned_count,
        count(*) filter (where status = 'derived') as derived_count,
        count(*) filter (where period_kind = 'year') as annual_count
    from figures
    group by domain, locality_code, year(period_end)
)

select * from final
order by domain, locality_code, year
