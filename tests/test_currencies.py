"""The currency table: its derived indexes, pinned, and the invariants every row keeps.

``english/currencies.py`` holds one row per currency and derives every index the readers use
from the rows. The pins below are literal copies of the indexes as they were written by hand
before the table existed: a row edited by mistake changes an index and fails here, while a
deliberate new row or spelling updates its pin in the same commit.
"""

import re
import unicodedata

import pytest

from service.core import units
from service.core.english import currencies
from service.core.english.currencies import CURRENCIES

# The indexes as they were written by hand (english/currencies.py, units.py, normalize.py,
# quantities.py's _WORD_CODES and numerals.py's _CURRENCY_SCALES) before the table.
PINNED = {
    "SYMBOL_CURRENCIES": {
        "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
        "₺": "TRY", "₦": "NGN", "₪": "ILS", "₱": "PHP", "฿": "THB", "₫": "VND", "₿": "BTC",
        "₡": "CRC", "₾": "GEL", "₭": "LAK",
    },
    "CODE_PREFIXES": {
        "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "INR": "INR",
        "CHF": "CHF", "AUD": "AUD", "CAD": "CAD", "Rs": "INR", "RMB": "CNY", "NOK": "NOK",
        "SEK": "SEK", "DKK": "DKK", "HKD": "HKD", "SGD": "SGD", "ZAR": "ZAR", "BRL": "BRL",
        "RUB": "RUB", "KRW": "KRW", "MXN": "MXN", "TRY": "TRY", "NGN": "NGN", "KES": "KES",
        "NZD": "NZD", "BTC": "BTC", "AED": "AED", "SAR": "SAR", "ILS": "ILS", "PKR": "PKR",
        # Issue 15: codes of the Gulf, Europe, Asia and Africa; KSh and RM glued or spaced.
        "KSh": "KES", "Ksh": "KES", "THB": "THB", "VND": "VND", "TWD": "TWD", "MYR": "MYR",
        "RM": "MYR", "IDR": "IDR", "QAR": "QAR", "KWD": "KWD", "BHD": "BHD", "OMR": "OMR",
        "JOD": "JOD", "IQD": "IQD", "EGP": "EGP", "LBP": "LBP", "MAD": "MAD", "TND": "TND",
        "DZD": "DZD", "PLN": "PLN", "CZK": "CZK", "HUF": "HUF", "UAH": "UAH", "KZT": "KZT",
        "LKR": "LKR", "BDT": "BDT", "GHS": "GHS", "UGX": "UGX", "TZS": "TZS", "ARS": "ARS",
        "CLP": "CLP",
    },
    "DOLLAR_PREFIXES": {
        "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "NZ": "NZD", "HK": "HKD",
        "S": "SGD", "SG": "SGD", "R": "BRL", "NT": "TWD", "Mex": "MXN",
    },
    "SPACED_DOLLAR_PREFIXES": {
        "US": "USD", "C": "CAD", "c": "CAD", "NZ": "NZD", "nz": "NZD", "HK": "HKD", "hk": "HKD",
        "SG": "SGD",
    },
    "NEWS_CURRENCIES": {
        "pence": ("penny", None),
        "lira": ("turkish lira", "TRY"),
        "liras": ("turkish lira", "TRY"),
        "turkish lira": ("turkish lira", "TRY"),
        "shekel": ("israeli new shekel", "ILS"),
        "shekels": ("israeli new shekel", "ILS"),
        "dirham": ("uae dirham", "AED"),
        "dirhams": ("uae dirham", "AED"),
        "riyal": ("saudi riyal", "SAR"),
        "riyals": ("saudi riyal", "SAR"),
        "naira": ("nigerian naira", "NGN"),
        "baht": ("thai baht", "THB"),
        "ringgit": ("malaysian ringgit", "MYR"),
        "rupiah": ("indonesian rupiah", "IDR"),
        "krona": ("swedish krona", "SEK"),
        "kronor": ("swedish krona", "SEK"),
        "rmb": ("chinese yuan", "CNY"),
        "bitcoin": ("bitcoin", "BTC"),
        "bitcoins": ("bitcoin", "BTC"),
        "btc": ("bitcoin", "BTC"),
        "peseta": ("spanish peseta", "ESP"),
        "pesetas": ("spanish peseta", "ESP"),
        "guilder": ("dutch guilder", "NLG"),
        "guilders": ("dutch guilder", "NLG"),
        "dutch guilders": ("dutch guilder", "NLG"),
        "markka": ("finnish markka", "FIM"),
        "satoshi": ("satoshi", None),
        "satoshis": ("satoshi", None),
        "finnish markka": ("finnish markka", "FIM"),
        # Issue 15: names with their country's adjective, and slang.
        "bucks": ("dollar", "USD"),
        "quid": ("pound sterling", "GBP"),
        "norwegian krone": ("norwegian krone", "NOK"),
        "norwegian kroner": ("norwegian krone", "NOK"),
        "danish krone": ("danish krone", "DKK"),
        "danish kroner": ("danish krone", "DKK"),
        "hong kong dollar": ("hong kong dollar", "HKD"),
        "hong kong dollars": ("hong kong dollar", "HKD"),
        "singapore dollar": ("singapore dollar", "SGD"),
        "singapore dollars": ("singapore dollar", "SGD"),
        "kenyan shilling": ("kenyan shilling", "KES"),
        "kenyan shillings": ("kenyan shilling", "KES"),
        "uae dirham": ("uae dirham", "AED"),
        "uae dirhams": ("uae dirham", "AED"),
        "emirati dirham": ("uae dirham", "AED"),
        "emirati dirhams": ("uae dirham", "AED"),
        "saudi riyal": ("saudi riyal", "SAR"),
        "saudi riyals": ("saudi riyal", "SAR"),
        "pakistani rupee": ("pakistani rupee", "PKR"),
        "pakistani rupees": ("pakistani rupee", "PKR"),
        "philippine peso": ("philippine peso", "PHP"),
        "philippine pesos": ("philippine peso", "PHP"),
        "vietnamese dong": ("vietnamese dong", "VND"),
        "taiwan dollar": ("new taiwan dollar", "TWD"),
        "taiwan dollars": ("new taiwan dollar", "TWD"),
        "new taiwan dollar": ("new taiwan dollar", "TWD"),
        "new taiwan dollars": ("new taiwan dollar", "TWD"),
        "qatari riyal": ("qatari riyal", "QAR"),
        "qatari riyals": ("qatari riyal", "QAR"),
        "kuwaiti dinar": ("kuwaiti dinar", "KWD"),
        "kuwaiti dinars": ("kuwaiti dinar", "KWD"),
        "bahraini dinar": ("bahraini dinar", "BHD"),
        "bahraini dinars": ("bahraini dinar", "BHD"),
        "omani rial": ("omani rial", "OMR"),
        "omani rials": ("omani rial", "OMR"),
        "jordanian dinar": ("jordanian dinar", "JOD"),
        "jordanian dinars": ("jordanian dinar", "JOD"),
        "iraqi dinar": ("iraqi dinar", "IQD"),
        "iraqi dinars": ("iraqi dinar", "IQD"),
        "egyptian pound": ("egyptian pound", "EGP"),
        "egyptian pounds": ("egyptian pound", "EGP"),
        "lebanese pound": ("lebanese pound", "LBP"),
        "lebanese pounds": ("lebanese pound", "LBP"),
        "moroccan dirham": ("moroccan dirham", "MAD"),
        "moroccan dirhams": ("moroccan dirham", "MAD"),
        "tunisian dinar": ("tunisian dinar", "TND"),
        "tunisian dinars": ("tunisian dinar", "TND"),
        "algerian dinar": ("algerian dinar", "DZD"),
        "algerian dinars": ("algerian dinar", "DZD"),
        "iranian rial": ("iranian rial", "IRR"),
        "iranian rials": ("iranian rial", "IRR"),
        "zloty": ("polish zloty", "PLN"),
        "zlotys": ("polish zloty", "PLN"),
        "zlotych": ("polish zloty", "PLN"),
        "polish zloty": ("polish zloty", "PLN"),
        "polish zlotys": ("polish zloty", "PLN"),
        "koruna": ("czech koruna", "CZK"),
        "korunas": ("czech koruna", "CZK"),
        "czech koruna": ("czech koruna", "CZK"),
        "czech korunas": ("czech koruna", "CZK"),
        "czech crowns": ("czech koruna", "CZK"),
        "forint": ("hungarian forint", "HUF"),
        "forints": ("hungarian forint", "HUF"),
        "hungarian forint": ("hungarian forint", "HUF"),
        "hungarian forints": ("hungarian forint", "HUF"),
        "hryvnia": ("ukrainian hryvnia", "UAH"),
        "hryvnias": ("ukrainian hryvnia", "UAH"),
        "ukrainian hryvnia": ("ukrainian hryvnia", "UAH"),
        "ukrainian hryvnias": ("ukrainian hryvnia", "UAH"),
        "tenge": ("kazakh tenge", "KZT"),
        "kazakh tenge": ("kazakh tenge", "KZT"),
        "sri lankan rupee": ("sri lankan rupee", "LKR"),
        "sri lankan rupees": ("sri lankan rupee", "LKR"),
        "taka": ("bangladeshi taka", "BDT"),
        "bangladeshi taka": ("bangladeshi taka", "BDT"),
        "cedi": ("ghanaian cedi", "GHS"),
        "cedis": ("ghanaian cedi", "GHS"),
        "ghanaian cedi": ("ghanaian cedi", "GHS"),
        "ghanaian cedis": ("ghanaian cedi", "GHS"),
        "ugandan shilling": ("ugandan shilling", "UGX"),
        "ugandan shillings": ("ugandan shilling", "UGX"),
        "tanzanian shilling": ("tanzanian shilling", "TZS"),
        "tanzanian shillings": ("tanzanian shilling", "TZS"),
        "argentine peso": ("argentine peso", "ARS"),
        "argentine pesos": ("argentine peso", "ARS"),
        "argentinian pesos": ("argentine peso", "ARS"),
        "chilean peso": ("chilean peso", "CLP"),
        "chilean pesos": ("chilean peso", "CLP"),
        "colombian peso": ("colombian peso", "COP"),
        "colombian pesos": ("colombian peso", "COP"),
    },
    "CURRENCY_SIGNS_AFTER": {
        "₡": ("costa rican colon", "CRC"),
        "₾": ("georgian lari", "GEL"),
        "₭": ("lao kip", "LAK"),
        "元": ("chinese yuan", "CNY"),
        "₿": ("bitcoin", "BTC"),
    },
    "CURRENCY_NAMES": {
        "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen",
    },
    # The currency entries of units.py's _PREFERRED.
    "CURRENCY_READINGS": {
        "$": "dollar", "¥": "japanese yen", "p": "penny", "c": "cent", "¢": "cent",
        "cts": "cent", "R": "south african rand", "Fr": "swiss franc",
    },
    # The currency entries of units.py's extra surfaces.
    "CURRENCY_SPELLINGS": {
        "us dollars": "dollar", "us dollar": "dollar", "dollars": "dollar",
        "pounds sterling": "pound sterling", "sterling": "pound sterling",
        "yuan": "chinese yuan", "renminbi": "chinese yuan", "yen": "japanese yen",
        "rupees": "indian rupee", "rupee": "indian rupee",
    },
    "MINOR_CURRENCY": {"cent": ("USD", 0.01), "penny": ("GBP", 0.01), "satoshi": ("BTC", 1e-8)},
    "SHARED_CURRENCY_WORDS": {"pound": "GBP", "pounds": "GBP"},
    "WORD_CODES": frozenset(
        {"try", "cad", "bob", "mop", "top", "all", "php", "sos", "cup", "gel", "mad"}
    ),
    "CURRENCY_SCALES": {
        "M": 1e6, "B": 1e9, "T": 1e12, "MN": 1e6, "BN": 1e9, "Bn": 1e9, "K": 1e3, "MM": 1e6,
    },
}  # fmt: skip

