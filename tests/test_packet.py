"""The participant packet (tools/packet.py): every part present, the essay's argument on one printed page in English
and Spanish, the glossary as its own printout, and the Spanish of the summary tied to the English it was translated
from (summary_es.yml's fingerprints, broken on purpose here)."""
from __future__ import annotations

import html
import re
import unicodedata

import pytest
from pypdf import PdfReader

import helpers
from helpers import summary, workshop
from helpers.readable import question_name
from editing import rewrite
from tools import decks, packet
import kit_once


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", html.unescape(text)))


def pdf_text(pdf) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(pdf)).pages]


def visible(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))


@pytest.fixture(scope="module")
def packet_page():
    return kit_once.packet_page()


def test_the_summary_comes_from_the_argument_map(essay):
    argument = helpers.load_argument(essay)
    s = summary.load_summary(essay)
    assert list(s.index)[:4] == ["T", "P1", "P2", "P3"]
    assert s.loc["T", "text"] == " ".join(argument.thesis_plain.split()) and s.loc["T", "text"].startswith("The authors argue")
    for p in argument.points.itertuples():
        assert s.loc[p.id, "text"] == " ".join(p.span.split()) and s.loc[p.id, "stated"] == f"¶{p.paragraph}"
        # the essay's words stay in English in the Spanish, with a Spanish rendering in brackets after them
        assert f'"{s.loc[p.id, "text"]}" [' in s.loc[p.id, "es"], p.id
    assert s.loc["P1", "developed"] == "¶14–¶53" and s.loc["P1", "sections"] == 6
    assert s.loc["T", "stated"] == "¶9–¶10"      # review14 P2: the plain sentence takes nothing from ¶6 (the aim)


def test_the_packet_holds_every_part(essay, packet_page):
    text = squash(visible(packet_page))
    plans = workshop.load_plans(essay)
    meetings = plans[["plan", "meeting"]].drop_duplicates()
    # an agenda per meeting and per version of a meeting for Spanish readers, with blanks for date, place, start
    # and the facilitator's contact
    versions = sum(workshop.spanish_version(rows) is not None for _, rows in plans.groupby(["plan", "meeting"]))
    assert versions == 4 and len(meetings) == 4        # session 20: each series session has a version too
    assert visible(packet_page).count("Facilitator's contact") == len(meetings) + versions
    assert visible(packet_page).count("Date · Fecha") == len(meetings) + versions
    # review12: real write-in lines (a border to write on), not runs of underscores
    # five write-in lines an agenda: date, place, facilitator, contact, and who to ask if setup fails (issue #20)
    assert "___" not in packet_page and packet_page.count('<span class="line') == 5 * (len(meetings) + versions)
    for title in plans.meeting_title.unique():
        assert squash(title) in text, title
    for seg in plans.itertuples():
        assert squash(f"{decks.clock(seg.start)}–{decks.clock(seg.start + seg.minutes)}") in text
    h = workshop.load_handout(essay)
    for part in [h["content_note"], *h["agreements"], h["setup"]["intro"], h["setup"]["check"]]:
        assert squash(part["en"]) in text and squash(part["es"]) in text, part["en"][:40]
    questions = helpers.load_questions(essay).set_index("id").question
    for q in {q for cell in plans.discussion for q in cell.split(", ") if q}:
        assert squash(questions[q]) in text, q
    s = summary.load_summary(essay)
    for pid, row in s.iterrows():
        assert squash(row.text) in text and squash(row.es) in text, pid
    assert squash("The glossary is printed on its own") in text
    # plain words for a participant in what the packet adds (the setup page's commands name their files): no file
    # names, no notebook by its file name
    added = visible("".join(packet.agenda_parts() + packet.summary_parts()))
    assert "notebook 02, Voices" in added
    assert not re.search(r"\b\w+\.(ipynb|yml|csv|py|html|pdf)\b", added), "a file name is on the page"
    assert not re.search(r"\b0\d_[a-z_]+", added)


