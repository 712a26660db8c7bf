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
# # Comparing the four provinces
#
# How do Thái Nguyên, Bắc Kạn, Tuyên Quang and Hà Giang compare on what the reports say about
# poverty-reduction targets, results and money, and how much can they be compared at all?
# The reports cover different periods, kinds of figure (targets, plans, results) and poverty
# standards; this notebook puts them side by side without hiding those differences. Every
# number is read from the curated dataset.

# %% tags=["parameters"]
provinces: str = ""  # optional: semicolon-separated names to compare; empty = the focus provinces

# %%
from IPython.display import Markdown, display  # noqa: E402

from helpers import captions, compare, facts, geo, plotting, profile, sources  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

dataset = load_dataset()
chosen = [geo.resolve_geography(dataset, p) for p in provinces.split(";") if p.strip()]
geo_ids = [str(g["geography_id"]) for g in chosen] or geo.focus_province_ids(dataset)
names = dict(zip(dataset.geographies["geography_id"], dataset.geographies["name"], strict=True))
plotting.apply_theme()

# %% [markdown]
# ## Load

# %%
Markdown("\n".join(f"- {captions.overview_markdown(dataset, g)}" for g in geo_ids))

# %% [markdown]
# ## Reduction targets and results: how fast should poverty fall, and how fast did it?
#
# Average annual falls of the poor-household rate in percentage points per year. A bar is a
# range, an arrow an open bound ("over 3" may be any value above 3), a hollow marker a target
# or plan. The standard each figure uses is named where the report names it.

# %%
reductions = compare.reduction_comparison(dataset, geo_ids)
captions.show_figure(
    plotting.plot_bounds(
        reductions, "percentage points per year", "Average annual falls", names=names
    ),
    "Average annual falls of the poor-household rate, by province.",
    dataset,
    reductions,
)
captions.show_table(
    profile.display_table(reductions, dataset),
    "Average annual falls of the poor-household rate.",
    dataset,
    reductions,
    empty="No province reports an average annual fall.",
)

# %% [markdown]
# ## Money on a common basis: how much per year, and per poor household?
#
# Amounts are divided by the number of years their period covers, and by the number of poor
# households (2021–2025 standard, a year inside the period) where the same report gives one.
# Periods differ between provinces, and plans are not results, so the rows are not a ranking.

# %%
funding = compare.funding_normalised(dataset, geo_ids)
money = facts.money_facts(facts.facts_for(dataset, geo_ids))
captions.show_figure(
    plotting.plot_per_year(funding, "Funding per year of its period"),
    "Funding per year of the period each amount covers.",
    dataset,
    money,
)
captions.show_table(
    funding[compare.FUNDING_DISPLAY],
    "Funding per year and per poor household.",
    dataset,
    money,
    empty="No province reports programme funding.",
)

# %% [markdown]
# ## Poverty rates: how many households are poor, under which standard?
#
# Rates under different poverty standards are drawn in separate panels and never joined:
# the change of standard in 2021 is not a change in poverty (notebook 03).

# %%
rates = compare.rate_facts(dataset, geo_ids)
if rates.empty:
    display(Markdown("Poverty rates: not reported for any of these provinces."))
else:
    captions.show_figure(
        plotting.plot_rates_by_standard(rates, names),
        "Poor and near-poor household rates, one panel per poverty standard.",
        dataset,
        rates,
    )
    missing = [names[g] for g in geo_ids if g not in set(rates["geography_id"].astype(str))]
    display(captions.bullet_list([f"{m}: rates not reported" for m in missing], empty=""))

# %% [markdown]
# ## Coverage: what does each province report, and what not?

# %%
matrix = compare.coverage_matrix(dataset, geo_ids)
all_facts = facts.facts_for(dataset, geo_ids)
captions.show_figure(
    plotting.plot_coverage(matrix, "What each province reports"),
    "Coverage of every indicator of the dataset, by province.",
    dataset,
    all_facts,
)
captions.show_table(
    compare.coverage_counts(matrix).reset_index(),
    "Number of indicators by coverage level.",
    dataset,
    all_facts,
    empty="No indicators.",
)

# %% [markdown]
# ## After 1 July 2025: which provinces now form one, and what does the data say about each pair?
#
# Which provinces merged is read from `data/geographies.csv` (`province_after_2025`). The
# reports predate the merger, so each figure belongs to a pre-merger province; nothing here
# adds them up.

# %%
captions.show_table(
    compare.reorganisation(dataset),
    "Provinces merged on 1 July 2025 (data/geographies.csv); figures counted in the dataset.",
    dataset,
    all_facts,
    empty="No merged provinces.",
)
Markdown(compare.merger_markdown(dataset))

# %% [markdown]
# ## Sources

# %%
captions.table_html(sources.sources_table(dataset, sources.sources_used(dataset, all_facts)))