# units.py's _PREFERRED as it was written by hand: measures' readings and the currencies'.
PREFERRED = {
    "$": "dollar", "¥": "japanese yen", "C": "degree Celsius", "F": "degree fahrenheit",
    "K": "kelvin", "kt": "knot", "b": "bit", "kb": "kilobit", "Mb": "megabit", "Gb": "gigabit",
    "p": "penny", "c": "cent", "¢": "cent", "cts": "cent", "R": "south african rand",
    "Fr": "swiss franc", "bp": "basis point", "Gy": "gray", "pound": "pound-mass",
    "pounds": "pound-mass", "lb": "pound-mass", "lbs": "pound-mass", "ton": "short ton",
    "tons": "short ton",
}  # fmt: skip

ISO_CODE = re.compile(r"[A-Z]{3}")

# Index name → the row fields it is derived from, for the invariants below.
ROW_KEYS = {
    "symbols": lambda row: row.symbols,
    "signs_after": lambda row: row.signs_after,
    "codes": lambda row: row.codes,
    "dollar_prefixes": lambda row: row.dollar_prefixes,
    "spaced_prefixes": lambda row: row.spaced_prefixes,
    "words": lambda row: (*row.words, *(row.minor.words if row.minor else ())),
    "spellings": lambda row: row.spellings,
    "readings": lambda row: (*row.readings, *(row.minor.readings if row.minor else ())),
    "shared_words": lambda row: row.shared_words,
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_derived_index_is_unchanged(name):
    assert getattr(currencies, name) == PINNED[name]


def test_the_lexicon_reads_symbols_as_before():
    assert units._PREFERRED == PREFERRED


def test_every_code_is_three_capital_letters():
    for row in CURRENCIES:
        assert ISO_CODE.fullmatch(row.code), row
    indexes = ("SYMBOL_CURRENCIES", "CODE_PREFIXES", "DOLLAR_PREFIXES", "SPACED_DOLLAR_PREFIXES")
    for index in indexes:
        for key, code in getattr(currencies, index).items():
            assert ISO_CODE.fullmatch(code), (index, key)


def test_one_row_per_currency():
    codes = [row.code for row in CURRENCIES]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("field", sorted(ROW_KEYS))
def test_no_two_rows_write_a_currency_alike(field):
    """A sign, code, prefix or word belongs to one row: else the index keeps only the last."""
    seen: dict[str, str] = {}
    for row in CURRENCIES:
        keys = ROW_KEYS[field](row)
        assert len(keys) == len(set(keys)), (row.code, field)
        for key in keys:
            assert key, (row.code, field)
            assert key == key.strip(), (row.code, field, key)
            assert seen.setdefault(key, row.code) == row.code, (field, key)


def test_every_symbol_maps_to_a_row():
    codes = {row.code for row in CURRENCIES}
    for index in (
        "SYMBOL_CURRENCIES",
        "CODE_PREFIXES",
        "DOLLAR_PREFIXES",
        "SPACED_DOLLAR_PREFIXES",
        "SHARED_CURRENCY_WORDS",
    ):
        assert set(getattr(currencies, index).values()) <= codes, index
    for index in ("CURRENCY_SIGNS_AFTER", "NEWS_CURRENCIES"):
        assert {code for _, code in getattr(currencies, index).values()} <= codes | {None}
    assert {code for code, _ in currencies.MINOR_CURRENCY.values()} <= codes


def test_signs_are_single_currency_signs():
    """Signs are one character of Unicode's currency signs (Sc); "元" is a CJK ideograph."""
    for row in CURRENCIES:
        for sign in (*row.symbols, *row.signs_after):
            assert len(sign) == 1, (row.code, sign)
            assert unicodedata.category(sign) == "Sc" or sign == "元", (row.code, sign)


def test_codes_before_the_amount_name_their_currency():
    """A three-letter capital code is the row's own ISO code; abbreviations ("Rs") are not."""
    for row in CURRENCIES:
        for code in row.codes:
            if ISO_CODE.fullmatch(code) and code != "RMB":
                assert code == row.code, (row.code, code)


def test_spaced_prefixes_are_dollar_prefixes():
    """A prefix apart from its "$" is one that is written glued to it too (or its lower case)."""
    for row in CURRENCIES:
        for prefix in row.spaced_prefixes:
            assert prefix in row.dollar_prefixes or prefix.upper() in row.dollar_prefixes


def test_words_are_lower_case():
    """The unit lexicon looks word surfaces up lower-cased."""
    for row in CURRENCIES:
        for word in (*row.words, *row.spellings, *row.shared_words):
            assert word == word.lower(), (row.code, word)
        if row.minor:
            assert all(word == word.lower() for word in row.minor.words), row.code


def test_a_row_written_in_words_or_signs_names_its_unit():
    for row in CURRENCIES:
        if row.words or row.spellings or row.readings or row.signs_after or row.by_code:
            assert row.unit, row.code


def test_minor_units_are_fractions():
    for row in CURRENCIES:
        if row.minor:
            assert 0 < row.minor.factor < 1, row.code


def test_word_codes_are_lower_case_iso_codes():
    for word in currencies.WORD_CODES:
        assert word.islower(), word
        assert ISO_CODE.fullmatch(word.upper()), word


def test_currency_scales_are_capitalised_powers_of_a_thousand():
    for letters, factor in currencies.CURRENCY_SCALES.items():
        assert letters[0].isupper(), letters
        assert letters.isalpha(), letters
        assert factor in (1e3, 1e6, 1e9, 1e12), letters


def test_dotted_codes_are_codes_of_their_row():
    """ "Rs." is "Rs" with a full stop: a dotted code is one of its row's codes."""
    for row in CURRENCIES:
        assert set(row.dotted) <= set(row.codes), row.code
