"""Canonical names: the forms an article uses for one entity, merged.

Surnames and titled forms go with the full name ("Xi", "Chinese President Xi Jinping" ->
"Xi Jinping"), acronyms with the name they abbreviate ("China Central Television (CCTV)",
"AP" for "The Associated Press"), and "U.S."/"the United States" become "United States".
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import (
    GENDERED_NOUNS,
    GIVEN_NAME_OPENERS,
    GIVEN_NAMES,
    PATRONYMIC_AFTER,
    SURNAMES_FIRST,
    TITLE_SEX,
    TITLES,
    TITLES_BEFORE_FULL_NAMES,
    is_patronymic,
    occupation,
    paternal_surname,
    sex_in_name,
    without_generation,
)
from .body_or_person import bodies_for_words
from .known_as import known_as

if TYPE_CHECKING:
    from .spans import Mention

# Forms of one country or body that share no words; the canonical name comes first.
ALIASES = (
    ("United States", "U.S.", "US", "U.S.A.", "USA", "United States of America", "the United States"),
    ("United Kingdom", "U.K.", "UK", "the United Kingdom"),
    ("United Nations", "U.N.", "UN", "the United Nations"),
    ("European Union", "E.U.", "EU", "the European Union"),
    ("Soviet Union", "USSR", "U.S.S.R."),
)
ALIAS_OF = {form.lower(): group[0] for group in ALIASES for form in group}
# Last words that make a name an organisation's
ORG_ENDINGS = frozenset("""
ltd ltd. limited inc inc. co co. corp corp. corporation llc llp plc gmbh ag company group association
kft kft. zrt zrt. nyrt nyrt. srl s.r.l. s.a. oy bv nv pty bhd
trust council union party foundation institute university college agency authority ministry department
committee commission bank society federation league club network partners holdings systems industries
services airlines airways pac caucus fc gallery museum theatre theater school hospital
rovers athletic wanderers rangers albion united collective cooperative co-operative coalition alliance chamber
service assembly observer times post journal herald tribune gazette chronicle news magazine
examiner inquirer courier telegraph bulletin creamery dairy brewery distillery winery
solutions technologies enterprises ventures logistics pharmaceuticals motors laboratories labs municipality
""".split())
# First words that make a name of the shape "<body> of ..." an organisation's, in the
# languages that put the body's word first ("Asociación de Tejedoras Wila Apacheta",
# "Coopérative des femmes ... de Kpangbassou", "Fundasaun Naroman ba Foho")
ORG_OPENERS = frozenset("""
association asociación associação associazione asociatia cooperative cooperativa coopérative
sindicato syndicat sindicat sindikat federation federación federação fédération federazione
foundation fundación fundação fondation fondazione fundasaun comité comitato comisión comissão
confederación confédération union unión união unione institut instituto istituto sociedad sociedade
société società compañía companhia compagnie grupo groupe society committee council
""".split())
# the word after such an opener: "of", and its forms in those languages
ORG_OPENER_JOINS = frozenset("of for de des du da do del della di dos das ba pour para per".split())
# what a name may end in and stay the same body ("Brackenmoor United FC", "Corvane Ltd")
_LEGAL_SUFFIXES = frozenset("inc inc. ltd ltd. limited plc llc llp co co. corp corp. fc afc gmbh ag sa".split())
# a company's legal form, written after its name and before any other ("Aguas de Chiscavita
# S.A. E.S.P.", "Visoki Katun d.o.o."): the name is a business's
LEGAL_FORMS = frozenset("""ltd ltd. inc inc. llc llp plc gmbh ag s.a. s.a.s. sas e.s.p. s.r.l. srl s.p.a. spa
d.o.o. doo a.d. b.v. bv n.v. nv pty bhd sdn s.a.r.l. sarl s.l. kft zrt nyrt oy ab as a/s ltda ltda. cía c.a.""".split())

# Last words of places that open with a given name ("Virginia Beach", "Austin Street")
PLACE_ENDINGS = frozenset("""
beach city county street road avenue park valley springs falls hill hills island islands lake river bay
heights center centre hall square bridge port harbor harbour point mountain mountains creek village
""".split())
_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’]+)*|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+"  # "Anne-Laure" too
                        r"|de|van|von|da|di|del|la|le|bin|al|dos|das")
# words that open a surname: "Leonel de la Peña" is "de la Peña" alone
# ("ould", "mint": son, daughter of, in Mauritania)
PARTICLES = frozenset("""von van der den de ter ten da di du del della la le bin binti binte bint ibn al el af dos das
ould mint""".split())
# words that open a surname and are given names too: "Nurit Ben Dor" is no "Ben Dor" with an epithet
_SURNAME_OPENERS = PARTICLES | frozenset("ben bar abu".split())
_NO_ADDRESS = frozenset(GIVEN_NAMES) | SURNAMES_FIRST | GIVEN_NAME_OPENERS | PARTICLES
ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")
SMALL_WORDS = {"the", "of", "and", "for", "&", "de", "du", "la", "le", "des", "in", "on", "a", "an", "at", "to",
               "by", "with", "from", "as", "or", "nor", "but", "vs", "vs.", "into", "over", "amid", "after"}


def canonicalise(mentions: list[Mention], text: str) -> tuple[list[str], dict[str, str]]:
    """The canonical name of each mention, and the label of each canonical name."""
    names = [ALIAS_OF.get(m.name.lower(), m.name) for m in mentions]
    names = _without_place_owner(mentions, names)
    acronyms = _acronym_map(mentions, names, text)
    names = [acronyms.get(n, n) for n in names]
    names = _drop_stray_words(mentions, names)
    names = _merge_middle_initials(mentions, names)
    names = _without_generation(mentions, names)
    address = address_words(mentions, names)
    names = _without_address_words(names, address)
    mentions, names = _bodies_for_surnames(mentions, names, text)
    names = _merge_person_parts(mentions, names, text)
    names = _address_and_given_name(mentions, names, address)
    names = _given_name_and_patronymic(mentions, names)
    also = known_as(mentions, names, text)  # "a widow known in the village as Bana Mwenya"
    names = [also.get(n, n) for n in names]
    titled = {n for m, n in zip(mentions, names) if m.sure and m.label == "PERSON"}
    names = _merge_org_parts(names, _labels(mentions, names), titled, _shortened_later(mentions, names, text))
    return names, _labels(mentions, names)


def _without_generation(mentions: list[Mention], names: list[str]) -> list[str]:
    """A person's name without "Jr." or "Sr." ("Joseph R. Biden Jr." is Joseph R. Biden),
    unless the article gives another full name that surname ("Ulysse Naquin Jr." and his
    father "Ulysse Naquin Sr.", "Donald Trump Jr." and "Donald J. Trump"): then the suffix
    tells them apart."""
    bases = [without_generation(n) for n in names]
    full = defaultdict(set)  # surname -> the full names it closes, without suffix
    suffixes = defaultdict(set)  # surname -> the suffixes written after it ("jr", "sr")
    for m, n, base in zip(mentions, names, bases):
        if m.label == "PERSON" and " " in base:
            full[base.split()[-1]].add(base)
            if base != n:
                suffixes[base.split()[-1]].add(n.split()[-1].lower().rstrip(".").replace("nr", "r"))  # "Jnr" is "Jr"
    return [base if m.label == "PERSON" and base != n and len(full[base.split()[-1]]) == 1
            and len(suffixes[base.split()[-1]]) == 1 else n for m, n, base in zip(mentions, names, bases)]


def address_words(mentions: list[Mention], names: list[str]) -> set[str]:
    """Words of address the article itself shows, whatever the word lists know: a word
    that opens the full names of two people or more ("Dasho Karma Tshering" and "Dasho
    Pema Wangdi", "Papa Tuaivi Ngatupuna" and "Papa Rongo Tairea") and is never a name
    alone, nor a surname, a common given name or a family name written first ("Tan
    Chuan Jin" and "Tan See Leng"); a given name before an initial stays ("Viktor F.
    Yanukovych" and "Viktor A. Yushchenko"). A word that is a name too and a word of
    address only before a full name (lexicon.TITLES_BEFORE_FULL_NAMES) is one where the
    article also puts it before the given name alone ("Don Severino")."""
    tails: dict[str, set[str]] = defaultdict(set)
    for m, n in zip(mentions, names):
        words = n.split()
        if m.label == "PERSON" and len(words) >= 3 and words[1][:1].isupper() and not words[1].endswith("."):
            tails[words[0]].add(without_generation(" ".join(words[1:])))  # "Ulysse Naquin Jr." and "Sr.": one name
    # a word of address that is a name too, before a given name alone as well as before
    # the full name: "Don Severino Maccagnani" and "Don Severino"
    shown = {n.split()[0] for n in names if n.count(" ") == 1 and n.split()[0] in TITLES_BEFORE_FULL_NAMES
             and any(t.split()[0] == n.split()[1] for t in tails.get(n.split()[0], ()))}
    if not any(len(t) >= 2 for t in tails.values()):
        return shown
    named = {w for n in names for w in (n.split()[-1], n)}
    return shown | {w for w, t in tails.items() if len(t) >= 2 and w.isalpha() and w[:1].isupper() and w not in named
                    and not {w.lower(), _ascii(w.lower())} & _NO_ADDRESS}


def _ascii(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _without_address_words(names: list[str], drop: set[str]) -> list[str]:
    """Names of three words or more without the word of address that opens them (see
    address_words): "Dasho Karma Tshering" is "Karma Tshering"."""
    if not drop:
        return names
    return [n.split(" ", 1)[1] if n.split(" ", 1)[0] in drop and n.count(" ") >= 2 else n for n in names]


def _address_and_given_name(mentions: list[Mention], names: list[str], address: set[str]) -> list[str]:
    """A word of address and a given name ("Don Ernesto", "Papa Tuaivi") stand for the one
    person of the article whose full name opens with that given name ("Ernesto del Pozo")."""
    pairs = {n for n in names if n.count(" ") == 1 and (
        n.split()[0] in address or n.split()[0] in TITLES_BEFORE_FULL_NAMES or n.split()[0].lower() in TITLES)}
    if not pairs:
        return names
    owners: dict[str, set[str]] = defaultdict(set)
    for m, n in zip(mentions, names):
        if m.label == "PERSON" and n.count(" ") >= 1 and n not in pairs:
            owners[n.split()[0]].add(n)
    one = {n: next(iter(owners[n.split()[1]])) for n in pairs if len(owners.get(n.split()[1], ())) == 1}
    return [one.get(n, n) for n in names]


def _given_name_and_patronymic(mentions: list[Mention], names: list[str]) -> list[str]:
    """"Nadezhda Fominichna", a given name and a father's name as a village addresses a
    woman, is the one person of the article whose full name opens with that given name
    ("Nadezhda Kulesh"); not a surname of that shape the article also writes alone
    ("Stanislaus Yurkovich ... Yurkovich said")."""
    alone = {m.name for m in mentions if " " not in m.name}
    full = defaultdict(set)
    for m, n in zip(mentions, names):
        words = n.split()
        if m.label == "PERSON" and len(words) >= 2 and not (len(words) == 2 and is_patronymic(words[1])):
            full[words[0]].add(n)
    out = []
    for n in names:
        words = n.split()
        owners = full.get(words[0], set()) if len(words) == 2 and is_patronymic(words[1]) \
            and words[1] not in alone else set()
        out.append(next(iter(owners)) if len(owners) == 1 else n)
    return out


def _bodies_for_surnames(mentions: list[Mention], names: list[str], text: str
                         ) -> tuple[list[Mention], list[str]]:
    """"Tillery" that stands for Tillery Institutional Foods, not for Lamar Tillery (see
    body_or_person): the body's name, and the mention's vote goes to the body's label."""
    person = {n for m, n in zip(mentions, names) if m.label == "PERSON" and " " in n}
    body = {n for m, n in zip(mentions, names)
            if m.label == "ORG" and " " in n and not looks_like_a_person(n)} - person
    found = bodies_for_words(mentions, names, text, person, body)
    if not found:
        return mentions, names
    return ([replace(m, label="ORG") if i in found else m for i, m in enumerate(mentions)],
            [found.get(i, n) for i, n in enumerate(names)])


_OWNED = re.compile(r"^(\S+?)['’]s\s+(\S.*)$")


def _without_place_owner(mentions: list[Mention], names: list[str]) -> list[str]:
    """"Singapore's Perantau Offshore" in a headline is Perantau Offshore, which the text
    names alone elsewhere: a place owns no company's name (but "China's Foreign Ministry",
    a body of no place without it, is never named alone)."""
    places = {n for m, n in zip(mentions, names) if m.label in ("GPE", "NORP")}
    known = set(names)
    out = []
    for n in names:
        owned = _OWNED.match(n)
        out.append(owned.group(2) if owned is not None and owned.group(1) in places and owned.group(2) in known
                   else n)
    return out


def _labels(mentions: list[Mention], names: list[str]) -> dict[str, str]:
    """Each name's label by the votes of its mentions (a full person's name counts double,
    and a label the text gives away - a title, "in Aldmoor", "Ltd", "shipbuilder Perantau
    Offshore" - outweighs any number the model guessed), unless the
    name itself shows a person: a common given name, then surname-like words ("Ava
    DuVernay", "Terry McAuliffe", whatever the model said of each mention)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m, n in zip(mentions, names):
        if m.label:
            votes[n][m.label] += 1 + (m.label == "PERSON" and " " in m.name) + 100 * m.sure
    alone = {m.name for m in mentions if " " not in m.name}
    return {n: "PERSON" if looks_like_a_person(n) or _both_halves_alone(n, alone, votes[n])
            else _by_ending(n, votes[n]) for n in set(names)}


def _both_halves_alone(name: str, alone: set[str], votes: Counter) -> bool:
    """A name the model read as a person's at least once, whose first and last words the
    article also uses alone ("FORT SMITH, Ark. - Tobin Wendling has spent", a place by the
    other votes; then "Wendling, 51," and "Still waiting, Tobin"): a person's, unless the
    text gives a label away."""
    words = name.split()
    return 2 <= len(words) <= 3 and votes["PERSON"] > 0 and max(votes.values()) < 100 \
        and words[0] in alone and words[-1] in alone and looks_like_a_name(name)


_DISTRICT_ENDINGS = PLACE_ENDINGS | frozenset("district region province prefecture state".split())
_NOT_A_PERSON_ENDINGS = ORG_ENDINGS | _DISTRICT_ENDINGS


def ends_like_no_person(words: list[str]) -> bool:
    """Whether a name of several words ends like a body's or a place's ("Aroloya Bank",
    "Kasese District", "Elizabeth National Park") and not like a person's surname after
    a given name ("Ella Park", "Mary Ann Hill")."""
    return len(words) > 1 and words[-1].lower() in _NOT_A_PERSON_ENDINGS and words[-2].lower() not in GIVEN_NAMES


def _by_ending(name: str, votes: Counter) -> str:
    """The label most votes give, but not a person's for a name of several words that ends
    like a body's or a place's ("Aroloya Bank", "Kasese District", "Queen Elizabeth National
    Park") unless the text said outright it is a person's (a title, post-nominal letters)."""
    if not votes:
        return "ORG"
    label = votes.most_common(1)[0][0]
    last = name.split()[-1].lower()
    if label != "PERSON" or votes["PERSON"] >= 100 or not ends_like_no_person(name.split()):
        return label
    fits = ("ORG",) if last in ORG_ENDINGS else ("GPE", "LOC", "FAC")
    return next((lab for lab, _ in votes.most_common() if lab in fits), None) \
        or ("ORG" if last in ORG_ENDINGS else "GPE" if last in _DISTRICT_ENDINGS - PLACE_ENDINGS else "LOC")


def looks_like_a_person(name: str) -> bool:
    """A name of two to four words that opens with a common given name and ends like a
    surname, not like an organisation or a place ("Jordan Peterson", not "Jordan Valley
    Water Authority" nor "Virginia Beach")."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0].lower() in GIVEN_NAMES and all(_NAME_WORD.fullmatch(w) for w in words) \
        and words[-1].lower() not in ORG_ENDINGS | PLACE_ENDINGS and words[-1][:1].isupper()


def _key(name: str) -> str:
    """A name as looked up: any case, either apostrophe ("O'Neill" is "O’Neill")."""
    return name.lower().replace("’", "'")


def looks_like_a_name(name: str) -> bool:
    """Two or three capitalised name-like words, the last no organisation's or place's ending."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words) \
        and words[-1].lower() not in ORG_ENDINGS | PLACE_ENDINGS


def _merge_org_parts(names: list[str], labels: dict[str, str], titled: set[str],
                     shortened: set[str] = frozenset()) -> list[str]:
    """An organisation's short form goes to its full name: the words it opens with
    ("Northmoor", "Corvane Freight" for "Corvane Freight Systems") or two or more it ends
    with ("Clean Air Group" for "Hollin Cross Clean Air Group"). A short form that could
    be several of the article's organisations, that the article uses for a place or a
    people, or that is part of a person's name it gives or takes a title ("Mr. Trump"),
    stays as it is; but a word the model took for a place is the organisation's short form
    where the article named the organisation first and never puts the word as a place
    (`shortened`: "Perantau" after "shipbuilder Perantau Offshore")."""
    full = {n for n in names if labels[n] in ("ORG", "FAC") and " " in n}
    people_words = {w for n in names if labels[n] == "PERSON" and " " in n for w in n.split()} | titled
    parts: dict[str, set[str]] = defaultdict(set)
    for n in full:
        words = n.split()
        for k in range(1, len(words)):
            if words[k - 1].lower() not in ORG_ENDINGS or all(w.lower() in _LEGAL_SUFFIXES for w in words[k:]):
                parts[" ".join(words[:k])].add(n)  # not "Brackenmoor United" of its Supporters Trust
            if k >= 2:
                parts[" ".join(words[-k:])].add(n)
    out = list(names)
    for i, n in enumerate(names):
        owners = _widest_body(parts.get(n, set()), parts)
        if len(owners) != 1 or labels[n] in ("GPE", "LOC", "NORP", "FAC") and n not in shortened:
            continue
        if (labels[n] == "PERSON" and n in people_words) or not any(w[:1].isupper() for w in n.split()):
            continue  # "Ford" when the article names Henry Ford, not Ford Motor Company
        out[i] = next(iter(owners))
    return out


_PLACED = re.compile(r"\b(?:in|near|from|at|outside|around|across|throughout|to)\s+(?:the\s+)?$", re.IGNORECASE)


_HELD_IN = re.compile(r"\b(?:shares?|stakes?|investments?|interests?|holdings?)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def _shortened_later(mentions: list[Mention], names: list[str], text: str) -> set[str]:
    """The names that may be short forms of a body the text shows is one ("shipbuilder
    Perantau Offshore", "Keswick Boatworks Ltd"), whatever the model labelled them: named
    only after that body and never after a word of place ("in Perantau")."""
    first: dict[str, int] = {}
    placed: set[str] = set()
    for m, n in zip(mentions, names):
        first.setdefault(n, m.start)
        if _PLACED.search(text, max(0, m.start - 12), m.start) \
                and not _HELD_IN.search(text, max(0, m.start - 24), m.start):
            placed.add(n)  # "in Perantau"; but "Shares in Caldermere" are the bank's
    bodies = [n for m, n in zip(mentions, names) if m.sure and m.label == "ORG" and " " in n]
    return {short for body in bodies for short in _opening_words(body)
            if short in first and short not in placed and first[short] > first[body]}


def _opening_words(name: str) -> list[str]:
    words = name.split()
    return [" ".join(words[:k]) for k in range(1, len(words))]


def _widest_body(owners: set[str], parts: dict[str, set[str]]) -> set[str]:
    """The names a short form stands for: the widest ones (below), unless they all open
    with one whole body's name ("Brackenmoor" is Brackenmoor United, not the Brackenmoor
    United Supporters Trust)."""
    base = min(owners, key=len, default="")
    if base.split()[-1:] and base.split()[-1].lower() in ORG_ENDINGS \
            and all(o == base or o.startswith(base + " ") for o in owners):
        # the body in full as the article gives it: "Aroloya Bank Plc" for "Aroloya" and "Aroloya Bank"
        same = [o for o in owners if all(w.lower() in _LEGAL_SUFFIXES for w in o[len(base):].split())]
        return {max(same, key=len)}
    return _widest(owners, parts)


def _widest(owners: set[str], parts: dict[str, set[str]]) -> set[str]:
    """Of the names holding a short form, those no other of them holds: "Brightwater"
    is in "Brightwater Chemical" and "Brightwater Chemical Co.", one organisation."""
    return {o for o in owners if not parts.get(o, set()) & owners}


def _acronym_map(mentions: list[Mention], names: list[str], text: str) -> dict[str, str]:
    """Acronym -> full name: defined in brackets after the name, or spelled by its initials."""
    out = {}
    # in reading order: with two names of the same initials the first named wins, on every run
    full_names = list(dict.fromkeys(n for m, n in zip(mentions, names)
                                    if m.label in ("ORG", "GPE", "NORP", "FAC", "LOC") and " " in n))
    for m, n in zip(mentions, names):
        after = re.match(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)(?!\s+[-–—])", text[m.end:m.end + 16])
        if after and " " in n and after.group(1) != n:  # not a dateline's agency: "Mexico City (AFP) –"
            out[after.group(1)] = n
    for n in set(names) - set(out):
        if ACRONYM.match(n):
            letters = n.replace(".", "")
            for full in full_names:
                if initials(full) == letters:
                    out[n] = full
                    break
    return out


def initials(name: str) -> str:
    """The letters of an acronym of `name`: "Bank of England" -> "BE"."""
    return "".join(w[0] for w in name.split() if w.lower() not in SMALL_WORDS and w[0].isalpha()).upper()


def _merge_person_parts(mentions: list[Mention], names: list[str], text: str) -> list[str]:
    """A surname or given name alone goes to the full name it is part of, and so does a
    two-word surname or the last two names of a longer one ("Nic Dhonnacha" of "Siobhán
    Nic Dhonnacha", "Anwar Basha" of "Shaik Anwar Basha"), its first two ("Ahmad Zaki" of
    "Ahmad Zaki Hashim", "Doris Yiu" of "Doris Yiu Wai-man"), and a surname its particle
    joins with a hyphen, without the particle ("Shennawy" of "Sherif al-Shennawy").

    With several candidates ("Clinton": Hillary or Bill), a title's sex chooses ("Mrs.
    Clinton"), "the younger Bynoe" is the son or daughter (and "Bynoe" alone then the
    parent), and the most recent full name before the mention wins, else the first one
    after it; but a surname alone keeps standing for whom it first stood for. In an article
    that calls people by their given names ("Dereje said"), a word that is one person's
    given name and another's father's name or surname is the first one's.
    """
    # a surname alone that the text shows is a person's ("Wilk, who has scored") also
    # claims a full name the model labelled otherwise ("Tomasz Wilk" as ORG), and so does
    # any surname of a name that opens with a common given name ("Lester Holt" as ORG)
    surnames = {n for m, n in zip(mentions, names) if m.label == "PERSON" and m.sure and " " not in n}
    full = [(i, n) for i, (m, n) in enumerate(zip(mentions, names)) if " " in n and (
        m.label == "PERSON" or m.label == "ORG" and looks_like_a_person(n)
        or n.split()[-1] in surnames and looks_like_a_name(n))]
    out = _drop_leading_words(names, {n for _, n in full})
    # first or last word, or last two of a longer name ("Nic Dhonnacha"), or the surname
    # its particles open ("de la Peña") -> (index, full name)
    by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for j, _ in full:
        written = out[j].split()
        words = without_generation(out[j]).split()  # "Naquin" of "Ulysse Naquin Jr."
        parts = {words[0], words[-1], " ".join(words[-2:]) if len(words) > 2 else words[-1]}
        if len(words) < len(written):
            parts |= {f"{words[0]} {written[-1]}", f"{words[-1]} {written[-1]}"}  # "Donald Jr."
        if len(words) == 3 and mentions[j].paragraph > 0:  # not a headline's "Glenn Beck Blasts [Drudge]"
            parts.add(" ".join(words[:2]))  # "Ahmad Zaki" of "Ahmad Zaki Hashim"
        paternal = paternal_surname(" ".join(words)) if mentions[j].paragraph > 0 else None
        if paternal and paternal.lower() not in PARTICLES:
            parts.add(paternal)  # "Venegas" of "Matías Venegas Rubilar", "Cely" of "Jhon Fredy Cely Avendaño"
        if len(words) >= 4 or any(w.lower() in PARTICLES for w in words[1:-1]) \
                or len(words) == 3 and _NAME_WORD.fullmatch(words[1]) and len(words[1]) > 2:
            # "Amílcar Viegas" of "Amílcar dos Reis Viegas", "Mubarak al-Hajjaji" of "Mubarak Khamis
            # al-Hajjaji", "Hillary Clinton" of "Hillary Rodham Clinton" (not "George Bush" of
            # "George W. Bush")
            parts.add(f"{words[0]} {words[-1]}")
        parts |= {" ".join(words[k:]) for k in range(1, len(words) - 1) if words[k].lower() in PARTICLES}
        parts |= {w.split("-", 1)[1] for w in words[1:] if w.split("-", 1)[0].lower() in PARTICLES and "-" in w}
        for part in parts:
            by_word[_key(part)].append((j, out[j]))  # "Von Stetten" opening a sentence is "von Stetten"
    # how the article calls people by one name: by given name ("Dereje said", "Elias said",
    # as Ethiopian, Icelandic or Indonesian names are used) or by surname
    given_style = Counter()
    for n in names:
        owners = {f[1] for f in by_word.get(_key(n), ()) if f[1] != n} if " " not in n else set()
        if len(owners) == 1:
            given_style[_key(owners.pop().split()[0]) == _key(n)] += 1
    by_given_name = given_style[True] > given_style[False]
    before = list(out)

    @cache  # _sex_of and _kin_of read the whole text: once per name
    def sex(name: str, kin: bool) -> str | None:
        return _sex_of(name, text, kin=kin)

    @cache
    def kin(name: str) -> str | None:
        return _kin_of(name, text)

    by_given: dict[str, bool] = {}
    unquoted: str | None = None
    settled: dict[str, str] = {}  # a shared surname alone -> whom it first stood for
    for i, n in enumerate(names):
        short = len(n.split()) <= 2 or n.split()[0].lower() in PARTICLES
        fits = [f for f in by_word.get(_key(n), ()) if f[1] != n] if short else None
        if not fits:
            continue
        shared = len({f[1] for f in fits}) > 1 and (" " not in n or n.split()[0].lower() in PARTICLES)  # "al Maamari"
        if shared and by_given_name:  # "Alemu said": Alemu Gudeta, not Dereje Alemu (his father's name)
            fits = [f for f in fits if _key(f[1].split()[0]) == _key(n)] or fits
            shared = len({f[1] for f in fits}) > 1
        if shared:
            for f in fits:  # once per name: an article of many Clintons stays linear
                if f[1] not in by_given:
                    if unquoted is None:  # once per article: what others call them in a quote is no use
                        unquoted = _QUOTED.sub(" ", text)
                    by_given[f[1]] = _called_by_given_name(f[1], unquoted)
            # the other of a family the article calls by given name ("Emory says"); if it calls
            # every one so, the first it names, whom the story is about; but while only one of
            # them has been named, that one ("Fuenzalida, known in the cove as don Anselmo")
            named = {f[1] for f in fits if f[0] < i}
            if len(named) != 1:
                fits = [f for f in fits if not by_given[f[1]]] or [f for f in fits if f[1] == fits[0][1]]
        title = _TITLED.search(text, max(0, mentions[i].start - 9), mentions[i].start) if shared else None
        if title is not None and title.group(1).lower() in _AGES:  # "the younger Bynoe": the daughter
            child = title.group(1).lower() == "younger"
            # the one the article calls a son, else any but the one it calls a father ("His
            # father, Saif bin Rashid al Maamari, ...": "the younger al Maamari" is the other)
            fits = [f for f in fits if (kin(f[1]) in _CHILDREN) == child] \
                or [f for f in fits if kin(f[1]) not in (_PARENTS if child else _CHILDREN)] or fits
            others = {f[1] for f in by_word.get(_key(n), ()) if f[1] not in {g[1] for g in fits}}
            if child and len(others) == 1:  # and "Bynoe" alone is then the other, the elder
                settled.setdefault(_key(n), others.pop())
        elif title is not None:  # "Mrs. Clinton": of the Clintons, the woman, if the article tells
            wanted = TITLE_SEX.get(title.group(1).lower())  # none for "Dr"
            named = [f for f in fits if f[0] < i] or fits  # of those named so far, if any
            # by the name and a title; else not the one a noun made the other sex ("Mr": not "His grandmother")
            fits = [f for f in named if sex(f[1], False) == wanted] \
                or wanted is not None and [f for f in named if sex(f[1], True) in (None, wanted)] or fits
        pronoun = _SAYS_PRONOUN.match(text, mentions[i].end) if shared and title is None else None
        if pronoun is not None:  # "Hofstede says he will": of the Hofstedes, not the daughter
            other = "f" if pronoun.group(1).lower() == "he" else "m"
            fits = [f for f in fits if sex(f[1], True) != other] or fits
        if shared and title is None and pronoun is None and _key(n) not in settled:
            # a family's surname, first written alone: not the one the article brought in as
            # another's kin ("His wife, Tanja Potočnik"), but the one the story is about
            named = [f for f in fits if f[0] < i]
            principal = [f for f in named if kin(f[1]) not in _KIN]
            if principal and len(principal) < len(named):
                fits = principal
        k = bisect_left(fits, (i, ""))  # fits are in reading order: the last one before i wins
        out[i] = fits[k - 1][1] if k else fits[0][1]
        if shared and title is None:
            # a surname alone keeps standing for whom it first did ("Thibodeau" for the woman the
            # story follows, after "Her husband, Réjean Thibodeau,"; "Clinton" for Hillary Clinton
            # after "Bill Clinton"); a title may say otherwise
            first = settled.setdefault(_key(n), out[i])
            if any(f[1] == first for f in fits):
                out[i] = first
    # a full name that is itself a shorter form hands on what it became: "Yiu" went to
    # "Doris Yiu", which is "Doris Yiu Wai-man"
    became = {before[j]: out[j] for j, _ in full if out[j] != before[j] and looks_like_a_name(out[j])}
    return [became.get(n, n) for n in out]


# a pronoun right after a surname, as the subject of what it says: "Hofstede says he", "Ruiz, 58, said she"
_SAYS_PRONOUN = re.compile(r"(?:,[^,.]{1,20},)?\s+\w+\s+(he|she)\b", re.IGNORECASE)


def _sex_of(name: str, text: str, *, kin: bool = True) -> str | None:
    """A person's sex by their given name or another word of their name, else by a
    courtesy title right before their full name ("Mrs Rudo Zvavahera"), else (with `kin`)
    by a noun for a man or a woman right before or after it ("His daughter, Femke
    Hofstede", "Femke Hofstede, his daughter"). A title chooses among a family by the name
    and a title only: "Mr Faria" may be the one the article calls "his brother" or the other."""
    sex = GIVEN_NAMES.get(name.split()[0].lower())
    if sex in ("m", "f"):
        return sex
    sex = sex_in_name(name)
    if sex is not None:
        return sex
    word = _kin_of(name, text)
    return (TITLE_SEX.get(word.rstrip(".")) or (GENDERED_NOUNS.get(word) if kin else None)) if word else None


def _kin_of(name: str, text: str) -> str | None:
    """The word right before a person's full name, or the noun right after it ("His son,
    Vikash Seegobin", "Mrs Rudo Zvavahera", "Jerry Wambi, a nephew"), lower case."""
    name = re.escape(name)
    found = re.search(rf"\b([\w.]+),?\s+{name}\b|\b{name},\s+(?:his|her|their|the|a)\s+(\w+)", text)
    word = found and (found.group(1) or found.group(2))
    return word.lower() if word else None


# the nouns that bring one of a family in as another's: "His wife, Tanja Potočnik"
_KIN = frozenset("""wife husband son daughter brother sister mother father nephew niece grandson granddaughter
grandmother grandfather cousin uncle aunt stepson stepdaughter partner widow widower""".split())
# what makes one of a family the younger: "the younger Bynoe" is the daughter, not the father
_CHILDREN = frozenset("son daughter nephew niece grandson granddaughter stepson stepdaughter".split())
_PARENTS = frozenset("father mother grandfather grandmother uncle aunt stepfather stepmother".split())
_AGES = frozenset(["younger", "elder", "older"])
# a title just before a mention: "Ms Gilhooly", "Mr. Edwards"; or "the younger" of a family
_TITLED = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord|younger|elder|older)\.?\s+$")


def _called_by_given_name(name: str, text: str) -> bool:
    """"Her son, Emory Lampron ... Emory says": whether the article calls a person by the
    given name alone, so that the surname alone ("Lampron says") is another of the family."""
    given, surname = name.split()[0], name.split()[-1]
    # not "Emory [J.] Lampron", nor "Sherif and Dina al-Shennawy"
    alone = rf"\b{re.escape(given)}\b(?!\s+(?:(?:and|&)\s+)?(?:\w+\s+)?{re.escape(surname)})"
    return given != surname and re.search(alone, text) is not None


_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


_INITIAL = re.compile(r"[A-Z]\.$")


def _merge_middle_initials(mentions: list[Mention], names: list[str]) -> list[str]:
    """"Loretta Lynch" and "Loretta E. Lynch", "Donald Trump" and "Donald J. Trump": one
    person, named everywhere as the article first names them."""
    first: dict[tuple[str, str], str] = {}
    keys: list[tuple[str, str] | None] = []
    for m, n in zip(mentions, names):
        words = n.split()
        key = (words[0].lower(), words[-1].lower()) if m.label == "PERSON" and len(words) >= 2 \
            and all(_INITIAL.match(w) for w in words[1:-1]) and not _INITIAL.match(words[0]) else None
        keys.append(key)
        if key is not None:
            first.setdefault(key, n)
    return [first[k] if k is not None else n for k, n in zip(keys, names)]


def _drop_stray_words(mentions: list[Mention], names: list[str]) -> list[str]:
    """A person's name the model began with a stray capitalised word, where the rest is
    the surname of another person the article names in full: a heading's gerund
    ("Injecting Clinton" beside "Hillary Clinton") or an organisation the article names
    ("Washington Post Trump" beside "Donald Trump" and "the Washington Post"), or a name
    ending like a body's, whatever label the model gave the run ("the Washington Post Trump
    said" with no comma)."""
    people = {tuple(n.split()) for m, n in zip(mentions, names) if m.label == "PERSON" and " " in n}
    others = {n for m, n in zip(mentions, names) if m.label in ("ORG", "GPE", "NORP")}
    out = list(names)
    for i, (m, n) in enumerate(zip(mentions, names)):
        words = tuple(n.split())
        if m.label not in ("PERSON", "ORG") or len(words) < 2:
            continue
        person = m.label == "PERSON"
        for k in range(1, len(words)):
            head, rest = words[:k], words[k:]
            gerund = k == 1 and person and head[0].lower().endswith("ing") \
                and head[0].lower() not in GIVEN_NAMES  # not "Melania", a given name the model misread
            body = k >= 2 and (person and " ".join(head) in others or head[-1].lower() in ORG_ENDINGS)
            if (gerund or body) and any(p[-len(rest):] == rest and p[:-len(rest)] != head
                                        for p in people if len(p) > len(rest)):
                out[i] = " ".join(rest)
                break
    return out


def _drop_leading_words(names: list[str], people: set[str]) -> list[str]:
    """"Farmer Colin Hebden" is "Colin Hebden" when the article also writes that name
    alone, and so are "Crooked Hillary Clinton" and "Miss Universe Alicia Machado": words
    before a name that opens with a given name are no part of it. "Oisín Ó Laoire" and
    "Mary Ann Hale" stay whole (a given name is no leading word)."""
    def shortest(name: str) -> str:
        words = name.split()
        last = len(words) - 2 - (words[-1] in PATRONYMIC_AFTER)  # "Jumabek uulu" is no name without "Talant"
        for k in range(last, 0, -1):
            tail = " ".join(words[k:])
            epithet = words[k].lower() in GIVEN_NAMES and words[k].lower() not in _SURNAME_OPENERS \
                and not any(w.lower() in GIVEN_NAMES for w in words[:k])  # "Lieve Van Roosbroeck" stays whole
            if tail in people and (epithet or all(w.lower() in TITLES or occupation(w.lower(), before=words[j + 1])
                                                  for j, w in enumerate(words[:k]))):
                return tail
        return name
    return [shortest(n) if n in people else n for n in names]
