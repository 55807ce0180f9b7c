"""The words the gazetteer reads around a name: nouns of an actor's armed forces and government (a sector),
titles before a person, heads that make a name a weapon, and words that make a capital a location."""

MIL_NOUNS = (
    "forces", "troops", "army", "military", "soldiers", "armored vehicles", "armoured vehicles", "tanks",
    "drones", "navy", "air force", "armed forces", "warplanes", "warships", "jets", "fighter jets",
    "artillery", "units", "paratroopers", "marines", "special forces", "servicemen", "commanders",
    "generals", "defense ministry", "defence ministry", "defense minister", "defence minister",
    "general staff", "border guards", "military intelligence", "air defenses", "air defences", "fleet",
)
GOV_NOUNS = (
    "officials", "official", "government", "ministry", "diplomats", "foreign ministry", "president",
    "authorities", "leaders", "leadership", "administration", "foreign minister", "prime minister",
    "embassy", "envoy", "ambassador", "lawmakers", "parliament", "regime", "spokesman", "spokeswoman",
    "spokesperson", "negotiators", "delegation", "cabinet", "interior ministry", "foreign office",
    "state department", "presidency", "intelligence", "congress",
)
# A demonym + title before a named person stays a bare demonym ("Russian President Vladimir Putin")
TITLE_NOUNS = frozenset(
    {"president", "prime minister", "foreign minister", "defense minister", "defence minister", "envoy",
     "ambassador", "spokesman", "spokeswoman", "spokesperson", "official"}
)
WEAPON_HEADS = frozenset({
    "missile", "missiles", "rocket", "rockets", "system", "systems", "launcher", "launchers", "tank", "tanks",
    "jet", "jets", "drone", "drones", "howitzer", "howitzers", "bomber", "bombers", "munitions",
    "interceptors", "warheads",
})
# Before a capital's name these make it a location, otherwise it stands for the government
LOCATIVE_WORDS = frozenset({
    "in", "into", "near", "around", "at", "outside", "toward", "towards", "across", "over", "inside",
    "within", "to", "via", "through", "visit", "visited", "visiting", "visits", "arrived", "flew", "travel",
    "traveled", "travelled",
    "capital",  # "in the capital Kabul": the city named as the capital, not the government
})
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "SPY": "intelligence services"}
