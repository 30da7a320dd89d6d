-- Every locality with its level, whether it has figures, and its years with data;
-- ordered by level group, then Vietnamese collation of the name (`locality_order`, computed
-- with the store). Counts come from `figure_counts_all`, not from every figure.
with

localities_base as (
    select * from localities
),

figure_years as (
    select
        locality_code,
        cast(sum(figure_count) as bigint) as figure_count,
        min(year) as first_year,
        max(year) as last_year
    from figure_counts_all
    group by locality_code
),

name_order as (
    select * from locality_order
),

final as (
    select
        l.code,
        l.name_vi,
        l.name_en,
        l.level,
        l.parent_code,
        l.valid_from,
        l.valid_to,
        coalesce(f.figure_count, 0) as figure_count,
        f.first_year,
        f.last_year,
        case l.level
            when 'central_city' then 1
            when 'province' then 2
            when 'provincial_city' then 3
            when 'district' then 4
            when 'commune' then 5
            else 6
        end as level_order,
        o.name_order
    from localities_base as l
    left join figure_years as f on f.locality_code = l.code
    left join name_order as o on o.code = l.code
)

select * exclude (name_order) from final
order by
    level_order,
    figure_count = 0,
    name_order
