"""Load a reading (the essay and its reading.yml) into pandas tables.

``load_essay()`` reads ``seeds/<reading>/essay.txt`` exactly as received, checks it against the
checksum in ``reading.yml``, sets aside the web-page residue, and returns an ``Essay`` with three
tables: ``paragraphs`` (numbered ¶1, ¶2 … in reading order), ``sections`` and ``sentences``.
Every row keeps character offsets into essay.txt, so anything said about the essay can point at the
exact text.
"""
from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C parser when present: same rules, faster

from .errors import EssayError, UsageError
from .schema import expect
from .schema import field as entry
from .text import count_words, fold, say, sentence_spans

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
DEFAULT_READING = "we-are-losing"

# Paragraph kinds, in the words the notebooks use.
HEADING, BODY, EPIGRAPH, BLOCK_QUOTE, ATTRIBUTION, LIST_ITEM = (
    "heading", "body", "epigraph", "block quotation", "attribution", "list item")
KINDS = (HEADING, BODY, EPIGRAPH, BLOCK_QUOTE, ATTRIBUTION, LIST_ITEM)

_LIST_MARKER = re.compile(r"^[ \t]*(?:\d+[.)]|[•▪◦*\-])[ \t]+")
_DASHES = ("—", "―", "–")
_OPEN_Q, _CLOSE_Q = ("“", '"'), ("”", '"')


# --------------------------------------------------------------------------------------------
# Reading the files
# --------------------------------------------------------------------------------------------

def reading_folder(reading: str | Path = DEFAULT_READING) -> Path:
    """The folder of a reading: a name under seeds/ (``"we-are-losing"``) or a path to a folder.

    Parameters:
        reading: the name of a folder in seeds/, or the path of any folder holding essay.txt and reading.yml.
    Returns:
        the folder's path; raises EssayError (listing the readings there are) if there is no such folder.
    Example:
        >>> reading_folder("we-are-losing").name
        'we-are-losing'
    """
    folder = Path(reading)
    if isinstance(reading, str) and "\\" in reading and not folder.is_dir():
        folder = Path(reading.replace("\\", "/"))  # a Windows-style path ("seeds\\name"), on any system
    if not folder.is_dir() and not folder.is_absolute() and len(folder.parts) == 1:
        folder = SEEDS / folder
    if not folder.is_dir():
        known = sorted(p.name for p in SEEDS.iterdir() if p.is_dir()) if SEEDS.is_dir() else []
        raise EssayError(folder, "no such reading folder.",
                         f"give the name of a folder in {SEEDS} (there are: {', '.join(known) or 'none'}) "
                         "or the path of a folder that holds essay.txt and reading.yml.")
    return folder


