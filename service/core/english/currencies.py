"""Currencies as news copy writes them: one row per currency, and the indexes the readers use.

Every fact about a currency sits in its row of ``CURRENCIES``: its ISO 4217 code, the
quantulum3 unit news means by it, its signs, codes, the letters before "$", its words and its
minor unit. The indexes below (``SYMBOL_CURRENCIES``, ``CODE_PREFIXES``, …) are derived from
the rows, so adding a currency, or a way of writing one, is one edit in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


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
    dotted: tuple[str, ...] = ()  # those of ``codes`` also written with a full stop: "Rs.20"
    dollar_prefixes: tuple[str, ...] = ()  # letters before "$": "US$5", "A$3", "HK$10"
    spaced_prefixes: tuple[str, ...] = ()  # those letters apart from "$": "HK $10bn"
    # Lower-case news words quantulum3's tables lack: "shekels", the name with its country's
    # adjective ("qatari riyals": the adjective tells the riyal apart) and slang ("bucks").
    words: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()  # other spellings of quantulum3's own unit: "sterling"
    readings: tuple[str, ...] = ()  # symbols news reads as this currency whatever else they name
    # Words the currency shares with a unit of another kind (the pound of mass): money only
    # where the context says so, which the reader decides.
    shared_words: tuple[str, ...] = ()
    minor: Minor | None = None


# One row per currency. Every key of a derived index (a sign, a code, a prefix, a word) stands
# in one row only: the tests check it, with each index's contents.
CURRENCIES: Final[tuple[Currency, ...]] = (
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
        words=("bucks",),
        minor=Minor(unit="cent", factor=0.01, readings=("c", "¢", "cts")),
    ),
    Currency(
        code="GBP",
        unit="pound sterling",
        by_code=True,
        symbols=("£",),
        codes=("GBP",),
        spellings=("pounds sterling", "sterling"),
        words=("quid",),
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
        dotted=("Rs",),
        spellings=("rupees", "rupee"),
    ),
    Currency(code="CHF", unit="swiss franc", codes=("CHF",), readings=("Fr",)),
    Currency(code="AUD", codes=("AUD",), dollar_prefixes=("A", "AU")),
    Currency(code="CAD", codes=("CAD",), dollar_prefixes=("C", "CA"), spaced_prefixes=("C", "c")),
    Currency(
        code="NOK",
        unit="norwegian krone",
        codes=("NOK",),
        words=("norwegian krone", "norwegian kroner"),
    ),
    Currency(code="SEK", unit="swedish krona", codes=("SEK",), words=("krona", "kronor")),
    Currency(
        code="DKK", unit="danish krone", codes=("DKK",), words=("danish krone", "danish kroner")
    ),
    Currency(
        code="HKD",
        unit="hong kong dollar",
        codes=("HKD",),
        dollar_prefixes=("HK",),
        spaced_prefixes=("HK", "hk"),
        words=("hong kong dollar", "hong kong dollars"),
    ),
    Currency(
        code="SGD",
        unit="singapore dollar",
        codes=("SGD",),
        dollar_prefixes=("S", "SG"),
        spaced_prefixes=("SG",),
        words=("singapore dollar", "singapore dollars"),
    ),
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
    Currency(
        code="KES",
        unit="kenyan shilling",
        codes=("KES", "KSh", "Ksh"),
        words=("kenyan shilling", "kenyan shillings"),
    ),
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
    Currency(
        code="AED",
        unit="uae dirham",
        codes=("AED",),
        words=(
            "dirham",
            "dirhams",
            "uae dirham",
            "uae dirhams",
            "emirati dirham",
            "emirati dirhams",
        ),
    ),
    Currency(
        code="SAR",
        unit="saudi riyal",
        codes=("SAR",),
        words=("riyal", "riyals", "saudi riyal", "saudi riyals"),
    ),
    Currency(
        code="ILS",
        unit="israeli new shekel",
        symbols=("₪",),
        codes=("ILS",),
        words=("shekel", "shekels"),
    ),
    Currency(
        code="PKR",
        unit="pakistani rupee",
        codes=("PKR",),
        words=("pakistani rupee", "pakistani rupees"),
    ),
    Currency(
        code="PHP",
        unit="philippine peso",
        symbols=("₱",),
        words=("philippine peso", "philippine pesos"),
    ),
    Currency(code="THB", unit="thai baht", symbols=("฿",), codes=("THB",), words=("baht",)),
    Currency(
        code="VND",
        unit="vietnamese dong",
        symbols=("₫",),
        codes=("VND",),
        words=("vietnamese dong",),
    ),
    Currency(code="CRC", unit="costa rican colon", symbols=("₡",), signs_after=("₡",)),
    Currency(code="GEL", unit="georgian lari", symbols=("₾",), signs_after=("₾",)),
    Currency(code="LAK", unit="lao kip", symbols=("₭",), signs_after=("₭",)),
    Currency(
        code="TWD",
        unit="new taiwan dollar",
        codes=("TWD",),
        dollar_prefixes=("NT",),
        words=("taiwan dollar", "taiwan dollars", "new taiwan dollar", "new taiwan dollars"),
    ),
    Currency(code="MYR", unit="malaysian ringgit", codes=("MYR", "RM"), words=("ringgit",)),
    Currency(code="IDR", unit="indonesian rupiah", codes=("IDR",), words=("rupiah",)),
    # The Gulf, the Levant and North Africa: dinars, riyals, rials and pounds of a country.
    Currency(
        code="QAR", unit="qatari riyal", codes=("QAR",), words=("qatari riyal", "qatari riyals")
    ),
    Currency(
        code="KWD", unit="kuwaiti dinar", codes=("KWD",), words=("kuwaiti dinar", "kuwaiti dinars")
    ),
    Currency(
        code="BHD",
        unit="bahraini dinar",
        codes=("BHD",),
        words=("bahraini dinar", "bahraini dinars"),
    ),
    Currency(code="OMR", unit="omani rial", codes=("OMR",), words=("omani rial", "omani rials")),
    Currency(
        code="JOD",
        unit="jordanian dinar",
        codes=("JOD",),
        words=("jordanian dinar", "jordanian dinars"),
    ),
    Currency(code="IQD", unit="iraqi dinar", codes=("IQD",), words=("iraqi dinar", "iraqi dinars")),
    Currency(
        code="EGP",
        unit="egyptian pound",
        codes=("EGP",),
        words=("egyptian pound", "egyptian pounds"),
    ),
    Currency(
        code="LBP",
        unit="lebanese pound",
        codes=("LBP",),
        words=("lebanese pound", "lebanese pounds"),
    ),
    # "MAD" before a number is rare enough as an acronym; lower-case "mad" is a word (WORD_CODES).
    Currency(
        code="MAD",
        unit="moroccan dirham",
        codes=("MAD",),
        words=("moroccan dirham", "moroccan dirhams"),
    ),
    Currency(
        code="TND",
        unit="tunisian dinar",
        codes=("TND",),
        words=("tunisian dinar", "tunisian dinars"),
    ),
    Currency(
        code="DZD",
        unit="algerian dinar",
        codes=("DZD",),
        words=("algerian dinar", "algerian dinars"),
    ),
    # No code: "IRR" is an internal rate of return far more often.
    Currency(code="IRR", unit="iranian rial", words=("iranian rial", "iranian rials")),
    # Central and Eastern Europe. No "RON" (an octane rating: "RON 95 petrol").
    Currency(
        code="PLN",
        unit="polish zloty",
        codes=("PLN",),
        words=("zloty", "zlotys", "zlotych", "polish zloty", "polish zlotys"),
    ),
    Currency(
        code="CZK",
        unit="czech koruna",
        codes=("CZK",),
        words=("koruna", "korunas", "czech koruna", "czech korunas", "czech crowns"),
    ),
    Currency(
        code="HUF",
        unit="hungarian forint",
        codes=("HUF",),
        words=("forint", "forints", "hungarian forint", "hungarian forints"),
    ),
    Currency(
        code="UAH",
        unit="ukrainian hryvnia",
        codes=("UAH",),
        words=("hryvnia", "hryvnias", "ukrainian hryvnia", "ukrainian hryvnias"),
    ),
    Currency(code="KZT", unit="kazakh tenge", codes=("KZT",), words=("tenge", "kazakh tenge")),
    # South Asia, Africa and Latin America. No "NPR" (the broadcaster), "COP" (the climate
    # summit: "COP 28") or "PEN" as codes.
    Currency(
        code="LKR",
        unit="sri lankan rupee",
        codes=("LKR",),
        words=("sri lankan rupee", "sri lankan rupees"),
    ),
    Currency(
        code="BDT", unit="bangladeshi taka", codes=("BDT",), words=("taka", "bangladeshi taka")
    ),
    Currency(
        code="GHS",
        unit="ghanaian cedi",
        codes=("GHS",),
        words=("cedi", "cedis", "ghanaian cedi", "ghanaian cedis"),
    ),
    Currency(
        code="UGX",
        unit="ugandan shilling",
        codes=("UGX",),
        words=("ugandan shilling", "ugandan shillings"),
    ),
    Currency(
        code="TZS",
        unit="tanzanian shilling",
        codes=("TZS",),
        words=("tanzanian shilling", "tanzanian shillings"),
    ),
    Currency(
        code="ARS",
        unit="argentine peso",
        codes=("ARS",),
        words=("argentine peso", "argentine pesos", "argentinian pesos"),
    ),
    Currency(
        code="CLP", unit="chilean peso", codes=("CLP",), words=("chilean peso", "chilean pesos")
    ),
    Currency(code="COP", unit="colombian peso", words=("colombian peso", "colombian pesos")),
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
SYMBOL_CURRENCIES: Final[dict[str, str]] = {s: row.code for row in CURRENCIES for s in row.symbols}

# Currency codes and abbreviations written before the amount: "USD 5m", "Rs 500".
CODE_PREFIXES: Final[dict[str, str]] = {c: row.code for row in CURRENCIES for c in row.codes}

# The codes also written with a full stop before the amount: "Rs.20", "Rs. 4,500".
DOTTED_CODES: Final[frozenset[str]] = frozenset(c for row in CURRENCIES for c in row.dotted)

# Currency prefixes written as letters before "$": "US$5", "A$3", "HK$10".
DOLLAR_PREFIXES: Final[dict[str, str]] = {
    p: row.code for row in CURRENCIES for p in row.dollar_prefixes
}

# The prefixes that also stand apart from their "$": "HK $10bn", and in lower-cased, tokenised
# copy "hk $ 10.05 billion", "c $ 16.4 million" (a lone "C" only so, and never after a name:
# "Vitamin C $30", "Plan C $300 million"). Not "A", "AU" (the African Union), "NT" (Northern
# Territory) or "S", nor a lower-case "us" ("give us $5").
SPACED_DOLLAR_PREFIXES: Final[dict[str, str]] = {
    p: row.code for row in CURRENCIES for p in row.spaced_prefixes
}

# Currencies news copy names in words that quantulum3's tables lack: surface → (name, code); a
# minor unit's words have no code ("pence").
NEWS_CURRENCIES: Final[dict[str, tuple[str, str | None]]] = {
    **{w: (_unit(row), row.code) for row in CURRENCIES for w in row.words},
    **{w: (row.minor.unit, None) for row in CURRENCIES if row.minor for w in row.minor.words},
}

# Other spellings of a currency quantulum3 has: surface → its unit name ("sterling").
CURRENCY_SPELLINGS: Final[dict[str, str]] = {
    w: _unit(row) for row in CURRENCIES for w in row.spellings
}

# Currency signs written after the amount: "100 ₡", "100元" → (name, code).
CURRENCY_SIGNS_AFTER: Final[dict[str, tuple[str, str]]] = {
    s: (_unit(row), row.code) for row in CURRENCIES for s in row.signs_after
}

# The unit a currency code stands for when quantulum3 has several.
CURRENCY_NAMES: Final[dict[str, str]] = {row.code: _unit(row) for row in CURRENCIES if row.by_code}

# Symbols whose reading in news text is a currency or its minor unit, whatever else they name
# in quantulum3's tables: "$" the dollar, "p" the penny, "R" the rand.
CURRENCY_READINGS: Final[dict[str, str]] = {
    **{s: _unit(row) for row in CURRENCIES for s in row.readings},
    **{s: row.minor.unit for row in CURRENCIES if row.minor for s in row.minor.readings},
}

# Minor currency units: amounts in the major unit's ISO code (a fixed ratio, not a rate).
MINOR_CURRENCY: Final[dict[str, tuple[str, float]]] = {
    row.minor.unit: (row.code, row.minor.factor) for row in CURRENCIES if row.minor
}

# Words a currency shares with a unit of another kind → its code: "20 million pounds" is money,
# "200 pounds" may be a weight; the reader decides from the context.
SHARED_CURRENCY_WORDS: Final[dict[str, str]] = {
    w: row.code for row in CURRENCIES for w in row.shared_words
}

# Lower-case words that are also ISO 4217 codes: never read as currencies ("10 try").
WORD_CODES: Final = frozenset(
    {"try", "cad", "bob", "mop", "top", "all", "php", "sos", "cup", "gel", "mad"}
)

# Capital scale letters, read only right after a currency amount ("€10M", "$2.174T").
CURRENCY_SCALES: Final[dict[str, float]] = {
    "M": 1e6, "B": 1e9, "T": 1e12, "MN": 1e6, "BN": 1e9, "Bn": 1e9, "K": 1e3, "MM": 1e6,
}  # fmt: skip
