"""One name per person or organisation across articles (analysis.entities.identity), and the
Compare tab reading them as one."""
from __future__ import annotations

from analysis.entities.identity import corpus_names

from .apptest import open_tab, upload


def test_forms_of_one_person_are_one_name():
    names = corpus_names([("Donald J. Trump", True), ("Donald Trump", True), ("Donald Trump", True),
                          ("Trump", True), ("Joseph R. Biden Jr.", True), ("Joe Biden", True), ("Biden", True)])
    assert {names[n] for n in ("Donald J. Trump", "Donald Trump", "Trump")} == {"Donald Trump"}
    assert {names[n] for n in ("Joseph R. Biden Jr.", "Joe Biden", "Biden")} == {"Joe Biden"}


def test_a_surname_shared_by_two_people_stays_apart():
    names = corpus_names([("Donald Trump", True), ("Ivanka Trump", True), ("Trump", True)])
    assert names["Trump"] == "Trump" and names["Ivanka Trump"] == "Ivanka Trump"


def test_an_acronym_joins_the_organisation_it_spells_and_people_stay_people():
    names = corpus_names([("S.E.C.", False), ("Securities and Exchange Commission", False),
                          ("Mark Ellison", True), ("Mark Ellis", True)])
    assert names["S.E.C."] == "Securities and Exchange Commission"
    assert names["Mark Ellison"] == "Mark Ellison" and names["Mark Ellis"] == "Mark Ellis"


FIRST = (b"Harbour plan approved\n\nCouncillor Nadia J. Okafor said the bridge would open in May. "
         b"\"It is a good day,\" Okafor said.")
SECOND = (b"Bridge appeal lodged\n\nNadia Okafor said the appeal would fail. "
          b"\"We will win,\" Ms Okafor said.")


def test_compare_finds_one_speaker_named_two_ways(app):
    upload(app, ("first.txt", FIRST), ("second.txt", SECOND))
    open_tab(app, "Compare")
    box = app.selectbox(key="compare_name")
    assert box.value == "Nadia Okafor"
    assert "Nadia J. Okafor" not in box.options
