"""Load the curated tables into typed pandas DataFrames, refusing data that breaks the rules.

Every table under ``data/`` is read the same way: its bytes checked (UTF-8, no byte-order
mark, a final newline so that a cut last line cannot pass), its header against the
schema in ``data/datapackage.json`` (Frictionless Table Schema: types, required fields,
enums, patterns, keys, foreign keys), then the project's own rules:

- an observation's unit is its indicator's, its value is the printed number converted
  to that unit, ranges come as low/high pairs, no figure is recorded twice;
- the two tiers of sources: a *verified* source has a stored text (``seed_file``) and its
  observations a verbatim ``excerpt``; a *cited* source has an address (``url``) and its
  observations no excerpt but a ``location`` and the number as printed;
- a *derived* observation (``formula`` set) equals its formula over other observations;
- periods run forwards, nothing actual lies in the future (relative to ``today``) or after
  its source was published.

Every problem found is reported with file, line, column, value and what was expected,
all in one :class:`DataValidationError`.
"""

from __future__ import annotations

import ast
import codecs
import csv
import io
import json
import math
import operator
import re
from dataclasses import dataclass, field
from datetime import date
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

# The tables every data package must have, and the Dataset field each one becomes.
TABLES = {
    "sources": "sources",
    "geographies": "geographies",
    "indicators": "indicators",
    "observations": "observations",
    "known_discrepancies": "discrepancies",
    "number_ignores": "ignores",
}
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
# The poverty standards a source can name (or that a period can imply: standard_inferred).
NAMED_STANDARDS = ("2016-2020", "2021-2025")
# The message of a DataValidationError lists this many problems (``problems`` holds them all).
MAX_PROBLEMS_SHOWN = 50
# The longest cell a table may hold, in characters (the csv module's default limit, set here
# because importing frictionless raises that process-wide limit).
MAX_CELL_CHARS = 131_072
# Figures that may lie after today: what is planned or aimed at, not what happened.
FORWARD_KINDS = ("target", "plan", "estimate")


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
        shown = problems[:MAX_PROBLEMS_SHOWN]
        body = "\n".join(f"  - {p}" for p in shown) if head else str(problems[0])
        if len(problems) > len(shown):
            body += f"\n  … and {len(problems) - len(shown):,} more of the same kinds"
        super().__init__(f"{head}\n{body}" if head else body)


def _empty() -> pd.DataFrame:
    return pd.DataFrame()


@dataclass
class Dataset:
    """The curated tables, typed and validated.

    ``discrepancies`` is ``known_discrepancies.csv`` and ``ignores`` is
    ``number_ignores.csv``; ``other_tables`` holds any further resource of the package.
    ``lines`` gives, per resource name, the file line of each row (a quoted value may
    span lines, so it is not always the row's index + 2).
    """

    sources: pd.DataFrame
    geographies: pd.DataFrame
    indicators: pd.DataFrame
    observations: pd.DataFrame
    data_dir: Path = field(default_factory=config.data_dir)
    discrepancies: pd.DataFrame = field(default_factory=_empty)
    ignores: pd.DataFrame = field(default_factory=_empty)
    other_tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    # Verified source id -> why its excerpts could not be checked against its stored text
    # (the text was not found). A page labels such a source "not checked", never "verified".
    unchecked_sources: dict[str, str] = field(default_factory=dict)


@dataclass
class _RawTable:
    name: str
    path: Path
    schema: dict
    rows: list[dict[str, str]]
    lines: list[int]  # first line of each row in the file (header is line 1)

    def cells(self):
        """``(row, where)`` pairs, ``where`` being the file and line for a Problem."""
        for row, line in zip(self.rows, self.lines, strict=True):
            yield row, (str(self.path), line)


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


