-- Every curated figure with its locality, indicator and source, for export and the facts command.
-- $locality (code) and $year (of period end) are optional filters: null means all.
with

final as (
    select
        f.locality_code,
        l.name_vi as locality_name,
        l.name_en as locality_name_en,
        l.level,
        f.body,
        f.period_start,
        f.period_end,
        f.period_kind,
        f.domain,
        f.indicator,
        i.name_vi as indicator_name,
        i.name_en as indicator_name_en,
        f.value,
        i.unit_vi as unit,
        i.unit_vi,
        i.unit_en,
        i.unit_kind,
        i.decimals,
        i.sort_order,
        f.qualifier,
        f.status,
        f.preferred,
        f.flag,
        f.source_id as source,
        s.title as source_title,
        f.quote,
        f.figure_id,
        f.derived_from,
        f.derivation,
        f.note
    from figures as f
    join localities as l on l.code = f.locality_code
    join indicators as i on i.indicator = f.indicator
    join sources as s on s.source_id = f.source_id
    where ($locality is null or f.locality_code = $locality)
      and ($year is null or year(f.period_end) = $year)
)

select * from final
order by locality_code, period_start, period_end, indicator, figure_id
