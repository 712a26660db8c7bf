"""Messages of the standards part of the reports: English (as in the code) → Vietnamese.

The poverty-standards page (``helpers.standards_page``) and the definitions of the two
standards (``helpers.standards``), worded in Vietnamese after the legal texts (Quyết định
59/2015/QĐ-TTg, Nghị định 07/2021/NĐ-CP). Column names the comparison shares are in
``compare``.
"""

VI: dict[str, str] = {
    # helpers.standards_page: title and sections
    "Why the same year gives two poverty rates": "Vì sao cùng một năm lại có hai tỷ lệ hộ nghèo",
    "In 2021 Vietnam moved from the 2016–2020 poverty standard (Decision 59/2015/QĐ-TTg) to the "
    "multidimensional 2021–2025 standard (Decree 07/2021/NĐ-CP). This page explains the two, "
    "checks the counts behind the rates, and shows {name}'s series across the break.": (
        "Năm 2021, Việt Nam chuyển từ chuẩn nghèo giai đoạn 2016–2020 (Quyết định "
        "59/2015/QĐ-TTg) sang chuẩn nghèo đa chiều giai đoạn 2021–2025 (Nghị định "
        "07/2021/NĐ-CP). Trang này giải thích hai chuẩn nghèo, kiểm tra số hộ đứng sau các tỷ lệ "
        "và trình bày chuỗi số liệu của {name} qua thời điểm đổi chuẩn."
    ),
    "The two standards: what makes a household poor or near-poor?": (
        "Hai chuẩn nghèo: thế nào là hộ nghèo, hộ cận nghèo?"
    ),
    "Both standards combine an income line with deprivations in basic social services. The "
    "2016–2020 standard classes a household as poor on low income alone, or on income a little "
    "above the line together with several deprivations. The 2021–2025 standard raises the income "
    "lines, adds employment and dependants, nutrition and other indicators, and classes a "
    "household as poor only when low income and several deprivations go together; low income "
    "with fewer deprivations makes it near-poor. Source: the legal texts named in the first row.": (
        "Cả hai chuẩn nghèo đều kết hợp chuẩn thu nhập với mức độ thiếu hụt các dịch vụ xã hội cơ "
        "bản. Theo chuẩn giai đoạn 2016–2020, hộ được xác định là hộ nghèo chỉ vì thu nhập thấp, "
        "hoặc vì có thu nhập cao hơn chuẩn nghèo một chút nhưng thiếu hụt nhiều chỉ số. Chuẩn giai "
        "đoạn 2021–2025 nâng chuẩn thu nhập, bổ sung các chỉ số về việc làm và người phụ thuộc, "
        "dinh dưỡng cùng một số chỉ số khác, và chỉ xác định là hộ nghèo khi hộ vừa có thu nhập "
        "thấp vừa thiếu hụt nhiều chỉ số; hộ có thu nhập thấp nhưng thiếu hụt ít chỉ số hơn là hộ "
        "cận nghèo. Nguồn: các văn bản pháp luật nêu ở dòng đầu tiên của bảng."
    ),
    "Source: Decision 59/2015/QĐ-TTg and Decree 07/2021/NĐ-CP, as transcribed in "
    "`helpers.standards`; these thresholds are law, not figures of the dataset.": (
        "Nguồn: Quyết định 59/2015/QĐ-TTg và Nghị định 07/2021/NĐ-CP, được chép lại trong "
        "`helpers.standards`; các ngưỡng này là quy định của pháp luật, không phải số liệu của bộ "
        "dữ liệu."
    ),
    "The series across the break: what do the sources give, under which standard?": (
        "Chuỗi số liệu qua thời điểm đổi chuẩn: các nguồn đưa ra số liệu nào, theo chuẩn nghèo nào?"
    ),
    "The households behind each count and rate: is it the same population?": (
        "Tổng số hộ đứng sau mỗi cặp số hộ và tỷ lệ: có phải cùng một tổng thể không?"
    ),
    "A count divided by its rate gives the number of households the rate is a share of. If the "
    "implied totals agree across standards, the gap between the rates comes from the standard, "
    "not from a different population. Rates are printed rounded, so each total is also given as "
    "the range that rounding allows.": (
        "Lấy số hộ chia cho tỷ lệ tương ứng sẽ ra tổng số hộ dùng làm mẫu số của tỷ lệ đó. Nếu "
        "tổng số hộ suy ra theo hai chuẩn nghèo khớp nhau, thì chênh lệch giữa hai tỷ lệ là do "
        "chuẩn nghèo, không phải do tổng thể khác nhau. Các tỷ lệ được công bố đã làm tròn, nên "
        "mỗi tổng số còn được nêu kèm khoảng giá trị mà việc làm tròn cho phép."
    ),
    "No source gives both a count and a rate for the same year.": (
        "Không nguồn nào đưa ra cả số hộ lẫn tỷ lệ của cùng một năm."
    ),
    "Households implied by each count and its rate (count ÷ rate)": (
        "Tổng số hộ suy ra từ mỗi cặp số hộ và tỷ lệ (số hộ ÷ tỷ lệ)"
    ),
    "Which standard do the sources use?": "Các nguồn dùng chuẩn nghèo nào?",
    "Figures of standard-dependent indicators, by geography and standard. Many sources do not "
    'name the standard; those figures are labelled "{not_stated}", or, for a period within '
    '2022–2025, when only one standard was in force, "{inferred}".': (
        "Số lượng số liệu của các chỉ tiêu phụ thuộc vào chuẩn nghèo, theo địa phương và chuẩn "
        "nghèo. Nhiều nguồn không nêu chuẩn nghèo; các số liệu đó được ghi là “{not_stated}”, "
        "hoặc, với thời kỳ nằm trong 2022–2025, khi chỉ có một chuẩn được áp dụng, “{inferred}”."
    ),
    "The rule the notebooks follow": "Nguyên tắc các báo cáo tuân theo",
    "Every rate, count and reduction is labelled with its poverty standard, marked "
    '"inferred" when the period implies it rather than the source naming it, or '
    '"{not_stated}" when neither.': (
        "Mọi tỷ lệ, số hộ và mức giảm đều ghi rõ chuẩn nghèo, kèm chữ “suy ra” khi chuẩn được "
        "suy ra từ thời kỳ chứ không do nguồn nêu, hoặc ghi “{not_stated}” khi không có cả hai."
    ),
    "Figures under different standards are never joined by a line or subtracted: a change of "
    "standard is never read as a change in poverty. Review counts and survey estimates are "
    "separate series too.": (
        "Số liệu theo các chuẩn nghèo khác nhau không bao giờ được nối bằng một đường hay trừ cho "
        "nhau: việc đổi chuẩn nghèo không bao giờ được hiểu là mức độ nghèo thay đổi. Kết quả rà "
        "soát hộ nghèo và số ước tính từ khảo sát cũng là những chuỗi riêng."
    ),
    "A figure whose standard is not stated is shown as reported; it is set beside a 2021–2025 "
    "figure only for a period wholly in 2022–2025, when that was the only standard in force, and "
    "the page then says so.": (
        "Số liệu không nêu chuẩn nghèo được trình bày đúng như nguồn công bố; số liệu đó chỉ được "
        "đặt cạnh số liệu theo chuẩn 2021–2025 khi thuộc trọn giai đoạn 2022–2025 (thời kỳ mà "
        "chuẩn này là chuẩn nghèo duy nhất có hiệu lực), và khi đó trang báo cáo sẽ nói rõ điều "
        "này."
    ),
    "Per-household amounts divide only by counts under the 2021–2025 standard, the programme's "
    "own.": (
        "Số tiền bình quân mỗi hộ chỉ được tính bằng cách chia cho số hộ theo chuẩn nghèo "
        "2021–2025, chuẩn của chính Chương trình."
    ),
    # helpers.standards_page: column names (the others are in compare)
    "criterion": "tiêu chí",
    "households counted": "số hộ",
    "rate": "tỷ lệ",
    "implied households in total": "tổng số hộ suy ra",
    "range allowed by rounding": "khoảng giá trị theo sai số làm tròn",
    # helpers.standards: the two standards, criterion by criterion
    "legal basis": "căn cứ pháp lý",
    "poverty line": "chuẩn nghèo về thu nhập",
    "near-poor line": "chuẩn cận nghèo về thu nhập",
    "deprivation dimensions": "các dịch vụ xã hội cơ bản (chiều thiếu hụt)",
    "deprivation indicators": "số chỉ số đo lường mức độ thiếu hụt",
    "poor household": "hộ nghèo",
    "near-poor household": "hộ cận nghèo",
    "{rural} rural; {urban} urban (VND per person per month)": (
        "nông thôn: {rural}; thành thị: {urban} (đồng/người/tháng)"
    ),
    "the same as the poverty line": "bằng chuẩn nghèo về thu nhập",
    "Decision 59/2015/QĐ-TTg (multidimensional poverty standard 2016–2020)": (
        "Quyết định 59/2015/QĐ-TTg (chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020)"
    ),
    "Decree 07/2021/NĐ-CP (multidimensional poverty standard 2021–2025)": (
        "Nghị định 07/2021/NĐ-CP (chuẩn nghèo đa chiều giai đoạn 2021–2025)"
    ),
    "health": "y tế",
    "education": "giáo dục",
    "housing": "nhà ở",
    "domestic water and sanitation": "nước sinh hoạt và vệ sinh",
    "access to information": "tiếp cận thông tin",
    "employment": "việc làm",
    "information": "thông tin",
    "income at or below the poverty line; or income above the poverty line but at or below the "
    "near-poor line and deprived in at least {threshold} of {n} indicators": (
        "thu nhập bình quân đầu người/tháng bằng hoặc thấp hơn chuẩn nghèo; hoặc cao hơn chuẩn "
        "nghèo nhưng không quá chuẩn cận nghèo và thiếu hụt từ {threshold} trong {n} chỉ số đo "
        "lường mức độ thiếu hụt trở lên"
    ),
    "income above the poverty line but at or below the near-poor line and deprived in fewer than "
    "{threshold} of {n} indicators": (
        "thu nhập bình quân đầu người/tháng cao hơn chuẩn nghèo nhưng không quá chuẩn cận nghèo "
        "và thiếu hụt dưới {threshold} trong {n} chỉ số đo lường mức độ thiếu hụt"
    ),
    "income at or below the poverty line and deprived in at least {threshold} of {n} indicators "
    "of basic social services": (
        "thu nhập bình quân đầu người/tháng bằng hoặc thấp hơn chuẩn nghèo và thiếu hụt từ "
        "{threshold} trong {n} chỉ số đo lường mức độ thiếu hụt dịch vụ xã hội cơ bản trở lên"
    ),
    "income at or below the poverty line and deprived in fewer than {threshold} of {n} "
    "indicators of basic social services": (
        "thu nhập bình quân đầu người/tháng bằng hoặc thấp hơn chuẩn nghèo và thiếu hụt dưới "
        "{threshold} trong {n} chỉ số đo lường mức độ thiếu hụt dịch vụ xã hội cơ bản"
    ),
}
