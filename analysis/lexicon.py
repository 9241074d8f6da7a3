"""The engine's word lists: titles and occupations written before names, and nouns by the
kind of speaker they name, for the speakers no entity names.

"The strategist said" is a person, "the ministry said" an organisation, "residents said"
and "74 percent said" a group, "the report said" a source; "the phrase suggests" names
no speaker at all. Closed word lists first, then the shapes of words for people
("-ist", "-ian", "-er" ...), with the common words of those shapes that name things.
"""
from __future__ import annotations

from pathlib import Path


class _GivenNames(dict):
    """Given names -> "m", "f" or "-"; a hyphenated one is a given name when its first
    part is one of three letters or more ("Anne-Laure", "Jean-Pierre"; not "Al-Hajjaji"),
    of the sex its known parts agree on."""

    def __contains__(self, word) -> bool:
        return dict.__contains__(self, word) or self._compound(word) is not None

    def get(self, word, default=None):
        found = dict.get(self, word)
        if found is None:
            found = self._compound(word)
        return default if found is None else found

    def _compound(self, word) -> str | None:
        if not isinstance(word, str) or "-" not in word:
            return None
        first, _, rest = word.partition("-")
        if len(first) < 3 or not dict.__contains__(self, first) or not rest.isalpha():
            return None
        sexes = {dict.get(self, part) for part in (first, rest)} - {None}
        return sexes.pop() if len(sexes) == 1 else "-"


# common given names (US Census 1990, analysis/data/make_given_names.py) -> "m", "f" or "-"
GIVEN_NAMES: dict[str, str] = _GivenNames(
    line.split() for line in (Path(__file__).parent / "data" / "given_names.txt").read_text().splitlines() if line)

TITLES = {
    "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "rep.",
    "representative", "gov.", "governor", "mayor", "dr.", "dr", "mr.", "mr", "mrs.", "mrs",
    "ms.", "ms", "miss", "prof.", "professor", "judge", "justice", "general", "gen.",
    "lt.", "col.", "colonel", "sgt.", "sergeant", "capt.", "captain", "adm.", "admiral",
    "chancellor", "king", "queen", "prince", "princess", "pope", "sheikh", "ambassador",
    "leader", "chairman", "chairwoman", "chair", "ceo", "chief", "executive", "director",
    "spokesman", "spokeswoman", "spokesperson", "commissioner", "inspector", "officer",
    "detective", "attorney", "sir", "dame", "lord", "lady", "rev.", "reverend", "father",
    "sister", "brother", "coach", "manager", "premier", "speaker", "deputy", "foreign",
    "defense", "defence", "state", "former", "late", "candidate", "nominee", "house",
    "senate", "majority", "minority", "whip", "head", "adviser", "advisor", "st.", "first",
}

# Occupations written like titles before a name ("Farmer Colin Hebden", "Economist Jane
# Muir"); stripped only where a name of two words or more remains.
OCCUPATIONS = set("""
farmer economist activist lawyer actor actress singer author writer novelist poet analyst
historian scientist researcher doctor nurse teacher pastor student coach player veteran
businessman businesswoman entrepreneur investor journalist reporter columnist photographer
artist musician rapper comedian filmmaker producer designer architect engineer trooper agent
firefighter resident neighbor neighbour witness victim suspect billionaire lawmaker legislator
alderman chef owner founder pilot soldier priest rabbi imam bishop cardinal striker midfielder
goalkeeper quarterback pitcher star host anchor presenter broadcaster blogger economist forward guard
rookie jockey shortstop fullback halfback flanker centre-back defender winger keeper
advocate barrister solicitor boss
housewife homemaker pensioner retiree fisherman fisherwoman shopkeeper trader vendor hawker mechanic
driver labourer laborer grandmother grandfather seamstress waitress hostess stewardess tailor cook
""".split())

# Balinese names open with a word for the child's place in the family, after "I" (a man's)
# or "Ni" (a woman's), which are part of the name: "I Wayan Sudarsana", "Ni Made Wartini"
BALINESE_ORDER_NAMES = frozenset("wayan putu gede made kadek nengah nyoman komang ketut luh gusti".split())

