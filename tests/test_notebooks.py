"""The notebooks as committed: executed, deterministic, shaped like lessons, and faithful to the essay."""
from __future__ import annotations

import re
import textwrap

import nbformat
import pytest

import helpers
from helpers.lessons import _is_stop, opening_text
from tools.cells import MANAGED_TAGS
from tools.run_notebooks import normalise, notebook_paths

NOTEBOOKS = notebook_paths()
IDS = [p.name for p in NOTEBOOKS]


def read(path):
    return nbformat.read(path, as_version=4)


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["00_start_here.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_executed_in_order(path):
    """Strict nbval passes trivially on a notebook with no outputs, so check they are there."""
    nb = read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a notebook with no code cells teaches nothing here"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), \
        "run it with `make notebooks` (Restart and Run All) before committing"
    assert sum(len(c.outputs) for c in code) >= len(code) // 2
    assert not any(o.output_type == "error" for c in code for o in c.outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_volatile_metadata(path):
    nb = read(path)
    assert "version" not in nb.metadata.get("language_info", {})
    for c in nb.cells:
        assert "execution" not in c.metadata and "ExecuteTime" not in c.metadata
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids)
    assert normalise(read(path)) == nb, "run `make notebooks` to normalise the metadata"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_shaped_like_a_lesson(path):
    nb = read(path)
    assert nb.cells[0].cell_type == "markdown" and re.search(r"(?m)^# ", nb.cells[0].source)
    # the opening: the first cell, or for 00 the cells down to its "About this notebook" under Setup (round 14)
    first = nbformat.v4.new_markdown_cell(opening_text(nb))
    for part in ("**Questions", "**Learning objectives", "**Time:**", "**Assumes:**"):
        assert part in first.source, f"the opening cell needs {part}"
    authored = [c for c in nb.cells if not set(c.metadata.get("tags", [])) & MANAGED_TAGS]
    assert authored[-1].source.startswith("## Key points"), "the last cell before the generated ones is the key points"
    lesson = nb.metadata["lesson"]
    assert {"title", "read", "exercises", "discussion"} <= set(lesson)
    from helpers.lessons import lesson_row, time_line
    row = lesson_row(nb, path.name, helpers.load_essay())
    assert time_line(row) in first.source, "the opening cell's time is stale: run make notebooks"
    # the line names every part that takes this notebook's time (tests/test_times.py breaks it on purpose)
    tags = {t for c in nb.cells for t in c.metadata.get("tags", [])}
    assert ("reading the worked solutions (" in first.source) == ("solution" in tags)
    assert ("answering the exercises (" in first.source) == ("exercise" in tags)
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    if "exercise" in tags:
        assert "solution" in tags, "every exercise has a worked solution, tagged `solution`"


def test_first_cell_says_what_to_do():
    nb = read(NOTEBOOKS[0])
    assert "**What to do first:**" in nb.cells[0].source and "Shift + Enter" in nb.cells[0].source


QUOTE = re.compile(r"“([^”]+)”(?:\s*\(¶(\d+)\))?")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_quotations_in_the_prose_are_exact(path, essay):
    """Curly double quotes in a notebook's prose are reserved for the essay's words: each must be an
    exact span of essay.txt, and of the paragraph named when one follows as (¶N)."""
    for m in QUOTE.finditer(markdown(read(path))):
        span, n = m.group(1), m.group(2)
        if n is None:
            assert span in essay.text, f"“{span}” is not in the essay"
        else:
            assert int(n) in essay.paragraphs.index, f"¶{n} does not exist"
            assert span in essay.paragraphs.loc[int(n)].text, f"“{span}” is not in ¶{n}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_paragraph_references_exist(path, essay):
    text = markdown(read(path)) + "".join(c.source for c in read(path).cells if c.cell_type == "code")
    for n in re.findall(r"¶(\d+)", text):
        assert int(n) in essay.paragraphs.index, f"{path.name} cites ¶{n}, which does not exist"


def test_lessons_table_matches_the_notebooks():
    table = helpers.lessons()
    assert list(table.notebook) == IDS
    parts = (table.reading_min + table.mechanics_min + table.notebook_min + table.solutions_min
             + table.exercises_min + table.discussion_min)
    # three parts are rounded up to a whole minute (at most 3 minutes over in all), the total to the nearest 5
    assert ((table.total_min >= parts - 3 - 2.5) & (table.total_min <= parts + 2.5)).all()
    assert (table.total_min % 5 == 0).all()
    from helpers.text import paragraph_numbers
    essay = helpers.load_essay()
    for row in table.itertuples():
        paras = paragraph_numbers(row.read)
        assert row.reading_words == (essay.paragraphs.loc[paras, "words"].sum() if paras else 0)


def test_lesson_times_do_not_depend_on_themselves(tmp_path):
    """The series table's own output is not counted, so its numbers stay put when it is regenerated."""
    import json, shutil
    from helpers.lessons import lessons, notebook_words
    for p in NOTEBOOKS:
        shutil.copy(p, tmp_path / p.name)
    before = lessons(tmp_path)
    first = tmp_path / NOTEBOOKS[0].name
    nb = json.loads(first.read_text(encoding="utf-8"))
    series = [c for c in nb["cells"] if "series" in c["metadata"].get("tags", [])]
    assert series, "00 should show the series table in a cell tagged series"
    words = notebook_words(nb)
    series[0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "many more words " * 500}]
    assert notebook_words(nb) == words
    first.write_text(json.dumps(nb), encoding="utf-8")
    assert lessons(tmp_path).equals(before)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_opens_with_a_binder_badge_for_itself_only_when_links_are_on(path):
    from tools.launch import badge, settings
    s = settings()
    first_line = read(path).cells[0].source.split("\n")[0]
    if s["repository"]:
        assert first_line == badge(path.name, s["repository"], s["branch"]), "run `make links`"
        assert f"labpath=notebooks%2F{path.name}" in first_line
    else:
        assert "mybinder.org" not in read(path).cells[0].source, \
            "launch.yml names no repository, so no badge: run `make notebooks` to remove it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_notebook_touches_sys_path(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert "sys.path" not in cell.source, f"{path.name}, cell {cell.id}: run `make notebooks` (tools/cells.py)"
    setup = next(c for c in read(path).cells if c.cell_type == "code")
    assert re.search(r"(?m)^import helpers\b", setup.source), f"{path.name}: the setup cell imports helpers plainly"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_slide_metadata(path):
    """Headings start slides; solutions are left out of the slides; facilitator notes become speaker notes."""
    for cell in read(path).cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type")
        assert kind in ("slide", "subslide", "fragment", "-", "skip", "notes"), cell.id
        tags = cell.metadata.get("tags", [])
        body = cell.source.split("\n\n", 1)[-1] if cell.source.startswith("[![") else cell.source
        if cell.cell_type == "markdown" and body.startswith(("# ", "## ")) and "solution" not in tags:
            assert kind == "slide", cell.id
        if "solution" in tags:
            assert kind == "skip", cell.id
        if "facilitator" in tags:
            assert kind == "notes", cell.id


