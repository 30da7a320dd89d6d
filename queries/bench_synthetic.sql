-- Whether the data loaded is the synthetic benchmark set (benchmarks/generate.py): true when
-- there are sources and every one's note starts with 'synthetic'. The app then says so.
with

final as (
    select
        count(*) > 0
        and count(*) = count(*) filter (where note like 'synthetic%') as synthetic
    from sources
)

select * from final
