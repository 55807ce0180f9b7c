"""Gazetteers built from redline/data/*.csv and the mention finder over a spaCy Doc.

The gazetteers override the statistical NER: the small English model calls Sumy and ATACMS
persons. Matching works on a Doc from ``spacy.blank("en")`` as well as from the real model.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

import pycountry
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from redline.models import Geo, Mention
from redline.nlp.mention_words import GOV_NOUNS, LOCATIVE_WORDS, MIL_NOUNS, SECTOR_NAMES, TITLE_NOUNS, WEAPON_HEADS
from redline.nlp.officials import NameIndex, Official, covers, fold, load_officials, name_index, name_matches, term_at
from redline.nlp.place_scan import PLACE_SUFFIXES, PlaceScan, scan_places
from redline.nlp.place_words import (
    SENTENCE_WEIGHT,
    acronym,
    alternate_unit,
    armed_forces,
    cited_sources,
    elsewhere,
    eponym,
    foreign_unit,
    in_body_name,
    in_name,
    independent_items,
    named_alone,
    needs_cue,
    next_door,
    ordinary_alternate,
    own_country,
    own_item,
    paragraph_countries,
    paragraph_here,
    person_words,
    placed,
    plausible_single,
    sentence_countries,
    sentence_initial,
    with_paragraph,
    without_forces,
)
from redline.nlp.places import STOP_NAMES, Place, PlaceIndex, best_place, country_context, load_places, read_data
from redline.nlp.region_cues import qualified, qualifier_countries, region_not_country

NER_CONTAINER_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})

# Tie-break between candidates of equal length: lower wins
PRIORITY = {"official": 0, "sector": 1, "weapon": 2, "actor": 3, "place": 4, "person": 5}


@dataclass(frozen=True)
class Actor:
    code: str
    canonical: str
    kind: str
    geo: Geo | None  # filled for country names, so a state mention can also serve as a place


@dataclass(frozen=True)
class Weapon:
    name: str
    cls: str
    origin: str
    range_km: str
    nuclear_capable: bool


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Read-only lookup tables: aliases (exact text as listed) -> entries, plus the place index."""

    actors: Mapping[str, Actor]
    officials: Mapping[str, Official]
    weapons: Mapping[str, Weapon]
    places: PlaceIndex
    code_names: Mapping[str, str]
    metonyms: frozenset[str]  # lower-cased capital names that stand for a government
    terms: Mapping[str, tuple[Official, ...]] = field(default_factory=dict)  # alias -> every term, by start

    @classmethod
    def load(cls, min_city_population: int = 5000) -> Gazetteer:
        """Build every table once per process (cached per population threshold)."""
        return _load(min_city_population)

    @classmethod
    def built(cls) -> Gazetteer:
        """One this process has built already, whatever its population threshold (its actors and officials do not
        depend on it), else the default: for a reader of names that is not handed the pipeline's gazetteer."""
        return _BUILT[-1] if _BUILT else cls.load()


@dataclass(frozen=True)
class _Candidate:
    start: int  # token indices
    end: int
    group: str  # a PRIORITY key
    mention_type: str
    canonical: str
    code: str | None
    geo: Geo | None = None
    attrs: tuple[tuple[str, str], ...] = ()


_BUILT: list[Gazetteer] = []  # every gazetteer ``_load`` built, in order


