"""Where the peer suites and ``figures`` read text differently on purpose, and how we map them.

Every rule here either *maps* a suite's annotation onto our claim model (so that both systems
are scored on the same reading) or *skips* a case or an item that we decline by design. Each
carries a reason; the harness counts the reasons per suite and prints them, and
``docs/accuracy.md`` explains them. Keep the reason strings in sync with that page.
"""

from __future__ import annotations

import re

# Reasons: the keys counted and printed by the harness.
ORDINAL = "ordinal (not a claim for us)"
UNIT_ONLY = "unit named without a number"
BY_DESIGN = "NotSupportedByDesign for their Python port"
DATE = "date or year (not a claim for us)"
IDENTIFIER = "identifier, version, phone or address (not a claim for us)"
ONE_IDIOM = '"one" as a pronoun or idiom (not a claim for us)'
PERCENT_OF = '"percent of N" read by them as N%'
ONE_END = "they annotate one end of a range we read whole"
CONTRADICTS = "contradicted by the same suite's other cases"
CHANGE = "a change from one value to another (two figures for us, a range for them)"
HALF_OPEN = "half-open or open between read as our closed between"
SHARE = "fraction read by them as a percentage, by us as a share"
COUNT_UNIT = "dozen, baker's dozen or gross read as a count"
ARTICLE_UNIT = '"a"/"an" before a unit we do not read as one ("a half turn", "A kibibyte")'
RELATIVE = 'a span of time before "ago": a point in time for us ("66 Ma ago", "two months ago")'
JOINED = 'a duration in two or more units read as one figure ("21 years and six months" in prison)'
ACCOUNTING = 'an amount in brackets as a negative (in prose an aside: "€50 ($55)")'
GROSS = '"gross" as 144 (an adjective in news: "gross revenue", "a gross error")'
RATE = 'a rate read whole ("500,000 barrels a day"); they annotate its amount'
DRACHMA = "drachma as a weight (the Greek currency in news)"
DECIMAL_COMMA = 'a decimal comma ("5,00", "1.111,11": English news groups thousands with commas)'
SPACED_MINUS = 'a minus set apart by a space ("- 1 4/5": a dash or a list bullet in news)'
GIGA = '"G" after a number as giga ("10G": a network generation in news, as "4G", "5G")'

# Recognizers-Text model files (stem prefix) and the claims of ours each model covers.
# Ordinal files are skipped whole: ordinals are not claims for us.
RT_MODELS = {
    "NumberRange": "range",
    "Number": "number",
    "Percent": "percentage",
    "Currency": "money",
    "Dimension": "dimension",
    "Age": "age",
    "Temperature": "temperature",
}
RT_SKIPPED_MODELS = {"Ordinal": ORDINAL}

# Whole Recognizers-Text cases we decline by design: (model family or file stem, a piece of the
# input) → reason. The contradiction holds in the default-mode file only.
RT_CASE_SKIPS = {
    ("number", "192.168.1.2"): IDENTIFIER,
    ("number", "Any time to meet on 5/17/2018?"): DATE,
    ("number", "My phone number is +1-222-2222/2222"): IDENTIFIER,
    ("number", "SCP-173"): IDENTIFIER,
    ("number", "Exercises nrs. 22,24,26,31."): IDENTIFIER,
    ("number", "Exercise nr. 22,240,260,310."): IDENTIFIER,
    ("number", "they were playing three-nought-four"): IDENTIFIER,
    ("number", "releasing version two"): IDENTIFIER,
    ("number", "Let's try one last time"): ONE_IDIOM,
    ("number", " two millionth"): ORDINAL,
    ("number", " 100 millionths"): ORDINAL,
    ("NumberRangeModel", "The number is from 200 to 300 in 2008"): CONTRADICTS,
    # NumberModel reads "one out of three" as 1/3 (as we do); its PercentMode file as 1 and 3.
    ("NumberModelPercentMode", "one out of three"): CONTRADICTS,
    ("age", "He is about 40 - 50 years old."): ONE_END,
    ("dimension", "eight to 10 feet tall"): ONE_END,
    ("dimension", "ef 75 -300mm"): ONE_END,
    ("dimension", "fell by 500,000 barrels a day"): RATE,
    ("dimension", "A coin weighing one drachma"): DRACHMA,
    ("dimension", "make a half turn"): ARTICLE_UNIT,
}