def read_meta(folder: Path) -> dict:
    """A reading's reading.yml, checked: title, series, issue, credit, checksum and what to set aside.

    Parameters:
        folder: the reading's folder (see ``reading_folder``).
    Returns:
        a dict of the file's entries; raises EssayError naming the line and the fix if it is malformed.
    Example:
        >>> read_meta(reading_folder())["issue"]
        'Issue 2, March 2020'
    """
    path = folder / "reading.yml"
    if not path.is_file():
        raise EssayError(path, "reading.yml is missing.",
                         "restore it from git (git checkout -- seeds/) or copy it from another reading "
                         "and fill in the title, text_file, sha256 and bytes.")
    try:
        meta = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise EssayError(path, f"is not valid YAML{line}: {getattr(exc, 'problem', exc)}.",
                         "fix the line named, or restore the file from git.") from None
    if not isinstance(meta, dict):
        raise EssayError(path, "does not hold a mapping of keys (title:, sha256:, …).",
                         "restore the file from git.")
    for key in ("title", "text_file"):
        if not meta.get(key):
            raise EssayError(path, f"has no '{key}:' entry.", f"add '{key}:' to reading.yml.")
        entry(meta, key, str, path, key, EssayError)
    if Path(meta["text_file"]).name != meta["text_file"]:
        raise EssayError(path, f"text_file is {meta['text_file']!r}; it must be a file name in the reading's folder.",
                         "write just the file name, e.g. essay.txt.", "text_file")
    for key in ("series", "issue", "sha256"):
        entry(meta, key, str, path, key, EssayError, default="")
    entry(meta, "bytes", int, path, "bytes", EssayError, default=None)
    wpm = entry(meta, "reading_speed_wpm", (int, float), path, "reading_speed_wpm", EssayError, default=200)
    if wpm <= 0:
        raise EssayError(path, "reading_speed_wpm must be more than 0.", "use about 200 (words a minute).",
                         "reading_speed_wpm")
    spec = entry(meta, "set_aside", dict, path, "set_aside", EssayError, default={})
    for part in ("head", "tail"):
        for line in entry(spec, part, list, path, f"set_aside.{part}", EssayError, default=[]):
            expect(line, str, path, f"set_aside.{part}", part, EssayError)
    names = entry(meta, "untitled_sections", dict, path, "untitled_sections", EssayError, default={})
    for key in names:
        entry(names, key, str, path, "untitled_sections", EssayError)
    others = entry(meta, "other_languages", dict, path, "other_languages", EssayError, default={})
    for code in others:
        if not (isinstance(code, str) and re.fullmatch(r"[a-z]{2,3}", code)):
            raise EssayError(path, f"other_languages has the key {code!r}, which is not a language code.",
                             "use a two-letter code such as es (Spanish).", "other_languages")
        for span in entry(others, code, list, path, f"other_languages.{code}", EssayError):
            expect(span, str, path, f"other_languages.{code}", code, EssayError)
    return meta


def read_text(folder: Path, meta: dict) -> str:
    """The reading's text file exactly as received, checked against the size and checksum in reading.yml.

    Parameters:
        folder: the reading's folder; meta: its reading.yml, as ``read_meta`` returns it.
    Returns:
        the whole text, web-page residue included; raises EssayError if it is missing, not UTF-8 or changed.
    Example:
        >>> read_text(reading_folder(), read_meta(reading_folder()))[:11]
        'Now Reading'
    """
    """The text of essay.txt, decoded and checked against the size and checksum in reading.yml."""
    path = folder / meta["text_file"]
    if not path.is_file():
        raise EssayError(path, "the essay file is missing.",
                         "restore it with `git checkout -- seeds/` or put the text back under this name "
                         "(reading.yml names it as text_file).")
    data = path.read_bytes()
    if not data.strip():
        raise EssayError(path, "the essay file is empty.",
                         "restore it with `git checkout -- seeds/`.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise EssayError(path, f"is not UTF-8 text (byte {exc.start}, line {line}: {data[exc.start:exc.start + 4]!r}).",
                         "save the file as UTF-8 (in most editors: Save As → Encoding: UTF-8), "
                         "or restore it with `git checkout -- seeds/`.") from None
    expected_bytes = meta.get("bytes")
    if isinstance(expected_bytes, int) and len(data) < expected_bytes:
        raise EssayError(path, f"looks truncated: it has {len(data):,} bytes where reading.yml records "
                               f"{expected_bytes:,} (it ends: {text[-60:]!r}).",
                         "restore it with `git checkout -- seeds/`; if you shortened it on purpose, "
                         f"run `python -m helpers accept {folder.name}`.")
    digest = hashlib.sha256(data).hexdigest()
    if meta.get("sha256") and digest != meta["sha256"]:
        raise EssayError(path, f"differs from the text recorded in reading.yml (sha256 {digest[:12]}… "
                               f"instead of {str(meta['sha256'])[:12]}…); every annotation is checked "
                               "against the text as received.",
                         "restore it with `git checkout -- seeds/`; if you edited it on purpose, accept the "
                         f"edit with `python -m helpers accept {folder.name}` and re-run the tests.")
    return text


# --------------------------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------------------------

@dataclass
class _Block:
    start: int
    end: int
    lines: list[tuple[int, int]]      # (start, end) of each line, end excluding the newline
    blanks_before: int


