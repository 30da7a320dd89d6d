-- The source of one figure ($figure_id) and the figure's place among that source's figures
-- (`source_row`): what a link to a figure opens. No row for an unknown figure.
with

final as (
    select
        figure_id,
        source_id,
        source_row
    from figure_sources
    where figure_id = $figure_id
)

select * from final
