-- Years (of period end) in which a locality has results: reported, estimated or derived
-- figures, not plans. Used to pick a sensible default year.
with

final as (
    select distinct year(period_end) as year
    from figures
    where locality_code = $locality
      and status <> 'planned'
)

select * from final
order by year