def _blocks(text: str) -> list[_Block]:
    """Groups of consecutive non-blank lines, with their offsets and the blank lines before each."""
    blocks: list[_Block] = []
    pos, blanks, current = 0, 0, None
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped_end = start + len(line.rstrip("\r \t"))
        if not line.strip():
            if current is not None:
                blocks.append(current)
                current = None
            blanks += 1
            continue
        if current is None:
            current = _Block(start, stripped_end, [], blanks if blocks else 0)
            blanks = 0
        current.lines.append((start, stripped_end))
        current.end = stripped_end
    if current is not None:
        blocks.append(current)
    return blocks


def _set_aside(text: str, blocks: list[_Block], meta: dict, meta_path: Path) -> tuple[list[_Block], list[dict]]:
    """Remove the residue blocks named in reading.yml from the start and end; return the rest and a record."""
    spec = meta.get("set_aside") or {}
    head, tail = list(spec.get("head") or []), list(spec.get("tail") or [])
    record = []

    def block_text(b: _Block) -> str:
        return "\n".join(text[s:e] for s, e in b.lines)

    for part, expected, order in (("head", head, blocks), ("tail", tail, blocks[::-1])):
        wanted = expected if part == "head" else expected[::-1]
        for i, want in enumerate(wanted):
            got = block_text(order[i]) if i < len(order) else ""
            if got != want:
                raise EssayError(meta_path, f"set_aside.{part} expects the block {want!r} "
                                            f"but the essay has {got[:80]!r} there.",
                                 f"make set_aside.{part} in reading.yml list the residue blocks exactly as "
                                 "they stand in the essay file (one entry per block, lines joined by \\n).")
            b = order[i]
            record.append({"part": part, "text": got, "start": b.start, "end": b.end})
    body = blocks[len(head): len(blocks) - len(tail)]
    if not body:
        raise EssayError(meta_path, "nothing is left of the essay once the residue is set aside.",
                         "check set_aside in reading.yml and the essay file.")
    return body, sorted(record, key=lambda r: r["start"])


def _raw_paragraphs(text: str, blocks: list[_Block]) -> list[dict]:
    """One row per paragraph: a block, or each line of a block made only of list items."""
    rows = []
    for b in blocks:
        lines = [(s, e) for s, e in b.lines]
        if all(_LIST_MARKER.match(text[s:e]) for s, e in lines):
            for s, e in lines:
                m = _LIST_MARKER.match(text[s:e])
                rows.append({"start": s + m.end(), "end": e, "kind": LIST_ITEM,
                             "marker": m.group().strip(), "blanks_before": b.blanks_before})
        else:
            rows.append({"start": b.start, "end": b.end, "kind": None, "marker": "",
                         "blanks_before": b.blanks_before, "single_line": len(lines) == 1})
    for r in rows:
        r["text"] = text[r["start"]:r["end"]]
        r["words"] = count_words(r["text"])
    return rows


def _is_quoted(t: str) -> bool:
    return t.startswith(_OPEN_Q) and t.rstrip().endswith(_CLOSE_Q)


def _classify(rows: list[dict]) -> None:
    """Set each paragraph's kind: quotation and attribution first, then headings, then body."""
    n = len(rows)
    for i, r in enumerate(rows):
        if r["kind"] is None and r["text"].startswith(_DASHES) and r["words"] <= 40:
            r["kind"] = ATTRIBUTION
            if i > 0 and rows[i - 1]["kind"] is None:
                rows[i - 1]["kind"] = "quotation"
    for i, r in enumerate(rows):
        if r["kind"] is None and _is_quoted(r["text"]):
            r["kind"] = "quotation"
            nxt = rows[i + 1] if i + 1 < n else None
            if (nxt is not None and nxt["kind"] is None and nxt["words"] <= 30
                    and "," in nxt["text"] and not _is_quoted(nxt["text"])):
                nxt["kind"] = ATTRIBUTION
    for i, r in enumerate(rows):
        if r["kind"] is None:
            t = r["text"].rstrip()
            if r.get("single_line") and r["words"] <= 15 and not t.endswith((".", "?", "!", ":", ",", ";", "”", '"')):
                r["kind"] = HEADING
    for i, r in enumerate(rows):
        if r["kind"] is None:
            r["kind"] = BODY
        elif r["kind"] == "quotation":
            # An epigraph is a quotation at the head of the essay or of a section (nothing but a heading before
            # it); any other quotation set apart inside a section is a block quotation, whether the authors lead
            # into it with a sentence of their own (¶26, ¶40) or not (¶7, Marx): see seeds/we-are-losing/README.md.
            prev = rows[i - 1] if i > 0 else None
            at_head = prev is None or prev["kind"] == HEADING
            r["kind"] = EPIGRAPH if at_head else BLOCK_QUOTE


