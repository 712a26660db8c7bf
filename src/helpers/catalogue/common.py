"""Messages every page shares (formats, evidence, tables, sources, charts): English → Vietnamese."""

VI: dict[str, str] = {
    # helpers.format
    "not reported": "không có số liệu",
    "period not stated": "không nêu thời kỳ",
    "to {year}": "đến {year}",
    "from {year}": "từ {year}",
    "date not printed": "không ghi ngày",
    "{date} (inferred)": "{date} (suy ra)",
    "{years} standard": "chuẩn nghèo {years}",
}
