"""Reporting cues: the verbs (and "according to") that introduce what someone said.

Word lists are general English: verbs of saying by lemma, never names or phrases from
any article. Direct quotes accept the wider list; unquoted (indirect) speech only the
verbs that report speech rather than thought or evidence ("data suggest" is no speaker).
"""
from __future__ import annotations

from spacy.attrs import LOWER, POS
from spacy.tokens import Token

from ..lexicon import noun_kind
from ..pipeline.nlp import word_ids

# verbs that report what was said, and take a "that"-clause as what was said
INDIRECT_LEMMAS = frozenset("""
say tell deny allege claim argue insist announce warn add explain note stress state declare
acknowledge admit confirm contend maintain assert testify concede emphasize emphasise reiterate
repeat complain boast write report reply respond answer promise vow pledge predict disclose
reveal recall remind assure inform caution counter retort charge accuse concede agree mention
observe remark suggest tweet post estimate threaten
""".split())

# verbs that may stand next to a quotation as its cue ("..., she shouted.")
DIRECT_LEMMAS = INDIRECT_LEMMAS | frozenset("""
ask continue comment exclaim shout yell scream whisper cry mutter urge demand recount joke quip
wonder lament muse interject chime conclude concur quote read sing chant plead beg propose
describe call text email summarize summarise elaborate sigh laugh gush rave put
bark snap growl thunder proclaim scoff sneer opine posit marvel lecture preach crack exhort chide
""".split())

# what opens a reported question
QUESTION_WORDS = frozenset("whether if when how why where what which who whom whose".split())

# verbs that report a finding when a study or a named body is their subject
_FINDING_LEMMAS = frozenset(("find", "show"))

# verbs that report speech only with their particle: "pointed out that", "shot back"
PHRASAL_CUES = {"point": "out", "spell": "out", "shoot": "back", "fire": "back", "hit": "back",
                "speak": "out", "weigh": "in", "pipe": "up"}
_INDIRECT_PHRASAL = frozenset(("point", "spell"))

# verbs that report someone's words when a quoted fragment stands in their clause
# ("condemned the test as "provocative"", "likened the rules to "burning ...""): not
# cues for unquoted speech, where they report deeds rather than words
FRAGMENT_LEMMAS = DIRECT_LEMMAS | frozenset("""
condemn blast liken compare criticize criticise praise hail dismiss label brand term cite
reference laud mock attack slam denounce defend question rate rule deem characterize
characterise refer decry tout champion welcome lambaste chastise blame thank applaud commend
dub express voice type accuse fear hope believe think rail rip bash scold berate rant
""".split())

# nouns that stand for what someone said: "Trump's claim that ...", "a statement saying"
NOUN_CUES = frozenset("""
claim statement remark comment assertion allegation accusation promise pledge warning tweet
message words description argument insistence denial admission suggestion prediction vow
letter email post speech interview testimony
""".split())
# verbs whose subject is the speaker of a cue noun in their object: "X issued a statement"
_NOUN_CUE_VERBS = frozenset("make issue give release post deliver send write publish".split())

# "forced Stumpf to admit", "asked her to confirm": the object of these verbs does the saying
_OBJECT_CONTROL_LEMMAS = frozenset("""
force ask urge press push compel get prompt pressure persuade convince allow invite encourage
challenge require order lead induce
""".split())

# "Ruiz was quoted as saying", "Priebus was said to be "furious"": the few cues whose
# passive subject is the speaker; "he was told that", "was described as" have the hearer or the
# one described there
_PASSIVE_SPEAKER_LEMMAS = frozenset("quote cite report say".split())

# "continued", "began": cues only when they stand right by the quote ("Smith continued:")
ASPECT_LEMMAS = frozenset("continue begin start go".split())

# words that make a "called"-type cue introduce a name or title, not speech
NAMING_LEMMAS = frozenset("call title name dub entitle headline label brand nickname term".split())

# "the sign read", "a banner saying": text written on things is not speech
WRITTEN_THINGS = frozenset("""
sign banner placard poster shirt t-shirt sticker headline caption slogan label billboard cap hat
message screen graffiti plaque inscription
""".split())


# replies that, denied, report nothing: "did not respond", "never answered"
_REPLY_LEMMAS = frozenset("respond reply answer comment return".split())
# "told a lie that ...", "told the story that ...": the object is what was told
_TOLD_THINGS = frozenset("lie story truth joke tale anecdote fib falsehood untruth".split())


# what `is_cue(token, indirect=True)` can be true of: a verb or auxiliary, or "according"
# (tests for nlp.tokens_where)
MAY_BE_INDIRECT_CUE = ((POS, word_ids(["VERB", "AUX"])), (LOWER, word_ids(["according"])))


