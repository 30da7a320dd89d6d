-- Every locality's names over time: one row per code and name era, from `locality_names`
-- (Resolution 202/2025/QH15 renamed codes 15, 24, 44, 52, 80, 82, 91; Resolution 175/2024/QH15
-- code 46), and for a code without rows there one era spanning all time with its
-- `localities` name. `valid_from` / `valid_to` are never null (0001-01-01 / 9999-12-31), so a
-- query names a figure by `date between valid_from and valid_to` (its period's end).
-- `era_count`: how many names the code has had (a label adds the era when it is more than one).
with

named as (
    select
        code,
        name_vi,
        name_en,
        coalesce(valid_from, date '0001-01-01') as valid_from,
        coalesce(valid_to, date '9999-12-31') as valid_to
    from locality_names
),

unnamed as (
    select
        l.code,
        l.name_vi,
        l.name_en,
        date '0001-01-01' as valid_from,
        date '9999-12-31' as valid_to
    from localities as l
    where l.code not in (select code from named)
),

eras as (
    select * from named
    union all
    select * from unnamed
),

final as (
    select
        *,
        count(*) over (partition by code) as era_count
    from eras
)

select * from final
order by code, valid_from
