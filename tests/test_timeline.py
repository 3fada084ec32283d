"""timeline.csv: anchored spans, dates no finer than the essay gives, derived dates explained, and an export
TimelineJS can read."""
from __future__ import annotations

import csv
import re
import json

import pytest
import pandas as pd

import helpers
from helpers import timeline as tl

import editing

# Knight Lab's TimelineJS Google Sheets template, column for column.
TIMELINEJS_TEMPLATE = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                       "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                       "Media Thumbnail", "Type", "Group", "Background"]


@pytest.fixture(scope="module")
def timeline(essay):
    return helpers.load_timeline(essay)


def test_spans_are_exact(essay, timeline):
    for row in timeline.itertuples():
        assert essay.text[row.start:row.end] == row.span
        if row.date_as_given:
            assert row.date_as_given in row.span


def test_dates_are_written_at_their_precision(timeline):
    for row in timeline.itertuples():
        form = tl.form_of(row.date)
        assert form is not None, row.id
        if row.precision != "relative":
            assert form == row.precision, row.id
        else:
            assert row.derived_by.strip(), row.id
        assert row.from_date <= row.to_date


def test_context_rows_name_a_reference_and_essay_rows_do_not(timeline):
    context = timeline[timeline.source == "context"]
    assert len(context) >= 1 and (context.reference.str.strip() != "").all()
    assert (timeline[timeline.source == "essay"].reference == "").all()


def test_the_essay_is_dated_twice(essay, timeline):
    written = timeline[timeline.label.str.startswith("Essay written")]
    published = timeline[timeline.label == "Essay published"]
    assert len(written) == len(published) == 1
    start, end = tl.written_between(tl.load_dating(essay))
    assert (written.iloc[0].from_date, written.iloc[0].to_date) == (start, end)
    assert published.iloc[0].paragraph == "header" and published.iloc[0].date == "2020-03"
    assert written.iloc[0].to_date < published.iloc[0].from_date


def test_dating_the_essay_weighs_every_clue(essay):
    dating = tl.load_dating(essay)
    assert set(dating.pulls) == set(tl.PULLS)                       # bounds, pulls both ways, and no bearing
    words = " ".join(dating.span)
    for clue in ("As of this writing", "last year", "last October", "newly elected", "Over the past 14 years",
                 "just arrested", "After ten years", "this last November", "is being charged",
                 "at least the White House", "now serving 24 years", "currently has no U.S. ambassador"):
        assert clue in words, clue
    # "this last November" counts to the interview: no bearing
    no_bearing = dating[dating.pulls == "no bearing"].span.str.cat(sep=" ")
    assert "this last November" in no_bearing
    # "After ten years" counts, in its own past tense, to the flight (close reading 17, D2): no bearing
    pulls = dict(zip(dating.span.str[:15], dating.pulls))
    assert pulls["After ten years"] == "no bearing" and pulls["Over the past 1"] == "pulls later"
    # a likely reading from outside the essay never fixes a first day; Venezuela's (¶5) adds nothing to the limits
    assert dating.set_index("id").loc["D03", "pulls"] == "no bearing"
    assert "not a first day" in dating.set_index("id").loc["D03", "reasoning"]
    # every context clue says so in its reasoning
    assert dating[dating.source == "context"].reasoning.str.contains("Context, not in the essay").all()
    start, end = tl.written_between(dating)
    assert start < end
    earlier, later = dating[dating.pulls == "pulls earlier"], dating[dating.pulls == "pulls later"]
    # the clues conflict: one pulls past the end of another's range
    assert later.from_date.max() > min(d for d in earlier.to_date if d)
    assert (dating[dating.source == "context"].reference != "").all()


def test_no_event_starts_before_an_event_it_follows(timeline):
    starts = dict(zip(timeline.id, timeline.from_date))
    rows = timeline[timeline.follows != ""]
    assert len(rows) >= 20
    for row in rows.itertuples():
        for other in row.follows.split(";"):
            assert row.from_date >= starts[other.strip()], (row.id, other)