def test_the_packets_headings_go_down_one_level_at_a_time(packet_page):
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", packet_page)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_the_summary_prints_each_language_on_one_page_and_whole_in_the_packet(essay, editions_built):
    """Each language's summary on one page, English then Spanish on the next (back to back on one sheet printed
    double-sided): with the diagnosis, the cause, the concession and the conclusion added, the two side by side no
    longer fit one page in readable type."""
    from test_print import type_sizes
    part = editions_built / "participant"
    s = summary.load_summary(essay)
    pages = pdf_text(part / "summary.pdf")
    assert decks.pdf_pages((part / "summary.pdf").read_bytes()) == len(pages) == 2, f"{len(pages)} pages"
    for pid, row in s.iterrows():
        assert squash(row.text) in squash(pages[0]) and squash(row.es) not in squash(pages[0]), pid
        assert squash(row.es) in squash(pages[1]), pid
    for page in PdfReader(str(part / "summary.pdf")).pages:
        sizes = type_sizes(page)
        body = max(sizes, key=sizes.get)
        assert body >= 9.5 and min(pt for pt, n in sizes.items() if n > 50) >= 8.5, sizes
    in_packet = pdf_text(part / "packet.pdf")
    english = [p for p in in_packet if squash("The essay's argument on one page") in squash(p)]
    spanish = [p for p in in_packet if squash("El argumento del ensayo en una página") in squash(p)]
    assert len(english) == len(spanish) == 1 and squash("This is a summary, not the essay") in squash(english[0])
    assert squash(s.loc["P3", "es"][-40:]) in squash(spanish[0]) and squash("Esto es un resumen") in squash(spanish[0])


def test_the_summary_gives_the_diagnosis_the_cause_the_concession_and_the_conclusion(essay):
    """The close reading (review10): the page held only the thesis and the three points, so its reader never met
    the diagnosis (¶3), the cause the authors name (¶48), their own limit on their case (¶45) or their conclusion
    (¶62). Each now comes from the argument map's claim, placed by the map, in English and Spanish."""
    argument = helpers.load_argument(essay)
    claims = argument.claims.set_index("id")
    s = summary.load_summary(essay)
    expected = {"C01": (3, "before"), "C39": (48, "P1"), "C51": (45, "P1"), "C78": (62, "after")}
    for cid, (paragraph, place) in expected.items():
        assert s.loc[cid, "stated"] == f"¶{paragraph}" and s.loc[cid, "place"] == place, cid
        paraphrase = " ".join(claims.loc[cid].paraphrase.split())
        assert paraphrase[1:] in s.loc[cid, "text"], cid           # whole, its first letter lower after a lead
        assert re.search(r"\bthe authors\b(?!')", s.loc[cid, "text"], re.I), cid        # the teacher's voice
    assert claims.loc["C51", "type"] == "concession" and "We are losing." == claims.loc["C01", "span"]
    assert "the primary contradiction that creates immigration in the first place" in s.loc["C39", "es"]
    assert s.loc["C78", "text"].startswith("The authors conclude: if movements")
    page = " ".join(visible("".join(packet.summary_parts())).split())
    english, spanish = page.split("El argumento del ensayo en una página", 1)
    for heading in ("Where the argument starts (¶3)", "A concession under it (¶45)", "A conclusion under it (¶48)",
                    "Where the essay ends (¶62)"):
        assert heading in english, heading
    for heading in ("Dónde empieza el argumento (¶3)", "Dentro de este punto, una concesión (¶45)",
                    "Dentro de este punto, una conclusión (¶48)", "Dónde termina el ensayo (¶62)"):
        assert heading in spanish, heading
    # in the essay's order: the diagnosis, the thesis, point 1 with its concession then its cause, the conclusion
    order = [english.index(x) for x in ("(¶3)", "The thesis", "Point 1", "(¶45)", "(¶48)", "Point 2", "(¶62)")]
    assert order == sorted(order)


def test_a_summary_claim_the_map_does_not_have_is_refused(reading_copy):
    rewrite(reading_copy, summary.FILE, "  C01:\n", "  C999:\n")
    with pytest.raises(helpers.AnnotationError) as info:
        summary.load_summary(helpers.load_essay(reading_copy))
    assert info.value.row == "C999" and "a claim of the argument map" in info.value.problem


