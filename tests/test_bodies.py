"""Organisations as speakers: "the company", "the agency", "the site", "the union" and a
body's members go to the organisation the article means."""
from __future__ import annotations

from analysis import analyze
from tests.test_entities import entities_of
from tests.test_quotes import quotes_of, row_with
from tests.test_speaker_parse import speaker


def test_the_company_said_resolves_to_the_organisation(nlp):
    text = ("Brightwell Foods closed its plant in Dunmore last week.\n\n"
            "The company said that it would review the contract with its suppliers.")
    q = row_with(quotes_of(nlp, text), "review the contract")
    assert q["kind"] == "indirect"
    assert q["speaker"] == "Brightwell Foods"
    assert q["quote"] == "it would review the contract with its suppliers"


def test_members_of_a_body_speak_for_it(nlp):
    text = ("Members of the Orrin Valley Council told the local paper they would vote against "
            "the new car park.")
    assert row_with(quotes_of(nlp, text), "vote against")["speaker"] == "Orrin Valley Council"



def test_an_unnamed_spokesman_or_official_is_a_person_of_the_body(nlp):
    text = ("Brightwell Foods raised its prices on Monday.\n\n"
            "A spokesman for Brightwell Foods said the rise reflected the cost of wheat.\n\n"
            "A senior official of the company, who asked not to be named, said Brightwell had been rationing "
            "supplies.\n\n"
            "A Department of Trade spokeswoman said the ministry was watching prices.")
    result = analyze(text, "flour.txt", nlp=nlp)
    assert row_with(result.quotes, "cost of wheat")["speaker"] == "spokesman for Brightwell Foods"
    assert row_with(result.quotes, "watching prices")["speaker"] == "Department of Trade spokeswoman"
    official = row_with(result.quotes, "rationing supplies")["speaker"]
    assert official == "senior official of the company"
    assert result.speakers.set_index("speaker").loc[official, "kind"] == "person"


def test_relative_which_for_a_named_organisation(nlp):
    text = ("Officials at Brightwell Foods, which said on Monday that it would close two plants, "
            "declined to comment further.")
    q = row_with(quotes_of(nlp, text), "close two plants")
    assert q["speaker"] == "Brightwell Foods" and q["speaker_text"] == "which"


def test_the_agency_said_goes_to_the_organisation_named_earlier(nlp):
    text = ("Fares Rise\n\nThe Dunmore Valley Water Authority board voted on Monday to raise prices.\n\n"
            "Residents were angry. Some called the rise unfair.\n\nMany wrote letters to the paper.\n\n"
            "The agency said in a statement that poorer homes would get a discount.")
    result = analyze(text, "water.txt", nlp=nlp)
    assert result.quotes.iloc[-1].speaker == "Dunmore Valley Water Authority"


# --- speakers the parse does not hand over ---------------------------------------------


def test_the_company_is_the_business_the_story_is_about(nlp):
    text = ("Halvorsen Cold Chain Systems Inc. agreed to buy Pellham Reefer Lines. Halvorsen said the deal would close "
            "in March.\n\n"
            "The Northern Freight Drivers Association said members were worried. The Ashby Trade Department "
            "approved the sale.\n\n"
            "The company said that no terminals would close.")
    assert row_with(quotes_of(nlp, text), "no terminals")["speaker"] == "Halvorsen Cold Chain Systems Inc."


def test_the_company_is_the_firm_the_story_named_however_far_back(nlp):
    paragraphs = ["Coteau Grain Co. said in a statement that the elevator had become a safety risk.",
                  "The Plover Coulee Heritage Society said the elevator could be saved."]
    paragraphs += [f"The society held meeting number {n} in the hall on Tuesday." for n in range(10)]
    paragraphs += ["Mayor Tannis Obrecht said council would discuss it. The company said it would wait."]
    assert speaker(nlp, "\n\n".join(paragraphs), "it would wait") == "Coteau Grain Co."


