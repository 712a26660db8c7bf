# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["remove-cell"]
# # Comparing the provinces
#
# How do Thái Nguyên, Bắc Kạn, Tuyên Quang and Hà Giang compare, and how much can they be
# compared at all? Set `provinces` in the next cell to compare others, then run all cells.
# The page is built by `helpers.compare_page` from the data.

# %% tags=["parameters"]
provinces: str = ""  # semicolon-separated names; empty means the four focus provinces
language: str = "en"  # language of the page: en (English) or vi (Vietnamese)

# %% tags=["remove-cell"]
from helpers import compare_page, display, i18n, plotting  # noqa: E402
from helpers.geo import focus_province_ids, resolve_geography  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

i18n.set_language(language)  # every text and number below follows it
dataset = load_dataset()
chosen = [resolve_geography(dataset, p) for p in provinces.split(";") if p.strip()]
ids = [str(g["geography_id"]) for g in chosen] or focus_province_ids(dataset)
plotting.apply_theme()

# %% tags=["remove-input"]
display.show(compare_page.header(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.findings(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.rates(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.targets(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.money(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.coverage(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.merger(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.sources(dataset, ids))