def _decoded(path: Path, problems: list[Problem], bom_ok: bool = False) -> str | None:
    """The file's text, or None after reporting why it cannot be read as the rules require.

    ``bom_ok``: a leading byte-order mark is skipped, not refused (a page's CSV download has
    one, for spreadsheets; the files under ``data/`` must not)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(str(path), None, None, None, "missing file"))
        return None
    if data.startswith(codecs.BOM_UTF8) and bom_ok:
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith(codecs.BOM_UTF8):
        problems.append(
            Problem(
                str(path),
                1,
                None,
                None,
                "starts with a byte-order mark (BOM, U+FEFF); save it as UTF-8 without a BOM",
            )
        )
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.end]
        problems.append(
            Problem(
                str(path),
                data.count(b"\n", 0, exc.start) + 1,
                None,
                bad.hex(" "),
                f"is not UTF-8: byte {exc.start - line_start + 1} of the line "
                f"(byte {exc.start + 1} of the file) cannot be decoded ({exc.reason}); "
                "save the file as UTF-8",
            )
        )
        return None
    if not text:
        problems.append(Problem(str(path), None, None, None, "is empty; expected a header row"))
        return None
    if not text.endswith("\n"):
        problems.append(
            Problem(
                str(path),
                text.count("\n") + 1,
                None,
                None,
                "does not end with a newline, so its last line may have been cut short; "
                "every line, the last included, must end with a newline",
            )
        )
    return text


def _header_problems(path: Path, header: list[str], names: list[str]) -> list[Problem]:
    expected = f"expected the columns {', '.join(names)}"
    problems = [
        Problem(str(path), 1, name, None, f"column is missing from the header; {expected}")
        for name in names
        if name not in header
    ]
    problems += [
        Problem(str(path), 1, name, None, f"column is not in the schema; {expected}")
        for name in header
        if name not in names
    ]
    problems += [
        Problem(str(path), 1, name, None, "column appears twice in the header")
        for name in sorted({h for h in header if header.count(h) > 1})
    ]
    if not problems and header != names:
        problems.append(
            Problem(str(path), 1, None, ",".join(header), f"columns out of order; {expected}")
        )
    return problems


def _read_table(
    data_dir: Path, resource: dict, problems: list[Problem], bom_ok: bool = False
) -> _RawTable:
    path = data_dir / resource["path"]
    table = _RawTable(resource["name"], path, resource["schema"], [], [])
    names = [f["name"] for f in resource["schema"]["fields"]]
    text = _decoded(path, problems, bom_ok)
    if text is None:
        return table
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    limit = csv.field_size_limit(MAX_CELL_CHARS)
    try:
        header = next(reader, [])
        if header_problems := _header_problems(path, header, names):
            problems.extend(header_problems)
            return table
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not record:
                continue
            if len(record) != len(names):
                problems.append(
                    Problem(
                        str(path),
                        line,
                        None,
                        ",".join(record),
                        f"row has {len(record)} cells; expected {len(names)} "
                        "(is a comma inside a value not quoted, or the line cut short?)",
                    )
                )
                continue
            table.rows.append(dict(zip(names, record, strict=True)))
            table.lines.append(line)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            message = (
                f"has a cell longer than the limit of {MAX_CELL_CHARS:,} characters "
                "(the largest cell a table may hold); shorten it, or check that no quote is "
                "left open"
            )
        else:
            message = f"is not valid CSV ({exc}); is a quote left open or the file cut short?"
        problems.append(Problem(str(path), reader.line_num, None, None, message))
    finally:
        csv.field_size_limit(limit)
    return table


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
        if _as_date(value) is None:
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


def _as_date(value: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# Characters that change how text shows without showing themselves: the bidirectional controls
# (a right-to-left override can make "1.234" read "432.1") and the zero-width characters.
_HIDDEN_CONTROLS = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


# What a spreadsheet takes for the start of a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _control_name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "format character").lower()


def _check_schema(table: _RawTable, problems: list[Problem]) -> None:
    """Types, required, enum, pattern and unique constraints of every cell; composite keys."""
    for spec in table.schema["fields"]:
        name, constraints = spec["name"], spec.get("constraints", {})
        seen: dict[str, int] = {}
        for row, (path, line) in table.cells():
            value = row[name]
            where = (path, line, name, value)
            if value == "":
                if constraints.get("required"):
                    problems.append(Problem(*where, "is empty but required"))
                continue
            if (hidden := _HIDDEN_CONTROLS.search(value)) is not None:
                problems.append(
                    Problem(
                        *where,
                        f"holds the invisible control character U+{ord(hidden.group()):04X} "
                        f"({_control_name(hidden.group())}); bidirectional controls and "
                        "zero-width characters are not allowed: delete it",
                    )
                )
            if value[0] in _FORMULA_STARTS and spec.get("type", "string") == "string":
                problems.append(
                    Problem(
                        *where,
                        f"starts with {value[0]!r}, which a spreadsheet opening the data or a "
                        "page's download would run as a formula; start the text otherwise",
                    )
                )
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
    key = table.schema.get("primaryKey", [])
    if isinstance(key, list) and len(key) > 1:
        first: dict[tuple, int] = {}
        for row, (path, line) in table.cells():
            values = tuple(row[c] for c in key)
            if values in first:
                problems.append(
                    Problem(
                        path,
                        line,
                        None,
                        " | ".join(values),
                        f"repeats the key ({', '.join(key)}) of line {first[values]}; "
                        "each row must have its own",
                    )
                )
            first.setdefault(values, line)


def _check_foreign_keys(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    for table in tables.values():
        for fk in table.schema.get("foreignKeys", []):
            target = tables.get(fk["reference"]["resource"] or table.name)
            if target is None:
                continue
            column, target_column = fk["fields"], fk["reference"]["fields"]
            valid = {row[target_column] for row in target.rows}
            for row, (path, line) in table.cells():
                value = row[column]
                if value and value not in valid:
                    listing = ", ".join(sorted(valid))
                    problems.append(
                        Problem(
                            path,
                            line,
                            column,
                            value,
                            f"unknown {target_column.removesuffix('_id')}: not in "
                            f"{target.path.name}; expected one of: {listing}",
                        )
                    )


def _check_source_geographies(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    valid = {row["geography_id"] for row in tables["geographies"].rows}
    for row, where in tables["sources"].cells():
        for geo in filter(None, row["geographies"].split(";")):
            if geo not in valid:
                problems.append(
                    Problem(
                        *where,
                        "geographies",
                        geo,
                        f"unknown geography; expected one of: {', '.join(sorted(valid))}",
                    )
                )


def _check_source_tiers(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    """A verified source has a stored text; a cited one an address and the day it was read."""
    for row, where in tables["sources"].cells():
        if row["verification"] == "verified" and not row["seed_file"]:
            problems.append(
                Problem(
                    *where,
                    "seed_file",
                    "",
                    "is empty, but a verified source needs its stored text in shared/seeds/; "
                    "a source known only by its address is 'cited'",
                )
            )
        if row["verification"] != "cited":
            continue
        if row["seed_file"]:
            problems.append(
                Problem(
                    *where,
                    "seed_file",
                    row["seed_file"],
                    "is set on a cited source; a source with a stored text is 'verified'",
                )
            )
        if not re.fullmatch(r"https?://\S+", row["url"]):
            problems.append(
                Problem(
                    *where,
                    "url",
                    row["url"],
                    "a cited source needs its address, starting with http:// or https://",
                )
            )
        if not row["date_accessed"]:
            problems.append(
                Problem(
                    *where,
                    "date_accessed",
                    "",
                    "is empty; a cited source needs the date its copy was read (YYYY-MM-DD)",
                )
            )


def _check_observation_tiers(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    """Verified rows carry an excerpt; cited rows a location and no text; derived rows neither."""
    tiers = {row["source_id"]: row["verification"] for row in tables["sources"].rows}
    for row, where in tables["observations"].cells():
        tier = tiers.get(row["source_id"])
        if row["formula"]:
            for column in ("number_as_printed", "unit_as_printed", "excerpt"):
                if row[column]:
                    problems.append(
                        Problem(
                            *where,
                            column,
                            row[column],
                            "is set on a derived figure (formula set); a derived figure has "
                            "no printed form: leave it empty",
                        )
                    )
            continue
        if not row["number_as_printed"]:
            problems.append(
                Problem(
                    *where,
                    "number_as_printed",
                    "",
                    "is empty but required for a printed figure (only a derived figure, "
                    "with a formula, has none)",
                )
            )
        if tier == "verified":
            if not row["excerpt"]:
                problems.append(
                    Problem(
                        *where,
                        "excerpt",
                        "",
                        f"is empty, but source {row['source_id']!r} is verified: give the "
                        "shortest span of its text that holds the number",
                    )
                )
            if row["location"]:
                problems.append(
                    Problem(
                        *where,
                        "location",
                        row["location"],
                        "is for cited rows; a verified row's excerpt locates it: leave it empty",
                    )
                )
        elif tier == "cited":
            if row["excerpt"]:
                problems.append(
                    Problem(
                        *where,
                        "excerpt",
                        row["excerpt"],
                        f"is set, but source {row['source_id']!r} is cited: record the number "
                        "as printed and its location, never the source's text",
                    )
                )
            if not row["location"]:
                problems.append(
                    Problem(
                        *where,
                        "location",
                        "",
                        f"is empty, but source {row['source_id']!r} is cited: say where in "
                        "it the number stands (e.g. 'table 2, row Hà Giang, column 2024')",
                    )
                )


_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def formula_ids(formula: str) -> list[str]:
    """Observation ids a formula refers to, in order (``{id}`` placeholders)."""
    return re.findall(r"\{([^{}]*)\}", formula)


def evaluate_formula(formula: str, values: dict[str, float]) -> float:
    """Value of ``formula`` (``+ - * /``, parentheses, numbers, ``{id}``) over ``values``.

    Raises KeyError for an id not in ``values`` and ValueError for anything else amiss.
    """
    ids = formula_ids(formula)
    names = {f"_v{i}": values[oid] for i, oid in enumerate(ids)}
    expression = formula
    for i, oid in enumerate(ids):
        expression = expression.replace("{" + oid + "}", f" _v{i} ", 1)

    def value_of(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return value_of(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](value_of(node.left), value_of(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](value_of(node.operand))
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in names:
            return names[node.id]
        raise ValueError("only numbers, {observation ids}, + - * / and parentheses are allowed")

    try:
        return value_of(ast.parse(expression.strip(), mode="eval"))
    except SyntaxError:
        raise ValueError("is not an arithmetic expression") from None
    except ZeroDivisionError:
        raise ValueError("divides by zero") from None


def _check_formulas(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    """Every id in a formula exists, and the value is the formula's to its stored decimals."""
    obs = tables["observations"]
    values: dict[str, float] = {}
    for row in obs.rows:
        try:
            values[row["observation_id"]] = float(row["value"])
        except ValueError:
            continue  # reported by the schema check
    known = {row["observation_id"] for row in obs.rows}
    for row, where in obs.cells():
        formula = row["formula"]
        if not formula:
            continue
        ids = formula_ids(formula)
        missing = [oid for oid in ids if oid not in known]
        if not ids or missing or row["observation_id"] in ids:
            message = (
                f"refers to unknown observation(s) {', '.join(missing)}"
                if missing
                else "refers to its own row"
                if ids
                else "refers to no observation; write the inputs' ids in braces: {id}"
            )
            problems.append(Problem(*where, "formula", formula, message))
            continue
        try:
            result = evaluate_formula(formula, values)
            value = float(row["value"])
        except KeyError:
            continue  # an input's value is reported by the schema check
        except ValueError as exc:
            if row["value"] and not re.fullmatch(r"-?[\d.]+(e-?\d+)?", row["value"]):
                continue  # the value cell is reported by the schema check
            problems.append(Problem(*where, "formula", formula, str(exc)))
            continue
        decimals = len(row["value"].partition(".")[2])
        if abs(result - value) > 0.5 * 10**-decimals + 1e-9:
            problems.append(
                Problem(
                    *where,
                    "value",
                    row["value"],
                    f"does not equal its formula {formula} = {result:.{decimals + 3}g}; "
                    f"expected {round(result, decimals):.{decimals}f}",
                )
            )


