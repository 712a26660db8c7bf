"""Messages every page shares (formats, evidence, tables, sources): English → Vietnamese."""

VI: dict[str, str] = {
    # helpers.format
    "not reported": "không có số liệu",
    "period not stated": "không nêu thời kỳ",
    "to {year}": "đến {year}",
    "from {year}": "từ {year}",
    "date not printed": "không ghi ngày",
    "{date} (inferred)": "{date} (suy ra)",
    "{years} standard": "chuẩn nghèo {years}",
    "{standard} (inferred)": "{standard} (suy ra)",
    "inferred": "suy ra",
    "Only the first {shown} of {total} rows are shown; the download holds them all.": (
        "Bảng chỉ hiện {shown} dòng đầu trong {total} dòng; tệp tải về có đủ các dòng."
    ),
    # helpers.chart_limits
    "Only the first {shown} of {total} rows are drawn; the table and the download hold them all.": (
        "Biểu đồ chỉ vẽ {shown} dòng đầu trong {total} dòng; bảng và tệp tải về có đủ các dòng."
    ),
    # helpers.facts
    "{range} or more": "{range} trở lên",
    # helpers.sources
    "publisher not printed": "không ghi cơ quan đăng tải",
    "publisher not printed (author {author})": "không ghi cơ quan đăng tải (tác giả {author})",
    "not printed": "không ghi",
    "not recorded": "không ghi nhận",
    # helpers.geo: what happened on 1 July 2025
    "its province": "tỉnh của huyện",
    " and ": " và ",
    "On 1 July 2025 the district level was abolished; {name}'s area now lies in {province}. "
    "Figures here are for the district as it was when reported.": (
        "Từ ngày 1/7/2025, cấp huyện không còn; địa bàn {name} nay thuộc {province}. Số liệu ở "
        "đây là của huyện theo địa giới tại thời điểm báo cáo."
    ),
    "On 1 July 2025 {name} merged into {successor}. Figures here are for {name} as it was when "
    "reported.": (
        "Từ ngày 1/7/2025, {name} hợp nhất vào {successor}. Số liệu ở đây là của {name} theo địa "
        "giới tại thời điểm báo cáo."
    ),
    "On 1 July 2025 {name} absorbed {absorbed} and kept its name. Figures here are for {name} "
    "as it was when reported, without {absorbed}, unless marked otherwise.": (
        "Từ ngày 1/7/2025, {absorbed} hợp nhất vào {name}, tỉnh mới giữ tên {name}. Số liệu ở đây "
        "là của {name} theo địa giới tại thời điểm báo cáo, chưa gồm {absorbed}, trừ khi có ghi "
        "chú khác."
    ),
    # helpers.display: downloads, evidence, captions, tables, sources
    "the rows behind this": "các dòng dữ liệu của bảng này",
    "Download {what} ({count} rows, CSV)": "Tải {what} ({count} dòng, CSV)",
    "Date:": "Ngày:",
    ", read {date}": ", truy cập {date}",
    "The parts printed ({split}) add to {parts}; the report prints {total} as the total. Both "
    "are kept as printed.": (
        "Tổng các phần được nêu ({split}) là {parts}; bài báo ghi tổng là {total}. Cả hai số "
        "được giữ nguyên như bản gốc."
    ),
    "Derived:": "Số liệu tính toán:",
    "Printed as": "Số ghi trong nguồn:",
    "Where:": "Vị trí:",
    "Method:": "Phương pháp:",
    "Note:": "Ghi chú:",
    "Observation": "Mã số liệu",
    "source": "nguồn",
    "Sources:": "Nguồn:",
    "none": "không có",
    "evidence": "căn cứ",
    "Author:": "Tác giả:",
    "How the date was inferred:": "Cách xác định ngày:",
    "Stored text:": "Văn bản lưu trữ:",
    "(no address printed)": "(không có địa chỉ)",
    "No source is cited on this page.": "Trang này không trích dẫn nguồn nào.",
}

VI |= {
    # helpers.methods_box: the methods box on every page
    "How these figures were measured": "Các số liệu này được đo thế nào",
    "review count": "số rà soát",
    "survey estimate": "số ước tính từ khảo sát",
    "not stated": "không nêu",
    "{standard}: {n}": "{standard}: {n}",
    "{years} ({basis}): {n}, {k} inferred": "{years} ({basis}): {n}, trong đó {k} suy ra",
    "{years} ({basis}): {n}": "{years} ({basis}): {n}",
    "Figures by poverty standard: {items}. Never joined as one series.": (
        "Số liệu theo chuẩn nghèo: {items}. Không bao giờ nối thành một chuỗi."
    ),
    "{method} {n}": "{method} {n}",
    "Methods: {items}; never compared as one measure.": (
        "Phương pháp: {items}; không so sánh như cùng một thước đo."
    ),
    "{n} verified against the stored text": "{n} đã đối chiếu với văn bản lưu trữ",
    "{n} not checked (stored text missing)": "{n} chưa đối chiếu (thiếu văn bản lưu trữ)",
    "{n} cited to their address": "{n} trích dẫn theo địa chỉ nguồn",
    "{n} derived by a formula": "{n} tính bằng công thức",
    "Evidence: {items}; open “source” by a figure.": (
        "Căn cứ: {items}; mở mục “nguồn” cạnh mỗi số liệu."
    ),
    "A pace is the average fall per year between two year-end results of one series; a target "
    "is judged only against the same indicator, period and standard.": (
        "Tốc độ giảm là mức giảm bình quân mỗi năm giữa hai kết quả cuối năm của cùng một chuỗi; "
        "mục tiêu chỉ được đánh giá với cùng chỉ tiêu, thời kỳ và chuẩn nghèo."
    ),
    "What the sources do not give stays empty, never zero.": (
        "Số liệu các nguồn không nêu thì để trống, không tính là 0."
    ),
    "Why two standards give two rates": "Vì sao hai chuẩn nghèo cho hai tỷ lệ khác nhau",
}
