"""Load the curated tables into typed pandas DataFrames, refusing data that breaks the rules.

The rules come from ``data/datapackage.json`` (Frictionless Table Schema: types,
required fields, enums, patterns, keys, foreign keys) plus the project's own:
an observation's unit is its indicator's, its value is the printed number converted
to that unit, ranges come as low/high pairs, no figure is recorded twice.

Every problem found is reported with file, line, column, value and what was expected,
all in one :class:`DataValidationError`.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.numbers import (
    NumberFormatError,
    UnitError,
    conversion_factor,
    locate_number,
    normalise_text,
    parse_vn_number,
)

TABLES = ("sources", "geographies", "indicators", "observations")
CATEGORICAL = {
    "observations": (
        "geography_id",
        "indicator_id",
        "kind",
        "qualifier",
        "poverty_standard",
        "source_id",
        "unit",
    ),
    "indicators": ("unit", "component"),
    "geographies": ("level",),
}
# What makes a figure the same figure: recording it twice is an error.
NATURAL_KEY = (
    "source_id",
    "geography_id",
    "indicator_id",
    "breakdown_by",
    "breakdown",
    "period_start",
    "period_end",
    "date",
    "kind",
    "qualifier",
    "poverty_standard",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row) of one file."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        where += f", column {self.column!r}" if self.column else ""
        shown = f": {self.value!r}" if self.value is not None else ""
        return f"{where}{shown}: {self.message}"


class DataValidationError(ValueError):
    """The curated data breaks a rule; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        head = f"{len(problems)} problem(s) in the curated data:" if len(problems) > 1 else ""
        body = "\n".join(f"  - {p}" for p in problems) if head else str(problems[0])
        super().__init__(f"{head}\n{body}" if head else body)


@dataclass
class Dataset:
    """The four curated tables, typed and validated."""

    sources: pd.DataFrame
    geographies: pd.DataFrame
    indicators: pd.DataFrame
    observations: pd.DataFrame
    data_dir: Path = field(default_factory=config.data_dir)


@dataclass
class _RawTable:
    name: str
    path: Path
    schema: dict
    rows: list[dict[str, str]]
    lines: list[int]  # line of each row in the file (header is line 1)


def read_descriptor(data_dir: Path) -> dict:
    """The parsed ``datapackage.json`` of ``data_dir``."""
    path = data_dir / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError(
            [
                Problem(
                    str(path), None, None, None, "missing: the data package descriptor is required"
                )
            ]
        ) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            [Problem(str(path), exc.lineno, None, None, f"not valid JSON ({exc.msg})")]
        ) from None


