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
from helpers import compare_page, display, i18n, methods_box, plotting, ranks_page  # noqa: E402
from helpers.analysis import coverage, mergers, money, targets, trajectories  # noqa: E402
from helpers.geo import focus_province_ids, resolve_geography  # noqa: E402
from helpers.load import load_dataset  # noqa: E402

i18n.set_language(language)  # every text and number below follows it
display.new_page()  # each figure's evidence in full once on the page, linked after
dataset = load_dataset()
chosen = [resolve_geography(dataset, p) for p in provinces.split(";") if p.strip()]
ids = [str(g["geography_id"]) for g in chosen] or focus_province_ids(dataset)
plotting.apply_theme()

# %% tags=["remove-input"]
display.show(compare_page.header(dataset, ids))

# %% tags=["remove-input"]
display.show(compare_page.findings(dataset, ids))

# %% tags=["remove-input"]
display.show(methods_box.methods_box(dataset, ids))

# %% [markdown] tags=["remove-cell"]
# ## Poverty rates over time
#
# `rates`: one row per poor-household rate of the provinces and the nation, with its series
# (geography, standard in force and method), year, date and `as_of`, and observation id. The
# chart draws the results of the series of two or more years.

# %% tags=["remove-cell"]
rates = trajectories.rates(dataset, [*ids, "vn"])
rates  # noqa: B018

# %% tags=["remove-input"]
display.show(compare_page.rates(dataset, ids, table=rates))

# %% [markdown] tags=["remove-cell"]
# ## Among all provinces
#
# `standing`: the focus provinces' rows of the statistics office's ranking of every province by
# its household-survey rate, year by year (`helpers.analysis.ranks.survey_ranks`).

# %% tags=["remove-cell"]
standing = ranks_page.compare_table(dataset, ids)
standing  # noqa: B018

# %% tags=["remove-input"]
display.show(ranks_page.compare_section(dataset, ids, table=standing))

# %% [markdown] tags=["remove-cell"]
# ## Reduction targets
#
# `verdicts`: one row per target of each province, with its status and reason codes.

# %% tags=["remove-cell"]
verdicts = targets.verdicts(dataset, ids)
verdicts  # noqa: B018

# %% tags=["remove-input"]
display.show(compare_page.targets(dataset, ids, table=verdicts))

# %% [markdown] tags=["remove-cell"]
# ## Money
#
# `funding`: one row per amount of money, classed (`money_class`: the programme's own
# allocation, another programme, a support policy ...), with its programme years, the amount per
# programme year and, where a matching count of poor households exists, per poor household.

# %% tags=["remove-cell"]
funding = money.funding(dataset, ids)
funding  # noqa: B018

# %% tags=["remove-input"]
display.show(compare_page.money(dataset, ids, table=funding))

# %% [markdown] tags=["remove-cell"]
# ## Coverage
#
# `reported`: one row per province and indicator, with its coverage level code and how many
# results and targets the data hold.

# %% tags=["remove-cell"]
reported = coverage.coverage(dataset, ids)
reported  # noqa: B018

# %% tags=["remove-input"]
display.show(compare_page.coverage(dataset, ids))

# %% [markdown] tags=["remove-cell"]
# ## The merged provinces
#
# `pairs`: one row per pair of figures of one indicator from the two members of a province
# merged on 1 July 2025, `comparable` or not, with the reason code.

# %% tags=["remove-cell"]
pairs = mergers.merger_pairs(dataset, mergers.successors_of(dataset, ids))
pairs  # noqa: B018

# %% tags=["remove-input"]
display.show(compare_page.merger(dataset, ids, table=pairs))

# %% tags=["remove-input"]
display.show(compare_page.sources(dataset, ids))