# ---------------------------------------------------------------------------------------------------
# 00 as a newcomer meets it (issue 14)
# ---------------------------------------------------------------------------------------------------

START = NOTEBOOKS[0]
GLOSSED = ("imperialism", "anti-imperialism", "internationalism", "war of position", "hegemony",
           "primary contradiction", "21st century socialism", "LeftRoots")


def cell_output(cell) -> str:
    return "".join(o.get("text") or o.get("data", {}).get("text/plain", "") for o in cell.outputs)


def test_start_names_the_paragraphs_to_read():
    nb = read(START)
    assert f"read {nb.metadata['lesson']['read']} of the essay" in opening_text(nb).replace("**", "")


def test_start_says_the_essay_names_no_author(essay):
    """The header names no author (reading.yml records none), and 00 says so before it glosses "we"."""
    assert not essay.meta.get("authors_as_given"), "reading.yml now names authors: say who they are in 00"
    text = markdown(read(START))
    assert "The essay names no author." in text
    assert text.index("names no author") < text.index("What “we” means")


def test_start_glosses_terms_before_using_them(essay):
    """Each key term of the essay is glossed (in bold) in the glossary cell of 00, which points at 04; no
    Markdown cell before it uses the term outside the essay's title and series name."""
    nb = read(START)
    cells = [c for c in nb.cells if c.cell_type == "markdown"]
    glossary = [i for i, c in enumerate(cells) if "### Words you will meet" in c.source]
    assert len(glossary) == 1
    gloss = cells[glossary[0]].source
    assert "04_people_places_terms" in gloss
    for term in GLOSSED:
        assert f"**{term}**" in gloss, f"{term} is not glossed in 00"
        for c in cells[:glossary[0]]:
            outside_title = c.source.replace(essay.title, "").replace(essay.meta["series"], "").lower()
            assert not re.search(rf"(?<![\w-]){re.escape(term.lower())}", outside_title), \
                f"00 uses “{term}” before glossing it: {c.source[:80]!r}"


def test_start_explains_its_two_word_counts(essay):
    """One count for the whole essay; the section total differs by the headings, and 00 says so."""
    nb = read(START)
    code = [c for c in nb.cells if c.cell_type == "code"]
    first = cell_output(code[0])
    assert f"{essay.words:,} words" in first
    sections_total = int(essay.sections.words.sum())
    headings = essay.paragraphs[essay.paragraphs.kind == "heading"]
    assert sections_total + int(headings.words.sum()) == essay.words
    said = [cell_output(c) for c in code if f"{sections_total:,}" in cell_output(c)]
    assert said, "00 never shows the sections' total"
    for s in said:   # wherever the smaller count appears, the reader is told it leaves the headings out
        assert "headings" in s, s[:200]
    assert any(f"{essay.words:,}" in s and f"{int(headings.words.sum()):,}" in s for s in said), \
        "00 does not reconcile the two counts (sections + headings = the essay's count)"


