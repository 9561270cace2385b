"""Number words: cardinals, scales, vague amounts, fractions and ordinals, as news copy writes them.

The readers in ``numbers``, ``numerals``, ``written``, ``spoken`` and ``fractions`` read with
these tables; the README's "Claim model" section documents the readings they give.
"""

from __future__ import annotations

from typing import Final

UNITS_WORDS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
TENS_VALUES: Final = frozenset(TENS_WORDS.values())
# "dozen" and its abbreviations in lists and recipes: "3 dzs", "five doz".
DOZENS: Final = frozenset({"dozen", "dozens", "dz", "dzs", "doz", "dozs"})
# The scales above a hundred, which a written number takes in falling order.
BIG_SCALES: Final = frozenset({"thousand", "million", "billion", "trillion"})
# Scale words that multiply what precedes them, written out or abbreviated as in news copy.
SCALE_WORDS: Final = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# Plural scale words after a number are that scale ("three billions", "2 millions"); alone
# they are vague amounts ("millions of people", see VAGUE_WORDS).
PLURAL_SCALES: Final = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
# Abbreviations: "2.4m", "$1.5bn", "10k", "€3tn". Attached to the digits or, for the longer
# ones, after a space ("$5 bn").
SCALE_ABBREVIATIONS: Final = {
    "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "k": 1e3, "K": 1e3, "tn": 1e12, "trn": 1e12, "tr": 1e12, "tln": 1e12,
}  # fmt: skip
SPACED_SCALE_ABBREVIATIONS: Final = frozenset({"mn", "mln", "bn", "bln", "tn", "trn", "tln"})
# South Asian scale words, common in Indian and Pakistani English news.
INDIAN_SCALES: Final = {"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7}
# The scale that multiplies another South Asian scale: "three lakh crore".
CRORES: Final = frozenset({"crore", "crores"})
# Vague amounts: an order-of-magnitude interval, always approximate (documented in README).
VAGUE_WORDS: Final = {
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "millions": (2e6, 9_999_999.0),
    "billions": (2e9, 9_999_999_999.0),
}
# "tens of thousands", "hundreds of millions": a vague count of a vague scale.
VAGUE_MULTIPLES: Final = frozenset({"tens", "hundreds"})
VAGUE_SCALES: Final = frozenset({"thousands", "millions", "billions"})
FRACTION_WORDS: Final = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip
VULGAR_FRACTIONS: Final = {
    "½": 0.5, "⅓": 1 / 3, "⅙": 1 / 6, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125,
    "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}  # fmt: skip
ZEROS: Final = frozenset({"nought", "naught"})  # "nought point nought three"; never read alone
# Words that turn the number after them negative: "minus five", "negative 3".
MINUS_WORDS: Final = frozenset({"minus", "negative"})
# Words after which a spaced hyphen before a number is its minus sign, where a value is due:
# "the low was - 2 degrees", "temperatures of - 10 degrees"; after any other word it is a dash
# ("fell overnight - 20 per cent below forecasts") or a bullet.
MINUS_DUE: Final = frozenset(
    "was is were are be been at to of reached hit around about near nearly approximately".split()
)
# The words after a number that make it negative: "2 below zero", "15 degrees below zero".
BELOW_ZERO: Final = ("below", "zero")
# Words that can open a quantity ("seventy", "a dozen", "minus", "tens of thousands").
WORD_STARTERS: Final = frozenset(
    {*UNITS_WORDS, *TENS_WORDS, *VAGUE_WORDS, "a", "an", "half", "quarter", *MINUS_WORDS}
    | VAGUE_MULTIPLES
    | ZEROS  # "nought point five"
    | set(VULGAR_FRACTIONS)  # "½" is a word character to the tokenizer
)

# The articles, which stand for one before a scale or a fraction: "a million", "an eighth".
ARTICLES: Final = frozenset({"a", "an"})
# The words that state one of a fraction: "a third of", "one sixth".
ONE_OF: Final = frozenset({"a", "an", "one"})
# Scale words an article may stand before as one: "a dozen", "a hundred and two", "a million".
ARTICLE_SCALES: Final = frozenset({"dozen", "hundred", "thousand", "million", "billion"})
# Units an article stands for one of ("a litre of milk", "a hectare"), by quantulum3's names;
# not the units of idioms ("not an inch", "a ton of", "a pound", "a yard", "a foot in the
# door", "a degree in law") nor units of time ("once a week", "a year ago"; see
# ``written._article_as_one``).
ARTICLE_ONE_UNITS: Final = frozenset(
    """
    litre millilitre gallon pint kilogram gram tonne metre kilometre centimetre millimetre mile
    hectare acre barrel
    """.split()
)
# Money an article stands for one of, before a rate or where the phrase ends: "a dollar a
# day", "more than a dollar.", "a penny more"; not "a dollar store".
ARTICLE_ONE_MONEY: Final = frozenset({"dollar", "euro", "cent", "penny"})
# The words that write those units and money after an article, in lower case: a sentence with
# one of them may hold a figure with no digit ("A litre of milk costs more than a dollar"), so
# ``candidates`` tokenises it.
ARTICLE_UNIT_WORDS: Final = frozenset(
    """
    litre liter millilitre milliliter gallon pint kilogram kilo gram gramme tonne metre meter
    kilometre kilometer centimetre centimeter millimetre millimeter mile hectare acre barrel
    metric dollar euro cent penny
    """.split()
)
# The units of time an article stands for one of before "and a half": "an hour and a half".
ARTICLE_TIME_WORDS: Final = frozenset("hour year day week month minute decade century".split())
# The words after such money that end its phrase.
ARTICLE_MONEY_ENDS: Final = frozenset(
    {"a", "an", "per", "more", "less", "or", "each", "apiece", "for"}
)
# "a baker's dozen": thirteen (straight and curly apostrophe).
BAKERS: Final = frozenset({"baker's", "baker’s"})
# Shares that stand before a scale without an article: "half million", "quarter billion".
SHARES: Final = {"half": 2, "quarter": 4}
SHARE_SCALES: Final = frozenset({"million", "billion", "trillion"})
# Scales "half a" stands before: "half a dozen", "half a million".
HALF_A_SCALES: Final = frozenset({"dozen", "million", "billion", "thousand", "hundred"})
# Words before a run of number words that make "two and three fifths" a range, not 2 3/5.
RANGE_OPENERS: Final = frozenset({"between", "from"})
# Words between two shares that make them a range: "between a third and a half", "a third to".
SHARE_JOINERS: Final = frozenset({"and", "or", "to"})

# Ordinals read as denominators: "three fifths", "a twenty-first". "second" is never one
# ("twenty seconds"); "first" only closes a compound ("three twenty-firsts").
UNIT_ORDINALS: Final = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9,
}  # fmt: skip
OTHER_ORDINALS: Final = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1e3,
    "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12, "half": 2, "quarter": 4,
}  # fmt: skip
# Every denominator word, singular and plural ("fifth", "fifths", "halves").
ORDINALS: Final[dict[str, float]] = {
    **UNIT_ORDINALS,
    **OTHER_ORDINALS,
    **{w + "s": v for w, v in (UNIT_ORDINALS | OTHER_ORDINALS).items() if w != "half"},
    "halves": 2,
}
# Words after "a" / "an" that may open a fraction: "a trillionth", "a hundred trillionths".
ARTICLE_FOLLOWERS: Final = frozenset(ORDINALS) | frozenset(TENS_WORDS) | frozenset(SCALE_WORDS)
# Words of a run of number words ("one hundred and thirty-two"), with their values.
RUN_WORDS: Final[dict[str, float]] = {**UNITS_WORDS, **TENS_WORDS, **SCALE_WORDS}
# Letters glued to digits that make an ordinal or a plural, not a unit: "21st", "the 1990s".
ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th", "s"})
# The letters that end an ordinal written in digits ("14th", "21st"): an ordinal's suffix.
ORDINAL_ENDINGS: Final = frozenset({"st", "nd", "rd", "th"})

# Words before "one point" that make it the idiom "at one point", "by one point", not 1.x.
ONE_POINT_IDIOM: Final = frozenset(
    "at by the a that this some any one each every no on from to of".split()
)
