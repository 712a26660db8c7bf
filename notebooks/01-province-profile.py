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
# `data/geographies.csv` and `language` to `en` or `vi`, then run all cells. Every heading and
# sentence of the page, in either language, is built by `helpers.profile_page` and
# `helpers.brief` from the data (their words are in `src/helpers/locale/`); nothing below is typed
# by hand.

# %% tags=["parameters"]
province: str = "Thái Nguyên"  # province, district or nation to profile (any common spelling)
language: str = "en"  # language of the page: en (English) or vi (Vietnamese)

# %% tags=["remove-cell"]
from helpers import config, display, i18n, methods_box, plotting, profile_page, ranks_page  # noqa: E402
from helpers.analysis import ranks, targets, trajectories  # noqa: E402
from helpers.geo import resolve_geography  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

i18n.set_language(language)  # every text and number below follows it
display.new_page()  # each figure's evidence in full once on the page, linked after
dataset = load_dataset()
geo = resolve_geography(dataset, province)  # an unknown name lists the valid ones
geo_id = str(geo["geography_id"])
rendered = {gid: i18n.page_file(f"profile-{gid}") for gid in config.FOCUS_PROVINCES}
plotting.apply_theme()

# %% tags=["remove-input"]
display.show(profile_page.header(dataset, geo_id, rendered))

# %% tags=["remove-input"]
display.show(profile_page.key_figures(dataset, geo_id))

# %% [markdown] tags=["remove-cell"]
# ## Poverty rates
#
# `rates`: one row per poor-household rate of the geography and of the nation (results,
# estimates and targets), with its series (geography, standard in force and method), the year
# it is for, its date and `as_of` where it stands inside a year ("to date", mid-year), and its
# observation id. The chart draws the results, one line per series.

# %% tags=["remove-cell"]
rates = trajectories.rates(dataset, [geo_id, "vn"])
rates  # noqa: B018

# %% tags=["remove-input"]
display.show(profile_page.rates(dataset, geo_id, table=rates))

# %% tags=["remove-input"]
display.show(profile_page.findings(dataset, geo_id))

# %% tags=["remove-input"]
display.show(methods_box.methods_box(dataset, [geo_id]))

# %% [markdown] tags=["remove-cell"]
# ## Among all provinces
#
# `standing`: one row per year the statistics office's household-survey tables give the
# geography a rate: the rate, its rank among the provinces with a rate that year (1 = highest;
# ties share the best rank), how many were ranked, its region's and the nation's rates, the
# poverty line of that year (inferred or printed) and the observation ids of all three.

# %% tags=["remove-cell"]
standing = ranks.province_ranks(dataset, geo_id)
standing  # noqa: B018

# %% tags=["remove-input"]
display.show(ranks_page.profile_section(dataset, geo_id, table=standing))

# %% [markdown] tags=["remove-cell"]
# ## Targets against results
#
# `verdicts`: one row per reduction or rate target, with its status and reason codes, the
# result or pace it was judged against, and the observation ids behind both.

# %% tags=["remove-cell"]
verdicts = targets.verdicts(dataset, [geo_id])
verdicts  # noqa: B018

# %% tags=["remove-input"]
display.show(profile_page.targets(dataset, geo_id, table=verdicts))

# %% tags=["remove-input"]
display.show(profile_page.money(dataset, geo_id))

# %% tags=["remove-input"]
display.show(profile_page.people(dataset, geo_id))

# %% tags=["remove-input"]
display.show(profile_page.other(dataset, geo_id))

# %% tags=["remove-input"]
display.show(profile_page.components(dataset, geo_id))

# %% tags=["remove-input"]
display.show(profile_page.places(dataset, geo_id, rendered))

# %% tags=["remove-input"]
display.show(profile_page.gaps(dataset, geo_id))

# %% tags=["remove-input"]
display.show(profile_page.sources(dataset, geo_id))