def test_start_series_table_shows_the_computed_times():
    nb = read(START)
    [series] = [c for c in nb.cells if "series" in c.metadata.get("tags", [])]
    lines = cell_output(series).splitlines()
    for row in helpers.lessons().itertuples():
        if row not in helpers.lessons(learners=True).itertuples():
            # a notebook for facilitators is not in the learners' table (the participant edition does not have it)
            assert not any(ln.startswith(textwrap.wrap(row.title, 70)[0]) for ln in lines), row.title
            continue
        # the table names each notebook by its title (no file names for a reader); a long title wraps at 70
        [line] = [ln for ln in lines if ln.startswith(textwrap.wrap(row.title, 70)[0])]
        assert line.rstrip().endswith(f"  {row.total_min}"), line
        if row.read:
            assert row.read in line, line
    assert helpers.lessons().read.astype(bool).all(), "every notebook says what to read in the essay"


def test_start_figure_is_described_from_the_data(essay):
    from helpers.plots import describe_words_per_section
    nb = read(START)
    described = [c for c in nb.cells if c.cell_type == "code" and any("image/png" in o.get("data", {}) for o in c.outputs)]
    assert len(described) == 1
    assert describe_words_per_section(essay) in cell_output(described[0])
    s = essay.sections
    longest = s.loc[s.words.idxmax()]
    assert f"{longest.section} (¶{longest.first_paragraph}–¶{longest.last_paragraph}, {longest.words:,} words)" \
        in describe_words_per_section(essay)


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if not p.name.startswith("05_")],
                         ids=[p.name for p in NOTEBOOKS if not p.name.startswith("05_")])
def test_the_first_cell_says_how_to_keep_your_own_copy(path):
    """A learner's first cell says how to keep their work: Save As on their own computer, save then download on
    Binder, and that the "modified" dot on opening loses nothing (tests/test_browser.py measures why it shows)."""
    first = read(path).cells[0].source
    lines = first.splitlines()        # one line, or (00, learner review 23) a heading and a numbered list under it
    start = next(i for i, line in enumerate(lines) if line.startswith("**What to do first:**"))
    step = " ".join([lines[start]] + [line for line in lines[start + 1:] if re.match(r"\d+\. ", line)])
    # the save key as the kit says it (facilitator review 26, tests/test_kit_26.py)
    assert "Save Notebook As" in step and "Ctrl+S, Cmd+S on a Mac" in step and "File → Download" in step
    assert step.index("Ctrl+S, Cmd+S on a Mac") < step.index("File → Download"), "save first, then download"
    assert "closing without saving loses nothing" in step and "saves an open notebook by itself every two minutes" in step
    # learner review 17: "loses nothing, but JupyterLab saves … by itself" read as a contradiction; the autosave is
    # what writing does to the file you opened, said after the dot's harmlessness, in a sentence of its own
    assert "loses nothing, but" not in step and "Once you write" in step
    # and Binder, named to a learner who has never heard of it, says what it is
    assert "Binder" not in step or "a free website that runs these notebooks" in step
    assert "make handouts" not in first, "a learner alone makes the reader's edition with helpers.reader_edition()"


# Words 00 uses before 01-04 explain them (issue 19): each is glossed in the cell where 00 first shows it, in the
# essay's own words or as marked context from the glossary (terms.csv), with its public reference.
FIRST_GLOSSES = {"JOH": "Juan Orlando Hernández", "Gramsci": "Antonio Gramsci", "cadre": "cadre", "Binder": None}


def first_glosses_missing(nb, terms) -> list[str]:
    """For each word of FIRST_GLOSSES, what is missing where 00 first shows it (its prose or a cell's output)."""
    rows = terms.set_index("term")
    problems = []
    for word, term in FIRST_GLOSSES.items():
        pattern = re.compile(rf"\b{word}\b")
        first = next((i for i, c in enumerate(nb.cells)
                      for text in [c.source if c.cell_type == "markdown" else
                                   "".join(o.get("text", "") or str(o.get("data", {}).get("text/plain", ""))
                                           for o in c.get("outputs", []))]
                      if pattern.search(text)), None)
        if first is None:
            continue
        prose = "\n".join(c.source for c in nb.cells[:first + 1] if c.cell_type == "markdown")
        wanted = (["a free public service that runs notebooks in a web browser"] if term is None else
                  [rows.loc[term, "definition"].rstrip(".")[1:], rows.loc[term, "reference"]])
        # a reference's title is in straight quotes in the prose (curly ones are kept for the essay's words)
        straight = str.maketrans({"“": '"', "”": '"'})
        missing = [w for w in wanted if w.translate(straight) not in prose.translate(straight)]
        if missing:
            problems.append(f"{word}: first shown in cell {first}; the Markdown up to there needs {missing}")
    return problems


def test_start_glosses_each_word_where_it_first_shows_it(essay):
    terms = helpers.load_terms(essay)
    problems = first_glosses_missing(read(START), terms)
    assert not problems, "00 uses a word before saying what it is:\n" + "\n".join(problems)


