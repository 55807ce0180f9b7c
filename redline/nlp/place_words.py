"""When a capitalised name that the place index holds is that place, and which country's namesake it is.

- A town named like an ordinary English word ("Summit", "Valley", "Green"; ``redline/data/common_words.csv``,
  counted in news by ``tools/build_common_words.py``) is that word unless the text puts it where a place goes: right
  after a locative preposition ("in Summit"), after "the town of", or qualified by a region ("Summit, New Jersey").
  A large city of a country the article names keeps its name without a cue ("Little Rock" in a story on Arkansas).
- Ordinary words that are only another name of a town ("Union Station") are never the town, and a one-word name
  in capitals inside running text is an acronym ("PISA", "MERS"), not a town.
- The country of a place comes from the gazetteer, not from who acts there: the armed forces of a state are named
  where they fight ("Russian forces advance on Pokrovsk"), so their country is no place context; the people of a
  state named by a demonym alone ("Chinese tourists returned to Bali") do not move a name to a town an order of
  magnitude smaller than its largest namesake, nor does a country the story names move it to one twenty times
  smaller ("the Treaty of Lisbon" in a story naming the United States).
- In a text of several paragraphs (a day's bundle of unrelated items), the countries a paragraph names choose the
  namesake before the rest of the text does; a paragraph naming only a neighbour ("the Israeli cabinet ... near
  Hebron") takes the namesake next door; a town qualified by a region or country none of whose namesakes lies there
  ("Surrey, England") is left to its qualifier.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Protocol, TypeVar

from spacy.tokens import Doc

from redline.models import Geo
from redline.nlp.doctext import text_of
from redline.nlp.place_scan import PLACE_SUFFIXES, UNIT_NOUNS
from redline.nlp.places import STOP_NAMES, Place, read_data

# Words before a name that put a place there ("fighting in Summit", "the town of Valley")
LOCATIVE_CUES = frozenset({
    "in", "near", "at", "outside", "from", "into", "toward", "towards", "around", "across", "inside", "via",
    "through", "to",
})
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "township", "municipality", "suburb", "district"})
# Parts of speech of a capitalised word that is an ordinary word, not a name, at the start of a sentence.
COMMON_WORD_POS = frozenset({"ADJ", "VERB", "ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "NUM"})
# One-word city names outside the article's countries need this population (primary / alternate name); a city
# of LARGE_CITY, of a country the article names, is its name even when the word is ordinary
SMALL_CITY = 20_000
LARGE_CITY = 100_000
# A demonym's country moves a name to a namesake no smaller than the largest one over this factor; a country the
# article names as a place, no smaller than over NAMED_FACTOR ("Lisbon" stays Portugal's in a story naming the US)
DOMINANT_FACTOR = 10
NAMED_FACTOR = 20

# A country the sentence names counts as much as this many mentions elsewhere in the article when a place name is
# ambiguous: enough to tip "Tripoli" beside "Libyan", not enough for an attacker's name to move Donetsk to Russia.
SENTENCE_WEIGHT = 3
# In a text of several paragraphs (a day's bundle of news items, an article), a country its paragraph names outweighs
# any count elsewhere: "Chile declares an emergency as a fire threatens Valparaiso" in a day that names the United
# States twenty times is Chile's Valparaiso
PARAGRAPH_WEIGHT = 1000
# A line ending in one of these ends its paragraph; a longer line ending in anything else is wrapped at a fixed width
PARAGRAPH_END_CHARS = frozenset('.!?)"\u201d:')
WRAP = 60
SENTENCE_END = frozenset({".", "!", "?", '"', "\u201d"})
# A namesake this close to where a country the paragraph names sits is that country's neighbourhood
NEXT_DOOR_KM = 300.0
# A unit the index lacks ("X Province") is built from a namesake town no farther than this from where a country its
# paragraph names sits (the Baalbek district beside an Israeli strike; not Canterbury, England beside New Zealand)
UNIT_NEIGHBOUR_KM = 1000.0
# A text is a bundle of independent items (a day's news, one item a paragraph) when at least ITEMS paragraphs name a
# country and none is named by as many as half of them; there, a name whose own item names none of its namesakes'
# countries is no other item's town when a namesake is ITEM_FACTOR times larger
ITEMS = 3
ITEM_FACTOR = 3
# Nouns of a disease, a pathogen or its variant, which a place name before them names ("the Marburg virus", "the
# Delta variant", "Lassa fever", "the Zika virus"): an eponym, not where anything happens (WHO names pathogens and
# variants so; an outbreak is where its country or town is named, "an outbreak of the Marburg virus in Guinea")
EPONYM_NOUNS = frozenset({"virus", "viruses", "variant", "variants", "subvariant", "subvariants", "strain", "strains",
                          "fever", "disease", "flu", "influenza", "encephalitis", "lineage"})


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-cased words that news writes mostly in lower case, among the words of the index's place names."""
    return frozenset(r["word"] for r in read_data("common_words.csv"))