def _check_observation_values(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    """Units agree with the indicator; the value is the printed number converted."""
    units = {row["indicator_id"]: row["unit"] for row in tables["indicators"].rows}
    for row, where in tables["observations"].cells():
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
        printed = row["number_as_printed"]
        if row["formula"] or not printed:
            continue  # a derived figure, or reported by the tier check
        try:
            factor = conversion_factor(row["unit_as_printed"], expected_unit)
        except UnitError as exc:
            problems.append(Problem(*where, "unit_as_printed", row["unit_as_printed"], str(exc)))
            continue
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
    for row, (path, line) in obs.cells():
        key = tuple(row[c] for c in NATURAL_KEY)
        if key in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    None,
                    row["observation_id"],
                    f"records the same figure as line {seen[key]} (same {', '.join(NATURAL_KEY)})",
                )
            )
        seen.setdefault(key, line)
    for row, where in obs.cells():
        if row["qualifier"] in ("range low", "range high"):
            other = "range high" if row["qualifier"] == "range low" else "range low"
            key = tuple(row[c] if c != "qualifier" else other for c in NATURAL_KEY)
            if key not in seen:
                problems.append(
                    Problem(
                        *where,
                        "qualifier",
                        row["qualifier"],
                        f"a range needs both ends; no matching {other!r} row",
                    )
                )


