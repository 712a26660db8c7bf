"""Trace every figure back to its source text, and every number in a source to a decision.

Three checks a curator (and the test suite) runs against ``shared/seeds/``:

- :func:`missing_excerpts`: each observation's excerpt occurs verbatim in its report;
- :func:`uncovered_numbers`: each number written in a report is either the number of an
  observation or listed in ``number_ignores.csv`` with a reason;
- :func:`parts_versus_totals`: where a report gives parts and a total, whether they add up.

All three concern the *verified* tier only: the seed reports whose text is stored. Cited
sources have no stored text (their rows carry a location, not an excerpt), and derived
rows no printed number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.load import Dataset, Problem, load_dataset
from helpers.numbers import find_numbers, locate_number, normalise_text


def tier(dataset: Dataset, source_id: str, verification: object = None) -> str:
    """How a source's figures are backed, as a page may say it: ``"verified"`` only when the
    loader checked its rows' excerpts against its stored text (``load_dataset`` does, whenever
    the text is there); ``"unchecked"`` for a verified source whose text was not found, so the
    check could not run; ``"cited"`` for a source known by its address.

    ``verification`` is the source's ``verification`` cell when the caller has it at hand.
    """
    if verification is None or pd.isna(verification):
        rows = dataset.sources[dataset.sources["source_id"].astype(str) == str(source_id)]
        verification = rows["verification"].iloc[0] if len(rows) else "verified"
    verification = str(verification or "verified")
    unchecked = getattr(dataset, "unchecked_sources", None)
    if verification == "verified" and (unchecked is None or str(source_id) in unchecked):
        return "unchecked"
    return verification


def verified_observations(dataset: Dataset) -> pd.DataFrame:
    """Observations of verified sources that are printed in them (not derived)."""
    sources = dataset.sources
    verified = set(sources.loc[sources["verification"] == "verified", "source_id"].astype(str))
    obs = dataset.observations
    keep = obs["source_id"].astype(str).isin(verified) & obs["formula"].isna()
    return obs[keep]


def source_texts(dataset: Dataset, seeds_dir: Path | None = None) -> dict[str, str]:
    """Normalised text of every verified source, keyed by source id."""
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else config.seeds_dir()
    verified = dataset.sources[dataset.sources["verification"] == "verified"]
    return {
        row.source_id: normalise_text((seeds_dir / row.seed_file).read_text(encoding="utf-8"))
        for row in verified.itertuples()
    }


def _lines(dataset: Dataset) -> dict[str, int]:
    """CSV line of each observation, as the loader read it."""
    ids = dataset.observations["observation_id"]
    lines = getattr(dataset, "lines", {}).get("observations") or range(2, len(ids) + 2)
    return dict(zip(ids, lines, strict=True))


def missing_excerpts(dataset: Dataset, texts: dict[str, str]) -> list[Problem]:
    """Verified observations whose excerpt does not occur verbatim in their source."""
    path = str(dataset.data_dir / "observations.csv")
    lines = _lines(dataset)
    problems = []
    for row in verified_observations(dataset).itertuples():
        if normalise_text(row.excerpt) not in texts[row.source_id]:
            problems.append(
                Problem(
                    path,
                    lines[row.observation_id],
                    "excerpt",
                    row.excerpt,
                    f"does not occur in the text of source {row.source_id!r}",
                )
            )
    return problems


@dataclass(frozen=True)
class UncoveredNumber:
    """A number in a source that no observation and no ignore entry accounts for."""

    source_id: str
    number: str
    line: int
    context: str

    def __str__(self) -> str:
        return f"{self.source_id}, line {self.line}: {self.number!r} in “…{self.context}…”"


def read_ignores(data_dir: Path | None = None) -> pd.DataFrame:
    """``number_ignores.csv``: numbers in sources that are deliberately not observations.

    Read and validated by the loader; ``line`` is each entry's line in the file.
    """
    dataset = load_dataset(data_dir)
    return dataset.ignores.assign(line=dataset.lines["number_ignores"])


def _spans_of(text: str, fragment: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(fragment)
    while start != -1:
        spans.append((start, start + len(fragment)))
        start = text.find(fragment, start + 1)
    return spans


def _covered_spans(dataset: Dataset, texts: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    """Spans of each source holding the printed number of some observation."""
    covered: dict[str, list[tuple[int, int]]] = {sid: [] for sid in texts}
    for row in verified_observations(dataset).itertuples():
        excerpt = normalise_text(row.excerpt)
        inner = locate_number(excerpt, normalise_text(row.number_as_printed))
        if inner is None:
            continue
        for start, _ in _spans_of(texts[row.source_id], excerpt):
            covered[row.source_id].append((start + inner[0], start + inner[1]))
    return covered


def _ignored_spans(
    ignores: pd.DataFrame, texts: dict[str, str]
) -> dict[str, list[tuple[int, int]]]:
    ignored: dict[str, list[tuple[int, int]]] = {sid: [] for sid in texts}
    for row in ignores.itertuples():
        context = normalise_text(row.context)
        for start, _ in _spans_of(texts.get(row.source_id, ""), context):
            for n_start, n_end, printed in find_numbers(context):
                if row.number in ("*", printed):
                    ignored[row.source_id].append((start + n_start, start + n_end))
    return ignored


def stale_ignores(ignores: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Ignore entries whose context is not in the source or does not hold their number."""
    stale = []
    for row in ignores.itertuples():
        i = row.line
        context = normalise_text(row.context)
        printed = [p for _, _, p in find_numbers(context)]
        if context not in texts.get(row.source_id, ""):
            stale.append(f"number_ignores.csv, line {i}: context not found in {row.source_id!r}")
        elif row.number != "*" and row.number not in printed:
            stale.append(
                f"number_ignores.csv, line {i}: {row.number!r} is not a number in its context"
            )
    return stale


