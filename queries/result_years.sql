-- Years (of period end) in which a locality has results: reported, estimated or derived
-- figures, not plans. Used to pick a sensible default year.
with

final as (
    select distinct year
    from figure_counts_all
    where locality_code = $locality
      and figure_count > planned_count
)

select * from final
order by year
