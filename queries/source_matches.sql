-- The sources whose texts (title, publisher, id, and their figures' quotes and locality and
-- indicator names in both languages) hold every word of $search, the search box folded by
-- `govdash.text.fold`; each word may sit in a different text. Every source when $search is ''.
-- A word of digits, dots and commas only may also sit in a number (see the source_terms model).
with

final as (
    select t.source_id
    from source_terms as t
    where coalesce(list_bool_and(list_transform(
        list_filter(string_split(coalesce($search, ''), ' '), lambda w: w <> ''),
        lambda x: contains(t.words, x)
                  or (regexp_full_match(x, '[0-9.,]+') and contains(t.numbers, x)))), true)
)

select * from final
order by source_id
