"""Messages of the profile part of the reports: English (as in the code) → Vietnamese.

``helpers.brief`` (key figures, target statuses and their reasons, findings; the comparison
shares them), ``helpers.profile`` and ``helpers.profile_page`` (the province profile's sections).
"""

VI: dict[str, str] = {
    # helpers.targets_text: a pace so far printed by the source
    "average fall per year as the source prints it, {start} to {end}: {achieved} pp a year, "
    "against {required} pp a year the target needs; the target's period runs to {last}": (
        "mức giảm bình quân mỗi năm theo số liệu nguồn công bố, {start}–{end}: {achieved} điểm "
        "phần trăm mỗi năm, so với {required} điểm phần trăm mỗi năm mà mục tiêu đòi hỏi; thời "
        "hạn của mục tiêu kéo dài đến {last}"
    ),
    # helpers.brief: why two figures cannot be set side by side
    "one side names no standard; the 2021–2025 standard was the only one in force": (
        "một bên không nêu chuẩn nghèo; trong thời kỳ này chỉ áp dụng chuẩn nghèo đa chiều "
        "2021–2025"
    ),
    "different poverty standards ({first} vs {second})": (
        "khác chuẩn nghèo (một bên: {first}; bên kia: {second})"
    ),
    "different measures": "khác chỉ tiêu",
    "it sets a {first} against a {second}": "so sánh {first} với {second}",
    "different periods ({first} vs {second})": (
        "khác thời kỳ (một bên: {first}; bên kia: {second})"
    ),
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
    # helpers.profile: the component projects
    "silent: the dataset has no indicator for this project": (
        "chưa có số liệu: bộ dữ liệu không có chỉ tiêu nào cho dự án này"
    ),
    "silent": "chưa có số liệu",
    "{reported} of {total}": "{reported}/{total}",
    # helpers.profile_page: title and scope
    "{name}: poverty reduction, 2021–2025": "{name}: giảm nghèo giai đoạn 2021–2025",
    "What the sources say about the National Target Program for Sustainable Poverty "
    "Reduction 2021–2025 in {name}: {figures} figures from {count} sources, each with its "
    "evidence.": (
        "Những gì các nguồn nêu về Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
        "2021–2025 tại {name}: {figures} số liệu từ {count} nguồn, mỗi số liệu đều kèm căn cứ."
    ),
    "{name} profile": "hồ sơ {name}",
    "{first} and the {second}": "{first} và {second}",
    "See the {profiles}.": "Xem {profiles}.",
    # helpers.profile_page: sections
    "Key figures": "Số liệu chính",
    "Findings": "Những điểm chính",
    "Poverty rates: how many households are poor, and how has that changed?": (
        "Tỷ lệ hộ nghèo: bao nhiêu hộ nghèo, và đã thay đổi thế nào?"
    ),
    "Rates under the 2016–2020 standard (Decision 59/2015/QĐ-TTg) and the 2021–2025 "
    "multidimensional standard (Decree 07/2021/NĐ-CP) are different measures: they are never "
    "joined into one line. Administrative review counts and household-survey estimates are "
    "separate lines too.": (
        "Tỷ lệ theo chuẩn nghèo giai đoạn 2016–2020 (Quyết định 59/2015/QĐ-TTg) và theo chuẩn "
        "nghèo đa chiều giai đoạn 2021–2025 (Nghị định 07/2021/NĐ-CP) là hai thước đo khác nhau, "
        "nên không bao giờ được nối thành một đường. Kết quả rà soát hộ nghèo và ước tính từ "
        "khảo sát mức sống hộ gia đình cũng là những đường riêng."
    ),
    "Targets against results: was the reduction target met?": (
        "Mục tiêu và kết quả: mục tiêu giảm nghèo có đạt không?"
    ),
    "A target is met or not met only against a result of the same measure, period and poverty "
    "standard; otherwise the table says why the two cannot be compared.": (
        "Một mục tiêu chỉ được đánh giá là đạt hay không đạt khi có kết quả cùng chỉ tiêu, cùng "
        "thời kỳ và cùng chuẩn nghèo; nếu không, bảng nêu lý do hai số liệu không so sánh được."
    ),
    "Money: how much, for which years, from which budget?": (
        "Nguồn vốn: bao nhiêu, cho những năm nào, từ ngân sách nào?"
    ),
    "The programme's own allocation is divided by the years the programme ran in its period "
    "(it was approved in January 2022). Other money (support policies, loans, earlier "
    "programmes) is listed but not divided.": (
        "Vốn phân bổ của chính Chương trình được chia bình quân theo số năm Chương trình thực "
        "hiện trong thời kỳ của khoản vốn (Chương trình được phê duyệt vào tháng 1/2022). Các "
        "khoản tiền khác (chính sách hỗ trợ, vốn vay, các chương trình trước đây) được liệt kê "
        "nhưng không chia bình quân."
    ),
    "People reached: who benefited?": "Đối tượng được hỗ trợ: ai được thụ hưởng?",
    "Counts of different units (persons, households, person-times) and of overlapping groups "
    "are never added up.": (
        "Các số liệu khác đơn vị tính (người, hộ, lượt người) hoặc về các nhóm đối tượng trùng "
        "nhau không bao giờ được cộng gộp."
    ),
    "Other figures": "Các số liệu khác",
    "The seven component projects: which does each source cover?": (
        "Bảy dự án thành phần: các nguồn đề cập đến những dự án nào?"
    ),
    "Units inside": "Các đơn vị hành chính trực thuộc",
    "Sources": "Nguồn",
    "Verified figures were checked against the stored text of the source, sentence by "
    "sentence; cited figures are linked to the address of an official or provincial source.": (
        "Số liệu “đã đối chiếu với văn bản lưu trữ” được kiểm tra với văn bản của nguồn đã lưu, "
        "từng câu một; số liệu “trích dẫn theo địa chỉ nguồn” được dẫn đến địa chỉ của một nguồn "
        "chính thức hoặc nguồn của tỉnh."
    ),
    # helpers.profile_page: tables of facts
    "what": "chỉ tiêu",
    "when": "thời gian",
    "kind": "loại số liệu",
    "standard": "chuẩn nghèo",
    "value": "giá trị",
    "Poor and near-poor households, {name}": "Hộ nghèo và hộ cận nghèo, {name}",
    "No poor or near-poor rate or count is reported for {name}.": (
        "Không có số liệu về tỷ lệ hay số hộ nghèo, hộ cận nghèo của {name}."
    ),
    "No series of two or more years under one standard and method is reported, so no chart "
    "is drawn; the figures are listed below.": (
        "Không có chuỗi số liệu từ hai năm trở lên theo cùng một chuẩn nghèo và phương pháp, nên "
        "không vẽ biểu đồ; các số liệu được liệt kê dưới đây."
    ),
    "Poor-household rate by year, {name}: one line per standard and method.": (
        "Tỷ lệ hộ nghèo qua các năm, {name}: mỗi chuẩn nghèo và phương pháp một đường riêng."
    ),
    "Line chart of the poor-household rate. {lines}.": (
        "Biểu đồ đường về tỷ lệ hộ nghèo. {lines}."
    ),
    "{name} under the {standard}: {points}": "{name} theo {standard}: {points}",
    "{name}, no poverty standard named: {points}": "{name}, không nêu chuẩn nghèo: {points}",
    # helpers.profile_page: targets
    "target": "mục tiêu",
    "target value": "giá trị mục tiêu",
    "result": "kết quả",
    "status": "đánh giá",
    "why": "lý do",
    "Targets against results, {name}": "Mục tiêu so với kết quả, {name}",
    "targets {name}": "mục tiêu {name}",
    "Reductions — {name}": "Mức giảm — {name}",
    "Reduction figures, {name}": "Số liệu về mức giảm nghèo, {name}",
    "No reduction target or result is reported for {name}.": (
        "Không có số liệu về mục tiêu hay kết quả giảm nghèo của {name}."
    ),
    "Chart of {count} figures. {items}.": "Biểu đồ {count} số liệu. {items}.",
    # helpers.profile_page: money and people
    "per programme year": "bình quân mỗi năm thực hiện Chương trình",
    "Amounts, {name}": "Các khoản vốn, {name}",
    "No amount of money is reported for {name}.": "Không có số liệu về vốn của {name}.",
    "Amounts by part, {name}": "Các khoản vốn theo cơ cấu, {name}",
    "not applicable: not the programme's own allocation": (
        "không áp dụng: không phải vốn phân bổ của Chương trình"
    ),
    "a part: see its total": "một phần: xem tổng số",
    "People and households reached, {name}": "Người và hộ được hỗ trợ, {name}",
    "No count of people or households reached is reported for {name}.": (
        "Không có số liệu về số người hay số hộ được hỗ trợ tại {name}."
    ),
    "Reached, by group, {name}": "Đối tượng được hỗ trợ theo nhóm, {name}",
    "Other figures, {name}": "Các số liệu khác, {name}",
    "No other figure is reported for {name}.": "Không có số liệu nào khác về {name}.",
    # helpers.profile_page: components, units inside, gaps
    "component": "nội dung",
    "indicators reported": "số chỉ tiêu có số liệu",
    "what the reports give": "các chỉ tiêu được báo cáo",
    "No figures are reported for units inside {name}.": (
        "Không có số liệu cho các đơn vị hành chính trực thuộc {name}."
    ),
    "nation": "quốc gia",
    "province": "tỉnh",
    "district": "huyện",
    "unit": "đơn vị",
    "level": "cấp",
    "figures": "số lượng số liệu",
    "Every indicator of the dataset is reported for {name}.": (
        "Mọi chỉ tiêu của bộ dữ liệu đều có số liệu cho {name}."
    ),
    "{count} of the dataset's {total} indicators have no figure for {name}. Missing is "
    "missing: none of these is zero, and none is filled in.": (
        "{count}/{total} chỉ tiêu của bộ dữ liệu chưa có số liệu cho {name}. Các chỉ tiêu này "
        "được để trống: không coi là bằng 0, cũng không điền số thay thế."
    ),
    # issue 14: verdicts, findings and money selected from helpers.analysis
    "not applicable: money of another programme or policy": (
        "không áp dụng: vốn của chương trình hoặc chính sách khác"
    ),
    "People reached: the largest single count": ("Người được hỗ trợ: số liệu lớn nhất"),
    "on track": ("đúng tiến độ"),
    "behind": ("chậm tiến độ"),
    "achieved, as the source states": ("đạt, theo nguồn"),
    "The sources give no two year-end rates of {name} in one series (one standard and method), "
    "so no pace can be read: {rates}.": (
        "Các nguồn không có hai tỷ lệ cuối năm của {name} trong cùng một chuỗi (cùng chuẩn nghèo "
        "và phương pháp), nên không tính được tốc độ giảm: {rates}."
    ),
    "Target of {target} for {indicator} ({period}): {status}.": (
        "Mục tiêu {target} về {indicator} ({period}): {status}."
    ),
    "Target of {target} for {indicator} ({period}): {status} — {reason}.": (
        "Mục tiêu {target} về {indicator} ({period}): {status} — {reason}."
    ),
    "The programme money allocated for {period}, {amount}, is {per} million VND per poor "
    "household ({households} poor households in {year}).": (
        "Vốn Chương trình đã phân bổ cho {period}, {amount}, tương ứng {per} triệu đồng mỗi hộ "
        "nghèo ({households} hộ nghèo năm {year})."
    ),
    "to date on {date}": ("tính đến ngày {date}"),
    "on {date}": ("ngày {date}"),
    "to date in {year}": ("tính đến thời điểm báo cáo trong năm {year}"),
    "{under}, {name}'s poor-household rate fell from {first} ({first_year}) to {last} "
    "({last_year}): {points} percentage points, {pace} a year.": (
        "{under}, tỷ lệ hộ nghèo của {name} giảm từ {first} ({first_year}) xuống {last} "
        "({last_year}): {points} điểm phần trăm, bình quân {pace} điểm mỗi năm."
    ),
    "{under}, {name}'s poor-household rate rose from {first} ({first_year}) to {last} "
    "({last_year}): {points} percentage points, {pace} a year.": (
        "{under}, tỷ lệ hộ nghèo của {name} tăng từ {first} ({first_year}) lên {last} "
        "({last_year}): {points} điểm phần trăm, bình quân {pace} điểm mỗi năm."
    ),
    "Over {start}–{end}, the years both series hold, {name}'s rate fell from {a} to {b}, {p} "
    "percentage points a year, and the nation's from {c} to {d}, {q} a year, under the same "
    "standard and method.": (
        "Trong {start}–{end}, những năm cả hai chuỗi đều có số liệu, tỷ lệ của {name} giảm từ "
        "{a} xuống {b}, bình quân {p} điểm phần trăm mỗi năm, còn của cả nước giảm từ {c} xuống "
        "{d}, {q} điểm mỗi năm, cùng chuẩn nghèo và phương pháp."
    ),
    "Over {start}–{end}, the years both series hold, {name}'s rate went from {a} to {b} ({p} "
    "percentage points a year) and the nation's from {c} to {d} ({q} a year), under the same "
    "standard and method.": (
        "Trong {start}–{end}, những năm cả hai chuỗi đều có số liệu, tỷ lệ của {name} từ {a} "
        "thành {b} ({p} điểm phần trăm mỗi năm), còn của cả nước từ {c} thành {d} ({q} điểm mỗi "
        "năm), cùng chuẩn nghèo và phương pháp."
    ),
    "A later figure, {value} {when}, is reported during the year: it is not a year-end review "
    "result.": (
        "Một số liệu sau đó, {value} {when}, được báo cáo trong năm: đây không phải kết quả rà "
        "soát cuối năm."
    ),
    "{rate} ({when}, {standard})": ("{rate} ({when}, {standard})"),
    "average fall per year from the two year-end rates of one series, {start} to {end}: "
    "{achieved} pp a year, against {required} pp a year the target needs": (
        "mức giảm bình quân mỗi năm tính từ hai tỷ lệ cuối năm của cùng một chuỗi, từ {start} "
        "đến {end}: {achieved} điểm phần trăm mỗi năm, so với {required} điểm phần trăm mỗi năm "
        "mà mục tiêu đòi hỏi"
    ),
    "the source states that the target was met or exceeded but gives no figure: this is the "
    "source's claim": (
        "nguồn nêu mục tiêu đã hoàn thành hoặc vượt nhưng không đưa ra số liệu: đây là khẳng "
        "định của nguồn"
    ),
    "the result is a bound that cannot tell whether the target was met": (
        "kết quả chỉ là một giới hạn, không cho biết mục tiêu có đạt hay không"
    ),
    "the results reported are for other periods": ("các kết quả được báo cáo thuộc thời kỳ khác"),
    "the result is for a day inside the year, not its end": (
        "kết quả tính đến một ngày trong năm, không phải cuối năm"
    ),
    "the results use another poverty standard": ("các kết quả theo chuẩn nghèo khác"),
    "the rate series under the target's standard and method has no year-end figure at the start "
    "of the target's period": (
        "chuỗi tỷ lệ theo chuẩn nghèo và phương pháp của mục tiêu không có số liệu cuối năm ở "
        "đầu thời kỳ của mục tiêu"
    ),
    "no result for the target's period is reported; the data reach {year}": (
        "không có kết quả cho thời kỳ của mục tiêu; số liệu mới đến năm {year}"
    ),
    " (results reported: {results})": (" (các kết quả được báo cáo: {results})"),
    "average fall per year, from two year-end rates": (
        "mức giảm bình quân mỗi năm, tính từ hai tỷ lệ cuối năm"
    ),
    "; the data reach {year}, the target's period runs to {end}": (
        "; số liệu mới đến năm {year}, thời kỳ của mục tiêu kéo dài đến {end}"
    ),
    "result {result}": ("kết quả {result}"),
    "the rate at the end of the period, from the same series: {result}": (
        "tỷ lệ cuối thời kỳ, trong cùng chuỗi: {result}"
    ),
    "target {target} ({period}); average fall {pace}, {years}": (
        "mục tiêu {target} ({period}); mức giảm bình quân {pace}, {years}"
    ),
    "Households reached: the largest single count": ("Hộ được hỗ trợ: số liệu lớn nhất"),
}
