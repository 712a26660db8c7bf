"""Data into HTML: the one module that turns facts into what a report shows, escaped once.

Computation modules (:mod:`helpers.facts`, :mod:`helpers.brief`, :mod:`helpers.compare`) return
data; this module writes it as HTML for the notebooks to display. Every piece of text that comes
from ``data/`` goes through :func:`esc` exactly once, so a publisher field holding a URL or
``<a href=…>`` shows as text and never becomes a link. The only links built from data are the
addresses of cited sources (``sources.url``, which the loader accepts only as http(s)), and
the embedded CSV downloads.

Each displayed figure carries its evidence (:func:`evidence_html`): the sentence as printed,
the number as printed, the source and the observation id, or for a cited figure its address
and where in the source it stands. Each table and chart carries a link that downloads exactly
the observation rows behind it (:func:`csv_download`).
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML, display

from helpers.facts import Dataset, fact_text
from helpers.format import format_number, is_missing, not_reported
from helpers.i18n import N_, language, tr, tr_n
from helpers.provenance import tier as source_tier
from helpers.sources import discrepancies, short_source, source_row, sources_used
from helpers.vocabulary import (
    BREAKDOWN_BY_LABELS,
    KIND_LABELS,
    METHOD_LABELS,
    QUALIFIER_WORDS,
    SOURCE_TYPE_LABELS,
    TIER_LABELS,
)
from helpers.vocabulary import label as vlabel

_SLUG = re.compile(r"[^a-z0-9]+")


def esc(text: object) -> str:
    """Text from the data, safe inside HTML (the one escaping step)."""
    return "" if is_missing(text) else html.escape(str(text), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~>])")


def escape_md(text: object) -> str:
    """Text safe inside Markdown rendered to HTML: HTML-escaped, Markdown markup neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def slug(text: str) -> str:
    """An ASCII file-name stem for downloads: ``"Amounts, Bắc Kạn"`` → ``amounts-bac-kan``."""
    from helpers.geo import fold_name

    return _SLUG.sub("-", fold_name(text)).strip("-")[:60] or "rows"


def show(*parts) -> None:
    """Display what this module builds: HTML strings (consecutive ones joined in one output) and
    charts (:class:`Chart`, each an image output with its alt text, then its caption); a
    :class:`Section` shows its parts in order."""
    pending: list[str] = []
    for part in _flatten(parts):
        if isinstance(part, Chart):
            if pending:
                display(HTML("\n".join(pending)))
                pending = []
            display(part.image(), metadata={"alt": part.alt})
            if part.caption:
                display(HTML(part.caption))
        else:
            pending.append(str(part))
    if pending:
        display(HTML("\n".join(pending)))


# --- rows behind a display ---------------------------------------------------------------------


def observation_ids(facts_table: pd.DataFrame) -> list[str]:
    """Observation ids behind a facts table, in display order (a range gives both its rows)."""
    ids: list[str] = []
    for joined in facts_table.get("observation_ids", pd.Series(dtype=str)):
        ids.extend(i for i in str(joined).split(";") if i and i not in ids)
    return ids


def ids_in(table: pd.DataFrame) -> list[str]:
    """The observation ids a table names, in order: its ``observation_id`` column, or its
    ``observation_ids`` (tuples of an analysis table, or ``;``-joined strings of a facts table)."""
    ids: list[str] = []
    if "observation_id" in table:
        ids = [str(i) for i in table["observation_id"] if not is_missing(i)]
    if "observation_ids" in table:
        for value in table["observation_ids"]:
            parts = value if isinstance(value, tuple | list) else str(value).split(";")
            ids.extend(str(i) for i in parts if i)
    return list(dict.fromkeys(ids))