# Recognizers-Text items written in a notation English news does not use, by the annotated
# characters of the input: (model family, or None for every model, pattern) → reason.
RT_NOTATION_SKIPS = (
    # "5,00", "1,3": a comma before one or two digits; "1.111,11": points grouping thousands
    # before a comma. In English news "5,000" and "1,111.11" are the only groupings.
    (None, re.compile(r"^\d+,\d{1,2}$|^\d{1,3}(?:\.\d{3})+,\d+$"), DECIMAL_COMMA),
    # "- 1 4/5", "- 10  k": a sign with a blank before the digits.
    (None, re.compile(r"^[-−–]\s+\d"), SPACED_MINUS),
    # "10G", "1,674.5 G": a bare capital G after the digits (no unit such as "GB" or "GHz").
    ("number", re.compile(r"\d\s?G$"), GIGA),
)

# "percent of 10" → 10%: a chat-bot reading; in prose "5 percent of 10 people" is 5%.
RT_PERCENT_OF = re.compile(r"^\s*(?:percents?|per cent)\s+of\b", re.IGNORECASE)
# An ordinal inside a NumberRange annotation: "between the tenth and the fifteenth".
RT_ORDINAL = re.compile(r"\bthe\s+\w+(?:th|st|nd|rd)\b", re.IGNORECASE)
# A PercentMode annotation that states no percentage: "1/4 of" → 25%.
RT_STATES_PERCENT = re.compile(r"%|\bper\s?cents?\b|\bpercent(?:age)?s?\b", re.IGNORECASE)
# A ratio ("one in two", "one out of three"): a share we normalise to per cent (issue 15).
RT_RATIO = re.compile(r"\b(?:in|out\s+of)\b", re.IGNORECASE)

# Recognizers-Text currency names without an isoCurrency → the ISO codes that fit them.
# Minor units (cent, penny, pence, satoshi, sen) name their major currency, as ours do.
RT_CURRENCIES = {
    "Dollar": {"USD"},
    "Cent": {"USD"},
    "Pound": {"GBP"},
    "Pence": {"GBP"},
    "Penny": {"GBP"},
    "Franc": {"CHF", "FRF", "BEF", "LUF", "XOF", "XAF"},
    "Finnish markka": {"FIM"},
    "Peseta": {"ESP"},
    "Netherlands guilder": {"NLG"},
    "Rupee": {"INR", "PKR", "LKR", "NPR"},
    "Bitcoin": {"BTC", "XBT"},
    "Satoshi": {"BTC", "XBT"},
    "Sen": {"JPY", "MYR", "IDR", "KHR"},
}

# Recognizers-Text unit names (Dimension, Age) → our normalised unit.
_RT_UNIT_NAMES = {
    "m": ("Foot", "Meter", "Mile", "Inch", "Kilometer", "Millimeter", "Decimeter", "Picometer",
          "Centimeter", "Yard"),
    "kg": ("Pound", "Ton", "Metric ton", "Kilogram", "Microgram", "Milligram", "Ounce", "Dram",
           "Gram"),
    # Their "Gallon" is filed under Weight; it is a volume.
    "m^3": ("Gallon", "Milliliter", "Liter", "Barrel", "Cubic foot", "Cubic meter",
            "Tablespoon", "Cup", "Teaspoon", "Pint"),
    "m^2": ("Square meter", "Square kilometer", "Square foot", "Acre", "Hectare"),
    "m/s": ("Kilometer per hour", "Mile per hour", "Meter per second", "Meter per millisecond",
            "Centimeter per millisecond", "Kilometer per millisecond", "Knot"),
    "bit": ("Bit", "Byte", "Kilobit", "Kilobyte", "Megabit", "Megabyte", "Gigabit", "Gigabyte"),
    "rad": ("Degree", "Turn", "Radian"),
    "s": ("Year", "Month", "Week", "Day", "Age"),
}  # fmt: skip
RT_UNITS = {name: unit for unit, names in _RT_UNIT_NAMES.items() for name in names}
# Temperature's "Degree" is a temperature, not an angle; C and F are its scales.
RT_TEMPERATURE_UNITS = {"C": "K", "F": "K", "K": "K", "Degree": "K"}