def _read_table(data_dir: Path, resource: dict, problems: list[Problem]) -> _RawTable:
    path = data_dir / resource["path"]
    rows, lines = [], []
    names = [f["name"] for f in resource["schema"]["fields"]]
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            if header != names:
                problems.append(
                    Problem(
                        str(path),
                        1,
                        None,
                        ",".join(header),
                        f"header does not match the schema; expected {','.join(names)}",
                    )
                )
                return _RawTable(resource["name"], path, resource["schema"], [], [])
            for record in reader:
                if not record:
                    continue
                if len(record) != len(names):
                    problems.append(
                        Problem(
                            str(path),
                            reader.line_num,
                            None,
                            ",".join(record),
                            f"row has {len(record)} cells; expected {len(names)} "
                            "(is a comma inside a value not quoted?)",
                        )
                    )
                    continue
                rows.append(dict(zip(names, record, strict=True)))
                lines.append(reader.line_num)
    except FileNotFoundError:
        problems.append(Problem(str(path), None, None, None, "missing file"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(str(path), None, None, None, f"not UTF-8 ({exc.reason})"))
    return _RawTable(resource["name"], path, resource["schema"], rows, lines)


def _cell_problem(value: str, spec: dict) -> str | None:
    """What is wrong with one non-empty cell under its field spec, or None."""
    kind = spec.get("type", "string")
    cons = spec.get("constraints", {})
    if kind == "number":
        if "," in value:
            return (
                "is not a number: it has a decimal comma; write the value with '.' as "
                "the decimal mark (the printed form belongs in number_as_printed)"
            )
        try:
            if not math.isfinite(float(value)):
                return "is not a finite number"
        except ValueError:
            return "is not a number; expected digits with '.' as the decimal mark"
    elif kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return "is not a whole number (a year such as 2024 is expected)"
        number = int(value)
        if "minimum" in cons and number < cons["minimum"]:
            return f"is below the minimum {cons['minimum']}"
        if "maximum" in cons and number > cons["maximum"]:
            return f"is above the maximum {cons['maximum']}"
    elif kind == "date":
        try:
            pd.Timestamp(value)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
        except ValueError:
            return "is not a date; expected YYYY-MM-DD"
    elif kind == "boolean":
        allowed = spec.get("trueValues", ["true"]) + spec.get("falseValues", ["false"])
        if value not in allowed:
            return f"is not a boolean; expected one of {', '.join(allowed)}"
    if "enum" in cons and value not in cons["enum"]:
        return f"is not allowed; expected one of: {', '.join(cons['enum'])}"
    if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
        return f"does not match the pattern {cons['pattern']}"
    return None


def _check_schema(table: _RawTable, problems: list[Problem]) -> None:
    """Types, required, enum, pattern and unique constraints of every cell."""
    for spec in table.schema["fields"]:
        name, constraints = spec["name"], spec.get("constraints", {})
        seen: dict[str, int] = {}
        for row, line in zip(table.rows, table.lines, strict=True):
            value = row[name]
            where = (str(table.path), line, name, value)
            if value == "":
                if constraints.get("required"):
                    problems.append(Problem(*where, "is empty but required"))
                continue
            if normalise_text(value) != value and spec.get("type", "string") == "string":
                problems.append(
                    Problem(
                        *where,
                        "is not in NFC or has non-breaking spaces; "
                        "write plain spaces and composed characters",
                    )
                )
            if (message := _cell_problem(value, spec)) is not None:
                problems.append(Problem(*where, message))
            if constraints.get("unique"):
                if value in seen:
                    message = f"is duplicated (first on line {seen[value]}); ids must be unique"
                    problems.append(Problem(*where, message))
                seen.setdefault(value, line)


def _check_foreign_keys(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    for table in tables.values():
        for fk in table.schema.get("foreignKeys", []):
            target = tables.get(fk["reference"]["resource"] or table.name)
            if target is None:
                continue
            column, target_column = fk["fields"], fk["reference"]["fields"]
            valid = {row[target_column] for row in target.rows}
            for row, line in zip(table.rows, table.lines, strict=True):
                value = row[column]
                if value and value not in valid:
                    listing = ", ".join(sorted(valid))
                    problems.append(
                        Problem(
                            str(table.path),
                            line,
                            column,
                            value,
                            f"unknown {target_column.removesuffix('_id')}: not in "
                            f"{target.path.name}; expected one of: {listing}",
                        )
                    )


def _check_source_geographies(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    valid = {row["geography_id"] for row in tables["geographies"].rows}
    src = tables["sources"]
    for row, line in zip(src.rows, src.lines, strict=True):
        for geo in filter(None, row["geographies"].split(";")):
            if geo not in valid:
                problems.append(
                    Problem(
                        str(src.path),
                        line,
                        "geographies",
                        geo,
                        f"unknown geography; expected one of: {', '.join(sorted(valid))}",
                    )
                )


def _check_observation_values(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    """Units agree with the indicator; the value is the printed number converted."""
    units = {row["indicator_id"]: row["unit"] for row in tables["indicators"].rows}
    obs = tables["observations"]
    for row, line in zip(obs.rows, obs.lines, strict=True):
        where = (str(obs.path), line)
        expected_unit = units.get(row["indicator_id"])
        if expected_unit is None:
            continue  # reported as a foreign-key problem
        if row["unit"] != expected_unit:
            problems.append(
                Problem(
                    *where,
                    "unit",
                    row["unit"],
                    f"differs from the unit of indicator {row['indicator_id']!r}; "
                    f"expected {expected_unit!r}",
                )
            )
            continue
        try:
            factor = conversion_factor(row["unit_as_printed"], expected_unit)
        except UnitError as exc:
            problems.append(Problem(*where, "unit_as_printed", row["unit_as_printed"], str(exc)))
            continue
        printed = row["number_as_printed"]
        if row["excerpt"] and locate_number(normalise_text(row["excerpt"]), printed) is None:
            problems.append(
                Problem(
                    *where,
                    "number_as_printed",
                    printed,
                    "does not occur as a whole number in the excerpt",
                )
            )
        try:
            parsed = parse_vn_number(printed)
            value = float(row["value"])
        except NumberFormatError as exc:
            problems.append(Problem(*where, "number_as_printed", printed, str(exc)))
            continue
        except ValueError:
            continue  # the value cell is reported by the schema check
        if parsed.kind == "range" and row["qualifier"] not in ("range low", "range high"):
            problems.append(
                Problem(
                    *where,
                    "qualifier",
                    row["qualifier"],
                    "the printed number is a range; expected 'range low' or 'range high'",
                )
            )
            continue
        printed_value = parsed.high if row["qualifier"] == "range high" else parsed.low
        converted = printed_value * factor
        if not math.isclose(converted, value, rel_tol=1e-9, abs_tol=1e-9):
            problems.append(
                Problem(
                    *where,
                    "value",
                    row["value"],
                    f"does not match the printed {printed!r} {row['unit_as_printed']!r}, "
                    f"which is {converted:g} {expected_unit}",
                )
            )


def _check_duplicates_and_ranges(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    obs = tables["observations"]
    seen: dict[tuple, int] = {}
    for row, line in zip(obs.rows, obs.lines, strict=True):
        key = tuple(row[c] for c in NATURAL_KEY)
        if key in seen:
            problems.append(
                Problem(
                    str(obs.path),
                    line,
                    None,
                    row["observation_id"],
                    f"records the same figure as line {seen[key]} (same {', '.join(NATURAL_KEY)})",
                )
            )
        seen.setdefault(key, line)
    for row, line in zip(obs.rows, obs.lines, strict=True):
        if row["qualifier"] in ("range low", "range high"):
            other = "range high" if row["qualifier"] == "range low" else "range low"
            key = tuple(row[c] if c != "qualifier" else other for c in NATURAL_KEY)
            if key not in seen:
                problems.append(
                    Problem(
                        str(obs.path),
                        line,
                        "qualifier",
                        row["qualifier"],
                        f"a range needs both ends; no matching {other!r} row",
                    )
                )


def _typed(table: _RawTable, categories: dict[str, list[str]]) -> pd.DataFrame:
    frame = pd.DataFrame(table.rows, columns=[f["name"] for f in table.schema["fields"]])
    frame = frame.replace("", pd.NA)
    for spec in table.schema["fields"]:
        name, kind = spec["name"], spec.get("type", "string")
        if kind == "number":
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        elif kind == "integer":
            frame[name] = pd.to_numeric(frame[name]).astype("Int64")
        elif kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        elif kind == "boolean":
            frame[name] = frame[name].isin(spec.get("trueValues", ["true"])).astype(bool)
        else:
            frame[name] = frame[name].astype("string")
    for name in CATEGORICAL.get(table.name, ()):
        cats = categories.get(name) or sorted(frame[name].dropna().unique())
        frame[name] = pd.Categorical(frame[name], categories=cats)
    return frame


def load_dataset(data_dir: str | Path | None = None) -> Dataset:
    """Read, validate and type the curated tables of ``data_dir`` (default: ``data/``).

    Raises :class:`DataValidationError` naming every problem found.
    """
    data_dir = Path(data_dir) if data_dir is not None else config.data_dir()
    descriptor = read_descriptor(data_dir)
    resources = {r["name"]: r for r in descriptor["resources"]}
    problems: list[Problem] = []
    tables = {name: _read_table(data_dir, resources[name], problems) for name in TABLES}
    for table in tables.values():
        _check_schema(table, problems)
    _check_foreign_keys(tables, problems)
    _check_source_geographies(tables, problems)
    _check_observation_values(tables, problems)
    _check_duplicates_and_ranges(tables, problems)
    if problems:
        raise DataValidationError(problems)

    enums = {
        f["name"]: f["constraints"]["enum"]
        for f in resources["observations"]["schema"]["fields"]
        if "enum" in f.get("constraints", {})
    }
    categories = {
        "geography_id": [r["geography_id"] for r in tables["geographies"].rows],
        "indicator_id": [r["indicator_id"] for r in tables["indicators"].rows],
        "source_id": [r["source_id"] for r in tables["sources"].rows],
        **enums,
    }
    return Dataset(**{name: _typed(tables[name], categories) for name in TABLES}, data_dir=data_dir)