def facts_of(dataset: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """The facts (:func:`helpers.facts.facts_for`) behind the observations a table names
    (:func:`ids_in`), in the table's order: what a caption cites and a download holds."""
    from helpers.facts import facts

    wanted = ids_in(table)
    obs = dataset.observations
    table_facts = facts(obs[obs["observation_id"].astype(str).isin(wanted)], dataset.indicators)
    order = {oid: i for i, oid in enumerate(wanted)}
    first = [min(order.get(i, len(order)) for i in str(j).split(";"))
             for j in table_facts["observation_ids"]]  # fmt: skip
    return table_facts.assign(_o=first).sort_values("_o").drop(columns="_o").reset_index(drop=True)


def rows_behind(dataset: Dataset, facts_table: pd.DataFrame) -> pd.DataFrame:
    """Exactly the ``observations.csv`` rows behind a facts table, with their columns as stored."""
    ids = observation_ids(facts_table)
    obs = dataset.observations
    picked = obs[obs["observation_id"].astype(str).isin(ids)].copy()
    order = {oid: i for i, oid in enumerate(ids)}
    picked["_order"] = picked["observation_id"].astype(str).map(order)
    return picked.sort_values("_order").drop(columns="_order").reset_index(drop=True)


def _csv_text(rows: pd.DataFrame) -> str:
    """``rows`` as CSV, every cell written as ``data/`` writes it (what the loader reads back):
    dates ``YYYY-MM-DD``, booleans ``true``/``false``, whole numbers without ``.0``, other numbers
    in their shortest exact form, missing cells empty, ``\n`` line ends."""
    out = rows.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_bool_dtype(values):
            out[column] = ["" if is_missing(v) else ("true" if v else "false") for v in values]
        elif pd.api.types.is_float_dtype(values):
            out[column] = [
                "" if is_missing(v) else (str(int(v)) if float(v).is_integer() else repr(float(v)))
                for v in values
            ]
    return out.to_csv(index=False, lineterminator="\n")


# Downloads open in spreadsheets: the byte-order mark tells Excel on Windows that they are UTF-8
# (without it, Vietnamese letters come out garbled). The files under data/ have none.
BOM = "\ufeff"


def csv_download(rows: pd.DataFrame, name: str, what: str | None = None) -> str:
    """A link that downloads ``rows`` as a UTF-8 CSV embedded in the page (no request anywhere).

    The file starts with a byte-order mark, for Excel; otherwise its cells are written as
    ``data/`` writes them, so that :func:`helpers.load.read_table` (``download=True``) reads it.
    ``what`` names the rows in the page's language (default: "the rows behind this").
    """
    payload = base64.b64encode((BOM + _csv_text(rows)).encode("utf-8")).decode("ascii")
    n = len(rows)
    what = what or tr("the rows behind this")
    label = tr_n(
        "Download {what} ({count} row, CSV)", "Download {what} ({count} rows, CSV)", n, what=what
    )
    return (
        f'<a class="download" download="{esc(slug(name))}.csv" '
        f'href="data:text/csv;charset=utf-8;base64,{payload}">{esc(label)}</a>'
    )


# --- evidence ------------------------------------------------------------------------------------


# A source's tier in a word, for the evidence of each figure.
TIER_WORDS = {"verified": N_("verified"), "cited": N_("cited"), "unchecked": N_("not checked")}


def _source_link(dataset: Dataset, source_id: str) -> str:
    """The evidence's line on its source: the tier and a link to the source's full entry (title,
    address, how it was dated) in the page's Sources section, which gives it once per page."""
    row = source_row(dataset, source_id)
    tier = source_tier(dataset, source_id, row.get("verification"))
    # the tier in a word; its full wording is in the Sources list and the methods box
    badge = f'<span class="tier-{esc(tier)}">{esc(vlabel(TIER_WORDS, tier))}</span>'
    name = esc(short_source(dataset, source_id))
    return f'{badge} <a href="#source-{esc(source_id)}">{name}</a>'


def _discrepancy_lines(dataset: Dataset, obs: pd.Series) -> list[str]:
    table = discrepancies(dataset)
    if table.empty:
        return []
    oid = str(obs["observation_id"])
    lines = []
    for _, d in table.iterrows():
        total_id = str(d["total_observation_id"])
        split = obs.get("breakdown_by")
        same_split = (not is_missing(split)) and str(split) == str(d["breakdown_by"])
        is_part = same_split and oid.rsplit("-", 1)[0] == total_id.rsplit("-", 1)[0]
        if oid == total_id or (is_part and _is_part_of(dataset, obs, total_id)):
            unit = str(obs["unit"])
            parts = _num(d["parts_sum"], unit)
            total = _total_qualifier(dataset, total_id) + _num(d["total"], unit)
            message = tr(
                "The parts printed ({split}) add to {parts}; the report prints {total} as the "
                "total. Both are kept as printed.",
                split=vlabel(BREAKDOWN_BY_LABELS, d["breakdown_by"]),
                parts=parts,
                total=total,
            )
            lines.append(f'<p class="discrepancy">{esc(message)}</p>')
    return lines


def _total_qualifier(dataset: Dataset, total_id: str) -> str:
    """The words a total was printed with ("over "), so a bound is not shown as exact."""
    obs = dataset.observations
    match = obs.loc[obs["observation_id"].astype(str) == total_id, "qualifier"]
    return vlabel(QUALIFIER_WORDS, str(match.iloc[0])) if len(match) else ""


def _num(value: object, unit: str) -> str:
    decimals = 1 if unit == "VND billion" else None
    return format_number(value, decimals)


def _is_part_of(dataset: Dataset, obs: pd.Series, total_id: str) -> bool:
    all_obs = dataset.observations
    total = all_obs[all_obs["observation_id"].astype(str) == total_id]
    if total.empty:
        return False
    total = total.iloc[0]
    keys = ("geography_id", "indicator_id", "period_start", "period_end", "kind", "source_id")
    return all(str(obs[k]) == str(total[k]) for k in keys)


# Marks inside the prose of data/ (notes, locations, how a date was inferred): a quotation
# 'like this' (an apostrophe inside a word, as in "Bắc Kạn's", opens none) and `code` (a file
# name, a commit, an id).
_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")
_CODE = re.compile(r"`([^`]+)`")
_VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)


