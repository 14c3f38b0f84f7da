"""Content words: the words of a text that say what it is about.

Stopwords, number words and qualifier words are dropped, the article ال is stripped;
linking compares numbers' contexts with them and stories weigh articles by them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .lexicon import lexicon
from .tokens import ARABIC_LETTERS

WORD = re.compile(f"[{ARABIC_LETTERS}]+|[،,؛;:]")
CLAUSE_MARKS = frozenset("،,؛;:")


@cache
def _ignored_words() -> frozenset[str]:
    """Stopwords, number words and the words of qualifiers, in every clitic form."""
    lex = lexicon()
    words = set(lex.stopwords) | set(lex.number_words)
    for table in (lex.qual_before, lex.qual_after):
        for key in table:
            words.update(key)
    return frozenset(words)


@lru_cache(maxsize=200_000)
def keep(word: str) -> str:
    """A normalised word as it is compared ('' for words that are ignored)."""
    if word in CLAUSE_MARKS:
        return word
    if len(word) < 2 or word in _ignored_words():
        return ""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def content_words_of_normalized(norm_text: str) -> list[str]:
    """Content words of text that is already normalised."""
    return [w for w in map(keep, WORD.findall(norm_text)) if w and w not in CLAUSE_MARKS]


_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "وب", "ول",
               "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")  # fmt: skip


def light_stem(word: str, known) -> str:
    """A content word without its proclitics (و، ف، ب، ل، ك، ال) when the bare word is
    ``known`` (a set of words seen on their own), for comparing the anchors of articles:
    بعسير and عسير are one term, while كردستان keeps its ك. A stem keeps three letters."""
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            bare = word[len(clitic) :]
            if bare in known:
                return bare
    return word