def test_the_first_gloss_check_finds_a_word_left_unexplained(essay):
    nb = read(START)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("The interpreter is a LeftRoots cadre."))
    assert any(p.startswith("cadre:") for p in first_glosses_missing(nb, helpers.load_terms(essay)))


def test_every_answer_cell_says_how_to_finish_without_opening_the_solution():
    """The learner review: "Keep pressing Shift + Enter", as taught, opens each folded worked solution (JupyterLab
    unfolds a collapsed heading that is run). Every answer cell says to finish with Ctrl + Enter, which stays, and
    00's first cell says so where it teaches Shift + Enter."""
    import json
    seen = 0
    for path in [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03", "04")]:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for k, cell in enumerate(cells):
            if "answer" in cell["metadata"].get("tags", []):
                text = "".join(cells[k - 1]["source"])      # the label over the answer cell
                seen += 1
                assert "**Ctrl + Enter**" in text and not re.search(r"(?:press|with) \**Shift \+ Enter", text), (path.name, k)
                follows = "".join(cells[k + 1]["source"]) if k + 1 < len(cells) else ""
                if "discussion" in cell["metadata"]["tags"]:    # notes on the discussion questions: no solution
                    continue
                assert "Worked solution" in follows, (path.name, k, "an answer cell comes right before its solution")
    assert seen >= 10
    for path in [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03", "04")]:   # the same words in each
        first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert "At an exercise, write your answer, then press **Ctrl + Enter**: the worked " \
            "solution below it stays folded until you click to open it." in first, path.name
        assert "Python version" not in first and "is harmless" in first, path.name
    for path in NOTEBOOKS:        # no first cell still says to finish an answer with Shift + Enter
        top = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert not re.search(r"answer cell[^.]*Shift \+ Enter\*\* when you are done", top), path.name


def test_each_notebook_counts_the_paragraphs_its_questions_send_you_to():
    """Learner review: a notebook's discussion questions sent readers to paragraphs its "read in the essay" list (and
    so its time) left out. Every paragraph a question of the notebook is anchored in is in the list."""
    from helpers.text import paragraph_numbers
    essay = helpers.load_essay()
    questions = helpers.load_questions(essay)
    for row in helpers.lessons().itertuples():
        anchored = {n for ps in questions[questions.notebook == row.notebook.removesuffix(".ipynb")].paragraphs for n in ps}
        missing = sorted(anchored - set(paragraph_numbers(row.read)))
        assert not missing, f"{row.notebook}: its questions use ¶{missing} but its lesson metadata does not list them"


# --- round 12 of the learner review --------------------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03", "04")],
                         ids=lambda p: p.name)
def test_an_exercise_names_the_key_the_top_of_the_notebook_names(path):
    """The top of every notebook says: at an exercise, press Ctrl + Enter (Shift + Enter would open its folded
    solution). An exercise or answer cell that said "press Shift + Enter" contradicted it (00's search, 04's lookup)."""
    nb = read(path)
    assert "At an exercise, write your answer, then press **Ctrl + Enter**" in nb.cells[0].source
    said = [f"cell {i}: {c.source[:60]!r}" for i, c in enumerate(nb.cells)
            if {"exercise", "answer"} & set(c.metadata.get("tags", [])) and c.cell_type == "markdown"
            and re.search(r"(?:press|run it \(|run it with)\W*Shift \+ Enter", c.source)]
    assert not said, f"{path.name}: say Ctrl + Enter at an exercise, as the notebook's first cell does:\n" + "\n".join(said)


def test_the_start_notebook_gives_the_content_note_before_the_reading_and_glosses_the_paragraph_sign():
    """The learner review (round 12): 00's first cell sent the learner to read ¶1–¶13 (¶4: the border and family
    separation) before the content note, which came after the Setup cell, under the essay's title; and it used the
    ¶ sign before saying what it is."""
    nb = read(NOTEBOOKS[0])
    note_cells = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")   # session 25: after the time
    assert note_cells.index("content note") < note_cells.index("read ¶1–¶13** of the essay")
    prose = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    sign = prose.index("¶")
    assert "paragraph sign" in prose[sign:sign + 60], prose[sign:sign + 60]
    ids = [c.get("id") for c in nb.cells]
    setup = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    note = ids.index("content-note")
    # round 14: the note comes under Setup, before the cell that sends the reader to the essay's text; session 25:
    # after the time and short route (About this notebook), as 01–04 give theirs first (tests/test_route_25.py)
    assert setup < note < ids.index("read-first") < ids.index("what-the-essay-is") and all(
        nb.cells[i].cell_type == "markdown" for i in range(setup + 1, note - 1)), "the note comes straight after Setup"
    assert nb.cells[note - 1].source.startswith("## Before you read")


# --- round 13: the learner review of round 12 ----------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03", "04")],
                         ids=lambda p: p.name)
