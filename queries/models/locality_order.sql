-- Every locality's place in the Vietnamese alphabetical order of its name (ICU collation `vi`),
-- computed once with the store: sorting ~15,000 names with a collation on every listing would
-- cost more than the rest of the query.
with

final as (
    select
        code,
        row_number() over (order by name_vi collate vi, code) as name_order
    from localities
)

select * from final
order by code
