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
