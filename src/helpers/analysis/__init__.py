"""The analysis layer: language-free functions that take the dataset and return tidy tables.

One module per concept. Each function returns a pandas DataFrame with one row per observation
or per judged item, numbers as numbers, ids and codes (never labels, HTML or words of a page's
language), and the observation ids behind every derived number. The page modules
(`helpers.profile_page`, `helpers.compare_page`, `helpers.standards_page`, `helpers.brief`)
only select from these tables and format them.
"""