def test_dates_after_the_coup_start_at_the_coup(timeline):
    coup = timeline.loc[timeline.id == "E09", "from_date"].item()
    after = timeline[timeline.derived_by.str.contains("coup", case=False) & (timeline.follows == "E09")]
    assert len(after) >= 5 and (after.from_date >= coup).all()
    # the 2017 election-night sequence is dated to days, not to the whole year
    for id_ in ("E21", "E22"):
        row = timeline.set_index("id").loc[id_]
        assert (row.to_date - row.from_date).days <= 40, id_


def test_every_time_expression_is_covered_or_excused(essay, timeline):
    undated = tl.load_undated(essay)
    found = tl.time_expressions(essay)
    assert len(found) >= 60
    left = tl.uncovered(essay, timeline, undated)
    assert left.empty, "time expressions with no timeline row and no reason in undated.csv:\n" + left.to_string()
    # the count: every expression is either inside a row's span or given a reason, none both unaccounted
    covered = len(found) - len(tl.uncovered(essay, timeline))
    assert covered + len(undated) >= len(found)


def test_an_expression_left_out_is_listed(essay, timeline):
    undated = tl.load_undated(essay)
    without_e54 = timeline[~timeline.id.isin(["E54", "E55"])]   # the essay row and its context row
    left = tl.uncovered(essay, without_e54, undated)
    assert left.expression.tolist() == ["since the"] and left.paragraph.tolist() == [46]


def test_account_and_context_are_kept_apart(timeline):
    assert set(timeline.account) == set(tl.ACCOUNT.values())
    rows = tl.to_timelinejs_rows(timeline)
    assert (rows.Group == timeline.account.to_numpy()).all()
    opening = {tl.CONTEXT: "Context, not in the essay", tl.INFERENCE: "Dated by the package's inference",
               tl.WORDS: "In the essay's account"}
    for text, kind in zip(rows.Text, timeline.dated_by):
        assert text.startswith(opening[kind])
    preview = tl.timelinejs_preview(rows)
    assert "Media" not in preview.columns and "Headline" in preview.columns


def test_key_dates(timeline):
    by_date = dict(zip(timeline.date_as_given, timeline.date))
    assert by_date["June 28th, 2009"] == "2009-06-28"
    assert by_date["April 2018"] == "2018-04"
    assert by_date["11/20/2018"] == "2018-11-20"
    assert by_date["April 9th, 1870"] == "1870-04-09"


def test_interval_keeps_precision():
    assert tl.interval("2017") == (tl.date(2017, 1, 1), tl.date(2017, 12, 31))
    assert tl.interval("2018-02") == (tl.date(2018, 2, 1), tl.date(2018, 2, 28))
    assert tl.interval("196X/197X") == (tl.date(1960, 1, 1), tl.date(1979, 12, 31))
    assert tl.interval("2009-06-28/..") == (tl.date(2009, 6, 28), None)
    assert tl.form_of("2017-13") == "month" and tl.form_of("17") is None


def test_timelinejs_export(timeline, tmp_path):
    csv_path, json_path = tl.write_timelinejs(timeline, "title", tmp_path)
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == TIMELINEJS_TEMPLATE
    assert len(rows) == len(timeline) + 1
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert set(data) == {"title", "events"} and len(data["events"]) == len(timeline)
    for slide, row in zip(data["events"], timeline.itertuples()):
        assert isinstance(slide["start_date"]["year"], int) and slide["text"]["headline"] == tl.shown_label(row)
        form = tl.form_of(row.date.split("/")[0])
        assert ("month" in slide["start_date"]) == (form in ("month", "day")), row.id
        assert ("day" in slide["start_date"]) == (form == "day"), row.id
        assert f"¶{row.paragraph}" in slide["text"]["text"] or row.paragraph == "header"


# ---- bad edits ---------------------------------------------------------------------------------------

def error_after(folder, old, new) -> helpers.AnnotationError:
    return editing.error_after(folder, "timeline.csv", old, new, helpers.load_timeline)


def test_a_date_finer_than_its_precision(reading_copy):
    err = error_after(reading_copy, "2016,year,2016,", "2016-03-02,year,2016,")
    assert "finer than the essay gives" in err.problem and "(E17)" in str(err.row)


