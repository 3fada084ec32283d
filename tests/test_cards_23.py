"""Native Spanish review 23 (item 5) and facilitator review 23: the "¿Quién lo dijo?" cards were English only in the
version for Spanish readers, and card 3 (Marx) and card 9 (Fuentes, about 250 words) long to interpret in 15 minutes.
The cards for Spanish readers (print/cards-es) now print under each card's English quotation, which stays, the kit's
own Spanish in [brackets], marked as this material's translation, from cards_es.yml, which the loader checks."""
import html
import re

import pytest
import yaml

import helpers
from helpers.errors import AnnotationError
from helpers.quotations import load_cards_es, load_quotations, who_said_it_cards
from tools import editions


def _plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_every_card_of_the_spanish_version_has_its_rendering(essay):
    cards = who_said_it_cards(load_quotations(essay))
    spanish = load_cards_es(essay)
    page = editions.cards_html(answers=False, spanish=True)
    boxes = re.findall(r'<div class="card">(.*?)</div>\s*(?=<div class="card">|</div>)', page, re.S)
    assert len(boxes) == len(cards)
    for box, card in zip(boxes, cards.itertuples()):
        text = _plain(box)
        english, es = f"“{' '.join(card.quotation.split())}”", " ".join(spanish[card.id].split())
        assert english in text and es in text, card.card
        assert text.index(english) < text.index(es), f"card {card.card}: the Spanish comes under the English"
        # the kit's translation, said to be made from the essay's English (native Spanish review 25: cards 8 and 9
        # could be read as the speakers' own Spanish); the chant the essay gives in Spanish said to be so
        label = ("[en español en el ensayo]" if es == " ".join(card.quotation.split()) else
                 f"[Traducción de este material, hecha del inglés del ensayo: {es}]")
        assert label in re.sub(r"\s+\]", "]", re.sub(r"\[\s+", "[", text)), card.card
        assert card.speaker not in es or card.speaker.split()[-1] in card.quotation     # no answer given away
    # the English cards stay as they were: no Spanish of the quotations
    english_page = _plain(editions.cards_html(answers=False))
    assert "Traducción de este material" not in english_page
    assert all(" ".join(spanish[c].split()) not in english_page for c in cards.id if c != "Q22")


def _edit(folder, change):
    path = folder / "cards_es.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["cards"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        load_cards_es(helpers.load_essay(folder))
    return str(err.value)


def test_a_card_without_its_spanish_names_the_file_the_card_and_the_fix(reading_copy, essay):
    message = _edit(reading_copy, lambda cards: cards.pop("Q23"))
    assert "cards_es.yml" in message and "Q23" in message and "card 9" in message
    assert "from_en: " + helpers.workshop.english_fingerprint(
        who_said_it_cards(load_quotations(essay)).set_index("id").loc["Q23", "quotation"]) in message


def test_a_stale_spanish_card_names_the_file_the_card_and_the_fix(reading_copy):
    message = _edit(reading_copy, lambda cards: cards["Q02"].update(from_en="000000000000"))
    assert "cards_es.yml" in message and "Q02" in message and "000000000000" in message
    assert "translate Q02 again" in message


def test_spanish_for_no_card_is_refused(reading_copy):
    message = _edit(reading_copy, lambda cards: cards.update(Q99={"from_en": "0", "es": "algo"}))
    assert "cards_es.yml" in message and "Q99" in message and "not the quotation of any" in message
