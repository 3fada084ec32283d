"""Notebooks 02, 03 and 04 in plain words for a learner (issue 19; session 26, NAME=plain).

The learner review found the prose of 02–04 hard going for an activist who has never used a notebook: sentences of
50 or 60 words strung on semicolons and colons, a date written 11/20/2018, a notebook's file name in prose, and the
package's own words ("context row", "attribution line") used before anything said what they are. These tests hold
the rules the rewrite applied, on the prose a learner reads (Markdown cells, outside tables, code and the links'
targets):

- no sentence longer than LONGEST words, and at most MAX_LONG_SHARE of the sentences longer than LONG words;
  words are runs of letters, so a list of ¶ numbers adds nothing, and a quotation of the essay (in curly quotes,
  an exact span) counts as one word: the essay's sentences are the essay's;
- no date in numbers (11/20/2018) outside a quotation of the essay;
- no file name (quotations.csv, 00_start_here) outside the one *Where the data lives* section and the links;
- each package term listed in TERMS is explained in the sentence where the notebook first uses it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PLAIN = ["02_source_quotations.ipynb", "03_timeline.ipynb", "04_people_places_terms.ipynb"]
LONGEST = 40            # words in one sentence, at most
LONG = 30               # a sentence over this is long ...
MAX_LONG_SHARE = 0.08   # ... and at most this share of a notebook's sentences may be (before the rewrite: 11–15%)

QUOTATION = re.compile(r"“[^”]*”")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# a sentence ends at . ! ? : or ; followed by a space and what can open a sentence (a capital, a mark, a quotation)
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z*“(¶_\[`])")
# a paragraph, a list item or a heading starts a new sentence
BLOCK = re.compile(r"\n\s*\n|\n(?=\s*[-*] |\s*\d+\. |#)")
WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ’'.-]*")
NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
FILE_NAME = re.compile(r"\b[\w-]+\.(?:csv|ya?ml|ipynb|py|txt)\b|\b0\d_[a-z_]+\b")
DATA_SECTION = "## Where the data lives"

# (notebook, the term as a learner first meets it, what must stand in that same sentence to explain it)
TERMS = [
    ("03_timeline.ipynb", "context row", re.compile(r"from outside the essay|\*\*context rows?\*\*")),
    ("02_source_quotations.ipynb", "attribution line", re.compile(r"naming its speaker \(attribution lines\)")),
]


def prose(source: str) -> str:
    """A Markdown cell's text as a learner reads it: no tables, code blocks, HTML lines or link targets."""
    kept, fenced = [], False
    for line in source.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced or line.lstrip().startswith(("|", "<")):
            continue
        kept.append(line)
    return LINK_TARGET.sub("]", "\n".join(kept))


def sentences(text: str) -> list[str]:
    """The sentences of a text, each quotation of the essay shortened to one word."""
    text = QUOTATION.sub("“Q”", text)
    found = []
    for block in BLOCK.split(text):
        block = " ".join(block.split())
        found += [s for s in SENTENCE_END.split(block) if s.strip()] if block else []
    return found


def words(sentence: str) -> int:
    return len(WORD.findall(sentence))


def cells(name: str) -> list[tuple[int, str]]:
    """(index, prose) of every Markdown cell of a notebook but its generated navigation."""
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return [(k, prose("".join(c["source"]))) for k, c in enumerate(nb["cells"])
            if c["cell_type"] == "markdown" and "nav" not in c.get("metadata", {}).get("tags", [])]


def long_sentences(items: list[tuple[int, str]]) -> tuple[list[str], float]:
    """The sentences over LONGEST words (with their cell), and the share of sentences over LONG words."""
    all_sentences = [(k, s) for k, text in items for s in sentences(text)]
    too_long = [f"cell {k} ({words(s)} words): {s}" for k, s in all_sentences if words(s) > LONGEST]
    share = sum(words(s) > LONG for _, s in all_sentences) / max(len(all_sentences), 1)
    return too_long, share


def outside_data_section(items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(k, text) for k, text in items if not text.startswith(DATA_SECTION)]


@pytest.mark.parametrize("name", PLAIN)
def test_sentences_are_short(name):
    too_long, share = long_sentences(cells(name))
    assert not too_long, (f"{name}: sentences over {LONGEST} words (quotations of the essay count as one): split "
                          "them where a semicolon or a colon joins two statements:\n" + "\n".join(too_long))
    assert share <= MAX_LONG_SHARE, f"{name}: {share:.1%} of sentences are over {LONG} words (at most {MAX_LONG_SHARE:.0%})"


@pytest.mark.parametrize("name", PLAIN)
def test_dates_in_words_and_no_file_names_in_prose(name):
    problems = []
    for k, text in outside_data_section(cells(name)):
        bare = QUOTATION.sub("“Q”", text)
        problems += [f"cell {k}: the date {m} (write it in words)" for m in NUMERIC_DATE.findall(bare)]
        problems += [f"cell {k}: the file name {m} (name what it is; files belong in {DATA_SECTION[3:]!r})"
                     for m in FILE_NAME.findall(bare)]
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name, term, explained", TERMS)
def test_a_package_term_is_explained_where_first_used(name, term, explained):
    first = next(s for _, text in cells(name) for s in sentences(text) if term in s.lower())
    assert explained.search(first), f"{name}: {term!r} is first used without saying what it is: {first}"


def test_the_rules_can_fail():
    """Each rule rejects the kind of text it was written against (from 02–04 before the rewrite)."""
    rambling = ("The table says who gives each, in which text and when: Fuentes's figure comes from his interview, on "
                "a programme dated 11/20/2018 (¶41), the authors' from their own prose, written later (when, notebook "
                "03 asks you to work out from the essay's clues), and the rest from the file `figures.csv`; which "
                "one a reader trusts is theirs.")
    too_long, share = long_sentences([(0, rambling)])
    assert too_long and share == 0.5     # its first clause stands alone at the colon
    assert NUMERIC_DATE.findall(rambling) == ["11/20/2018"]
    assert FILE_NAME.findall(rambling) == ["figures.csv"]
    assert FILE_NAME.findall("the same as in `00_start_here`") == ["00_start_here"]
    assert not NUMERIC_DATE.findall(QUOTATION.sub("“Q”", "a programme dated “11/20/2018” (¶41)"))
    assert words(sentences("A “quotation of the essay, however long it is,” counts as one word.")[0]) == 6
    assert not TERMS[0][2].search("a context row dates it from January 2014 to January 2018")
