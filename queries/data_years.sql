-- The years (of period end) that have figures, for one locality or, when $locality is null, all.
with

final as (
    select distinct year
    from figure_counts_all
    where $locality is null or locality_code = $locality
)

select * from final
order by year
