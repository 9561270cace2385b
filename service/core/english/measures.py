"""Unit surfaces the news uses: readings quantulum3's tables lack or get wrong for news text.

The unit lexicon (``units``) is built from quantulum3's tables and then corrected with these;
the words around a symbol that decide its reading ("2 pm" a time, "a size of 2 pm" a length,
"a 100 mb file" data) are here too. Currency spellings and readings are in ``currencies``.
Keys are case-sensitive symbols where the table says so, lower-case surfaces otherwise.
"""

from __future__ import annotations

from typing import Final

# Surfaces whose reading in news text is fixed regardless of quantulum3's other candidates
# (exact case; the currency symbols among them are ``currencies.CURRENCY_READINGS``).
PREFERRED_READINGS: Final[dict[str, str]] = {
    "C": "degree Celsius",
    "F": "degree fahrenheit",
    "K": "kelvin",
    "kt": "knot",
    "b": "bit",
    "kb": "kilobit",
    "Mb": "megabit",
    "Gb": "gigabit",
    "bp": "basis point",
    "Gy": "gray",
    "pound": "pound-mass",
    "pounds": "pound-mass",
    "lb": "pound-mass",
    "lbs": "pound-mass",
    "ton": "short ton",
    "tons": "short ton",
}

# Surfaces that are never units after a number in prose: English words, and symbols that are
# really something else here ("6 pm" is a time, "5 in the morning" is not inches). Exact case:
# both the symbols and the lower-cased word surfaces are looked up in it. The other single
# letters and short forms ("5 h", "3 m", "2 l", "10 min", "30 sec", "2 hr", "5 yr") are units.
NOT_UNITS: Final = frozenset(
    """
    in a an at as is it of on or to be by do no so up us we he me my if per pm am PM AM
    d n c y quarter quarters
    """.split()
)  # "2 quarters" are periods of a year, never quantulum3's mass of 28 lb

# The only dimensionless units that are units in news prose; the rest are nouns to count.
# quantulum3's unit names.
KEPT_DIMENSIONLESS: Final = frozenset(
    {"percentage", "per mille", "parts-per-million", "parts-per-billion", "basis point"}
)

# Plurals of the head nouns of unit names that do not take a plain "s" or "es".
UNIT_PLURALS: Final[dict[str, str]] = {
    "foot": "feet",
    "inch": "inches",
    "century": "centuries",
    "hertz": "hertz",
}

# Word surfaces (lower case) common in news copy that quantulum3's tables lack or misread →
# quantulum3's unit name. Added only where quantulum3 has the unit.
NEWS_SURFACES: Final[dict[str, str]] = {
    "per cent": "percentage",
    "pc": "percentage",
    "percentage point": "percentage point",
    "percentage points": "percentage point",
    "celsius": "degree Celsius",
    "fahrenheit": "degree fahrenheit",
    "degrees": "degree angle",
    "deg": "degree angle",
    "deg c": "degree Celsius",
    "deg celsius": "degree Celsius",
    "deg f": "degree fahrenheit",
    "deg fahrenheit": "degree fahrenheit",
    "degrees c": "degree Celsius",
    "degrees f": "degree fahrenheit",
    "degree c": "degree Celsius",
    "degree f": "degree fahrenheit",
    "° c": "degree Celsius",
    "° celsius": "degree Celsius",
    "° fahrenheit": "degree fahrenheit",
    "° f": "degree fahrenheit",
    "celcius": "degree Celsius",
    "degrees celcius": "degree Celsius",
    "farenheit": "degree fahrenheit",  # the common misspellings
    "degrees farenheit": "degree fahrenheit",
    "degree farenheit": "degree fahrenheit",
    "° farenheit": "degree fahrenheit",
    "centigrade": "degree Celsius",
    "gramme": "gram",
    "grammes": "gram",
    "kilogramme": "kilogram",
    "kilogrammes": "kilogram",
    "microgramme": "microgram",
    "microgrammes": "microgram",
    "milligramme": "milligram",
    "milligrammes": "milligram",
    "millibar": "millibar",
    "millibars": "millibar",
    "minutes": "minute",
    "minute": "minute",
    "hectare": "hectare",
    "hectares": "hectare",
    "sq km": "square kilometre",
    "sq mi": "square mile",
    "sq ft": "square foot",
    # Plural abbreviations: "20 mins", "40 yds", "12 kms", "3 secs", "5 yrs".
    "mins": "minute",
    "secs": "second",
    "yds": "yard",
    "kms": "kilometre",
    "yrs": "year",
    "mths": "month",
    "kph": "kilometre per hour",
    "kmh": "kilometre per hour",
    "mph": "mile per hour",
}