# Nouns that say the words after them are someone's name: "her first name, Valdirene"
NAME_NOUNS = frozenset("name surname nickname".split())

# Titles that only ever stand before a person's name.
PERSON_TITLES = {
    "president", "senator", "sen.", "rep.", "gov.", "governor", "mayor", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "mx", "dr", "dr.", "prof.", "prof", "professor", "judge", "justice", "gen.", "general", "lt.", "col.",
    "sgt.", "capt.", "captain", "chancellor", "minister", "secretary", "ambassador", "councillor",
    "councilor", "cllr", "cllr.", "councilman", "councilwoman", "councilmember", "assemblymember", "commissioner",
    "inspector", "detective",
    "sheriff", "rev.", "pope", "king", "queen", "prince", "princess", "sir", "dame", "lord", "lady",
    "chairman", "chairwoman", "magistrate", "cathaoirleach", "congressman", "congresswoman", "assemblyman",
    "assemblywoman", "mp", "mep", "mla", "mca", "mec", "msp", "cr", "cr.", "td", "madam",
    "h.e.", "hon.", "hon",  # His or Her Excellency, the Honourable (Kenya, Nigeria, Ghana, ...)
    "det", "det.", "sgt", "insp", "insp.", "supt", "supt.", "dci", "dcs",  # police ranks, British style
    "shri", "shri.", "smt", "smt.", "kumari", "garda",  # India; Ireland's police ("Garda Sergeant")
    "alhaji", "alhaja", "hajia", "hajiya", "mallam", "malam", "engr.", "barr.", "adv.",  # West and South Africa
    "hajji", "haji", "rev", "fr", "fr.", "canon",  # pilgrims (East Africa, Asia); clergy written without stops
    "perit", "maître", "maitre", "bailiff", "datuk", "dato'", "dato’", "datin",  # Malta, France, Jersey, Malaysia
    "ratu", "eng.",  # a Fijian chief; an engineer (Egypt, the Gulf)
    "mzee", "ouma", "oupa", "tannie", "oom",  # an elder (Swahili); grandmother, grandfather, aunt, uncle (Afrikaans)
    "ato", "w/ro", "wro", "weyzero", "weyzerit",  # Mr, Mrs, Miss (Ethiopia)
    "pa", "haja", "hadja",  # an elder man; a woman who made the pilgrimage (Sierra Leone, Guinea, the Gambia)
    "cde", "sekuru", "ambuya", "mbuya",  # comrade; grandfather, grandmother (Zimbabwe)
    "sr", "sr.", "br", "br.",  # a religious sister (often a nurse) or brother
    "bapak", "ibu", "khun", "encik", "puan",  # Mr, Mrs (Indonesia, Thailand, Malaysia)
    "asp", "dsp", "csp", "acp", "dcp", "aig", "dig", "igp",  # police ranks (West Africa, South Asia)
    "kgosi", "kgosikgolo", "mma", "rra", "ntate", "'m'e",  # a chief; Mrs, Mr (Botswana, Lesotho)
    "dona", "senhor", "senhora",  # Mrs, Mr (Portugal, Brazil)
    "gogo", "indvuna", "umntfwanenkhosi",  # a grandmother; a chief's headman; a prince (Eswatini)
    "oknha", "samdech", "lok",  # a tycoon's honour; a high honour; Mr (Cambodia)
    "alcalde", "mami", "pulenu'u", "pulenu’u",  # a village's mayor (Belize); a market mother (Cameroon); (Samoa)
    "alhagie", "alkalo", "ya", "doña",  # a pilgrim; a village head; an elder woman (the Gambia); Mrs (Spanish)
    "u", "daw",  # Mr, Mrs (Myanmar; "Ma" and "Ko" are names too: entity_spans)
    "akim",  # the head of a district or a village (Kazakhstan, Kyrgyzstan)
    "gup", "mangmi", "tshogpa", "dasho", "lopen", "aum",  # a gewog's head and deputy, a village member; Mrs (Bhutan)
    "hajj", "hadj", "hadji", "elhadji",  # a pilgrim (Morocco, Algeria; Senegal, Mali, "El Hadji")
    "selectman", "selectwoman", "selectperson",  # a New England town's elected officer ("First Selectman")
    # academic and professional titles written before the name (Austria, Germany; Spanish and
    # Italian copy): an engineer's, a master's, a double doctorate, a graduate, an architect, a lawyer
    "dipl.-ing.", "mag.", "mmag.", "ddr.", "univ.-prof.", "ing.", "lic.", "arq.", "abg.",
    "sra.", "srta.", "mme", "mlle",  # Mrs, Miss (Spanish, French)
    "nanan",  # a chief or king (Akan, Côte d'Ivoire)
    "shaikh", "shaykh",  # a cleric or a ruling family's member (the Gulf)
    "awang", "awg", "dayang", "dyg", "pengiran", "pg", "hajah", "hjh", "hj",  # Mr, Ms; a noble; pilgrims (Brunei)
    "nabadoon", "ugaas", "suldaan", "garaad",  # a peace-keeping elder; clan chiefs (Somalia)
    "mam", "kak", "kaka",  # an elder man, an elder brother: forms of address (Kurdish)
    # offices written before the holder's name in German-speaking copy (Switzerland, Austria, Germany)
    "gemeindepräsident", "gemeindepräsidentin", "stadtpräsident", "stadtpräsidentin", "bürgermeister",
    "bürgermeisterin", "landammann", "regierungsrat", "regierungsrätin", "gemeinderat", "gemeinderätin",
    "nationalrat", "nationalrätin", "ständerat", "ständerätin", "stadtrat", "stadträtin",
}
TITLES |= PERSON_TITLES
# initials of names romanised from Cyrillic, where one letter is written with two ("Ts.
# Nyamjav", "Kh. Erdenebileg", "Yu. Tymoshenko"), without their full stop
DIGRAPH_INITIALS = ("Ch", "Kh", "Sh", "Ts", "Zh", "Ya", "Ye", "Yo", "Yu")
# words of address that are names too, titles only before a full name of so many words or
# more (the title counted): "Don Eleuterio Bañuelos Cota" (not "Don Bacon"), Burmese "Ma
# Thiri Naing" and "Ko Zeyar Phyo" (not "Ma Ying-jeou", "Ko Wen-je"), Cook Islands "Papa
# Tuaivi Ngatupuna" and "Mama Teuira Arona", Kiribati "Nei Tiarite Ioane" (a woman); where
# the article also writes the word before the given name alone ("Don Severino"), it is one
# of address before fewer words too (canonical.address_words)
TITLES_BEFORE_FULL_NAMES = {"Don": 4, "Ma": 3, "Ko": 3, "Papa": 3, "Mama": 3, "Nei": 3, "Sayed": 4, "Sayyid": 4}