def _year(value: str) -> int | None:
    return int(value) if re.fullmatch(r"\d{4}", value) else None


def _check_observation_rows(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    """Periods run forwards; a part names its split; an inferred period or standard says how."""
    for row, where in tables["observations"].cells():
        start, end = _year(row["period_start"]), _year(row["period_end"])
        if start is not None and end is not None and end < start:
            problems.append(
                Problem(
                    *where,
                    "period_end",
                    row["period_end"],
                    f"is before period_start {start}; expected a year on or after it",
                )
            )
        if bool(row["breakdown_by"]) != bool(row["breakdown"]):
            missing = "breakdown" if row["breakdown_by"] else "breakdown_by"
            problems.append(
                Problem(
                    *where,
                    missing,
                    "",
                    "is empty; a part names both its split (breakdown_by) and itself (breakdown)",
                )
            )
        if row["period_inferred"] == "true":
            if not (row["period_start"] or row["period_end"]):
                problems.append(
                    Problem(
                        *where,
                        "period_inferred",
                        "true",
                        "but no period is written; set it to false or write the inferred years",
                    )
                )
            elif not row["note"]:
                problems.append(
                    Problem(*where, "note", "", "is empty; an inferred period needs a note on how")
                )
        if row.get("standard_inferred") == "true":
            if row["poverty_standard"] not in NAMED_STANDARDS:
                problems.append(
                    Problem(
                        *where,
                        "standard_inferred",
                        "true",
                        f"but poverty_standard is {row['poverty_standard']!r}; an inferred "
                        f"standard is one of {', '.join(NAMED_STANDARDS)}",
                    )
                )
            elif not row["note"]:
                problems.append(
                    Problem(
                        *where, "note", "", "is empty; an inferred standard needs a note on how"
                    )
                )


def _published(row: dict[str, str]) -> tuple[int, str] | None:
    """Year a source was published (printed or inferred) and the column it comes from."""
    if _as_date(row["date_published"]):
        return int(row["date_published"][:4]), "date_published"
    if (year := _year(row["date_inferred"][:4])) is not None:
        return year, "date_inferred"
    return None


def _check_dates(tables: dict[str, _RawTable], today: date, problems: list[Problem]) -> None:
    """Nothing is published, read or actually happened after ``today`` or after its source."""
    published = {}
    for row, where in tables["sources"].cells():
        for column in ("date_published", "date_accessed"):
            if (day := _as_date(row[column])) is not None and day > today:
                problems.append(
                    Problem(
                        *where,
                        column,
                        row[column],
                        f"is after today ({today.isoformat()}); a date in the future cannot "
                        "have been printed or read",
                    )
                )
        inferred = row["date_inferred"]
        if inferred and inferred > today.isoformat()[: len(inferred)]:
            problems.append(
                Problem(*where, "date_inferred", inferred, f"is after today ({today.isoformat()})")
            )
        published[row["source_id"]] = _published(row)
    for row, where in tables["observations"].cells():
        if row["kind"] in FORWARD_KINDS:
            continue
        end = _year(row["period_end"])
        day = _as_date(row["date"])
        if (end is not None and end > today.year) or (day is not None and day > today):
            column = "date" if day is not None and day > today else "period_end"
            problems.append(
                Problem(
                    *where,
                    column,
                    row[column],
                    f"is after today ({today.isoformat()}) on an {row['kind']!r} figure; "
                    f"only a {', '.join(FORWARD_KINDS)} may lie in the future",
                )
            )
            continue
        source = published.get(row["source_id"])
        year = end if end is not None else (day.year if day is not None else None)
        if source is not None and year is not None and year > source[0]:
            problems.append(
                Problem(
                    *where,
                    "period_end" if end is not None else "date",
                    row["period_end"] or row["date"],
                    f"is after its source was published ({source[1]} {source[0]}); an "
                    f"{row['kind']!r} figure cannot end later: is it a target, plan or estimate?",
                )
            )
    for row, where in tables["geographies"].cells():
        since, until = _as_date(row["valid_from"]), _as_date(row["valid_to"])
        if since is not None and until is not None and until < since:
            problems.append(
                Problem(
                    *where,
                    "valid_to",
                    row["valid_to"],
                    f"is before valid_from {row['valid_from']}; expected a later date",
                )
            )


def _check_geographies(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    rows = {row["geography_id"]: row for row in tables["geographies"].rows}
    for row, where in tables["geographies"].cells():
        if (
            "successor_id" in row
        ):  # a package whose geographies predate the column: nothing to check
            _check_region_and_successor(row, where, rows, problems)
        if row["poor_district_353"] and row["level"] != "district":
            problems.append(
                Problem(
                    *where,
                    "poor_district_353",
                    row["poor_district_353"],
                    f"is set on a {row['level']!r}; Decision 353 lists districts: leave it "
                    "empty for a nation or province",
                )
            )


def _check_region_and_successor(
    row: dict[str, str], where: tuple[str, int], rows: dict[str, dict], problems: list[Problem]
) -> None:
    """A province names its statistics region; provinces and districts name the unit that
    exists from 1 July 2025 and holds their area, which agrees with ``province_after_2025``."""
    level, region = row["level"], row.get("region_id", "")
    successor = row.get("successor_id", "")
    if region and (level != "province" or rows.get(region, {}).get("level") != "region"):
        target = rows.get(region, {}).get("level", "unknown")
        problems.append(
            Problem(
                *where,
                "region_id",
                region,
                f"is set on a {level!r} and names a {target!r}; only a province names its "
                "region, and the region must be a geography of level 'region'",
            )
        )
    if level in ("nation", "region"):
        if successor:
            problems.append(
                Problem(*where, "successor_id", successor, f"is set on a {level!r}; leave it empty")
            )
        return
    if level not in ("province", "district") or successor not in rows:
        if not successor:
            problems.append(
                Problem(
                    *where,
                    "successor_id",
                    "",
                    f"is empty; a {level} names the province that holds its area from 1 July 2025",
                )
            )
        return
    target = rows[successor]
    if target["level"] != "province" or target["valid_to"]:
        problems.append(
            Problem(
                *where,
                "successor_id",
                successor,
                "names a unit that no longer exists or is not a province; expected a province "
                "with an empty valid_to",
            )
        )
    elif level == "province" and not row["valid_to"] and successor != row["geography_id"]:
        problems.append(
            Problem(
                *where,
                "successor_id",
                successor,
                "differs from the unit itself, which still exists; "
                f"expected {row['geography_id']!r}",
            )
        )
    after = rows.get(row["province_after_2025"])
    if after is not None and after["name"] != target["name"]:
        problems.append(
            Problem(
                *where,
                "successor_id",
                successor,
                f"is {target['name']!r} but province_after_2025 {row['province_after_2025']!r} is "
                f"{after['name']!r}; both name the same province",
            )
        )


def _check_poverty_lines(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    """Each source's segments run forwards without overlapping, and cover every year of the
    source's poverty measures, so that a year's line (and each break) can be read off."""
    lines = tables.get("poverty_lines")
    if lines is None:
        return
    spans: dict[str, list[tuple[int, int]]] = {}
    for row, where in lines.cells():
        start, end = _year(row["period_start"]), _year(row["period_end"])
        if start is None or end is None:
            continue  # reported by the schema check
        if end < start:
            problems.append(
                Problem(*where, "period_end", row["period_end"], f"is before period_start {start}")
            )
            continue
        for other in spans.get(row["source_id"], []):
            if start <= other[1] and other[0] <= end:
                problems.append(
                    Problem(
                        *where,
                        "period_start",
                        row["period_start"],
                        f"overlaps the years {other[0]}-{other[1]} of the same source; "
                        "a year has one line",
                    )
                )
        spans.setdefault(row["source_id"], []).append((start, end))
    dependent = {
        row["indicator_id"]
        for row in tables["indicators"].rows
        if row["standard_dependent"] == "true"
    }
    for row, where in tables["observations"].cells():
        covered = spans.get(row["source_id"])
        year = _year(row["period_end"])
        if covered is None or row["indicator_id"] not in dependent or year is None:
            continue
        if not any(a <= year <= b for a, b in covered):
            problems.append(
                Problem(
                    *where,
                    "period_end",
                    row["period_end"],
                    f"is in no row of poverty_lines.csv for source {row['source_id']!r}; "
                    "add the line that year uses",
                )
            )


def _check_discrepancies(tables: dict[str, _RawTable], problems: list[Problem]) -> None:
    for row, where in tables["known_discrepancies"].cells():
        try:
            total, parts, difference = (float(row[c]) for c in ("total", "parts_sum", "difference"))
        except ValueError:
            continue  # reported by the schema check
        if not math.isclose(total - parts, difference, abs_tol=1e-9):
            problems.append(
                Problem(
                    *where,
                    "difference",
                    row["difference"],
                    f"is not total - parts_sum; expected {total - parts:g}",
                )
            )


def _check_every_csv_is_described(
    data_dir: Path, resources: dict[str, dict], problems: list[Problem]
) -> None:
    described = {(data_dir / r["path"]).resolve() for r in resources.values()}
    for path in sorted(data_dir.rglob("*.csv")):
        if path.resolve() not in described:
            problems.append(
                Problem(
                    str(path),
                    None,
                    None,
                    None,
                    "is not a resource of datapackage.json; every table under data/ needs "
                    "a schema there, or must be moved out of data/",
                )
            )
    for name in TABLES:
        if name not in resources:
            problems.append(
                Problem(
                    str(data_dir / "datapackage.json"),
                    None,
                    None,
                    name,
                    f"resource is missing; expected the resources {', '.join(TABLES)}",
                )
            )


def _seeds(seeds_dir: str | Path | None) -> Path:
    return Path(seeds_dir) if seeds_dir is not None else config.seeds_dir()


def _check_excerpts_in_texts(
    tables: dict[str, _RawTable], seeds_dir: Path, problems: list[Problem]
) -> dict[str, str]:
    """Every verified row's excerpt occurs verbatim in its source's stored text (the check that
    earns the label "verified against the stored text"); the number's conversion to the value
    is :func:`_check_observation_values`'s. Returns the verified sources whose text could not
    be read, with why: their rows cannot be checked, and pages say so."""
    texts: dict[str, str] = {}
    unchecked: dict[str, str] = {}
    for row, where in tables["sources"].cells():
        if row["verification"] != "verified" or not row["seed_file"]:
            continue
        path = seeds_dir / row["seed_file"]
        if not seeds_dir.is_dir():
            unchecked[row["source_id"]] = f"the stored texts were not found (no folder {seeds_dir})"
            continue
        try:
            texts[row["source_id"]] = normalise_text(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(
                Problem(
                    *where,
                    "seed_file",
                    row["seed_file"],
                    f"is not a file of the stored texts in {seeds_dir}; expected the name of "
                    "the source's text there",
                )
            )
        except (OSError, UnicodeDecodeError) as exc:
            unchecked[row["source_id"]] = f"its stored text {path} could not be read ({exc})"
    for row, where in tables["observations"].cells():
        text = texts.get(row["source_id"])
        if text is None or row["formula"] or not row["excerpt"]:
            continue
        if normalise_text(row["excerpt"]) not in text:
            problems.append(
                Problem(
                    *where,
                    "excerpt",
                    row["excerpt"],
                    f"does not occur in the stored text of source {row['source_id']!r}; a "
                    "verified row's excerpt is copied verbatim from it, number included",
                )
            )
    return unchecked


def shown_path(path: str | Path, data_dir: Path) -> str:
    """``path`` as the user knows it: under the folder ``GN_DATA_ORIGIN`` names when
    ``data_dir`` is a private copy of it (the renderer's snapshot), else as it is."""
    origin = config.data_origin()
    if origin is None:
        return str(path)
    try:
        relative = Path(path).relative_to(data_dir)
    except ValueError:
        return str(path)
    return str(origin / relative)


def _as_shown(error: DataValidationError, data_dir: Path) -> DataValidationError:
    problems = [
        Problem(shown_path(p.file, data_dir), p.line, p.column, p.value, p.message)
        for p in error.problems
    ]
    return DataValidationError(problems)


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
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[ns]")
        elif kind == "boolean":
            truth = frame[name].isin(spec.get("trueValues", ["true"]))
            if spec.get("constraints", {}).get("required"):
                frame[name] = truth.astype(bool)
            else:  # true / false / missing
                frame[name] = truth.astype("boolean").mask(frame[name].isna())
        else:
            frame[name] = frame[name].astype("string")
    for name in CATEGORICAL.get(table.name, ()):
        cats = categories.get(name) or sorted(frame[name].dropna().unique())
        frame[name] = pd.Categorical(frame[name], categories=cats)
    return frame


def read_table(
    path: str | Path,
    resource: str = "observations",
    *,
    data_dir: str | Path | None = None,
    download: bool = False,
) -> pd.DataFrame:
    """One CSV read as the table ``resource`` of the data package in ``data_dir`` (default:
    ``data/``): bytes, header and every cell checked against that table's schema, as
    :func:`load_dataset` checks them, and typed the same way. The checks across tables (keys,
    formulas, excerpts) need the whole package and are not made.

    ``download=True`` reads a CSV downloaded from a page, which starts with a byte-order mark
    (for spreadsheets); the tables under ``data/`` must not. Raises :class:`DataValidationError`.
    """
    descriptor = read_descriptor(Path(data_dir) if data_dir is not None else config.data_dir())
    resources = {r["name"]: r for r in descriptor["resources"]}
    if resource not in resources:
        raise ValueError(
            f"no table {resource!r} in the data package; expected one of: {', '.join(resources)}"
        )
    path = Path(path)
    problems: list[Problem] = []
    table = _read_table(path.parent, {**resources[resource], "path": path.name}, problems, download)
    if not problems:
        _check_schema(table, problems)
    if problems:
        raise DataValidationError(problems)
    return _typed(table, {})


def load_dataset(
    data_dir: str | Path | None = None,
    *,
    today: date | None = None,
    seeds_dir: str | Path | None = None,
) -> Dataset:
    """Read, validate and type the curated tables of ``data_dir`` (default: ``data/``).

    ``today`` (default: the system date) is the day after which nothing can have been
    published or read, and no ``actual`` figure can end. The excerpt of every verified row
    must occur verbatim in its source's stored text under ``seeds_dir`` (default:
    :func:`helpers.config.seeds_dir`); a source whose text is not there is listed in
    ``Dataset.unchecked_sources`` instead. Raises :class:`DataValidationError` naming every
    problem found; the files are named as the user knows them (see :func:`shown_path`).
    """
    data_dir = Path(data_dir) if data_dir is not None else config.data_dir()
    try:
        return _load_dataset(data_dir, today, seeds_dir)
    except DataValidationError as error:
        raise _as_shown(error, data_dir) from None


def _load_dataset(data_dir: Path, today: date | None, seeds_dir: str | Path | None) -> Dataset:
    today = today if today is not None else date.today()
    descriptor = read_descriptor(data_dir)
    resources = {r["name"]: r for r in descriptor["resources"]}
    problems: list[Problem] = []
    _check_every_csv_is_described(data_dir, resources, problems)
    if problems and any(name not in resources for name in TABLES):
        raise DataValidationError(problems)
    tables = {name: _read_table(data_dir, res, problems) for name, res in resources.items()}
    if problems:
        # A file that cannot be read as a table (encoding, header, row lengths, quoting) would
        # make every later check report false problems (rows missing, ids unknown): stop here.
        raise DataValidationError(problems)
    for table in tables.values():
        _check_schema(table, problems)
    _check_foreign_keys(tables, problems)
    _check_source_geographies(tables, problems)
    for check in (
        _check_source_tiers,
        _check_observation_tiers,
        _check_observation_values,
        _check_formulas,
        _check_duplicates_and_ranges,
        _check_observation_rows,
        _check_geographies,
        _check_poverty_lines,
        _check_discrepancies,
    ):
        check(tables, problems)
    _check_dates(tables, today, problems)
    unchecked = _check_excerpts_in_texts(tables, _seeds(seeds_dir), problems)
    if problems:
        raise DataValidationError(problems)

    enums = {
        f["name"]: f["constraints"]["enum"]
        for f in resources["observations"]["schema"]["fields"]
        if "enum" in f.get("constraints", {}) and f["name"] in CATEGORICAL["observations"]
    }
    categories = {
        "geography_id": [r["geography_id"] for r in tables["geographies"].rows],
        "indicator_id": [r["indicator_id"] for r in tables["indicators"].rows],
        "source_id": [r["source_id"] for r in tables["sources"].rows],
        **enums,
    }
    typed = {name: _typed(table, categories) for name, table in tables.items()}
    return Dataset(
        **{TABLES[name]: typed.pop(name) for name in TABLES},
        data_dir=data_dir,
        other_tables=typed,
        lines={name: table.lines for name, table in tables.items()},
        unchecked_sources=unchecked,
    )