# Symbols (exact case) common in news copy that quantulum3's tables lack → its unit name.
NEWS_SYMBOLS: Final[dict[str, str]] = {
    "°C": "degree Celsius",
    "°F": "degree fahrenheit",
    "℃": "degree Celsius",
    "km/h": "kilometre per hour",
    "km/hr": "kilometre per hour",
    "kmph": "kilometre per hour",
    "mb": "millibar",
    "mbar": "millibar",
    "hPa": "hectopascal",
    "m/s": "metre per second",
    "mi/h": "mile per hour",
    "km²": "square kilometre",
    "m²": "square metre",
    "ha": "hectare",
    "Wh": "watt hour",
    "kWh": "kilowatt hour",
    "MWh": "megawatt hour",
    "GWh": "gigawatt hour",
    "TWh": "terawatt hour",
    "bhp": "horsepower",  # brake horsepower: "640bhp"
    "degF": "degree fahrenheit",  # "2.14degF"
    "degC": "degree Celsius",
    "''": "inch",  # two apostrophes for the inch sign: "12'' wide"
}

# Spaced single-letter symbols are units only before punctuation or the end ("ran 100 m.").
SPACED_LETTER_OK: Final = frozenset({"C", "F", "K"})
# Units named after people whose capitalised word in news is a company or a person: "40 Tesla
# and BYD cars", "300 Siemens turbines"; written so they are names, not units.
EPONYM_UNITS: Final = frozenset(
    "tesla teslas siemens newton newtons henry henries pascal pascals weber webers gauss "
    "curie curies maxwell maxwells faraday faradays".split()
)

# Symbols kept out of the lexicon that name a unit in the right context.
CONTEXT_SYMBOLS: Final = frozenset({"pm", "am", "in"})

# The clock look-alikes and the lengths they name when they are no clock time.
SMALL_LENGTHS: Final[dict[str, str]] = {"pm": "picometre", "am": "attometre"}

# Words a few tokens before "2 pm" that make it a size, not a time ("a size of 2 pm").
SIZE_WORDS: Final = frozenset(
    """
    size sizes diameter radius wavelength width length thickness spacing pitch distance
    measuring measures measured
    """.split()
)

# Adjectives of extent: "2 1/2 in thick" is inches, "2 in thick fog" a preposition.
EXTENT_ADJECTIVES: Final = frozenset({"thick", "long", "wide", "tall", "deep", "high"})

# Words that may follow such an adjective and still end its phrase ("2 in thick, and").
PHRASE_ENDS: Final = frozenset({"and", "or", "but", "with", "by", "x"})

# Words near a lower-case "mb" that make it a file size rather than a pressure.
DATA_WORDS: Final = frozenset(
    """
    file files download downloads downloaded upload uploaded storage memory disk drive ram
    data attachment attachments photo photos image images video videos app apps update
    updates bandwidth broadband cache email emails document documents pdf database
    """.split()
)

# The metric and binary prefixes, symbol to name, as quantulum3's tables apply them to a unit
# that takes prefixes ("k" + "m": "kilo" + "metre"). quantulum3 holds the same table in
# ``quantulum3.load``, but importing that module imports the package and with it
# ``importlib.metadata``: a third of the core's cold start. ``tests/test_english.py`` checks that
# the two tables are equal, so the lexicon is the one quantulum3 would build.
METRIC_PREFIXES: Final[dict[str, str]] = {
    "Y": "yotta", "Z": "zetta", "E": "exa", "P": "peta", "T": "tera", "G": "giga",
    "M": "mega", "k": "kilo", "h": "hecto", "da": "deca", "d": "deci", "c": "centi",
    "m": "milli", "µ": "micro", "n": "nano", "p": "pico", "f": "femto", "a": "atto",
    "z": "zepto", "y": "yocto",
    "Ki": "kibi", "Mi": "mebi", "Gi": "gibi", "Ti": "tebi", "Pi": "pebi", "Ei": "exbi",
    "Zi": "zebi", "Yi": "yobi",
}  # fmt: skip
