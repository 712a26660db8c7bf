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
from helpers.format import format_date, format_number, is_missing, not_reported
from helpers.i18n import language, tr, tr_n
from helpers.provenance import tier as source_tier
from helpers.sources import discrepancies, short_source, source_row, sources_used
from helpers.vocabulary import (
    BREAKDOWN_BY_LABELS,
    KIND_LABELS,
    METHOD_LABELS,
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


def show(*parts: str) -> None:
    """Display HTML built by this module (several parts are joined)."""
    display(HTML("\n".join(p for p in parts if p)))


# --- rows behind a display ---------------------------------------------------------------------


def observation_ids(facts_table: pd.DataFrame) -> list[str]:
    """Observation ids behind a facts table, in display order (a range gives both its rows)."""
    ids: list[str] = []
    for joined in facts_table.get("observation_ids", pd.Series(dtype=str)):
        ids.extend(i for i in str(joined).split(";") if i and i not in ids)
    return ids


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


def _source_line(dataset: Dataset, source_id: str) -> str:
    row = source_row(dataset, source_id)
    tier = source_tier(dataset, source_id, row.get("verification"))
    publisher = esc(short_source(dataset, source_id))
    title = "" if is_missing(row.get("title")) else f' <cite lang="vi">{esc(row["title"])}</cite>'
    how = ""
    if is_missing(row.get("date_published")) and not is_missing(row.get("date_note")):
        how = f" {esc(tr('Date:'))} {data_text(row['date_note'])}."
    url = row.get("url")
    link = ""
    if tier == "cited" and not is_missing(url) and str(url).startswith(("https://", "http://")):
        accessed = row.get("date_accessed")
        read = "" if is_missing(accessed) else esc(tr(", read {date}", date=format_date(accessed)))
        link = f' <a href="{esc(url)}" rel="nofollow noopener">{esc(url)}</a>{read}.'
    badge = f'<span class="tier-{esc(tier)}">{esc(vlabel(TIER_LABELS, tier))}</span>'
    return f"{badge} {publisher}{title}.{how}{link}"


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
            total = _num(d["total"], unit)
            message = tr(
                "The parts printed ({split}) add to {parts}; the report prints {total} as the "
                "total. Both are kept as printed.",
                split=vlabel(BREAKDOWN_BY_LABELS, d["breakdown_by"]),
                parts=parts,
                total=total,
            )
            lines.append(f'<p class="discrepancy">{esc(message)}</p>')
    return lines


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


def data_text(text: object) -> str:
    """Prose written in ``data/`` (notes, how a date was inferred), escaped: it is English, so
    on a page in another language it is marked ``lang="en"``."""
    if language() == "en":
        return esc(text)
    return f'<span lang="en">{esc(text)}</span>'


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
    for _, row in rows.iterrows():
        formula = row.get("formula")
        excerpt = row.get("excerpt")
        if not is_missing(formula) and str(formula).strip():
            body.append(f"<p>{esc(tr('Derived:'))} <code>{esc(formula)}</code>.</p>")
        elif not is_missing(excerpt) and str(excerpt).strip():
            body.append(f'<blockquote lang="vi">{esc(excerpt)}</blockquote>')
        printed = row.get("number_as_printed")
        if not is_missing(printed) and str(printed).strip():
            unit = row.get("unit_as_printed")
            unit_text = "" if is_missing(unit) else f" {esc(unit)}"
            printed_as = esc(tr("Printed as"))
            body.append(f'<p>{printed_as} <span lang="vi">{esc(printed)}{unit_text}</span>.</p>')
        location = row.get("location")
        if not is_missing(location) and str(location).strip():
            body.append(f"<p>{esc(tr('Where:'))} {data_text(location)}.</p>")
        body.append(f"<p>{_source_line(dataset, str(row['source_id']))}</p>")
        method = row.get("method")
        if not is_missing(method) and str(method) in METHOD_LABELS:
            body.append(f"<p>{esc(tr('Method:'))} {esc(vlabel(METHOD_LABELS, method))}.</p>")
        if not is_missing(row.get("note")) and str(row["note"]).strip():
            body.append(f'<p class="note">{esc(tr("Note:"))} {data_text(row["note"])}</p>')
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


def facts_table_html(
    dataset: Dataset,
    facts_table: pd.DataFrame,
    columns: Sequence[Column],
    title: str,
    empty: str,
    row_classes: Sequence[str] | None = None,
) -> str:
    """A table with one row per fact, an evidence cell per row, its caption and its download."""
    if facts_table.empty:
        return f'<p class="empty">{esc(empty)}</p>'
    headers = [c.header for c in columns] + [tr("evidence")]
    numeric = [c.numeric for c in columns] + [False]
    rows = [
        [c.cell(fact) for c in columns] + [fact_evidence(dataset, fact)]
        for _, fact in facts_table.iterrows()
    ]
    table = table_html(rows, headers, numeric, row_classes)
    return table + caption_html(title, dataset, facts_table, title)


# --- figures -------------------------------------------------------------------------------------


def figure_html(
    figure,
    alt: str,
    title: str,
    dataset: Dataset,
    facts_table: pd.DataFrame,
    dpi: int = 200,
) -> str:
    """A matplotlib figure as an embedded high-DPI PNG with alt text, caption and download.

    The image is shown at half its pixel size (sharp on high-DPI screens); the figure is closed.
    """
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    # no compression: the PNG is decoded again at once and saved, optimised, by _palette_png
    figure.savefig(
        buffer, format="png", dpi=dpi, metadata={"Software": None}, pil_kwargs={"compress_level": 0}
    )
    plt.close(figure)
    data = _palette_png(buffer.getvalue())
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    scale = dpi / 100
    payload = base64.b64encode(data).decode("ascii")
    img = (
        f'<img src="data:image/png;base64,{payload}" alt="{esc(alt)}" '
        f'width="{round(width / scale)}" height="{round(height / scale)}">'
    )
    caption = caption_html(title, dataset, facts_table, title)
    return f"<figure>{img}<figcaption>{caption}</figcaption></figure>"


def _palette_png(data: bytes) -> bytes:
    """The PNG with a 256-colour palette: charts are flat colours and antialiased text, so this
    keeps them sharp at a third of the size (deterministic: same input, same bytes)."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
        out, format="PNG", optimize=True
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


def title_html(title: str, scope: str) -> str:
    """The page's one ``h1`` and its one-line scope."""
    return f'<h1>{esc(title)}</h1><p class="scope">{esc(scope)}</p>'


def section_html(title: str, *intro: str) -> str:
    """A section's ``h2`` and the paragraphs that introduce it (plain text, escaped).

    Headings are outputs, not Markdown cells, so that they are written in the page's language:
    give them through :func:`helpers.i18n.tr`.
    """
    return f"<h2>{esc(title)}</h2>" + "".join(paragraph(text, "intro") for text in intro)


def paragraph(text: str, klass: str = "") -> str:
    """A paragraph of plain text (escaped)."""
    attr = f' class="{esc(klass)}"' if klass else ""
    return f"<p{attr}>{esc(text)}</p>"


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
            "" if is_missing(row.get("author")) else f"{esc(tr('Author:'))} {esc(row['author'])}. "
        )
        dated = ""
        if is_missing(row.get("date_published")) and not is_missing(row.get("date_note")):
            how = esc(tr("How the date was inferred:"))
            dated = f"{how} {data_text(row['date_note'])}. "
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
        return f'<p class="empty">{esc(tr("No source is cited on this page."))}</p>'
    return f'<ol class="sources">{"".join(items)}</ol>'


def kind_label(kind: object) -> str:
    """``"result"``, ``"target"``, ``"plan"``, ``"estimate (dự ước)"``."""
    return vlabel(KIND_LABELS, kind)


def value_cell(fact: pd.Series | dict) -> str:
    """The escaped value of a fact, as tables show it."""
    return esc(fact_text(fact))
