-- One source's figures as the sources page lists them, a page at a time ($limit of them from
-- $offset, in `source_row` order; $limit null for all), in the columns of `labelled_figures`. $search is
-- the search box folded by `govdash.text.fold` ('' for none): a figure is kept when each of
-- its words occurs in the figure's quote, locality or indicator name (either language) or the
-- source's title, publisher or id. `source_row` is the figure's place among all the source's
-- figures; `match_count` how many figures are kept in all (for "1–200 of N").
with

-- The names a figure is searched by, folded as govdash.text.fold folds them (the quotes are
-- folded in the model), once per locality, indicator and source rather than once per figure.
source_localities as (
    select distinct locality_code
    from figures_by_source
    where source_id = $source_id
),

localities_folded as materialized (
    select
        l.code,
        lower(replace(replace(replace(strip_accents(concat_ws(' ', l.name_vi, l.name_en)),
            'đ', 'd'), 'Đ', 'D'), 'Ð', 'D')) as folded
    from source_localities as u
    join localities as l on l.code = u.locality_code
),

indicators_folded as materialized (
    select
        indicator,
        lower(replace(replace(replace(strip_accents(concat_ws(' ', name_vi, name_en)),
            'đ', 'd'), 'Đ', 'D'), 'Ð', 'D')) as folded
    from indicators
),

source_folded as materialized (
    select
        source_id,
        lower(replace(replace(replace(strip_accents(concat_ws(' ', title, publisher, source_id)),
            'đ', 'd'), 'Đ', 'D'), 'Ð', 'D')) as folded
    from sources
    where source_id = $source_id
),

-- Without a search, the page asked for is a range of places, read directly.
whole_page as (
    select
        f.source_row,
        c.figure_count as match_count
    from figures_by_source as f
    join source_figure_counts as c on c.source_id = f.source_id
    where f.source_id = $source_id
      and coalesce($search, '') = ''
      and f.source_row >= $offset
      and f.source_row < $offset + coalesce($limit, c.figure_count)
),

-- With one, each figure's texts (materialized, so that the word test runs as a plain filter
-- rather than inside a join), those holding every word, and the page of them asked for.
searched_texts as materialized (
    select
        f.source_row,
        f.quote_folded,
        l.folded as locality_folded,
        i.folded as indicator_folded,
        s.folded as source_folded
    from figures_by_source as f
    join localities_folded as l on l.code = f.locality_code
    join indicators_folded as i on i.indicator = f.indicator
    join source_folded as s on s.source_id = f.source_id
    where f.source_id = $source_id
      and coalesce($search, '') <> ''
),

searched_page as (
    select
        source_row,
        count(*) over () as match_count
    from searched_texts
    where list_bool_and(list_transform(
              list_filter(string_split(coalesce($search, ''), ' '), lambda w: w <> ''),
              -- a word holds no space, so it never spans two of these texts
              lambda x: contains(quote_folded, x) or contains(locality_folded, x)
                        or contains(indicator_folded, x) or contains(source_folded, x)))
    order by source_row
    limit $limit
    offset $offset
),

kept as (
    select * from whole_page
    union all
    select * from searched_page
),

final as (
    select
        f.* exclude (quote_folded),
        k.match_count
    from figures_by_source as f
    join kept as k on k.source_row = f.source_row
    where f.source_id = $source_id
)

select * from final
order by source_row