def _structure(text: str, body: list[_Block], meta: dict):
    rows = _raw_paragraphs(text, body)
    _classify(rows)
    names = meta.get("untitled_sections") or {}
    section = names.get("before_first_heading", "Introduction")
    closing = names.get("after_double_blank_line", "Conclusion")
    sec_no, quote_of = 1, None
    for i, r in enumerate(rows, start=1):
        r["paragraph"] = i
        if r["kind"] == HEADING:
            section, sec_no = r["text"], sec_no + 1
        elif r["blanks_before"] >= 2 and i > 1:
            section, sec_no = closing, sec_no + 1
        r["section"], r["section_no"] = section, sec_no
        if r["kind"] in (EPIGRAPH, BLOCK_QUOTE):
            quote_of = i
        r["attribution_of"] = quote_of if r["kind"] == ATTRIBUTION else pd.NA
        r["attribution"] = pd.NA
        # A block quotation is "introduced" only when the authors' own sentence leads into it: the paragraph
        # before is body text ending on "," or ":" (¶25 "…about her strategy,", ¶39 "…the caravans:"). ¶7
        # (Marx) follows a paragraph that ends with a full stop, so it has no introduction.
        prev = rows[i - 2] if i > 1 else None
        led_in = (prev is not None and prev["kind"] == BODY and prev["text"].rstrip().endswith((",", ":")))
        r["introduced_in"] = i - 1 if r["kind"] == BLOCK_QUOTE and led_in else pd.NA
    by_id = {r["paragraph"]: r for r in rows}
    for r in rows:
        if r["kind"] == ATTRIBUTION and pd.notna(r["attribution_of"]):
            by_id[r["attribution_of"]]["attribution"] = r["paragraph"]

    cols = ["paragraph", "section_no", "section", "kind", "marker", "text", "words", "start", "end",
            "attribution", "attribution_of", "introduced_in"]
    paragraphs = pd.DataFrame(rows)[cols].set_index("paragraph", drop=False)
    paragraphs.index.name = None
    for c in ("attribution", "attribution_of", "introduced_in"):
        paragraphs[c] = paragraphs[c].astype("Int64")

    wpm = float(meta.get("reading_speed_wpm") or 200)
    content = paragraphs[paragraphs.kind != HEADING]
    sections = (content.groupby(["section_no", "section"], sort=True)
                .agg(first=("paragraph", "min"), last=("paragraph", "max"),
                     paragraphs=("paragraph", "size"), words=("words", "sum"))
                .reset_index())
    sections["reading_minutes"] = (sections["words"] / wpm).round(1)   # words: headings not counted
    sections = sections.rename(columns={"first": "first_paragraph", "last": "last_paragraph"})

    sent_rows = []
    for p in content.itertuples():
        for k, (s, e) in enumerate(sentence_spans(p.text), start=1):
            sent_rows.append({"paragraph": p.paragraph, "sentence": k, "text": p.text[s:e],
                              "start": p.start + s, "end": p.start + e})
    sentences = pd.DataFrame(sent_rows, columns=["paragraph", "sentence", "text", "start", "end"])
    return paragraphs, sections, sentences


