"""Role nouns and titles: "the minister said" goes to the person the article gave that role."""
from __future__ import annotations

from tests.test_quotes import quotes_of, row_with
from tests.test_speaker_parse import speaker


def test_a_role_noun_goes_to_the_person_given_that_role(nlp):
    text = ("Health Minister Imogen Caird visited the ward on Monday. Tobias Wren, the hospital's "
            "chief executive, showed her round. Councillor Ruth Abney, the cabinet member for care, "
            "joined them.\n\n"
            "\"We cannot go on like this,\" the minister said.\n\n"
            "The chief executive said that beds would open in May.\n\n"
            "\"Every pound counts,\" the cabinet member said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "go on like this")["speaker"] == "Imogen Caird"
    assert row_with(quotes, "beds would open")["speaker"] == "Tobias Wren"
    assert row_with(quotes, "Every pound")["speaker"] == "Ruth Abney"


def test_a_role_goes_to_the_latest_holder_with_its_modifiers(nlp):
    text = ("Prime Minister Boris Kallas met Finance Minister Ana Petek.\n\n"
            "\"The budget is balanced,\" the prime minister said. \"It is not,\" the finance minister said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "balanced")["speaker"] == "Boris Kallas"
    assert row_with(quotes, "It is not")["speaker"] == "Ana Petek"


def test_a_role_goes_to_the_one_who_holds_it_now_not_a_former_holder(nlp):
    text = ("Rep. Consuelo Ybarrondo, D-N.M., defended her vote on Saturday.\n\n"
            "Ybarrondo and her Republican challenger, former state Rep. Clement Strawderman, are tied at 44%.\n\n"
            "The congresswoman said the company had agreed to pay landowners a yearly fee.\n\n"
            "The former congressman said the line was a mistake.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "yearly fee")["speaker"] == "Consuelo Ybarrondo"
    assert row_with(quotes, "was a mistake")["speaker"] == "Clement Strawderman"


def test_a_title_in_apposition_names_the_person_and_gives_the_role(nlp):
    text = ("The town's MP, Marnie Carbery, said she had raised the closure with the minister.\n\n"
            "The Mlima Jiwe ward MCA, Collins Kibet Rotich, said he would table a motion next week.\n\n"
            "\"This quarry was licensed for a small operation,\" the MCA said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "raised the closure")["speaker"] == "Marnie Carbery"
    assert row_with(quotes, "table a motion")["speaker"] == "Collins Kibet Rotich"
    assert row_with(quotes, "small operation")["speaker"] == "Collins Kibet Rotich"


def test_two_roles_before_one_name_are_that_person(nlp):
    text = ("In an email to employees on Tuesday, co-founder and chief executive Raghavendra S. Hegde wrote "
            "that the company had grown faster than its unit economics.")
    assert speaker(nlp, text, "grown faster") == "Raghavendra S. Hegde"


def test_a_relation_and_a_current_role_before_one_name_are_that_person(nlp):
    text = ("The bill was signed by former Governor Doug Pellerin, which prompted his wife and current Democratic "
            "presidential nominee Maren Pellerin to make a comment that described the young men as “lost causes.” "
            "All of this is documented in the film.")
    assert speaker(nlp, text, "lost causes") == "Maren Pellerin"


def test_a_bare_title_opening_a_deck_is_the_person_the_story_gives_that_role(nlp):
    text = ("Friends once more: Ruth Abney backs Kallas, who says he is honoured.\n\n"
            "Senator from Dunmore says she cannot let the bill pass.\n\n"
            "Sen. Ruth Abney is backing Boris Kallas's campaign, the latest turn in a long rivalry.")
    assert speaker(nlp, text, "cannot let the bill") == "Ruth Abney"


def test_a_role_written_as_its_initials_is_the_person_given_that_role(nlp):
    text = ("The Municipal Chief Executive, Kwesi Adomako-Mensah, said the roof would be sealed within two weeks.\n\n"
            "“Every new building has small problems at the beginning,” the MCE said.")
    assert speaker(nlp, text, "small problems") == "Kwesi Adomako-Mensah"


def test_her_father_is_the_father_the_article_named(nlp):
    text = ("Captain Tegan Doyle kicked the winning goal, on a day when her father, Mick Doyle, was coaching "
            "from the boundary.\n\n"
            "Her father said he had not been able to watch. ‘I was looking at the clock,’ he said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "not been able to watch")["speaker"] == "Mick Doyle"
    assert row_with(quotes, "looking at the clock")["speaker"] == "Mick Doyle"


def test_an_office_by_another_name_and_a_role_before_a_courtesy_title(nlp):
    text = ("Rep. Dorian Wexcombe, R-Nev., faced the crowd. The congressman said the deal was fair.\n\n"
            "District Superintendent Dr. Amos Pettijohn closed the school. The superintendent said the district "
            "would save money.\n\n"
            "Mrs Justice Philippa Gorringe sentenced him. The judge said she accepted the remorse was real.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "deal was fair")["speaker"] == "Dorian Wexcombe"
    assert row_with(quotes, "save money")["speaker"] == "Amos Pettijohn"
    assert row_with(quotes, "remorse")["speaker"] == "Philippa Gorringe"


def test_a_title_the_model_took_for_a_name_goes_to_the_person_beside_it(nlp):
    text = ("County Executive Committee Member for Health Dr Onesmus Mbugua-Kerre said laboratory tests had "
            "traced the outbreak to the community borehole.")
    assert row_with(quotes_of(nlp, text), "laboratory tests")["speaker"] == "Onesmus Mbugua-Kerre"


def test_a_local_office_before_a_name_is_no_part_of_it(nlp):
    text = ("Early voting opens on Monday in Harlan Gap.\n\n"
            "Bracken County Clerk Marisol Dewhirst told reporters that 4,000 ballots had been mailed. "
            "\"The lines will be long,\" Dewhirst said.\n\n"
            "City Attorney Rufus Oakhampton said the count would be public.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "ballots had been mailed")["speaker"] == "Marisol Dewhirst"
    assert row_with(quotes, "lines will be long")["speaker"] == "Marisol Dewhirst"
    assert row_with(quotes, "count would be public")["speaker"] == "Rufus Oakhampton"


def test_a_west_african_honorific_is_a_title_not_part_of_the_name(nlp):
    text = ("The chairman of the Ikotun Traders Guild, Alhaji Musa Danlami, described the increase as "
            "\"a death sentence for small shops\".\n\n"
            "\"Many of our members have already closed,\" Alhaji Danlami said.\n\n"
            "Hajia Amina Bello, who sells grain at the market, said prices had doubled since June.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "death sentence")["speaker"] == "Musa Danlami"
    assert row_with(quotes, "already closed")["speaker"] == "Musa Danlami"
    assert row_with(quotes, "prices had doubled")["speaker"] == "Amina Bello"


def test_a_provincial_mec_is_a_title_and_the_mec_is_its_holder(nlp):
    text = ("Health MEC Thandeka Mokoena said on Thursday that the department had approved six nurses.\n\n"
            "The MEC said the department would also send a mobile pharmacy truck to the clinic twice a week.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "approved six nurses")["speaker"] == "Thandeka Mokoena"
    assert row_with(quotes, "mobile pharmacy")["speaker"] == "Thandeka Mokoena"


def test_a_role_in_the_lede_is_the_one_person_the_story_names_in_that_role(nlp):
    text = ("Driver jailed for crossing guard's death\n\n"
            "A man who struck and killed a crossing guard while driving drunk was sentenced to six years in "
            "prison on Friday by a judge who said he had “chosen his own convenience over a child’s safety.”\n\n"
            "Corwin Pelley pleaded guilty in June.\n\n"
            "Ontario Court Justice Marta Kessing said the guard had done “exactly what she was there to do.”")
    assert row_with(quotes_of(nlp, text), "own convenience")["speaker"] == "Marta Kessing"
    later = text.replace("Marta Kessing", "Marta Kessing, and later Judge Ana Ruiz,")
    assert row_with(quotes_of(nlp, later), "own convenience")["speaker"] != "Marta Kessing"  # two judges
    past_the_lede = text.replace("Corwin Pelley pleaded guilty in June.\n\n", "").replace(
        "A man who", "Corwin Pelley pleaded guilty in June.\n\nA man who")
    assert row_with(quotes_of(nlp, past_the_lede), "own convenience")["speaker"] != "Marta Kessing"


def test_british_police_ranks_written_without_stops_are_titles(nlp):
    text = ("Outside court, Det Sgt Owain Trevithick, who led the investigation, said: ‘Ethan did exactly what he "
            "was told.’ Insp Alan Pike said the inquiry had taken a year. DCI Ian Moss said it would go on.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "exactly what he")["speaker"] == "Owain Trevithick"
    assert row_with(quotes, "taken a year")["speaker"] == "Alan Pike"
    assert row_with(quotes, "go on")["speaker"] == "Ian Moss"


def test_indian_honorifics_and_an_irish_garda_rank_are_titles(nlp):
    text = ("Ward officer Shri Vinayak Hublikar said a pipeline had burst near the dam. Smt Sushila Nimbalkar, 71, "
            "said the tanker came at 2 am. Garda Sergeant Maeve Lyster said the sign had been hidden by a van.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "pipeline had burst")["speaker"] == "Vinayak Hublikar"
    assert row_with(quotes, "tanker came")["speaker"] == "Sushila Nimbalkar"
    assert row_with(quotes, "sign had been hidden")["speaker"] == "Maeve Lyster"


def test_a_title_the_lede_gives_no_one_is_the_person_the_next_paragraph_names_reporting(nlp):
    text = ("Harbour school rebuild 'still on', says education minister\n\n"
            "The education minister has insisted that the rebuild of Tollmarsh High School is 'still on', despite "
            "its absence from next year's list.\n\n"
            "Philippa Ormsby told MPs on Tuesday that work would begin 'as soon as the money is there'.\n\n"
            "Sir Oswin Treharne, the MP for Tollmarsh, said her answer was 'the same as last year'.\n\n"
            "The minister said she understood his frustration.")
    quotes = quotes_of(nlp, text)
    for words in ("still on", "understood his frustration"):
        assert row_with(quotes, words)["speaker"] == "Philippa Ormsby", words


def test_a_title_in_the_lede_is_no_one_when_the_next_person_named_does_not_report(nlp):
    text = ("The judge said the attack had been cruel.\n\n"
            "Corwin Ashdale, 34, was jailed for six years at Tollmarsh Crown Court.")
    assert row_with(quotes_of(nlp, text), "attack had been cruel")["speaker"] != "Corwin Ashdale"


def test_a_spokesperson_named_inside_a_misparsed_department_name_speaks(nlp):
    text = ("In an email, Department of Natural Resources and Energy Development spokesperson Roxanne Thériault "
            "said roads near the river \u201cmeet or exceed\u201d provincial standards.")
    assert row_with(quotes_of(nlp, text), "meet or exceed")["speaker"] == "Roxanne Thériault"


def test_doing_the_work_of_a_role_gives_the_role(nlp):
    text = ("Tamsin Oyelaran, 34, was testifying for the State in the fraud trial of Pieter Vosloo.\n\n"
            "Under cross-examination, advocate Bongani Sithole put it to her that she had signed willingly.\n\n"
            "\u201cI waited because I have two children,\u201d the witness said.")
    assert row_with(quotes_of(nlp, text), "two children")["speaker"] == "Tamsin Oyelaran"


def test_of_two_holders_of_a_role_the_subject_just_before_it_is_meant(nlp):
    text = ("Captain Ines Harrowgate kicked the winning goal while her father, Wendel Harrowgate, was coaching "
            "from the boundary.\n\n"
            "Rival coach Petra Solenne said her side had left the game on the table.\n\n"
            "Wendel Harrowgate was less certain. \u2018We got lucky,\u2019 the coach said.")
    assert row_with(quotes_of(nlp, text), "We got lucky")["speaker"] == "Wendel Harrowgate"


def test_a_lawyers_rank_before_a_name_is_no_part_of_it(nlp):
    text = ("Advocate Sheraz Zaka, counsel for the petitioners, argued that the project violated environmental "
            "laws. Adv. Thandeka Mokoena said the tender was void. Barrister Chidi Okafor said the case was weak.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "violated environmental")["speaker"] == "Sheraz Zaka"
    assert row_with(quotes, "tender was void")["speaker"] == "Thandeka Mokoena"
    assert row_with(quotes, "case was weak")["speaker"] == "Chidi Okafor"


def test_clergy_pilgrims_and_professional_styles_are_titles(nlp):
    text = ("The school's principal, Rev Osbert Clarkeson, said the school would appeal. Fr Dunstan Mifsud said "
            "the village should pray. Hajji Yusufu Kaggwa said farmers were angry. Perit Marisa Grech said the "
            "houses were approved. Maître Solange Berthier said the buyer was anonymous.")
    quotes = quotes_of(nlp, text)
    for words, who in (("would appeal", "Osbert Clarkeson"), ("should pray", "Dunstan Mifsud"),
                       ("farmers were angry", "Yusufu Kaggwa"), ("houses were approved", "Marisa Grech"),
                       ("buyer was anonymous", "Solange Berthier")):
        assert row_with(quotes, words)["speaker"] == who, words


def test_a_title_in_the_lede_is_the_one_the_story_later_names_with_it(nlp):
    text = ("A St Brelade roofing firm has been fined £90,000 after a fall, with the Deputy Bailiff saying the "
            "firm had treated safety as optional.\n\n"
            "The firm admitted the breach.\n\n"
            "Delivering the judgment, the Deputy Bailiff, Ambrose Le Quesne, said the roof had been a trap.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "treated safety as optional")["speaker"] == "Ambrose Le Quesne"
    assert row_with(quotes, "roof had been a trap")["speaker"] == "Ambrose Le Quesne"


def test_the_subject_before_a_role_is_found_past_the_quotes_own_sentences(nlp):
    text = ("Westbury head coach Delmar Whitcliffe says his team was robbed.\n\n"
            "Former national sprint coach Linton Abernethy, who was in the stands, disagreed.\n\n"
            "Whitcliffe said he would not let it affect them. \u201cThey will be back. These boys do not know how "
            "to quit,\u201d the coach said.")
    assert row_with(quotes_of(nlp, text), "They will be back")["speaker"] == "Delmar Whitcliffe"


def test_a_nationality_noun_is_the_person_the_paragraph_just_named(nlp):
    text = ("Harwick chase teenage striker\n\n"
            "Harwick boss Joost Terpstra made no secret of his admiration. \u2018Kairo is a top, top player,\u2019 "
            "said the Dutchman. \u2018But I don\u2019t talk about players at other clubs.\u2019")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "top, top player")["speaker"] == "Joost Terpstra"


def test_the_state_and_party_of_a_member_and_an_office_of_a_portfolio(nlp):
    from tests.test_quotes import quotes_of

    text = ("House petition stalls\n\n"
            "Rep. Delphina Arbogast, R-Fla., signed the petition on Wednesday, and Sen. Horace Quimbly (R-Miss.) "
            "backed it.\n\n"
            "\"I was sent here by parents,\" the Florida Republican said.\n\n"
            "\"Nobody calls me soft on spending,\" the Mississippi Republican told reporters.\n\n"
            "Minister of Home Affairs Errol Babb said the rules were under review.\n\n"
            "\"We have to find a balance,\" the minister said.")
    assert quotes_of(nlp, text)["speaker"].tolist() == ["Delphina Arbogast", "Horace Quimbly", "Errol Babb",
                                                        "Errol Babb"]


def test_an_office_s_acronym_in_brackets_is_the_person_named_after_it(nlp):
    from tests.test_quotes import quotes_of

    text = ("Sluice doors to be replaced\n\n"
            "Regional Executive Officer (REO) Marcia Pellew said the region had approved the money.\n\n"
            "\"Every letter was answered,\" the REO said.\n\n"
            "The District Police Commander (DPC) for Hastings, ASP Alpha Kamanda, said two men were held.\n\n"
            "\"We are against criminals, not riders,\" the DPC said.")
    quotes = quotes_of(nlp, text)
    assert quotes["speaker"].tolist() == ["Marcia Pellew", "Marcia Pellew", "Alpha Kamanda", "Alpha Kamanda"]
    assert set(quotes["speaker_kind"]) == {"person"}


def test_the_noun_a_person_was_introduced_with_paragraphs_before_is_that_person(nlp):
    from tests.test_quotes import quotes_of

    text = ("Castle entry fee splits village\n\n"
            "The mayor of Dolné Lúky, Radoslav Hrnčiar, said the fee would pay for the roof.\n\n"
            "Volunteers said they had not been asked.\n\n"
            "A guide said the crowds had doubled.\n\n"
            "The regional monuments board said it had not been consulted.\n\n"
            "Hrnčiar said the council had consulted a lawyer. \"We did everything by the book,\" the mayor said.")
    assert quotes_of(nlp, text).iloc[-1]["speaker"] == "Radoslav Hrnčiar"


def test_a_party_s_member_from_a_city_is_the_legislator_named_before(nlp):
    text = ("The bill's author, Assemblymember Rosalind Quenneville, called the vote \"a quiet burial.\"\n\n"
            "\"Nobody had to say they were against cheaper bus fares,\" the Fresno Democrat said in an interview.\n\n"
            "Teodora Vance, who lobbies for the transit agencies, said the cost was too high.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "cheaper bus fares")["speaker"] == "Rosalind Quenneville"


def test_a_role_noun_goes_to_the_person_named_after_it_with_an_honourable(nlp):
    text = ("The district's lawmaker, Hon. Garmai Y. Sumo, who visited the site on Saturday, said a steel bridge "
            "would be installed before the rains.\n\n"
            "\"I am not here to make campaign promises,\" the lawmaker said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "campaign promises")["speaker"] == "Garmai Y. Sumo"


def test_a_title_the_model_took_for_a_body_is_its_holder_and_he_follows_it(nlp):
    text = ("Kilungu Ward MCA Hon Musyoka Mbithi Nzioka said the county had issued only two permits.\n\n"
            "The area chief, Daniel Mutua, said he had received no complaints.\n\n"
            "The MCA dismissed the claim. “The papers they are showing are for another river,” he said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "another river")["speaker"] == "Musyoka Mbithi Nzioka"


def test_a_role_noun_with_its_holder_named_after_the_body_is_that_holder(nlp):
    text = ("The director of the village school, Nurzada Osmonova, said the classrooms were cold.\n\n"
            "The director of Ak-Sai Komur, Erkin Sabyrov, told reporters that the company had done what it "
            "could. He said that the mines had raised their prices.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "classrooms were cold")["speaker"] == "Nurzada Osmonova"
    assert row_with(quotes, "done what it could")["speaker"] == "Erkin Sabyrov"
    assert row_with(quotes, "raised their prices")["speaker"] == "Erkin Sabyrov"


def test_a_described_person_is_the_name_their_own_clause_gives(nlp):
    text = ("A salt trader in Pyapon, who asked to be identified by the pseudonym Ko Zeyar Phyo for security "
            "reasons, said trucks had to pass six checkpoints.\n\n"
            "“Every checkpoint is another K20,000,” he said.\n\n"
            "“His knowledge is 20 years old,” said a longtime adviser to the senator, who declined to be identified "
            "and is not in the Lewandowski camp.\n\n"
            "“I can only tell you that,” said one source who identified Sullivan but spoke on condition of anonymity.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "six checkpoints")["speaker"] == "Zeyar Phyo"
    assert row_with(quotes, "Every checkpoint")["speaker"] == "Zeyar Phyo"
    assert "Lewandowski" not in row_with(quotes, "20 years old")["speaker"]
    assert row_with(quotes, "only tell you")["speaker"] != "Sullivan"


def test_a_group_with_its_members_named_after_a_comma_is_the_group(nlp):
    text = ("The petition’s organisers, brothers Bader and Mishari Al-Tuwaijer, say the board never consulted the "
            "general assembly.")
    assert row_with(quotes_of(nlp, text), "never consulted")["speaker"].endswith("organisers")


def test_a_capitalised_office_with_its_holder_named_after_the_place(nlp):
    text = ("The District Administrator for Takamaka, Ms Nadège Payette, told Nation that the contract had been "
            "awarded in June.")
    assert row_with(quotes_of(nlp, text), "awarded in June")["speaker"] == "Nadège Payette"


def test_the_holder_named_at_the_end_of_an_office_phrase_is_the_speaker(nlp):
    # the model runs the place or the body into the name, or hangs the name on the body
    text = ("Akim of At-Bashy district Azamat Imanaliev said that the district would buy coal this week.\n\n"
            "Deputy of the Jogorku Kenesh Cholpon Mamyrova wrote on Facebook that she had sent a request.\n\n"
            "Governor of Lagos State Babajide Sanwo-Olu said the state would build more roads.\n\n"
            "Chairman of the Zenith Bank board Ade Okoro said the bank would grow.\n\n"
            "The Governor of the Bank of England Andrew Bailey said rates would stay.\n\n"
            "A spokesman for the cycling union Fietsersbond said the plan was bad.\n\n"
            "A spokesman for Democratic presidential candidate Hillary Clinton called the report \"outrageous.\"\n\n"
            "A panel of reporters led by MSNBC's Chris Matthews agreed that the plan was pandering.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "outrageous")["speaker"] != "Hillary Clinton"  # her spokesman
    assert row_with(quotes, "was pandering")["speaker"] != "Chris Matthews"  # the panel he led
    assert row_with(quotes, "buy coal")["speaker"] == "Azamat Imanaliev"
    assert row_with(quotes, "sent a request")["speaker"] == "Cholpon Mamyrova"
    assert row_with(quotes, "more roads")["speaker"] == "Babajide Sanwo-Olu"
    assert row_with(quotes, "bank would grow")["speaker"] == "Ade Okoro"
    assert row_with(quotes, "rates would stay")["speaker"] == "Andrew Bailey"
    assert row_with(quotes, "plan was bad")["speaker"] != "Fietsersbond"  # the union's name, not the spokesman's


def test_a_role_noun_after_the_verb_with_the_name_beside_it_gives_the_name(nlp):
    # the model reads the name after the comma as a second subject, not the role's apposition
    text = ("\"We are not asking to dredge it,\" said the bill's sponsor, Sen. Prudence Hallowell, a Kent County "
            "Democrat. \"We are asking for a season.\"")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "not asking to dredge")["speaker"] == "Prudence Hallowell"
    assert row_with(quotes, "asking for a season")["speaker"] == "Prudence Hallowell"


def test_the_official_is_the_office_holder_just_named_or_the_official_described(nlp):
    text = ("Teodoro Quispe Mamani, the ministry's coordinator in the region, explained that each store holds "
            "grain for a year.\n\n"
            "Quispe reported that the ministry plans to build 900 stores this year.\n\n"
            "\"No family should lose its harvest,\" the official said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "900 stores")["speaker"] == "Teodoro Quispe Mamani"  # the first of two surnames
    assert row_with(quotes, "lose its harvest")["speaker"] == "Teodoro Quispe Mamani"
    text = ("Farmer Idris Kamal said the road was too narrow.\n\n"
            "A Ministry of Transport official, who asked not to be named, told reporters that the road would "
            "be widened.\n\n"
            "\"Nobody will lose land,\" the official said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "Nobody will lose land")["speaker"] == "Ministry of Transport official"
    assert row_with(quotes, "be widened")["speaker"] == "Ministry of Transport official"


def test_a_role_the_article_gave_no_one_is_the_person_just_named(nlp):
    text = ("Wendell Ashgrove, 52, pleaded guilty in May to 11 counts of theft.\n\n"
            "When he was given a chance to speak, Ashgrove stood and faced the gallery. \"I am sorry,\" the "
            "defendant said.\n\n"
            "Procurator fiscal depute Isla Rennick said the tenants had complained four times. The prosecutor "
            "said the boiler had never been checked.\n\n"
            "Donald Ferrier has been sued many times. The attorney general of the state of Vermont is suing "
            "Ferrier, claiming the school is a fraud.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "I am sorry")["speaker"] == "Wendell Ashgrove"
    assert row_with(quotes, "never been checked")["speaker"] == "Isla Rennick"
    assert row_with(quotes, "is a fraud")["speaker"] != "Donald Ferrier"  # an office: someone else


def test_the_bare_role_is_its_holder_not_the_deputy_named_since(nlp):
    text = ("Elders reject resin deal\n\n"
            "District Commissioner Hassan Ali Omar told reporters the deal would bring tax revenue.\n\n"
            "Deputy District Commissioner Yusuf Farah Nur, who chaired the meeting, was not available for comment.\n\n"
            "The commissioner said on Monday that he would meet the elders before January.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "meet the elders")["speaker"] == "Hassan Ali Omar"
