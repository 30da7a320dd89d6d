-- The areas the compare page's picker can offer a national list by: every province-level unit
-- (today's only, on today's boundaries) with how many localities the picker would list in it
-- (itself included); in display order.
with

offered as (
    select
        case when $bounds = 'current' then current_area_code else area_code end as area_code
    from cmp_localities
    where $bounds <> 'current' or is_current
),

sizes as (
    select
        area_code,
        count(*) as locality_count
    from offered
    group by area_code
),

final as (
    select
        a.code,
        a.name_vi,
        a.name_en,
        s.locality_count,
        a.display_order
    from sizes as s
    join cmp_localities as a on a.code = s.area_code
)

select * from final
order by display_order