def test_an_answer_cell_holds_only_a_line_to_replace_under_a_label_that_says_how(path):
    """The learner review (round 12): the answer cell opened as raw Markdown with the cursor at its start, and the
    learner's sentence landed in front of "**Your answer:**". Every answer cell now holds only the short placeholder
    line, and the cell above it (made by tools.cells from the exercise's prompt) says what to write, how to replace
    the line (click, Enter, write) and how to finish (Ctrl + Enter); the same in every notebook."""
    from tools.cells import ANSWER_AGAIN, ANSWER_HOW, ANSWER_HOW_NOTES, ANSWER_PLACEHOLDER
    nb = read(path)
    answers = [i for i, c in enumerate(nb.cells) if "answer" in c.metadata.get("tags", [])]
    assert answers, path.name
    first = next(k for k, i in enumerate(answers) if "discussion" not in nb.cells[i - 1].metadata.get("tags", []))
    for k, i in enumerate(answers):
        assert nb.cells[i].cell_type == "markdown" and nb.cells[i].source == ANSWER_PLACEHOLDER, (path.name, i)
        label = nb.cells[i - 1]
        assert "answer-label" in label.metadata.get("tags", []), (path.name, i - 1)
        # learner review 19: the 90-word how-to twelve times; in full at a notebook's first exercise, then in a line;
        # the notes cell after the discussion questions has no solution below it
        how = (ANSWER_HOW_NOTES if "discussion" in label.metadata["tags"] else ANSWER_HOW if k == first
               else ANSWER_AGAIN)
        assert re.fullmatch(r"\*\*Your answer:\*\* [A-Z][^\n]+\. " + re.escape(how), label.source), (path.name, label.source)
    labels = [i for i, c in enumerate(nb.cells) if "answer-label" in c.metadata.get("tags", [])]
    assert [i + 1 for i in labels] == answers, f"{path.name}: a label with no answer cell under it"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03", "04")],
                         ids=lambda p: p.name)
def test_the_answer_how_to_uses_no_key_that_acts_on_every_cell(path):
    """The learner review (round 13): the label said "double-click the ✎ line, press Ctrl + A, type". When the
    double-click missed, the notebook was still in command mode: Ctrl + A selected every cell and typing "1." turned
    every code cell into a heading (reproduced in JupyterLab; Ctrl + Z did not undo it). The label now says click the
    line, press Enter (which opens the cell for writing, and in command mode does nothing worse), write, Ctrl + Enter;
    and, first, to stop there: one more Shift + Enter opens the folded solution under it."""
    nb = read(path)
    labels = [c.source for c in nb.cells if "answer-label" in c.metadata.get("tags", [])]
    assert labels, path.name
    for text in labels:
        assert "Ctrl + A" not in text and "double-click" not in text.lower(), (path.name, text)
        assert "click the line ✎ *Write here* in the cell below and press **Enter**" in text, (path.name, text)
        if "Write your notes there" in text:     # the notes cell after the discussion questions: no solution below
            continue
        assert "Stop here and write before you go on: the worked solution below stays folded until you click to " \
               "open it." in text, (path.name, text)


def test_the_generator_splits_an_old_answer_cell_and_is_idempotent():
    """tools.cells makes the label and the placeholder from an answer cell that still holds its instructions, and
    running it again changes nothing."""
    import copy
    from tools.cells import ANSWER_PLACEHOLDER, set_answers
    old = nbformat.v4.new_markdown_cell("**Your answer:** double-click here and write your three answers. When you "
                                        "are done, press **Ctrl + Enter**: it shows your answer.", id="ans1",
                                        metadata={"tags": ["answer"]})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## Exercise", id="ex"), old])
    set_answers(nb, "test")
    assert [c.source for c in nb.cells][2] == ANSWER_PLACEHOLDER
    assert nb.cells[1].source.startswith("**Your answer:** Write your three answers. Stop here and write")
    again = copy.deepcopy(nb)
    set_answers(again, "test")
    assert again == nb


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03", "04")],
                         ids=lambda p: p.name)
def test_the_opening_cell_names_every_paragraph_the_time_counts(path):
    """The learner review (round 12): "Before you start, read" in 02, 03 and 04 named fewer paragraphs than the time
    counts (lesson metadata ``read``). The bold list and the "**Later**" sentence after it name them all, no more."""
    from helpers.text import paragraph_numbers
    nb = read(path)
    first = opening_text(nb)
    before = re.search(r"\*\*Before you start, read .*?\*\*", first)
    later = re.search(r"\*\*Later\*\*, the notebook also sends you to ([^;]*);", first)
    named = [n for text in (before.group(), later.group(1) if later else "")
             for a, b in re.findall(r"¶(\d+)(?:–¶(\d+))?", text) for n in range(int(a), int(b or a) + 1)]
    assert sorted(named) == paragraph_numbers(nb.metadata["lesson"]["read"]), path.name


def test_the_second_sitting_of_01_says_again_only_of_what_the_first_sent_you_to_read():
    """The learner review (round 12): 01's "Stop here" line said "read ¶17–¶18 and ¶44–¶55 again", though the first
    sitting never sent the learner to ¶44–¶55. What it calls reading again was in ``read_first``."""
    nb = read(next(p for p in NOTEBOOKS if p.name.startswith("01_")))
    stop = next(c.source for c in nb.cells if _is_stop(c.source))
    again = re.search(r"read ([^.]*?) again", stop)
    first = set(paragraph_numbers_in(nb.metadata["lesson"]["read_first"]))
    assert again and set(paragraph_numbers_in(again.group(1))) <= first, again and again.group(1)


