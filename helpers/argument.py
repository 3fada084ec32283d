"""The essay's argument (seeds/<reading>/argument.yml) as checked pandas tables, and an Argdown export.

``load_argument(essay)`` reads the thesis, the three numbered points, the claims with what each does
(``relation`` to another id: supports, explains, illustrates, qualifies, recommends), the counterarguments
with the essay's replies, the framings and the historical parallels; it checks every span against the
text, every ``to`` against the ids, and the type, relation and basis vocabularies against each other. It fails
with the row and the fix. That every sentence carries a claim or a reason is the sentence ledger's check
(``helpers.ledger``, ledger.yml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .rules import anchored, declaration, default_vocabulary, load_entries, load_one, said
from .essay import Essay
from .qualifiers import NOTE as QUALIFIER_NOTE, check_kept, load_qualifiers

FILE = "argument.yml"
CLAIMS = "argument.yml claims"          # the claims' declaration in the reading's schema.yml
# What a claim does to the id in its `to:`, read "<claim> <relation> <to>". "explained by" is the reverse
# of "explains": it hangs a fact under the summary that accounts for it (see argument.yml's header).
RELATION_MEANING = {
    "supports": "a reason offered for believing the claim it points to",
    "explains": "accounts for what the other claim describes (says why or how it came about)",
    "illustrates": "an example or case of the claim it points to",
    "qualifies": "a concession that limits the claim it points to",
    "recommends": "a call to act that puts the claim it points to into practice",
    "extends": "says how far the claim it points to reaches (where else it applies): scope, not a reason",
}
# "explained by" is not a relation of its own but "explains" read backwards; the table shows it too.
RELATION_MEANING_ALL = {**RELATION_MEANING,
                        "explained by": "the reverse of explains: the claim it points to accounts for this one "
                                        "(the arrow runs from the explanation to what it explains)"}
BASIS_MEANING = {
    # "her memoir" (¶25) names a publication by its author and kind, without a title: a reader can find it, so cited
    "cited": "the essay names something a reader could look up: a document or a publication (by its title, or by "
             "its author and kind, as \"her memoir\"), a dated interview or a dated call",
    "attributed": "rests on the word of a named actor or an unnamed witness, with no source to look up",
    # An act the essay reports without a source (even a spoken act, such as a press statement or a "joke") is
    # "none given": the essay rests nothing on that person's word.
    "own account": "the authors' own review or experience",
    "none given": "stated without a source, or an act (even a spoken one) reported without one",
    "argued": "a conclusion or recommendation: backed by the claims under it",
}
TYPE_MEANING = {
    "premise": "a statement, general or particular, the argument builds on without arguing for it there",
    "evidence": "a fact, event or case the essay reports",
    "conclusion": "something the authors argue for: other claims support or explain it",
    "recommendation": "what the authors say movements should do",
    "concession": "a point the authors grant, which limits one of their own claims",
}
# Who draws a claim's arrow: the essay (its words make the link: "All of this…", "These are just two small
# examples"), or the package, where the essay leaves the link implicit (`link: the package's reading`; the
# paraphrase then says so and names the other reading). The map marks the second kind on the arrow itself.
PACKAGE_LINK = "the package's reading"
# What each span of the thesis is (argument.yml, `role:` on a span; "thesis" when left out; the words are declared in
# schema.yml, 'argument.yml spans', and explained here). A text that anchors the thesis cites the ¶ of the spans it
# draws on: "stated in" the ¶ of the "thesis" spans, the plain sentence the ¶ of every span but the aim
# (``Argument.thesis_at``).
THESIS_ROLES = {"thesis": "the authors' own statement of the thesis",
                "contradiction": "the lacks that \"this contradiction\" names, in the package's reading",
                "aim": "the aim the essay announces for itself; the paraphrase starts from it, the plain sentence does not"}
BRIEF_WORDS = 10     # the first words of a point that ``Argument.in_brief`` gives (the maps print it whole)
_DECLARED = {"TYPES": "type", "RELATION_WORDS": "relation", "BASES": "basis", "LINKS": "link"}


def __getattr__(name: str):
    """TYPES, RELATIONS, RELATION_WORDS, BASES, LINKS and CLAIM_FIELDS of the default reading, from schema.yml."""
    if name == "RELATIONS":        # "explained by" is "explains" read backwards, not a relation of its own
        return tuple(r for r in default_vocabulary(CLAIMS, "relation") if r != "explained by")
    if name == "CLAIM_FIELDS":
        from .essay import DEFAULT_READING, SEEDS
        return tuple(f for f in declaration(SEEDS / DEFAULT_READING, CLAIMS)["columns"] if f not in ("link", QUALIFIER_NOTE))
    if name not in _DECLARED:
        raise AttributeError(name)
    return default_vocabulary(CLAIMS, _DECLARED[name])


@dataclass(frozen=True, eq=False)
class Argument:
    """The essay's argument map: thesis, points, claims and how they connect, as tables.

    Load it with ``load_argument(essay)``; each table is a pandas DataFrame you can show with
    ``helpers.table(...)``.

    Example:
        >>> import helpers
        >>> argument = helpers.load_argument(helpers.load_essay())
        >>> list(argument.points.id)
        ['P1', 'P2', 'P3']
    """
    thesis: pd.DataFrame            # one row per span of the thesis
    points: pd.DataFrame            # the three numbered strategic points
    claims: pd.DataFrame            # every claim, with its relation to the id in `to`
    links: pd.DataFrame             # source -relation-> target, one row per claim and point (explained by reversed)
    counterarguments: pd.DataFrame  # objection, concession (if any) and reply, each anchored
    framings: pd.DataFrame          # the two rejected narratives and the proposed framing
    parallels: pd.DataFrame         # historical parallels: passages and what each shows
    thesis_paraphrase: str
    thesis_plain: str = ""               # the thesis in one plain sentence (ours), for a first reading
    title: str = "The argument"          # the map's title, from reading.yml: the essay's short title and its year

    def thesis_at(self, *roles: str) -> str:
        """The ¶ numbers of the thesis's spans of the given roles (all but the aim when none is given), as "¶9–¶10".

        Parameters:
            roles: roles of ``THESIS_ROLES`` ("thesis", "contradiction", "aim").
        Returns:
            the paragraphs, listed as a reader cites them.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.thesis_at("thesis"), argument.thesis_at()
            ('¶10', '¶9–¶10')
        """
        from .text import paragraph_list
        spans = self.thesis[self.thesis.role.isin(roles)] if roles else self.thesis[self.thesis.role != "aim"]
        return paragraph_list(sorted(set(spans.paragraph)))

    def rows(self) -> dict:
        """Every box of the map (the thesis, the points, the claims) as plain records, by id: what ``nodes`` gives
        as a table, read straight from the argument's tables, so a figure that looks boxes up hundreds of times does
        not make a pandas row for each look-up (session 27: 2,448 look-ups made 01's maps a fifth slower).

        Returns:
            a dict from id to a record, in the order of ``nodes``: ``row.type``, ``row["at"]``,
            ``row.get("link")`` and ``row.name`` (the id) read as on a row of ``nodes()``.
        Example:
            >>> import helpers
            >>> rows = helpers.load_argument(helpers.load_essay()).rows()
            >>> rows["C20"].paragraph, rows["P1"].to, rows["T"]["at"]
            (20, 'T', '¶6, ¶9–¶10')
        """
        from .text import paragraph_list
        th = self.thesis
        out = {"T": _NodeRow({"id": "T", "type": "thesis", "paraphrase": self.thesis_paraphrase,
                             "span": " / ".join(th.span), "paragraph": int(th.paragraph.max()), "to": None,
                             "relation": None, "link": None, "at": paragraph_list(sorted(set(th.paragraph)))})}
        essays_link = default_vocabulary(CLAIMS, "link", self.claims)[0]
        for id_, span, paragraph in zip(self.points.id, self.points.span, self.points.paragraph):
            out[id_] = _NodeRow({"id": id_, "type": "point", "paraphrase": span, "span": span, "paragraph": paragraph,
                                "to": "T", "relation": "supports", "link": essays_link, "at": f"¶{paragraph}"})
        c = self.claims
        for id_, type_, paraphrase, span, paragraph, to, relation, link in zip(
                c.id, c.type, c.paraphrase, c.span, c.paragraph, c.to, c.relation, c.link):
            out[id_] = _NodeRow({"id": id_, "type": type_, "paraphrase": paraphrase, "span": span,
                                "paragraph": paragraph, "to": to, "relation": relation, "link": link,
                                "at": f"¶{paragraph}"})
        return out

    def below_counts(self) -> dict:
        """How many claims stand under each box of the map, however deep (what ``len(branch(id_))`` counts, for
        every box at once, from one pass over the claims).

        Returns:
            a dict from id to a number; a box with nothing under it is not in it.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.below_counts()["C32"] == len(argument.branch("C32"))
            True
        """
        children: dict = {}
        for id_, to in zip(self.claims.id, self.claims.to):
            children.setdefault(to, []).append(id_)
        counts = {}
        for root in children:
            below, frontier = set(), {root}
            while frontier:
                found = {c for f in frontier for c in children.get(f, ())}
                frontier = found - below
                below |= found
            counts[root] = len(below)
        return counts

    def node(self, id_: str) -> pd.Series:
        """One box of the map (the thesis, a point or a claim), looked up by its id.

        Parameters:
            id_: the id, such as "T", "P1" or "C20".
        Returns:
            a row with its id, type, paraphrase, span (the essay's words), paragraph, and the id it points to.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> int(argument.node("C20").paragraph)
            20
        """
        return self.nodes().loc[id_]

    def nodes(self) -> pd.DataFrame:
        """Every box of the map in one table: the thesis, the three points and every claim.

        Returns:
            a table indexed by id, with type, paraphrase, span, paragraph, to, relation, link (who draws the
            arrow: "the essay's", or "the package's reading" where the essay leaves it implicit) and at (the ¶
            numbers it stands in: the thesis has several).
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> list(argument.nodes().id[:4])
            ['T', 'P1', 'P2', 'P3']
        """
        from .text import paragraph_list
        t = pd.DataFrame([{"id": "T", "type": "thesis", "paraphrase": self.thesis_paraphrase,
                           "span": " / ".join(self.thesis.span), "paragraph": int(self.thesis.paragraph.max()),
                           "to": None, "relation": None, "link": None,
                           "at": paragraph_list(sorted(set(self.thesis.paragraph)))}])
        essays_link = default_vocabulary(CLAIMS, "link", self.claims)[0]
        p = self.points.assign(type="point", to="T", relation="supports", link=essays_link,
                               paraphrase=self.points.span)[["id", "type", "paraphrase", "span", "paragraph", "to",
                                                             "relation", "link"]]
        c = self.claims[["id", "type", "paraphrase", "span", "paragraph", "to", "relation", "link"]]
        out = pd.concat([t, p, c], ignore_index=True).set_index("id", drop=False)
        out["at"] = out["at"].where(out["at"].notna(), "¶" + out.paragraph.astype(str))
        return out

    def named(self, id_: str, words: int = 8) -> str:
        """A box of the map named in words (learner review 19: a column of bare ids told a reader nothing; review 21:
        nor did an id beside the words, in a notebook that calls the ids a reference "you will not need"): "the
        thesis", "point 2", or the first ``words`` words of a claim's paraphrase (the package's line, not the essay's
        words) and, in brackets, what the claim is and where it stands, as its box's first line says it.

        Parameters:
            id_: the id of a box ("T", "P1", "C20", …);
            words: how many words of a claim's paraphrase to keep ("…" marks that it goes on).
        Returns:
            the name, as text.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.named("P2"), argument.named("C65", words=4)
            ('point 2', "Though the essay's main… (conclusion, ¶55)")
        """
        if id_ == "T":
            return "the thesis"
        if id_ in set(self.points.id):
            return f"point {id_[1:]}"
        row = self.rows()[id_]
        cut = str(row.paraphrase).split()
        kept = " ".join(cut[:words]).rstrip(",;:") + ("…" if len(cut) > words else "")
        # a cut inside a quotation closes it (close reading 22: 'movements "desperately…' left the quotation open)
        kept += '"' * (kept.count('"') % 2) + "”" * max(kept.count("“") - kept.count("”"), 0)
        return kept + f" ({row.type}, ¶{row.paragraph})"

    def branch(self, root: str, to_in_words: bool = False) -> pd.DataFrame:
        """Every claim further down the map from ``root``, however deep, in the order they appear in the essay.

        Parameters:
            root: the id at the top of the branch ("P2", "C32", …);
            to_in_words: give the box each claim points to in words, its type and ¶ beside them (``named``), in a
                column "points to" in place of ``to``.
        Returns:
            a table of claims (id, type, relation, to, basis, paragraph, paraphrase, span, …).
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.branch("C32").id.tolist()
            ['C36', 'C37', 'C38', 'C86']
        """
        below, frontier = set(), {root}
        while frontier:
            children = set(self.claims[self.claims.to.isin(frontier)].id)
            frontier = children - below
            below |= children
        out = self.claims[self.claims.id.isin(below)].sort_values("start")
        if to_in_words:
            out = out.assign(to=out.to.map(self.named)).rename(columns={"to": "points to"})
        return out

    def under(self, id_: str) -> pd.DataFrame:
        """The claims drawn directly under ``id_`` (one step down the map), in reading order.

        Parameters:
            id_: the id above them ("T", "P1", "C28", …).
        Returns:
            a table of claims, like ``branch`` but only one level deep.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.under("T").id.tolist()
            ['C01', 'C82', 'C89', 'C78']
        """
        return _children_of(self.claims, id_)

    def point_of(self, id_: str) -> str:
        """The point (P1–P3) a claim sits under, or "T" for claims that stand directly under the thesis.

        Parameters:
            id_: a claim id.
        Returns:
            "P1", "P2", "P3" or "T".
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.point_of("C20")
            'P1'
        """
        parent = dict(zip(self.claims.id, self.claims.to))
        while id_ in parent and parent[id_] not in set(self.points.id) | {"T"}:
            id_ = parent[id_]
        return parent.get(id_, id_)

    def by_point(self) -> pd.DataFrame:
        """How many claims of each type sit under each point (and directly under the thesis).

        Returns:
            a table: one row per point ("point 1" …) and one for the claims directly under the thesis
            ("directly under the thesis"), one column per type, and a total.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> int(argument.by_point()["total"].sum()) == len(argument.claims)
            True
        """
        def named(i: str) -> str:      # words, no code (issue 19, item 1; learner review 21, 5)
            return "directly under the thesis" if i == "T" else f"point {i[1:]}"
        c = self.claims.assign(under=[named(self.point_of(i)) for i in self.claims.id])
        types = default_vocabulary(CLAIMS, "type", c)
        table = pd.crosstab(c.under, c.type).reindex(columns=list(types), fill_value=0)
        table = table.reindex(sorted(table.index, key=lambda name: (name.endswith("thesis"), name)))   # the points first
        table["total"] = table.sum(axis=1)
        return table.rename_axis(index="under", columns=None)

    def basis_by_section(self) -> pd.DataFrame:
        """How premises, evidence and concessions are backed, counted by section.

        Returns:
            a table: one row per section and a last row "All sections"; columns cited, attributed,
            own account, none given, total.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.basis_by_section().index[-1]
            'All sections'
        """
        c = self.claims[self.claims.basis != "argued"]
        table = pd.crosstab([c.section_no, c.section], c.basis).reindex(
            columns=[b for b in default_vocabulary(CLAIMS, "basis", c) if b != "argued"], fill_value=0)
        table["total"] = table.sum(axis=1)
        table.loc[(99, "All sections"), :] = table.sum()
        return table.astype(int).droplevel(0).rename_axis(index="section", columns=None)

    def backed(self, paragraphs=None, leave_out=()) -> pd.DataFrame:
        """The claims the essay backs with something besides its say-so: cited, attributed or its own account.

        Parameters:
            paragraphs: paragraph numbers to keep (default all); leave_out: paragraph numbers to leave out
            (an exercise asks about them).
        Returns:
            a table of claims in reading order (id, paragraph, basis, span, paraphrase, …).
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> sorted(set(argument.backed().basis))
            ['attributed', 'cited', 'own account']
            >>> 20 in set(argument.backed(leave_out=range(20, 27)).paragraph)
            False
        """
        c = self.claims
        c = c[c.basis.isin(["cited", "attributed", "own account"]) & ~c.paragraph.isin(list(leave_out))]
        if paragraphs is not None:
            c = c[c.paragraph.isin(list(paragraphs))]
        return c.sort_values("start")

    def show_backed(self, paragraphs=None, leave_out=None):
        """Show, in the essay's words, the claims backed by more than the authors' say-so (cited, attributed or
        their own account): ``backed`` as a table to read, one row per claim.

        Parameters:
            paragraphs: optional; the paragraphs to keep, written as ``essay.show`` reads them: "¶20–¶26" or 25.
            leave_out: optional; paragraphs to leave out, written the same way (an exercise asks about them).
        Returns:
            a table (``helpers.table``) that a notebook shows: ¶, basis, the essay's words (no code: review 21).
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> print(repr(argument.show_backed("¶26")).splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
            paragraph  basis  in the essay's words
        """
        from .display import table
        from .essay import _paragraph_range

        def numbers(which):
            if which is None:
                return None
            if isinstance(which, (int, str)):
                first, last = _paragraph_range(which, None)
                return range(first, last + 1)
            return which
        rows = self.backed(paragraphs=numbers(paragraphs), leave_out=numbers(leave_out) or ())
        return table(rows, columns=["paragraph", "basis", "span"], rows="all",
                     rename={"span": "in the essay's words"})

    def narratives(self, essay: Essay) -> pd.DataFrame:
        """The two narratives the essay rejects and the framing it proposes, side by side, to read: how each sees
        migrants and what it leads to, in the essay's words, each with its ¶. What a narrative leads to is given as
        the whole sentence its span stands in (the span alone, "left the only policy questions on the table", is
        a fragment); a sentence said of two narratives together is printed once, and the next row says so. Where the essay does not
        state a framing's view itself, the row's note says what its words are (after the ¶).

        Parameters:
            essay: the essay, from ``helpers.load_essay()`` (for the sentences).
        Returns:
            a table: "narrative", "how it sees migrants", "what it leads to".
        Example:
            >>> import helpers
            >>> essay = helpers.load_essay()
            >>> helpers.load_argument(essay).narratives(essay).columns.tolist()
            ['narrative', 'how it sees migrants', 'what it leads to']
        """
        s = essay.sentences

        def sentence(paragraph: int, span: str) -> str:
            found = s[(s.paragraph == paragraph) & s.text.str.contains(span, regex=False)].text
            return found.iloc[0] if len(found) else span

        rows, said = [], {}
        for f in self.framings.itertuples():
            whole = sentence(f.leads_to_paragraph, f.leads_to)
            if whole in said:
                leads = f"the same sentence as for {said[whole]} (¶{f.leads_to_paragraph} says it of both together)"
            else:
                said[whole] = f.name[0].lower() + f.name[1:]
                leads = f"{whole} (¶{f.leads_to_paragraph})"
            note = getattr(f, "sees_migrants_as_note", "")
            note = f"; {note}" if isinstance(note, str) and note else ""
            rows.append({"narrative": f.name, "how it sees migrants": f"{f.sees_migrants_as} (¶{f.sees_migrants_as_paragraph}{note})",
                         "what it leads to": leads})
        return pd.DataFrame(rows, columns=["narrative", "how it sees migrants", "what it leads to"])

    def in_brief(self) -> str:
        """The rest of the argument in brief, for a short route: points 2 and 3 (the ¶ that states each, its first
        words and the section that argues it), then every objection the essay answers, by its short name, with where the
        essay raises it, where it grants part of it (if it does) and where it answers it.

        Returns:
            plain text, one paragraph per point and one numbered line per objection, made from the argument map.
        Example:
            >>> import helpers
            >>> text = helpers.load_argument(helpers.load_essay()).in_brief()
            >>> "Point 2 (¶12)" in text and "stated in ¶45, granted in part in ¶45, answered in ¶48 (in" in text
            True
        """
        from .text import paragraph_list
        lines = ["Points 2 and 3, which the essay argues after point 1:", ""]
        for pt in self.points[self.points.number > 1].itertuples():
            where = " and ".join(f'"{s}"' for s in pt.sections)
            opening = " ".join(pt.span.split()[:BRIEF_WORDS])   # its first words: the map prints it whole
            lines += [f'Point {pt.number} (¶{pt.paragraph}), argued in the section {where}: "{opening}…"', ""]
        lines += [f"The {len(self.counterarguments)} views the argument map records the essay arguing against "
                  "(objections and rival narratives), with where it states each, where it grants part of one, and "
                  "where it answers it:", ""]
        for n, ca in enumerate(self.counterarguments.itertuples(), start=1):
            def at(field: str) -> list[int]:
                value = getattr(ca, f"{field}_paragraph", None)
                return [int(value)] if pd.notna(value) else []
            said_where = [f"stated in {paragraph_list(at('objection'))}"]
            if at("concession"):
                said_where.append(f"granted in part in {paragraph_list(at('concession'))}")
            reading = " (in the package's reading)" if getattr(ca, "reply_reading", None) == "package" else ""
            said_where.append(f"answered in {paragraph_list(sorted(set(at('reply') + at('reply_more'))))}{reading}")
            lines.append(f"{n}. {ca.brief or ca.name}: {', '.join(said_where)}.")
        return "\n".join(lines)

    def to_argdown(self) -> str:
        """The argument in Argdown syntax (https://argdown.org), for other argument-mapping tools.

        Argdown draws support (+) and attack (-); the package's finer relations travel as tags, so
        #supports, #explains, #explained-by, #illustrates, #qualifies, #recommends and #extends survive the export.
        "explained by" is written as outgoing support (``+>``): the claim above accounts for the one below.

        Returns:
            the whole map as Argdown text, one claim per line.
        Example:
            >>> import helpers
            >>> argument = helpers.load_argument(helpers.load_essay())
            >>> argument.to_argdown().splitlines()[0]
            '==='
        """
        sign = {"supports": "<+", "explains": "<+", "illustrates": "<+", "recommends": "<+", "extends": "<+",
                "qualifies": "<-", "explained by": "+>"}

        def walk(id_, indent):
            lines = []
            for row in self.claims[self.claims.to == id_].sort_values("start").itertuples():
                tag = row.relation.replace(" ", "-")
                lines.append(f"{'    ' * indent}{sign[row.relation]} <{row.id}>: {row.paraphrase} "
                             f"#{tag} #{row.type} (¶{row.paragraph})")
                lines.extend(walk(row.id, indent + 1))
            return lines

        out = ["===", f"title: {self.title}", "===", "",
               "// Generated by helpers.argument.Argument.to_argdown(); edit argument.yml, not this text.",
               "// '<+' the claim below supports, explains, illustrates, recommends or extends the one above (see its tag);",
               "// '<-' it qualifies it (a concession); '+>' the claim above explains the one below.",
               "// Tags give the relation and the claim type; (¶N) the paragraph.", "",
               f"[T]: {self.thesis_paraphrase} #thesis (¶{int(self.thesis.paragraph.max())})"]
        for row in self.claims[self.claims.to == "T"].sort_values("start").itertuples():
            out.append(f"    {sign[row.relation]} <{row.id}>: {row.paraphrase} #{row.relation.replace(' ', '-')} "
                       f"#{row.type} (¶{row.paragraph})")
            out.extend(walk(row.id, 2))
        for p in self.points.itertuples():
            out.append(f"    <+ <{p.id}>: {p.span} #supports #point (¶{p.paragraph})")
            out.extend(walk(p.id, 2))
        return "\n".join(out) + "\n"


class _NodeRow:
    """One box of the argument map as a plain record (``Argument.rows``): its fields read as attributes or items,
    as on a row of ``Argument.nodes()``; ``name`` is its id, as a row's name is."""
    __slots__ = ("_fields", "name")

    def __init__(self, fields: dict):
        self._fields = fields
        self.name = fields["id"]

    def __getattr__(self, field: str):
        try:
            return self._fields[field]
        except KeyError:
            raise AttributeError(field) from None

    def __getitem__(self, field: str):
        return self._fields[field]

    def get(self, field: str, default=None):
        return self._fields.get(field, default)

    def __repr__(self) -> str:
        return f"_NodeRow({self._fields!r})"


def _children_of(claims: pd.DataFrame, id_: str) -> pd.DataFrame:
    return claims[claims.to == id_].sort_values("start")


def vocabulary(kind: str) -> pd.DataFrame:
    """The package's words for a claim's "type", "relation" or "basis", each with what it means.

    Parameters:
        kind: "type", "relation" or "basis".
    Returns:
        a two-column table: the word, and what it means.
    Example:
        >>> vocabulary("basis").basis.tolist()
        ['cited', 'attributed', 'own account', 'none given', 'argued']
    """
    meaning = {"type": TYPE_MEANING, "relation": RELATION_MEANING_ALL, "basis": BASIS_MEANING}[kind]
    return pd.DataFrame({kind: list(meaning), "what it means": list(meaning.values())})


def load_argument(essay: Essay) -> Argument:
    """Load the argument map (argument.yml) and check every span against the essay.

    If something in argument.yml is wrong, it stops with the file, the row and how to fix it.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        an ``Argument``: thesis, points, claims, links, counterarguments, framings, parallels.
    Example:
        >>> import helpers
        >>> argument = load_argument(helpers.load_essay())
        >>> argument.node("T").type
        'thesis'
    """
    path = essay.folder / FILE
    sections = essay.paragraphs.set_index("paragraph")[["section_no", "section"]]
    # every paraphrase keeps the qualifiers of its span (qualifiers.yml), or says why under qualifier_note
    qualifiers = load_qualifiers(essay.folder)

    # thesis
    th = load_one(essay, f"{FILE} thesis")
    thesis = pd.DataFrame([anchored(essay, s, path, "thesis", "thesis.spans") for s in th["spans"]])
    thesis["role"] = load_entries(essay, f"{FILE} spans", th).role       # roles declared in schema.yml
    check_kept(qualifiers, " / ".join(thesis.span), th["paraphrase"], th[QUALIFIER_NOTE] or None, path, "thesis")
    # the plain sentence is what the participant packet prints: it keeps them too, or says why (plain_qualifier_note)
    check_kept(qualifiers, " / ".join(thesis.span), th["plain"], th["plain_qualifier_note"] or None, path, "thesis",
               "plain sentence", "plain_qualifier_note")

    # points: exactly the numbered list items, in order; the sections they name are the essay's
    points = load_entries(essay, f"{FILE} points")
    numbered = essay.paragraphs[essay.paragraphs.marker.str.match(r"\d")]
    for pt in points.itertuples():
        item = essay.paragraphs.loc[pt.paragraph]
        if item.kind != "list item" or pt.span != item.text or item.marker != f"{pt.number}.":
            raise said(essay.folder, f"{FILE} points", "not the item", pt.row, **pt._asdict())
    points = points[["id", "number", "paragraph", "span", "start", "end", "sections"]]
    if list(points.number) != list(range(1, len(numbered) + 1)):
        raise said(essay.folder, f"{FILE} points", "not the list", "points", listed=list(points.number),
                   n=len(numbered))

    # claims: fields, vocabularies and rules declared in schema.yml ("argument.yml claims")
    claims = load_entries(essay, CLAIMS)
    for c in claims.itertuples():
        check_kept(qualifiers, c.span, c.paraphrase, c.qualifier_note or None, path, c.row)
    claims["section_no"] = [int(sections.loc[p].section_no) for p in claims.paragraph]
    claims["section"] = [sections.loc[p].section for p in claims.paragraph]
    claims = claims[["id", "type", "relation", "to", "basis", "paraphrase", "paragraph", "span", "start", "end",
                     "section_no", "section", "link"]]

    ids = ["T", *points.id, *claims.id]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise said(essay.folder, CLAIMS, "id twice", f"claims ({dupes[0]})", id=dupes[0])
    types = dict(zip(claims.id, claims.type))
    for c in claims.itertuples():
        if c.relation == "supports" and types.get(c.to) == "premise":
            raise said(essay.folder, CLAIMS, "supports a premise", f"claims ({c.id})", to=c.to)
    # every chain of `to` ends at a point or the thesis, with no loops: checked as schema.yml declares (chain)
    explained = claims.relation == "explained by"
    links = pd.DataFrame({"source": claims.id.where(~explained, claims.to),
                          "relation": claims.relation.where(~explained, "explains"),
                          "target": claims.to.where(~explained, claims.id),
                          "source_type": claims.type.where(~explained, claims.to.map(types))})
    links = pd.concat([links, pd.DataFrame({"source": points.id, "relation": "supports", "target": "T",
                                            "source_type": "point"})], ignore_index=True)


    # counterarguments, framings, parallels
    counter = load_entries(essay, f"{FILE} counterarguments")
    for ca in counter.itertuples():
        if ca.how and isinstance(ca.concession, str):
            # `how` restates what the authors grant; the objection and reply it only summarises
            check_kept(qualifiers, ca.concession, ca.how, ca.qualifier_note or None, path, ca.row, "how")
    counter = counter.drop(columns=["row", "qualifier_note"])
    framings = load_entries(essay, f"{FILE} framings").drop(columns="row")
    parallels = load_entries(essay, f"{FILE} parallels")
    parallels["paragraphs"] = [sorted(set(p)) for p in parallels.passages_paragraphs]
    parallels = parallels[["id", "name", "source_as_given", "paragraphs", "passages", "used_to_show", "supports"]]

    year = re.search(r"\d{4}", str(essay.meta.get("issue", "")))
    title = f'The argument of "{essay.title.split(":")[0]}"' + (f" ({year[0]})" if year else "")
    return Argument(thesis, points, claims, links, counter, framings, parallels, th["paraphrase"],
                    thesis_plain=th["plain"], title=title)
