-- Localities with what the 1 July 2025 reorganisation made of them: the unit each became part
-- of (successor) and the units merged into it (predecessors), so either name finds the other;
-- their area (the province-level unit they lie in, as published and today) and display order.
-- $codes: these localities, the units they became part of and the units merged into them (a
-- view shows a dozen at a time); null for every locality. Order: level group, those with
-- figures first, then the name. All from `cmp_localities`, built with the store.
with

chosen as (
    select unnest(cast($codes as varchar[])) as code
),

chosen_rows as (
    select
        l.code,
        l.successor_code,
        l.predecessor_codes
    from cmp_localities as l
    join chosen as c on c.code = l.code
),

wanted as (
    select code from chosen_rows
    union
    select successor_code as code from chosen_rows
    where successor_code is not null
    union
    select unnest(predecessor_codes) as code from chosen_rows
),

final as (
    select
        code,
        name_vi,
        name_en,
        level,
        parent_code,
        valid_to,
        is_current,
        figure_count,
        successor_code,
        successor_name_vi,
        successor_name_en,
        successor_since,
        predecessor_codes,
        predecessor_names_vi,
        predecessor_names_en,
        other_names_vi,
        other_names_en,
        level_order,
        area_code,
        current_area_code,
        display_order
    from cmp_localities
    where $codes is null
       or code in (select code from wanted)
)

select * from final
order by display_order
