-- view
-- Every figure with the labels every page and export shows it with: its locality, indicator
-- and source. The one figure projection: `facts`, `domain_figures`, `overview_kpis` and the
-- sources page (through its copy sorted by source) select from it rather than repeating the join.
-- Bilingual columns end in `_vi` / `_en`. A view, so a query's filters reach the figures table.
-- A locality is named as it was named at the end of the figure's period (`locality_eras`): code
-- 24 reads Bắc Giang for 2023 and Bắc Ninh for 2025.
with

final as (
    select
        f.figure_id,
        f.domain,
        f.locality_code,
        e.name_vi as locality_name_vi,
        e.name_en as locality_name_en,
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
        s.reliability as source_reliability,
        s.grade as source_grade,
        f.quote,
        f.derived_from,
        f.derivation,
        f.note
    from figures as f
    join localities as l on l.code = f.locality_code
    join locality_eras as e
        on e.code = f.locality_code
        and f.period_end between e.valid_from and e.valid_to
    join indicators as i on i.indicator = f.indicator
    join sources as s on s.source_id = f.source_id
)

select * from final