def test_a_relative_date_without_derived_by(reading_copy):
    err = error_after(reading_copy, "42,the January after the caravan that “left last October” (2018) (¶42),",
                      "42,,")
    assert "a relative date has no derived_by" in err.problem


def test_a_context_row_without_reference(reading_copy):
    err = error_after(reading_copy, "context,\"Wikipedia, “2013 Honduran general election”\"", "context,")
    assert "no reference" in err.problem


def test_a_span_that_stopped_matching(reading_copy):
    err = error_after(reading_copy, "An initial caravan starting in Southern Mexico in April 2018",
                      "An initial caravan starting in southern Mexico in April 2018")
    assert "not in the text of ¶39" in err.problem and "copy the span from the essay" in err.problem


def test_an_impossible_date(reading_copy):
    err = error_after(reading_copy, "2018-04,month,April 2018", "2018-13,month,April 2018")
    assert "not a real date" in err.problem


def test_an_event_drawn_before_what_it_follows(reading_copy):
    err = error_after(reading_copy, "2009-06-28/2009-07,relative,In the subsequent days", "2009/2009-07,relative,In the subsequent days")
    assert "(E11)" in str(err.row) and "starts before E09" in err.problem and "2009-06-28" in err.fix


def test_a_reason_for_an_expression_the_essay_does_not_have(reading_copy):
    editing.rewrite(reading_copy, "undated.csv", "for hundreds of years,45,", "for thousands of years,45,")
    with pytest.raises(helpers.AnnotationError, match="not a time expression of ¶45"):
        tl.load_undated(helpers.load_essay(reading_copy))


def test_events_the_essay_narrates_have_rows(timeline):
    spans = " ".join(timeline.span)
    for words in ("to the Tegucigalpa airport", "A march across the entire country", "surround the Brazilian consulate",
                  "When he called for a referendum", "undid most of the progressive reforms",
                  "lengthy negotiations in Costa Rica", "As President of the congress under Lobo",
                  "the first term of Juan Orlando Hernández", "refused to certify the election results",
                  "forced to withdraw"):
        assert words in spans, words


def test_no_essay_row_borrows_a_context_day_silently(timeline):
    """An essay row may start on a context row's day only if it names that row (derived_by or follows)."""
    context_days = {row.from_date: row.id for row in timeline[(timeline.source == "context")
                                                                & (timeline.precision == "day")].itertuples()}
    starts = dict(zip(timeline.id, timeline.from_date))
    for row in timeline[timeline.source == "essay"].itertuples():
        other = context_days.get(row.from_date)
        if other and tl.form_of(row.date.split("/")[0]) == "day":
            followed = [f.strip() for f in row.follows.split(";") if f.strip()]
            inherited = any(starts[f] == row.from_date for f in followed)   # the day comes through a named row
            assert other in row.derived_by or other in followed or inherited, (row.id, other)


def test_the_written_range_rests_on_bounds_not_on_a_likely_reading(essay, timeline):
    dating = tl.load_dating(essay)
    start, end = tl.written_between(dating)
    bounding = dating[dating.pulls.str.startswith("bounds")]
    # every bound from context says so, and the start is not the Guaidó day
    assert bounding[bounding.source == "context"].reasoning.str.startswith("Context, not in the essay").all() \
        or bounding[bounding.source == "context"].reasoning.str.contains("Context, not in the essay").all()
    assert str(start) != "2019-01-23"
    written = timeline[timeline.label.str.startswith("Essay written")].iloc[0]
    assert "2019-01-23" not in written.date


def test_a_bound_is_never_a_likelihood(essay):
    dating = tl.load_dating(essay)
    for row in dating.itertuples():
        if row.pulls.startswith("bounds"):
            assert not re.search(r"\b(?:likely|probably)\b", row.reasoning, re.I), row.id
        if row.source == "context":
            assert row.reasoning.startswith("Context, not in the essay"), row.id


def test_every_essay_label_carries_the_account_marker(timeline):
    claims = timeline[(timeline.source == "essay") & (timeline.theme != "publication")]
    assert len(claims) > 40
    for row in claims.itertuples():
        assert "essay's account" in row.label or "her account" in row.label, row.id


