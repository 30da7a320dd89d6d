-- Council sessions of some localities ($localities, a list of codes) from the session register:
-- those dated within $year_from..$year_to (by start date, else end date) and those whose date
-- no source gives (kept, so the page can say they exist), with locality and source names.
with

register as (
    select
        *,
        coalesce(start_date, end_date) as known_date
    from session_register
    where list_contains($localities, locality_code)
),

final as (
    select
        r.session_id,
        r.locality_code,
        coalesce(e.name_vi, l.name_vi) as locality_name_vi,
        coalesce(e.name_en, l.name_en) as locality_name_en,
        l.level,
        r.term,
        r.session_number,
        r.kind,
        r.status,
        r.start_date,
        r.end_date,
        r.known_date,
        year(r.known_date) as year,
        r.resolutions_passed,
        r.resolutions_qualifier,
        r.resolutions_status,
        r.source_id,
        s.title as source_title,
        s.publisher as source_publisher,
        r.quote,
        r.note
    from register as r
    join localities as l on l.code = r.locality_code
    left join locality_eras as e
        on e.code = r.locality_code
        and r.known_date between e.valid_from and e.valid_to
    join sources as s on s.source_id = r.source_id
    where r.known_date is null
       or year(r.known_date) between $year_from and $year_to
)

select * from final
order by locality_code, known_date nulls last, session_number, session_id
