"""Messages of the page chrome and the index (``reportbuild``): English → Vietnamese."""

VI: dict[str, str] = {
    # reportbuild.html: header, contents, footer
    "← All reports": "← Tất cả báo cáo",
    "Giảm nghèo: poverty reduction in Vietnam's northern mountain provinces": (
        "Giảm nghèo: giảm nghèo bền vững ở các tỉnh miền núi phía Bắc"
    ),
    "Data version": "Phiên bản dữ liệu",
    "(sha256 of the data files read)": "(mã sha256 của các tệp dữ liệu đã đọc)",
    "code version": "phiên bản mã nguồn",
    "sources published up to": "nguồn công bố đến ngày",
    "How to cite this page:": "Cách trích dẫn trang này:",
    "Giảm nghèo notebooks": "Giảm nghèo notebooks",  # the project's name, not translated
    "version": "phiên bản",
    "code": "mã nguồn",
    "data": "dữ liệu",
    "sources up to": "nguồn đến ngày",
    "All reports and the dataset": "Tất cả báo cáo và bộ dữ liệu",
    "rendered from": "tạo từ",
    "with the parameters": "với các tham số",
    "This page in": "Trang này bằng",
    "Contents": "Mục lục",
    # reportbuild.index
    "Reports on Vietnam's sustainable poverty-reduction programme, 2021–2025": (
        "Báo cáo về Chương trình MTQG giảm nghèo bền vững giai đoạn 2021–2025"
    ),
    "Briefs on the National Target Program for Sustainable Poverty Reduction 2021–2025, built "
    "from a curated dataset in which every figure is traced to the sentence it came from.": (
        "Các bản tóm tắt về Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
        "2021–2025, lập từ một bộ dữ liệu được chọn lọc, trong đó mỗi số liệu đều dẫn về đúng câu "
        "văn của nguồn."
    ),
    "Province profiles": "Hồ sơ các tỉnh",
    "Across provinces": "So sánh giữa các tỉnh",
    "executed notebook": "sổ Jupyter đã chạy",
    "No report has been rendered yet: run": "Chưa có báo cáo nào được tạo: hãy chạy",
    "The dataset": "Bộ dữ liệu",
    "Every table the reports are built from": "Mọi bảng dữ liệu dùng để lập các báo cáo",
    "as UTF-8 CSV": "dạng CSV mã hóa UTF-8",
    "licence": "giấy phép",
    "with its": "kèm",
    "Frictionless descriptor": "tệp mô tả Frictionless",
    "and": "và",
    "data dictionary": "từ điển dữ liệu",
    "All in one file:": "Tất cả trong một tệp:",
    "file": "tệp",
    "what it holds": "nội dung",
    "size": "dung lượng",
    "(sha256 of the data files)": "(mã sha256 của các tệp dữ liệu)",
}
