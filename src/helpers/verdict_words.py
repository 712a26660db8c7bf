"""The words of a target's verdict (:mod:`helpers.analysis.targets`): its status and the reason,
in the page's language. The codes are the analysis layer's; the pages show these words."""

from __future__ import annotations

from helpers.i18n import tr


def status_word(status: str) -> str:
    """A status code (:data:`helpers.analysis.targets.STATUSES`) as the reader sees it."""
    words = {
        "met": tr("met"),
        "not_met": tr("not met"),
        "on_track": tr("on track"),
        "behind": tr("behind"),
        "achieved_as_stated": tr("achieved, as the source states"),
        "not_comparable": tr("not comparable"),
        "not_reported": tr("not reported"),
    }
    if status not in words:
        raise ValueError(f"unknown target status {status!r}; known: {', '.join(words)}")
    return words[status]


def status_class(status: str) -> str:
    """The CSS class of a status: ``status-not-met`` for ``not_met``."""
    return "status-" + status.replace("_", "-")


def reason_word(reason: str) -> str:
    """A reason code (:data:`helpers.analysis.targets.REASONS`) as a clause the reader reads."""
    words = {
        "printed_result": tr("a printed result of the same measure, period and standard"),
        "rate_at_period_end": tr("the rate at the period's end, in the same series"),
        "pace_from_rates": tr(
            "the average fall per year over the period, from two rates of one series"
        ),
        "pace_so_far": tr(
            "the period is not over: the average fall per year so far, from two rates of one "
            "series, against the pace the target needs"
        ),
        "printed_pace_so_far": tr(
            "the period is not over: a printed average fall per year so far, against the target"
        ),
        "no_figure_source_states_achieved": tr(
            "no figure: the source states that the target was met or exceeded"
        ),
        "bound_straddles_target": tr("the result is a bound that lies on both sides of the target"),
        "different_period": tr("the results are for another period"),
        "period_not_printed": tr("the result's period is not printed"),
        "result_not_year_end": tr("the result stands at a date inside the year, not its end"),
        "average_against_total_fall": tr(
            "a target of a yearly average cannot be set against a total fall"
        ),
        "different_standard": tr("the results are under another poverty standard"),
        "different_method": tr("the results come from another method (review or survey)"),
        "no_baseline_in_series": tr("the series has no rate for the period's first year"),
        "no_result_for_period": tr("no result yet for the period's end"),
        "no_result": tr("no result is reported"),
    }
    return words.get(reason, reason)