def sentence_initial(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    openers = {".", "!", "?", ":", '"', "“", "‘", "'", "(", "-", "—", "–"}
    return prev.is_space or prev.text in openers or "\n" in prev.whitespace_


def plausible_single(doc: Doc, i: int, place: Place, context: Mapping[str, int], titles: set[int]) -> bool:
    """A one-word city name must be primary where capitals are uninformative, and large or in context.

    Where capitals say nothing (sentence start, headlines), a word the tagger reads as an ordinary adjective,
    verb or adverb ("Oral history", "Reading the report") is that word, not the city of the same name.
    """
    if (i in titles or sentence_initial(doc, i)) and (not place.primary or doc[i].pos_ in COMMON_WORD_POS):
        return False
    if place.kind != "city" or context.get(place.geo.country, 0):
        return True
    return place.population >= (SMALL_CITY if place.primary else LARGE_CITY)


def ordinary_name(doc: Doc, start: int, end: int) -> bool:
    """Whether every word of ``doc[start:end]`` is an ordinary word written with a capital ("Summit", "The Valley");
    an acronym ("UN") or a word with capitals inside is a name."""
    words = [t.text for t in doc[start:end] if not t.is_punct]
    common = common_words()
    return bool(words) and all(
        w[:1].isupper() and w[1:].islower() and (w.lower() in common or w.lower() in STOP_NAMES) for w in words
    ) and any(w.lower() in common for w in words)


def placed(doc: Doc, start: int, qualified: bool) -> bool:
    """Whether the text puts a place at ``doc[start]``: a locative word right before it, "the town of" before it,
    or a qualifier after it ("Summit, New Jersey")."""
    if qualified:
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in LOCATIVE_CUES:
        return True
    return before == "of" and start >= 2 and doc[start - 2].lower_ in SETTLEMENT_NOUNS


def needs_cue(doc: Doc, start: int, end: int, place: Place, context: Mapping[str, int]) -> bool:
    """A city name made of ordinary words needs a cue of place unless it is a large city of a country the article
    names."""
    return place.kind == "city" and ordinary_name(doc, start, end) and not (
        place.population >= LARGE_CITY and context.get(place.geo.country, 0))


def acronym(doc: Doc, start: int, end: int, titles: set[int]) -> bool:
    """A one-word name written in capitals inside running text is an acronym ("PISA scores", "MERS cases", "MAGA
    rallies"), not the town it spells; a capitalised line (a headline) or a dateline opening a line ("KYIV, Ukraine
    —") writes a place name so."""
    word = doc[start].text
    if end - start != 1 or len(word) < 2 or not word.isupper() or not word.isalpha() or start in titles:
        return False
    return not (start == 0 or "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_space)


def eponym(doc: Doc, start: int, end: int) -> bool:
    """A place name right before the noun of a disease, pathogen or variant names that disease ("the Delta variant",
    "the Marburg virus disease", "Lassa fever"): it is no place of the text ("Guinea declares the end of the Marburg
    virus outbreak" is not in Maribor; "the spread of the Delta variant" in no Canadian town)."""
    return end < len(doc) and doc[end].lower_ in EPONYM_NOUNS


def ordinary_alternate(doc: Doc, start: int, end: int, place: Place) -> bool:
    """Ordinary words that are only another name of a town ("Union Station" for Union, Missouri): a building or
    a landmark of that name anywhere, never the town itself."""
    return place.kind == "city" and not place.primary and ordinary_name(doc, start, end)


def alternate_unit(doc: Doc, end: int, place: Place, scope: Mapping[str, int], seats: Mapping[str, Geo] | None) -> bool:
    """A town matched only by a GeoNames alternate name, right before the noun of a unit ("fighting in Shan State,
    Myanmar"), is the word of that unit's name, which the index lacks, when the town is foreign to the countries its
    paragraph (or article) names (``foreign_unit``): not a far town that the word is another name of (Shancheng,
    China). A town's own name keeps it ("Kyiv Oblast"), and so does another spelling of a town of a named country
    or next to one ("Allahabad district" in a story on India)."""
    return (place.kind == "city" and not place.primary and end < len(doc) and doc[end].lower_ in UNIT_NOUNS
            and foreign_unit(place, None, scope, seats))


def own_country(place: Place, candidates: tuple[Place, ...], named: Mapping[str, int]) -> Place:
    """The name's largest primary namesake instead of ``place`` when it is ``DOMINANT_FACTOR`` times larger and only
    actors (no named country, no place of that country) put the article in ``place``'s country, or
    ``NAMED_FACTOR`` times larger when the article names that country: a country named somewhere in a story is no
    reason to read "Lisbon" as Lisbon, Maine."""
    if place.kind != "city":
        return place
    factor = NAMED_FACTOR if named.get(place.geo.country, 0) else DOMINANT_FACTOR
    return _far_larger(place, [p for p in candidates if p.primary == place.primary], factor)


def _far_larger(place: Place, namesakes: list[Place], factor: int) -> Place:
    """The largest city of ``namesakes`` in another country than ``place``'s when it is ``factor`` times larger,
    else ``place``."""
    rivals = [p for p in namesakes if p.kind == "city" and p.geo.country != place.geo.country]
    top = max(rivals, key=lambda p: p.population, default=None)
    return top if top is not None and top.population >= factor * max(place.population, 1) else place


def without_forces(context: Mapping[str, int], forces: tuple[Mapping[str, int], Mapping[int, Counter[str]]] | None,
                    sentence: int) -> Mapping[str, int]:
    """``context`` less what armed forces gave it, in the article and (``SENTENCE_WEIGHT`` times) the sentence."""
    if not forces or not (forces[0] or forces[1]):
        return context
    article, near = forces
    here = near.get(sentence, Counter())
    return {c: n - article.get(c, 0) - SENTENCE_WEIGHT * here.get(c, 0) for c, n in context.items()}


def paragraph_breaks(text: str) -> list[int]:
    """Character offsets of the line breaks that end a paragraph: a break after a line that ends a sentence or a
    short line (a heading), or before a blank line; a long line broken inside a sentence is one wrapped paragraph."""
    out = []
    for m in re.finditer("\n", text):
        at = m.start()
        line = text[text.rfind("\n", 0, at) + 1:at].rstrip()
        if not line:
            continue
        if line[-1] in PARAGRAPH_END_CHARS or len(line) < WRAP or text[at + 1:at + 2] in ("", "\n"):
            out.append(at)
    return out


def paragraph_countries(doc: Doc, codes: list[tuple[int, str]]) -> tuple[list[int], dict[int, Counter[str]]]:
    """The paragraph breaks of ``doc`` (character offsets) and the countries each paragraph names, from (token index,
    actor code) pairs; a text of one paragraph gets none (the article's context is the paragraph's)."""
    breaks = paragraph_breaks(text_of(doc))
    counts: dict[int, Counter[str]] = {}
    if not breaks:
        return breaks, counts
    for i, code in codes:
        country = code.split("-")[0]
        if len(country) == 3:
            counts.setdefault(bisect.bisect_left(breaks, doc[i].idx), Counter())[country] += 1
    return breaks, counts


def with_paragraph(choice: Mapping[str, int], paragraphs: tuple[list[int], dict[int, Counter[str]]] | None,
                   at: int) -> Mapping[str, int]:
    """``choice`` with the countries of the paragraph holding character offset ``at`` counted ``PARAGRAPH_WEIGHT``
    times."""
    here = paragraph_here(paragraphs, at)
    if not here:
        return choice
    return {**choice, **{c: choice.get(c, 0) + PARAGRAPH_WEIGHT * n for c, n in here.items()}}


def independent_items(paragraphs: tuple[list[int], dict[int, Counter[str]]] | None) -> bool:
    """Whether the paragraphs are independent items: ``ITEMS`` or more name a country, and no country is named by as
    many as half of those (a story on one country names it throughout; a day's news names each item's own)."""
    if not paragraphs or len(paragraphs[1]) < ITEMS:
        return False
    per_country = Counter(c for here in paragraphs[1].values() for c in here)
    return 2 * max(per_country.values()) < len(paragraphs[1])


def own_item(place: Place, candidates: tuple[Place, ...], here: Mapping[str, int], items: bool) -> Place:
    """In a bundle of independent ``items``, the name's largest primary namesake instead of ``place`` when it is
    ``ITEM_FACTOR`` times larger and the name's own item (``here``) names none of the namesakes' countries: other
    items' countries do not make "Geneva" in "Talks resume in Geneva" Geneva, Illinois."""
    if not items or place.kind != "city" or any(p.geo.country in here for p in candidates):
        return place
    return _far_larger(place, [p for p in candidates if p.primary], ITEM_FACTOR)


def elsewhere(place: Place, places: tuple[Place, ...], qualifier: frozenset[str] | None,
              scope: Mapping[str, int]) -> bool:
    """Whether a city name qualified by a region or country ("Surrey, England", "Northumberland, United Kingdom")
    names a place the index does not hold: none of its towns lies in the qualifier's countries, and the one chosen
    lies in a country its paragraph (or article) does not name. The qualifier is still the place."""
    if not qualifier:
        return False
    return all(p.kind == "city" and p.geo.country not in qualifier for p in places) and not (
        scope.get(place.geo.country, 0))


def foreign_unit(city: Place, qualifier: frozenset[str] | None, here: Mapping[str, int],
                 seats: Mapping[str, Geo] | None) -> bool:
    """Whether a unit the index lacks ("Soum Province", "the Canterbury Region") must not be built from the namesake
    town ``city``: its qualifier names other countries ("Soum Province, Burkina Faso" is no Senegalese Soum), or its
    paragraph names countries and the town lies in none of them and farther than ``UNIT_NEIGHBOUR_KM`` from each
    ("an earthquake in the Canterbury Region" in an item on New Zealand is no English Canterbury). The issue's rule:
    an ambiguous name needs its text's country, or it is left unresolved."""
    if qualifier:
        return city.geo.country not in qualifier
    if not here or city.geo.country in here or not seats:
        return False
    homes = [seats[c] for c in here if c in seats]
    return bool(homes) and all(_km(city.geo, h) > UNIT_NEIGHBOUR_KM for h in homes)


def paragraph_here(paragraphs: tuple[list[int], dict[int, Counter[str]]] | None, at: int) -> Counter[str]:
    """The countries the paragraph holding character offset ``at`` names."""
    if not paragraphs or not paragraphs[1]:
        return Counter()
    return paragraphs[1].get(bisect.bisect_left(paragraphs[0], at), Counter())


def next_door(place: Place, candidates: tuple[Place, ...], here: Mapping[str, int],
              seats: Mapping[str, Geo]) -> Place:
    """The namesake within ``NEXT_DOOR_KM`` of where a country the paragraph names sits, instead of ``place``, when
    the paragraph names none of the namesakes' countries: "the Israeli army closed a village near Hebron" is the
    West Bank's Hebron, not a town of the country the rest of a day's news names most."""
    if not here or place.geo.country in here or place.kind != "city":
        return place
    homes = [seats[c] for c in here if c in seats]
    if any(_km(place.geo, h) <= NEXT_DOOR_KM for h in homes):
        return place
    near = [p for p in candidates if p.primary == place.primary and p.kind == "city"
            and any(_km(p.geo, h) <= NEXT_DOOR_KM for h in homes)]
    return max(near, key=lambda p: p.population, default=place)


def _km(a: Geo, b: Geo) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def cited_sources(doc: Doc) -> set[int]:
    """Token indices inside a citation of outlets: parentheses after the end of a sentence that close their line or
    run into another pair ("... killing 12. (AP via Forbes) (BBC)"), or that hold "via" ("(AFP via Google)"). An outlet
    is named there, not a place ("Forbes", a town of Australia; "Saba", of Honduras)."""
    out: set[int] = set()
    i = 0
    while i < len(doc):
        if doc[i].text != "(":
            i += 1
            continue
        close = next((k for k in range(i + 1, min(len(doc), i + 12)) if doc[k].text in (")", "(") or "\n" in
                      doc[k].text), None)
        if close is None or doc[close].text != ")":
            i += 1
            continue
        after = doc[close + 1] if close + 1 < len(doc) else None
        ends = after is None or after.text == "(" or "\n" in after.text or "\n" in doc[close].whitespace_
        opens = i == 0 or doc[i - 1].text in SENTENCE_END or doc[i - 1].text == ")"
        if (opens and ends) or any(doc[k].lower_ == "via" for k in range(i + 1, close)):
            out.update(range(i + 1, close))
        i = close + 1
    return out


def in_name(doc: Doc, i: int, covered: set[int]) -> bool:
    """A lone capitalised word next to another unknown capitalised word is part of a name ("Florence Parly")."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(doc) and k not in covered and doc[k].is_alpha and doc[k].text[:1].isupper():
            if k == i + 1 and doc[k].lower_ in PLACE_SUFFIXES:
                continue
            if k == i - 1 and sentence_initial(doc, k):
                continue
            return True
    return False


def named_alone(doc: Doc, i: int, kind: str) -> bool:
    """Whether the statistical NER tags ``doc[i]``, a place of ``kind``, as a place (GPE, LOC) of its own: a region
    or country inside any such entity ("Indonesia's Riau Archipelago"), a town when the entity holding it has no
    other capitalised word but the noun of a unit ("Kharkiv Oblast"). A word inside a longer place name the index
    lacks ("Sado Khelo area", "Grays Harbor County", "the San Francisco Bay area", "the Nile Delta") is not the town
    of that name."""
    if doc[i].ent_type_ not in ("GPE", "LOC"):
        return False
    if kind != "city":
        return True
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return not any(k != i and doc[k].is_alpha and doc[k].text[:1].isupper() and doc[k].lower_ not in UNIT_NOUNS
                   for k in range(start, end))


def person_words(doc: Doc, persons: Iterable[tuple[int, int]]) -> set[str]:
    """The capitalised words (lower-cased) of every person's name of several words in ``doc``: a one-word place
    spelled like one of them is that person named short ("Kim Jong-un ... Kim said" is not Kim, India; "Jake
    Sullivan ... Sullivan")."""
    return {doc[k].lower_ for start, end in persons if end - start > 1 for k in range(start, end)
            if doc[k].is_alpha and doc[k].text[:1].isupper()}


def in_body_name(doc: Doc, start: int, end: int, covered: set[int]) -> bool:
    """A one-word alias that is an ordinary word ("Congress") after a capitalised word no entry covers is the end of
    another body's name: "the National Congress" (Brazil's), "the Syrian National Dialogue Congress", not the U.S.
    Congress; a country's own ("the Brazilian Congress", "Peru's Congress") is coded by that country."""
    if end - start != 1 or doc[start].lower_ not in STOP_NAMES or doc[start].text.isupper() or start == 0:
        return False
    before = doc[start - 1]
    return (before.is_alpha and before.text[:1].isupper() and before.i not in covered
            and not sentence_initial(doc, before.i))


class Candidate(Protocol):
    """What the country counts read of a gazetteer candidate (``gazetteer._Candidate``)."""

    @property
    def start(self) -> int: ...
    @property
    def group(self) -> str: ...
    @property
    def code(self) -> str | None: ...


C = TypeVar("C", bound=Candidate)


def armed_forces(found: list[C]) -> list[C]:
    """A state's armed forces ("Russian forces" RUS-MIL, and its demonym "Russian" alone): named where they fight,
    so their country makes a name no likelier to be a town of that country ("Russian forces advance on
    Pokrovsk"), though it still says the article is about that country."""
    starts = {c.start for c in found if (c.code or "").endswith("-MIL") and c.group == "sector"}
    return [c for c in found if c.start in starts]


def sentence_countries(doc: Doc, found: list[C], forces_only: bool = False) -> dict[int, Counter[str]]:
    """Countries each sentence names by a coded actor (by sentence start token): "2011 Libyan civil war: NATO
    planes strike Tripoli" is Tripoli in Libya whatever else the article names."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return {}  # a doc without sentences (a bare tokenizer): the article's context alone
    starts = [s.start for s in doc.sents]
    near: dict[int, Counter[str]] = {}
    for c in armed_forces(found) if forces_only else found:
        if c.code and len(c.code.split("-")[0]) == 3:
            at = starts[bisect.bisect_right(starts, c.start) - 1] if starts else 0
            near.setdefault(at, Counter())[c.code.split("-")[0]] += 1
    return near
