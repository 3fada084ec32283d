"""The hub sizing a facilitator reads (notebook 05) and the Zero to JupyterHub configuration an administrator uses
are computed from a measured run (hub/measured.yml, written by `make hub-check USERS=30 RECORD=1`) and held to it.
Fast: no hub is started here (tests/test_hub.py starts one)."""
from __future__ import annotations

import copy
import re

import pytest
import yaml

import helpers
from helpers import workshop
from helpers.essay import PROJECT
from tools import hub_sizing
from tools.hub import announcement

CONFIG = PROJECT / workshop.HUB_CONFIG
MEASURED = PROJECT / workshop.HUB_MEASURED


@pytest.fixture(scope="module")
def sizing():
    return workshop.hub_sizing(helpers.load_essay())


def test_the_measured_run_had_thirty_participants_and_all_succeeded():
    m = yaml.safe_load(MEASURED.read_text(encoding="utf-8"))
    assert m["participants"] == 30 and m["succeeded"] == 30, "record a run where all 30 participants succeeded"
    assert m["notebooks_run"] == ["00", "01"]
    t = m["click_to_first_output_s"]
    assert 0 < t["median"] <= t["p95"] <= t["max"]
    assert m["memory_mb"]["whole_hub_peak"] >= 30 * m["memory_mb"]["per_participant_median"] * 0.9
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", m["measured_on"]), "the date in words"


def test_the_configuration_has_the_measured_numbers(sizing):
    text = CONFIG.read_text(encoding="utf-8")
    assert hub_sizing.differences(sizing, text) == []
    config = yaml.safe_load(text)
    single = config["singleuser"]
    p = sizing["per_participant"]
    assert single["memory"] == {"guarantee": f"{p['memory_guarantee_mb']}M", "limit": f"{p['memory_limit_mb']}M"}
    assert single["cpu"] == {"guarantee": p["cpu_guarantee"], "limit": p["cpu_limit"]}
    assert config["cull"]["enabled"] is True and config["cull"]["timeout"] == sizing["cull_idle_minutes"] * 60
    assert single["defaultUrl"] == "/lab"
    assert config["hub"]["config"]["JupyterHub"]["template_vars"]["announcement"] == announcement()


def test_the_sizing_covers_what_was_measured(sizing):
    m, p, table = sizing["measured"], sizing["per_participant"], sizing["table"]
    assert p["memory_guarantee_mb"] >= m["memory_mb"]["per_participant_max"]
    assert p["memory_limit_mb"] > p["memory_guarantee_mb"]
    thirty = table.set_index("participants").loc[m["participants"]]
    assert thirty["memory (GB)"] * 1024 >= m["memory_mb"]["whole_hub_peak"], "the hub for 30 holds the measured 30"
    assert list(table.participants) == [10, 20, 30]
    assert table["memory (GB)"].is_monotonic_increasing and table["processor cores"].is_monotonic_increasing
    assert thirty["processor cores"] > m["machine"]["cores"], "more cores than the measured machine, which was slow"


def test_the_numbers_are_computed_from_the_measurement_not_written_by_hand(sizing):
    bigger = copy.deepcopy(sizing["measured"])
    bigger["memory_mb"]["per_participant_max"] *= 2
    bigger["cpu_s"]["per_participant_median"] *= 2
    again = workshop.hub_sizing(helpers.load_essay(), measured=bigger)
    assert again["per_participant"]["memory_guarantee_mb"] > sizing["per_participant"]["memory_guarantee_mb"]
    assert (again["table"]["memory (GB)"] > sizing["table"]["memory (GB)"]).all()
    assert (again["table"]["processor cores"] >= sizing["table"]["processor cores"]).all()
    assert hub_sizing.differences(again, CONFIG.read_text(encoding="utf-8")), "a new measurement shows as a difference"
    rewritten = hub_sizing.write(again, CONFIG.read_text(encoding="utf-8"))
    assert hub_sizing.differences(again, rewritten) == []
    assert f"guarantee: {again['per_participant']['memory_guarantee_mb']}M" in rewritten


