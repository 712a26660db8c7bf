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
}
