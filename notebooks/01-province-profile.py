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
# # Province profile
#
# A brief on one geography: what the sources say about the National Target Program for
# Sustainable Poverty Reduction 2021–2025 there, with the evidence for every figure. Set
# `province` in the next cell to any name, id or common spelling of a geography in
# `data/geographies.csv`, then run all cells. The text of the page is built by
# `helpers.profile_page` and `helpers.brief` from the data; nothing below is typed by hand.

# %% tags=["parameters"]
province: str = "Thái Nguyên"  # province, district or nation to profile (any common spelling)
language: str = "en"  # language of the page: en (English) or vi (Vietnamese)

# %% tags=["remove-cell"]
from helpers import config, display, i18n, plotting, profile_page  # noqa: E402
from helpers.geo import resolve_geography  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

i18n.set_language(language)  # every text and number below follows it
dataset = load_dataset()
geo = resolve_geography(dataset, province)  # an unknown name lists the valid ones
geo_id = str(geo["geography_id"])
rendered = {gid: i18n.page_file(f"profile-{gid}") for gid in config.FOCUS_PROVINCES}
plotting.apply_theme()

# %% tags=["remove-input"]
display.show(profile_page.header(dataset, geo_id, rendered))

# %% [markdown]
# ## Key figures

# %% tags=["remove-input"]
display.show(profile_page.key_figures(dataset, geo_id))

# %% [markdown]
# ## Findings

# %% tags=["remove-input"]
display.show(profile_page.findings(dataset, geo_id))

# %% [markdown]
# ## Poverty rates: how many households are poor, and how has that changed?
#
# Rates under the 2016–2020 standard (Decision 59/2015/QĐ-TTg) and the 2021–2025
# multidimensional standard (Decree 07/2021/NĐ-CP) are different measures: they are never
# joined into one line. Administrative review counts and household-survey estimates are
# separate lines too.

# %% tags=["remove-input"]
display.show(profile_page.rates(dataset, geo_id))

# %% [markdown]
# ## Targets against results: was the reduction target met?
#
# A target is *met* or *not met* only against a result of the same measure, period and
# poverty standard; otherwise the table says why the two cannot be compared.

# %% tags=["remove-input"]
display.show(profile_page.targets(dataset, geo_id))

# %% [markdown]
# ## Money: how much, for which years, from which budget?
#
# The programme's own allocation is divided by the years the programme ran in its period
# (it was approved in January 2022). Other money (support policies, loans, earlier
# programmes) is listed but not divided.

# %% tags=["remove-input"]
display.show(profile_page.money(dataset, geo_id))

# %% [markdown]
# ## People reached: who benefited?
#
# Counts of different units (persons, households, person-times) and of overlapping groups
# are never added up.

# %% tags=["remove-input"]
display.show(profile_page.people(dataset, geo_id))

# %% [markdown]
# ## Other figures

# %% tags=["remove-input"]
display.show(profile_page.other(dataset, geo_id))

# %% [markdown]
# ## The seven component projects: which does each source cover?

# %% tags=["remove-input"]
display.show(profile_page.components(dataset, geo_id))

# %% [markdown]
# ## Units inside

# %% tags=["remove-input"]
display.show(profile_page.places(dataset, geo_id, rendered))

# %% [markdown]
# ## What the sources do not say

# %% tags=["remove-input"]
display.show(profile_page.gaps(dataset, geo_id))

# %% [markdown]
# ## Sources
#
# *Verified* figures were checked against the stored text of the source, sentence by
# sentence; *cited* figures are linked to the address of an official or provincial source.

# %% tags=["remove-input"]
display.show(profile_page.sources(dataset, geo_id))