def prose_html(text: object) -> str:
    """Prose of ``data/`` as HTML: escaped, a `backticked` part as ``<code>`` and a 'quoted' part
    as ``<q>`` in its own language (Vietnamese when it has a Vietnamese letter, else English), so
    that a page in one language shows the other only as quotations and code."""

    def quote(match: re.Match) -> str:
        inner = match.group(1)
        lang = "vi" if _VIETNAMESE_LETTER.search(inner) else "en"
        return f'<q lang="{lang}">{inner}</q>'

    parts = _CODE.split(str(text))
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"<code>{esc(part)}</code>")
        else:
            out.append(_QUOTED.sub(quote, esc(part).replace("&#x27;", "'")))
    return "".join(out)


def data_text(text: object) -> str:
    """Prose written in ``data/`` (notes, how a date was inferred), as :func:`prose_html`: it is
    English, so on a page in another language it is marked ``lang="en"``."""
    if language() == "en":
        return prose_html(text)
    return f'<span lang="en">{prose_html(text)}</span>'


def data_field(row: pd.Series | dict, column: str) -> str:
    """A prose column of ``data/`` (``note``, ``location``, ``date_note``) in the page's language:
    on a Vietnamese page its Vietnamese twin (``note_vi`` ...) when the row has one, else the
    English, marked as such (:func:`data_text`). As HTML (:func:`prose_html`)."""
    if language() == "vi":
        twin = row.get(f"{column}_vi")
        if not is_missing(twin) and str(twin).strip():
            return prose_html(twin)
    return data_text(row[column])


# The observations whose evidence a page has shown (None: not building a page, so every call
# shows its evidence in full). A figure shown twice on a page gives its evidence once; the
# second time links to the first (issue 16: evidence is not repeated).
_PAGE: dict[str, set[str] | None] = {"shown": None}


def new_page() -> None:
    """Start a page: from here, each observation's evidence is given in full once and linked
    after. The report notebooks call it first thing (a reused kernel starts each page afresh)."""
    _PAGE["shown"] = set()


