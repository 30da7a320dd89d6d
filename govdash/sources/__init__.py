"""Nguồn dữ liệu (Sources): every document and page, its figures and quotes, and links to them.

- `links`: `source_link` and reading `src` / `fig` back from the address.
- `paging`: search filtering, ordering and page counts of the list.
- `ui`: the Streamlit page (the only module here that imports Streamlit).

May import the core only.
"""
