-- Every source with how many figures it provides.
with

figure_counts as (
    select source_id, figure_count
    from source_figure_counts
),

final as (
    select
        s.source_id,
        s.title,
        s.publisher,
        s.published,
        s.kind,
        s.file,
        s.url,
        s.reliability,
        s.grade,
        s.note,
        coalesce(c.figure_count, 0) as figure_count
    from sources as s
    left join figure_counts as c on c.source_id = s.source_id
)

select * from final
order by kind, published, source_id