def paragraph_numbers_in(text: str) -> list[int]:
    """Every ¶ number or range (¶3–¶13) written in a stretch of prose, spelled out."""
    return [n for a, b in re.findall(r"¶(\d+)(?:–¶(\d+))?", text) for n in range(int(a), int(b or a) + 1)]


def test_the_start_says_what_the_package_is_where_it_first_names_it():
    """The learner review (round 12): "the package" runs through every notebook, and a learner who never programmed
    was never told it means these notebooks and their files. 00 says so where it first uses the word."""
    nb = read(NOTEBOOKS[0])
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    first = re.search(r"\bpackage\b", prose)
    assert "*the package* means these notebooks and the files that come with them" in prose[first.start():first.start() + 200]


def test_words_the_essay_leaves_undefined_get_the_glossarys_context_in_00(essay):
    """The learner review (round 12): 00's "Words you will meet" left *primary contradiction* and *21st century
    socialism* at "the essay does not define it", though the glossary (terms.csv) gives both a marked context.
    The close reading (round 13) found the context, cut to one line in 00, tilted or blurred ("popularized by Hugo
    Chávez", whom the essay names only as a smear, ¶20; Mao's "principal" read as the essay's "primary"). When
    unsure, say less: for these two, 00 says the essay does not define the term and that the glossary in notebook 04
    gives context with its references, and carries none of that context itself."""
    terms = helpers.load_terms(essay).set_index("term")
    words = next(c.source for c in read(NOTEBOOKS[0]).cells if c.source.startswith("### Words you will meet"))
    checked = 0
    for m in re.finditer(r"^- \*\*([^*]+)\*\*: (.*)$", words, re.M):
        term, gloss = m.groups()
        if "does not define it" in gloss:
            assert "context" in gloss or "our gloss" in gloss, f"{term}: only 'the essay does not define it'"
            checked += 1
        if term in ("primary contradiction", "21st century socialism"):
            assert "does not define it" in gloss and gloss.endswith(
                "For context from outside the essay, with its references, see the glossary in notebook 04."), term
            straight = str.maketrans("“”", '""')
            definition = terms.loc[term, "definition"].rstrip(".").translate(straight)
            assert definition[1:] not in gloss.translate(straight), term
            assert terms.loc[term, "reference"].translate(straight) not in gloss.translate(straight), term
            assert not re.search(r"Chávez|Mao|principal", gloss), term
    assert checked >= 3


def test_03_shows_its_precision_table_after_saying_what_precision_is():
    """The learner review (round 12): 03's Setup cell printed a table by day / month / year / decade / range /
    relative two cells before any words said what those columns mean."""
    nb = read(next(p for p in NOTEBOOKS if p.name.startswith("03_")))
    defined = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "`relative` means" in c.source)
    shown = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                 and any("relative" in str(o.get("data", {}).get("text/plain", "")) for o in c.get("outputs", [])))
    assert shown > defined, f"the precision table (cell {shown}) comes before the words that define it (cell {defined})"


# 04's "What has changed since the essay was written (optional)" became "What happened next", on the short route
# (session 25, issue 19): context a learner is asked to read, no longer a part to skip.
@pytest.mark.parametrize("name, heading", [("01_", "## Every sentence accounted for"),
                                           ("03_", "## Every time expression accounted for")])
def test_the_sections_where_the_package_checks_itself_are_marked_optional(name, heading):
    """The learner review (round 12): sections where the package checks itself read as lessons; a learner short of
    time could not tell they may skip them. Each heading says (optional), and its first line says why and that
    nothing later depends on it."""
    nb = read(next(p for p in NOTEBOOKS if p.name.startswith(name)))
    from helpers.lessons import without_time_lines
    cell = next(c for c in nb.cells if c.source.startswith(heading))
    title, first = without_time_lines(cell.source).split("\n\n")[:2]   # the short route's line aside (session 20)
    assert title == heading + " (optional)" and first.startswith("*Optional:") and "nothing later depends on it" in first


def test_00_says_what_the_essay_argues_from_the_argument_map(essay):
    """The learner review (round 12): 00 ended with definitions and section lengths but no plain paragraph on what
    the essay argues. A cell before *Where the data lives* gives the thesis's plain sentence and the three points in
    the essay's words, each with its ¶, as the argument map (argument.yml) states them."""
    from helpers.argument import load_argument
    argument = load_argument(essay)
    nb = read(NOTEBOOKS[0])
    ids = [c.get("id") for c in nb.cells]
    assert "in-brief" in ids, "00 has no cell saying what the essay argues"
    data = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## Where the data lives"))
    assert ids.index("in-brief") in (data - 1, data - 2)   # session 25: the short route's question may come between
    text = nb.cells[ids.index("in-brief")].source
    assert argument.thesis_plain.rstrip(".") in text
    for p in argument.points.itertuples():
        assert f"“{' '.join(p.span.split())}” (¶{p.paragraph})" in text, p.id