def evidence_html(dataset: Dataset, ids: Iterable[str], label: str | None = None) -> str:
    """A ``<details>`` with the evidence of one displayed figure (one or two observations).

    Verified figures show the Vietnamese sentence as printed and the number as printed; cited
    figures their address and where in the source the number stands; derived figures their
    formula. The source's publisher, date (and how an undated one was dated), the observation
    id, reading notes and any discrepancy of the total follow.
    """
    obs = dataset.observations
    ids = [i for i in dict.fromkeys(map(str, ids)) if i]
    rows = obs[obs["observation_id"].astype(str).isin(ids)]
    if rows.empty:
        return ""
    body: list[str] = []
    shown = _PAGE["shown"]
    for _, row in rows.iterrows():
        oid = str(row["observation_id"])
        if shown is not None and oid in shown:
            given, link = esc(tr("Evidence given above:")), f"#ev-{esc(oid)}"
            code = f'<a href="{link}"><code>{esc(oid)}</code></a>'
            body.append(f'<p class="obs-id">{given} {code}</p>')
            continue
        if shown is not None:
            shown.add(oid)
            body.append(f'<span id="ev-{esc(oid)}"></span>')
        formula = row.get("formula")
        excerpt = row.get("excerpt")
        if not is_missing(formula) and str(formula).strip():
            body.append("<p>" + esc(tr("Derived:")) + f" <code>{esc(formula)}</code>.</p>")
        elif not is_missing(excerpt) and str(excerpt).strip():
            body.append(f'<blockquote lang="vi">{esc(excerpt)}</blockquote>')
        printed = row.get("number_as_printed")
        if not is_missing(printed) and str(printed).strip():
            unit = row.get("unit_as_printed")
            unit_text = "" if is_missing(unit) else f" {esc(unit)}"
            printed_as = esc(tr("Printed as"))
            body.append(f'<p>{printed_as} <q lang="vi">{esc(printed)}{unit_text}</q>.</p>')
        location = row.get("location")
        if not is_missing(location) and str(location).strip():
            body.append("<p>" + esc(tr("Where:")) + f" {data_field(row, 'location')}.</p>")
        body.append(f"<p>{_source_link(dataset, str(row['source_id']))}</p>")
        method = row.get("method")
        if not is_missing(method) and str(method) in METHOD_LABELS:
            body.append("<p>" + esc(tr("Method:")) + f" {esc(vlabel(METHOD_LABELS, method))}.</p>")
        if not is_missing(row.get("note")) and str(row["note"]).strip():
            body.append('<p class="note">' + esc(tr("Note:")) + f" {data_field(row, 'note')}</p>")
        body.extend(_discrepancy_lines(dataset, row))
        observation = esc(tr("Observation"))
        body.append(
            f'<p class="obs-id">{observation} <code>{esc(row["observation_id"])}</code></p>'
        )
    summary = esc(label or tr("source"))
    return f'<details class="prov"><summary>{summary}</summary>{"".join(body)}</details>'


def fact_evidence(dataset: Dataset, fact: pd.Series | dict, label: str | None = None) -> str:
    """:func:`evidence_html` of one fact (its ``observation_ids``)."""
    return evidence_html(dataset, str(fact["observation_ids"]).split(";"), label)


# --- tables --------------------------------------------------------------------------------------


@dataclass
class Column:
    """One column of a table of facts: header and a function of the fact giving escaped HTML."""

    header: str
    cell: object  # Callable[[pd.Series], str]
    numeric: bool = False