def is_title(word: str) -> bool:
    """Whether a word is a title, written with its full stop or without ("Sen.", "Mag.", "Nanan")."""
    low = word.lower()
    return low in TITLES or low.rstrip(".") in TITLES


def address_before_full_name(word: str, words: int) -> bool:
    """Whether `word`, opening a name of `words` words (itself counted), is a word of address
    there ("Ma Thiri Naing"), not a name ("Ma Ying-jeou")."""
    return words >= TITLES_BEFORE_FULL_NAMES.get(word, words + 1)
# Family names written first, common enough that two people of one article share them
# ("Tan Chuan Jin" and "Tan See Leng", "Nguyen Van Thanh" and "Nguyen Thi Lan"), and
# words that open a compound given name ("Abdul Rahman", "Siti Aminah", Balinese "Ni Made
# Wartini" and "I Wayan Sudarsana", see BALINESE_ORDER_NAMES): a word that opens
# several names is no word of address when it is one of these (canonical.address_words)
SURNAMES_FIRST = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie song tang
han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
tan lim goh ng ong teo koh chua yeo low chan wong cheung leung lau ho chow tsang yip lam kwok fung tse lai
kim lee park choi jung jeong kang cho yoon jang im oh seo shin kwon hwang ahn song ryu hong jeon moon
nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly trinh dinh mai truong
""".split())
GIVEN_NAME_OPENERS = frozenset("""
abdul abdel abd abdur abu ahmad ahmed mohamed mohammed muhammad mohammad mohd muhammed mohamad ali syed sayed
said mir nur noor siti sri muhamad md umm bint bin ibn al el sheikh hajj
jean marie anne mary john joão joao josé jose maría maria juan ana luis carlos pedro i ni
""".split())
# "son of", "daughter of" after a father's name (Kyrgyz, Kazakh, Azerbaijani, Uzbek): "Talant
# Jumabek uulu", "Nurzada Bektursun kyzy"
PATRONYMIC_AFTER = frozenset("uulu kyzy uly qyzy ogly oglu qizi o'g'li".split())
def paternal_surname(name: str) -> str | None:
    """The first of two surnames, as Spanish and Portuguese write a father's and a mother's
    and use the father's alone: "Quispe" of "Teodoro Quispe Mamani", "Cely" of "Jhon Fredy
    Cely Avendaño"; not a given name, an initial or a particle in that place."""
    words = name.split()
    if len(words) not in (3, 4):
        return None
    first = words[-2]
    if not (first[:1].isupper() and len(first) > 2 and first.isalpha()) or first.lower() in GIVEN_NAMES \
            or words[-1].lower() in GIVEN_NAMES or not words[-1][:1].isupper():
        return None
    return first