def test_the_company_is_no_coalition_or_association_however_often_named(nlp):
    text = ("Claybrook Taxpayers United gathered the signatures. Claybrook Taxpayers United said the vote was a "
            "warning.\n\n"
            "Kestrelgate Data Systems, the firm building the center, said the project remained on schedule.\n\n"
            "The Barrier Island Parks Coalition said it would sue. The Barrier Island Parks Coalition has 400 "
            "members.\n\n"
            "“We made commitments, and we intend to keep every one of them,” the company said.")
    assert speaker(nlp, text, "every one of them") == "Kestrelgate Data Systems"


def test_the_campaign_is_not_the_latest_organisation_named(nlp):
    text = ("The Loess Hills Budget Project, a nonpartisan group, said the plan would cost $400 million.\n\n"
            "Ms. Haverkamp defended the plan on Tuesday. The campaign added that she would release a list of cuts.")
    assert speaker(nlp, text, "release a list") != "Loess Hills Budget Project"


def test_the_site_is_the_organisation_the_article_described_as_one(nlp):
    text = ("The central claim of the ad is Mostly False, the nonprofit fact-checking site TruthTally said Monday.\n\n"
            "The site found that grocery prices in the region rose about 19 percent.")
    assert speaker(nlp, text, "grocery prices") == "TruthTally"


def test_a_body_the_article_wrote_of_unnamed_is_not_the_latest_organisation(nlp):
    text = ("Brannock Energy sold the Federal mine to Mr. Ruiz, and the miners' union put $10 million "
            "into it.\n\n"
            "A few weeks before it went bust, the company moved its case to another court, according to the union.")
    assert speaker(nlp, text, "moved its case") == "union"


