"""The project's vocabularies: the words and colours that data values are shown with.

One table per vocabulary, so that a new unit, qualifier, kind of figure, component or
geography is one edit here (and, for geographies and indicators, one row under ``data/``).
Every table is keyed by the value as it is written in ``data/`` and gives the text a reader
sees as an ``(English, Vietnamese)`` pair; :func:`label` picks the page's language
(:mod:`helpers.i18n`). The Vietnamese uses the programme's own terms.
"""

from __future__ import annotations

from helpers.i18n import LANGUAGES, language, translation

# Canonical unit -> (suffix in English, suffix in Vietnamese). A leading space separates it.
UNIT_SUFFIXES: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage points": (" pp", " điểm %"),
    "percentage points per year": (" pp/year", " điểm %/năm"),
    "VND billion": (" billion VND", " tỷ đồng"),
    "households": (" households", " hộ"),
    "persons": (" persons", " người"),
    "person-times": (" person-times", " lượt người"),
    "household-times": (" household-times", " lượt hộ"),
    "count": ("", ""),
    "persons per year": (" persons/year", " người/năm"),
}

# Decimals a value of each unit is shown with in sentences and key figures (None: as stored).
# Money keeps one decimal so that "117.325 billion" never reads as a thousands separator.
UNIT_DECIMALS: dict[str, int | None] = {
    "VND billion": 1,
    "percent": None,
    "percentage points": None,
    "percentage points per year": None,
}

# Qualifier (as in observations.csv) -> words printed before the number (English, Vietnamese).
# "about" is only ever the reports' "gần", which says "nearly" (just under), not "around".
QUALIFIER_WORDS: dict[str, tuple[str, str]] = {
    "exact": ("", ""),
    "about": ("nearly ", "gần "),
    "over": ("over ", "trên "),
    "at least": ("at least ", "ít nhất "),
    "below": ("below ", "dưới "),
    "range low": ("from ", "từ "),
    "range high": ("up to ", "đến "),
}

# Kind of figure (observations.kind) -> how a reader sees it, and whether it is a result.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "actual": ("result", "kết quả"),
    "target": ("target", "mục tiêu"),
    "plan": ("plan", "kế hoạch"),
    "estimate": ("estimate", "ước thực hiện"),
}
TARGET_KINDS = ("target", "plan")
RESULT_KINDS = ("actual",)

# Poverty standards (observations.poverty_standard) -> label and legal basis.
STANDARD_LABELS: dict[str, tuple[str, str]] = {
    "2016-2020": ("2016–2020 standard", "chuẩn nghèo 2016–2020"),
    "2021-2025": ("2021–2025 standard", "chuẩn nghèo đa chiều 2021–2025"),
    "not stated": ("standard not stated", "không nêu chuẩn nghèo"),
    "not applicable": ("no poverty standard involved", "không liên quan đến chuẩn nghèo"),
}
STANDARD_BASIS: dict[str, tuple[str, str]] = {
    "2016-2020": ("Decision 59/2015/QĐ-TTg", "Quyết định 59/2015/QĐ-TTg"),
    "2021-2025": (
        "Decree 07/2021/NĐ-CP (multidimensional)",
        "Nghị định 07/2021/NĐ-CP (chuẩn nghèo đa chiều)",
    ),
}

# Ways a poverty figure was measured (observations.method).
METHOD_LABELS: dict[str, tuple[str, str]] = {
    "administrative review": ("administrative review count", "kết quả rà soát hộ nghèo"),
    "household survey": ("household survey estimate", "ước tính từ khảo sát hộ gia đình"),
}

# How a figure is backed (sources.verification).
TIER_LABELS: dict[str, tuple[str, str]] = {
    "verified": ("verified against the stored text", "đã đối chiếu với văn bản lưu trữ"),
    "cited": ("cited to its address", "trích dẫn theo địa chỉ nguồn"),
    # A verified source whose stored text was not found when the page was built: the check
    # that earns "verified" could not run, and the page says so.
    "unchecked": (
        "not checked: the stored text was not available",
        "chưa đối chiếu: không có văn bản lưu trữ",
    ),
}

# Kinds of source (sources.source_type).
SOURCE_TYPE_LABELS: dict[str, tuple[str, str]] = {
    "news report": ("news report", "bài báo"),
    "provincial government portal": ("provincial government portal", "cổng thông tin của tỉnh"),
    "ministry decision": ("ministry decision", "quyết định của Bộ"),
    "statistics office table": ("statistics office table", "bảng số liệu của cơ quan thống kê"),
    "government report": ("government report", "báo cáo của Chính phủ"),
}