def test_question_numbers_that_jump_are_explained(essay, capsys):
    """A notebook whose questions are numbered 1 to 5 and 20 (numbers that run across the series) says why, once,
    above them; a notebook whose numbers run on says nothing (learner review 12: "01 goes 1–5, then 20")."""
    questions = helpers.load_questions(essay, "01_argument_structure")
    helpers.print_questions(questions)
    jumping = capsys.readouterr().out
    assert "numbered across the whole series" in jumping and "1 to 5 and 20" in " ".join(jumping.split())
    helpers.print_questions(questions[questions.id.isin(["D01", "D02", "D03"])])
    assert "numbered across" not in capsys.readouterr().out


WORDS_CELL = "## Words used below"      # 02's and 03's glossary of the words they use, after Setup (session 16)


def test_the_reading_lists_hold_what_the_exercises_and_branches_need(essay):
    """The close reading (round 13): the "Before you start, read" / "Later" lines (lesson ``read``, which the times
    count) missed paragraphs the notebooks send readers to: 02's Exercise 2 (Karl Marx's rows: two are in ¶51),
    03's Exercise 2 (its clue table and solution weigh clues in ¶4 and ¶50), 04's Exercise 2 (its worked example,
    Romeo Vásquez Velásquez, is named only in ¶20), 01's branch shown in full (¶37) and the thesis map's conclusion
    (¶62). Each is now in the list, and so in the time."""
    import pandas as pd
    from helpers import terms as tm
    from helpers.text import paragraph_numbers
    lessons = helpers.lessons().set_index("notebook")
    read = {name[:2]: set(paragraph_numbers(text)) for name, text in lessons.read.items()}
    quotations = helpers.load_quotations(essay)
    marx = set(quotations[quotations.speaker.astype(str).str.contains("Karl Marx")].paragraph.astype(int))
    clues = pd.read_csv(essay.folder / "dating.csv", dtype=str).paragraph
    clues = {int(p) for p in clues if str(p).isdigit()}
    romeo = set(tm.lookup(essay, helpers.load_terms(essay), "Romeo Vásquez Velásquez").paragraph.str.lstrip("¶").astype(int))
    needed = {"01": {37, 62}, "02": marx, "03": clues, "04": romeo}
    assert {51} <= marx and {4, 50} <= clues and romeo == {20}
    for nb, paragraphs in needed.items():
        assert not paragraphs - read[nb], f"{nb}: its reading list leaves out ¶{sorted(paragraphs - read[nb])}"
    # close review 13b (R1, R2): 01's Exercise 1 solution sends the reader to ¶15 and ¶40 and its glossary to ¶41, 03's
    # setup cites ¶28–¶31, neither in a list; 03's Exercise 2 says "Read ¶5, …, ¶48, ¶52 and ¶59 first", and ¶48
    # was only under Later. Every ¶ a notebook's prose cites (a heading aside: "the heading of the section (¶19)") is
    # in its list, and what an exercise says to read first is in "Before you start".
    headings = set(essay.paragraphs[essay.paragraphs.kind == "heading"].paragraph)
    for path in NOTEBOOKS:
        nb = path.name[:2]
        if nb not in ("01", "02", "03", "04"):
            continue
        cells = nbformat.read(path, as_version=4)
        first = set(paragraph_numbers(cells.metadata["lesson"]["read_first"]))
        for i, cell in enumerate(cells.cells[1:], start=1):
            if cell.cell_type != "markdown" or cell.source.startswith((WORDS_CELL, "## Words you will meet")):
                continue    # the words glossed before the lesson (02, 03; 01's "Words you will meet") say where each word stands
            cited = set(paragraph_numbers_in(cell.source)) - headings
            assert not cited - read[nb], f"{nb}, cell {i}: its reading list leaves out ¶{sorted(cited - read[nb])}"
            for m in re.finditer(r"\bRead ((?:¶\d+(?:–¶\d+)?(?:, | and )?)+) first", cell.source):
                asked = set(paragraph_numbers_in(m.group(1)))
                assert not asked - first, f"{nb}, cell {i}: “Before you start” leaves out ¶{sorted(asked - first)}"


def test_01_says_how_long_its_first_sitting_takes_from_the_counts():
    """The learner review (round 14): 01 said "If you have about an hour, work down to the line Stop here if you have
    an hour", but by the package's own counts that first sitting takes 90 minutes or more. The opening cell now gives
    the first sitting's minutes, computed as the notebook's total is (``first_sitting_min``), and the stop line says
    where the first sitting ends, not how long it takes."""
    from helpers.lessons import first_sitting_min, sittings_line
    nb = read(next(p for p in NOTEBOOKS if p.name.startswith("01_")))
    minutes = first_sitting_min(nb, helpers.load_essay())
    assert minutes and minutes > 60
    total = helpers.lessons().set_index("notebook").total_min["01_argument_structure.ipynb"]
    assert sittings_line(minutes, total) in nb.cells[0].source
    # learner review 18: the second sitting, the longer one, has its minutes too
    assert f"the second, the rest, about {5 * round((total - minutes) / 5)} minutes" in nb.cells[0].source
    assert "an hour" not in nb.cells[0].source
    assert sum(_is_stop(c.source) for c in nb.cells) == 1