def test_a_campaign_committee_named_for_a_place_is_the_committee(nlp):
    text = ("Rep. Bettina Wrexley called the ad unfair.\n\n"
            "Wrexley\u2019s campaign committee, Wrexley for Michigan, said in a statement that the ad was "
            "\u201ca lie told slowly with sad music.\u201d The campaign added that it would begin airing its own "
            "response ad on Wednesday.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "sad music")["speaker"] == "Wrexley for Michigan"
    assert row_with(quotes, "its own response")["speaker"] == "Wrexley for Michigan"


def test_a_committee_named_for_its_candidate_the_model_did_not_tag(nlp):
    text = ("Sen. Grover Pangbourne (R-Kan.) has not said whether he will run again.\n\n"
            "Pangbourne\u2019s campaign committee, Pangbourne for Kansas, dismissed the effort in a statement as "
            "\u201ca coastal fantasy\u201d and said the senator had won his last race by 19 points.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "coastal fantasy")["speaker"] == "Pangbourne for Kansas"
    assert row_with(quotes, "won his last race")["speaker"] == "Pangbourne for Kansas"


def test_the_bank_is_the_bank_named_not_a_capitalised_noun(nlp):
    text = ("Sen. Elizabeth Warren grilled Wells Fargo chief executive John Stumpf on Tuesday.\n\n"
            "A cashier who steals is held accountable, Warren said. Bank executives are not.\n\n"
            "The bank said that it had fired 5,300 employees for opening the accounts.")
    assert row_with(quotes_of(nlp, text), "fired 5,300")["speaker"] == "Wells Fargo"


def test_a_business_named_by_its_ending_and_its_spokesperson(nlp):
    text = ("Sallowmere Waste Solutions, which runs the landfill, wants to take in trash from as many as 14 "
            "counties.\n\n"
            "Sallowmere has not said how many lorries that would mean.\n\n"
            "A Sallowmere spokesperson said the company met every standard.")
    found = entities_of(analyze(text, "tip.txt", nlp=nlp))
    assert found["Sallowmere Waste Solutions"][0] == "ORG"
    assert "Sallowmere" not in found
    assert row_with(quotes_of(nlp, text), "every standard")["speaker"] != "Sallowmere"


def test_a_spokeswoman_for_the_firm_before_any_speaker_is_read_does_not_break_the_article(nlp):
    # "the firm" is looked up while the article's candidate speakers are still being collected
    text = ("Plans for 40 homes on the edge of Drumlochy have divided councillors.\n\n"
            "The developer, Corran Homes Ltd, said the site was \"ideal\". A spokeswoman for the firm added: "
            "\"We have listened to the community.\"\n\n"
            "Prof Alan Greaveson, who was not involved, cautioned that the groups were run by volunteers.")
    quotes = quotes_of(nlp, text)
    row = row_with(quotes, "listened to the community")
    assert (row["speaker"], row["speaker_kind"]) == ("spokeswoman for the firm", "person")
    assert row_with(quotes, "run by volunteers")["speaker"] == "Alan Greaveson"
    text = text.replace("A spokeswoman for the firm", "Members of the firm")
    row = row_with(quotes_of(nlp, text), "listened to the community")
    assert (row["speaker"], row["speaker_kind"]) == ("Corran Homes Ltd", "organisation")


def test_it_said_goes_to_a_body_the_model_did_not_name(nlp):
    text = ("Tamsin Roe, 41, admitted taking money from Tarrant Plumbing over six years.\n\n"
            "Tarrant Plumbing said in a statement that it now required two signatures for every payment.\n\n"
            "It said none of its drivers had lost their jobs because of the fraud.")
    assert row_with(quotes_of(nlp, text), "none of its drivers")["speaker"] == "Tarrant Plumbing"


def test_it_said_after_the_company_said_is_the_company_not_its_description(nlp):
    text = ("A Cullen Bay building company has been fined £60,000 after a labourer fell from its scaffold.\n\n"
            "Pellow Builders Ltd admitted two breaches of safety law at the Royal Court.\n\n"
            "In a statement after the hearing, the company said it deeply regretted the fall.\n\n"
            "It said it would not contest any claim brought by the family.")
    assert row_with(quotes_of(nlp, text), "not contest any claim")["speaker"] == "Pellow Builders Ltd"


def test_a_body_named_in_apposition_to_its_noun_speaks_by_its_whole_name(nlp):
    text = ("A campaign group set up at the weekend, Save Tullyglass Surgery, said 2,000 people had signed "
            "its petition.\n\n"
            "A parent group that formed last month, Parents for Safer Crossings, wrote on Facebook that it "
            "would keep fighting.\n\n"
            "The group posted later that night that the council had not replied.")
    result = analyze(text, "group.txt", nlp=nlp)
    assert row_with(result.quotes, "2,000 people")["speaker"] == "Save Tullyglass Surgery"
    assert row_with(result.quotes, "keep fighting")["speaker"] == "Parents for Safer Crossings"
    assert row_with(result.quotes, "had not replied")["speaker"] == "Parents for Safer Crossings"
    assert entities_of(result)["Save Tullyglass Surgery"][0] == "ORG"


def test_a_spokesman_for_the_group_named_after_it_is_not_the_group(nlp):
    text = "A spokesman for the group, Ronan Delacey, said the petition would go to the council on Friday."
    assert speaker(nlp, text, "petition would go") == "Ronan Delacey"


def test_the_municipality_said_is_a_body_speaking(nlp):
    text = ("Residents blocked the road to the water works on Monday.\n\n"
            "In a statement on Monday evening, the municipality said it \"condemns the violence\" and warned "
            "that anyone damaging public property would be charged.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "condemns the violence")["speaker"] == "municipality"
    assert row_with(quotes, "damaging public property")["speaker"] == "municipality"


def test_names_ending_like_a_body_or_a_place_are_no_one_s_name(nlp):
    text = ("KABALE. Farmers in Rubaya village, Kabale District, say elephants from Queen Elizabeth National "
            "Park have eaten their crops.\n\n"
            "Shareholders of Odunlami Bank Plc approved the rights issue on Thursday.\n\n"
            "Odunlami Bank said the offer would open in January.")
    found = entities_of(analyze(text, "crops.txt", nlp=nlp))
    assert found["Kabale District"][0] != "PERSON"
    assert found.get("Elizabeth National Park", ("LOC",))[0] != "PERSON"
    assert all(label != "PERSON" for name, (label, *_) in found.items() if name.startswith("Odunlami"))


def test_a_body_s_short_forms_go_to_its_name_in_full(nlp):
    text = ("Odunmbaku Bank shareholders approve rights issue\n\n"
            "Shareholders of Odunmbaku Bank Plc on Thursday approved a rights issue.\n\n"
            "Odunmbaku said it remained \"well capitalised\" and that deposits were safe.\n\n"
            "Age charity Fernhollow Foundation welcomed the study.\n\n"
            "Fernhollow said 1.4 million people over 65 described themselves as often lonely.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "well capitalised")["speaker"] == "Odunmbaku Bank Plc"
    assert row_with(quotes, "often lonely")["speaker"] == "Fernhollow Foundation"


def test_shares_in_a_body_do_not_make_its_name_a_place(nlp):
    text = ("Caldbrook Savings Bank has been fined £38m by the regulator.\n\n"
            "Caldbrook, which has 1.9 million customers, said it accepted the findings in full.\n\n"
            "Shares in Caldbrook closed 1.2 per cent lower.")
    assert row_with(quotes_of(nlp, text), "accepted the findings")["speaker"] == "Caldbrook Savings Bank"


def test_a_hungarian_company_is_the_company_not_the_county(nlp):
    text = ("The bath in Kálóhegy, a village in Szabolcs-Szatmár-Bereg County, may be sold. Szabolcs-Szatmár-Bereg "
            "County has 500,000 people.\n\n"
            "Aranyhíd Wellness Kft. has offered 310 million forints. In a letter to the council, the company said it "
            "would invest two billion forints in a hotel.")
    assert speaker(nlp, text, "two billion") == "Aranyhíd Wellness Kft"


def test_a_body_name_with_a_place_s_particles_or_a_word_the_model_left_out(nlp):
    text = ("The Lance aux Lapins Community Group said in a statement that the new path would be twice as long.\n\n"
            "Even HaNof Quarries, which has operated the site since 1987, wants to add 38 hectares.\n\n"
            "In a statement, Even HaNof said it operated in full compliance with every permit.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "twice as long")["speaker"] == "Lance aux Lapins Community Group"
    assert row_with(quotes, "full compliance")["speaker"] == "Even HaNof Quarries"
    found = entities_of(analyze(text, nlp=nlp))
    assert found["Even HaNof Quarries"] == ("ORG", 2)


def test_a_company_the_lede_leaves_unnamed_is_the_one_business_named_next(nlp):
    text = ("Fee on pumped brine draws a crowd\n\n"
            "SALT FLATS — A bill that would tax groundwater drew a packed hearing, with farmers telling lawmakers "
            "their wells were failing and a mining company warning that the tax could push an expansion out of "
            "state.\n\n"
            "Senate Bill 12 would set the fee at $90 per acre-foot.\n\n"
            "Halvard Brine Works Inc., which runs the only brine field in the county, opposed the bill.")
    assert row_with(quotes_of(nlp, text), "push an expansion")["speaker"] == "Halvard Brine Works Inc."
    text = ("A mining company said the tax was too high.\n\n"
            "Halvard Brine Works Inc. and Corran Lithium Ltd. both run brine fields in the county.")
    assert row_with(quotes_of(nlp, text), "too high")["speaker"] == "mining company"  # which of the two is not said


def test_a_name_opening_with_a_body_s_word_and_of_is_an_organisation(nlp):
    text = ("Weavers accuse fashion house\n\n"
            "The Asociación de Tejedoras Wila Pampa said the jacket copies a design of the community.")
    result = analyze(text, nlp=nlp)
    assert entities_of(result)["Asociación de Tejedoras Wila Pampa"][0] == "ORG"
    assert row_with(result.quotes, "copies a design")["speaker_kind"] == "organisation"
