-- The localities the compare page's picker offers, in display order, with what its labels say:
-- the unit each became part of, or the units merged into it. $bounds 'current' offers today's
-- units only. $area: only the localities in that area (a province-level unit and everything
-- under it; today's area on today's boundaries); $top_only: only the province-level units.
-- Neither: every locality (small data sets; a national list is offered an area at a time).
with

final as (
    select
        code,
        name_vi,
        name_en,
        level,
        is_current,
        successor_code,
        successor_name_vi,
        successor_name_en,
        predecessor_names_vi,
        predecessor_names_en,
        other_names_vi,
        other_names_en,
        display_order
    from cmp_localities
    where ($bounds <> 'current' or is_current)
      and (not $top_only or code = area_code)
      and (
          $area is null
          or (case when $bounds = 'current' then current_area_code else area_code end) = $area
      )
)

select * from final
order by display_order
