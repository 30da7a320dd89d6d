-- Province-level units for the map: today's names and, for a code that was given a new name
-- (24 Bắc Giang → Bắc Ninh on 1 July 2025, Thừa Thiên Huế → Huế on 1 January 2025), the name it
-- had before and the date of the change, read from the lineage's note, so a figure is named as
-- it was at its date. The English former name is the Vietnamese one without diacritics.
with

localities_base as (
    select
        code,
        name_vi,
        name_en,
        level,
        valid_to
    from localities
    where level in ('province', 'central_city')
),

renames as (
    select
        from_code as code,
        effective_date as renamed_on,
        coalesce(
            nullif(regexp_extract(note, '^Code [0-9]+: (.+?) -> ', 1), ''),
            nullif(regexp_extract(note, '^(.+?) province \(tỉnh\) became', 1), '')
        ) as former_name_vi
    from locality_lineage
    where kind = 'renamed'
      and from_code = to_code
),

successors as (
    select
        from_code as code,
        min(to_code) as successor_code
    from locality_lineage
    where kind = 'merged_into'
      and from_code <> to_code
    group by from_code
),

final as (
    select
        l.code,
        l.name_vi,
        l.name_en,
        l.level,
        l.valid_to,
        s.successor_code,
        r.renamed_on,
        r.former_name_vi,
        replace(replace(strip_accents(r.former_name_vi), 'đ', 'd'), 'Đ', 'D') as former_name_en
    from localities_base as l
    left join renames as r on r.code = l.code
    left join successors as s on s.code = l.code
)

select * from final
order by code
