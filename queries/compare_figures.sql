-- Figures of one indicator for the chosen localities and years (of period end), shaped for the
-- compare views: one row per figure and series.
--
-- $bounds = 'published': every figure keeps the locality it was published for.
-- $bounds = 'current' (today's boundaries): a chosen locality also takes in the localities merged
-- into it (locality_lineage, kind merged_into). For a summable indicator, figures of periods that
-- end before the merger are added over the successor and its predecessors, but only when every
-- one of them has a preferred figure for the same body, period and status family (planned or
-- not); otherwise the row is incomplete and has no value. A sum is `derived` (`planned` for
-- plans). A non-summable indicator is never added: each predecessor stays a series of its own.
--
-- `series_name_vi` / `_en`: the series' locality as it was named at the end of the row's period
-- (`locality_eras`: code 24 is Bắc Giang in 2023, Bắc Ninh in 2025); `series_era_count`: how
-- many names that code has had.
-- `chartable`: preferred, a result (not planned), a full year, with a value.
-- `rank`: competition rank (1, 2, 2, 4) of the chartable rows of one year and body, largest first.
with

indicator_base as (
    select * from indicators
    where indicator = $indicator
),

selected as (
    select
        unnest(cast($localities as varchar[])) as code,
        generate_subscripts(cast($localities as varchar[]), 1) as position
),

lineage_base as (
    select
        from_code,
        to_code,
        effective_date
    from locality_lineage
    where kind = 'merged_into'
      and from_code <> to_code
      and effective_date <= current_date
),

members as (
    select
        code as series_code,
        position,
        code as member_code,
        'self' as role,
        cast(null as date) as merged_on
    from selected
    union all
    select
        s.code as series_code,
        s.position,
        l.from_code as member_code,
        'predecessor' as role,
        l.effective_date as merged_on
    from selected as s
    join lineage_base as l on l.to_code = s.code
    where $bounds = 'current'
),

series_base as (
    select
        series_code,
        min(position) as position,
        count(distinct member_code) as member_count,
        min(merged_on) as merged_on
    from members
    group by series_code
),

member_figures as (
    select
        m.series_code,
        m.member_code,
        m.role,
        s.position,
        s.member_count,
        s.merged_on,
        f.*,
        case when f.status = 'planned' then 'planned' else 'result' end as family,
        i.summable
            and s.member_count > 1
            and f.period_end < s.merged_on as to_add
    from members as m
    join series_base as s on s.series_code = m.series_code
    join figures as f on f.locality_code = m.member_code
    join indicator_base as i on i.indicator = f.indicator
    where ($body is null or f.body = $body)
      and year(f.period_end) between $year_from and $year_to
),

-- figures shown as published: every figure outside a sum, each predecessor as its own series
as_published as (
    select
        case when f.role = 'predecessor' then f.member_code else f.series_code end as series_code,
        f.series_code as parent_code,
        f.role as series_role,
        f.position,
        f.locality_code,
        f.body,
        f.period_start,
        f.period_end,
        f.period_kind,
        f.value,
        f.qualifier,
        f.status,
        f.status = 'estimated' as includes_estimate,
        f.preferred,
        f.flag,
        f.figure_id,
        f.source_id,
        f.quote,
        f.derivation,
        f.note,
        false as derived,
        true as complete,
        cast(null as varchar[]) as component_ids,
        cast(null as varchar[]) as component_codes,
        cast(null as double[]) as component_values,
        cast(null as varchar[]) as component_qualifiers,
        cast(null as varchar[]) as component_statuses,
        cast(null as varchar[]) as component_sources,
        cast(null as varchar[]) as component_quotes,
        cast(null as varchar[]) as missing_codes,
        f.merged_on
    from member_figures as f
    where not f.to_add
),

addends as (
    select
        *,
        row_number() over (
            partition by series_code, member_code, body, period_start, period_end, period_kind, family
            order by case status when 'reported' then 1 when 'derived' then 2 else 3 end, figure_id
        ) as pick
    from member_figures
    where to_add
      and preferred
),

sums as (
    select
        series_code,
        any_value(position) as position,
        any_value(member_count) as member_count,
        any_value(merged_on) as merged_on,
        body,
        period_start,
        period_end,
        period_kind,
        family,
        count(distinct member_code) as present_count,
        sum(value) as total,
        case
            when bool_and(qualifier = 'exact') then 'exact'
            when bool_and(qualifier in ('exact', 'over')) then 'over'
            when bool_and(qualifier in ('exact', 'under')) then 'under'
            else 'about'
        end as qualifier,
        bool_or(status = 'estimated') as includes_estimate,
        string_agg(distinct flag, ';') as flag,
        list(figure_id order by role desc, member_code) as component_ids,
        list(member_code order by role desc, member_code) as component_codes,
        list(value order by role desc, member_code) as component_values,
        list(qualifier order by role desc, member_code) as component_qualifiers,
        list(status order by role desc, member_code) as component_statuses,
        list(source_id order by role desc, member_code) as component_sources,
        list(quote order by role desc, member_code) as component_quotes
    from addends
    where pick = 1
    group by series_code, body, period_start, period_end, period_kind, family
),

missing as (
    select
        s.series_code,
        s.body,
        s.period_start,
        s.period_end,
        s.period_kind,
        s.family,
        list(m.member_code order by m.role desc, m.member_code) as missing_codes
    from sums as s
    join members as m on m.series_code = s.series_code
    where not list_contains(s.component_codes, m.member_code)
    group by s.series_code, s.body, s.period_start, s.period_end, s.period_kind, s.family
),

added as (
    select
        s.series_code,
        s.series_code as parent_code,
        'merged' as series_role,
        s.position,
        s.series_code as locality_code,
        s.body,
        s.period_start,
        s.period_end,
        s.period_kind,
        case when s.present_count = s.member_count then s.total end as value,
        s.qualifier,
        case when s.family = 'planned' then 'planned' else 'derived' end as status,
        s.includes_estimate,
        true as preferred,
        s.flag,
        cast(null as varchar) as figure_id,
        cast(null as varchar) as source_id,
        array_to_string(s.component_quotes, ' | ') as quote,
        cast(null as varchar) as derivation,
        cast(null as varchar) as note,
        true as derived,
        s.present_count = s.member_count as complete,
        s.component_ids,
        s.component_codes,
        s.component_values,
        s.component_qualifiers,
        s.component_statuses,
        s.component_sources,
        s.component_quotes,
        m.missing_codes,
        s.merged_on
    from sums as s
    left join missing as m
        on m.series_code = s.series_code
        and m.body = s.body
        and m.period_start = s.period_start
        and m.period_end = s.period_end
        and m.period_kind = s.period_kind
        and m.family = s.family
),

combined as (
    select * from as_published
    union all by name
    select * from added
),

charted as (
    select
        *,
        year(period_end) as year,
        preferred
            and status <> 'planned'
            and period_kind = 'year'
            and value is not null as chartable,
        merged_on is not null and period_end < merged_on as before_merger
    from combined
),

final as (
    select
        c.series_code,
        c.parent_code,
        c.series_role,
        c.position,
        ls.name_vi as series_name_vi,
        ls.name_en as series_name_en,
        ls.era_count as series_era_count,
        c.locality_code,
        c.body,
        c.period_start,
        c.period_end,
        c.period_kind,
        c.year,
        c.value,
        c.qualifier,
        c.status,
        c.includes_estimate,
        c.preferred,
        c.flag,
        c.figure_id,
        c.source_id,
        s.title as source_title,
        s.publisher as source_publisher,
        c.quote,
        c.derivation,
        c.note,
        c.derived,
        c.complete,
        c.component_ids,
        c.component_codes,
        c.component_values,
        c.component_qualifiers,
        c.component_statuses,
        c.component_sources,
        c.component_quotes,
        c.missing_codes,
        c.before_merger,
        c.chartable,
        case when c.chartable then rank() over (
            partition by c.chartable, c.year, c.body
            order by c.value desc
        ) end as rank
    from charted as c
    join locality_eras as ls
        on ls.code = c.series_code
        and c.period_end between ls.valid_from and ls.valid_to
    left join sources as s on s.source_id = c.source_id
)

select * from final
order by
    position,
    series_role = 'predecessor',
    series_code,
    body,
    period_start,
    period_end,
    status = 'planned',
    figure_id
