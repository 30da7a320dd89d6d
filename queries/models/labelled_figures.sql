-- view
-- Every figure with the labels every page and export shows it with: its locality, indicator
-- and source. The one figure projection: `facts`, `domain_figures`, `overview_kpis` and the
-- sources page (through its copy sorted by source) select from it rather than repeating the join.
-- Bilingual columns end in `_vi` / `_en`. A view, so a query's filters reach the figures table.
with

final as (
    select
        f.figure_id,
        f.domain,
        f.locality_code,
        l.name_vi as locality_name_vi,
        l.name_en as locality_name_en,
        l.level,
        f.body,
        f.indicator,
        i.name_vi as indicator_name_vi,
        i.name_en as indicator_name_en,
        i.unit_vi,
        i.unit_en,
        i.unit_kind,
        i.decimals,
        i.summable,
        i.higher_is_better,
        i.max_value,
        i.share_group,
        i.headline,
        i.sort_order,
        f.period_start,
        f.period_end,
        f.period_kind,
        year(f.period_end) as year,
        f.value,
        f.qualifier,
        f.status,
        f.preferred,
        f.flag,
        f.source_id,
        s.title as source_title,
        s.publisher as source_publisher,
        f.quote,
        f.derived_from,
        f.derivation,
        f.note
    from figures as f
    join localities as l on l.code = f.locality_code
    join indicators as i on i.indicator = f.indicator
    join sources as s on s.source_id = f.source_id
)

select * from final
