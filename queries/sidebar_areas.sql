-- The area of every locality (the province-level unit it lies in as published: its top
-- ancestor, itself at the top), for the sidebar's picker at national scale, which lists one
-- area at a time. Computed with the store (`cmp_localities`).
with

final as (
    select
        code,
        area_code
    from cmp_localities
)

select * from final
