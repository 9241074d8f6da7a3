"""The attribution frame of a quote: the words around its marks that say who said it.

A quote's frames are the text between it and its neighbouring quotes, cut at sentence
ends: `, she said, ` between two halves of a split quote; `Ruiz said: ` before one.
The cue is the reporting verb in a frame nearest the quote; the speaker is its subject.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import ORG_NOUNS, PERSON_NOUNS
from ..pipeline.nlp import Parsed
from ..speakers.attribution import Resolver, Speaker
from ..speakers.speaker_kinds import kind_in_article
from .cues import (
    ASPECT_LEMMAS,
    DIRECT_LEMMAS,
    INDIRECT_LEMMAS,
    WRITTEN_THINGS,
    agent_of,
    cue_text,
    goes_on,
    governing_cue,
    is_cue,
    is_naming,
    is_passive,
    noun_cue_speaker,
    subject_of,
)
from .quotemarks import QuoteSpan

_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z](?:\.[A-Z])*|\bSt|\bNo|\bvs)\.$")
# the longest match that need be looked for: "U.S.A." ends in the shorter match "A." too
_ABBREVIATION_CHARS = 5
# "“...” ― Ana Ruiz": a reader's or a poll respondent's words credited after a dash
_DASH_CREDIT = re.compile(r"\s*[―—–]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
# "“...” - Bernie Sanders.": a hyphen for the dash, when a person's name ends the credit
_HYPHEN_CREDIT = re.compile(r"\s*-\s?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?:[.,;]|\s*$)")


_SHARES = frozenset("percent % majority minority third half quarter fifth most".split())
_POLLS = frozenset("poll polls survey surveys study studies".split())
_NOMINATIVE = frozenset("he she they we".split())
# a name beside a cue in these roles is not who speaks: an object, or the one told or described
_NOT_SPEAKER_DEPS = ("dobj", "iobj", "pobj", "dative", "oprd", "nsubjpass")
_WHEN = frozenset(("DATE", "TIME"))  # "said Monday": a day beside the cue is no speaker
# "I hope in 2017 America says, ...": words wished into someone's mouth are the wisher's
# (the small model lemmatises "hopes" as "hop": the forms are listed)
_WISHES = frozenset("""hope hopes hoped hoping wish wishes wished wishing pray prays prayed praying
imagine imagines imagined imagining dream dreams dreamed dreamt dreaming""".split())


@dataclass(frozen=True)
class Attribution:
    """A cue and whom it names. `channel`: who passed the words on (a broadcaster, a
    ministry's statement); `naming`/`written`: the cue introduces a name or text on a sign,
    not speech; `inherited`: taken from an earlier cue (a quote with none of its own)."""
    cue: str
    speaker: Speaker | None
    channel: str | None = None
    naming: bool = False
    written: bool = False
    inherited: bool = False


@dataclass(frozen=True)
class Quote:
    """One quote before it becomes a row; offsets paragraph-local."""
    paragraph: int
    start: int
    end: int
    kind: str
    who: Attribution | None
    chain: int = -1  # the paragraphs of one multi-paragraph quote share a chain number


def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)
            if not _ABBREVIATION.search(text, max(0, m.start() + 1 - _ABBREVIATION_CHARS), m.start() + 1)]


def frames_of(text: str, spans: list[QuoteSpan], i: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(before, after): paragraph-local char ranges of quote i's frames."""
    span = spans[i]
    lo = spans[i - 1].close_at + 1 if i else 0
    hi = span.open_at
    ends = _sentence_ends(text[lo:hi + 2])  # the opening mark may start a sentence
    lo = max(lo + ends[-1] if ends else lo, text.rfind("\n", lo, hi) + 1)
    before = (min(lo, hi), hi)
    lo = span.close_at + 1
    hi = spans[i + 1].open_at if i + 1 < len(spans) else len(text)
    cut = next((e for e in _sentence_ends(text[lo:hi]) if e > 2), hi - lo)
    line_end = text.find("\n", lo, lo + cut)  # a line break ends a frame too
    return before, (lo, line_end if line_end >= 0 else lo + cut)


def tokens_between(doc: Doc, starts: list[int], lo: int, hi: int) -> list[Token]:
    """The tokens starting in [lo, hi); `starts` holds each token's char offset."""
    return list(doc[bisect_left(starts, lo):bisect_left(starts, hi)])


# what a sentence after a quote calls its words when it names whose they were
_WORDS_NOUNS = frozenset("""
words word assessment warning remark comment verdict view plea criticism description message admission
claim prediction sentiment observation appeal complaint diagnosis account analysis
""".split())
_POINTING = frozenset("the that this those these".split())


def named_next(parsed: Parsed, p: int, span: QuoteSpan, after: tuple[int, int],
               resolver: Resolver) -> Attribution | None:
    """A quote whose speaker the next sentence names: ""Passengers think we are getting
    rich." The words came from Yaw Agyekum, who ...", "That assessment comes from ..."."""
    text = parsed.article.paragraphs[p].text
    if text[span.end - 1:span.end] not in ".!?":
        return None
    tokens = tokens_between(parsed.docs[p], resolver.token_starts[p], *after)
    how = _said_how(tokens) or _words_of(tokens)
    if how is not None:
        who = resolver.speaker(p, how[1])
        return Attribution(how[0].text, who) if who is not None and who.label == "PERSON" else None
    come = next((t for t in tokens if t.lemma_.lower() == "come" and t.dep_ == "ROOT"), None)
    if come is None or come.sent.start != tokens[0].i:
        return None
    said = next((c for c in come.children if c.dep_ == "nsubj"), None)
    source = next((c for c in come.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    whom = next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
    if whom is None or said is None or said.lemma_.lower() not in _WORDS_NOUNS \
            or not any(c.dep_ == "det" and c.lower_ in _POINTING for c in said.children):
        return None
    who = resolver.speaker(p, whom)
    return Attribution(come.text, who) if who is not None else None


def _said_how(tokens: list[Token]) -> tuple[Token, Token] | None:
    """"That is how Lizbeth Anaya, a tax auditor, described her years", "That was how
    Radovan Petrovic put it": the verb and its subject, in a sentence right after the quote."""
    if len(tokens) < 4 or tokens[0].lower_ not in ("that", "this") or tokens[1].lemma_ != "be" \
            or tokens[2].lower_ != "how" or tokens[0].sent.start != tokens[0].i:
        return None
    verb = tokens[2].head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (verb, subject) if verb.dep_ == "ccomp" and subject is not None and subject.pos_ == "PROPN" else None


def _words_of(tokens: list[Token]) -> tuple[Token, Token] | None:
    """"The words are those of Anicet Ndihokubwayo, 71,", "These words were those of ...":
    the verb and the name, in a sentence right after the quote (as French-language press
    writes "Ces mots sont ceux de ...")."""
    if len(tokens) < 6 or tokens[0].lower_ not in _POINTING or tokens[1].lemma_.lower() not in _WORDS_NOUNS \
            or tokens[2].lemma_ != "be" or tokens[3].lower_ != "those" or tokens[4].lower_ != "of" \
            or tokens[0].sent.start != tokens[0].i:
        return None
    name = next((c for c in tokens[4].children if c.dep_ == "pobj"), None)
    return (tokens[2], name) if name is not None and name.pos_ == "PROPN" else None


def attribute(parsed: Parsed, p: int, span: QuoteSpan, kind: str, before: tuple[int, int],
              after: tuple[int, int], resolver: Resolver) -> Attribution | None:
    """The cue and speaker of one quote, looking first in the frame its punctuation points to."""
    doc = parsed.docs[p]
    text = parsed.article.paragraphs[p].text  # Doc.text would rebuild it from the tokens
    last = text[span.end - 1:span.end]
    frames = [(after, False), (before, True)]
    if kind == "mixed" and last == "," and _credit_closes(doc, resolver.token_starts[p], after):
        pass  # "The four "loopholes" he cited are "...," The Hill reported.": the sentence is The Hill's
    elif kind == "mixed" or not (last == "," or (kind == "direct" and last in "?!—–-…")):
        frames.reverse()  # a fragment belongs to the clause it sits in, whatever its comma
    credit = _DASH_CREDIT.match(text, after[0], after[1])
    if credit:
        lo, hi = credit.span(1)
        return Attribution("―", resolver.name_at(p, lo, hi))
    credit = _HYPHEN_CREDIT.match(text, after[0], after[1])
    who = resolver.name_at(p, *_without_full_stop(text, *credit.span(1))) if credit else None
    if who is not None and (who.label == "PERSON" or resolver.names_person(who.name)):
        return Attribution("―", who)
    for (lo, hi), backwards in frames:
        tokens = tokens_between(doc, resolver.token_starts[p], lo, hi)
        if backwards and tokens and _names_next(tokens, text[span.start:span.end]):
            return Attribution(tokens[-1].text, None, naming=True)
        cues = [t for t in tokens if is_cue(t, fragment=kind == "mixed")
                and (t.lemma_ not in ASPECT_LEMMAS or goes_on(t) or _adjacent(t, tokens, backwards))]
        if cues and not backwards and last in ".!?" and (
                _words_before(cues[0], tokens) > 4 and _reports_something(cues[0])
                or text[lo:hi].rstrip().endswith(":")):
            cues = []  # a quote that ended its sentence; the next one reports something else, or leads in a quote
        if cues:
            cue = cues[-1] if backwards else cues[0]
            return _attribution(p, cue, cues, tokens, resolver, after=not backwards,
                                quote=(span.open_at, span.close_at))
        owner = _noun_cue_owner(tokens) if backwards else None
        speaker = resolver.speaker(p, owner) if owner is not None else None
        if speaker is not None and (not speaker.name or names_a_speaker(resolver, speaker)):
            return Attribution("", speaker)  # "Trump's claim: ..."; proposals that "send a message" say nothing
    return None


def _names_next(frame: list[Token], quoted: str) -> bool:
    """Whether the words before a quote introduce a name: "a film called", "known to
    residents as", "Customers call him 'el Maestro'"."""
    last = frame[-1]
    if is_naming(last) or last.lemma_.lower() in _WORKS and last.pos_ == "NOUN" and quoted[:1].isupper():
        return True  # "a film called", "singing the folk song 'Izlel e Delyo haydutin'" (not "the song "still ...")
    if last.lower_ == "as":
        return last.head.lemma_.lower() == "know" and last.head.tag_ == "VBN"
    # "call him 'el Maestro'", "call the striker "the Hammer"": a name; "called the plan "a
    # disgrace"", "call them "lone wolves"" are the speaker's words
    words = quoted.strip(" ,.").split()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    if not words or not all(w[:1].isupper() for w in words if len(w) > 2):
        return False  # "an American hero" is a description, "the Hammer" a name
    doc = last.doc
    verb = doc[last.i - 1] if last.tag_ == "PRP" and last.i else last.head if last.dep_ == "dobj" else None
    return verb is not None and verb.i < last.i and is_naming(verb) \
        and all(t.head == last for t in doc[verb.i + 1:last.i])


# works whose title may follow the word: "the folk song 'Izlel e Delyo haydutin'"
_WORKS = frozenset("song hymn anthem poem film movie book novel play album opera painting motto slogan".split())
_ARTICLES = frozenset("the a an el la los las le les il lo der die das het".split())


def _without_full_stop(text: str, lo: int, hi: int) -> tuple[int, int]:
    """A name's span without the full stop that ends its sentence ("Sanders." but "Jr.", "J.")."""
    last = text[lo:hi].split()[-1]
    return (lo, hi - 1) if last.endswith(".") and len(last) > 3 and last != "Jr." else (lo, hi)


def _credit_closes(doc: Doc, starts: list[int], after: tuple[int, int]) -> bool:
    """Whether the words after a quote are only a short credit that ends its sentence:
    a subject of a few words and a cue (", The Hill reported.", ", she said.")."""
    tokens = tokens_between(doc, starts, *after)
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or len(words) > 6 or tokens[-1].text not in (".", "!", "?"):
        return False
    at = next((n for n, t in enumerate(words) if is_cue(t)), None)
    if at is None:
        return False
    # nothing after the cue but when and how: ", The Hill reported Friday."
    return at == len(words) - 1 or at <= 3 and all(t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("ADV", "ADP")
                                                  for t in words[at + 1:])


def _noun_cue_owner(frame: list[Token]) -> Token | None:
    """Whose words a quote after a cue noun are ("Clinton's remark: "...""): the noun's
    owner, when the words between the noun and the quote belong to its phrase, not to a
    clause of their own ("treating Clinton's remark as a compliment -- "..."" is Trump's)."""
    for n, tok in enumerate(reversed(frame)):
        owner = noun_cue_speaker(tok)
        if owner is not None:
            after = frame[len(frame) - n:]
            inside = set(t.i for t in tok.subtree)
            return owner if all(t.i in inside for t in after if t.pos_ in ("NOUN", "PROPN", "VERB")) else None
    return None


def _reports_something(cue: Token) -> bool:
    """Whether a cue has its own reported words ("Smith said the plan would fail"), unlike
    "Scott's niece, state Del. Marcia Price, shouted to the crowd." after a quote."""
    return any(c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for c in cue.children)


def _describes(subject: Token, quote: tuple[int, int]) -> bool:
    """Whether a quote stands inside the speaker's own phrase, where it names or describes
    them ("Mayor Rodolfo Tabuena, known to residents as "Dodong," said", "The company, best
    known for its "Lakehead" line, said"): words about the speaker, not theirs."""
    first, last = subject.left_edge, subject.right_edge
    return first.idx < quote[0] and quote[1] < last.idx + len(last) \
        and not any(is_cue(t, fragment=True) for t in subject.subtree)


def _words_before(cue: Token, frame: list[Token]) -> int:
    return sum(1 for t in frame if t.i < cue.i and not t.is_punct and not t.is_space)


def _adjacent(cue: Token, frame: list[Token], backwards: bool) -> bool:
    """Whether a cue ends the frame before a quote ("Smith continued:") or starts the one
    after it ("..., he continued"), with at most a subject and punctuation between."""
    if backwards:
        return cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].text in (":", ",")
    return len([t for t in frame if t.i < cue.i and not t.is_punct]) <= 3


def _attribution(p: int, cue: Token, cues: list[Token], frame: list[Token], resolver: Resolver, *,
                 after: bool = False, quote: tuple[int, int] = (0, 0)) -> Attribution:
    subject = _subject(cue, frame, after=after, quote=quote, quoted=lambda char: resolver.in_quote(p, char))
    if after and subject is not None and _describes(subject, quote):
        return Attribution(cue_text(cue), None, naming=True)
    written = _is_written(cue, subject)
    if written:
        speaker = None
    elif subject is None:  # "... and that the notice was posted “as a courtesy”": the outer report's
        cue, speaker = _outer(p, cue, cues, resolver) or (cue, None)
    else:
        cue, speaker = whose_report(p, cue, cues, subject, resolver)
    return Attribution(cue_text(cue), speaker, _channel(p, cue, cues, speaker, resolver), written=written)


def whose_report(p: int, cue: Token, cues: list[Token], subject: Token,
                 resolver: Resolver) -> tuple[Token, Speaker | None]:
    """The cue and speaker a cue's subject gives, once nested reports are settled: a
    pronoun reporting its own words ("Lynch said she recalled"), a subject that is no
    speaker inside another's report ("Holm said the advertisement suggests that ..."), a
    share of a poll ("74 percent of voters said"). `cues` are the other cues around it."""
    speaker = resolver.speaker(p, subject)
    if speaker is not None and speaker.name and subject.pos_ == "PRON":
        return _outer_report(p, cue, cues, speaker, resolver)
    cue, speaker = _reporter(p, cue, cues, subject, speaker, resolver)
    speaker = _poll_of_share(p, subject, resolver) or speaker
    if speaker is not None and speaker.name and not names_a_speaker(resolver, speaker):
        speaker = None  # "the phrase suggests": no one said it
    return cue, speaker


def _outer_report(p: int, cue: Token, cues: list[Token], speaker: Speaker, resolver: Resolver):
    """"Lynch said she recalled ...": one speaker reporting herself; the cue attaches to
    the outer report and its named subject."""
    for other in cues:
        if other.i != cue.i and _reports_within(other, cue):
            outer = speaker_of_cue(p, other, resolver)
            if outer is not None and outer.name == speaker.name:
                return other, outer
    return cue, speaker


def _reports_within(outer: Token, cue: Token) -> bool:
    """Whether a cue sits in what another cue reports ("Lynch said she recalled"), not in
    its subject ("said Mr. Ekovich, who noted that ...": a second report of his own)."""
    subjects = [c for c in outer.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(cue in s.subtree for s in subjects):
        return False
    if any(c.dep_ == "conj" and cue in c.subtree for c in outer.children):
        return False  # "had written to the department ... but had been told that": side by side, not within
    # a parenthetical report ("..., Mr. Obama said, a majority ...") hangs on the clause it reports
    return cue in outer.subtree or outer.dep_ == "parataxis" and cue in outer.head.subtree


def _reporter(p: int, cue: Token, cues: list[Token], subject: Token, speaker: Speaker | None,
              resolver: Resolver) -> tuple[Token, Speaker | None]:
    """"Mr. Obama said, a majority of Americans have come to believe "...", "Sanders said
    the process could be "messy"": a cue inside what another verb of saying reports, whose
    subject is no speaker, gives the words to the outer speaker, whose report they are.
    A speaker inside keeps them ("Radio Norte reported that Brand said": Brand's words,
    passed on by a channel)."""
    thought = cue.lower_ != "according" and cue.lemma_.lower() not in DIRECT_LEMMAS and not goes_on(cue)
    if not thought and (_speaks(subject, speaker) or (
            cue.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children))):
        return cue, speaker  # "Smith said ... and Jones said ...": two reports side by side
    # "Mr. Obama said, a majority of Americans have come to believe "..."": what someone is
    # said to think is worded by the one who says so
    return _outer(p, cue, cues, resolver) or (cue, speaker)


def _outer(p: int, cue: Token, cues: list[Token], resolver: Resolver) -> tuple[Token, Speaker] | None:
    """The report a cue sits inside, and its named speaker: "Sanders said the process could be ..."."""
    for other in reversed(cues):
        if other.i != cue.i and other.lower_ != "according" and other.lemma_.lower() in INDIRECT_LEMMAS \
                and _reports_within(other, cue):
            outer = speaker_of_cue(p, other, resolver)
            if outer is not None and outer.name:
                return other, outer
    return None


def names_a_speaker(resolver: Resolver, speaker: Speaker) -> bool:
    """Whether a speaker is one: a person, a body, a group or a source by its entity label
    or by its head word (not "the phrase", "other changes", "Monday")."""
    return bool(kind_in_article(resolver.parsed, speaker))


def _poll_of_share(p: int, subject: Token, resolver: Resolver) -> Speaker | None:
    """"In a Post-ABC poll, 75 percent of Republicans said ...": a share of those asked is
    no speaker; the poll (or survey, study) the sentence names is the source."""
    if subject.lemma_.lower() not in _SHARES:
        return None
    poll = next((t for t in subject.sent if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in _POLLS), None)
    if poll is None:
        return None
    return resolver.noun_phrase(p, poll)


def _speaks(subject: Token, speaker: Speaker | None) -> bool:
    """Whether a cue's subject is one who speaks: a person or body the article names, a
    pronoun, a name, or a noun for a person or a body ("the minister", "the council");
    not "a majority", "the phrase", "the advertisement"."""
    if speaker is None:
        return False
    if speaker.label in ("PERSON", "ORG", "NORP", "GPE") or subject.pos_ in ("PRON", "PROPN"):
        return True
    lemma = subject.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in ORG_NOUNS


def speaker_of_cue(p: int, cue: Token, resolver: Resolver, frame: list[Token] | None = None) -> Speaker | None:
    """The speaker a cue's subject stands for, or None."""
    subject = _subject(cue, frame or [])
    return resolver.speaker(p, subject) if subject is not None else None


def subject_for_cue(cue: Token) -> Token | None:
    """The subject a cue reports for, as the parse (or the misparse fallbacks) gives it."""
    return _subject(cue, [])


def _subject(cue: Token, frame: list[Token], *, after: bool = False,
             quote: tuple[int, int] = (0, 0), quoted=lambda char: False) -> Token | None:
    """The parse's subject of the cue (or of the verb governing "saying"), else the name
    or pronoun right next to the cue in the frame ("said Ruiz" misparsed), else, in a
    frame after the quote, the name that opens it ("..." Gene Sperling, an adviser, said).

    A subject inside the quote, or in a later quote (`said on Fox News's "Fox and
    Friends."`), is the parser joining quoted words to the cue, never the speaker: it is
    set aside. `quoted(char)` tells whether a paragraph character is between quote marks.
    """
    wish = _wished(cue)
    subject = subject_of(wish if wish is not None else cue)
    if subject is None and cue.dep_ == "acl" and cue.head.pos_ == "PROPN":
        return cue.head  # "footage of Ana Ruiz asking, ..."
    root = cue.sent.root
    if subject is None and cue.dep_ in ("acl", "relcl") and root.pos_ == "PROPN" and root.ent_type_ == "PERSON" \
            and root.i < cue.i:
        return root  # "Rep. Stellan Ostby, R-Joplin, who chairs the committee that ..., posted": a sentence
        # the parser read as one long name, the cue hung on a noun inside it
    if subject is None and cue.i == cue.sent.start + 1 and _name_misread(cue.doc[cue.i - 1]):
        return cue.doc[cue.i - 1]  # "Cely said he would ...": the name read as an adverb
    if subject is None and is_passive(cue):
        return None  # a passive cue with no agent names no one: "the notice was posted", "the FBI was warned"
    if subject is None and cue.lower_ != "according":
        gov = governing_cue(cue)
        subject = subject_of(gov, near=cue) if gov is not None else None
    if subject is not None and not quote[0] <= subject.idx < quote[1] and not quoted(subject.idx):
        return subject
    # after the cue, not the subject of the clause it reports ("wrote that Wendling was")
    near = [t for t in frame if 0 < t.i - cue.i <= 3 and not _opens_clause(cue, t)] \
        + [t for t in reversed(frame) if 0 < cue.i - t.i <= 2]
    found = next((t for t in near if t.dep_ not in _NOT_SPEAKER_DEPS and t.ent_type_ not in _WHEN and (
        t.pos_ == "PROPN" or t.lower_ in _NOMINATIVE)), None)
    if found is None and after:
        found = _opening_name(cue, frame)
    if found is None and cue.tag_ == "VBG":
        found = _clause_subject(cue, quote, quoted)
    return found


def _name_misread(tok: Token) -> bool:
    """A capitalised word opening a sentence right before its verb, that the parser took
    for an adverb or an adjective: no English sentence opens "Later said", so a name."""
    return tok.pos_ in ("ADV", "ADJ", "INTJ", "X") and tok.is_title and tok.is_alpha and len(tok) > 2


def _opens_clause(cue: Token, tok: Token) -> bool:
    """Whether `tok`, after the cue, is the subject the reported clause has of its own: a
    name ("wrote Wendling was"), or any word after one that opens the clause ("wrote that
    he was"). A pronoun right after a cue with no subject ("Kasprzak, 74, said he had")
    is most often the one who said it."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head != cue and tok.pos_ != "PRON" \
        or any(t.dep_ == "mark" for t in cue.doc[cue.i + 1:tok.i])


def _wished(cue: Token) -> Token | None:
    """The wish a cue is the object of: "hope" in "I hope in 2017 America says", which the
    parser may also hang under the cue as its clause."""
    if cue.dep_ == "ccomp" and cue.head.lower_ in _WISHES:
        return cue.head
    return next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i and c.lower_ in _WISHES), None)


def _clause_subject(cue: Token, quote: tuple[int, int], quoted) -> Token | None:
    """"Mr. Trump hardly clarified the matter ..., asserting, "...": a participle the parse
    left without a subject speaks for the name or pronoun its sentence opens with."""
    for tok in cue.sent:
        if tok.i >= cue.i:
            return None
        if tok.dep_ in ("nsubj", "nsubjpass") and (tok.pos_ == "PROPN" or tok.lower_ in _NOMINATIVE) \
                and not quote[0] <= tok.idx < quote[1] and not quoted(tok.idx):
            return tok
    return None


def _opening_name(cue: Token, frame: list[Token]) -> Token | None:
    """"..." Ramos, 58, told AFP: the name the frame opens with, when only an apposition
    set off by commas stands between it and the cue."""
    words = [t for t in frame if t.i < cue.i and not (t.is_punct or t.is_space)]
    if not words or words[0].pos_ != "PROPN" and words[0].lower_ not in _NOMINATIVE:
        return None
    name = words[0]
    while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head
    between = cue.doc[name.i + 1:cue.i]
    if len(between) and (between[0].text != "," or between[-1].text != ","):
        return None  # "Ramos told": the parse would have found it; "Ramos and AFP", something else
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj", "parataxis") for t in between):
        return None  # a clause of its own between them, not an apposition
    return name


# things that carry words only when a participle says so ("a board reading"; "the board said" is a body)
_CARRIED_THINGS = frozenset("board card flag sheet cardboard".split())
_TEXT_CARRIERS = WRITTEN_THINGS | _CARRIED_THINGS


def _carrier(noun: Token) -> Token:
    """The thing a participle after a noun describes, past the places between them: "a
    banner across the entrance to the village reading ..." is the banner's."""
    for _ in range(3):
        if noun.lemma_.lower() in _TEXT_CARRIERS or noun.dep_ != "pobj" \
                or noun.head.dep_ != "prep" or noun.head.lower_ not in _PLACE_PREPOSITIONS:
            break
        noun = noun.head.head
    return noun


_PLACE_PREPOSITIONS = frozenset("across over at on to in outside above along near by from of".split())


def _is_written(cue: Token, subject: Token | None) -> bool:
    """Text on a sign or banner ("a placard reading", "the sign said") is not speech."""
    if cue.dep_ == "acl" and _carrier(cue.head).lemma_.lower() in _TEXT_CARRIERS:
        return True  # "protesters held placards reading ...": the placards', whoever the parse holds says it
    if cue.dep_ == "advcl" and cue.lower_ == "reading" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TEXT_CARRIERS for c in cue.head.children):
        return True  # "hung a banner across the entrance reading ...", the participle hung on "hung"
        # (but "waved placards, saying the council had lied" is the crowd's)
    holder = subject if subject is not None else (cue.head if cue.dep_ == "acl" else None)
    if holder is not None and holder.lower_ in ("which", "that") and holder.head.dep_ == "relcl":
        holder = holder.head.head  # "a sign which read"
    return holder is not None and holder.lemma_.lower() in WRITTEN_THINGS


def _channel(p: int, cue: Token, cues: list[Token], speaker: Speaker | None, resolver: Resolver) -> str | None:
    """Who passed the words on: "quoted by X", "X reported that ...", "according to X"."""
    agent = agent_of(cue)
    if agent is not None:
        found = resolver.speaker(p, agent)
        return found.name if found else None
    for other in cues:
        if other.i == cue.i or not (other.lower_ == "according" or cue in other.subtree):
            continue
        found = speaker_of_cue(p, other, resolver)
        if found is not None and (speaker is None or found.name != speaker.name):
            return found.name
    return None


def is_headline(parsed: Parsed, p: int) -> bool:
    """The article's first paragraph as a headline: one short line, with more text below
    (a headline may end in a closing quote mark, which the paragraph kinds count as prose)."""
    text = parsed.article.paragraphs[p].text
    if p or len(parsed.kinds) < 2:
        return False
    return parsed.kinds[0] == "headline" or (
        "\n" not in text and len(text.split()) <= 20 and not text.rstrip("\"”’'").endswith("."))
