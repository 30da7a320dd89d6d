-- Every locality as the locality list shows it (see queries/localities.sql): its level, figure
-- count and years with data, and its place in the list (`list_order`: level group, localities
-- with figures first, then Vietnamese collation of the name). Built with the store, so listing
-- ~15,000 localities joins and sorts nothing at run time. `other_names_vi` / `_en`: the names the
-- code carried in other periods (`locality_eras`; "Bắc Giang" for code 24, named Bắc Ninh
-- today), empty when it never changed, so a picker shows and finds them.
with

other_names as (
    select
        e.code,
        string_agg(e.name_vi, ', ' order by e.valid_from) as other_names_vi,
        string_agg(e.name_en, ', ' order by e.valid_from) as other_names_en
    from locality_eras as e
    join localities as l on l.code = e.code
    where e.name_vi <> l.name_vi
    group by e.code
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

rows as (
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
            when 'region' then 6
            else 7
        end as level_order,
        coalesce(n.other_names_vi, '') as other_names_vi,
        coalesce(n.other_names_en, '') as other_names_en,
        o.name_order
    from localities as l
    left join other_names as n on n.code = l.code
    left join figure_years as f on f.locality_code = l.code
    left join locality_order as o on o.code = l.code
),

final as (
    select
        * exclude (name_order),
        row_number() over (order by level_order, figure_count = 0, name_order) as list_order
    from rows
)

select * from final
order by list_order
