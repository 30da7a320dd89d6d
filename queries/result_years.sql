-- Years (of period end) in which a locality has results: reported, estimated or derived
-- figures, not plans; with how many of them are full-year figures (`annual_count`), so that a
-- page can open on the year with the most complete data. Used to pick a sensible default year.
with

final as (
    select
        year,
        annual_count,
        figure_count - planned_count as result_count
    from figure_counts_all
    where locality_code = $locality
      and figure_count > planned_count
)

select * from final
order by year
