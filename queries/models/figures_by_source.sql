-- Every labelled figure again (`labelled_figures`), sorted by source in the order the sources page lists a source's figures,
-- with its place in that order (`source_row`, from 0) and its quote folded as
-- `govdash.text.fold` folds it (lower case, no diacritics, đ → d) for searching. The figures
-- table is sorted by locality, so one source's figures are spread over all of it; here they
-- sit together and a page of them is read from the few row groups that hold it (zone maps).
with

final as (
    select
        *,
        row_number() over (
            partition by source_id
            order by locality_code, period_start, period_end, indicator, figure_id
        ) - 1 as source_row,
        lower(replace(replace(replace(strip_accents(quote), 'đ', 'd'), 'Đ', 'D'), 'Ð', 'D'))
            as quote_folded
    from labelled_figures
)

select * from final
order by source_id, source_row
