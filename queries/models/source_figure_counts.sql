-- How many figures each source provides.
with

final as (
    select
        source_id,
        count(*) as figure_count
    from figures
    group by source_id
)

select * from final
order by source_id
