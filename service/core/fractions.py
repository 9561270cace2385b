"""Written fractions with an ordinal denominator: "two thirds", "three twenty-firsts".

Also the mixed numbers built on them: "one hundred and three quarters", "two and fifty-four
hundredths", "six million and two thirds", "one billion and a half million".

Why a module of its own: the denominator is an ordinal phrase at the *end* of a run of number
words, and where it starts is a choice ("one hundred thirty fifths" is 100/35, "one hundred
thirty two fifths" 132/5, "one hundred and thirty fifths" 130/5). That choice needs the whole
run, so it cannot be made while ``read_words`` reads left to right. The run is short and read
once, only when the token after a written number can continue one, so news text, where "third"
and "fifth" are nearly always ordinals, pays next to nothing.

Readings follow Microsoft Recognizers-Text where they are unambiguous. A singular ordinal is a
fraction only before "of", punctuation or the end ("one fifth of", but not "a fifth term" or
"the one hundredth anniversary"), and "second" is never a denominator ("twenty seconds").
"""

from __future__ import annotations

from .numbers import SCALE_WORDS, TENS_WORDS, UNITS_WORDS, Numeral, Token

_UNIT_ORDINALS = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9,
}  # fmt: skip
_OTHER_ORDINALS = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1e3,
    "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12, "half": 2, "quarter": 4,
}  # fmt: skip
# Every denominator word, singular and plural ("fifth", "fifths", "halves").
ORDINALS: dict[str, float] = {
    **_UNIT_ORDINALS,
    **_OTHER_ORDINALS,
    **{w + "s": v for w, v in (_UNIT_ORDINALS | _OTHER_ORDINALS).items() if w != "half"},
    "halves": 2,
}
# Words of a run of number words ("one hundred and thirty-two"), with their values.
_RUN_WORDS: dict[str, float] = {**UNITS_WORDS, **TENS_WORDS, **SCALE_WORDS}
# Words after "a" / "an" that may open a fraction: "a trillionth", "a hundred trillionths".
ARTICLE_FOLLOWERS = frozenset(ORDINALS) | frozenset(TENS_WORDS) | frozenset(SCALE_WORDS)
_TENS = frozenset(TENS_WORDS.values())
_BIG = 1e6  # "million" and above: "six million and two thirds" is 6 2/3 million
_ARTICLE = -1.0  # "a" / "an" opening the run: one, as in "a hundred trillionths"
_MAX_RUN = 16  # words in one run; longer runs are not fractions anyone writes


def _gap(text: str, tokens: list[Token], k: int) -> str | None:
    """Return the gap between tokens ``k - 1`` and ``k`` if it may join one number, else None."""
    gap = text[tokens[k - 1].end : tokens[k].start]
    return gap if gap in ("", " ", "  ") else None


def _cardinal(values: list[float]) -> float | None:
    """Value of number words in order ("one hundred and three"), None if they are not one."""
    total, current, prev, last_scale = 0.0, 0.0, "", float("inf")
    for v in values:
        if v == _ARTICLE:
            current, prev = 1.0, "article"
        elif v < 100:
            kind = "unit" if v < 10 else "teen" if v < 20 else "tens"
            if prev in ("unit", "teen", "article") or (prev == "tens" and kind != "unit"):
                return None  # "one two", "twenty thirty", "a two": two numbers
            current += v
            prev = kind
        elif v == 100:
            if not prev or prev in ("hundred",) or not 0 < current < 100:
                return None
            current *= 100
            prev = "hundred"
        else:
            if not prev or v >= last_scale or not current:
                return None
            total += current * v
            current, prev, last_scale = 0.0, "scale", v
    return total + current if prev else None


def read_fraction(text: str, tokens: list[Token], i: int) -> Numeral | None:
    """Read a fraction whose run of number words starts at token ``i`` and ends in an ordinal.

    Returns None unless an ordinal closes the run, so callers may try it on any written number.
    """
    n = len(tokens)
    items: list[float | None] = []  # number word values; None for "and"
    k = i
    if tokens[i].lower in ("a", "an"):
        items.append(_ARTICLE)
        k += 1
    end = min(n, i + _MAX_RUN)
    while k < end:
        tok = tokens[k]
        if k > i and _gap(text, tokens, k) is None:
            return None
        word = tok.lower
        if word in ORDINALS and items:
            break
        if word in _RUN_WORDS:
            items.append(_RUN_WORDS[word])
        elif word == "and" and items and items[-1] is not None and items[-1] != _ARTICLE:
            items.append(None)
        elif tok.text in "-‐" and items and items[-1] is not None and k + 1 < n:
            # "twenty-fifth", "fifty - two", "hundred-fifths", "five - eighths": a hyphen
            # after tens or a scale, or before the denominator
            if items[-1] not in _TENS and items[-1] < 100 and tokens[k + 1].lower not in ORDINALS:
                return None
        else:
            return None
        k += 1
    else:
        return None
    return _split(text, tokens, i, k, items)


