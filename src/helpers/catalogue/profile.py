"""Messages of the profile part of the reports: English (as in the code) → Vietnamese.

``helpers.brief`` (key figures, target statuses and their reasons, findings; the comparison
shares them), ``helpers.profile`` and ``helpers.profile_page`` (the province profile's sections).
"""

VI: dict[str, str] = {
    # helpers.brief: why two figures cannot be set side by side
    "one side names no standard; the 2021–2025 standard was the only one in force": (
        "một bên không nêu chuẩn nghèo; trong thời kỳ này chỉ áp dụng chuẩn nghèo đa chiều "
        "2021–2025"
    ),
    "different poverty standards ({first} vs {second})": (
        "khác chuẩn nghèo ({first} so với {second})"
    ),
    "different measures": "khác chỉ tiêu",
    "it sets a {first} against a {second}": "so sánh {first} với {second}",
    "different periods ({first} vs {second})": "khác thời kỳ ({first} so với {second})",
    "different methods (review count vs survey estimate)": (
        "khác phương pháp (kết quả rà soát so với ước tính từ khảo sát)"
    ),
    # helpers.brief: targets against results
    "met": "đạt",
    "not met": "không đạt",
    "undetermined": "chưa xác định được",
    "not comparable": "không so sánh được",
    "no result is reported": "không có số liệu kết quả",
    "the result {result} ({period}): {why}": "kết quả {result} ({period}): {why}",
    "a period is not printed": "nguồn không ghi thời kỳ",
    "the result is for {date}, the target for the end of {year}": (
        "số liệu này tính đến ngày {date}, còn mục tiêu tính đến cuối năm {year}"
    ),
    "the result's period is only 'to {year}'": "số liệu này chỉ ghi thời kỳ “đến {year}”",
    "it covers {result_period}, the target {target_period}": (
        "số liệu này tính cho {result_period}, còn mục tiêu tính cho {target_period}"
    ),
    "a yearly average against a total fall": "so sánh mức giảm bình quân năm với tổng mức giảm",
    # helpers.brief: money per programme year
    "per year: not computed (the period is not printed or precedes the programme)": (
        "bình quân năm: không tính (nguồn không ghi thời kỳ, hoặc thời kỳ có trước Chương trình)"
    ),
    "one year ({year}): no per-year division needed": (
        "một năm ({year}): không cần chia bình quân năm"
    ),
    "{span}; the period printed starts in {start}, but the programme was approved in "
    "January 2022": (
        "{span}; thời kỳ ghi trong nguồn bắt đầu từ năm {start}, nhưng Chương trình được phê "
        "duyệt vào tháng 1/2022"
    ),
    "{amount} per year over {count} programme years ({span})": (
        "bình quân {amount} mỗi năm trong {count} năm thực hiện Chương trình ({span})"
    ),
    # helpers.brief: key figures
    "Poor-household rate, latest": "Tỷ lệ hộ nghèo mới nhất",
    "no source gives a rate": "không nguồn nào nêu tỷ lệ hộ nghèo",
    "reported after {date} for the former area": "công bố sau ngày {date}, cho địa bàn cũ",
    "{count} figures for that year, all shown under Poverty rates": (
        "có {count} số liệu cho năm này, tất cả đều nêu ở mục Tỷ lệ hộ nghèo"
    ),
    "Reduction target": "Mục tiêu giảm nghèo",
    "no source gives a target": "không nguồn nào nêu mục tiêu",
    "target {target} ({period})": "mục tiêu {target} ({period})",
    "target {target} ({period}); result {result}": (
        "mục tiêu {target} ({period}); kết quả {result}"
    ),
    "Reduction target against result": "Mục tiêu giảm nghèo so với kết quả",
    "{count} other amounts are reported (support policies, loans or earlier programmes); they "
    "are not the programme's allocation": (
        "có {count} khoản tiền khác được nêu (chính sách hỗ trợ, vốn vay hoặc các chương trình "
        "trước đây), không phải vốn phân bổ của Chương trình"
    ),
    "no amount is reported": "không có số liệu về vốn",
    "Programme money": "Vốn Chương trình",
    "Programme money planned": "Vốn Chương trình theo kế hoạch",
    "Programme money allocated": "Vốn Chương trình được phân bổ",
    "People reached": "Người và hộ được hỗ trợ",
    "no count of people reached": "không có số liệu về số người được hỗ trợ",
    "{count} other counts below, not added up": (
        "còn {count} số liệu khác ở phần dưới, không cộng gộp"
    ),
    "People reached (largest count)": "Người và hộ được hỗ trợ (số lớn nhất)",
    "What the sources do not say": "Những nội dung các nguồn chưa nêu",
    "{silent} of {total} component projects": "{silent}/{total} dự án thành phần",
    "silent: {projects}": "chưa có số liệu: {projects}",
    "none silent": "dự án nào cũng có số liệu",
    # helpers.brief: findings
    "Under the {standard}": "Theo {standard}",
    "With no poverty standard named": "Theo số liệu không nêu chuẩn nghèo",
    "administrative review counts": "kết quả rà soát hộ nghèo",
    "household survey estimates": "ước tính từ khảo sát mức sống hộ gia đình",
    "{under}, {name}'s poor-household rate fell from {first} ({first_when}) to {last} "
    "({last_when}), {points} percentage points{how}.": (
        "{under}, tỷ lệ hộ nghèo của {name} giảm từ {first} ({first_when}) xuống {last} "
        "({last_when}), tức giảm {points} điểm phần trăm{how}."
    ),
    "{under}, {name}'s poor-household rate rose from {first} ({first_when}) to {last} "
    "({last_when}), {points} percentage points{how}.": (
        "{under}, tỷ lệ hộ nghèo của {name} tăng từ {first} ({first_when}) lên {last} "
        "({last_when}), tức tăng {points} điểm phần trăm{how}."
    ),
    "{under}, {name}'s poor-household rate was {last} both in {first_when} and in "
    "{last_when}{how}.": (
        "{under}, tỷ lệ hộ nghèo của {name} giữ nguyên ở mức {last} ({first_when} và "
        "{last_when}){how}."
    ),
    "Against the target of {target} for {indicator} ({period}), the reported result of "
    "{result}: met.": (
        "Đối chiếu với mục tiêu {indicator} {target} ({period}), kết quả được báo cáo là "
        "{result}: đạt."
    ),
    "Against the target of {target} for {indicator} ({period}), the reported result of "
    "{result}: not met.": (
        "Đối chiếu với mục tiêu {indicator} {target} ({period}), kết quả được báo cáo là "
        "{result}: không đạt."
    ),
    "Against the target of {target} for {indicator} ({period}), the result of {result} is a "
    "bound that cannot tell whether the target was met.": (
        "Đối chiếu với mục tiêu {indicator} {target} ({period}), kết quả {result} chỉ là một "
        "ngưỡng (cận trên hoặc cận dưới), nên chưa xác định được mục tiêu có đạt hay không."
    ),
    "For the target of {target} for {indicator} ({period}), no comparable result is reported: "
    "{reason}.": (
        "Với mục tiêu {indicator} {target} ({period}), không có kết quả nào so sánh được: {reason}."
    ),
    "For the target of {target} for {indicator} ({period}), no result is reported.": (
        "Với mục tiêu {indicator} {target} ({period}), không có số liệu kết quả."
    ),
    "{rate} under the {standard}": "{rate} theo {standard}",
    "{rate}, no poverty standard named": "{rate}, không nêu chuẩn nghèo",
    "The {year} review gives two poor-household rates for {name}: {rates}. They are different "
    "measures, not a change over time.": (
        "Kết quả rà soát năm {year} đưa ra hai tỷ lệ hộ nghèo của {name}: {rates}. Đây là hai "
        "thước đo khác nhau, không phải sự thay đổi theo thời gian."
    ),
    "The sources give one poor-household rate for {name}: {rate} ({detail}); no trend can be "
    "read from one figure.": (
        "Các nguồn chỉ nêu một tỷ lệ hộ nghèo của {name}: {rate} ({detail}); không thể rút ra xu "
        "hướng từ một số liệu duy nhất."
    ),
    "No source in the dataset gives a poor-household rate for {name}.": (
        "Không nguồn nào trong bộ dữ liệu nêu tỷ lệ hộ nghèo của {name}."
    ),
    "The programme money reported is {total} for {period}.": (
        "Vốn Chương trình được báo cáo là {total} ({period})."
    ),
    "The programme money reported is {total} for {period}, of which {part} ({share}% of the "
    "printed total) is {breakdown}.": (
        "Vốn Chương trình được báo cáo là {total} ({period}), trong đó {breakdown} là {part} "
        "({share}% tổng số ghi trong nguồn)."
    ),
    "The sources give figures for {reported} of the {total} component projects; they are "
    "silent on {silent}.": (
        "Các nguồn có số liệu về {reported} trong {total} dự án thành phần; chưa có số liệu về "
        "{silent}."
    ),
    "The sources give figures for {reported} of the {total} component projects.": (
        "Các nguồn có số liệu về {reported} trong {total} dự án thành phần."
    ),
    "In {count} cases the parts a report prints do not add up to the total it prints; both "
    "are kept and shown beside the figure.": (
        "Có {count} trường hợp tổng các phần mà báo cáo nêu không khớp với tổng số báo cáo ghi; "
        "cả hai đều được giữ nguyên và trình bày cạnh số liệu."
    ),
    "The dataset holds {figures} figures for {name} from {count} sources; each is shown with "
    "its evidence.": (
        "Bộ dữ liệu có {figures} số liệu về {name} từ {count} nguồn; mỗi số liệu đều kèm căn cứ."
    ),
}
