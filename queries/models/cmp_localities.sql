-- Every locality as the compare page lists it, computed once with the store: names and level;
-- what the 1 July 2025 reorganisation made of it (the unit it became part of, the units merged
-- into it); its area (the province-level unit it lies in: its top ancestor by parent_code,
-- itself at the top) as published and today (a former province's successor); how many figures
-- it has and its display order (level group, those with figures first, then the Vietnamese
-- alphabetical order of the name), both from `locality_rows`. With ~15,000 localities, walking parents and lineage,
-- counting figures and sorting with a collation on every view would cost more than the rest
-- of the page.
with recursive

localities_base as (
    select
        code,
        name_vi,
        name_en,
        level,
        parent_code,
        valid_to
    from localities
),

lineage_base as (
    select
        from_code,
        to_code,
        effective_date,
        kind
    from locality_lineage
    where from_code <> to_code
),

ancestry as (
    select
        code,
        code as area_code,
        0 as depth
    from localities_base
    where parent_code is null
       or parent_code not in (select code from localities_base)
    union all
    select
        c.code,
        a.area_code,
        a.depth + 1 as depth
    from ancestry as a
    join localities_base as c on c.parent_code = a.code
    where a.depth < 8  -- a cycle in parent_code never loops forever
),

areas as (
    select
        code,
        min(area_code) as area_code
    from ancestry
    group by code
),

successors as (
    select
        from_code as code,
        min(to_code) as successor_code,
        min(effective_date) as successor_since
    from lineage_base
    group by from_code
),

merged_successors as (
    select
        from_code as code,
        min(to_code) as successor_code
    from lineage_base
    where kind = 'merged_into'
    group by from_code
),

predecessors as (
    select
        l.to_code as code,
        list(l.from_code order by p.name_vi collate vi, l.from_code) as predecessor_codes,
        list(p.name_vi order by p.name_vi collate vi, l.from_code) as predecessor_names_vi,
        list(p.name_en order by p.name_vi collate vi, l.from_code) as predecessor_names_en
    from lineage_base as l
    join localities_base as p on p.code = l.from_code
    where l.kind = 'merged_into'
    group by l.to_code
),

described as (
    select
        l.code,
        l.name_vi,
        l.name_en,
        l.level,
        l.parent_code,
        l.valid_to,
        l.valid_to is null as is_current,
        r.figure_count,
        s.successor_code,
        sl.name_vi as successor_name_vi,
        sl.name_en as successor_name_en,
        s.successor_since,
        coalesce(p.predecessor_codes, []) as predecessor_codes,
        coalesce(p.predecessor_names_vi, []) as predecessor_names_vi,
        coalesce(p.predecessor_names_en, []) as predecessor_names_en,
        r.other_names_vi,
        r.other_names_en,
        r.level_order,
        r.list_order as display_order,
        coalesce(a.area_code, l.code) as area_code,
        case
            when al.valid_to is null then coalesce(a.area_code, l.code)
            else coalesce(ms.successor_code, a.area_code, l.code)
        end as current_area_code
    from localities_base as l
    left join areas as a on a.code = l.code
    left join localities_base as al on al.code = a.area_code
    left join merged_successors as ms on ms.code = a.area_code
    join locality_rows as r on r.code = l.code
    left join successors as s on s.code = l.code
    left join localities_base as sl on sl.code = s.successor_code
    left join predecessors as p on p.code = l.code
),

final as (
    select * from described
)

select * from final
order by code
