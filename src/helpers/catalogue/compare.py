"""Messages of the compare part of the reports: English (as in the code) → Vietnamese.

The comparison page (``helpers.compare_page``, ``helpers.compare``) and every chart's words
(``helpers.plotting``, on every page). Words both the comparison and the standards page use
(column names, "Sources") are here once.
"""

VI: dict[str, str] = {
    # helpers.plotting: legends, axes, titles and alt texts of every chart
    "target or plan": "mục tiêu hoặc kế hoạch",
    "range (low–high)": "khoảng giá trị (thấp–cao)",
    "open bound: over / at least (→) or below (←)": "ngưỡng mở: trên / ít nhất (→) hoặc dưới (←)",
    "number": "số lượng",
    "{indicator}, by {breakdown} ({period}, {kind})": (
        "{indicator}, theo {breakdown} ({period}, {kind})"
    ),
    "billion VND per year of the period": "tỷ đồng/năm trong kỳ",
    "survey": "khảo sát",
    "review": "rà soát",
    "target: {value} by {year}": "mục tiêu năm {year}: {value}",
    " standard changes\n (Decree 07/2021)": " đổi chuẩn nghèo\n (Nghị định 07/2021)",
    "poor households (% of households)": "tỷ lệ hộ nghèo (% tổng số hộ)",
    "Line chart of the poor-household rate.": "Biểu đồ đường về tỷ lệ hộ nghèo.",
    "{name} under the {standard}: {points}": "{name} theo {standard}: {points}",
    # coverage levels: helpers.compare and the coverage chart ("not reported" is in common)
    "target or plan only": "chỉ có mục tiêu hoặc kế hoạch",
    "result only": "chỉ có kết quả",
    "result and target": "có cả kết quả và mục tiêu",
}
