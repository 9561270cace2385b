"""Currencies as news copy writes them: symbols, codes and the letters before "$"."""

from __future__ import annotations

# Currency prefixes written as letters before "$": "US$5", "A$3", "HK$10".
DOLLAR_PREFIXES = {
    "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "NZ": "NZD", "HK": "HKD",
    "S": "SGD", "SG": "SGD", "R": "BRL", "NT": "TWD", "Mex": "MXN",
}  # fmt: skip

# The prefixes that also stand apart from their "$": "HK $10bn", and in lower-cased, tokenised
# copy "hk $ 10.05 billion", "c $ 16.4 million" (a lone "C" only so, and never after a name:
# "Vitamin C $30", "Plan C $300 million"). Not "A", "AU" (the African Union), "NT" (Northern
# Territory) or "S", nor a lower-case "us" ("give us $5").
SPACED_DOLLAR_PREFIXES = {
    "US": "USD", "C": "CAD", "c": "CAD", "NZ": "NZD", "nz": "NZD", "HK": "HKD", "hk": "HKD",
    "SG": "SGD",
}  # fmt: skip

# Currency codes and abbreviations written before the amount: "USD 5m", "Rs 500".
CODE_PREFIXES = {
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "INR": "INR",
    "CHF": "CHF", "AUD": "AUD", "CAD": "CAD", "Rs": "INR", "RMB": "CNY", "NOK": "NOK",
    "SEK": "SEK", "DKK": "DKK", "HKD": "HKD", "SGD": "SGD", "ZAR": "ZAR", "BRL": "BRL",
    "RUB": "RUB", "KRW": "KRW", "MXN": "MXN", "TRY": "TRY", "NGN": "NGN", "KES": "KES",
    "NZD": "NZD", "BTC": "BTC", "AED": "AED", "SAR": "SAR", "ILS": "ILS", "PKR": "PKR",
}  # fmt: skip

SYMBOL_CURRENCIES = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₦": "NGN", "₪": "ILS", "₱": "PHP", "฿": "THB", "₫": "VND", "₿": "BTC",
    "₡": "CRC", "₾": "GEL", "₭": "LAK",
}  # fmt: skip
