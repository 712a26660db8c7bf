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
# # Poverty standards
#
# Why the same year gives two poverty rates, and how the notebooks keep the two standards
# apart. Set `province` in the next cell, then run all cells.

# %% tags=["parameters"]
province: str = "Bắc Kạn"  # geography whose rates under both standards are shown
language: str = "en"  # language of the page: en (English) or vi (Vietnamese)

# %% tags=["remove-cell"]
from helpers import display, i18n, methods_box, plotting, ranks_page, standards_page  # noqa: E402
from helpers.analysis import standards, trajectories  # noqa: E402
from helpers.geo import resolve_geography  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

i18n.set_language(language)  # every text and number below follows it
display.new_page()  # each figure's evidence in full once on the page, linked after
dataset = load_dataset()
geo_id = str(resolve_geography(dataset, province)["geography_id"])  # unknown: lists valid names
plotting.apply_theme()

# %% tags=["remove-input"]
display.show(standards_page.header(dataset, geo_id))

# %% tags=["remove-input"]
display.show(methods_box.methods_box(dataset))  # the page reads the whole dataset

# %% tags=["remove-input"]
display.show(standards_page.definitions())

# %% [markdown] tags=["remove-cell"]
# ## The series across the break
#
# `rates`: one row per poor-household rate of the geography and the nation, with the standard
# as recorded (`poverty_standard`), the standard in force that year (`standard_in_force`) and
# whether that was inferred (`standard_inferred`).

# %% tags=["remove-cell"]
rates = trajectories.rates(dataset, [geo_id, "vn"])
rates  # noqa: B018

# %% tags=["remove-input"]
display.show(standards_page.series(dataset, geo_id, table=rates))

# %% tags=["remove-input"]
display.show(ranks_page.lines_section(dataset))

# %% [markdown] tags=["remove-cell"]
# ## The households behind each count and rate
#
# `implied`: one row per count and rate of the same place, year and standard, with the
# households the rate is a share of (`implied_total`, and the range its rounding allows).

# %% tags=["remove-cell"]
implied = standards.implied_households(dataset)
implied  # noqa: B018

# %% tags=["remove-input"]
display.show(standards_page.implied(dataset, table=implied))

# %% tags=["remove-input"]
display.show(standards_page.standards_used(dataset))

# %% tags=["remove-input"]
display.show(standards_page.rules())

# %% tags=["remove-input"]
display.show(standards_page.sources(dataset, geo_id))
