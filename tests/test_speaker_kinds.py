"""Speaker kinds: people, organisations and groups speak; documents and polls are sources."""
from __future__ import annotations

import pytest

from analysis import analyze
from analysis.speakers.speaker_kinds import KINDS, kind_of_speaker, speaker_kind


@pytest.mark.parametrize(("sentence", "who", "kind"), [
    ("The minister said the plan was fair.", "The minister", "person"),
    ("She said the plan was fair.", "She", "person"),
    ("Residents said they were angry.", "Residents", "group"),
    ("They said the plan was unfair.", "They", "group"),
    ("Democrats said the bill would fail.", "Democrats", "group"),
    ("Smith and Jones said the bill would fail.", "Smith and Jones", "group"),
    ("The company said it would appeal.", "The company", "organisation"),
    ("It said the rules were clear.", "It", "organisation"),
    ("The report said costs had doubled.", "The report", "source"),
    ("A new poll says voters are split.", "A new poll", "source"),
    ("Stockpiling said nothing of the kind.", "Stockpiling", ""),
    ("The phrase suggests a campaign has to look outside itself.", "The phrase", ""),
    ("Two strategists said the plan was rushed.", "Two strategists", "group"),
    ("The staffer said the plan was rushed.", "The staffer", "person"),
    ("The ad says the plan has failed.", "The ad", "source"),
    ("Critics argued the plan was rushed.", "Critics", "group"),
    ("Human rights groups warned the deal would fail.", "Human rights groups", "group"),
    ("MNSBC suggested that the debate was close.", "MNSBC", "organisation"),
])
def test_kind_from_the_words_the_cue_attaches_to(nlp, sentence, who, kind):
    doc = nlp(sentence)
    start = sentence.index(who)
    assert speaker_kind(doc, start, start + len(who)) == kind


def test_an_entity_label_decides_the_kind(nlp):
    doc = nlp("Acme said it would appeal.")
    assert speaker_kind(doc, 0, 4, "PERSON") == "person"
    assert speaker_kind(doc, 0, 4, "ORG") == "organisation"
    assert speaker_kind(doc, 0, 4, "GPE") == "organisation"  # "Moscow said": a government
    assert speaker_kind(doc, 0, 4, "NORP") == "group"


def test_a_plural_noun_the_model_took_for_an_organisation_is_a_group(nlp):
    doc = nlp("Demonstrators said they would march again.")
    assert speaker_kind(doc, 0, len("Demonstrators"), "ORG") == "group"
    assert kind_of_speaker("ORG", ["group", "group"]) == "group"
    assert kind_of_speaker("ORG", ["group", "organisation"]) == "organisation"


def test_a_speakers_kind_over_an_article():
    assert kind_of_speaker("PERSON", ["source", "source"]) == "person"
    assert kind_of_speaker("", ["group", "source", "group"]) == "group"
    assert kind_of_speaker("", ["organisation", "person"]) == "person"  # ties: the first kind
    assert kind_of_speaker("", []) == "person"


def test_he_or_a_personal_title_makes_a_person_whatever_the_label():
    assert kind_of_speaker("ORG", ["organisation"], ["Holt"]) == "organisation"
    assert kind_of_speaker("ORG", ["organisation", "person"], ["Holt", "he"]) == "person"
    assert kind_of_speaker("GPE", ["organisation"], ["Sen. Holt"]) == "person"
    assert kind_of_speaker("ORG", ["organisation"], ["Hemmings Hall"]) == "organisation"


def test_words_no_one_speaks_leave_the_quote_without_a_speaker(nlp):
    text = ("Outreach Row\n\n"
            "Senator Ada Brink told the group she disliked the term, adding that the phrase suggests "
            "a campaign has to \"go outside itself to find voters.\"")
    quotes = analyze(text, "t.txt", nlp=nlp).quotes
    row = quotes[quotes["quote"].str.contains("go outside itself")].iloc[0]
    assert row["speaker"] == "Ada Brink"


def test_a_word_capitalised_only_by_its_sentence_is_no_speaker(nlp):
    text = ("Ruiz questions the fairness of the rivals ahead of the vote; Talk compared to 'moving the goalposts' "
            "at a football game.\n\nAna Ruiz said little.")
    speakers = set(analyze(text, "t.txt", nlp=nlp).speakers["speaker"])
    assert "Talk" not in speakers


def test_a_name_capitalised_mid_sentence_elsewhere_stays_a_speaker(nlp):
    text = ("The council met on Monday.\n\n"
            "Pressure rose after a visit from Ward. \"We cannot wait,\" he said.\n\n"
            "Ward said the plan had failed.")
    speakers = set(analyze(text, "t.txt", nlp=nlp).speakers["speaker"])
    assert "Ward" in speakers


def test_speakers_table_says_who_is_a_source(nlp):
    text = ("Council cuts library hours\n\n"
            "Mayor Ana Ruiz said the cuts were painful but necessary. \"We had no choice,\" she said.\n\n"
            "Residents said the branch was the only warm place in the village.\n\n"
            "A council report said the branch cost £90,000 a year to run.")
    table = analyze(text, "library.txt", nlp=nlp).speakers.set_index("speaker")
    assert set(table["kind"]) <= set(KINDS)
    assert table.loc["Ana Ruiz", "kind"] == "person"
    assert table.loc["residents", "kind"] == "group"
    assert [k for n, k in table["kind"].items() if "report" in n.lower()] == ["source"]


def test_a_relative_pronoun_has_the_kind_of_what_it_stands_for(nlp):
    sentence = "Several economists, who argue that taxes should fall, were at the meeting."
    doc = nlp(sentence)
    start = sentence.index("who")
    assert speaker_kind(doc, start, start + 3) == "group"