def test_no_invented_order_or_end(timeline):
    by_id = timeline.set_index("id")
    assert "E08" not in by_id.loc["E67", "follows"]                    # the essay never orders these two
    ends = set(timeline[timeline.source == "essay"].date.str.split("/").str[-1])
    assert "2019-10-18" not in ends                                     # a pull (dating.csv D13), not a bound
    for row in timeline[timeline.precision == "relative"].itertuples():
        for ref in re.findall(r"context row (E\d+)", row.derived_by):
            assert by_id.loc[ref, "source"] == "context" and by_id.loc[ref, "reference"], (row.id, ref)


def test_a_first_name_is_not_a_month(essay):
    found = tl.time_expressions(essay)
    assert "August" not in set(found[found.paragraph == 8].expression)        # August Vogt (¶8)
    assert {"Prior to", "later revealed", "for the time being"} <= set(found.expression)


def test_an_arrow_that_runs_to_the_time_of_writing_reaches_the_panels_edge(essay):
    """The learner review (round 12): the arrows of rows with no end ("ever since", the time of writing) were
    one-year stubs, read as end dates (E40 seemed to end in 2011). Every such arrow now runs to the panel's right
    edge, or (round 21) to the line of the essay's publication where the panel reaches it, which the time of
    writing cannot pass (tests/test_zoom_marks_21.py)."""
    import matplotlib.pyplot as plt
    from matplotlib.text import Annotation
    from helpers import plots
    timeline = helpers.load_timeline(essay)
    published = plots._year(plots.publication(timeline, writing="E38"))
    arrows = 0
    for fig in plots.timeline_zoom_panels(timeline, leave_out=["E25", "E35", "E42", "E43", "E36", "E38"], writing="E38"):
        for ax in fig.axes:
            for a in [t for t in ax.texts if isinstance(t, Annotation) and t.arrow_patch is not None]:
                arrows += 1
                at_edge = a.xy[0] == 1.0 and a.xycoords is not None and a.xycoords != "data"
                at_line = a.xycoords == "data" and a.xy[0] == published and a.get_gid().endswith("-to-writing")
                assert at_edge or at_line, a.xy
        plt.close(fig)
    assert arrows >= 3


def _zoom_panels(timeline):
    from helpers import plots
    return plots.timeline_zoom_panels(timeline, leave_out=["E25", "E35", "E42", "E43", "E36", "E38"], writing="E38")


def test_each_zoom_panel_spreads_its_own_events(timeline):
    """Round 14: panel 1's events all start in 2009-2010 but its axis ran to 2020, so they sat in about 50 px. A
    panel's axis now runs from just before its first start to half a year after its last."""
    import matplotlib.pyplot as plt
    from helpers import plots
    by_id = timeline.set_index("id")
    for k, fig in enumerate(_zoom_panels(timeline), start=1):
        ax = fig.axes[0]
        starts = [plots._year(by_id.loc[line.split()[0], "from_date"]) for line in fig.drawn]
        lo, hi = ax.get_xlim()
        assert lo <= min(starts) and max(starts) < hi, k
        # round 21: a panel with a bar that runs on widens until the bar shows beside its "→ Nov 2017" box
        room = 1.6 if any((t.get_gid() or "").endswith("-runs-on") for t in ax.texts) else 1
        assert hi - lo <= (max(starts) - min(starts) + 1.5) * room, (k, lo, hi, min(starts), max(starts))
        plt.close(fig)


