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
# # Why the same year gives two poverty rates
#
# In 2021 Vietnam moved from the poverty standard of 2016–2020 (Decision 59/2015/QĐ-TTg) to the
# multidimensional standard of 2021–2025 (Decree 07/2021/NĐ-CP). A province reviewing its
# households that year could report both, and the two rates differ widely. This notebook
# explains the two standards, checks that the counts and rates reported under each describe
# the same population of households, and states the rule the other notebooks follow.

# %% tags=["parameters"]
province: str = "Bắc Kạn"  # geography whose rates under both standards are shown

# %%
from IPython.display import Markdown, display  # noqa: E402

from helpers import captions, facts, geo, plotting, sources, standards  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

dataset = load_dataset()
geo = geo.resolve_geography(dataset, province)  # unknown name: lists the valid ones
geo_id, name = str(geo["geography_id"]), str(geo["name"])
plotting.apply_theme()

# %% [markdown]
# ## Load

# %%
Markdown(captions.overview_markdown(dataset, geo_id))

# %% [markdown]
# ## The two standards: what makes a household poor or near-poor?
#
# Both standards combine an income line with deprivations in basic social services. The
# 2016–2020 standard classes a household as poor on low income alone, or on income a little
# above the line together with several deprivations. The 2021–2025 standard raises the income
# lines, adds employment and dependants, nutrition and other indicators, and classes a
# household as poor only when low income and several deprivations go together; low income
# with fewer deprivations makes it near-poor.

# %%
captions.table_html(standards.standards_table())

# %% [markdown]
# *Source: the legal texts named in the first row (transcribed in `helpers.standards`).*
#
# ## Two rates for one year: what do the reports give?

# %%
rates = standards.count_rate_facts(dataset, geo_id)
if rates.empty:
    display(Markdown(f"Rates for {captions.escape_md(name)}: not reported."))
else:
    captions.show_figure(
        plotting.plot_rates_by_standard(rates, {geo_id: name}),
        f"Poor and near-poor household rates in {name}, one panel per standard.",
        dataset,
        rates,
    )
Markdown(captions.headline_markdown(facts.facts_for(dataset, geo_id), name))

# %% [markdown]
# ## The households behind each count and rate: is it the same population?
#
# A count divided by its rate gives the number of households the rate is a share of. If the
# implied totals agree across standards, the gap between the rates comes from the standard,
# not from a different population. Rates are printed rounded, so each total is also given as
# the range that rounding allows.

# %%
implied = standards.implied_households(dataset)
captions.show_table(
    implied.drop(columns=["implied_total", "source_id"]),
    "Households implied by each count-and-rate pair (count ÷ rate).",
    dataset,
    facts.facts_for(dataset, list(dataset.observations["geography_id"].astype(str).unique())).query(
        "source_id in @implied.source_id"
    ),
    empty="No report gives both a count and a rate for the same year and standard.",
)

# %% [markdown]
# ## Which standard do the reports use?
#
# Observations of standard-dependent indicators, by geography and standard. Many reports do
# not name the standard; those figures are labelled "standard not stated".

# %%
captions.table_html(standards.standards_in_use(dataset))

# %% [markdown]
# ## The rule the other notebooks follow
#
# - Every rate, count and reduction is labelled with its poverty standard, or "standard not
#   stated" when the report does not name one.
# - Figures under different standards are never joined by a line or subtracted: charts put
#   them in separate panels, and a change of standard is never read as a change in poverty.
# - A figure whose standard is not stated is shown as reported and not assigned to a standard.
# - Per-household amounts divide only by counts under the 2021–2025 standard, the
#   programme's own.

# %% [markdown]
# ## Sources

# %%
captions.table_html(sources.sources_table(dataset, sources.sources_used(dataset, rates)))