def test_the_glossary_prints_on_its_own_with_every_term(essay, editions_built):
    pdf = editions_built / "participant" / "glossary.pdf"
    pages = pdf_text(pdf)
    printed = squash("".join(pages))
    assert pages[0].count("Glossary") >= 1 and f"Page 1 of {len(pages)}" in pages[0]
    terms = helpers.load_terms(essay)
    missing = [t for t in terms.term if squash(t) not in printed]
    assert not missing, missing[:5]
    assert squash(terms.spanish.dropna().iloc[0]) in printed


def test_a_changed_fingerprint_is_refused_naming_the_part(reading_copy):
    rewrite(reading_copy, summary.FILE, 'from_en: "27b60aaff993"', 'from_en: "000000000000"')
    with pytest.raises(helpers.AnnotationError) as info:
        summary.load_summary(helpers.load_essay(reading_copy))
    assert info.value.file.endswith(summary.FILE) and info.value.row == "P2"
    assert "27b60aaff993" in info.value.fix and "translate P2 again" in info.value.fix


def test_a_changed_english_fails_the_spanish_until_it_is_translated_again(reading_copy):
    old = workshop.english_fingerprint(summary.summary_english(helpers.load_essay(reading_copy)).loc["T", "text"])
    rewrite(reading_copy, "argument.yml", "into movement organizations' framing and strategy.",
            "into the framing and strategy of movement organizations.")
    essay = helpers.load_essay(reading_copy)
    with pytest.raises(helpers.AnnotationError) as info:
        summary.load_summary(essay)
    assert info.value.file.endswith(summary.FILE) and info.value.row == "T"
    new = workshop.english_fingerprint(summary.summary_english(essay).loc["T", "text"])
    assert new in info.value.fix
    rewrite(reading_copy, summary.FILE, f'from_en: "{old}"', f'from_en: "{new}"')
    assert summary.load_summary(helpers.load_essay(reading_copy)).loc["T", "es"]


