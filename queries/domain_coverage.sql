-- Which localities have figures of some domains ($domains, a list) in which years (of period
-- end) within $year_from..$year_to: how many, how many results (not plans), how many annual.
-- Ordered as the locality list is (level group, then Vietnamese collation of the name).
with

selected_figures as (
    select *
    from figures
    where list_contains($domains, domain)
      and year(period_end) between $year_from and $year_to
),

final as (
    select
        f.locality_code,
        l.name_vi as locality_name,
        l.name_en as locality_name_en,
        l.level,
        year(f.period_end) as year,
        count(*) as figure_count,
        count(*) filter (where f.status <> 'planned') as result_count,
        count(*) filter (where f.period_kind = 'year') as annual_count,
        case l.level
            when 'central_city' then 1
            when 'province' then 2
            when 'provincial_city' then 3
            when 'district' then 4
            when 'commune' then 5
            else 6
        end as level_order
    from selected_figures as f
    join localities as l on l.code = f.locality_code
    group by f.locality_code, l.name_vi, l.name_en, l.level, year(f.period_end)
)

select * from final
order by level_order, locality_name collate vi, year
