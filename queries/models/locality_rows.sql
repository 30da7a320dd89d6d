-- Every locality as the locality list shows it (see queries/localities.sql): its level, figure
-- count and years with data, and its place in the list (`list_order`: level group, localities
-- with figures first, then Vietnamese collation of the name). Built with the store, so listing
-- ~15,000 localities joins and sorts nothing at run time.
with

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
            else 6
        end as level_order,
        o.name_order
    from localities as l
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
