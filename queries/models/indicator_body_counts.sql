-- Figures per indicator and body: all of them, and the preferred full-year results (what a
-- yearly chart can show). For indicator pickers, without scanning every figure.
with

final as (
    select
        indicator,
        body,
        count(*) as figure_count,
        count(*) filter (
            where preferred and status <> 'planned' and period_kind = 'year'
        ) as annual_result_count
    from figures
    group by indicator, body
)

select * from final
order by indicator, body
