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
from helpers import display, i18n, plotting, profile_page, standards  # noqa: E402
from helpers.facts import facts_for  # noqa: E402
from helpers.geo import resolve_geography  # noqa: E402
from helpers.load import load_dataset  # noqa: E402
from helpers.sources import sources_used  # noqa: E402

i18n.set_language(language)  # every text and number below follows it
dataset = load_dataset()
geo = resolve_geography(dataset, province)  # an unknown name lists the valid ones
geo_id, name = str(geo["geography_id"]), str(geo["name"])
plotting.apply_theme()

# %% tags=["remove-input"]
display.show(
    display.title_html(
        "Why the same year gives two poverty rates",
        "In 2021 Vietnam moved from the 2016–2020 poverty standard (Decision 59/2015/QĐ-TTg) to "
        "the multidimensional 2021–2025 standard (Decree 07/2021/NĐ-CP). This page explains the "
        f"two, checks the counts behind the rates, and shows {name}'s series across the break.",
    )
)

# %% [markdown]
# ## The two standards: what makes a household poor or near-poor?
#
# Both standards combine an income line with deprivations in basic social services. The
# 2016–2020 standard classes a household as poor on low income alone, or on income a little
# above the line together with several deprivations. The 2021–2025 standard raises the income
# lines, adds employment and dependants, nutrition and other indicators, and classes a
# household as poor only when low income and several deprivations go together; low income
# with fewer deprivations makes it near-poor. Source: the legal texts named in the first row.

# %% tags=["remove-input"]
display.show(
    f'<div class="legal-definitions">{display.frame_html(standards.standards_table())}</div>',
    display.paragraph(
        "Source: Decision 59/2015/QĐ-TTg and Decree 07/2021/NĐ-CP, as transcribed in "
        "helpers.standards; these thresholds are law, not figures of the dataset.",
        "caption",
    ),
)

# %% [markdown]
# ## The series across the break: what do the sources give, under which standard?

# %% tags=["remove-input"]
display.show(profile_page.rates(dataset, geo_id))

# %% [markdown]
# ## The households behind each count and rate: is it the same population?
#
# A count divided by its rate gives the number of households the rate is a share of. If the
# implied totals agree across standards, the gap between the rates comes from the standard,
# not from a different population. Rates are printed rounded, so each total is also given as
# the range that rounding allows.

# %% tags=["remove-input"]
implied = standards.implied_households(dataset)
display.show(
    display.frame_html(implied.drop(columns=["implied_total", "source_id"]))
    if not implied.empty
    else display.paragraph("No source gives both a count and a rate for the same year.")
)

# %% [markdown]
# ## Which standard do the sources use?
#
# Figures of standard-dependent indicators, by geography and standard. Many sources do not
# name the standard; those figures are labelled "standard not stated".

# %% tags=["remove-input"]
display.show(display.frame_html(standards.standards_in_use(dataset)))

# %% [markdown]
# ## The rule the notebooks follow
#
# - Every rate, count and reduction is labelled with its poverty standard, or "standard not
#   stated" when the source does not name one.
# - Figures under different standards are never joined by a line or subtracted: a change of
#   standard is never read as a change in poverty. Review counts and survey estimates are
#   separate series too.
# - A figure whose standard is not stated is shown as reported; it is set beside a 2021–2025
#   figure only for a period wholly in 2022–2025, when that was the only standard in force,
#   and the page then says so.
# - Per-household amounts divide only by counts under the 2021–2025 standard, the
#   programme's own.

# %% [markdown]
# ## Sources

# %% tags=["remove-input"]
cited = sources_used(dataset, facts_for(dataset, geo_id)) + list(implied["source_id"].map(str))
display.show(display.sources_html(dataset, cited))
