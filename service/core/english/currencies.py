"""Currencies as news copy writes them: one row per currency, and the indexes the readers use.

Every fact about a currency sits in its row of ``CURRENCIES``: its ISO 4217 code, the
quantulum3 unit news means by it, its signs, codes, the letters before "$", its words and its
minor unit. The indexes below (``SYMBOL_CURRENCIES``, ``CODE_PREFIXES``, …) are derived from
the rows, so adding a currency, or a way of writing one, is one edit in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Minor:
    """A currency's minor unit ("cent", "penny"): a fixed fraction of the major unit."""

    unit: str  # quantulum3's unit name, "cent"
    factor: float  # its worth in the major unit, 0.01
    words: tuple[str, ...] = ()  # news words quantulum3's tables lack: "pence"
    readings: tuple[str, ...] = ()  # symbols news reads as this unit whatever else they name


@dataclass(frozen=True, slots=True, kw_only=True)
class Currency:
    """One currency and every way news copy writes it."""

    code: str  # ISO 4217 ("BTC": the code in use)
    # The unit news means by it, named as quantulum3 names it (``units`` makes up those its
    # tables lack); None where the core only ever reaches the currency through its code.
    unit: str | None = None
    # Where quantulum3 has several units with the code: the code reads as ``unit``.
    by_code: bool = False
    symbols: tuple[str, ...] = ()  # signs written before the amount: "$5", "£3"
    signs_after: tuple[str, ...] = ()  # signs written after the amount: "100 ₡", "100元"
    codes: tuple[str, ...] = ()  # codes and abbreviations before the amount: "USD 5m", "Rs 500"
    dollar_prefixes: tuple[str, ...] = ()  # letters before "$": "US$5", "A$3", "HK$10"
    spaced_prefixes: tuple[str, ...] = ()  # those letters apart from "$": "HK $10bn"
    words: tuple[str, ...] = ()  # lower-case news words quantulum3's tables lack: "shekels"
    spellings: tuple[str, ...] = ()  # other spellings of quantulum3's own unit: "sterling"
    readings: tuple[str, ...] = ()  # symbols news reads as this currency whatever else they name
    # Words the currency shares with a unit of another kind (the pound of mass): money only
    # where the context says so, which the reader decides.
    shared_words: tuple[str, ...] = ()
    minor: Minor | None = None


# One row per currency. Every key of a derived index (a sign, a code, a prefix, a word) stands
# in one row only: the tests check it, with each index's contents.
CURRENCIES: tuple[Currency, ...] = (
    Currency(
        code="USD",
        unit="dollar",
        by_code=True,
        symbols=("$",),
        codes=("USD",),
        dollar_prefixes=("US",),
        spaced_prefixes=("US",),
        spellings=("us dollars", "us dollar", "dollars"),
        readings=("$",),
        minor=Minor(unit="cent", factor=0.01, readings=("c", "¢", "cts")),
    ),
    Currency(
        code="GBP",
        unit="pound sterling",
        by_code=True,
        symbols=("£",),
        codes=("GBP",),
        spellings=("pounds sterling", "sterling"),
        shared_words=("pound", "pounds"),
        minor=Minor(unit="penny", factor=0.01, words=("pence",), readings=("p",)),
    ),
    Currency(code="EUR", unit="euro", by_code=True, symbols=("€",), codes=("EUR",)),
    Currency(
        code="JPY",
        unit="japanese yen",
        by_code=True,
        symbols=("¥",),
        codes=("JPY",),
        spellings=("yen",),
        readings=("¥",),
    ),
    Currency(
        code="CNY",
        unit="chinese yuan",
        signs_after=("元",),
        codes=("CNY", "RMB"),
        words=("rmb",),
        spellings=("yuan", "renminbi"),
    ),
    Currency(
        code="INR",
        unit="indian rupee",
        symbols=("₹",),
        codes=("INR", "Rs"),
        spellings=("rupees", "rupee"),
    ),
    Currency(code="CHF", unit="swiss franc", codes=("CHF",), readings=("Fr",)),
    Currency(code="AUD", codes=("AUD",), dollar_prefixes=("A", "AU")),
    Currency(code="CAD", codes=("CAD",), dollar_prefixes=("C", "CA"), spaced_prefixes=("C", "c")),
    Currency(code="NOK", codes=("NOK",)),
    Currency(code="SEK", unit="swedish krona", codes=("SEK",), words=("krona", "kronor")),
    Currency(code="DKK", codes=("DKK",)),
    Currency(code="HKD", codes=("HKD",), dollar_prefixes=("HK",), spaced_prefixes=("HK", "hk")),
    Currency(code="SGD", codes=("SGD",), dollar_prefixes=("S", "SG"), spaced_prefixes=("SG",)),
    Currency(code="ZAR", unit="south african rand", codes=("ZAR",), readings=("R",)),
    Currency(code="BRL", codes=("BRL",), dollar_prefixes=("R",)),
    Currency(code="RUB", symbols=("₽",), codes=("RUB",)),
    Currency(code="KRW", symbols=("₩",), codes=("KRW",)),
    Currency(code="MXN", codes=("MXN",), dollar_prefixes=("Mex",)),
    Currency(
        code="TRY",
        unit="turkish lira",
        symbols=("₺",),
        codes=("TRY",),
        words=("lira", "liras", "turkish lira"),
    ),
    Currency(code="NGN", unit="nigerian naira", symbols=("₦",), codes=("NGN",), words=("naira",)),
    Currency(code="KES", codes=("KES",)),
    Currency(code="NZD", codes=("NZD",), dollar_prefixes=("NZ",), spaced_prefixes=("NZ", "nz")),
    Currency(
        code="BTC",
        unit="bitcoin",
        symbols=("₿",),
        signs_after=("₿",),
        codes=("BTC",),
        words=("bitcoin", "bitcoins", "btc"),
        minor=Minor(unit="satoshi", factor=1e-8, words=("satoshi", "satoshis")),
    ),
    Currency(code="AED", unit="uae dirham", codes=("AED",), words=("dirham", "dirhams")),
    Currency(code="SAR", unit="saudi riyal", codes=("SAR",), words=("riyal", "riyals")),
    Currency(
        code="ILS",
        unit="israeli new shekel",
        symbols=("₪",),
        codes=("ILS",),
        words=("shekel", "shekels"),
    ),
    Currency(code="PKR", codes=("PKR",)),
    Currency(code="PHP", symbols=("₱",)),
    Currency(code="THB", unit="thai baht", symbols=("฿",), words=("baht",)),
    Currency(code="VND", symbols=("₫",)),
    Currency(code="CRC", unit="costa rican colon", symbols=("₡",), signs_after=("₡",)),
    Currency(code="GEL", unit="georgian lari", symbols=("₾",), signs_after=("₾",)),
    Currency(code="LAK", unit="lao kip", symbols=("₭",), signs_after=("₭",)),
    Currency(code="TWD", dollar_prefixes=("NT",)),
    Currency(code="MYR", unit="malaysian ringgit", words=("ringgit",)),
    Currency(code="IDR", unit="indonesian rupiah", words=("rupiah",)),
    # Currencies of the past, still in archives and history pieces.
    Currency(code="ESP", unit="spanish peseta", words=("peseta", "pesetas")),
    Currency(code="NLG", unit="dutch guilder", words=("guilder", "guilders", "dutch guilders")),
    Currency(code="FIM", unit="finnish markka", words=("markka", "finnish markka")),
)