# --- round 14: the newcomer's first screen of 00, its content note, 03's road to Exercise 1 --------------------

FIRST_CELL_WORDS = 170      # 00's first cell had 589 words, and Setup was about 1½ screens down (learner review)


def test_00_opens_with_a_short_cell_then_setup():
    """The learner review (round 14): the first screen did not show the Setup cell it told the learner to click.
    The first cell says what this is, what to click and how to keep a copy; Setup comes straight after it
    (tests/test_browser.py measures it on a 1280×720 screen)."""
    nb = read(START)
    first = nb.cells[0].source
    assert len(first.split()) <= FIRST_CELL_WORDS, f"00's first cell has {len(first.split())} words"
    assert nb.cells[1].cell_type == "code" and nb.cells[1].source.startswith("# Setup")
    assert "Setup" in first and "Shift + Enter" in first and "Save Notebook As" in first
    from tools.launch import settings
    if not settings()["repository"]:
        assert "Binder" not in first, "launch links are off: no Binder in the first cell"


def test_00_lays_out_the_shared_content_note_one_topic_a_line_and_keeps_every_word(essay):
    """The learner review (round 14): the content note, about 300 words and 60 ¶ numbers in one paragraph, could not
    be read. 00 shows the note the decks and handouts share (facilitation.yml) as lists, one topic a line with its
    ¶ numbers; every word and every ¶ number of the note is kept, the ¶ numbers in their order (only the "and" that
    joins a list's last item goes, as the list's layout does that)."""
    from collections import Counter
    from helpers import workshop
    note = workshop.load_handout(essay)["content_note"]["en"]
    cell = next(c for c in read(START).cells if c.get("id") == "content-note")
    assert cell.cell_type == "markdown", "the note is on the page before anything runs"
    items = [line for line in cell.source.splitlines() if re.match(r"\s*- ", line)]
    assert len(items) >= 12 and all(len(line) < 260 for line in items), "one topic a line"
    refs = r"¶\d+(?:–¶\d+)?"
    assert re.findall(refs, cell.source) == re.findall(refs, note)

    def words(text):
        return Counter(w for w in re.findall(r"[\w'’]+", re.sub(refs, "", text).lower()) if w != "and")
    assert words(cell.source) == words(note)


def test_the_series_map_gives_the_series_total_from_the_same_times():
    """The learner review (round 14): the series takes about 14 hours, and no page a learner reads said so."""
    from helpers.lessons import series_line
    table = helpers.lessons(learners=True)
    shown = next(c.source for c in read(START).cells if c.get("id") == "series-map")
    assert series_line(table) in shown
    assert f"({int(table.total_min.sum())} minutes)" in shown and "hours" in shown


def test_03_stops_for_a_break_after_exercise_1_with_its_minutes_computed():
    """The learner review (round 14): 03 had no break, though Exercise 1 came about 80 minutes in. Its first sitting
    ends after Exercise 1's worked solution, and the opening gives that sitting's minutes, computed."""
    from helpers.lessons import first_sitting_min, sittings_line
    nb = read(next(p for p in NOTEBOOKS if p.name.startswith("03_")))
    minutes = first_sitting_min(nb, helpers.load_essay())
    total = helpers.lessons().set_index("notebook").total_min["03_timeline.ipynb"]
    assert minutes and sittings_line(minutes, total) in opening_text(nb)
    stops = [i for i, c in enumerate(nb.cells) if _is_stop(c.source)]
    heads = [i for i, c in enumerate(nb.cells) if c.source.startswith("## Exercise")]
    assert len(stops) == 1 and heads[0] < stops[0] < heads[1], (stops, heads)
    assert nb.cells[stops[0] - 1].metadata.get("tags") == ["solution"], "the break comes after Exercise 1's solution"


def test_03_marks_each_table_row_with_a_short_mark_said_once_before_the_tables():
    """The learner review (round 14): the 03 tables repeated "(essay's account; date inferred)" and "(essay's account;
    E09)" in cell after cell. A short column *mark* says whose each row is (a star for an inferred date); what the
    marks mean is said once, before the first table."""
    from helpers import timeline as tl
    nb = read(next(p for p in NOTEBOOKS if p.name.startswith("03_")))
    tables = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "tl.with_account(" in c.source]
    key = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
               and all(meaning in c.source for meaning in tl.MARKS.values()))
    assert key < tables[0]
    for i in tables:
        shown = "".join(o.get("data", {}).get("text/plain", "") for o in nb.cells[i].outputs)
        # a table's header names the column; a table shown as blocks (helpers.blocks, session 26) gives each row's
        # mark on a line of its own
        assert re.search(r"(?m)^\S.*\bmark\b|^  mark: ", shown), f"cell {i}: no mark column or line"
        assert "(essay's account" not in shown and "date inferred" not in shown, f"cell {i}"