@lru_cache(maxsize=4)
def _load(min_city_population: int) -> Gazetteer:
    places = load_places(min_city_population)
    actors: dict[str, Actor] = {}
    rows = read_data("actors.csv")
    preferred = {r["code"]: r["canonical"] for r in reversed(rows) if r["kind"] == "state"}
    for c in pycountry.countries:
        canonical = preferred.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        for attr in ("name", "common_name", "official_name"):
            alias = getattr(c, attr, None)
            if alias and "," not in alias:
                actors[alias] = _state(alias, c.alpha_3, canonical, places)
    metonyms: set[str] = set()
    for r in rows:
        if r["kind"] == "state":
            actors[r["alias"]] = _state(r["alias"], r["code"], r["canonical"], places)
            plural = _plural_demonym(r["alias"], actors[r["alias"]])
            if plural is not None and plural not in actors:
                actors[plural] = Actor(r["code"], r["canonical"], "state", None)
            continue
        actors[r["alias"]] = Actor(r["code"], r["canonical"], r["kind"], None)
        if r["kind"] == "government" and places.is_capital(r["alias"], r["code"].split("-")[0]):
            metonyms.add(r["alias"].lower())
    folded_actors = {fold(a).lower() for a in actors}

    def taken(alias: str) -> bool:  # a dictionary person's alias that is also an actor or a place
        return fold(alias).lower() in folded_actors or bool(places.lookup(alias))

    officials = load_officials(taken)
    weapons: dict[str, Weapon] = {}
    for r in read_data("weapons.csv"):
        weapon = Weapon(r["name"], r["class"], r["origin"], r["range_km"], r["nuclear_capable"] == "true")
        for alias in r["aliases"].split("|"):
            weapons[alias] = weapon
    gazetteer = Gazetteer(actors, officials.latest, weapons, places, _code_names(rows, actors), frozenset(metonyms),
                          officials.terms)
    _BUILT.append(gazetteer)
    return gazetteer


def _plural_demonym(alias: str, actor: Actor) -> str | None:
    """The people of a demonym, who act for their country in news ("Thousands of Nigerians rallied"):
    "Nigerian" -> "Nigerians", "Iraqi" -> "Iraqis". Demonyms are the state aliases that name no place;
    those ending in a sibilant or -e ("British", "Swiss", "Chinese") have no -s plural."""
    if actor.geo is not None or not alias[-1:].isalpha() or alias[-1] in "shxze":
        return None
    return f"{alias}s"


def _community(doc: Doc, start: int, alias: str, gaz: Gazetteer) -> bool:
    """A demonym naming a community rather than a state's people: "ethnic Albanians", and a plural demonym
    with a heritage qualifier ("Chinese Americans")."""
    actor = gaz.actors[alias]
    if actor.kind != "state" or actor.geo is not None or start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ == "ethnic":
        return True
    qualifier = gaz.actors.get(before.text)
    plural = alias.endswith("s") and alias[:-1] in gaz.actors
    return plural and qualifier is not None and qualifier.kind == "state" and qualifier.geo is None


def _state(alias: str, code: str, canonical: str, places: PlaceIndex) -> Actor:
    country = places.country(alias)
    return Actor(code, canonical, "state", country.geo if country else None)


def _code_names(rows: list[dict[str, str]], actors: Mapping[str, Actor]) -> dict[str, str]:
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {"USA": "U.S."}
    for r in rows:
        if r["kind"] == "state" and actors[r["alias"]].geo is None:
            adjectives.setdefault(r["code"], r["alias"])
    for actor in actors.values():
        if actor.kind == "state":
            names.setdefault(actor.code, actor.canonical)
    for r in rows:
        names.setdefault(r["code"], r["canonical"])
    for code, adjective in adjectives.items():
        for sector, label in SECTOR_NAMES.items():
            names[f"{code}-{sector}"] = f"{adjective} {label}"
    return names


def lookup_code(code: str, gazetteer: Gazetteer | None = None) -> str:
    """A readable name for an actor code: "RUS" -> "Russia", "RUS-MIL" -> "Russian military"."""
    gaz = gazetteer or Gazetteer.load()
    return gaz.code_names.get(code, code)


@dataclass(frozen=True, eq=False)
class _Matchers:
    exact: PhraseMatcher  # acronyms and mixed case, matched on ORTH
    folded: PhraseMatcher  # names, matched on LOWER and then checked for capitals
    sectors: PhraseMatcher


