"""Numbers written the way they are said: "two hundred point zero three", "4 thousand 3 hundred".

Why apart from ``numbers.read_words``: these forms continue a number that is already read
(a whole part before "point", digits before a scale word), and each is tried only when the
one token that can continue it follows, so ordinary prose never reaches them.
"""

from __future__ import annotations

from .numbers import SCALE_WORDS, TENS_WORDS, UNITS_WORDS, ZEROS, Numeral, Token, read_words

# Words before "one point" that make it the idiom "at one point", "by one point", not 1.x.
_ONE_POINT_IDIOM = frozenset(
    "at by the a that this some any one each every no on from to of".split()
)


def _spaced(text: str, tokens: list[Token], k: int) -> bool:
    """Tell whether tokens ``k - 1`` and ``k`` are separated by exactly one space."""
    return 0 < k < len(tokens) and text[tokens[k - 1].end : tokens[k].start] == " "


def read_point(text: str, tokens: list[Token], i: int, whole: Numeral | None) -> Numeral | None:
    """Read "<whole> point <digits>": "minus five point five", "nought point eleven".

    ``whole`` is the written number read at ``i``, or None when token ``i`` is "nought".
    The digits after "point" are digit words ("zero three"), or one word of two digits
    ("seventy-one", "eleven"), read as the digits they say: "point seventy-one" is .71.
    """
    n = len(tokens)
    if whole is None:
        if tokens[i].lower not in ZEROS:
            return None
        value, last = 0.0, i
    else:
        value, last = whole.value, whole.last
        if value == 1 and last == i and i > 0 and tokens[i - 1].lower in _ONE_POINT_IDIOM:
            return None  # "at one point two boats sank"
    k = last + 1
    if not (k + 1 < n and tokens[k].lower == "point" and _spaced(text, tokens, k)):
        return None
    k += 1
    digits = ""
    word = tokens[k].lower
    if _spaced(text, tokens, k) and (word in TENS_WORDS or UNITS_WORDS.get(word, 0) >= 10):
        small = TENS_WORDS.get(word) or UNITS_WORDS[word]
        if (
            word in TENS_WORDS
            and k + 2 < n
            and tokens[k + 1].text in "-‐"
            and tokens[k + 1].start == tokens[k].end == tokens[k + 2].start - 1
            and 0 < UNITS_WORDS.get(tokens[k + 2].lower, 0) < 10
        ):
            small += UNITS_WORDS[tokens[k + 2].lower]
            k += 2
        digits, last = str(small), k
    else:
        while k < n and _spaced(text, tokens, k):
            word = tokens[k].lower
            if word in ZEROS:
                digits += "0"
            elif UNITS_WORDS.get(word, 10) < 10:
                digits += str(UNITS_WORDS[word])
            else:
                break
            last = k
            k += 1
    if not digits:
        return None
    value += float("0." + digits)
    return Numeral(value, i, last, written=True, raw=value)


def continue_scaled(text: str, tokens: list[Token], numeral: Numeral, scale: float) -> None:
    """Extend digits with a scale word by what follows: "4 thousand 3 hundred and 21".

    Only a smaller scale group, or "and" with a number under a hundred after "hundred", is
    taken: "5 million 3 times" and "2 thousand and 3 thousand" stay as they are.
    """
    n = len(tokens)
    j = numeral.last + 1
    if j + 1 < n and tokens[j].kind == "n" and tokens[j].text.isdigit() and len(tokens[j].text) < 4:
        smaller = SCALE_WORDS.get(tokens[j + 1].lower, scale)
        if smaller < scale and _spaced(text, tokens, j) and _spaced(text, tokens, j + 1):
            numeral.value += int(tokens[j].text) * smaller
            numeral.last = j + 1
            scale, j = smaller, j + 2
    if scale != 100 or not (j + 1 < n and tokens[j].lower == "and" and _spaced(text, tokens, j)):
        return
    if not _spaced(text, tokens, j + 1):
        return
    if tokens[j + 1].kind == "n" and tokens[j + 1].text.isdigit() and len(tokens[j + 1].text) < 3:
        part, last = int(tokens[j + 1].text), j + 1
    elif tokens[j + 1].kind == "w":
        words = read_words(tokens, j + 1)
        if words is None or words.scaled or words.value >= 100:
            return
        part, last = words.value, words.last
    else:
        return
    if last + 1 < n and tokens[last + 1].lower in SCALE_WORDS:
        return  # "3 hundred and 21 thousand" is not 321 thousand
    if part:  # "4 thousand 3 hundred and 0 are two numbers"
        numeral.value += part
        numeral.last = last


def read_power(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """Read a caret exponent glued to digits at token ``j``: "^23", "^-1", "^+23", "^--23".

    Returns the exponent (signs multiply, as in arithmetic) and the exponent's token index.
    """
    n = len(tokens)
    if not (0 < j < n - 1 and tokens[j].text == "^" and tokens[j].start == tokens[j - 1].end):
        return None
    k, sign = j + 1, 1
    while k < min(n, j + 3) and tokens[k].text in ("+", "-", "−"):
        if tokens[k].start != tokens[k - 1].end:
            return None
        sign = sign if tokens[k].text == "+" else -sign
        k += 1
    if k < n and tokens[k].kind == "n" and tokens[k].text.isdigit():
        if tokens[k].start == tokens[k - 1].end:
            return sign * int(tokens[k].text[:6]), k
    return None
