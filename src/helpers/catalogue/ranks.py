"""Messages of the ranked survey chart (:mod:`helpers.plotting_ranks`): English → Vietnamese."""

VI: dict[str, str] = {
    "{period}\npoverty line": "chuẩn nghèo\n{period}",
    "each province": "từng tỉnh",
    "region": "vùng",
    "nation": "quốc gia",
    "{year}: {rank} of {n}": "{year}: thứ {rank}/{n}",
    "Dot chart of every province's poor-household rate by year, {name} highlighted with its "
    "rank (1 = highest rate): {points}.": (
        "Biểu đồ điểm tỷ lệ hộ nghèo của mọi tỉnh theo năm, {name} được làm nổi bật kèm thứ hạng "
        "(1 = tỷ lệ cao nhất): {points}."
    ),
    # helpers.ranks_page
    "year": "năm",
    "rank": "thứ hạng",
    "poverty line used": "chuẩn nghèo áp dụng",
    "{period} line": "chuẩn nghèo {period}",
    "{line} (inferred)": "{line} (suy ra)",
    "{rank} of {n}": "{rank}/{n}",
    "not ranked": "không xếp hạng",
    "printed": "có ghi trong nguồn",
    "table": "bảng",
    "years": "các năm",
    "how it is known": "căn cứ",
    "Where {name} stands among Vietnam's provinces": "{name} so với các tỉnh, thành phố cả nước",
    "The statistics office's household-survey estimates rank every province by its "
    "poor-household rate (1 = the highest). They are a series apart from the annual review "
    "counts shown above.": (
        "Số ước tính từ khảo sát hộ gia đình của Tổng cục Thống kê cho phép xếp hạng mọi tỉnh "
        "theo tỷ lệ hộ nghèo (1 = cao nhất). Đây là một chuỗi số liệu riêng, khác với kết quả "
        "rà soát hằng năm nêu ở phần trên."
    ),
    "The statistics office's tables give no rate for {name}.": (
        "Các bảng của Tổng cục Thống kê không có tỷ lệ nào cho {name}."
    ),
    "Every province's household-survey poor-household rate by year; {name} highlighted with "
    "its rank.": (
        "Tỷ lệ hộ nghèo theo khảo sát hộ gia đình của mọi tỉnh qua các năm; {name} được làm nổi "
        "bật kèm thứ hạng."
    ),
    "In the statistics office's household-survey tables, {name}'s poor-household rate ranked "
    "{rank} of {n} provinces in {year}, 1 being the highest ({rate}; its region {region}, the "
    "nation {nation}); in {first_year} it ranked {first_rank} of {first_n} ({first_rate}). The "
    "series takes a new poverty line from {breaks}: ranks compare provinces within a year, and "
    "rates under different lines are not compared across years.": (
        "Theo các bảng khảo sát hộ gia đình của Tổng cục Thống kê, năm {year} tỷ lệ hộ nghèo của "
        "{name} đứng thứ {rank}/{n} tỉnh, với 1 là cao nhất ({rate}; cả vùng {region}, cả nước "
        "{nation}); năm {first_year}, {name} đứng thứ {first_rank}/{first_n} ({first_rate}). "
        "Chuỗi số liệu áp dụng chuẩn nghèo mới từ năm {breaks}: thứ hạng chỉ so sánh các tỉnh "
        "trong cùng một năm, còn tỷ lệ theo các chuẩn khác nhau thì không đem so giữa các năm."
    ),
    "Among all of Vietnam's provinces: the focus provinces' ranks over time": (
        "So với các tỉnh, thành phố cả nước: thứ hạng của các tỉnh qua các năm"
    ),
    "Ranks by the statistics office's household-survey poor-household rate (1 = the highest), "
    "within each year; the poverty line changed between some years, so ranks, not rates, are "
    "set side by side.": (
        "Thứ hạng theo tỷ lệ hộ nghèo từ khảo sát hộ gia đình của Tổng cục Thống kê (1 = cao "
        "nhất), xếp trong từng năm; chuẩn nghèo đã thay đổi giữa một số năm, nên ở đây đặt cạnh "
        "nhau các thứ hạng chứ không phải các tỷ lệ."
    ),
    "No rank is available.": "Không có thứ hạng nào.",
    "Rank of each focus province among all provinces by year (1 = highest rate).": (
        "Thứ hạng của từng tỉnh trong số các tỉnh cả nước qua các năm (1 = tỷ lệ cao nhất)."
    ),
    "The statistics office's series: which poverty line each year uses": (
        "Chuỗi số liệu của Tổng cục Thống kê: mỗi năm áp dụng chuẩn nghèo nào"
    ),
    "The household-survey rates of every province are read against the line of their period. "
    "A change of line breaks the series: in 2010 (the 2011–2015 line), in 2016 (the 2016–2020 "
    "standard) and in 2021 (the 2021–2025 standard).": (
        "Tỷ lệ hộ nghèo theo khảo sát hộ gia đình của mọi tỉnh được tính theo chuẩn nghèo của "
        "giai đoạn tương ứng. Mỗi lần đổi chuẩn là một lần chuỗi số liệu bị ngắt: năm 2010 (chuẩn "
        "giai đoạn 2011–2015), năm 2016 (chuẩn 2016–2020) và năm 2021 (chuẩn 2021–2025)."
    ),
    "rank (1 = highest rate)": "thứ hạng (1 = tỷ lệ cao nhất)",
    "Line chart of each province's rank among all provinces by year (1 = highest rate): "
    "{points}.": (
        "Biểu đồ đường thứ hạng của từng tỉnh trong số các tỉnh cả nước qua các năm (1 = tỷ lệ "
        "cao nhất): {points}."
    ),
}
