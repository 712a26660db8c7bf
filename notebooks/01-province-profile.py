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

# %% [markdown]
# # Province profile: what the reports say about one province
#
# What do the five source reports say about the National Target Program for Sustainable
# Poverty Reduction 2021–2025 in one province, what do they leave out, and where does each
# figure come from? Set `province` below to any geography with observations in
# `data/geographies.csv` (the four focus provinces are Thái Nguyên, Bắc Kạn, Tuyên Quang and
# Hà Giang). Every number below is read from the curated dataset; none is typed by hand.

# %% tags=["parameters"]
province: str = "Thái Nguyên"  # province or district to profile, as named in data/geographies.csv

# %%
from IPython.display import Markdown, display  # noqa: E402

from helpers import analysis, captions, compare, plotting  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

dataset = load_dataset()
geo = analysis.resolve_geography(dataset, province)  # unknown name: lists the valid ones
geo_id, name = str(geo["geography_id"]), str(geo["name"])
plotting.apply_theme()

# %% [markdown]
# ## Load
#
# The dataset's figures for this geography, one row per statement of a report (a range such as
# "2–2.5%" is one statement).

# %%
profile = analysis.facts_for(dataset, geo_id)
display(Markdown(f"# {captions.escape_md(name)}"))
Markdown(analysis.overview_markdown(dataset, geo_id))

# %% [markdown]
# ## Headline: how many households are poor or near-poor?
#
# The poor and near-poor household rates and counts the reports give, each with its poverty
# standard and period. Figures under different standards are not comparable (see notebook 03).

# %%
headline = analysis.headline_facts(profile)
display(Markdown(analysis.headline_markdown(profile, name)))
if not headline.empty and (headline["unit"] == "percent").any():
    rates = analysis.select(headline, units=["percent"], totals_only=True)
    figure = plotting.plot_rates_by_standard(rates, {geo_id: name})
    captions.show_figure(figure, f"Household rates in {name}, by poverty standard.", dataset, rates)
captions.show_table(
    analysis.display_table(headline, dataset),
    f"Headline figures for {name}.",
    dataset,
    headline,
    empty=f"Headline rates and counts for {name}: not reported.",
)

# %% [markdown]
# ## Targets against results: how fast should the poor-household rate fall, and how fast did it?
#
# Annual reductions of the poor-household rate, overall, for ethnic-minority households and for
# poor districts. A bar is a range; an arrow is an open bound ("over", "at least" point right,
# "below" points left); hollow markers are targets or plans, filled ones results.

# %%
reductions = analysis.reduction_facts(profile)
if not reductions.empty:
    xlabel = "percentage points (per year where an average)"
    figure = plotting.plot_bounds(reductions, xlabel, f"Reductions — {name}")
    captions.show_figure(figure, f"Reductions of poverty rates, {name}.", dataset, reductions)
captions.show_table(
    analysis.target_vs_result(profile),
    f"Targets and results side by side, {name}.",
    dataset,
    reductions,
    empty=f"Reductions of the poor-household rate for {name}: not reported.",
)

# %% [markdown]
# ## Money: how much was allocated, from which budget, for what kind of spending?
#
# Programme funding, its split by budget source (central, local) and spending type
# (development investment, recurrent), amounts per year where the report states a period,
# and loans and support policies.

# %%
money = analysis.money_facts(profile)
funding = compare.funding_normalised(dataset, [geo_id])
captions.show_table(
    analysis.display_table(money, dataset),
    f"Amounts reported for {name}.",
    dataset,
    money,
    empty=f"Funding and support amounts for {name}: not reported.",
)
captions.show_table(
    funding[compare.FUNDING_DISPLAY],
    f"Programme funding of {name} per year of its period and per poor household.",
    dataset,
    money,
    empty=f"Programme funding for {name}: not reported.",
)

# %%
money_parts = analysis.breakdown_facts(money)
if not money_parts.empty:
    figure = plotting.plot_parts(money_parts, plotting.colour_for(geo_id), f"Funding — {name}")
    captions.show_figure(figure, f"Amounts by part, {name}.", dataset, money_parts)

# %% [markdown]
# ## People reached: who benefited, by group and by component project?
#
# Beneficiaries broken down by group (poor, near-poor, newly escaped poverty, ethnic minority,
# people with disabilities and others), as the reports split them.

# %%
people = analysis.people_facts(profile)
people_parts = analysis.breakdown_facts(people)
if not people_parts.empty:
    figure = plotting.plot_parts(people_parts, plotting.colour_for(geo_id), f"Reached — {name}")
    captions.show_figure(figure, f"People and households reached, {name}.", dataset, people_parts)
captions.show_table(
    analysis.display_table(people, dataset),
    f"People and households reached in {name}.",
    dataset,
    people,
    empty=f"People reached in {name}: not reported.",
)

# %% [markdown]
# ## The seven component projects: what do the reports say about each, and which are silent?

# %%
captions.show_table(
    analysis.component_summary(profile, dataset.indicators),
    f"Indicators reported for {name}, by programme component.",
    dataset,
    profile,
    empty="No indicators.",
)
captions.show_table(
    analysis.display_table(profile, dataset),
    f"Every figure the dataset holds for {name}.",
    dataset,
    profile,
    empty=f"No figures for {name}.",
)

# %% [markdown]
# ## Districts: what do the reports say about districts inside the province?

# %%
districts = analysis.child_geographies(dataset, geo_id)
district_facts = analysis.facts_for(dataset, list(districts["geography_id"].astype(str)))
captions.show_table(
    analysis.display_table(district_facts, dataset),
    f"Figures for districts of {name}.",
    dataset,
    district_facts,
    empty=f"District figures inside {name}: not reported.",
)

# %% [markdown]
# ## Data gaps: what is not reported for this geography?
#
# Indicators of the dataset for which no report gives a figure here. Missing is missing:
# none of these is zero, and none is filled in elsewhere in the notebooks.

# %%
Markdown(analysis.data_gaps_markdown(dataset, geo_id))

# %% [markdown]
# ## Sources
#
# Every report behind the figures above: publisher and date as printed (or inferred, and how).

# %%
captions.table_html(analysis.sources_table(dataset, analysis.sources_used(dataset, profile)))
