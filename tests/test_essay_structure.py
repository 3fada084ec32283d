"""The structure the loader finds must be right for this essay: paragraphs, kinds, sections, sentences."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import helpers

RECEIVED_SHA256 = "60a025c0591dc39ff7991b6f743319621b0c924dd5d216e2015a9748071bd9a8"  # ../shared/DESIGN.md


def para_with(essay, needle: str) -> pd.Series:
    hits = essay.paragraphs[essay.paragraphs.text.str.contains(needle, regex=False)]
    assert len(hits) == 1, f"{needle!r} should be in exactly one paragraph, found {list(hits.paragraph)}"
    return hits.iloc[0]


def test_text_is_kept_byte_for_byte(essay):
    data = (essay.folder / "essay.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == RECEIVED_SHA256
    assert essay.meta["sha256"] == RECEIVED_SHA256 and essay.meta["bytes"] == len(data)
    assert essay.text == data.decode("utf-8")


def test_metadata_from_the_header(essay):
    head = essay.text[:400]
    for key in ("title", "issue"):
        assert essay.meta[key] in head
    assert essay.meta["series"] == "Notes on the Road to 21st Century Socialism"
    assert essay.meta["issue"] == "Issue 2, March 2020"


def test_offsets_point_at_the_exact_text(essay):
    for p in essay.paragraphs.itertuples():
        assert essay.text[p.start:p.end] == p.text
    for s in essay.sentences.itertuples():
        assert essay.text[s.start:s.end] == s.text
        para = essay.paragraphs.loc[s.paragraph]
        assert para.start <= s.start < s.end <= para.end


def test_paragraph_ids_are_1_to_n_in_reading_order(essay):
    p = essay.paragraphs
    assert list(p.paragraph) == list(range(1, len(p) + 1))
    assert p.start.is_monotonic_increasing


def test_residue_is_set_aside_not_counted(essay):
    text = " ".join(essay.paragraphs.text)
    for residue in ("Now Reading", "View Comments (0)", "Leave a Reply", "Scroll To Top",
                    "Your email address will not be published."):
        assert residue in essay.text, "residue must stay in the file"
        assert residue not in text, f"{residue!r} must not be counted as essay text"
        assert essay.set_aside.text.str.contains(residue, regex=False).any()
    # the title appears twice at the top of the page; neither copy is a paragraph
    assert not (essay.paragraphs.text == essay.meta["title"]).any()
    assert essay.paragraphs.iloc[0].text.startswith("“You have to reach out")
    assert essay.paragraphs.iloc[-1].text.startswith("The vast power of U.S. empire")


def test_broken_line_in_the_honduras_backdrop_is_one_paragraph(essay):
    p = para_with(essay, "Romeo Vásquez Velásquez,\ntrained in the U.S. School of the Americas")
    assert p.kind == "body"
    assert p.section.startswith("Backdrop of the Caravans")
    assert p.text.startswith("It is impossible to understand the caravans")
    assert p.text.endswith("passed hundreds of concessions to corporate interests.")


def test_three_strategic_points_are_numbered_list_items(essay):
    items = essay.paragraphs[essay.paragraphs.marker.str.match(r"\d")]
    assert list(items.marker) == ["1.", "2.", "3."]
    assert (items.kind == "list item").all()
    assert items.text.str.startswith("Anti-imperialism").all()
    assert list(items.paragraph) == [items.paragraph.iloc[0] + k for k in range(3)]
    lead_in = essay.paragraphs.loc[items.paragraph.iloc[0] - 1]
    assert lead_in.text.endswith("can be summarized in three key points:")


def test_bullet_lists_are_list_items(essay):
    bullets = essay.paragraphs[essay.paragraphs.marker == "•"]
    assert len(bullets) == 7  # 3 "Key moments" of 2009 + 4 "Highlights" of JOH's first term
    assert (bullets.kind == "list item").all()
    assert not bullets.text.str.startswith("•").any(), "the marker is not part of the text"
    assert para_with(essay, "Isis Obed Murillo").kind == "list item"
    assert para_with(essay, "The dramatic upsurge in drug trafficking.").kind == "list item"


def test_epigraphs_and_block_quotations_are_tied_to_their_attribution(essay):
    p = essay.paragraphs
    pairs = {
        "You have to reach out to your friends": ("epigraph", "—Ella Baker, Puerto Rico Solidarity Rally, 1974"),
        "After studying the Irish question": ("block quotation", "Karl Marx, “Letter to Sigfrid Meyer"),
        "If the 2009 coup d’etat had not happened": ("epigraph", "Miguel Angel, Honduran refugee"),
        "Let me first talk about the economic situation": ("block quotation", "—Bartolo Fuentes, Fox News Rundown"),
    }
    for quote, (kind, attribution) in pairs.items():
        q = para_with(essay, quote)
        assert q.kind == kind, quote
        a = p.loc[q.attribution]
        assert a.kind == "attribution" and a.text.startswith(attribution)
        assert a.attribution_of == q.paragraph
    assert set(p[p.kind == "attribution"].attribution_of) == {para_with(essay, q).paragraph for q in pairs}
    # an epigraph heads the essay or a section: two of them (Baker, Miguel Angel); Marx's ¶7 is a block
    assert (p.kind == "epigraph").sum() == 2


def test_fuentes_attribution_spans_two_lines(essay):
    a = para_with(essay, "—Bartolo Fuentes, Fox News Rundown 11/20/2018")
    assert a.text == ("—Bartolo Fuentes, Fox News Rundown 11/20/2018\n"
                      "(interpreted by LeftRoots cadre Matt Ginsberg-Jaeckle)")


def test_only_a_block_quotation_the_authors_lead_into_has_introduced_in(essay):
    """One definition (seeds/we-are-losing/README.md): a block quotation is a long quotation set apart inside a
    section; the authors often lead into it with a sentence of their own. Only then is it "introduced"."""
    p = essay.paragraphs
    blocks = p[p.kind == "block quotation"]
    assert list(blocks.paragraph) == [7, 26, 40]
    marx = para_with(essay, "After studying the Irish question")
    assert pd.isna(marx.introduced_in), "¶6 ends with a full stop: nothing leads into Marx"
    assert "introduced" not in essay.paragraph(marx.paragraph).split("\n")[0]
    for q in blocks[blocks.introduced_in.notna()].itertuples():
        lead = p.loc[q.introduced_in]
        assert lead.kind == "body" and lead.text.rstrip().endswith((",", ":")), q.paragraph
    assert list(blocks[blocks.introduced_in.notna()].paragraph) == [26, 40]


def test_clinton_memoir_is_a_block_quotation_introduced_by_the_authors(essay):
    q = para_with(essay, "In the subsequent days I spoke with my counterparts")
    assert q.kind == "block quotation" and pd.isna(q.attribution)
    intro = essay.paragraphs.loc[q.introduced_in]
    assert intro.text.endswith("In her memoir, Hillary Clinton bragged openly about her strategy,")


def test_headings_and_sections(essay):
    headings = list(essay.paragraphs[essay.paragraphs.kind == "heading"].text)
    assert headings == [
        "Anti-imperialism and immigration",
        "Backdrop of the Caravans: U.S.-backed Coups and Fraud in Honduras",
        "2017 electoral fraud and repression: the immediate cause of the caravans",
        "Birth of Migrant Caravans",
        "Response by the U.S. social movements",
        "Root Causes and the War of Position",
        "Global strategies to confront transnational capital",
        "Anti-imperialism and learning from other movements",
    ]
    s = essay.sections
    assert list(s.section) == ["Introduction", *headings, "Conclusion"]
    assert essay.paragraphs.loc[s.first_paragraph.iloc[-1]].text.startswith("The vast power of U.S. empire")
    assert s.last_paragraph.iloc[-1] == len(essay.paragraphs)
    assert para_with(essay, "We are losing.").section == "Introduction"


def test_section_totals_add_up(essay):
    s, p = essay.sections, essay.paragraphs
    body = p[p.kind != "heading"]
    assert s.paragraphs.sum() == len(body)
    assert s.words.sum() == body.words.sum()
    assert s.words.sum() + p[p.kind == "heading"].words.sum() == essay.words
    assert (s.reading_minutes == (s.words / essay.meta["reading_speed_wpm"]).round(1)).all()
    for row in s.itertuples():
        in_section = body[body.section_no == row.section_no]
        assert (row.first_paragraph, row.last_paragraph) == (in_section.paragraph.min(), in_section.paragraph.max())


def test_word_count_rules():
    from helpers.text import count_words
    assert count_words("the U.S. continues") == 3
    assert count_words("re-focus the ruling class’s 60’s militancy") == 6
    assert count_words("— , “ ” …") == 0


def test_sentences(essay):
    texts = list(essay.sentences.text)
    # an initialism does not end a sentence …
    assert any("confronting U.S. Empire, from Palestine" in t for t in texts)
    assert any(t.startswith("The dictator JOH’s brother was just arrested by the D.E.A. and") for t in texts)
    # … but a doubled full stop after one does
    assert any(t.endswith("progressive institutional responses to the caravan in the U.S..") for t in texts)
    assert "A review of dozens of fundraising pages" in next(t for t in texts if t.startswith("A review of dozens"))
    assert "We are losing." in texts and "Their math worked out." in texts
    assert set(essay.sentences.paragraph) == set(essay.paragraphs[essay.paragraphs.kind != "heading"].paragraph)


def test_show_reads_a_range_of_paragraphs(essay, capsys):
    essay.show(20, 22)
    by_numbers = capsys.readouterr().out
    essay.show("¶20–¶22")
    assert capsys.readouterr().out == by_numbers
    essay.show("20-22")
    assert capsys.readouterr().out == by_numbers
    assert [line.split(" · ")[0] for line in by_numbers.splitlines() if line.startswith("¶")] == ["¶20", "¶21", "¶22"]
    essay.show(20)
    single = capsys.readouterr().out
    assert single.startswith("¶20 · ") and "¶21" not in single
    with pytest.raises(ValueError, match="backwards"):
        essay.show(22, 20)
    with pytest.raises(ValueError, match="range"):
        essay.show("twenty")


def test_search_context_never_cuts_a_word(essay):
    for query in ("JOH", "election", "first examining"):
        hits = essay.search(query)
        assert len(hits) >= 1
        for h in hits.itertuples():
            p = essay.paragraphs.loc[int(h.paragraph[1:])]
            assert essay.text[h.offset:h.offset + len(h.match)] == h.match, "offsets stay exact"
            lo, hi = h.offset - len(h.left), h.offset + len(h.match) + len(h.right)
            assert lo == p.start or essay.text[lo - 1].isspace(), (query, h.paragraph, h.left[:15])
            assert hi == p.end or essay.text[hi].isspace(), (query, h.paragraph, h.right[-15:])


def test_search_shows_a_word_whole_not_its_plural_split_off(essay):
    hits = essay.search("election")
    assert "elections" in set(hits.match), "the plural stays with its word"
    assert not hits.right.str.match(r"^[A-Za-z]").any(), "no letters of the matched word left over on the right"
    assert set(essay.search("coup d'etat").match) == {"coup d’etat"}