def _is_exact_case(alias: str) -> bool:
    return any(len(w) >= 2 and any(ch.isupper() for ch in w[1:]) for w in alias.split())


@lru_cache(maxsize=8)
def _matchers(gazetteer: Gazetteer, vocab: Vocab) -> _Matchers:
    import spacy

    make_doc = spacy.blank("en", vocab=vocab).make_doc
    exact = PhraseMatcher(vocab, attr="ORTH")
    folded = PhraseMatcher(vocab, attr="LOWER")
    tables: tuple[tuple[str, Iterable[str]], ...] = (("A", gazetteer.actors), ("W", gazetteer.weapons))
    for group, aliases in tables:
        for alias in aliases:
            if _is_exact_case(alias):
                variants = {alias, alias[:1].upper() + alias[1:]}
                for v in variants:
                    exact.add(f"{group}|{alias}", [make_doc(v)])
            else:
                folded.add(f"{group}|{alias}", [make_doc(alias)])
    sectors = PhraseMatcher(vocab, attr="LOWER")
    for noun in MIL_NOUNS:
        sectors.add(f"MIL|{noun}", [make_doc(noun)])
    for noun in GOV_NOUNS:
        sectors.add(f"GOV|{noun}", [make_doc(noun)])
    return _Matchers(exact, folded, sectors)


@lru_cache(maxsize=8)
def _name_index(gazetteer: Gazetteer) -> NameIndex:
    return name_index(gazetteer.officials)


def _capitals_agree(alias: str, span: Span) -> bool:
    """Every word capitalised in the alias is capitalised in the text ("Odessa", not "odessa")."""
    words = list(span)
    parts = alias.split()
    if len(parts) != len(words):
        return bool(span.text[:1].isupper()) if alias[:1].isupper() else True
    return all(not p[:1].isupper() or w.text[:1].isupper() for p, w in zip(parts, words, strict=True))


def find_mentions(doc: Doc, article_id: str, gazetteer: Gazetteer,
                  published: str | datetime | date | None = None) -> tuple[Mention, ...]:
    """Non-overlapping gazetteer (and NER person) mentions in ``doc``, sorted by start.

    Args:
        article_id: the article the doc belongs to (kept for error messages and ids).
        published: the article's date: an official is coded by the term that covers it.
    """
    matchers = _matchers(gazetteer, doc.vocab)
    found = _dictionary_candidates(doc, gazetteer, matchers) + _official_candidates(doc, gazetteer, published)
    candidates = _without_heritage(doc, _stated_affiliation(doc, found), gazetteer)
    names = {k for c in candidates if c.end - c.start > 1 or c.group != "actor" for k in range(c.start, c.end)}
    candidates = [c for c in candidates if dict(c.attrs).get("kind") in {"state", None}  # "the National Congress"
                  or not in_body_name(doc, c.start, c.end, names)]
    candidates += _sector_candidates(doc, candidates, matchers, gazetteer.code_names)
    scan = scan_places(doc, gazetteer.places)  # the place n-grams, looked up once for both uses below
    context, named, forces = _country_context(doc, candidates, gazetteer.places, scan)
    ner = [e for e in doc.ents if e.label_ in NER_CONTAINER_LABELS] if doc.has_annotation("ENT_IOB") else []
    surnames = person_words(doc, [(e.start, e.end) for e in ner if e.label_ == "PERSON"]
                            + [(c.start, c.end) for c in candidates if c.mention_type == "PERSON"])
    surnames.update(doc[c.end - 1].lower_ for c in candidates if c.mention_type == "PERSON")
    covered = {k for c in candidates for k in range(c.start, c.end)}
    places = [
        p for p in _place_candidates(doc, scan, context, sentence_countries(doc, candidates), named,
                                     (forces, sentence_countries(doc, candidates, forces_only=True)),
                                     _paragraph_countries(doc, candidates), gazetteer.places.seats)
        if not _inside_longer(p, ner) and not (p.end - p.start == 1 and doc[p.start].lower_ in surnames)
        and (p.end - p.start > 1 or named_alone(doc, p.start, str(dict(p.attrs).get("kind")))
            or not in_name(doc, p.start, covered))
    ]
    regions = {c.start for c in candidates if c.group == "actor" and region_not_country(
        doc, c.start, c.end, c.code, gazetteer.places, scan.keys, context)}  # "Atlanta, Georgia": the US state
    candidates = [_metonym(c, doc, gazetteer) for c in candidates if c.start not in regions or c.group not in
                  ("actor", "sector")] + places
    candidates += _person_candidates(doc, ner, candidates)
    chosen = _select(doc, candidates)
    return tuple(_mention(doc, f"m{i}", c) for i, c in enumerate(chosen, start=1))