def test_a_missing_part_and_a_misquoted_essay_are_refused(reading_copy):
    rewrite(reading_copy, summary.FILE, '"Anti-imperialism provides our movements', '"Anti-imperialism gives our movements')
    with pytest.raises(helpers.AnnotationError) as info:
        summary.load_summary(helpers.load_essay(reading_copy))
    assert info.value.row == "P3" and "not in the essay" in info.value.problem
    text = (reading_copy / summary.FILE).read_text(encoding="utf-8")
    (reading_copy / summary.FILE).write_text(text[:text.index("  P3:")], encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as info:
        summary.load_summary(helpers.load_essay(reading_copy))
    assert info.value.row == "P3" and "no Spanish" in info.value.problem


def test_the_agendas_give_every_label_in_spanish_beside_the_english(essay, packet_page):
    """The native review (#20 item 5): plan titles, meeting titles, activities and notebooks were English only."""
    agendas = " ".join(visible("".join(packet.agenda_parts())).split())
    plans = workshop.load_plans(essay)
    for seg in plans.itertuples():
        assert f"{seg.topic[:1].upper() + seg.topic[1:]} · {seg.topic_es}" in agendas, seg.topic
        if seg.notebook:
            assert f"notebook {seg.notebook[:2]}, " in agendas and f"cuaderno {seg.notebook[:2]}, {seg.notebook_es}" in agendas
    for row in plans.drop_duplicates(["plan", "meeting"]).itertuples():
        assert f"Programa: {row.plan_title_es}" in agendas and f"{row.meeting_title} · {row.meeting_title_es}" in agendas
    # the elapsed times: the sixth native review (review10) found "Hora" read as a clock time ("0:20" as 12:20 a.m.);
    # the column counts time from the start: "Minuto", then (review17, the Spanish reader) "Tiempo", then (review18)
    # "Horario", the times of the programme (never "Hora" alone). Two questions are plural in both languages
    assert "Time · Horario" in agendas and not re.search(r"\bHora\b", agendas) and "Minuto" not in agendas
    assert "discussion questions 1 and 4 · preguntas de discusión 1 y 4" in agendas
    assert "discussion question 2 · pregunta de discusión 2" in agendas
    # one Spanish word for each thing: the packet is a "cuadernillo", the handout "material", the package "este
    # material de estudio"; never "paquete" (the packet, the kit and the package at once) or "hoja"
    shown = visible(packet_page)
    assert "Cuadernillo para participantes" in shown and "Material para participantes" in shown
    assert not re.search(r"[Pp]aquete|Hoja para", shown)


def test_the_glossary_printout_has_spanish_headings_kinds_and_names(essay):
    from helpers.terms import KINDS, KINDS_ES
    assert set(KINDS_ES) == set(KINDS)
    page = " ".join(visible(packet.glossary_html()).split())
    for heading in ("Term · Término", "What it is · Qué es", "In the essay · En el ensayo", "Since · Desde entonces"):
        assert heading in page, heading
    terms = helpers.load_terms(essay)
    for kind in set(terms.kind):
        assert f"{kind} · {KINDS_ES[kind]}" in page, kind
    for name in ("Irlanda", "México", "Palestina", "Ciudad de Guatemala", "Pensilvania", "trabajo de base",
                 "el Imperio estadounidense"):
        assert name in page, name
    # it says what stays in English
    assert "Las definiciones y lo que dice el ensayo están solo en inglés" in page


def test_exercise_2_prints_on_a_sheet_that_stands_on_its_own(essay, editions_built):
    """The review: the print list asked for lesson 01's 36 pages for each person on paper, when the 90-minute plan
    uses one exercise. The exercise sheet carries the exercise, the paragraphs it asks about, the two objections it
    names and a recap of the words it uses, on at most two pages (one page was 7.9 pt with no room to write,
    review13); the 90-minute plan prints it instead of the lesson."""
    from pypdf import PdfReader
    from helpers import load_argument
    pdf = editions_built / "participant" / "exercise-01-2.pdf"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) <= 2
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    flat = re.sub(r"\s+", "", text)
    assert "Exercise 2: classify a passage" in text and "cell below" not in text
    for n in (51, 52):
        assert re.sub(r"\s+", "", essay.paragraphs.loc[n].text)[:200] in flat
    counter = load_argument(essay).counterarguments.set_index("id")
    for k in ("K2", "K4"):
        assert k in text and re.sub(r"\s+", "", counter.loc[k]["name"]) in flat
    for word in ("premise", "Evidence", "conclusion", "recommendation", "concession", "supports", "qualifies"):
        assert word in text, word
    prints = workshop.load_print_lists(essay)
    single = prints[prints.plan == "single-90"]
    assert "exercise 01-2" in set(single.printout) and "lesson 01" not in set(single.printout)


def test_the_packet_has_the_agenda_of_each_meetings_spanish_version(essay):
    """The review: the run sheet and deck of the 90-minute session's version for Spanish readers had no agenda in
    the packet, so the room's handout disagreed with the session. Each version now has its agenda, headed as one."""
    from tools import decks, packet
    parts = packet.agenda_parts()
    versions = [p for p in parts if packet.VERSION_TITLES_ES["spanish"] in p]
    expected = sum(1 for *_, rows, _ in decks.meetings(versions=True) if rows.iloc[0].version)
    assert expected >= 1 and len(versions) == expected
    assert all(decks.VERSION_TITLES["spanish"] in p for p in versions)


def test_the_setup_page_gives_each_command_of_the_route_without_make_a_line_of_its_own():
    """The review: route B's five commands ran together in one paragraph, hard to follow at a terminal. Each now
    stands on its own numbered line, in English and in Spanish."""
    from tools import packet
    page = packet.setup_html()
    for lang in ("en", "es"):
        block = page.split(f'<div lang="{lang}"><p>' + ("Without make" if lang == "en" else "Sin make"), 1)[1]
        block = block.split("</p>", 1)[0]
        for n, command in enumerate(["python3 -m venv .venv", None, "pip install -r requirements.txt",
                                     "python -m helpers.kernel_hints", "jupyter lab"], start=1):
            assert f"<br>{n}. " in block, (lang, n)
            if command:
                assert f"<br>{n}. <code>{command}</code>" in block, (lang, n)


