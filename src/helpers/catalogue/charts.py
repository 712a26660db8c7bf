"""Messages of the charts drawn from the analysis tables and of the notebook "Working with the
data": English (as in the code) → Vietnamese."""

VI: dict[str, str] = {
    # helpers.plotting: value axes, one unit each
    "percent": "phần trăm",
    "percentage points": "điểm phần trăm",
    "percentage points per year": "điểm phần trăm mỗi năm",
    "households": "hộ",
    "persons": "người",
    "billion VND": "tỷ đồng",
    "{name} ({method})": "{name} ({method})",
    # helpers.profile_page: the reductions, one chart per unit
    "Reduction targets and results in {unit}, {name} (hollow: target or plan; filled: result).": (
        "Mục tiêu và kết quả giảm nghèo tính bằng {unit}, {name} (điểm rỗng: mục tiêu hoặc kế "
        "hoạch; điểm tô đặc: kết quả)."
    ),
}
VI |= {
    # helpers.verdict_words: statuses ("met", "not met", "not comparable" are in profile and
    # compare, "not reported" in common) and reasons
    "on track": "đúng tiến độ",
    "behind": "chậm tiến độ",
    "achieved, as the source states": "đạt, theo nguồn",
    "a printed result of the same measure, period and standard": (
        "kết quả được công bố cùng chỉ tiêu, cùng thời kỳ và cùng chuẩn nghèo"
    ),
    "the rate at the period's end, in the same series": (
        "tỷ lệ hộ nghèo cuối kỳ, trong cùng một chuỗi số liệu"
    ),
    "the average fall per year over the period, from two rates of one series": (
        "mức giảm bình quân mỗi năm trong kỳ, tính từ hai tỷ lệ của cùng một chuỗi số liệu"
    ),
    "the period is not over: the average fall per year so far, from two rates of one series, "
    "against the pace the target needs": (
        "kỳ chưa kết thúc: mức giảm bình quân mỗi năm đến nay, tính từ hai tỷ lệ của cùng một "
        "chuỗi số liệu, so với tốc độ mục tiêu đòi hỏi"
    ),
    "the period is not over: a printed average fall per year so far, against the target": (
        "kỳ chưa kết thúc: mức giảm bình quân mỗi năm đến nay được công bố, so với mục tiêu"
    ),
    "no figure: the source states that the target was met or exceeded": (
        "không có số liệu: nguồn cho biết mục tiêu đã đạt hoặc vượt"
    ),
    "the result is a bound that lies on both sides of the target": (
        "kết quả là một ngưỡng nằm ở cả hai phía của mục tiêu"
    ),
    "the results are for another period": "các kết quả thuộc thời kỳ khác",
    "the result's period is not printed": "nguồn không ghi thời kỳ của kết quả",
    "the result stands at a date inside the year, not its end": (
        "kết quả tính đến một thời điểm trong năm, không phải cuối năm"
    ),
    "a target of a yearly average cannot be set against a total fall": (
        "mục tiêu bình quân mỗi năm không thể so với tổng mức giảm"
    ),
    "the results are under another poverty standard": "các kết quả theo chuẩn nghèo khác",
    "the results come from another method (review or survey)": (
        "các kết quả theo phương pháp khác (rà soát hay khảo sát)"
    ),
    "the series has no rate for the period's first year": (
        "chuỗi số liệu không có tỷ lệ của năm đầu kỳ"
    ),
    "no result yet for the period's end": "chưa có kết quả cho cuối kỳ",
    # helpers.profile_page and compare_page: a verdict read from a rate series
    "{achieved} a year achieved against {required} needed: {formula}": (
        "đạt {achieved} mỗi năm so với mức cần {required}: {formula}"
    ),
    "{value} (to {year})": "{value} (đến năm {year})",
}
VI |= {
    "A target is met or not met only against a result of the same measure, period and poverty "
    "standard; a target whose period is not over is on track or behind by the average fall per "
    "year so far, from one series; otherwise the table says why no answer can be given.": (
        "Một mục tiêu chỉ được coi là đạt hay không đạt khi so với kết quả cùng chỉ tiêu, cùng "
        "thời kỳ và cùng chuẩn nghèo; mục tiêu của thời kỳ chưa kết thúc được đánh giá đúng hay "
        "chậm tiến độ theo mức giảm bình quân mỗi năm đến nay, trong cùng một chuỗi số liệu; các "
        "trường hợp khác, bảng nêu lý do chưa thể đánh giá."
    ),
}
VI |= {
    # helpers.plotting: money per programme year and per poor household
    "billion VND per programme year": "tỷ đồng mỗi năm của Chương trình",
    "million VND per poor household": "triệu đồng mỗi hộ nghèo",
    "The programme's own allocation": "Vốn phân bổ của Chương trình",
    "{name}, {period}: {per_year} per programme year, {per_household} per poor household": (
        "{name}, {period}: {per_year} mỗi năm của Chương trình, {per_household} mỗi hộ nghèo"
    ),
    "{value} million VND": "{value} triệu đồng",
    "Bar chart of the programme's own allocation. {items}.": (
        "Biểu đồ cột về vốn phân bổ của Chương trình. {items}."
    ),
}
VI |= {
    "The programme's own allocation per programme year and per poor household.": (
        "Vốn phân bổ của Chương trình bình quân mỗi năm và mỗi hộ nghèo."
    ),
}
