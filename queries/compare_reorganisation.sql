-- When the reorganisation took effect: the earliest date a locality became part of another
-- (`cmp_localities`, from locality_lineage), null when the data holds none. Charts mark the
-- break there.
with

final as (
    select min(successor_since) as first_date
    from cmp_localities
)

select * from final
