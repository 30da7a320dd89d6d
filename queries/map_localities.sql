-- Province-level units for the map with their names over time: one row per code and name era
-- (`locality_eras`: 24 is Bắc Giang until 30 June 2025 and Bắc Ninh from 1 July, 46 Thừa Thiên
-- Huế until 2024), so a figure is named as its locality was at the figure's date.
with

provinces as (
    select
        code,
        level
    from localities
    where level in ('province', 'central_city')
),

eras as (
    select * from locality_eras
),

final as (
    select
        p.code,
        p.level,
        e.name_vi,
        e.name_en,
        e.valid_from,
        e.valid_to
    from provinces as p
    join eras as e on e.code = p.code
)

select * from final
order by code, valid_from
