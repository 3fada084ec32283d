"""The essay's account kept apart from the package's inference and from context (issue #22, item 2).

timeline.csv says of every row what dates it (``dated_by``: the essay's words, the package's inference, context)
and, for an inference, what it rests on (``rests_on``). No row that rests on a context row, directly or through
another row, may be drawn or exported as the essay's account: the loader refuses it, and the figures and the
TimelineJS export are checked here against the real data.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import editing  # noqa: E402
import helpers  # noqa: E402
from helpers import plots  # noqa: E402
from helpers import timeline as tl  # noqa: E402


@pytest.fixture(scope="module")
def timeline(essay):
    return helpers.load_timeline(essay)


def _rests_on_context(timeline, essay) -> set[str]:
    """Ids of the rows that rest on a context row or clue, directly or through other rows (computed here, not by
    the loader, so the test does not trust the code it checks)."""
    clues = dict(zip(tl.load_dating(essay).id, tl.load_dating(essay).source))
    needs = {r.id: [i for i in r.rests_on.split(";") if i] for r in timeline.itertuples()}
    kind = dict(zip(timeline.id, timeline.dated_by))

    def reaches(i, seen=()):
        for o in needs.get(i, []):
            if o in seen:
                continue
            if kind.get(o) == "context" or clues.get(o) == "context" or reaches(o, seen + (o,)):
                return True
        return False
    return {i for i in needs if reaches(i)}


def test_every_row_says_what_dates_it(timeline):
    assert set(timeline.dated_by) == set(tl.DATED_BY)
    assert ((timeline.source == "context") == (timeline.dated_by == tl.CONTEXT)).all()
    inferred = timeline[timeline.dated_by == tl.INFERENCE]
    assert (inferred.rests_on.str.strip() != "").all()


def test_the_rows_the_review_named_are_inference(timeline):
    by_id = timeline.set_index("id")
    for id_, rests in {"E38": "E43", "E32": "E33", "E42": "E43", "E62": "E63", "E12": "E24"}.items():
        assert by_id.loc[id_, "dated_by"] == tl.INFERENCE, id_
        assert rests in by_id.loc[id_, "rests_on"].split(";"), id_
    assert "internal evidence" not in by_id.loc["E38", "label"]
    # E12: in place by the re-certification (E24), so it cannot run past E24's range
    assert by_id.loc["E12", "to_date"] <= by_id.loc["E24", "to_date"]
    # E62: the reference dates a meeting, not the picket: no day
    assert tl.form_of(by_id.loc["E62", "date"]) != "day"


def test_nothing_resting_on_context_is_the_essays_words(timeline, essay):
    resting = _rests_on_context(timeline, essay)
    assert {"E38", "E32", "E42", "E62", "E12", "E48", "E54"} <= resting
    words = set(timeline[timeline.dated_by == tl.WORDS].id)
    assert not resting & words


def test_the_export_never_calls_an_inference_the_essays_account(timeline, essay):
    resting = _rests_on_context(timeline, essay)
    rows = tl.to_timelinejs_rows(timeline, tl.load_dating(essay))
    data = tl.to_timelinejs_json(timeline, "title")
    for rec, slide, row in zip(rows.to_dict("records"), data["events"], timeline.itertuples()):
        if row.id in resting or row.dated_by != tl.WORDS:
            for text in (rec["Text"], slide["text"]["text"]):
                assert "in the essay's account" not in text.lower(), row.id
            assert rec["Group"] == slide["group"] != tl.ACCOUNT[tl.WORDS], row.id
            if row.dated_by == tl.INFERENCE:
                assert "date inferred" in rec["Headline"] or "inference" in rec["Headline"], row.id
                assert rec["Text"].startswith("Dated by the package's inference"), row.id
        else:
            assert rec["Group"] == tl.ACCOUNT[tl.WORDS] and rec["Text"].startswith("In the essay's account")
    written = rows[timeline.id.to_numpy() == "E38"].iloc[0]
    assert "D04" in written.Text and "E43" in written.Text       # what the inference rests on, named
    assert ".." not in " ".join(rows.Text).replace("“..", "")   # no doubled full stop ("D.E.A..")


def _drawn_labels(ax) -> dict[str, str]:
    """{row id: label text} for the rows of a zoom panel (the y tick labels begin with the id)."""
    return {t.get_text().split()[0]: t.get_text() for t in ax.get_yticklabels()}


def _key_texts(fig) -> list[str]:
    """The key's entries and its title's lines (s20-fig: who dates a row is said in the title, its label shows it)."""
    legends = fig.legends + [a.get_legend() for a in fig.axes if a.get_legend()]
    return [t.get_text() for legend in legends for t in legend.get_texts()] + \
        [legend.get_title().get_text().replace("\n", " ") for legend in legends]


def test_the_figures_draw_the_essays_account_only_for_rows_dated_by_its_words(timeline, essay):
    resting = _rests_on_context(timeline, essay)
    by_id = timeline.set_index("id", drop=False)
    figs = plots.timeline_zoom_panels(timeline)
    long_view = plots.timeline_long_view(timeline).figure
    try:
        seen = set()
        for fig in figs + [long_view]:
            keys = _key_texts(fig)
            if not keys:      # session 27: a later zoom panel has no key of its own; the key is under part 1
                assert fig.axes[0].get_title(loc="left").endswith(plots.ZOOM_KEY_ONCE)
            for words in plots.DATED_BY_KEY.values() if keys else ():   # the key names all three, in words
                assert any(words in key for key in keys), words
            ax = fig.axes[0]
            marks = {a.get_gid(): a for a in ax.lines + ax.patches if a.get_gid()}
            labels = _drawn_labels(ax) if fig in figs else {}
            for id_, mark in marks.items():
                row = by_id.loc[id_]
                seen.add(id_)
                # s20-fig: who dates a row is said by its label alone (a "*", italics), not by its mark (learner
                # review 19: eight kinds of mark were too many): every mark is filled and outlined in its own colour
                if hasattr(mark, "get_markerfacecolor"):           # a day
                    assert mark.get_markerfacecolor() == mark.get_markeredgecolor() == mark.get_color(), id_
                else:                                              # a bar
                    assert mark.get_linestyle() == "solid", id_
                if id_ in labels:
                    plain = "(" not in labels[id_].split("  ", 1)[1] or labels[id_].endswith("(1998), then a spike")
                    if id_ in resting or row.dated_by != tl.WORDS:
                        assert "date inferred" in labels[id_] or "inference" in labels[id_] \
                            or "(context)" in labels[id_], id_
                    else:
                        assert "inferred" not in labels[id_] and (plain or "account" in labels[id_]), id_
        assert seen == set(timeline.id)                              # every row drawn once, in one figure or other
    finally:
        for fig in figs + [long_view]:
            plt.close(fig)


def test_the_figure_descriptions_count_the_three_apart(timeline):
    text = plots.describe_timeline(timeline, zoomed=True)
    inside = timeline[timeline.from_date.map(lambda d: d.year) >= 2009]
    n = (inside.dated_by == tl.INFERENCE).sum()
    assert f"{n} with a date the package infers" in text


# ---- the loader refuses a broken copy --------------------------------------------------------------------

def error_after(folder, old, new) -> helpers.AnnotationError:
    return editing.error_after(folder, "timeline.csv", old, new, helpers.load_timeline)


def test_a_row_resting_on_context_marked_as_the_essays_words(reading_copy):
    # E42 ("last year") takes its day from context row E43: marked as the essay's words, it is refused
    err = error_after(reading_copy, "fits it\",the package's inference,E43;D04,", "fits it\",the essay's words,E43;D04,")
    assert "(E42)" in str(err.row) and "rests on E43" in err.problem and "the package's inference" in err.fix


def test_a_row_resting_on_context_through_another_row(reading_copy):
    # E49 rests on E48, which rests on E24 → E22 → E21 → E20, the 2017 election day (context)
    editing.rewrite(reading_copy, "timeline.csv",
                    "November 2017 (E22)\",the package's inference,E48;E38,", "November 2017 (E22)\",the essay's words,E48,")
    editing.rewrite(reading_copy, "timeline.csv", "the essay gives no date; the time of writing: 2019 by dating.csv: "
                    "not before January 2019 (D02), and “last year” for an arrest of 2018 (D04); it starts no earlier "
                    "than the turn of the count, 29 or 30 November 2017 (E22)\",the essay's words",
                    "the essay gives no date\",the essay's words")
    with pytest.raises(helpers.AnnotationError) as info:
        helpers.load_timeline(helpers.load_essay(reading_copy))
    err = info.value
    assert err.file.endswith("timeline.csv") and "(E49)" in str(err.row)
    assert "E49 → E48" in err.problem


def test_an_inference_that_names_nothing(reading_copy):
    err = error_after(reading_copy, "fits it\",the package's inference,E43;D04,", "fits it\",the package's inference,,")
    assert "(E42)" in str(err.row) and "names nothing it rests on" in err.problem and "rests_on" in err.fix


def test_a_context_row_named_in_derived_by_but_not_rested_on(reading_copy):
    err = error_after(reading_copy, "fits it\",the package's inference,E43;D04,", "fits it\",the package's inference,D04,")
    assert "context row E43" in err.problem and "add E43 to rests_on" in err.fix


def test_a_context_row_named_in_brackets_but_not_rested_on(reading_copy):
    # "context (E43)" names the row as surely as "context row E43" (E24 once named E103 so, unlisted)
    err = error_after(reading_copy, "takes its day from context row E43; the essay's “last year”, counted from the time of "
                      "writing (2019, dating.csv D04, which rests on the same context row), fits it\",the package's "
                      "inference,E43;D04,",
                      "takes its day from context (E43); the essay's “last year”, counted from the time of "
                      "writing (2019, dating.csv D04, which rests on the same context row), fits it\",the package's "
                      "inference,D04,")
    assert "context row E43" in err.problem and "add E43 to rests_on" in err.fix


def test_a_rests_on_id_that_does_not_exist(reading_copy):
    err = error_after(reading_copy, "fits it\",the package's inference,E43;D04,",
                      "fits it\",the package's inference,E43;D99,")
    assert "'D99'" in err.problem


def test_a_value_outside_the_vocabulary(reading_copy):
    err = error_after(reading_copy, "fits it\",the package's inference,E43;D04,", "fits it\",internal evidence,E43;D04,")
    assert "dated_by" in err.problem


def test_a_context_row_dated_by_the_essay(reading_copy):
    err = error_after(reading_copy, ",context,,,Honduran politics,context,\"Reuters",
                      ",the essay's words,,,Honduran politics,context,\"Reuters")
    assert "(E43)" in str(err.row) and "source is 'context'" in err.problem
