-- Each source's searchable words: every distinct word of its title, publisher and id and of its
-- figures' quotes and locality and indicator names (both languages), folded as
-- `govdash.text.fold` folds them (lower case, no diacritics, đ → d), sorted and joined by
-- spaces; one row per source. A search word (folded, without spaces) occurs in a source's
-- texts exactly when it occurs in one of these strings, so ~700 rows answer a search that
-- would otherwise read millions of quotes. Words made only of digits, dots and commas are kept
-- apart (`numbers`, four fifths of the text at national scale): a search word holding any
-- other character can only occur in `words`.
with

-- a locality by the name it had at the figure's date, as every page shows it
localities_used as (
    select distinct source_id, locality_name_vi, locality_name_en
    from labelled_figures
),

indicators_used as (
    select distinct source_id, indicator
    from figures
),

texts as (
    select source_id, quote as text from figures
    union all
    select source_id, locality_name_vi from localities_used
    union all
    select source_id, locality_name_en from localities_used
    union all
    select u.source_id, i.name_vi from indicators_used as u join indicators as i on i.indicator = u.indicator
    union all
    select u.source_id, i.name_en from indicators_used as u join indicators as i on i.indicator = u.indicator
    union all
    select source_id, title from sources
    union all
    select source_id, publisher from sources
    union all
    select source_id, source_id from sources
),

-- Split at spaces, then each distinct piece at the rest of what Python's str.split() takes
-- for whitespace: a regular expression over every quote would cost far more.
pieces as (
    select distinct
        source_id,
        unnest(string_split(text, ' ')) as piece
    from texts
    where text is not null
),

raw_words as (
    select distinct
        source_id,
        unnest(regexp_split_to_array(
            piece,
            '[\t\n\v\f\r\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+'
        )) as word
    from pieces
),

folded_words as (
    select distinct
        source_id,
        lower(replace(replace(replace(strip_accents(word), 'đ', 'd'), 'Đ', 'D'), 'Ð', 'D')) as word
    from raw_words
    where word <> ''
),

final as (
    select
        source_id,
        coalesce(string_agg(word, ' ' order by word)
            filter (where not regexp_full_match(word, '[0-9.,]+')), '') as words,
        coalesce(string_agg(word, ' ' order by word)
            filter (where regexp_full_match(word, '[0-9.,]+')), '') as numbers
    from folded_words
    group by source_id
)

select * from final
order by source_id
