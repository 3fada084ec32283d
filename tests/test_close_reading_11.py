"""The eleventh close reading (fidelity) of D18–D20, the flashpoints and the one-page summary: each test pins one
fix, and fails on the wording the review found (review11, close.md). The flashpoints' tests are in
test_close_reading_10.py, beside the rule they extend."""
from __future__ import annotations

import re


from helpers import summary
from helpers.anchoring import read_yaml

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _question(essay, qid: str) -> dict[str, str]:
    """One question's texts: the question, its prompts, likely answers and close, whitespace collapsed."""
    data = read_yaml(essay.folder / "discussion.yml")
    q = next(q for q in data["questions"] if q["id"] == qid)
    f = q["facilitation"]
    texts = {"question": q["question"], "close": f["close"]}
    texts |= {f"prompt {i}": p for i, p in enumerate(f["prompts"])}
    texts |= {f"likely {i}": a["answer"] for i, a in enumerate(f["likely"])}
    return {k: " ".join(v.split()) for k, v in texts.items()}


def test_d20_does_not_vouch_for_the_authors_reports_nor_turn_a_charge_into_a_fact(essay):
    """Finding 1: "three facts", "facts reported" and "its facts tie the U.S.-backed government to cocaine": the
    package vouched for unsourced reports, and ¶52's brother "is being charged" became the government's guilt."""
    texts = _question(essay, "D20")
    said = {k: v for k, v in texts.items() if re.search(r"\bfacts?\b", QUOTED.sub("", v))}
    assert not said, said
    assert "tie the U.S.-backed government" not in " ".join(texts.values())
    assert "“is being charged”" in texts["likely 4"] and "not a verdict" in texts["likely 4"]


def test_d20_keeps_both_halves_of_the_case_in_6(essay):
    """Finding 9: ¶6's case is U.S. policy in Honduras "and the social movement response to the migrant caravans"."""
    texts = _question(essay, "D20")
    assert ("the case of U.S. foreign policy in Honduras and the social movement response to the migrant caravans"
            in texts["question"])
    assert "and the social movement response to the migrant caravans" in texts["likely 0"]


def test_d20_does_not_offer_55_and_bds_as_the_essays_cases_for_53s_prediction(essay):
    """Finding 8: ¶55's examples are offered for internationalism (Point 2), BDS for Point 3; ¶53 says "can" and
    "need to", not "should"."""
    texts = _question(essay, "D20")
    assert "The cases the essay offers" not in texts["likely 3"]
    assert "Point 2" in texts["likely 3"] and "Point 3" in texts["likely 3"]
    assert "should do" not in texts["prompt 3"] and "can do or need to do" in texts["prompt 3"]


def test_d18_gives_the_authors_no_argument_39_does_not_make(essay):
    """Findings 6 and 10: the caravans as the resistance "carried on" was called the authors' argument (¶39 says
    many "lost hope and decided to flee"), ¶21–¶24 were dated "in 2009" in the package's voice, and ¶25's "But"
    became "the authors' claim that the U.S. decided the outcome" (C84 marks it the package's reading)."""
    texts = _question(essay, "D18")
    assert "is the authors' argument" not in texts["likely 2"] and "the package's reading" in texts["likely 2"]
    assert "“lost hope and decided to flee”" in texts["likely 2"]
    assert "in Honduras in 2009" not in texts["likely 2"] and "after the coup of June 28th, 2009 (¶20)" in texts["likely 2"]
    assert "decided the outcome" not in texts["likely 3"] and "the package's reading" in texts["likely 3"]
    assert "those in the caravans and those left behind" in texts["question"]


def test_d19_does_not_take_evidence_that_aid_continued_for_evidence_of_the_link(essay):
    """Finding 5: "All of this was made possible by" is asserted; the calls and the bill show the support
    continued; how far "All of this" reaches is the package's reading (C28), also in the close."""
    texts = _question(essay, "D19")
    assert "evidence for the U.S. part" not in texts["likely 3"]
    assert "continued" in texts["likely 3"] and "not that it made" in texts["likely 3"]
    assert "How far back “All of this” reaches" in texts["close"] and "C28" in texts["close"]
    assert "names those who did it" not in texts["question"] and "names the killers" not in texts["prompt 1"]
    assert "all of the major public institutions" in texts["likely 2"] and "primary investors" in texts["likely 1"]


def test_the_summary_shows_what_the_concession_grants_to_and_what_it_limits(essay):
    """Finding 7: the ¶45 concession stood with neither the objection it grants ("The argument could be made")
    nor the claim it limits (¶48's "grave mistake", C88), just before the cause (C39). Now C51 names both, and C88
    stands between the concession and the cause, in English and Spanish."""
    s = summary.load_summary(essay)
    order = [cid for cid in s.index if s.loc[cid, "place"] == "P1" and cid != "P1"
             and s.loc[cid, "type"] != "recommendation"]      # close reading 21: ¶53's asks follow
    assert order == ["C51", "C88", "C39"], order
    assert "The argument could be made" in s.loc["C51", "text"] and "¶48" in s.loc["C51", "text"]
    assert "The argument could be made" in s.loc["C51", "es"] and "¶48" in s.loc["C51", "es"]
    assert "a grave mistake" in s.loc["C88", "text"] and "a grave mistake" in s.loc["C88", "es"]