def is_cue(token: Token, *, indirect: bool = False, fragment: bool = False) -> bool:
    """Whether a token is a reporting verb (or the "according" of "according to")."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    lemmas = INDIRECT_LEMMAS if indirect else FRAGMENT_LEMMAS if fragment else DIRECT_LEMMAS
    if fragment and goes_on(token):
        return True  # "as Trump went on about "how the system is rigged,""
    lemma = token.lemma_.lower()
    if lemma in _FINDING_LEMMAS:
        return token.pos_ == "VERB" and _finding(token)
    if lemma in PHRASAL_CUES and (not indirect or lemma in _INDIRECT_PHRASAL) and token.pos_ == "VERB":
        return any(c.dep_ in ("prt", "advmod") and c.i == token.i + 1 and c.lower_ == PHRASAL_CUES[lemma]
                   for c in token.children)  # "shot back": the parser may make "back" an adverb
    if lemma not in lemmas or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and token.is_title and token.i + 1 < len(token.doc) \
            and token.doc[token.i + 1].ent_iob_ == "I":
        return False  # "member Sayed Adnan Al Alawi": a name the lemmatizer took for "say" (not "Obama Says")
    if lemma == "put" and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return False  # "as she put it", "put it plainly"; not "put on a show of being "strong""
    if lemma == "add" and any(c.dep_ == "nsubj" for c in token.children) \
            and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children):
        return False  # "the county would add two stops": something added (not "added another Republican")
    if lemma in _REPLY_LEMMAS and any(c.dep_ == "neg" for c in token.children):
        return False  # "they did not respond to queries": no reply, nothing reported
    if lemma == "tell" and indirect and any(c.dep_ == "dobj" and c.lemma_.lower() in _TOLD_THINGS
                                            for c in token.children):
        return False  # "told a lie that": a story told, not a report (but "told a meeting that")
    if token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(c.lower_ == "to" for c in token.children):
        return False  # "Democrats are to blame": a judgment, not a report
    return not (token.lemma_.lower() == "call" and indirect)


def _finding(token: Token) -> bool:
    """"The report found that ...", "Pew found that ...", "Data from the commission show
    that ...": a study's or a body's finding is its report; "police found that the door was
    open" is a discovery, not a report."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return "source" in (noun_kind(subject.lemma_.lower()), noun_kind(subject.lower_)) \
        or subject.ent_type_ == "ORG" and subject.pos_ == "PROPN"  # "data", not its lemma "datum"


def goes_on(token: Token) -> bool:
    """"went on about": talk, not the aspect verb of "went on to say"."""
    return token.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children) \
        and any(c.dep_ == "prep" and c.lower_ == "about" for c in token.children)


def cue_text(token: Token) -> str:
    """The cue's words: "according to", "said", "pointed out", "quoted ... as saying"."""
    if token.lower_ == "according":
        return "according to"
    particle = next((c for c in token.children if c.dep_ == "prt" or c.i == token.i + 1 and c.dep_ == "advmod"
                     and c.lower_ == PHRASAL_CUES.get(token.lemma_.lower())), None)
    return f"{token.text} {particle.text}" if particle is not None else token.text


