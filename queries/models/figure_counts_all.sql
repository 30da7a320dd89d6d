-- Figures per locality and year (of period end) over every domain, counted by status: what
-- the locality list, the year lists and `coverage` for all domains read.
with

final as (
    select
        locality_code,
        year(period_end) as year,
        count(*) as figure_count,
        count(*) filter (where status = 'reported') as reported_count,
        count(*) filter (where status = 'estimated') as estimated_count,
        count(*) filter (where status = 'planned') as planned_count,
        count(*) filter (where status = 'derived') as derived_count,
        count(*) filter (where period_kind = 'year') as annual_count
    from figures
    group by locality_code, year(period_end)
)

select * from final
order by locality_code, year
