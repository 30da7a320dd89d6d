-- Every name a locality code carried in a period, where it changed (`locality_names`), for the
-- name resolver (`govdash.localities.Resolver`): "Bắc Giang" finds code 24.
with

final as (
    select
        code,
        name_vi,
        name_en,
        valid_from,
        valid_to
    from locality_names
)

select * from final
order by code, valid_from nulls first