def test_the_texts_say_the_same_numbers_in_english_and_spanish_in_plain_words(sizing):
    p = sizing["per_participant"]
    texts = [sizing["intro"], sizing["config_note"], *sizing["ask_admin"]]
    for pair in texts:
        numbers = {lang: re.findall(r"\d+(?:\.\d+)?", pair[lang]) for lang in ("en", "es")}
        assert sorted(numbers["en"]) == sorted(numbers["es"]), pair
        for lang in ("en", "es"):
            assert "{" not in pair[lang] and "Traceback" not in pair[lang]
            assert not re.search(r"\b[\w/-]+\.(?:ya?ml|py|txt|csv|json)\b", pair[lang]), f"a file name: {pair[lang]}"
    everything = " ".join(t["en"] for t in texts)
    assert f"{p['memory_guarantee_mb']} MB" in everything and f"{p['memory_limit_mb']} MB" in everything
    assert str(sizing["measured"]["succeeded"]) in sizing["intro"]["en"]
    shown = sizing["config"]
    assert "singleuser:" in shown and not re.search(r"^\s*#", shown, flags=re.M), "comments (file names) left out"


def test_the_hub_image_has_nbgitpuller_from_the_learner_requirements():
    requirements = (PROJECT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^nbgitpuller==\d+\.\d+\.\d+$", requirements, flags=re.M)
    assert "-r requirements.txt" in (PROJECT / "environment.yml").read_text(encoding="utf-8")
    assert "repo2docker" in CONFIG.read_text(encoding="utf-8")


def test_the_setup_page_has_a_hub_route_saying_what_the_hub_test_checks():
    handout = workshop.load_handout(helpers.load_essay())
    hub = next(r for r in handout["setup"]["routes"] if r["title"]["en"].startswith("D."))
    assert hub["title"]["es"].startswith("D.")
    steps = {lang: " ".join(s[lang] for s in hub["steps"]) for lang in ("en", "es")}
    # what tests/test_hub.py checks: the link opens 00 in JupyterLab; a second click keeps the participant's
    # changes; a failing page says to tell the facilitator and carry on on paper (the hub's announcement)
    assert "00" in steps["en"] and "JupyterLab" in steps["en"] and "keeps your own changes" in steps["en"]
    assert "conserva sus propios cambios" in steps["es"]
    for lang, words in (("en", ("five minutes", "tell the facilitator")), ("es", ("cinco minutos", "avisen"))):
        assert all(w in steps[lang] for w in words) and all(w in announcement() for w in words), lang


def test_participants_storage_never_hides_the_package_in_the_image():
    """repo2docker installs the package in /home/jovyan (`pip install -e .` points there): storage mounted on
    /home/jovyan would hide it and every first cell would fail with "No module named 'helpers'"."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    single = config["singleuser"]
    mount = single["storage"]["homeMountPath"]
    assert mount.startswith("/home/jovyan/") and mount.rstrip("/") != "/home/jovyan", mount
    assert single["notebookDir"] == mount, "JupyterLab opens in the kept storage, so nbgitpuller pulls into it"
    tested = (CONFIG.parent / "jupyterhub_config.py").read_text(encoding="utf-8")
    seconds = float(re.search(r"implicit_spawn_seconds = ([\d.]+)", tested).group(1))
    assert config["hub"]["config"]["JupyterHub"]["implicit_spawn_seconds"] == seconds, "as the tested hub does"


def test_the_loader_checks_the_run_and_the_sizing_is_computed_apart(sizing):
    """Issue #24: load_hub_sizing loads and checks (the rule of facilitation.yml, the figures of the run) and computes
    nothing; hub_sizing computes from what it loaded. A run without a figure is refused naming hub/measured.yml."""
    rule, run, figures = workshop.load_hub_sizing(helpers.load_essay(), measured=sizing["measured"])
    assert rule["group_sizes"] == list(sizing["table"].participants) and run is sizing["measured"]
    assert figures["per_participant_max"] == sizing["measured"]["memory_mb"]["per_participant_max"]
    broken = copy.deepcopy(sizing["measured"])
    del broken["machine"]["cores"]
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_hub_sizing(helpers.load_essay(), measured=broken)
    assert err.value.file.endswith("measured.yml") and "'cores' is missing." in str(err.value)
