-- Where each figure is listed on the sources page: its source and its place among that
-- source's figures (`source_row`, as in `figures_by_source`). Sorted by figure id, so the
-- figure of a link is found by reading one row group, not every figure.
with

final as (
    select
        figure_id,
        source_id,
        row_number() over (
            partition by source_id
            order by locality_code, period_start, period_end, indicator, figure_id
        ) - 1 as source_row
    from figures
)

select * from final
order by figure_id