def test_each_plan_has_a_lighter_packet_of_its_own(essay):
    """The review: every participant of the 90-minute session was to print the whole packet, with the agendas and
    questions of the three-session series too. Each plan's packet holds its own meetings and questions only."""
    plans = workshop.load_plans(essay)
    everything = visible(packet.packet_html())
    for plan, rows in plans.groupby("plan", sort=False):
        mine = visible(packet.packet_html(plan=plan))
        assert len(mine) < len(everything), plan
        for other in set(plans.plan_title) - {rows.plan_title.iloc[0]}:
            assert f"Agenda: {other}" not in mine, (plan, other)
        used = {q for cell in rows.discussion for q in cell.split(", ") if q}
        others = {q for cell in plans.discussion for q in cell.split(", ") if q} - used
        for q in used:
            assert re.search(rf"\b{question_name(q).capitalize()}\s+\(¶", mine), (plan, q)
        for q in others:
            assert not re.search(rf"\b{question_name(q).capitalize()}\s+\(¶", mine), (plan, q)
    with pytest.raises(helpers.HelperError, match="no plan 'nine-hours'"):
        packet.packet_html(plan="nine-hours")


def test_the_agenda_gives_the_reading_time_in_a_second_language_too(essay):
    """The native re-review: the Spanish line of the agenda said 'unos 32 minutos' for a reader the guide itself
    gives twice that. Each agenda's reading line gives both times."""
    import math
    from helpers import workshop
    page = html.unescape(kit_once.packet_page(plan="single-90"))
    pre = workshop.pre_reading(essay, workshop.load_plans(essay))
    r = pre[pre.plan == "single-90"].iloc[0]
    slower = math.ceil(r.minutes * workshop.reading_paces(essay)["second_language"])
    assert f"unos {r.minutes} minutos, o unos {slower} si leen en inglés como segunda lengua" in page


def test_a_setup_line_with_a_long_command_prints_its_languages_one_above_the_other(essay):
    """A command is never split across lines; beside its Spanish, a long one ran past the paper's edge and Chromium
    shrank the whole packet to fit (the Spanish review's 6 pt). Such a line stacks its English above its Spanish."""
    from tools import handout
    setup = workshop.load_handout(essay)["setup"]
    lines = [step for route in setup["routes"] for step in route["steps"]] + setup["problems"]
    long = [s for s in lines if handout._long_command(s)]
    assert long, "the setup page has no long command: the test has nothing to check"
    page = packet.setup_html()
    for step in long:
        assert f'<div class="pair stack"><div lang="en"><p>{handout._md_inline(step["en"])}' in page
    assert not handout._long_command({"en": "run `make lab`", "es": "ejecuten `make lab`"})


def test_the_spanish_sheet_prints_in_readable_type_on_at_most_two_pages(editions_built):
    """The Spanish review measured the sheet made for the Spanish readers at about 6 pt (its English key-point lines
    at 5.5 pt), the least legible page of the packet. It now keeps its own type (10 pt, 9 pt for the English lines
    under it) and may take a second page."""
    from test_print import type_sizes
    doc = PdfReader(str(editions_built / "facilitator" / "packet-single-90-spanish.pdf")).pages
    first = next(i for i, p in enumerate(doc) if "Hoja en español" in p.extract_text())
    again = next(i for i, p in enumerate(doc) if "Relectura en español" in p.extract_text())
    sheet = doc[first:again]
    assert 1 <= len(sheet) <= 2, f"the Spanish sheet prints on {len(sheet)} pages"
    assert "Puntos clave" in "".join(p.extract_text() for p in sheet)
    # then ¶45 and ¶48 in Spanish for the version's re-reading (facilitator review 11: only ¶49 was in Spanish),
    # on one page of their own, the packet's last
    assert again == len(doc) - 1
    last = " ".join(doc[again].extract_text().split())
    assert "¶45 [traducción]" in last and "¶48 [traducción]" in last and "Se podría argumentar" in last
    for n, page in enumerate(doc[first:], start=1):
        small = {pt: count for pt, count in type_sizes(page).items() if pt < packet.SPANISH_SHEET_MIN_PT}
        assert not small, (n, small)


EXCERPT = ["war of position", "Antonio Gramsci", "civil society"]