# what tells a son from his father of the same name ("Ulysse Naquin Jr."): no part of the
# name a surname alone stands for ("Naquin said")
GENERATION_SUFFIXES = frozenset("jr jr. sr sr. jnr jnr. snr snr.".split())


def without_generation(name: str) -> str:
    """The name without a closing "Jr." or "Sr."."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in GENERATION_SUFFIXES else name


# a Buddhist monk's honorific after the name (Sri Lanka), which also stands alone ("the Thero said")
# and forms of address after a given name, which stand alone too: a teacher, a lady, a gentleman
# ("Tofig muallim", "Sevda khanim": Azerbaijan; "Ahmet bey": Turkey)
HONORIFICS_AFTER = frozenset(["Thero", "Thera", "Himi", "muallim", "muallima", "khanim", "khanum", "xanım", "hanım",
                              "bey"])
# offices of a county or a city written before the holder's name ("Lickfork County Clerk
# Odessa Cornett"), and the words for where they sit
LOCAL_OFFICES = frozenset("""
clerk treasurer auditor assessor recorder coroner attorney executive administrator supervisor trustee
surveyor solicitor manager engineer registrar
""".split())
JURISDICTIONS = frozenset("county city state district town borough parish village township".split())
# what a minister's portfolio is called: "Minister of Home Affairs", "Secretary of State for Health"
PORTFOLIO_WORDS = frozenset("""
home foreign affairs finance health education justice interior defence defense agriculture transport trade
works environment tourism culture sport sports labour labor housing energy local government public security
information communications water fisheries lands mines mining industry commerce youth women gender social
welfare development planning economy economic infrastructure state and of the
""".split())
# what a person is described as in apposition ("Ana Ruiz, a spokeswoman for ...")
PERSON_ROLES = OCCUPATIONS | PERSON_TITLES | frozenset("""
spokesman spokeswoman spokesperson chair chief executive director leader adviser advisor aide deputy
official organiser organizer campaigner manager counsel head founder president
""".split())

# News outlets, fact-checkers, pollsters and platforms quoted as sources in news, which
# the small model often takes for people ("Politico reported", "Twitter announced");
# names of one word only, matched whole and in any case
KNOWN_ORGS = frozenset("""
politico axios breitbart buzzfeed vox slate salon huffpost mediaite newsmax twitter facebook instagram
youtube tiktok reddit wikileaks politifact snopes factcheck.org gallup quinnipiac rasmussen ipsos yougov
reuters cnn msnbc npr pbs bbc cbs nbc xinhua afp yahoo google microsoft netflix
""".split())

# head nouns of "the company said" that stand for an organisation the article names
ORG_NOUNS = frozenset("""
company firm ministry department agency government administration office embassy police army
military party campaign committee commission council court bank group organization organisation
union association board university school hospital network newspaper station club team league
airline corporation institute foundation authority regulator council service bureau fund
parliament senate congress cabinet kremlin church charity coalition alliance federation
municipality trust utility inspectorate directorate secretariat tribunal legislature society cooperative
co-operative consortium watchdog
""".split())
# nouns for a business that stand right before its name and seldom before a person's:
# "shipbuilder Perantau Offshore", "the retailer Holloway's", "Norwegian lender Fjordkreditt"
BUSINESS_NOUNS = frozenset("""
shipbuilder shipyard carmaker automaker chipmaker drugmaker planemaker steelmaker retailer lender insurer
reinsurer brokerage manufacturer conglomerate startup start-up exporter importer refiner supermarket
subsidiary telecom telco utility airline carrier bank
""".split())
# of those, the ones that may stand for any organisation (no name shares the word)
GENERIC_ORG_NOUNS = frozenset("company firm group organization organisation corporation business".split())
# bodies that speak as one without standing for a named organisation
_BODY_NOUNS = ORG_NOUNS | frozenset("state country nation city county town village media press".split())

# Head nouns of things that are read, not heard.
SOURCE_NOUNS = frozenset("""
report document email e-mail record poll survey study data figure statement filing analysis database
memo letter website site post tweet book documentary film video footage transcript complaint lawsuit
indictment affidavit ruling order budget plan estimate research paper article story review audit
investigation inquiry census index chart map model forecast projection release notice sign message
note records documents emails polls surveys studies findings release bulletin announcement
ad advert advertisement commercial spot clip leaflet flyer brochure editorial column obituary
biography disclosure opinion petition publication outlet page result tally average count
speech interview testimony remark comment program programme show broadcast episode summary assessment
minutes test tests
submission account statistics slide presentation brief
directive decree resolution circular bylaw by-law ordinance guideline guidelines regulation regulations statute
schedule sampling inventory decision permit contract agreement
""".split())

# Singular nouns that stand for one person ("the minister said", "a neighbour said").
PERSON_NOUNS = (TITLES | OCCUPATIONS | frozenset("""
man woman person source aide adviser advisor expert critic supporter voter mother father parent child
son daughter wife husband teacher worker owner neighbour neighbor friend witness victim official
spokesman spokeswoman spokesperson representative member lawyer attorney economist researcher
scientist doctor manager organiser organizer campaigner resident protester protestor officer
mogul tycoon announcer narrator speechwriter questioner reader caller listener viewer relative surrogate
moderator interviewer host crowd audience chorus panel jury guy boy girl kid diplomat delegate
superdelegate counsel rival incumbent operative executive staff individual steward guard crew fan
citizen pupil local youth elder inmate medic clergy colleague peer sibling cousin uncle aunt ally troop
insider customer survivor teen teenager adult senior
registrar clerk warden midwife principal headmaster headmistress dean provost vicar chaplain monk nun paramedic
shepherd landlord landlady athlete umpire cadet recruit conscript pilgrim plaintiff constable marshal
""".split())) - {"state", "house", "senate", "foreign", "defense", "defence", "former", "late",
                  "majority", "minority", "vice", "prime"}

# Courtesy titles that tell a person's sex: "Mrs. Clinton" is the woman of the Clintons.
TITLE_SEX: dict[str, str] = {**dict.fromkeys("mr mister sir lord".split(), "m"),
                             **dict.fromkeys("mrs ms miss dame lady madam".split(), "f")}

# Words of a name that tell the person's sex, where the given name may not: "Shamsunnahar
# Begum", "Nur binti Ahmad", "Ahmad bin Said"; surnames with a woman's ending ("Žilinskienė",
# "Nováková", "Kowalska", "Guðmundsdóttir", "Papadopoulou"), and a patronymic between given
# name and surname ("Anna Sergeyevna Petrova", "Ivan Petrovich Sidorov"; as a surname, "-vich"
# is a family's, a woman's too).
_SEX_WORDS = {**dict.fromkeys("begum khatun khatoon bibi binti bint".split(), "f"),
              **dict.fromkeys("bin ibn".split(), "m")}
_WOMAN_SURNAME_ENDINGS = ("ová", "ská", "cká", "ska", "cka", "dóttir", "dottir", "ienė", "aitė", "ytė", "ūtė",
                          "opoulou", "idou", "iadou")
_PATRONYMIC_ENDINGS = (("f", ("ovna", "evna", "ichna")), ("m", ("ovich", "evich", "ovych", "evych")))


_ANY_PATRONYMIC_ENDING = tuple(e for _, ends in _PATRONYMIC_ENDINGS for e in ends)


def is_patronymic(word: str) -> bool:
    """A Russian, Belarusian or Ukrainian father's name: "Fominichna", "Petrovich"."""
    return word[:1].isupper() and word.lower().endswith(_ANY_PATRONYMIC_ENDING)