# --------------------------------------------------------------------------------------------
# The Essay object
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Essay:
    """A loaded reading: its metadata, full text, and tables of paragraphs, sections and sentences.

    Made by ``load_essay()``, not directly. Its tables are pandas DataFrames: ``paragraphs`` (indexed by ¶
    number), ``sections``, ``sentences`` and ``set_aside`` (the web-page residue); ``text`` is essay.txt.

    Example:
        >>> essay = load_essay()
        >>> len(essay.paragraphs), len(essay.sections)
        (62, 10)
    """
    reading: str
    folder: Path
    meta: dict
    text: str
    paragraphs: pd.DataFrame
    sections: pd.DataFrame
    sentences: pd.DataFrame
    set_aside: pd.DataFrame
    _folded: str = field(repr=False, default="")

    @property
    def title(self) -> str:
        """The essay's title, from reading.yml.

        Returns:
            the title as text.
        Example:
            >>> load_essay().title[:13]
            'We are losing'
        """
        return self.meta["title"]

    @property
    def words(self) -> int:
        """Words of essay text, headings included, residue excluded: the essay's one word count.

        The sections table (``sections.words``) leaves headings out, so its sum is smaller by the words of
        the headings (for this essay 6,381 in all = 6,327 in the sections + 54 in the 8 headings).

        Returns:
            the number of words.
        Example:
            >>> load_essay().words
            6381
        """
        return int(self.paragraphs["words"].sum())

    def say_loaded(self, parts: dict | None = None) -> None:
        """Print the one line a Setup cell shows: what the package found in the essay file (learner review 21: the
        cell showed a newcomer the f-string that builds it; the facilitator's setup check quotes its start), and what
        else the cell loaded, counted (learner review 26: 02's and 03's Setup cells printed nothing, so a newcomer
        could not tell whether they had worked).

        Parameters:
            parts: what else the cell loaded, each a plain name for its rows (plural) and the table itself, in
                the order to name them; None (notebook 00) for the essay alone.
        Returns:
            nothing: it prints the line.
        Example:
            >>> load_essay().say_loaded()
            The essay is loaded: 62 numbered paragraphs (¶1–¶62) in 10 sections, 6,381 words.
            >>> load_essay().say_loaded({"quotations": [1, 2], "numbers": [3, 4, 5]})
            The essay is loaded: 62 numbered paragraphs (¶1–¶62) in 10 sections, 6,381 words. With it: 2
            quotations and 3 numbers.
        """
        n = len(self.paragraphs)
        line = (f"The essay is loaded: {n} numbered paragraphs (¶1–¶{n}) in {len(self.sections)} sections, "
                f"{self.words:,} words.")
        counted = [f"{len(rows):,} {name}" for name, rows in (parts or {}).items()]
        if counted:
            line += " With it: " + (", ".join(counted[:-1]) + " and " + counted[-1] if len(counted) > 1
                                    else counted[0]) + "."
        if not counted:
            print(line)         # notebook 00's one line, as the facilitator's setup check quotes it
            return
        from .text import say       # wrapped at word boundaries: a long line broke mid-word in a narrow window
        say(line)

    @property
    def reading_speed(self) -> float:
        """Words a minute, from reading.yml (``reading_speed_wpm``, default 200): the one reading speed every
        time in the package (lessons, pre-reading, handout) is computed at.

        Returns:
            words a minute, a number.
        Example:
            >>> load_essay().reading_speed
            200.0
        """
        return float(self.meta.get("reading_speed_wpm") or 200)

    @property
    def other_languages(self) -> dict[str, list[str]]:
        """Words of the essay in a language other than English, by language code, from reading.yml
        (``other_languages``); each is an exact span of the text. The pages the package builds mark them
        (``lang="es"``) so a screen reader speaks them in their own language.

        Returns:
            a dict from language code to the list of spans.
        Example:
            >>> load_essay().other_languages["es"][0]
            'Fuera JOH'
        """
        return {code: list(spans) for code, spans in (self.meta.get("other_languages") or {}).items()}

    def __repr__(self) -> str:
        return (f"<Essay {self.reading!r}: {len(self.paragraphs)} paragraphs (¶1–¶{len(self.paragraphs)}), "
                f"{len(self.sections)} sections, {len(self.sentences)} sentences, {self.words:,} words>")

    # -- finding things ---------------------------------------------------------------------
    def paragraph_at(self, offset: int) -> int | None:
        """The number of the paragraph that holds character ``offset`` of essay.txt.

        Parameters:
            offset: a position in essay.txt, counted in characters from 0 (``find`` gives one).
        Returns:
            the paragraph number (3 for ¶3), or None if the offset is in the residue or between paragraphs.
        Example:
            >>> essay = load_essay()
            >>> essay.paragraph_at(essay.find("We are losing."))
            3
        """
        p = self.paragraphs
        hit = p[(p.start <= offset) & (offset < p.end)]
        return int(hit.paragraph.iloc[0]) if len(hit) else None

    def find(self, span: str, start: int = 0) -> int:
        """Where ``span`` first occurs in essay.txt, matched exactly (quotes, dashes and capitals count).

        Parameters:
            span: the exact words to find; start: the offset to search from (default 0).
        Returns:
            the offset of the first character, or -1 if the words are not in the text.
        Example:
            >>> load_essay().find("no such words in the essay")
            -1
        """
        return self.text.find(span, start)

    def search(self, query: str, context: int = 40, regex: bool = False) -> pd.DataFrame:
        """Keyword in context: every match of ``query`` in the essay's paragraphs.

        Quotes, dashes, accents and case are folded, so ``coup d'etat`` finds ``coup d’etat`` and
        ``Hernandez`` finds ``Hernández``. The match and the text either side are widened to whole words,
        so ``election`` shows ``elections`` whole, and no word is shown cut in half.

        Parameters:
            query: the word or phrase to look for; context: about how many characters to show either side
            (default 40; widened to the nearest word boundary); regex: True to read ``query`` as a regular
            expression.
        Returns:
            a table with one row per match: paragraph, section, left, match, right (the match as printed in
            the essay, widened to whole words), and its offset in essay.txt (where the match starts).
        Spaces at the start or end of ``query`` are left out, and the search says so: "shot dead " (a space typed
        after it) would otherwise miss "shot dead." at the end of a sentence.

        Example:
            >>> load_essay().search("shot dead").paragraph.tolist()
            ['¶36', '¶40']
            >>> load_essay().search("shot dead ").paragraph.tolist()
            Looking for 'shot dead': the space at the end of 'shot dead ' is left out, so a match next to a full stop, a comma or a quotation mark is found too.
            ['¶36', '¶40']
        """
        if not query or not query.strip():
            raise UsageError("search needs some text to look for, e.g. essay.search('caravan')")
        if not regex and query != query.strip():
            ends = [where for where, extra in (("start", query != query.lstrip()), ("end", query != query.rstrip()))
                    if extra]
            spaces = "the spaces" if len(query) - len(query.strip()) > 1 else "the space"
            print(f"Looking for {query.strip()!r}: {spaces} at the {' and the '.join(ends)} of {query!r} "
                  f"{'are' if spaces == 'the spaces' else 'is'} left out, so a match next to a full stop, a comma or a "
                  "quotation mark is found too.")
            query = query.strip()
        pattern = re.compile(fold(query) if regex else re.escape(fold(query)))
        rows = []
        for m in pattern.finditer(self._folded):
            if m.end() == m.start():
                continue
            n = self.paragraph_at(m.start())
            if n is None:
                continue
            p = self.paragraphs.loc[n]
            start, end = m.start(), m.end()
            while start > p.start and self.text[start - 1].isalnum():   # "election" finds "elections" whole
                start -= 1
            while end < p.end and self.text[end].isalnum():
                end += 1
            lo, hi = max(p.start, start - context), min(p.end, end + context)
            while lo > p.start and not self.text[lo - 1].isspace():   # widen to the start of a word
                lo -= 1
            while hi < p.end and not self.text[hi].isspace():         # and to the end of one
                hi += 1
            left, right = self.text[lo:start], self.text[end:hi]
            rows.append({"paragraph": f"¶{n}", "section": p.section,
                         "left": left.replace("\n", " "), "match": self.text[start:end],
                         "right": right.replace("\n", " "), "offset": start})
        if not rows:
            print(f"No match for {query!r} in the essay. Try a shorter word, another spelling, or fewer words.")
        return pd.DataFrame(rows, columns=["paragraph", "section", "left", "match", "right", "offset"])

    def paragraph(self, n: int, width: int | None = 100) -> str:
        """Paragraph ¶n as citable text: its number, section and kind, then the text wrapped.

        Parameters:
            n: the paragraph number (3 for ¶3); width: the line length to wrap at (default 100; None: unwrapped).
        Returns:
            the text, with a first line such as ``¶3 · Introduction · body``.
        Example:
            >>> load_essay().paragraph(3)
            '¶3 · Introduction · body\\nWe are losing.'
        """
        if n not in self.paragraphs.index:
            raise UsageError(f"there is no ¶{n}: paragraphs run from ¶1 to ¶{len(self.paragraphs)}")
        p = self.paragraphs.loc[n]
        head = f"¶{n} · {p.section} · {p.kind}"
        if pd.notna(p.attribution):
            head += f" (attributed in ¶{p.attribution})"
        if pd.notna(p.introduced_in):
            head += f" (introduced in ¶{p.introduced_in})"
        if pd.notna(p.attribution_of):
            head += f" (attributes ¶{p.attribution_of})"
        return f"{head}\n{p.text}" if width is None else \
            f"{head}\n" + "\n".join(textwrap.fill(line, width) for line in p.text.split("\n"))

    def show(self, n: int | str, last: int | None = None, width: int = 100) -> None:
        """Print one paragraph, or a range of them, each with its number, section and kind.

        Use it to read the paragraphs a notebook sends you to: ``essay.show(20)`` prints ¶20,
        ``essay.show(20, 33)`` prints ¶20 to ¶33 one after another, under a first line that says which
        (“Showing ¶20 to ¶33 (14 paragraphs):”), and ``essay.show("¶20–¶33")`` does the same (the way the
        notebooks write a range).

        Parameters:
            n: the paragraph number (3 for ¶3), or a range written as text: "¶20–¶33", "20-33" or "¶20";
            last: the last paragraph of a range (leave it out for one paragraph);
            width: the line length to wrap at (default 100).
        Returns:
            nothing: it shows the text, typeset in a notebook (plain text, wrapped at ``width``, elsewhere).
        Example:
            >>> load_essay().show(3)
            ¶3 · Introduction · body
            We are losing.
            >>> load_essay().show("¶2–¶3")
            Showing ¶2 to ¶3 (2 paragraphs):
            <BLANKLINE>
            ¶2 · Introduction · attribution (attributes ¶1)
            —Ella Baker, Puerto Rico Solidarity Rally, 1974
            <BLANKLINE>
            ¶3 · Introduction · body
            We are losing.
        """
        first, last = _paragraph_range(n, last)
        if last < first:
            raise UsageError(f"the range ¶{first}–¶{last} runs backwards: write the smaller number first")
        shown = "\n\n".join(self.paragraph(k, None) for k in range(first, last + 1))
        if last > first:   # say what is shown, so a mistyped range is seen at once
            shown = f"Showing ¶{first} to ¶{last} ({last - first + 1} paragraphs):\n\n{shown}"
        say(shown, width)   # typeset in a notebook, so a narrow window never breaks a word

    def show_sentence(self, n: int, words: str, width: int = 100) -> None:
        """Print the one sentence of ¶``n`` that holds ``words``, under the paragraph's first line, and say how to read
        it whole: for a long paragraph another notebook prints in full, where this one needs a sentence of it
        (learner review 19: Bartolo Fuentes's ¶40, 265 words, printed whole in three notebooks).

        Parameters:
            n: the paragraph number; words: words of the sentence, as the essay has them; width: the line length.
        Returns:
            nothing: it shows the text, typeset in a notebook (plain text, wrapped at ``width``, elsewhere).
        Example:
            >>> load_essay().show_sentence(40, "Over 40 people")
            ¶40 · Birth of Migrant Caravans · block quotation (attributed in ¶41) (introduced in ¶39)
            Sentence 8 of 11 (essay.show(40) shows the whole paragraph):
            Over 40 people were shot dead during those protests.
        """
        head = self.paragraph(n, None).split("\n", 1)[0]
        own = self.sentences[self.sentences.paragraph == n]
        found = own[own.text.map(lambda t: fold(" ".join(words.split())) in fold(" ".join(t.split())))]
        if found.empty:
            raise UsageError(f"¶{n} has no sentence with the words {words!r}: copy them as the essay has them, or "
                             f"read the paragraph whole with essay.show({n})")
        row = found.iloc[0]
        say(f"{head}\nSentence {row.sentence - own.sentence.min() + 1} of {len(own)} ({WHOLE_PARAGRAPH.format(n=n)}):"
            f"\n{' '.join(row.text.split())}", width)