def _unit(row: Currency) -> str:
    """Return the row's quantulum3 unit: a row that is written in words or signs names one."""
    if row.unit is None:
        raise ValueError(f"{row.code} is written in words or signs, so it needs its unit")
    return row.unit


# Signs written before the amount: "$5", "£3", "₹500".
SYMBOL_CURRENCIES: dict[str, str] = {s: row.code for row in CURRENCIES for s in row.symbols}

# Currency codes and abbreviations written before the amount: "USD 5m", "Rs 500".
CODE_PREFIXES: dict[str, str] = {c: row.code for row in CURRENCIES for c in row.codes}

# Currency prefixes written as letters before "$": "US$5", "A$3", "HK$10".
DOLLAR_PREFIXES: dict[str, str] = {p: row.code for row in CURRENCIES for p in row.dollar_prefixes}

# The prefixes that also stand apart from their "$": "HK $10bn", and in lower-cased, tokenised
# copy "hk $ 10.05 billion", "c $ 16.4 million" (a lone "C" only so, and never after a name:
# "Vitamin C $30", "Plan C $300 million"). Not "A", "AU" (the African Union), "NT" (Northern
# Territory) or "S", nor a lower-case "us" ("give us $5").
SPACED_DOLLAR_PREFIXES: dict[str, str] = {
    p: row.code for row in CURRENCIES for p in row.spaced_prefixes
}

# Currencies news copy names in words that quantulum3's tables lack: surface → (name, code); a
# minor unit's words have no code ("pence").
NEWS_CURRENCIES: dict[str, tuple[str, str | None]] = {
    **{w: (_unit(row), row.code) for row in CURRENCIES for w in row.words},
    **{w: (row.minor.unit, None) for row in CURRENCIES if row.minor for w in row.minor.words},
}

# Other spellings of a currency quantulum3 has: surface → its unit name ("sterling").
CURRENCY_SPELLINGS: dict[str, str] = {w: _unit(row) for row in CURRENCIES for w in row.spellings}

# Currency signs written after the amount: "100 ₡", "100元" → (name, code).
CURRENCY_SIGNS_AFTER: dict[str, tuple[str, str]] = {
    s: (_unit(row), row.code) for row in CURRENCIES for s in row.signs_after
}

# The unit a currency code stands for when quantulum3 has several.
CURRENCY_NAMES: dict[str, str] = {row.code: _unit(row) for row in CURRENCIES if row.by_code}

# Symbols whose reading in news text is a currency or its minor unit, whatever else they name
# in quantulum3's tables: "$" the dollar, "p" the penny, "R" the rand.
CURRENCY_READINGS: dict[str, str] = {
    **{s: _unit(row) for row in CURRENCIES for s in row.readings},
    **{s: row.minor.unit for row in CURRENCIES if row.minor for s in row.minor.readings},
}

# Minor currency units: amounts in the major unit's ISO code (a fixed ratio, not a rate).
MINOR_CURRENCY: dict[str, tuple[str, float]] = {
    row.minor.unit: (row.code, row.minor.factor) for row in CURRENCIES if row.minor
}

# Words a currency shares with a unit of another kind → its code: "20 million pounds" is money,
# "200 pounds" may be a weight; the reader decides from the context.
SHARED_CURRENCY_WORDS: dict[str, str] = {
    w: row.code for row in CURRENCIES for w in row.shared_words
}

# Lower-case words that are also ISO 4217 codes: never read as currencies ("10 try").
WORD_CODES = frozenset({"try", "cad", "bob", "mop", "top", "all", "php", "sos", "cup", "gel"})

# Capital scale letters, read only right after a currency amount ("€10M", "$2.174T").
CURRENCY_SCALES: dict[str, float] = {
    "M": 1e6, "B": 1e9, "T": 1e12, "MN": 1e6, "BN": 1e9, "Bn": 1e9, "K": 1e3, "MM": 1e6,
}  # fmt: skip