def _country_context(doc: Doc, found: list[_Candidate], index: PlaceIndex,
                     scan: PlaceScan) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Countries the article is about: named countries and unambiguous places count double, actor codes once;
    the named ones alone; and the part of the actors' count that comes from a state's armed forces."""
    context = country_context(c.code for c in found if c.code and c.geo is None)
    forces = country_context(c.code for c in armed_forces(found) if c.code and c.geo is None)
    named: Counter[str] = Counter()
    for c in found:
        if c.geo is not None:
            named[c.geo.country] += 2
    for p in _place_candidates(doc, scan, context + named):
        countries = {q.geo.country for q in index.lookup(" ".join(doc[p.start:p.end].text.split()))}
        if len(countries) == 1:
            named[countries.pop()] += 2
    return context + named, named, forces


def _dictionary_candidates(doc: Doc, gaz: Gazetteer, matchers: _Matchers) -> list[_Candidate]:
    out: list[_Candidate] = []
    strings = doc.vocab.strings
    for matcher, check in ((matchers.exact, False), (matchers.folded, True)):
        for match_id, start, end in matcher(doc):
            group, alias = strings[match_id].split("|", 1)
            span = doc[start:end]
            if check and not _capitals_agree(alias, span):
                continue
            if group == "A":
                a = gaz.actors[alias]
                if _community(doc, start, alias, gaz):
                    continue  # "ethnic Albanians in Serbia" are a community of Serbia, not Albania's state
                out.append(_Candidate(start, end, "actor", "ACTOR", a.canonical, a.code, a.geo, (("kind", a.kind),)))
            else:
                w = gaz.weapons[alias]
                if end < len(doc) and doc[end].lower_ in WEAPON_HEADS:
                    end += 1
                facts = (("class", w.cls), ("origin", w.origin), ("range_km", w.range_km),
                         ("nuclear_capable", "true" if w.nuclear_capable else "false"))
                out.append(_Candidate(start, end, "weapon", "WEAPON", w.name, None, None,
                                      tuple((k, v) for k, v in facts if v)))
    return out


def _official_candidates(doc: Doc, gaz: Gazetteer,
                         published: str | datetime | date | None) -> list[_Candidate]:
    """Officials named in ``doc`` (accents folded), each coded by the term that covers ``published``."""
    out: list[_Candidate] = []
    for alias, start, end in name_matches(doc, _name_index(gaz)):
        span = doc[start:end]
        if _is_exact_case(alias):
            text = fold(span.text)
            if text != fold(alias) and text != fold(alias[:1].upper() + alias[1:]):
                continue  # "McConnell" wants its capitals where they are
        elif not _capitals_agree(alias, span):
            continue
        o = term_at(gaz.terms[alias], published) if alias in gaz.terms else gaz.officials[alias]
        if o.listed and end - start == 1 and not _surname_alone(doc, start):
            continue
        attrs = (("role", o.role), ("affiliation", o.affiliation), ("country", o.country),
                 ("start", o.start), ("end", o.end)) + ((("term", "outside"),) if not covers(o, published) else ()) \
            + ((("listed", "phoenix"),) if o.listed else ())
        out.append(_Candidate(start, end, "official", "PERSON", o.name, o.code, None, attrs))
    return out


def _stated_affiliation(doc: Doc, found: list[_Candidate]) -> list[_Candidate]:
    """A dictionary person (not a hand row) whose apposition names other actors and none of the person's country
    ("Anders Fogh Rasmussen, the NATO secretary general", coded DNK by the 2014 dictionary) has no code of their
    own: the text's affiliation beats a dictionary that may not know the person's later office."""
    actors = [c for c in found if c.mention_type == "ACTOR" and c.code]
    out = []
    for c in found:
        attrs = dict(c.attrs)
        if attrs.get("listed") and c.end < len(doc) and doc[c.end].text == ",":
            stop = next((k for k in range(c.end + 1, min(c.end + 10, len(doc))) if doc[k].text in {",", ".", ";"}),
                        min(c.end + 10, len(doc)))
            named = {(a.code or "").split("-")[0] for a in actors if c.end < a.start and a.end <= stop}
            if named and attrs.get("country") not in named and (c.code or "").split("-")[0] not in named:
                c = replace(c, code=None)
        out.append(c)
    return out


def _surname_alone(doc: Doc, i: int) -> bool:
    """A dictionary person's one-word alias stands alone only where its capital says it is a name: not at the
    start of a sentence, and a proper noun where the doc is tagged."""
    return not sentence_initial(doc, i) and (not doc.has_annotation("TAG") or doc[i].pos_ == "PROPN")


def _without_heritage(doc: Doc, found: list[_Candidate], gaz: Gazetteer) -> list[_Candidate]:
    """Drop a nationality that qualifies another nationality noun: "Chinese Americans" are Americans.

    Only a one-word state actor attached (compound or amod) to the very next word counts, and only when that
    word is itself a nationality noun ("Americans", "American"); "Israeli Palestinian talks" keeps both.
    """
    def nationality(i: int) -> str | None:
        if i >= len(doc) or doc[i].pos_ not in {"NOUN", "PROPN"}:
            return None
        text = doc[i].text
        actor = gaz.actors.get(text) or (gaz.actors.get(text[:-1]) if text.endswith("s") else None)
        return actor.code if actor is not None and actor.kind == "state" else None

    heritage = {
        c.start for c in found
        if c.end - c.start == 1 and dict(c.attrs).get("kind") == "state"
        and doc[c.start].dep_ in {"compound", "amod"} and doc[c.start].head.i == c.end
        and nationality(c.end) not in {None, c.code}
    }
    return [c for c in found if c.start not in heritage or c.end - c.start != 1]


def _sector_candidates(
    doc: Doc, found: list[_Candidate], matchers: _Matchers, names: Mapping[str, str]
) -> list[_Candidate]:
    """Demonym or state name + sector noun: "Russian forces" -> RUS-MIL, "U.S. officials" -> USA-GOV."""
    nouns: dict[int, list[tuple[int, str, str]]] = {}
    for match_id, start, end in matchers.sectors(doc):
        sector, noun = doc.vocab.strings[match_id].split("|", 1)
        nouns.setdefault(start, []).append((end, sector, noun))
    persons = {c.start for c in found if c.mention_type == "PERSON"}
    out: list[_Candidate] = []
    for c in found:
        if c.mention_type != "ACTOR" or dict(c.attrs).get("kind") != "state" or len(c.code or "") != 3:
            continue
        at = c.end + 1 if c.end < len(doc) and doc[c.end].lower_ in ("'s", "’s") else c.end
        if at not in nouns:
            continue
        end, sector, noun = max(nouns[at])
        if noun in TITLE_NOUNS and end in persons:
            continue
        code = f"{c.code}-{sector}"
        kind = "military" if sector == "MIL" else "government"
        out.append(_Candidate(c.start, end, "sector", "ACTOR", names.get(code, code), code, None,
                              (("kind", kind),)))
    return out


def _metonym(c: _Candidate, doc: Doc, gaz: Gazetteer) -> _Candidate:
    """A capital standing for its government stays an ACTOR unless the words around it make it a location."""
    text = doc[c.start:c.end].text
    if c.mention_type != "ACTOR" or text.lower() not in gaz.metonyms:
        return c
    before = doc[c.start - 1].lower_ if c.start > 0 else ""
    after = doc[c.end].lower_ if c.end < len(doc) else ""
    if before not in LOCATIVE_WORDS and after not in PLACE_SUFFIXES and after != "city":
        return c
    place = gaz.places.resolve(text, {c.code.split("-")[0]: 1} if c.code else {})
    if place is None:
        return c
    return _place_candidate(c.start, c.end, place)


def _place_candidate(start: int, end: int, place: Place) -> _Candidate:
    attrs = [("kind", place.kind)]
    if place.geonameid is not None:
        attrs.append(("geonameid", str(place.geonameid)))
    return _Candidate(start, end, "place", "PLACE", place.name, None, place.geo, tuple(attrs))


def _paragraph_countries(doc: Doc, found: list[_Candidate]) -> tuple[list[int], dict[int, Counter[str]]]:
    """The countries each paragraph names by a coded actor other than armed forces."""
    forces = {c.start for c in armed_forces(found)}
    shown = _select(doc, found)  # "the Washington Post" names no country, nor "London" inside "Times of London"
    return paragraph_countries(doc, [(c.start, c.code) for c in shown if c.code and c.start not in forces])


def _place_candidates(doc: Doc, scan: PlaceScan, context: Mapping[str, int],
                      near: Mapping[int, Counter[str]] | None = None,
                      named: Mapping[str, int] | None = None,
                      forces: tuple[Mapping[str, int], Mapping[int, Counter[str]]] | None = None,
                      paragraphs: tuple[list[int], dict[int, Counter[str]]] | None = None,
                      seats: Mapping[str, Geo] | None = None) -> list[_Candidate]:
    """Capitalised n-grams (1-6 tokens, within one line) that name a city, region or country; ``near`` (countries
    named in each sentence) outweighs the article's ``context`` for a name in that sentence; ``named`` (the
    countries named as places) keeps a demonym from moving a name to a far smaller namesake; ``forces`` (the
    article's and each sentence's count from armed forces) does not choose between namesakes."""
    out: list[_Candidate] = []
    starts = [s.start for s in doc.sents] if near else []
    article = context
    qualifiers = qualifier_countries(doc, scan.keys)  # "Paris, Texas"
    items = independent_items(paragraphs)  # a day's news: one item a paragraph
    cited = cited_sources(doc)  # "(AP via Forbes)": outlets, not places
    refused: list[tuple[int, int]] = []  # units ("X Province") no namesake town of the text's countries builds
    for k in scan.keys:
        if k.start in cited:
            continue
        if near:
            here = near.get(starts[bisect.bisect_right(starts, k.start) - 1])
            bonus = {c: article.get(c, 0) + SENTENCE_WEIGHT * n for c, n in here.items()} if here else {}
            context = {**article, **bonus} if bonus else article
        sentence = starts[bisect.bisect_right(starts, k.start) - 1] if near else 0
        choice = without_forces(context, forces, sentence)  # who fights there does not choose the namesake
        choice = with_paragraph(choice, paragraphs, doc[k.start].idx)
        candidates = qualified(k.places, qualifiers.get(k.start))
        place = best_place(candidates, choice)
        if place is not None and named is not None:
            place = own_country(place, candidates, named)
        here = paragraph_here(paragraphs, doc[k.start].idx)
        if place is not None:
            place = own_item(place, candidates, here, items)
        if place is not None and here and seats:
            place = next_door(place, candidates, here, seats)
        if place is not None and elsewhere(place, k.places, qualifiers.get(k.start), here or context):
            continue  # "Surrey, England": England's Surrey, which the index lacks, not the Canadian city
        if place is None and k.cities:
            city = best_place(qualified(k.cities, qualifiers.get(k.start)), choice)
            # "Anbar province": a GeoNames alternate name (Ambar, Turkey) names no province outside context
            if city is not None and city.kind == "city" and (city.primary or context.get(city.geo.country, 0)):
                if foreign_unit(city, qualifiers.get(k.start), here, seats):
                    refused.append((k.start, k.end))  # nor is its name alone that town
                else:
                    place = Place(f"{city.name} {k.suffix}", "region", city.geo, 0, None, True)
        if place is None or (k.end - k.start == 1
                             and not plausible_single(doc, k.start, place, context, scan.titles)):
            continue
        if acronym(doc, k.start, k.end, scan.titles) or eponym(doc, k.start, k.end) or ordinary_alternate(
                doc, k.start, k.end, place) or alternate_unit(
                doc, k.end, place, here or context, seats) or (
                needs_cue(doc, k.start, k.end, place, context) and not placed(doc, k.start, k.start in qualifiers)):
            continue  # "MERS cases", "the Delta variant", "Union Station", "the Summit ended": no town
        out.append(_place_candidate(k.start, k.end, place))
    return [c for c in out if not any(start <= c.start and c.end <= end for start, end in refused)]


def _inside_longer(c: _Candidate, ents: list[Span]) -> bool:
    """A place inside a longer NER person or organisation name ("Florence Ozor") is part of that name."""
    return any(e.start <= c.start and c.end <= e.end and (e.end - e.start) > (c.end - c.start) for e in ents)


def _person_candidates(doc: Doc, ner: list[Span], found: list[_Candidate]) -> list[_Candidate]:
    """Unknown persons from the statistical NER, unless a gazetteer entry other than a person overlaps."""
    out: list[_Candidate] = []
    # A surname alone refers back to the full name used earlier ("Jake Sullivan" ... "Sullivan")
    full_names = {doc[c.end - 1].lower_: c for c in found if c.mention_type == "PERSON" and c.end - c.start > 1}
    for e in sorted(ner, key=lambda e: e.start):
        if e.label_ != "PERSON":
            continue
        start, end = e.start, e.end
        while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct):
            end -= 1
        while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
            start += 1
        if end <= start or (end - start == 1 and doc[start].lower_ in STOP_NAMES):
            continue
        if any(c.start < end and start < c.end and c.mention_type != "PERSON" for c in found):
            continue
        text = doc[start:end].text
        known = full_names.get(text.lower()) if end - start == 1 else None
        if known is not None:
            out.append(replace(known, start=start, end=end))
            continue
        out.append(_Candidate(start, end, "person", "PERSON", text, None, None, (("source", "ner"),)))
        if end - start > 1:
            full_names.setdefault(doc[end - 1].lower_, out[-1])
    starts = {c.start for c in out} | {c.start for c in found}
    for tok in doc:
        known = full_names.get(tok.lower_)
        inside = known is not None and known.start <= tok.i < known.end
        if known is not None and tok.i not in starts and tok.text[:1].isupper() and not inside:
            out.append(replace(known, start=tok.i, end=tok.i + 1))
    return out


def _select(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest match wins; equal lengths fall back to PRIORITY, then the earlier start."""
    taken = [False] * len(doc)
    chosen: list[_Candidate] = []
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), PRIORITY[c.group], c.start))
    for c in ranked:
        if any(taken[c.start:c.end]):
            continue
        for k in range(c.start, c.end):
            taken[k] = True
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _mention(doc: Doc, mention_id: str, c: _Candidate) -> Mention:
    span = doc[c.start:c.end]
    return Mention(
        id=mention_id,
        text=span.text,
        type=c.mention_type,
        canonical=c.canonical,
        code=c.code,
        start=span.start_char,
        end=span.end_char,
        geo=c.geo,
        attrs=c.attrs,
    )