# The seven component projects of the programme (Decision 90/QĐ-TTg of 18 January 2022): a
# short English name, and the project's name in the decision.
PROJECTS: dict[str, tuple[str, str]] = {
    "project-1": (
        "Project 1: socio-economic infrastructure in poor districts",
        "Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo",
    ),
    "project-2": (
        "Project 2: diversified livelihoods and poverty-reduction models",
        "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
    ),
    "project-3": (
        "Project 3: production support and nutrition",
        "Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
    ),
    "project-4": (
        "Project 4: vocational education and sustainable employment",
        "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững",
    ),
    "project-5": (
        "Project 5: housing for poor and near-poor households in poor districts",
        "Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo",
    ),
    "project-6": (
        "Project 6: communication and information poverty reduction",
        "Dự án 6: Truyền thông và giảm nghèo về thông tin",
    ),
    "project-7": (
        "Project 7: capacity building, monitoring and evaluation",
        "Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình",
    ),
}

COMPONENT_LABELS: dict[str, tuple[str, str]] = {
    "headline": ("Headline poverty figures", "Chỉ tiêu giảm nghèo chung"),
    "funding": ("Funding", "Nguồn vốn"),
    **PROJECTS,
    "support-policy": (
        "Poverty-reduction and social-security support policies",
        "Chính sách hỗ trợ giảm nghèo và an sinh xã hội",
    ),
    "related-programme": ("Related national target programmes", "Các chương trình MTQG liên quan"),
    "context": ("Context", "Bối cảnh"),
}

# Splits of a figure (observations.breakdown_by) and their groups (observations.breakdown).
# A new value under data/ needs its pair here (tests/test_i18n.py checks every one).
BREAKDOWN_BY_LABELS: dict[str, tuple[str, str]] = {
    "spending type": ("spending type", "loại vốn"),
    "model type": ("model type", "loại mô hình"),
    "participant group": ("participant group", "nhóm đối tượng tham gia"),
    "training field": ("training field", "lĩnh vực đào tạo"),
    "training level": ("training level", "trình độ đào tạo"),
    "trainee group": ("trainee group", "nhóm người học"),
    "banner type": ("banner type", "loại băng rôn"),
    "budget source": ("budget source", "nguồn ngân sách"),
    "household status": ("household status", "tình trạng hộ"),
}
BREAKDOWN_LABELS: dict[str, tuple[str, str]] = {
    "development investment": ("development investment", "vốn đầu tư phát triển"),
    "recurrent": ("recurrent", "vốn sự nghiệp"),
    "livestock": ("livestock", "chăn nuôi"),
    "crops": ("crops", "trồng trọt"),
    "poor": ("poor", "hộ nghèo"),
    "near-poor": ("near-poor", "hộ cận nghèo"),
    "newly escaped poverty": ("newly escaped poverty", "hộ mới thoát nghèo"),
    "people with disabilities without a stable livelihood": (
        "people with disabilities without a stable livelihood",
        "người khuyết tật không có sinh kế ổn định",
    ),
    "experienced people": ("experienced people", "người có kinh nghiệm"),
    "non-agricultural": ("non-agricultural", "phi nông nghiệp"),
    "agricultural": ("agricultural", "nông nghiệp"),
    "elementary": ("elementary", "sơ cấp"),
    "continuing (short-course)": ("continuing (short-course)", "đào tạo thường xuyên"),
    "ethnic minority": ("ethnic minority", "người dân tộc thiểu số"),
    "other": ("other", "khác"),
    # the source counts 'băng rôn' (cloth banners hung across a street) apart from 'banner'
    # (the loanword it prints, a standing banner)
    "băng rôn": ("cloth street banners", "băng rôn"),
    "banner": ("standing banners", "banner"),
    "central budget": ("central budget", "ngân sách trung ương"),
    "local budget": ("local budget", "ngân sách địa phương"),
    "development investment (central budget)": (
        "development investment (central budget)",
        "vốn đầu tư phát triển (ngân sách trung ương)",
    ),
    "recurrent (central budget)": (
        "recurrent (central budget)",
        "vốn sự nghiệp (ngân sách trung ương)",
    ),
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


def text(entry: str | tuple[str, str], language_: str | None = None) -> str:
    """A vocabulary entry in ``language_`` (default: the page's): an English message marked
    with ``N_`` (its Vietnamese in the gettext catalogue), or an ``(English, Vietnamese)`` pair.
    An empty English ("count" has no suffix) is empty in every language."""
    if isinstance(entry, tuple):
        return entry[LANGUAGES.index(language_ or language())]
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
