-- Which localities have figures of some domains ($domains, a list) in which years (of period
-- end) within $year_from..$year_to: how many, how many results (not plans), how many annual.
-- With $locality (a code), only the localities a page offers beside it: itself, every
-- province- and district-level unit, every unidentified one, and the communes of its province
-- (or of no known province); null means every locality. `same_tier_near` marks the ones of its
-- own tier and province (every province for a province), the default comparison; `near` adds
-- its own province to those: what the page offers when the full list is too long to pick from.
-- Read from the store's `figure_counts`, never from the figures. Ordered as the locality list
-- is (level group, then Vietnamese collation of the name).
with

counts as (
    select *
    from figure_counts
    where list_contains($domains, domain)
      and year between $year_from and $year_to
),

main as (
    select tier, province_code
    from locality_tree
    where code = $locality
),

candidates as (
    select
        t.code,
        t.tier,
        t.province_code,
        $locality is null
            or t.code = $locality
            or t.tier in (1, 2, 4)
            or t.province_code is null
            or t.province_code = (select province_code from main) as offered,
        t.tier = (select tier from main)
            and (t.tier = 1 or t.province_code is not distinct from (select province_code from main))
            as same_tier_near,
        t.code = (select province_code from main) as own_province
    from locality_tree as t
),

final as (
    select
        c.locality_code,
        l.name_vi as locality_name_vi,
        l.name_en as locality_name_en,
        l.level,
        c.year,
        sum(c.figure_count)::bigint as figure_count,
        sum(c.figure_count - c.planned_count)::bigint as result_count,
        sum(c.annual_count)::bigint as annual_count,
        l.level_order,
        coalesce(bool_or(k.same_tier_near), false) as same_tier_near,
        coalesce(bool_or(k.same_tier_near or k.own_province), false) as near,
        any_value(o.name_order) as name_order
    from counts as c
    join candidates as k on k.code = c.locality_code and k.offered
    join locality_rows as l on l.code = c.locality_code
    join locality_order as o on o.code = c.locality_code
    group by c.locality_code, l.name_vi, l.name_en, l.level, l.level_order, c.year
)

select * exclude (name_order) from final
order by level_order, name_order, year
