-- Every locality with what the 1 July 2025 reorganisation made of it: the unit it became part of
-- (successor) and the units merged into it (predecessors), so either name finds the other.
with

localities_base as (
    select * from localities
),

lineage_base as (
    select * from locality_lineage
    where from_code <> to_code
),

figure_counts as (
    select
        locality_code,
        count(*) as figure_count
    from figures
    group by locality_code
),

successors as (
    select
        l.from_code as code,
        min(l.to_code) as successor_code,
        min(l.effective_date) as successor_since
    from lineage_base as l
    group by l.from_code
),

predecessors as (
    select
        l.to_code as code,
        list(l.from_code order by p.name_vi collate vi) as predecessor_codes,
        list(p.name_vi order by p.name_vi collate vi) as predecessor_names_vi,
        list(p.name_en order by p.name_vi collate vi) as predecessor_names_en
    from lineage_base as l
    join localities_base as p on p.code = l.from_code
    where l.kind = 'merged_into'
    group by l.to_code
),

final as (
    select
        l.code,
        l.name_vi,
        l.name_en,
        l.level,
        l.parent_code,
        l.valid_to,
        l.valid_to is null as is_current,
        coalesce(f.figure_count, 0) as figure_count,
        s.successor_code,
        sl.name_vi as successor_name_vi,
        sl.name_en as successor_name_en,
        s.successor_since,
        coalesce(p.predecessor_codes, []) as predecessor_codes,
        coalesce(p.predecessor_names_vi, []) as predecessor_names_vi,
        coalesce(p.predecessor_names_en, []) as predecessor_names_en,
        case l.level
            when 'central_city' then 1
            when 'province' then 2
            when 'provincial_city' then 3
            when 'district' then 4
            when 'commune' then 5
            else 6
        end as level_order
    from localities_base as l
    left join figure_counts as f on f.locality_code = l.code
    left join successors as s on s.code = l.code
    left join localities_base as sl on sl.code = s.successor_code
    left join predecessors as p on p.code = l.code
)

select * from final
order by
    level_order,
    figure_count = 0,
    name_vi collate vi
