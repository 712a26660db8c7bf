"""The project's vocabularies: the words and colours that data values are shown with.

One table per vocabulary, so that a new unit, qualifier, kind of figure, component or
geography is one edit here (and, for geographies and indicators, one row under ``data/``).
Every table is keyed by the value as it is written in ``data/`` and gives the text a reader
sees: its English, marked with ``N_``; its Vietnamese is in the gettext catalogue
(src/helpers/locale/vi/LC_MESSAGES/messages.po), and :func:`label` gives the page's
language (:mod:`helpers.i18n`). The Vietnamese uses the programme's own terms.
"""

from __future__ import annotations

from helpers.i18n import N_, translation

# Canonical unit -> the suffix of a number in it. A leading space separates it.
UNIT_SUFFIXES: dict[str, str] = {
    "percent": N_("%"),
    "percentage points": N_(" pp"),
    "percentage points per year": N_(" pp/year"),
    "VND billion": N_(" billion VND"),
    "households": N_(" households"),
    "persons": N_(" persons"),
    "person-times": N_(" person-times"),
    "household-times": N_(" household-times"),
    "count": "",
    "persons per year": N_(" persons/year"),
}

# Decimals a value of each unit is shown with in sentences and key figures (None: as stored).
# Money keeps one decimal so that "117.325 billion" never reads as a thousands separator.
UNIT_DECIMALS: dict[str, int | None] = {
    "VND billion": 1,
    "percent": None,
    "percentage points": None,
    "percentage points per year": None,
}

# Qualifier (as in observations.csv) -> words printed before the number.
# "about" is only ever the reports' "gần", which says "nearly" (just under), not "around".
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "about": N_("nearly "),
    "over": N_("over "),
    "at least": N_("at least "),
    "below": N_("below "),
    "range low": N_("from "),
    "range high": N_("up to "),
}

# Kind of figure (observations.kind) -> how a reader sees it, and whether it is a result.
KIND_LABELS: dict[str, str] = {
    "actual": N_("result"),
    "target": N_("target"),
    "plan": N_("plan"),
    "estimate": N_("estimate"),
}
TARGET_KINDS = ("target", "plan")
RESULT_KINDS = ("actual",)

# Poverty standards (observations.poverty_standard) -> label and legal basis.
STANDARD_LABELS: dict[str, str] = {
    "2016-2020": N_("2016–2020 standard"),
    "2021-2025": N_("2021–2025 standard"),
    "not stated": N_("standard not stated"),
    "not applicable": N_("no poverty standard involved"),
}
STANDARD_BASIS: dict[str, str] = {
    "2016-2020": N_("Decision 59/2015/QĐ-TTg"),
    "2021-2025": N_("Decree 07/2021/NĐ-CP (multidimensional)"),
}

# Ways a poverty figure was measured (observations.method).
METHOD_LABELS: dict[str, str] = {
    "administrative review": N_("administrative review count"),
    "household survey": N_("household survey estimate"),
}

# How a figure is backed (sources.verification).
TIER_LABELS: dict[str, str] = {
    "verified": N_("verified against the stored text"),
    "cited": N_("cited to its address"),
    # A verified source whose stored text was not found when the page was built: the check
    # that earns "verified" could not run, and the page says so.
    "unchecked": N_("not checked: the stored text was not available"),
}

# Kinds of source (sources.source_type).
SOURCE_TYPE_LABELS: dict[str, str] = {
    "news report": N_("news report"),
    "provincial government portal": N_("provincial government portal"),
    "ministry decision": N_("ministry decision"),
    "statistics office table": N_("statistics office table"),
    "government report": N_("government report"),
}

# The seven component projects of the programme (Decision 90/QĐ-TTg of 18 January 2022): a
# short English name, and the project's name in the decision.
PROJECTS: dict[str, str] = {
    "project-1": N_("Project 1: socio-economic infrastructure in poor districts"),
    "project-2": N_("Project 2: diversified livelihoods and poverty-reduction models"),
    "project-3": N_("Project 3: production support and nutrition"),
    "project-4": N_("Project 4: vocational education and sustainable employment"),
    "project-5": N_("Project 5: housing for poor and near-poor households in poor districts"),
    "project-6": N_("Project 6: communication and information poverty reduction"),
    "project-7": N_("Project 7: capacity building, monitoring and evaluation"),
}

COMPONENT_LABELS: dict[str, str] = {
    "headline": N_("Headline poverty figures"),
    "funding": N_("Funding"),
    **PROJECTS,
    "support-policy": N_("Poverty-reduction and social-security support policies"),
    "related-programme": N_("Related national target programmes"),
    "context": N_("Context"),
}