def test_a_derived_date_is_drawn_as_a_range_not_a_duration_and_an_inferred_one_with_a_short_mark(timeline):
    """Round 14: hatched bars for the range a derived date may fall in were read as durations, and most labels
    ended "(date inferred)". A derived date is now a thin whisker with an end bar at each side, which the key
    calls "within these limits" (review15: not "not a duration", which some rows are); an inferred date is a "*" after the label, which the key explains once."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle
    from helpers import plots
    by_id = timeline.set_index("id")
    whiskers = 0
    for fig in _zoom_panels(timeline):
        ax = fig.axes[0]
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert not any("date inferred" in label for label in labels)
        inferred = [line.split()[0] for line in fig.drawn if by_id.loc[line.split()[0], "dated_by"] == tl.INFERENCE]
        assert sum(label.endswith("*") for label in labels) == len(inferred)
        keys = [t.get_text() for legend in fig.legends for t in legend.get_texts()] + \
            [legend.get_title().get_text() for legend in fig.legends]       # s20-fig: "*" is in the title
        if not keys:     # session 27: the key is drawn once, under part 1; the later panels say so in their title
            assert ax.get_title(loc="left").endswith(plots.ZOOM_KEY_ONCE), ax.get_title(loc="left")
        else:
            assert any("within these limits" in key for key in keys) and any("*" in key for key in keys)
        # review15 close D1: "not a duration" was wrong for rows whose limits bound a lasting event (E23, E46)
        assert not any("not a duration" in key for key in keys)
        for bar in [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()]:
            if by_id.loc[bar.get_gid(), "precision"] == "relative":
                whiskers += 1
                assert bar.get_height() <= 0.2 and not bar.get_hatch(), bar.get_gid()
        plt.close(fig)
    assert whiskers >= 10


def test_a_table_marks_each_row_in_a_short_column_not_in_its_label(timeline, essay):
    """The learner review (round 14): every label in 03's tables ended in "(essay's account; date inferred)". The
    label is bare; the column ``mark`` says whose it is (essay, her account, context) and stars an inferred date; a
    row named in another row's cell is marked only when it is context."""
    shown = tl.with_account(timeline, tl.load_dating(essay)).set_index("id")
    assert set(shown[tl.MARK]) == set(tl.MARKS)
    for row in timeline.itertuples():
        mark = shown.loc[row.id, tl.MARK]
        assert mark.endswith("*") == (row.dated_by == tl.INFERENCE), row.id
        assert (mark == "context") == (row.source == "context"), row.id
        assert not re.search(r"\((?:essay's|her) account\)$|\(context\)$", shown.loc[row.id, "label"]), row.id
    assert "(essay's account" not in " ".join(shown[tl.HOW_KNOWN]) + " ".join(shown["steps to the date"])
    assert "Zelaya takes office (context)" in shown.loc["E67", tl.HOW_KNOWN]   # named in words, no code (review 18)


def test_the_wifes_arrest_with_no_verdict_pulls_earlier(essay):
    """¶27 gives Lobo's wife as "arrested last year" and names no verdict: like D13's "is being charged", a pull
    towards a time before her conviction, from context with a named reference, and never a bound."""
    dating = tl.load_dating(essay)
    clue = dating[(dating.paragraph == 27) & (dating.pulls == "pulls earlier")]
    assert len(clue) == 1
    row = clue.iloc[0]
    assert row.source == "context" and "Reuters" in row.reference and "2019" in row.reference
    assert row.implies.startswith("..") and row.implies < "../2019-09-04"
    assert row.reasoning.startswith("Context, not in the essay") and "a pull, not a bound" in row.reasoning


def test_the_recertification_is_drawn_with_its_context_row(timeline):
    """Close reading 20: E24 (the essay's re-certification) was drawn from 29 November 2017 while its own context
    row E103 dates the certification 28 November (signed) and 7 December 2017 (published): the row rests on E103
    and is drawn between those two days."""
    by_id = timeline.set_index("id")
    e24, e103 = by_id.loc["E24"], by_id.loc["E103"]
    assert "E103" in e24.rests_on.split(";") and e24.dated_by == tl.INFERENCE
    assert e24.date.split("/")[0] == e103.date == "2017-11-28" and e24.date.split("/")[1] == "2017-12-07"
    assert "7 December 2017" in e103.event and "do not quite agree" in e24.derived_by


def test_a_row_read_as_within_about_a_year_ends_about_a_year_on(timeline):
    """Close reading 20: E12 read "shortly" as "within about a year" of the coup but was drawn to the end of 2010."""
    about = timeline[timeline.derived_by.str.contains("within about a year")]
    assert len(about)
    for row in about.itertuples():
        days = (pd.Timestamp(row.to_date) - pd.Timestamp(row.from_date)).days
        assert days <= 400, (row.id, row.from_date, row.to_date)