def sex_in_name(name: str) -> str | None:
    """"f" or "m" where a word of a person's full name tells the sex (see _SEX_WORDS)."""
    words = name.lower().split()
    if len(words) < 2:
        return None
    for w in words[1:-1]:
        if w in _SEX_WORDS:
            return _SEX_WORDS[w]
        for sex, endings in _PATRONYMIC_ENDINGS:
            if w.endswith(endings):
                return sex
    if words[-1] in ("begum", "khatun", "khatoon", "bibi") or words[-1].endswith(_WOMAN_SURNAME_ENDINGS):
        return "f"
    return None


# Nouns that tell a person's sex: "Her husband, Réjean Thibodeau," is a man, whatever "Réjean" is.
GENDERED_NOUNS: dict[str, str] = {
    **dict.fromkeys("""man boy husband father dad son brother grandfather grandson uncle nephew widower
        boyfriend stepfather stepson fiancé spokesman chairman businessman congressman councilman""".split(), "m"),
    **dict.fromkeys("""woman girl wife mother mum mom daughter sister grandmother granddaughter aunt niece widow
        girlfriend stepmother stepdaughter fiancée spokeswoman chairwoman businesswoman congresswoman
        councilwoman""".split(), "f")}

# Nouns for many people at once ("the public", "others", "both sides").
GROUP_NOUNS = frozenset("""
people public crowd audience family community side other everyone everybody someone somebody anyone
nobody none both each all electorate population
""".split())