def test_the_90_minute_plan_prints_a_glossary_excerpt_not_the_whole_glossary(essay):
    """The facilitator reviews (review10, review10b): for a segment that uses three entries, the 90-minute plan
    printed the whole glossary for each pair (about 16 pages, with a Since column on current Honduran politics). The
    plan now prints an excerpt of the entries its segments name, in English and Spanish; the whole glossary stays a
    printout of its own (the series' glossary segment has an excerpt of its own since facilitator review 23)."""
    from helpers.terms import glossary
    assert packet.glossary_excerpts()["single-90"] == EXCERPT
    page = " ".join(visible(packet.glossary_excerpt_html(plan="single-90")).split())
    g = glossary(helpers.load_terms(essay)).set_index("term")
    sheet = workshop.load_spanish_sheet(essay)["single-90-1"]["terms"]
    for term in EXCERPT:
        for text in (g.loc[term].definition, g.loc[term].in_the_essay, sheet[term]["definition"],
                     sheet[term]["in_the_essay"]):
            assert " ".join(text.split()) in page, (term, text[:40])
    assert re.findall(r"<td><strong>(.*?)</strong>", packet.glossary_excerpt_html(plan="single-90")) == EXCERPT
    assert "Since" not in page and "Hernández" not in page          # none of the three has a Since column
    assert "The whole glossary, A to Z, is a printout of its own" in page
    with pytest.raises(helpers.HelperError, match="names glossary entries"):
        packet.glossary_excerpt_html(plan="no-such-plan")


def test_the_plans_materials_checklist_and_print_list_agree_on_the_excerpt_and_the_copies(essay):
    """What the war-of-position segment hands out (its activity and its materials, so the run sheet
    and the day-of checklist) is the excerpt, one per pair, as the print list says; the Exercise 2 sheet goes to
    every pair in the segment and in the print list alike."""
    plans = workshop.load_plans(essay)
    seg = plans[(plans.plan == "single-90") & (plans.topic == "war of position")].iloc[0]
    assert list(seg.glossary) == EXCERPT
    for text in (seg.activity, seg.materials):     # not its sensitive line: no logistics there (review17)
        assert "glossary excerpt" in text, text[:60]
    assert "con el extracto del glosario" in seg.activity_es
    assert "one per pair" in seg.materials and "glossary (printed)" not in seg.materials
    prints = workshop.load_print_lists(essay)
    single = prints[prints.plan == "single-90"].set_index("printout")
    assert "glossary" not in single.index and single.loc["glossary excerpt", "copies"] == "each pair"
    assert single.loc["glossary excerpt", "file"] == "facilitator/glossary-single-90.pdf"
    exercise = plans[(plans.plan == "single-90") & plans.materials.str.contains("Exercise 2 sheet")]
    assert any("for every pair" in m for m in exercise.materials) and single.loc["exercise 01-2", "copies"] == "each pair"
    series = prints[prints.plan == "series-3x120"].set_index("printout")
    assert series.loc["glossary excerpt", "copies"] == "each pair"     # its glossary segment's (review 23)
    checklist = " ".join(visible(kit_once.checklists()["checklist-single-90-1.html"]).split())
    assert "the glossary excerpt (printed, one per pair)" in checklist and "glossary (printed)" not in checklist
    room = workshop.load_handout(essay)["sensitive_for_group"]["war of position"]
    assert "Since" not in room["en"] and "glossary entries" in room["en"] and "entradas del glosario" in room["es"]


def test_a_segment_naming_an_entry_the_glossary_lacks_is_refused(reading_copy):
    rewrite(reading_copy, "sessions.yml", "glossary: [war of position, Antonio Gramsci, civil society], lead",
            "glossary: [war of position, Antonio Gramscy, civil society], lead")
    with pytest.raises(helpers.AnnotationError) as info:
        workshop.load_plans(helpers.load_essay(reading_copy))
    assert "Antonio Gramscy" in info.value.problem and "terms.csv" in info.value.problem


def test_the_glossary_excerpt_prints_on_one_page_in_readable_type(editions_built):
    from test_print import type_sizes
    doc = PdfReader(str(editions_built / "facilitator" / "glossary-single-90.pdf")).pages
    assert len(doc) == 1
    sizes = type_sizes(doc[0])
    assert min(sizes) >= 8.5 and max(sizes, key=sizes.get) >= 10, sizes
    assert all(squash(t) in squash(doc[0].extract_text()) for t in EXCERPT)


