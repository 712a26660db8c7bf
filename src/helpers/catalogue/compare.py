"""Messages of the compare part of the reports: English (as in the code) → Vietnamese.

The comparison page (``helpers.compare_page``, ``helpers.compare``) and every chart's words
(``helpers.plotting``, on every page). Words both the comparison and the standards page use
(column names, "Sources") are here once.
"""

VI: dict[str, str] = {
    # helpers.compare_page: title, sections and their introductions
    "Four provinces compared: poverty reduction, 2021–2025": (
        "So sánh bốn tỉnh: giảm nghèo giai đoạn 2021–2025"
    ),
    "{names}: poverty rates, reduction targets and results, money and coverage, set side by side "
    "only where kind, period, poverty standard and method match.": (
        "{names}: tỷ lệ hộ nghèo, mục tiêu và kết quả giảm nghèo, nguồn vốn và mức độ đầy đủ của "
        "số liệu; các số liệu chỉ được đặt cạnh nhau khi cùng loại số liệu, cùng thời kỳ, cùng "
        "chuẩn nghèo và cùng phương pháp."
    ),
    "Findings": "Những điểm chính",
    "Poverty rates over time: where do the provinces stand?": (
        "Tỷ lệ hộ nghèo qua các năm: các tỉnh đang ở mức nào?"
    ),
    "One line per province, poverty standard and method; lines never cross the 2021 change of "
    "standard, and survey estimates are never joined to review counts.": (
        "Mỗi đường ứng với một tỉnh, một chuẩn nghèo và một phương pháp; không đường nào nối qua "
        "lần đổi chuẩn nghèo năm 2021, và số ước tính từ khảo sát không bao giờ được nối với kết "
        "quả rà soát hộ nghèo."
    ),
    "Poor-household rate by year and province; lines join only figures of one standard and one "
    "method.": (
        "Tỷ lệ hộ nghèo theo năm và theo tỉnh; mỗi đường chỉ nối các số liệu cùng một chuẩn "
        "nghèo và cùng một phương pháp."
    ),
    "No province has a rate for two or more years under one standard and method, so no "
    "trajectory is drawn.": (
        "Không tỉnh nào có tỷ lệ hộ nghèo của hai năm trở lên theo cùng một chuẩn nghèo và cùng "
        "một phương pháp, nên không vẽ biểu đồ diễn biến."
    ),
    "Poor and near-poor households by province": "Hộ nghèo và hộ cận nghèo theo tỉnh",
    "No province reports a poor or near-poor rate or count.": (
        "Không tỉnh nào báo cáo tỷ lệ hay số hộ nghèo, hộ cận nghèo."
    ),
    "Reduction targets: did each province reach its own?": (
        "Mục tiêu giảm nghèo: mỗi tỉnh có đạt mục tiêu của mình không?"
    ),
    "Each target is judged only against a result of the same measure, period and standard.": (
        "Mỗi mục tiêu chỉ được đánh giá so với kết quả của cùng chỉ tiêu, cùng thời kỳ và cùng "
        "chuẩn nghèo."
    ),
    "No province reports a reduction target.": "Không tỉnh nào báo cáo mục tiêu giảm nghèo.",
    "Reduction targets against results, by province": (
        "Mục tiêu giảm nghèo so với kết quả, theo tỉnh"
    ),
    "Money: how much per programme year, and per poor household?": (
        "Nguồn vốn: bình quân mỗi năm thực hiện Chương trình và bình quân mỗi hộ nghèo là bao "
        "nhiêu?"
    ),
    "The programme's own allocation is divided by the years it ran in the period (from 2022) and "
    'by a matching count of poor households; other money is "not applicable".': (
        "Vốn phân bổ của Chương trình được chia cho số năm Chương trình được thực hiện trong kỳ "
        "(từ năm 2022) và cho số hộ nghèo tương ứng; các khoản vốn khác được ghi “không áp dụng”."
    ),
    "No province reports funding.": "Không tỉnh nào báo cáo số liệu về nguồn vốn.",
    "Funding per programme year and per poor household": (
        "Vốn bình quân mỗi năm thực hiện Chương trình và bình quân mỗi hộ nghèo"
    ),
    "Coverage: what does each province report?": (
        "Mức độ đầy đủ của số liệu: mỗi tỉnh báo cáo những gì?"
    ),
    "What each province reports": "Những số liệu mỗi tỉnh báo cáo",
    "Heat-map of every indicator by province.": (
        "Bản đồ nhiệt mức độ báo cáo của từng chỉ tiêu theo tỉnh; mỗi tỉnh kèm số chỉ tiêu ở từng "
        "mức:"
    ),
    "Coverage of every indicator of the dataset, by province.": (
        "Mức độ đầy đủ số liệu của mọi chỉ tiêu trong bộ dữ liệu, theo tỉnh."
    ),
    "The provinces merged on 1 July 2025: what can be set side by side?": (
        "Các tỉnh hợp nhất từ ngày 1/7/2025: số liệu nào có thể đặt cạnh nhau?"
    ),
    "Bắc Kạn merged into Thái Nguyên and Hà Giang into Tuyên Quang. Each figure stays with the "
    "province as it was when reported; nothing is added up.": (
        "Bắc Kạn hợp nhất với Thái Nguyên thành tỉnh Thái Nguyên, Hà Giang hợp nhất với Tuyên "
        "Quang thành tỉnh Tuyên Quang. Mỗi số liệu được giữ với tỉnh như tại thời điểm báo cáo; "
        "không cộng gộp số liệu nào."
    ),
    "No indicator is reported for both members of a merged pair.": (
        "Không có chỉ tiêu nào được cả hai tỉnh trong một cặp hợp nhất cùng báo cáo."
    ),
    "Figures of the members of each merged province, paired": (
        "Số liệu của các tỉnh cũ trong mỗi tỉnh hợp nhất, ghép theo cặp"
    ),
    "Sources": "Nguồn",
    # column names (helpers.compare.header; the standards page uses some of them too)
    "province": "tỉnh",
    "what": "chỉ tiêu",
    "when": "thời gian",
    "kind": "loại số liệu",
    "standard": "chuẩn nghèo",
    "value": "giá trị",
    "target": "mục tiêu",
    "target value": "giá trị mục tiêu",
    "result": "kết quả",
    "status": "đánh giá",
    "why": "lý do",
    "evidence": "căn cứ",
    "geography": "địa phương",
    "indicator": "chỉ tiêu",
    "part": "phần vốn",
    "period": "thời kỳ",
    "amount": "số tiền",
    "programme years": "số năm thực hiện Chương trình",
    "per year": "bình quân mỗi năm thực hiện Chương trình",
    "poor households used": "số hộ nghèo dùng để tính",
    "per poor household": "bình quân mỗi hộ nghèo",
    "province from 1 July 2025": "tỉnh từ ngày 1/7/2025",
    "first": "tỉnh cũ thứ nhất",
    "first figure": "số liệu của tỉnh thứ nhất",
    "second": "tỉnh cũ thứ hai",
    "second figure": "số liệu của tỉnh thứ hai",
    "comparable": "so sánh được",
    "coverage": "mức độ báo cáo",
    # helpers.compare: cells
    "total": "tổng số",
    "not applicable": "không áp dụng",
    "not applicable: not the programme's allocation": (
        "không áp dụng: không phải vốn phân bổ của Chương trình"
    ),
    "not reported: no exact count of poor households for a year of the period": (
        "không có số liệu: không có số hộ nghèo chính xác của một năm nào trong kỳ"
    ),
    "{amount} million VND per poor household": "{amount} triệu đồng/hộ nghèo",
    "{years} ({span})": "{years} năm ({span})",
    "none": "không có",
    "yes": "có",
    "not comparable because {why}": "không so sánh được vì {why}",
    # target statuses ("not reported" is in common)
    "met": "đạt",
    "not met": "không đạt",
    "undetermined": "chưa xác định được",
    "not comparable": "không so sánh được",
    "{n} met": "{n} mục tiêu đạt",
    "{n} not met": "{n} mục tiêu không đạt",
    "{n} undetermined": "{n} mục tiêu chưa xác định được",
    "{n} not reported": "{n} mục tiêu chưa có kết quả được báo cáo",
    "{n} not comparable": "{n} mục tiêu không có kết quả so sánh được",
    # helpers.compare.findings
    "{n} of the {total} provinces have a poor-household rate for two or more years under one "
    "standard and method ({names}).": (
        "{n} trong {total} tỉnh có tỷ lệ hộ nghèo của hai năm trở lên theo cùng một chuẩn "
        "nghèo và cùng một phương pháp ({names})."
    ),
    "All {total} provinces have a poor-household rate for two or more years under one standard "
    "and method ({names}).": (
        "Cả {total} tỉnh đều có tỷ lệ hộ nghèo của hai năm trở lên theo cùng một chuẩn nghèo và "
        "cùng một phương pháp ({names})."
    ),
    "{n} of the {total} provinces have a poor-household rate for two or more years under one "
    "standard and method.": (
        "{n} trong {total} tỉnh có tỷ lệ hộ nghèo của hai năm trở lên theo cùng một chuẩn "
        "nghèo và cùng một phương pháp."
    ),
    "Of {total} reduction targets reported, the data says: {parts}.": (
        "Trong {total} mục tiêu giảm nghèo được báo cáo, số liệu cho thấy: {parts}."
    ),
    "{count} provinces report the programme's own allocation; {k} of those {m} amounts can be "
    "set against a matching count of poor households.": (
        "{count} tỉnh báo cáo vốn phân bổ của Chương trình; trong {m} khoản vốn đó, {k} khoản có "
        "số hộ nghèo tương ứng để tính bình quân mỗi hộ nghèo."
    ),
    "Across the provinces merged on 1 July 2025, {n} pairs of figures share an indicator; {ok} of "
    "them are comparable (same kind, period, standard and method).": (
        "Ở các tỉnh hợp nhất từ ngày 1/7/2025, có {n} cặp số liệu cùng chỉ tiêu; {ok} cặp trong số "
        "đó so sánh được với nhau (cùng loại số liệu, thời kỳ, chuẩn nghèo và phương pháp)."
    ),
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
    # issue 14: the comparison's findings (helpers.compare_findings) and money
    "not applicable: the money of one project, not of the whole province": (
        "không áp dụng: vốn của một dự án, không phải của toàn tỉnh"
    ),
    "By poor-household rate at the end of {year} ({standard}, administrative review counts; the "
    "latest year {n} of the {total} provinces report), from highest: {ranked}.": (
        "Xếp theo tỷ lệ hộ nghèo cuối năm {year} ({standard}, kết quả rà soát; năm gần nhất có "
        "số liệu của {n} trong {total} tỉnh), từ cao xuống thấp: {ranked}."
    ),
    "By average fall of the rate per year, in percentage points, each over its own series (first "
    "to last year-end figure): {ranked}.": (
        "Xếp theo mức giảm tỷ lệ hộ nghèo bình quân mỗi năm, tính bằng điểm phần trăm, theo "
        "chuỗi số liệu riêng của từng tỉnh (từ số liệu cuối năm đầu tiên đến cuối cùng): "
        "{ranked}."
    ),
    "Targets, by the data: {parts}.": ("Mục tiêu, theo số liệu: {parts}."),
    "Programme money allocated per poor household (the count of a year in the period, 2021–2025 "
    "standard): {told}. Periods differ: set side by side, not ranked.": (
        "Vốn Chương trình đã phân bổ tính trên mỗi hộ nghèo (số hộ nghèo của một năm trong thời "
        "kỳ, chuẩn nghèo 2021–2025): {told}. Các thời kỳ khác nhau: chỉ đặt cạnh nhau, không xếp "
        "hạng."
    ),
    "{name} {pace} ({period})": ("{name}: {pace} ({period})"),
    "The nation's: {pace} ({period}).": ("Cả nước: {pace} ({period})."),
    "No two year-end rates in one series for {names}.": (
        "Không có hai tỷ lệ cuối năm trong cùng một chuỗi đối với {names}."
    ),
    "{name}: {per} million VND ({amount}, {period})": (
        "{name}: {per} triệu đồng ({amount}, {period})"
    ),
    "{name} ({target}, {period})": ("{name} (mục tiêu {target}, {period})"),
    " (from 1 July 2025)": (" (từ ngày 1/7/2025)"),
    "it sets a result against a target or plan": "so sánh kết quả với mục tiêu hoặc kế hoạch",
    "different periods": "khác thời kỳ",
    "different poverty standards": "khác chuẩn nghèo",
    "{n} on track": "{n} mục tiêu đúng tiến độ",
    "{n} behind": "{n} mục tiêu chậm tiến độ",
    "{n} achieved as the source states": "{n} mục tiêu đạt theo khẳng định của nguồn",
}
