-- Every locality with its level, whether it has figures, and its years with data; ordered by
-- level group, localities with figures first, then Vietnamese collation of the name. The rows
-- are built with the store (`locality_rows`); counts come from `figure_counts_all`.
with

final as (
    select * exclude (list_order)
    from locality_rows
    order by list_order
)

select * from final