# quantulum3 units that are counts for us: "a dozen eggs" is 12 eggs.
COUNT_UNITS = {"dozen": 12.0, "baker's dozen": 13.0, "gross": 144.0}
# quantulum3 entity names → our dimension names (its "entity" is the kind of quantity).
# "instance frequency" is its count per time ("four times per week"): our "frequency".
ENTITY_NAMES = {
    "weight": "mass",
    "data storage": "data",
    "data transfer rate": "data rate",
    "instance frequency": "frequency",
}
# quantulum3 entities that say nothing about the kind of quantity.
VAGUE_ENTITIES = frozenset({"unknown", "unk", "dimensionless"})
# Our dimension names → the normalised unit, for quantulum3's predictions (it has none).
SI_BY_DIMENSION = {
    "length": "m",
    "area": "m^2",
    "volume": "m^3",
    "mass": "kg",
    "time": "s",
    "temperature": "K",
    "speed": "m/s",
    "data": "bit",
    "data rate": "bit/s",
    "angle": "rad",
    "energy": "J",
    "power": "W",
    "pressure": "Pa",
    "frequency": "Hz",
    "percentage": "%",
}
# quantulum3's minor currency units, which carry no ISO code of their own.
MINOR_CURRENCIES = {"cent": "USD", "penny": "GBP", "pence": "GBP"}

# quantulum3 items we decline by design, by (input, surface). Years are found by shape.
Q3_ITEM_SKIPS = {
    ("Hubble images of the non-standard object SCP 06F6, behind galaxy cluster MACS "
     "J1149.5+6663, were sharper than any taken since the passage of Voyager 2 in 1979",
     "2"): IDENTIFIER,
    ('The class is "English 101". On a second thought, I\'ll skip it.', "101"): IDENTIFIER,
    ("Cannington—South 32 Ltd", "32"): IDENTIFIER,
    ("Intel Core i7 860 Processor 2.80 GHz 8 MB LGA1156 CPU I7-860BOX", "860"): IDENTIFIER,
    ('Bahco 9031 Ergo Wide Jaw Adjustable Wrench 8"', "9031"): IDENTIFIER,
    ("The cost of gallium metal rose from about $350 per kg to $680 per kg",
     "$350 per kg to $680 per kg"): CHANGE,
    ("Treatment was reduced from 44 mg to 50 mg ethanol.", "44 mg to 50 mg"): CHANGE,
    ("How will I look like twenty-one years and six months in the future?",
     "twenty-one years"): JOINED,
    ("How will I look like twenty-one years and six months in the future?",
     "six months"): JOINED,
    **{("In the movie, Forrest Gump keeps running for 3 years, 2 months, 14 days, and 16 hours. "
        "The estimated length Forrest covered is 30616.16 km", part): JOINED
       for part in ("3 years", "2 months", "14 days", "16 hours")},
    ("The dinosaur species Tyrannosaurus rex was abundant approximately 66 Ma ago",
     "66 Ma"): RELATIVE,
    ("A kibibyte is exactly 8x2^10 bits, which is approximately one thousand bytes.",
     "A kibibyte"): ARTICLE_UNIT,
    ("The annual revenue is ($99.99).", "($99.99)"): ACCOUNTING,
    ("A baker's dozen is exactly 13 units whilst a gross is 144 (a square dozen).",
     "a gross"): GROSS,
    ("A baker's dozen is exactly 13 units whilst a gross is 144 (a square dozen).",
     "a square dozen"): GROSS,
}  # fmt: skip
# A bare four-digit year, as quantulum3 annotates it (a dimensionless number).
Q3_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d|2100)$")
