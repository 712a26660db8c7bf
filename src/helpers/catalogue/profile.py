"""Messages of the profile part of the reports: English (as in the code) → Vietnamese."""

VI: dict[str, str] = {}