# nouns for people in the plural that the tagger may call singular ("The townspeople chanted")
PEOPLE_ENDINGS = ("people", "folk", "folks")

# "an army of Sanders supporters", "a chorus of Republicans", "a group of residents": the
# people the noun gathers speak, not the noun
COLLECTIVE_NOUNS = frozenset("""
army chorus group handful number host crowd bunch slew throng legion swarm contingent band score
dozens hundreds thousands
""".split())

# a share of people or an indefinite one: "74 percent of voters said", "a majority", "one", "many"
QUANTIFIERS = frozenset("""
percent % majority minority one many some most several few half third quarter all both two three four
five six seven eight nine ten dozen hundred thousand thousands million millions
""".split())

_PERSON_ENDINGS = ("ist", "ian", "man", "woman", "person", "eur", "ee", "ant", "ent", "er", "or", "eon")
_GIVEN_ENDINGS = ("man", "ant", "ent", "eon")  # of those, the ones many given names have
# common words of those shapes that name things, not people
_THINGS = frozenset("""
number power paper letter order matter water center centre quarter chapter border computer corner
weather manner error factor sector mirror color colour honor honour labor labour favor favour humor
humour rumor rumour terror horror motor floor door answer offer cover banner meter filter barrier
river tower dinner summer winter finger layer trailer poster sticker thriller cancer disorder murder
shelter chamber register character percent event content extent agreement comment moment government
element segment amendment investment statement payment argument department development movement
management environment parliament establishment treatment equipment experiment instrument document
plant grant restaurant giant elephant pennant covenant tenet talent patent accent descent incident
accident evidence ingredient component
""".split())