def test_the_print_list_holds_the_notes_the_run_sheet_asks_for(essay):
    """Facilitator review 12: the run sheets ask for "the facilitator's notes, printed" (the worked solution at the
    exercise), and no plan's print list named them."""
    prints = workshop.load_print_lists(essay)
    for plan, rows in prints.groupby("plan"):
        notes = rows[rows.printout == "notes"]
        assert len(notes) == 1 and notes.copies.iloc[0] == "the facilitator", plan
        assert notes.file.iloc[0] == f"facilitator/notes-{plan}-*.pdf"
    assert set(kit_once.notes_pages()) == {f"notes-{name[len('run-sheet-'):]}" for name in kit_once.run_sheets()}


def test_the_exercise_2_sheet_does_not_answer_question_3():
    """Review 14, A5: the sheet's objections table gave the package's reply to each objection, and K2's ("by appealing
    to conscience, confirms the Right's framing") answered question 3 for a third of the pairs. The table now comes
    after the questions and gives each objection in the essay's words only; the replies are the facilitator's (the
    worked solution in the notes)."""
    from helpers import load_argument
    page = packet.exercise_sheets()["exercise-01-2.html"]
    counter = load_argument(helpers.load_essay()).counterarguments.set_index("id")
    text = " ".join(re.sub(r"<[^>]+>", " ", html.unescape(page)).split())
    for k in ("K2", "K4"):
        assert " ".join(counter.loc[k].how.split())[:60] not in text, k
        assert " ".join(counter.loc[k]["name"].split()) in text, k
    assert "how the authors reply" not in text
    assert page.index("<ol>") < page.index('class="keep objections"')


def test_each_version_of_a_plan_has_a_packet_of_its_own_with_one_agenda_a_meeting(essay):
    """Facilitator review 16: the 90-minute packet printed 16 pages: the agendas of both versions (as planned, and
    for a room with Spanish readers), the setup pages the plan sends before the day, and the Spanish sheet for
    every room. A room runs one version: each version has its own packet, with its own agenda only, the Spanish
    sheet only in the Spanish readers' one, and the setup pages only where the plan sets up on the day."""
    from tools import bundle, packet
    packets = kit_once.plan_packets()
    plans = workshop.load_plans(essay)
    meetings = plans.groupby("plan").meeting.nunique()
    assert set(packets) == {"packet-single-90.html", "packet-single-90-spanish.html", "packet-series-3x120.html",
                            "packet-series-3x120-spanish.html"}
    for name, page in packets.items():
        plan = next(p for p in meetings.index if name.startswith(f"packet-{p}"))
        assert page.count("Read before · Leer antes") == meetings[plan], name
        spanish = name.endswith("-spanish.html")
        assert ("para un grupo que lee mejor en español</span></em>" in page) == spanish, name
        # facilitator review 20b: the series' version prints the Spanish its Sessions 2 and 3 read (the 90-minute
        # version's sheet, without that meeting's key points), as the print list promises
        assert ("Hoja en español" in page) == spanish, name
        before = (plans[plans.plan == plan].setup == "before the day").all()
        assert ("Setup, before the day · Instalación, antes de la sesión" in page) != before, name
        # review 18: the version for Spanish readers uses no computers: its packet asks nobody to set one up
        assert (packet.SETUP_SENT["en"] in page) == (before and not spanish), name
    # the print list names the Spanish readers' packet as a replacement, counted once, after the packet it replaces
    found = bundle._as_printed(["facilitator/packet-single-90-spanish.pdf", "facilitator/packet-single-90.pdf"])
    assert found == ["facilitator/packet-single-90.pdf", "facilitator/packet-single-90-spanish.pdf"]
    assert bundle.meeting_labels(found, "single-90") == [
        "as planned", "for a room with Spanish readers (print it instead, for that room)"]
    lists = workshop.load_print_lists(essay)
    packet_file = lists[(lists.plan == "single-90") & (lists.printout == "packet")].file.iloc[0]
    import fnmatch
    assert all(fnmatch.fnmatchcase(f, packet_file) for f in found)
    assert not fnmatch.fnmatchcase("facilitator/packet-series-3x120.pdf", packet_file)