# show_sentence's pointer to the whole paragraph, for the screen; on paper (the facilitator's printed notes) it says
# where the paragraph is instead (tools.decks.on_paper)
WHOLE_PARAGRAPH = "essay.show({n}) shows the whole paragraph"
WHOLE_PARAGRAPH_ON_PAPER = "the reader's edition has ¶{n} whole"


def _paragraph_range(n, last) -> tuple[int, int]:
    """(first, last) from show()'s arguments: 20 / (20, 33) / "¶20–¶33" / "20-33" / "¶20"."""
    if isinstance(n, str):
        m = re.fullmatch(r"\s*¶?\s*(\d+)\s*(?:[–—-]\s*¶?\s*(\d+))?\s*", n)
        if not m:
            raise UsageError(f"show() reads a paragraph number or a range such as \"¶20–¶33\", not {n!r}")
        first, end = int(m.group(1)), int(m.group(2) or m.group(1))
        return first, end if last is None else int(last)
    return int(n), int(n if last is None else last)


@lru_cache(maxsize=8)
def _load_cached(folder: str, mtime_ns: int, meta_mtime_ns: int) -> Essay:
    path = Path(folder)
    meta = read_meta(path)
    text = read_text(path, meta)
    blocks = _blocks(text)
    body, record = _set_aside(text, blocks, meta, path / "reading.yml")
    paragraphs, sections, sentences = _structure(text, body, meta)
    for code, spans in (meta.get("other_languages") or {}).items():
        for span in spans:
            if not span.strip() or span not in text:
                raise EssayError(path / "reading.yml", f"other_languages.{code} lists {span!r}, which is not in "
                                 f"{meta['text_file']}.", "copy the words exactly as the essay has them "
                                 "(same capitals, accents and quotation marks), or remove the line.",
                                 f"other_languages.{code}")
    set_aside = pd.DataFrame(record, columns=["part", "text", "start", "end"])
    return Essay(path.name, path, meta, text, paragraphs, sections, sentences, set_aside, fold(text))