def noun_kind(lemma: str, plural: bool = False) -> str | None:
    """The kind of speaker a common noun names (person, organisation, group, source),
    or None for a noun that names no speaker ("phrase", "changes", "trip")."""
    if lemma in SOURCE_NOUNS:
        return "source"
    if lemma in _BODY_NOUNS:  # "human rights groups", "companies": several bodies
        return "group" if plural and lemma != "police" else "organisation"
    if lemma in QUANTIFIERS:
        return "person" if lemma == "one" and not plural else "group"
    if lemma in GROUP_NOUNS or lemma.endswith(PEOPLE_ENDINGS):  # "townspeople", "townsfolk"
        return "group"
    if lemma in PERSON_NOUNS or names_a_person(lemma):
        return "group" if plural else "person"
    return None


def occupation(word: str, *, before: str | None = None) -> bool:
    """A word for what someone does, written before a name: "farmer", "critic", "trumpeter"
    (not a given name of the same shape: "Esther", "Hunter"). `before`: the next word of a
    name the word opens; endings that given names share ("Olman", "Osman", "Talant",
    "Laurent") make an occupation only where the lexicon lists the word or a given name it
    knows comes next ("Superintendent Laura Bianchi", not "Olman Cubillo Matarrita")."""
    if word in OCCUPATIONS or word in PERSON_NOUNS:
        return True
    return names_a_person(word) and word not in GIVEN_NAMES \
        and (before is None or not word.endswith(_GIVEN_ENDINGS) or before.lower() in GIVEN_NAMES)


# English nouns of the shapes names_a_person reads (data/make_person_shaped_nouns.py):
# a word of those shapes that is none ("Aitor", "Hollister") right before a surname the
# article knows is a given name (missed_names.completed_names)
PERSON_SHAPED_NOUNS = frozenset((Path(__file__).parent / "data" / "person_shaped_nouns.txt").read_text().split())


def names_a_person(lemma: str) -> bool:
    """"strategist", "politician", "staffer", "respondent": the shapes of words for people."""
    return len(lemma) > 4 and lemma.endswith(_PERSON_ENDINGS) and lemma not in _THINGS \
        and not lemma.endswith("ment")


# US states by name, with the abbreviations after a member's party ("R-Fla.", "(D-NY)"):
# AP style and postal code. "the Florida Republican said" is the one written "R-Fla.".
US_STATES: dict[str, tuple[str, ...]] = {name: tuple(abbr.split()) for name, abbr in (line.split(": ") for line in """
Alabama: Ala. AL
Alaska: Alaska AK
Arizona: Ariz. AZ
Arkansas: Ark. AR
California: Calif. CA
Colorado: Colo. CO
Connecticut: Conn. CT
Delaware: Del. DE
Florida: Fla. FL
Georgia: Ga. GA
Hawaii: Hawaii HI
Idaho: Idaho ID
Illinois: Ill. IL
Indiana: Ind. IN
Iowa: Iowa IA
Kansas: Kan. KS
Kentucky: Ky. KY
Louisiana: La. LA
Maine: Maine ME
Maryland: Md. MD
Massachusetts: Mass. MA
Michigan: Mich. MI
Minnesota: Minn. MN
Mississippi: Miss. MS
Missouri: Mo. MO
Montana: Mont. MT
Nebraska: Neb. NE
Nevada: Nev. NV
New Hampshire: N.H. NH
New Jersey: N.J. NJ
New Mexico: N.M. NM
New York: N.Y. NY
North Carolina: N.C. NC
North Dakota: N.D. ND
Ohio: Ohio OH
Oklahoma: Okla. OK
Oregon: Ore. OR
Pennsylvania: Pa. PA
Rhode Island: R.I. RI
South Carolina: S.C. SC
South Dakota: S.D. SD
Tennessee: Tenn. TN
Texas: Texas TX
Utah: Utah UT
Vermont: Vt. VT
Virginia: Va. VA
Washington: Wash. WA
West Virginia: W.Va. WV
Wisconsin: Wis. WI
Wyoming: Wyo. WY
""".strip().splitlines())}
