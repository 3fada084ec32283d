"""argument.yml: every span anchored, every link valid, the key parts present, and clear errors when not."""
from __future__ import annotations

import re

import matplotlib
import pytest

import helpers
from helpers import plots
from helpers.argument import TYPES, load_argument

from editing import rewrite

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def argument(essay):
    return load_argument(essay)


def test_every_span_is_in_its_paragraph(essay, argument):
    for table in (argument.thesis, argument.points, argument.claims):
        for row in table.itertuples():
            assert essay.text[row.start:row.end] == row.span
            assert row.span in essay.paragraphs.loc[row.paragraph].text


def test_thesis_and_points_are_the_essays_own(essay, argument):
    assert any("strategic imperative" in s for s in argument.thesis.span)
    assert any(s.startswith("It is both necessary and possible to embed anti-imperialism") for s in argument.thesis.span)
    items = essay.paragraphs[essay.paragraphs.marker.str.match(r"\d")]
    assert list(argument.points.span) == list(items.text)
    assert list(argument.points.number) == [1, 2, 3]
    for p in argument.points.itertuples():
        assert p.sections, f"{p.id} names the sections that develop it"


def test_claims_are_a_few_dozen_of_every_type(argument):
    c = argument.claims
    assert len(c) >= 30
    assert set(c.type) == set(TYPES)
    assert c.id.is_unique
    for point in argument.points.id:
        assert len(argument.branch(point)) >= 5, f"{point} has evidence under it"


def test_every_claim_reaches_the_thesis(argument):
    ids = {"T", *argument.points.id, *argument.claims.id}
    assert set(argument.claims.supports) <= ids
    assert {argument.point_of(i) for i in argument.claims.id} <= {"T", "P1", "P2", "P3"}
    links = argument.links
    assert len(links) == len(argument.claims) + len(argument.points)
    assert set(zip(links.source, links.target)) >= set(zip(argument.claims.id, argument.claims.supports))


def test_key_counterarguments_and_parallels_are_there(argument):
    objections = " ".join(argument.counterarguments.objection)
    assert "The Right looks at the caravans and sees a threat." in objections
    assert "Liberals look at the caravan and see victims and charity cases." in objections
    assert "far more feasible than cutting off military aid" in objections
    for row in argument.counterarguments.itertuples():
        assert row.reply and row.objection
    names = " ".join(argument.parallels.name)
    assert "Marx" in names and "Gramsci" in names
    assert len(argument.framings) == 3


def test_basis_counts_add_up(argument):
    table = argument.basis_by_section()
    backed = argument.claims[argument.claims.type.isin(["evidence", "premise"])]
    assert table.loc["All sections", "total"] == len(backed)
    assert table.drop(index="All sections")["total"].sum() == len(backed)
    for basis in ("cited", "own account", "none given"):
        assert table.loc["All sections", basis] == (backed.basis == basis).sum()


def test_by_point_counts_every_claim(argument):
    assert argument.by_point()["total"].sum() == len(argument.claims)


def test_argdown_export_has_every_claim_once(argument):
    text = argument.to_argdown()
    for id_ in [*argument.points.id, *argument.claims.id]:
        assert len(re.findall(rf"[+-] <{id_}>:", text)) == 1, id_
    assert text.count("[T]:") == 1
    assert re.search(r"^\s+- <C\d+>:.*#concession", text, flags=re.M)


def test_map_draws_one_box_per_claim(argument):
    ax = plots.argument_map(argument, "C32")
    boxes = [t for t in ax.texts if t.get_bbox_patch() is not None]
    assert len(boxes) == 1 + len(argument.branch("C32"))
    assert {t.get_text().split(" ·")[0] for t in boxes} == {"C32", *argument.branch("C32").id}
    matplotlib.pyplot.close("all")


# ---- bad edits of argument.yml give clear errors ----------------------------------------------------------

def edit(folder, old, new):
    rewrite(folder, "argument.yml", old, new)


def error_for(folder) -> helpers.AnnotationError:
    with pytest.raises(helpers.AnnotationError) as info:
        load_argument(helpers.load_essay(folder))
    assert info.value.file.endswith("argument.yml")
    return info.value


def test_a_span_edited_away_from_the_text(reading_copy):
    edit(reading_copy, "Over 30 people were shot dead.", "Over 50 people were shot dead.")
    err = error_for(reading_copy)
    assert "C35" in str(err.row) and "not in the text of ¶36" in err.problem
    assert "Over 30 people were shot dead" in err.fix, "the nearest passage is offered"


def test_a_span_typed_with_straight_quotes(reading_copy):
    edit(reading_copy, "the Right’s appeals to nationalism", "the Right's appeals to nationalism")
    err = error_for(reading_copy)
    assert "points[1]" in str(err.row) and "copy the span from the essay" in err.problem


def test_a_span_in_the_wrong_paragraph(reading_copy):
    edit(reading_copy, "supports: C32, paragraph: 36,", "supports: C32, paragraph: 35,")
    err = error_for(reading_copy)
    assert "is in ¶36, not in ¶35" in err.problem and err.fix == "set paragraph to 36."


def test_support_for_an_id_that_does_not_exist(reading_copy):
    edit(reading_copy, "{id: C35, type: evidence, basis: none given, supports: C32",
         "{id: C35, type: evidence, basis: none given, supports: C99")
    err = error_for(reading_copy)
    assert "C35" in str(err.row) and "'C99'" in err.problem


def test_a_loop_of_supports(reading_copy):
    edit(reading_copy, "{id: C32, type: conclusion, basis: argued, supports: P1",
         "{id: C32, type: conclusion, basis: argued, supports: C35")
    assert "loop" in error_for(reading_copy).problem


def test_an_unknown_type_or_basis(reading_copy):
    edit(reading_copy, "{id: C35, type: evidence", "{id: C35, type: anecdote")
    err = error_for(reading_copy)
    assert "'type' is 'anecdote'" in err.problem and "premise" in err.fix


def test_a_missing_point(reading_copy):
    path = reading_copy / "argument.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  - id: P2\n"), text.index("  - id: P3\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert "lists points [1, 3]" in error_for(reading_copy).problem


def test_a_duplicate_id(reading_copy):
    edit(reading_copy, "{id: C35,", "{id: C34,")
    assert "C34 is used more than once" in error_for(reading_copy).problem


def test_broken_yaml(reading_copy):
    edit(reading_copy, "  - id: K1\n    name:", "  - id: K1\n   name:")
    err = error_for(reading_copy)
    assert "not valid YAML at line" in err.problem


def test_discussion_questions_quote_the_essay(essay, reading_copy):
    qs = helpers.load_questions(essay)
    assert qs.id.is_unique and len(helpers.load_questions(essay, "01_argument_structure")) >= 3
    path = reading_copy / "discussion.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('"play into and reinforce each other"',
                                                            '"play into and strengthen each other"'),
                    encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match="play into and strengthen each other"):
        helpers.load_questions(helpers.load_essay(reading_copy))
