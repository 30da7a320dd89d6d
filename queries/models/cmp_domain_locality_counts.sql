-- Figures per domain and locality (all years), with the locality's display order: so the
-- compare page's heatmap can pick the localities with most figures of a domain without adding
-- up every year of every locality on each view. Sorted by domain, most figures first.
with

final as (
    select
        domain,
        locality_code,
        count(*) as figure_count
    from figures
    group by domain, locality_code
)

select * from final
order by domain, figure_count desc, locality_code
