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
VI |= {
    # helpers.display.show_code
    "Code": "Mã lệnh",
    # helpers.data_page: the notebook "Working with the data"
    "Working with the data": "Làm việc với dữ liệu",
    "Four questions a researcher brings, each answered with the public API: a table from "
    "`helpers.analysis`, then a chart drawn from it with `seaborn`. Open the code under each table "
    "to see how; every table names the observation ids behind its numbers.": (
        "Bốn câu hỏi của người nghiên cứu, mỗi câu được trả lời bằng giao diện lập trình công "
        "khai: một bảng từ `helpers.analysis`, rồi một biểu đồ vẽ từ bảng đó bằng `seaborn`. "
        "Mở phần mã lệnh dưới mỗi bảng để xem cách làm; mỗi bảng ghi mã quan sát của các số "
        "liệu trong đó."
    ),
    "What is each province's poor-household rate, 2021–2025, against the nation's?": (
        "Tỷ lệ hộ nghèo giai đoạn 2021–2025 của từng tỉnh so với cả nước ra sao?"
    ),
    "`trajectories.rates` gives one row per rate, with its series (geography, standard in force "
    "and method). The chart keeps year-end results under the 2021–2025 standard: one line per "
    "province and method; a figure reported to date is left out of it.": (
        "`trajectories.rates` cho mỗi tỷ lệ một dòng, kèm chuỗi số liệu của nó (địa phương, chuẩn "
        "nghèo áp dụng và phương pháp). Biểu đồ chỉ giữ kết quả cuối năm theo chuẩn nghèo "
        "2021–2025: mỗi tỉnh và mỗi phương pháp một đường; số liệu tính đến một thời điểm trong "
        "năm không được vẽ."
    ),
    "Which targets were met, are on track, or are behind?": (
        "Mục tiêu nào đã đạt, mục tiêu nào đúng tiến độ hay chậm tiến độ?"
    ),
    "`targets.verdicts` gives one row per target with a status and a reason code; a pace read "
    "from two rates of one series carries its formula.": (
        "`targets.verdicts` cho mỗi mục tiêu một dòng với mã tình trạng và mã lý do; tốc độ "
        "tính từ hai tỷ lệ của cùng một chuỗi số liệu kèm công thức tính."
    ),
    "How much money per programme year and per poor household?": (
        "Bình quân mỗi năm của Chương trình và mỗi hộ nghèo có bao nhiêu vốn?"
    ),
    "`money.funding` classes every amount; the programme's own allocation is divided by its "
    "programme years (from 2022) and, where a matching count exists, by the poor households.": (
        "`money.funding` phân loại từng khoản tiền; vốn phân bổ của Chương trình được chia cho số "
        "năm thực hiện Chương trình (từ 2022) và, khi có số hộ nghèo tương ứng, cho số hộ nghèo."
    ),
    "How do the provinces merged on 1 July 2025 compare?": (
        "Các tỉnh hợp nhất ngày 1/7/2025 so với nhau ra sao?"
    ),
    "`mergers.merger_pairs` pairs the figures of the two members of each merged province and says "
    "whether they can be compared; `trajectories.paces` gives each series' average fall per year, "
    "both ends from one series.": (
        "`mergers.merger_pairs` ghép số liệu của hai tỉnh thành viên của mỗi tỉnh hợp nhất và cho "
        "biết có so sánh được không; `trajectories.paces` cho mức giảm bình quân mỗi năm của từng "
        "chuỗi số liệu, hai đầu mút lấy từ cùng một chuỗi."
    ),
    "Bar chart of the targets' verdicts by province. {items}.": (
        "Biểu đồ cột về kết quả đánh giá mục tiêu theo tỉnh. {items}."
    ),
    "{name}, {period}: {pace}": "{name}, {period}: {pace}",
    "Bar chart of the average fall per year in the poor-household rate. {items}.": (
        "Biểu đồ cột về mức giảm tỷ lệ hộ nghèo bình quân mỗi năm. {items}."
    ),
    "method": "phương pháp",
    "targets": "số mục tiêu",
    "percentage points per year, fall": "điểm phần trăm mỗi năm, mức giảm",
}
VI |= {
    # notebooks/04-working-with-the-data: the charts' captions
    "Poor-household rate, year-end results under the 2021–2025 standard.": (
        "Tỷ lệ hộ nghèo, kết quả cuối năm theo chuẩn nghèo 2021–2025."
    ),
    "Targets by verdict and province.": "Số mục tiêu theo kết quả đánh giá và theo tỉnh.",
    "Average fall per year in the poor-household rate, 2021–2025 standard.": (
        "Mức giảm tỷ lệ hộ nghèo bình quân mỗi năm, chuẩn nghèo 2021–2025."
    ),
}
VI |= {
    # helpers.plotting: a rate that stands at a date inside its year ("to date", mid-year)
    "{value} at {date}": "{value}, tính đến {date}",
}
