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
# # Working with the data
#
# Four questions a researcher brings, each answered with the public API: `helpers.analysis`
# returns tidy tables (one row per observation or judged item, numbers as numbers, codes not
# words, the observation ids behind every number), and seaborn draws them. Every cell below is
# the code the page shows folded under its table; change it and run all cells.

# %% tags=["parameters"]
language: str = "en"  # language of the page's words: en (English) or vi (Vietnamese)

# %% tags=["remove-cell"]
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from helpers import data_page, display, i18n, methods_box, plotting  # noqa: E402
from helpers.analysis import mergers, money, targets, trajectories  # noqa: E402
from helpers.format import format_number  # noqa: E402
from helpers.geo import focus_province_ids, geography_name  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

i18n.set_language(language)  # the page's words; the tables are the same in every language
display.new_page()  # each figure's evidence in full once on the page, linked after
plotting.apply_theme()
tr = i18n.tr

# %% tags=["remove-input"]
display.show(data_page.header())

# %%
display.show_code()
dataset = load_dataset()
provinces = focus_province_ids(dataset)  # thai-nguyen, bac-kan, tuyen-quang, ha-giang
names = {g: geography_name(dataset, g) for g in [*provinces, "vn"]}


# %% tags=["remove-input"]
display.show(methods_box.methods_box(dataset, provinces))

# %% tags=["remove-input"]
display.show(data_page.rates_question())

# %%
display.show_code()
rates = trajectories.rates(dataset, [*provinces, "vn"])
year_end = rates[
    (rates["kind"] == "actual")
    & (rates["as_of"] == "year_end")
    & (rates["standard_in_force"] == "2021-2025")
    & rates["year"].between(2021, 2025)
]
# one row per series, one column per year; where sources differ, every value is kept
year_end.pivot_table(
    index=["geography_id", "method"], columns="year", values="value",
    aggfunc=lambda values: " / ".join(f"{v:g}" for v in sorted(set(values))),
).fillna("")  # fmt: skip

# %%
display.show_code()
# x: the year; segment: a series, broken where a year's sources differ (no value is picked)
points = plotting.rate_points(year_end, names)
points["method"] = points["method"].map({"administrative review": tr("review"),
                                         "household survey": tr("survey")})  # fmt: skip
colours = {names[g]: plotting.colour_for(g) for g in names}  # each province keeps its colour
fig, ax = plt.subplots(figsize=(plotting.CHART_WIDTH, 4.2), layout="constrained")
# the legend's headings are the columns' names: give them in the page's language
lines = points[points["on_line"]].rename(columns={"name": tr("province"), "method": tr("method")})
sns.lineplot(
    lines, x="x", y="value", hue=tr("province"), style=tr("method"), units="segment",
    estimator=None, palette=colours, ax=ax,
)  # fmt: skip
sns.scatterplot(points, x="x", y="value", hue="name", palette=colours, legend=False, ax=ax)
ax.set(xlabel="", ylabel=tr("poor households (% of households)"), xticks=range(2021, 2026))
sns.move_legend(
    ax, "upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=plotting.SMALL, title=None
)
title = tr("Poor-household rate, year-end results under the 2021–2025 standard.")
display.show(display.chart(fig, plotting.trajectory_alt(year_end, names), title, dataset, year_end))

# %% tags=["remove-input"]
display.show(data_page.targets_question())

# %%
display.show_code()
verdicts = targets.verdicts(dataset, provinces)
counts = pd.crosstab(verdicts["geography_id"].map(names), verdicts["status"])
counts  # noqa: B018

# %%
display.show_code()
judged = verdicts[verdicts["status"].isin(["met", "not_met", "on_track", "behind"])]
judged[["geography_id", "indicator_id", "period_end", "target_value", "status", "result_value",
        "required_pace", "achieved_pace", "as_of_year"]]  # fmt: skip

# %%
display.show_code()
shown = verdicts.assign(
    province=verdicts["geography_id"].map(names),
    status=verdicts["status"].map(data_page.status_word),
)
palette = {data_page.status_word(code): colour for code, colour in plotting.STATUS_COLOURS.items()}
fig, ax = plt.subplots(figsize=(plotting.CHART_WIDTH, 3.4), layout="constrained")
sns.histplot(
    shown, y="province", hue="status", multiple="stack", discrete=True, shrink=0.7,
    palette=palette, hue_order=[w for w in palette if w in set(shown["status"])], ax=ax,
)  # fmt: skip
ax.set(xlabel=tr("targets"), ylabel="")
ax.xaxis.get_major_locator().set_params(integer=True)
sns.move_legend(
    ax, "upper center", bbox_to_anchor=(0.5, -0.18), ncol=1, fontsize=plotting.SMALL, title=None
)
title = tr("Targets by verdict and province.")
display.show(display.chart(fig, data_page.verdicts_alt(counts), title, dataset, verdicts))

# %% tags=["remove-input"]
display.show(data_page.money_question())

# %%
display.show_code()
funding = money.funding(dataset, provinces)
own = funding[(funding["money_class"] == "programme") & funding["is_total"]]
own[["geography_id", "indicator_id", "period_start", "period_end", "value_vnd_billion",
     "programme_years", "per_programme_year", "poor_households",
     "per_poor_household_vnd_million"]]  # fmt: skip

# %%
display.show_code()
fig = plotting.plot_funding(funding, names)  # a matplotlib Figure: restyle it at will
title = tr("The programme's own allocation per programme year and per poor household.")
display.show(display.chart(fig, plotting.funding_alt(funding, names), title, dataset, own))

# %% tags=["remove-input"]
display.show(data_page.mergers_question())

# %%
display.show_code()
pairs = mergers.merger_pairs(dataset, mergers.successors_of(dataset, provinces))
pd.crosstab(pairs["successor_id"].map(names), pairs["comparable"])

# %%
display.show_code()
paces = trajectories.paces(dataset, provinces)
paces = paces[paces["poverty_standard"] == "2021-2025"]
paces[["geography_id", "method", "start_year", "end_year", "start_value", "end_value",
       "pace_pp_per_year", "formula"]]  # fmt: skip

# %%
display.show_code()
fall = paces.assign(province=paces["geography_id"].map(names), fall=-paces["pace_pp_per_year"])
fig, ax = plt.subplots(figsize=(plotting.CHART_WIDTH, 2.4), layout="constrained")
sns.barplot(fall, y="province", x="fall", hue="province", palette=colours, ax=ax)
for bars in ax.containers:  # each bar's value, in the page's notation
    ax.bar_label(
        bars, labels=[format_number(round(v, 2)) for v in bars.datavalues], fontsize=plotting.SMALL
    )
ax.set(xlabel=tr("percentage points per year, fall"), ylabel="")
title = tr("Average fall per year in the poor-household rate, 2021–2025 standard.")
display.show(display.chart(fig, data_page.paces_alt(paces, names), title, dataset, paces))