def uncovered_numbers(
    dataset: Dataset, texts: dict[str, str], ignores: pd.DataFrame
) -> list[UncoveredNumber]:
    """Numbers written in the sources that neither an observation nor an ignore entry covers."""
    covered = _covered_spans(dataset, texts)
    ignored = _ignored_spans(ignores, texts)
    result = []
    for source_id, text in texts.items():
        claimed = covered[source_id] + ignored[source_id]
        for start, end, printed in find_numbers(text):
            if any(a <= start and end <= b for a, b in claimed):
                continue
            line = text.count("\n", 0, start) + 1
            context = text[max(0, start - 40) : end + 40].replace("\n", " ")
            result.append(UncoveredNumber(source_id, printed, line, context))
    return result


def printed_observations(dataset: Dataset) -> pd.DataFrame:
    """Observations printed in their source (not derived), of either tier."""
    obs = dataset.observations
    return obs[obs["formula"].isna()]


# Whether exact parts summing to ``s`` agree with a total printed as a bound ``t``.
_BOUND_AGREES = {
    "over": lambda s, t: s > t,
    "at least": lambda s, t: s >= t,
    "below": lambda s, t: s < t,
}


def _adds_up(parts_qualifier: str, total_qualifier: str, parts_sum: float, total: float) -> bool:
    """Exact parts against a bound total: the sum must lie within the bound ("over 1.167" is
    not made by parts of 1.166). Otherwise (same qualifier on both sides, or exact): equal."""
    if parts_qualifier == "exact" and total_qualifier in _BOUND_AGREES:
        return bool(_BOUND_AGREES[total_qualifier](parts_sum, total))
    return abs(total - parts_sum) <= 1e-9


def parts_versus_totals(dataset: Dataset, include_cited: bool = False) -> pd.DataFrame:
    """Every total that has parts in the same source, with the parts' sum and the difference.

    A part is an observation with ``breakdown_by`` set; its total is the observation of
    the same source, geography, indicator, period, kind and standard with no breakdown,
    whatever its qualifier: a total printed as "over 1.167" is checked against its parts
    too. ``adds_up`` says whether they agree: equal, or for exact parts against a bound
    total, within the bound (``_adds_up``); ``difference`` is ``total - parts_sum``.
    Splits printed without their total are left out, and so are derived rows; cited rows
    only with ``include_cited`` (their splits, recorded without the text, may be partial
    or nested, so the suite checks only the cited totals listed in known_discrepancies.csv).
    """
    obs = printed_observations(dataset) if include_cited else verified_observations(dataset)
    key = [
        "source_id",
        "geography_id",
        "indicator_id",
        "period_start",
        "period_end",
        "kind",
        "poverty_standard",
    ]
    totals = obs[obs["breakdown_by"].isna()]
    parts = obs[obs["breakdown_by"].notna()].assign(
        parts_qualifier=lambda t: t["qualifier"].astype(str)
    )
    sums = (
        parts.groupby(key + ["breakdown_by", "parts_qualifier"], observed=True, dropna=False)[
            "value"
        ]
        .agg(parts_sum="sum", n_parts="size")
        .reset_index()
    )
    totals = totals[key + ["observation_id", "value", "qualifier"]].rename(
        columns={
            "observation_id": "total_observation_id",
            "value": "total",
            "qualifier": "total_qualifier",
        }
    )
    merged = sums.merge(totals, on=key, how="inner")
    merged["total_qualifier"] = merged["total_qualifier"].astype(str)
    merged["difference"] = (merged["total"] - merged["parts_sum"]).round(9)
    merged["adds_up"] = [
        _adds_up(r.parts_qualifier, r.total_qualifier, r.parts_sum, r.total)
        for r in merged.itertuples()
    ]
    columns = ["total_observation_id", "breakdown_by", "total", "total_qualifier"]
    columns += ["parts_sum", "difference", "n_parts", "adds_up"]
    return (
        merged[columns].sort_values(["total_observation_id", "breakdown_by"]).reset_index(drop=True)
    )


def read_known_discrepancies(data_dir: Path | None = None) -> pd.DataFrame:
    """``known_discrepancies.csv``: totals whose printed parts do not add up, as recorded.

    Read and validated by the loader, like every table under ``data/``.
    """
    return load_dataset(data_dir).discrepancies
