-- Every curated figure with its locality, indicator and source, for export and the facts command.
-- $locality (code) and $year (of period end) are optional filters: null means all.
with

final as (
    select *
    from labelled_figures
    where ($locality is null or locality_code = $locality)
      and ($year is null or year = $year)
)

select * from final
order by locality_code, period_start, period_end, indicator, figure_id