def subject_of(token: Token, *, controlled: bool = False, near: Token | None = None) -> Token | None:
    """The subject of a cue verb: nsubj (nsubjpass for a few), else the object of "according
    to". `controlled`: the verb's subject is asked for by a verb it governs ("was prompted
    to say", "was joined on stage and joked"), whose passive subject is the one speaking.
    `near`: the participle the verb governs, whose nearest subject a misparse's two are
    measured from ("Ryan, despite admitting ..., the victims do need": Ryan admits)."""
    if token.lower_ == "according":
        to = token.doc[token.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        return _words_owner(obj) or obj if obj is not None else None
    before = token.doc[token.i - 1] if token.i else None
    if token.tag_ == "VBG" and before is not None and before.dep_ in ("dobj", "pobj") \
            and (before.pos_ == "PROPN" or before.tag_ == "PRP") and not any(c.dep_ == "nsubj" for c in token.children):
        return before  # "footage of Hillary Clinton asking", "caught him saying": the one shown speaking
    passive = controlled or token.lemma_.lower() in _PASSIVE_SPEAKER_LEMMAS
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")[:1 + passive] and c.tag_ != "EX"]
    if subjects:  # a misparse may give two; the nearer one is the verb's own
        subject = min(subjects, key=lambda c: abs(c.i - (near or token).i))
        if subject.i > token.i and token.i == token.sent.start and subject.tag_ == "NNS":
            return None  # "Calls men derogatory names": a list item's verb, its object misread
        return subject
    if is_passive(token):
        return agent_of(token)  # "was described by Ruiz as ...": Ruiz; "was told that", "Talk compared to": no one
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _OBJECT_CONTROL_LEMMAS:
        obj = next((c for c in token.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj  # "Warren forced Stumpf to admit that ...": Stumpf admits
    clause = token.head
    if token.dep_ == "conj" and clause.dep_ == "ccomp" and is_cue(clause.head) and clause.head.i < clause.i \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
            and not any(c.dep_ == "ccomp" for c in clause.children):
        # "May said that the country would leave ... and suggested that ...": the parser
        # joins the second report to the reported clause; it is the first's partner
        return subject_of(clause.head, controlled=True)
    if token.dep_ == "conj" and clause.dep_ == "ccomp" and clause.head.i < clause.i \
            and clause.head.lemma_ == token.lemma_ and is_cue(clause.head):
        # "The deputy head said the United States should reduce its patrols and said any
        # attempts ... would fail": the same verb again is the first one's partner
        return subject_of(clause.head, controlled=True)
    if token.dep_ in ("conj", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
        return subject_of(token.head, controlled=True)  # "he paused and added"; "went on to say"
    return _subject_of_aside(token)


def participle_aside(clause: Token) -> bool:
    """Whether a clause is a bare participle ("granted anonymity to discuss it"), with no
    auxiliary ("had become" is a clause of its own)."""
    return clause.tag_ in ("VBN", "VBG") and not any(a.dep_ in ("aux", "auxpass") for a in clause.children)


def _subject_of_aside(token: Token) -> Token | None:
    """"A strategist involved in the effort, granted anonymity to discuss it, said ...":
    the parser makes the participle aside a clause of its own, with the speaker as its
    subject; the subject is the cue verb's when only the aside's comma stands between."""
    aside = next((c for c in token.lefts if c.dep_ in ("ccomp", "advcl") and participle_aside(c)), None)
    if aside is None or token.i == 0 or token.doc[token.i - 1].text != "," or aside.right_edge.i != token.i - 2:
        return None
    return next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i and c.pos_ in ("NOUN", "PROPN")
                 and token.doc[aside.i - 1].text == ","), None)


def is_passive(token: Token) -> bool:
    """Whether a verb has a passive subject ("the notice was posted", "he was told"), or is
    passive after a subject it shares ("had written ... but had been told that")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def agent_of(token: Token) -> Token | None:
    """Who passed a quote on: the "by CCTV" of "was quoted by CCTV as saying"."""
    for child in token.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def governing_cue(token: Token) -> Token | None:
    """For "saying" in "was quoted as saying" or "issued a statement saying", the verb
    whose subject is the speaker: the nearest cue or verb with a subject above it."""
    node = token
    after_comma = token.tag_ == "VBG" and token.i > 0 and token.doc[token.i - 1].text == ","
    for _ in range(8):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "ADJ":
            return None  # "it is worth noting that": nobody in particular says it
        if node.dep_ == "relcl" and after_comma:
            continue  # "defend not paying an architect who said ..., saying": Trump, not the architect
        if node.pos_ in ("VERB", "AUX") and _closed_aside(node, token):
            continue  # "- where the Panthers played the Vikings - while chanting": the marchers chant
        if node.pos_ in ("VERB", "AUX") and subject_of(node) is not None:
            return _reporter_above(node) if after_comma else node
    return None


def _reporter_above(verb: Token) -> Token:
    """The reporting verb whose reported clause holds `verb`, if any, else `verb`: a
    participle after a comma that the parser hangs inside what someone is reported to say
    speaks for that someone ("The association demanded that the university let applicants
    retake the essay, calling re-grading "a half measure"": the association calls it)."""
    node = verb
    for _ in range(6):
        if node.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or node.head.i == node.i:
            return verb
        reported = node.dep_ == "ccomp"
        node = node.head
        if reported and (is_cue(node) or is_cue(node, indirect=True)) and subject_of(node) is not None:
            return node
    return verb


_DASHES = frozenset("-–—")


def _closed_aside(verb: Token, token: Token) -> bool:
    """Whether a verb heads an aside set off by dashes that closes before `token`: the
    parser hangs what follows the aside on the aside's verb."""
    left = verb.left_edge.i
    return left > 0 and verb.doc[left - 1].text in _DASHES \
        and any(c.dep_ == "punct" and c.text in _DASHES and verb.i < c.i < token.i for c in verb.children)


def is_naming(token: Token) -> bool:
    """"a film called", "the plan, dubbed": the quote that follows is a name."""
    return token.lemma_.lower() in NAMING_LEMMAS and token.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP", "VB")


def _words_owner(token: Token) -> Token | None:
    """Whose words a cue noun after "according to" are: "according to her statement",
    "according to a speech Mrs. Clinton delivered"."""
    owner = noun_cue_speaker(token)
    if owner is None and token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_CUES:
        clause = next((c for c in token.children if c.dep_ == "relcl"), None)
        owner = next((c for c in clause.children if c.dep_ == "nsubj" and c.tag_ != "WDT"), None) \
            if clause is not None else None
    return owner


def noun_cue_speaker(token: Token) -> Token | None:
    """Who a cue noun belongs to: "Trump's claim", "X issued a statement"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOUN_CUES:
        return None
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in _NOUN_CUE_VERBS:
        return subject_of(head)
    return None