def table_html(
    rows: Sequence[Sequence[str]],
    headers: Sequence[str],
    numeric: Sequence[bool] | None = None,
    row_classes: Sequence[str] | None = None,
) -> str:
    """An HTML table from cells that are already HTML (built with :func:`esc`)."""
    numeric = list(numeric or [False] * len(headers))
    head = "".join(
        f'<th scope="col"{" class=num" if n else ""}>{esc(h)}</th>'
        for h, n in zip(headers, numeric, strict=True)
    )
    body = []
    for i, row in enumerate(rows):
        klass = f' class="{esc(row_classes[i])}"' if row_classes and row_classes[i] else ""
        cells = "".join(
            f"<td{' class=num' if n else ''}>{c}</td>" for c, n in zip(row, numeric, strict=True)
        )
        body.append(f"<tr{klass}>{cells}</tr>")
    return (
        f'<div class="table-wrap"><table class="gn-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def frame_html(table: pd.DataFrame) -> str:
    """A plain DataFrame (text cells) as an escaped table; missing cells read "not reported"."""
    missing = not_reported()
    rows = [[esc(missing if is_missing(v) else v) for v in r] for r in table.itertuples(False)]
    return table_html(rows, [str(c) for c in table.columns])


def caption_html(title: str, dataset: Dataset, facts_table: pd.DataFrame, name: str) -> str:
    """A caption: the title, the sources it cites, and the download of the rows behind it."""
    ids = sources_used(dataset, facts_table)
    label = esc(tr_n("Source:", "Sources:", len(ids)))
    cited = "; ".join(esc(short_source(dataset, s)) for s in ids) or esc(tr("none"))
    download = csv_download(rows_behind(dataset, facts_table), name)
    return f'<p class="caption"><em>{esc(title)}</em> {label} {cited}. {download}</p>'


# A table of facts shows at most this many rows (one evidence cell each); the CSV download beside
# it holds every row. Bounded, a page stays readable and quick to build as the data grow.
MAX_TABLE_ROWS = 200


def folded(summary: str, html: str, klass: str = "more") -> str:
    """``html`` folded under a one-line ``summary`` (``<details>``): what a reader on a phone
    opens when wanted, a chart and its sentence staying in view (issue 16, page length)."""
    return f'<details class="{esc(klass)}"><summary>{esc(summary)}</summary>{html}</details>'


def facts_table_html(
    dataset: Dataset,
    facts_table: pd.DataFrame,
    columns: Sequence[Column],
    title: str,
    empty: str,
    row_classes: Sequence[str] | None = None,
    fold: bool = True,
) -> str:
    """A table with one row per fact, an evidence cell per row, its caption and its download.

    ``fold``: the table is folded under "Show the N figures, with their evidence"; its caption
    and download stay in view."""
    if facts_table.empty:
        return f'<p class="empty">{esc(empty)}</p>'
    headers = [c.header for c in columns] + [tr("evidence")]
    numeric = [c.numeric for c in columns] + [False]
    shown = facts_table.iloc[:MAX_TABLE_ROWS]
    rows = [
        [c.cell(fact) for c in columns] + [fact_evidence(dataset, fact)]
        for _, fact in shown.iterrows()
    ]
    classes = None if row_classes is None else list(row_classes)[: len(shown)]
    table = table_html(rows, headers, numeric, classes)
    if len(shown) < len(facts_table):
        table += paragraph(
            tr(
                "Only the first {shown} of {total} rows are shown; the download holds them all.",
                shown=format_number(len(shown)),
                total=format_number(len(facts_table)),
            ),
            "caption",
        )
    if fold:
        table = folded(
            tr_n(
                "Show the figure, with its evidence",
                "Show the {n} figures, with their evidence",
                len(facts_table),
                n=format_number(len(facts_table)),
            ),
            table,
        )
    return table + caption_html(title, dataset, facts_table, title)


# --- figures -------------------------------------------------------------------------------------

# drawn at 132 dpi, shown at 96 CSS px an inch: 1.4 pixels a CSS pixel, sharp on high-DPI
# screens (144 made the pages too heavy for issue 16's 300 KB)
CHART_DPI = 132
CSS_DPI = 96  # CSS pixels an inch: a chart is shown at its own size


def figure_png(figure, dpi: int = CHART_DPI) -> bytes:
    """A matplotlib figure as a PNG with a 32-colour palette and its dpi recorded (``pHYs``),
    at most :data:`MAX_CHART_WIDTH_IN` wide, the figure closed. Same figure, same bytes.

    Labels and values written beside the axes (a bar's value, a long category) can take a
    chart past its set width, and a phone would then shrink the whole chart and its text. So
    the figure is saved, and while the PNG is wider than the limit it is narrowed by the
    excess and saved again: the text keeps its size and the axes give way (the figure's layout
    draws them again), by at most 15% of the figure's width, past which they would be crushed.
    A chart drawn at :data:`helpers.plotting.CHART_WIDTH` is saved once.
    """
    import matplotlib.pyplot as plt

    least = 0.85 * figure.get_figwidth()
    saved = float("inf")
    for _ in range(7):
        png = _raw_png(figure, dpi)
        width, height = figure.get_size_inches()
        narrower, saved = saved, int.from_bytes(png[16:20], "big") / dpi
        over = saved - MAX_CHART_WIDTH_IN
        # done when it fits, or when the axes can give no more, or when the last step gained
        # nothing (what is too wide does not narrow with the axes: a legend of long names)
        if over <= 0.005 or width <= least or saved >= narrower - 0.005:
            break
        figure.set_size_inches(max(width - over - 0.01, least), height)
    plt.close(figure)
    return _palette_png(png, dpi)


def _raw_png(figure, dpi: int) -> bytes:
    """The figure saved as it is, uncompressed: the PNG is decoded again at once and saved,
    optimised, by :func:`_palette_png`."""
    buffer = io.BytesIO()
    figure.savefig(
        buffer, format="png", dpi=dpi, metadata={"Software": None}, pil_kwargs={"compress_level": 0}
    )
    return buffer.getvalue()


# The widest a chart is saved, in inches: 346 CSS px, inside a 390 px phone's 366 px column, so
# that a phone shows it at its own size and its text as drawn (issue 16); helpers.plotting
# draws its charts to fit it (its SAVED_WIDTH is this).
MAX_CHART_WIDTH_IN = 3.6


@dataclass(frozen=True)
class Chart:
    """A chart ready to show: its PNG, its description (alt text) and its caption (HTML: title,
    sources, the download of the rows behind it). :func:`show` displays it as an image output
    with its alt text, followed by the caption; the page keeps both in place."""

    png: bytes
    alt: str
    caption: str = ""
    dpi: int = CHART_DPI

    @property
    def size(self) -> tuple[int, int]:
        """Display size in CSS pixels: the figure's own size in inches at 96 CSS px an inch (a
        5.3 in chart is 509 px wide; a narrower screen shrinks it, as far as its text stays
        readable, see ``reportbuild.html.readable_width``)."""
        width = int.from_bytes(self.png[16:20], "big")
        height = int.from_bytes(self.png[20:24], "big")
        return round(width * CSS_DPI / self.dpi), round(height * CSS_DPI / self.dpi)

    def html(self) -> str:
        """The chart as one ``<figure>`` (image, alt text and caption) in HTML."""
        width, height = self.size
        payload = base64.b64encode(self.png).decode("ascii")
        img = (
            f'<img src="data:image/png;base64,{payload}" alt="{esc(self.alt)}" '
            f'width="{width}" height="{height}">'
        )
        return f"<figure>{img}<figcaption>{self.caption}</figcaption></figure>"

    def image(self):
        """The chart as an IPython image with its alt text and display size in its metadata."""
        from IPython.display import Image

        width, height = self.size
        return Image(data=self.png, format="png", width=width, height=height, alt=self.alt)


def chart(
    figure, alt: str, title: str, dataset: Dataset, table: pd.DataFrame, name: str = ""
) -> Chart:
    """A :class:`Chart` of ``figure`` (closed here) with its alt text, and a caption giving its
    title, its sources and the download of exactly the rows behind it. ``table`` is a facts
    table or any table naming observation ids (an analysis table, :func:`ids_in`)."""
    facts_table = table if _is_facts_table(table) else facts_of(dataset, table)
    return Chart(figure_png(figure), alt, caption_html(title, dataset, facts_table, name or title))


def _is_facts_table(table: pd.DataFrame) -> bool:
    """True for a table of :func:`helpers.facts.facts` (``;``-joined observation ids)."""
    ids = table.get("observation_ids")
    return ids is not None and "source_id" in table and all(isinstance(i, str) for i in ids)


def figure_html(
    figure,
    alt: str,
    title: str,
    dataset: Dataset,
    facts_table: pd.DataFrame,
    dpi: int = CHART_DPI,
) -> str:
    """A matplotlib figure as an embedded high-DPI PNG with alt text, caption and download.

    The image is shown at the figure's size in inches (drawn at 1.5 pixels a CSS pixel: sharp
    on high-DPI screens); the figure is closed.
    """
    caption = caption_html(title, dataset, facts_table, title)
    return Chart(figure_png(figure, dpi), alt, caption, dpi).html()


def show_figure(figure, alt: str, caption: str = "") -> None:
    """Display a matplotlib figure as an image output with its alt text (JupyterLab shows it,
    the reports embed it), then its caption (HTML) if any; the figure is closed."""
    show(Chart(figure_png(figure), alt, caption))


_LINT_COMMENT = re.compile(r"\s*# (noqa|fmt)\b.*$")


def show_code(label: str | None = None) -> None:
    """Show the code of the cell that calls this, folded (``<details>``), without this call's
    own line: the reports hide code cells, and a page that teaches the API shows it this way."""
    from IPython import get_ipython

    shell = get_ipython()
    history = shell.user_ns.get("In", []) if shell is not None else []
    source = history[-1] if history else ""
    lines = [
        _LINT_COMMENT.sub("", line) for line in source.splitlines() if "show_code(" not in line
    ]
    code = "\n".join(lines).strip("\n")
    summary = esc(label or tr("Code"))
    show(f'<details class="code"><summary>{summary}</summary><pre><code>{esc(code)}</code></pre>'
         "</details>")  # fmt: skip


class Section(str):
    """A section of a page: its HTML as a string (charts included as ``<figure>``), and the
    same as :attr:`parts`, HTML strings and :class:`Chart` objects in order, which :func:`show`
    displays as HTML outputs and image outputs."""

    parts: tuple

    def __new__(cls, *parts: str | Chart) -> Section:
        parts = tuple(p for p in _flatten(parts) if p)
        text = "".join(p.html() if isinstance(p, Chart) else str(p) for p in parts)
        section = super().__new__(cls, text)
        section.parts = parts
        return section

    @property
    def charts(self) -> list[Chart]:
        """The section's charts, in order."""
        return [p for p in self.parts if isinstance(p, Chart)]


def _flatten(parts) -> list:
    out: list = []
    for part in parts:
        if isinstance(part, Section):
            out.extend(part.parts)
        elif part:
            out.append(part)
    return out


def _palette_png(data: bytes, dpi: int = CHART_DPI) -> bytes:
    """The PNG with a 32-colour palette: charts are flat colours and antialiased text, so this
    keeps them sharp at a fraction of the size (deterministic: same input, same bytes). Odd sizes
    are padded by a white pixel. The dpi is recorded, so that the page can keep the chart's text
    readable (``reportbuild.html``)."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    width, height = image.size
    if width % 2 or height % 2:  # even sizes: the same display size whatever the rounding
        padded = Image.new("RGB", (width + width % 2, height + height % 2), "white")
        padded.paste(image, (0, 0))
        image = padded
    out = io.BytesIO()
    # 32 colours, undithered: the charts' few flat colours and their text's antialiasing keep
    # (looked at on the pages); a quarter smaller than 256 (issue 16: pages at most 300 KB)
    image.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True, dpi=(dpi, dpi)
    )
    return out.getvalue()


# --- the first screen ----------------------------------------------------------------------------


def key_figures_html(dataset: Dataset, cards: Sequence) -> str:
    """The key-figures block: one card per :class:`helpers.brief.Card`, with status and evidence."""
    out = []
    for card in cards:
        status = ""
        if card.status:
            klass = "status-" + card.status.replace(" ", "-")
            status = f' <span class="{klass}">{esc(card.status_label)}</span>'
        evidence = evidence_html(dataset, card.evidence_ids) if card.evidence_ids else ""
        detail = f'<div class="kf-detail">{esc(card.detail)}</div>' if card.detail else ""
        out.append(
            f'<div class="kf"><div class="kf-label">{esc(card.label)}</div>'
            f'<div class="kf-value">{esc(card.value)}{status}</div>{detail}{evidence}</div>'
        )
    return f'<div class="key-figures">{"".join(out)}</div>'


def findings_html(findings: Sequence[str]) -> str:
    """The findings: sentences built from the data (plain text, escaped here)."""
    if not findings:
        return ""
    items = "".join(f"<li>{esc(f)}</li>" for f in findings)
    return f'<ul class="findings">{items}</ul>'


def text_html(text: object) -> str:
    """A message as HTML: escaped, a `backticked` part (a module, a function) as ``<code>``."""
    parts = _CODE.split(str(text))
    return "".join(f"<code>{esc(p)}</code>" if i % 2 else esc(p) for i, p in enumerate(parts))


def title_html(title: str, scope: str) -> str:
    """The page's one ``h1`` and its one-line scope."""
    return f'<h1>{esc(title)}</h1><p class="scope">{text_html(scope)}</p>'


def section_html(title: str, *intro: str) -> str:
    """A section's ``h2`` and the paragraphs that introduce it (plain text, escaped).

    Headings are outputs, not Markdown cells, so that they are written in the page's language:
    give them through :func:`helpers.i18n.tr`.
    """
    return f"<h2>{esc(title)}</h2>" + "".join(paragraph(text, "intro") for text in intro)


def paragraph(text: str, klass: str = "") -> str:
    """A paragraph of plain text (escaped; a `backticked` part as code, :func:`text_html`)."""
    attr = f' class="{esc(klass)}"' if klass else ""
    return f"<p{attr}>{text_html(text)}</p>"


def bullets(items: Iterable[str], klass: str = "") -> str:
    """A list of plain-text items (escaped)."""
    attr = f' class="{esc(klass)}"' if klass else ""
    return f"<ul{attr}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


# --- sources -------------------------------------------------------------------------------------


def sources_html(dataset: Dataset, source_ids: Iterable[str]) -> str:
    """The Sources section: every source cited on the page, with how each undated one was dated."""
    items = []
    for sid in dict.fromkeys(map(str, source_ids)):
        row = source_row(dataset, sid)
        tier = source_tier(dataset, sid, row.get("verification"))
        title = (
            "" if is_missing(row.get("title")) else f'<cite lang="vi">{esc(row["title"])}</cite>. '
        )
        author = (
            "" if is_missing(row.get("author")) else esc(tr("Author:")) + f" {esc(row['author'])}. "
        )
        dated = ""
        if is_missing(row.get("date_published")) and not is_missing(row.get("date_note")):
            how = esc(tr("How the date was inferred:"))
            dated = f"{how} {data_field(row, 'date_note')}. "
        where = ""
        url = row.get("url")
        if not is_missing(url) and str(url).startswith(("https://", "http://")):
            where = f'<a href="{esc(url)}" rel="nofollow noopener">{esc(url)}</a>. '
        elif not is_missing(row.get("seed_file")):
            stored, unprinted = esc(tr("Stored text:")), esc(tr("(no address printed)"))
            where = f"{stored} <code>{esc(row['seed_file'])}</code> {unprinted}. "
        kind = (
            ""
            if is_missing(row.get("source_type"))
            else f"{esc(vlabel(SOURCE_TYPE_LABELS, row['source_type']))}; "
        )
        badge = f'<span class="tier-{esc(tier)}">{esc(vlabel(TIER_LABELS, tier))}</span>'
        items.append(
            f'<li id="source-{esc(sid)}"><strong>{esc(short_source(dataset, sid))}</strong>. '
            f"{title}{author}{dated}{where}{kind}{badge} <code>{esc(sid)}</code></li>"
        )
    if not items:
        return '<p class="empty">' + esc(tr("No source is cited on this page.")) + "</p>"
    listing = f'<ol class="sources">{"".join(items)}</ol>'
    return folded(
        tr_n("Show the source in full", "Show the {n} sources in full", len(items),
             n=format_number(len(items))),
        listing,
        "more sources",
    )  # fmt: skip


def kind_label(kind: object) -> str:
    """``"result"``, ``"target"``, ``"plan"``, ``"estimate (dự ước)"``."""
    return vlabel(KIND_LABELS, kind)


def value_cell(fact: pd.Series | dict) -> str:
    """The escaped value of a fact, as tables show it."""
    return esc(fact_text(fact))