def _split(
    text: str, tokens: list[Token], i: int, k: int, items: list[float | None]
) -> Numeral | None:
    """Split the run ``items`` before the ordinal at token ``k``: whole, numerator, denominator.

    The split is the one Recognizers-Text makes; see the module docstring for examples.
    """
    word = tokens[k].lower
    d = ORDINALS[word]
    plural = word.endswith("s")
    m = len(items)
    den, s = d, m  # items[:s] are the numerator (and the whole of a mixed number)
    if d < 10 and m >= 2 and items[-1] in _TENS and items[-2] is not None:
        den, s = items[-1] + d, m - 1  # "three twenty-firsts", "one hundred thirty fifths"
    elif d < 100:
        t = m - 2 if items[-1] is None else m - 1  # "one one hundred (and) fifth"
        if t >= 2 and items[t] >= 100 and 1 <= items[t - 1] < 10 and items[t - 2] is not None:
            before = items[t - 2]
            if 0 <= before < 10 or 100 <= before < items[t]:
                den, s = items[t - 1] * items[t] + d, t - 1
    if den == 1 or items[s - 1] is None:
        return None  # "first" alone is an ordinal; "three and fifths" is not a number
    numerator = items[:s]
    if None in numerator:
        if i > 0 and tokens[i - 1].lower in ("between", "from"):
            return None  # "between two and three fifths": a range, not 2 3/5
        p = len(numerator) - 1 - numerator[::-1].index(None)
        whole = _cardinal([v for v in numerator[:p] if v is not None])
        part = _cardinal(numerator[p + 1 :])
        if whole is None or part is None or not part or (part == 1) == plural:
            return None
        if part >= den:
            value = (whole + part) / den  # "one hundred and thirty fifths": 130/5
        else:
            scale = numerator[p - 1]
            if scale is not None and scale >= _BIG:
                # "five billion and three quarters" is 5.75 billion; "one billion and three
                # quarters million" adds three quarters of a million.
                nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
                if SCALE_WORDS.get(nxt, scale) < scale and _gap(text, tokens, k + 1) == " ":
                    scale, k = SCALE_WORDS[nxt], k + 1
                value = whole + part / den * scale
            else:
                value = whole + part / den
        scaled = max(v for v in numerator if v is not None) >= 100
        return Numeral(value, i, k, written=True, scaled=scaled, raw=value)
    count = _cardinal(numerator)
    if not count or (count == 1) == plural:
        return None
    follower = tokens[k + 1] if k + 1 < len(tokens) else None
    if not plural and follower is not None and follower.kind != "s" and follower.lower != "of":
        return None  # "a fifth term", "one hundredth anniversary": ordinals
    value = count / den
    return of_a_scale(text, tokens, Numeral(value, i, k, written=True, raw=value))


def of_a_scale(text: str, tokens: list[Token], numeral: Numeral) -> Numeral:
    """Extend a fraction over "of a million": "two thirds of a million" is 666,667."""
    j = numeral.last + 1
    if j + 2 < len(tokens) and tokens[j].lower == "of" and tokens[j + 1].lower in ("a", "an"):
        scale = SCALE_WORDS.get(tokens[j + 2].lower, 0)
        if scale >= 1e3 and all(_gap(text, tokens, m) == " " for m in (j, j + 1, j + 2)):
            numeral.value = numeral.raw = numeral.value * scale
            numeral.last = j + 2
            numeral.scaled = True
    return numeral


def starts_fraction(tokens: list[Token], j: int) -> bool:
    """Tell whether token ``j``, right after a written number, may continue it into a fraction."""
    if j >= len(tokens):
        return False
    word = tokens[j].lower
    return word in ORDINALS or word in _RUN_WORDS or word == "and" or tokens[j].text in "-‐"


def is_ordinal_tail(tokens: list[Token], j: int) -> bool:
    """Tell whether "-first" … "-ninth" follows tens at token ``j``: "twenty-first" is an ordinal.

    Also spaced, "the twenty first century"; a plural ("twenty fifths") is a fraction instead.
    """
    if not (j < len(tokens) and tokens[j - 1].lower in TENS_WORDS):
        return False
    if tokens[j].lower in _UNIT_ORDINALS:  # not "second": "a twenty second delay"
        return tokens[j].start == tokens[j - 1].end + 1
    return (
        j + 1 < len(tokens)
        and tokens[j].text in "-‐"
        and tokens[j].start == tokens[j - 1].end
        and tokens[j + 1].start == tokens[j].end
        and (tokens[j + 1].lower in _UNIT_ORDINALS or tokens[j + 1].lower == "second")
    )