def load_essay(reading: str | Path = DEFAULT_READING) -> Essay:
    """Load a reading by folder name under seeds/ (default: this essay) or by path.

    Raises ``EssayError`` naming the file and the fix when a file is missing, not UTF-8, empty,
    truncated, or differs from the checksum recorded in reading.yml.

    Parameters:
        reading: a folder name under seeds/ (see ``readings()``), or a folder's path; default this essay.
    Returns:
        an ``Essay`` with its tables of paragraphs, sections and sentences.
    Example:
        >>> load_essay()
        <Essay 'we-are-losing': 62 paragraphs (¶1–¶62), 10 sections, 215 sentences, 6,381 words>
    """
    folder = reading_folder(reading)
    meta_path, text_path = folder / "reading.yml", folder / "essay.txt"
    stamp = lambda p: p.stat().st_mtime_ns if p.exists() else -1  # noqa: E731 - reload when a file changes
    meta = read_meta(folder)
    text_path = folder / meta["text_file"]
    return _load_cached(str(folder.resolve()), stamp(text_path), stamp(meta_path))


def readings() -> pd.DataFrame:
    """The readings available: every folder under seeds/ that has a reading.yml, with its title.

    Returns:
        a table with one row per reading: reading (the name to give ``load_essay``), title, series, issue.
    Example:
        >>> readings().reading.tolist()
        ['we-are-losing']
    """
    rows = []
    for folder in sorted(p for p in SEEDS.iterdir() if (p / "reading.yml").is_file()) if SEEDS.is_dir() else []:
        meta = read_meta(folder)
        rows.append({"reading": folder.name, "title": meta["title"], "series": meta.get("series", ""),
                     "issue": meta.get("issue", "")})
    return pd.DataFrame(rows, columns=["reading", "title", "series", "issue"])
