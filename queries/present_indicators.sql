-- Every indicator's names, unit and kind, for the presenter kit: a takeaway clause whose
-- indicator has no figure names it ("chưa có số liệu về …").
with

indicators_base as (
    select * from indicators
),

final as (
    select
        indicator,
        domain,
        name_vi,
        name_en,
        unit_vi,
        unit_en,
        unit_kind,
        decimals,
        sort_order
    from indicators_base
)

select * from final
order by sort_order, indicator
