-- Every locality's tier (0 region, 1 province level, 2 district level, 3 commune, 4 unidentified; as
-- `charts.TIER`) and the province-level unit it lies in (itself for a province; null when the
-- chain of parents never reaches one, as for the unnamed city and its commune). Built with the
-- store so a page can offer "the localities near this one" without walking parents at run time.
with recursive

tiers as (
    select
        code,
        parent_code,
        case level
            when 'central_city' then 1
            when 'province' then 1
            when 'provincial_city' then 2
            when 'district' then 2
            when 'commune' then 3
            when 'region' then 0
            else 4
        end as tier
    from localities
),

walk(code, ancestor, ancestor_tier, depth) as (
    select code, code, tier, 0
    from tiers
    union all
    select w.code, t.parent_code, p.tier, w.depth + 1
    from walk as w
    join tiers as t on t.code = w.ancestor
    join tiers as p on p.code = t.parent_code
    where w.ancestor_tier <> 1 and w.depth < 8
),

provinces as (
    select code, min(ancestor) as province_code
    from walk
    where ancestor_tier = 1
    group by code
),

final as (
    select
        t.code,
        t.tier,
        p.province_code
    from tiers as t
    left join provinces as p on p.code = t.code
)

select * from final
order by code