# Splits of a figure (observations.breakdown_by) and their groups (observations.breakdown).
# A new value under data/ needs its entry here and its Vietnamese in the .po (tests/test_i18n.py).
BREAKDOWN_BY_LABELS: dict[str, str] = {
    "spending type": N_("spending type"),
    "model type": N_("model type"),
    "participant group": N_("participant group"),
    "training field": N_("training field"),
    "training level": N_("training level"),
    "trainee group": N_("trainee group"),
    "banner type": N_("banner type"),
    "budget source": N_("budget source"),
    "household status": N_("household status"),
}
BREAKDOWN_LABELS: dict[str, str] = {
    "development investment": N_("development investment"),
    "recurrent": N_("recurrent"),
    "livestock": N_("livestock"),
    "crops": N_("crops"),
    "poor": N_("poor"),
    "near-poor": N_("near-poor"),
    "newly escaped poverty": N_("newly escaped poverty"),
    "people with disabilities without a stable livelihood": N_(
        "people with disabilities without a stable livelihood"
    ),
    "experienced people": N_("experienced people"),
    "non-agricultural": N_("non-agricultural"),
    "agricultural": N_("agricultural"),
    "elementary": N_("elementary"),
    "continuing (short-course)": N_("continuing (short-course)"),
    "ethnic minority": N_("ethnic minority"),
    "other": N_("other"),
    # the source counts 'băng rôn' (cloth banners hung across a street) apart from 'banner'
    # (the loanword it prints, a standing banner)
    "băng rôn": N_("cloth street banners"),
    "banner": N_("standing banners"),
    "central budget": N_("central budget"),
    "local budget": N_("local budget"),
    "development investment (central budget)": N_("development investment (central budget)"),
    "recurrent (central budget)": N_("recurrent (central budget)"),
}

# Units of reductions of a rate, and of people and households reached.
REDUCTION_UNITS = ("percentage points", "percentage points per year")
PEOPLE_UNITS = ("persons", "households", "person-times", "household-times", "persons per year")

# The programme's years: approved by Decision 90/QĐ-TTg on 18 January 2022, so 2021 carried
# no programme money; it runs to the end of 2025. Per-year amounts count these years only.
PROGRAMME_FIRST_YEAR = 2022
PROGRAMME_LAST_YEAR = 2025
PROGRAMME_BASIS = ("Decision 90/QĐ-TTg of 18 January 2022", "Quyết định 90/QĐ-TTg ngày 18/01/2022")

# Okabe–Ito colours (safe for the common colour-vision deficiencies).
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

# Fixed colour per geography id, the same in every chart; districts take their province's.
# A merged province after 1 July 2025 takes the colour of the province that kept its name.
GEOGRAPHY_COLOURS: dict[str, str] = {
    "thai-nguyen": OKABE_ITO["blue"],
    "thai-nguyen-2025": OKABE_ITO["blue"],
    "bac-kan": OKABE_ITO["vermillion"],
    "tuyen-quang": OKABE_ITO["bluish green"],
    "tuyen-quang-2025": OKABE_ITO["bluish green"],
    "ha-giang": OKABE_ITO["reddish purple"],
    "phu-tho": OKABE_ITO["orange"],
    "vinh-phuc": OKABE_ITO["sky blue"],
    "hoa-binh": OKABE_ITO["yellow"],
    "vn": OKABE_ITO["black"],
}
OTHER_COLOUR = "#777777"

# Marker per poverty standard in charts.
STANDARD_MARKERS: dict[str, str] = {
    "2016-2020": "s",
    "2021-2025": "o",
    "not stated": "D",
    "not applicable": "^",
}

# Other names a reader may type for a geography (folded: lower case, no accents).
GEOGRAPHY_ALIASES: dict[str, str] = {
    "vietnam": "vn",
    "viet nam": "vn",
    "nation": "vn",
    "national": "vn",
    "ca nuoc": "vn",
    "hoa binh": "hoa-binh",
}


def text(entry: str, language_: str | None = None) -> str:
    """A vocabulary entry, an English message marked with ``N_``, in ``language_`` (default:
    the page's). An empty English ("count" has no suffix) is empty in every language."""
    return translation(entry, language_) if entry else ""


def label(table: dict, key: object, default: str | None = None) -> str:
    """The page language's label of ``key`` in a vocabulary ``table``.

    An unknown key reads as ``default``, or as itself when no default is given.
    """
    entry = table.get(str(key))
    if entry is None:
        return str(key) if default is None else default
    return text(entry)


def labels(table: dict) -> dict[str, str]:
    """The whole ``table`` in the page's language (for ``Series.map``)."""
    return {key: text(entry) for key, entry in table.items()}
