"""Tokenising for similar posts and reader search: language-aware casing, stop words
and Snowball stems.

Pure functions. ``terms(text, language)`` returns the stems of the words worth
comparing, in order. Turkish lowercases dotted and dotless I correctly (``I`` → ``ı``,
``İ`` → ``i``) and drops the suffix after an apostrophe (``Türkiye'nin`` → ``türkiye``);
Russian folds ``ё`` to ``е``; Arabic drops harakat and tatweel. Stems are cached per
language because an archive repeats the same few tens of thousands of word forms
millions of times.

Any language: Snowball stems wherever snowballstemmer has the language (Arabic,
German, French, Hindi… see :data:`STEMMERS`), stop words from this app's lists (en, tr,
ru) or the stopwordsiso package, and otherwise whole lower-cased words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

import snowballstemmer

from .languages import SNOWBALL_ALIASES, SNOWBALL_LANGUAGES
from .languages import base_language as base_language

# Words that carry no topic, written for this app (en, tr, ru) and tuned with the search
# relevance and similar-posts tests; compared after casing and before stemming. Other
# languages take the stopwordsiso package's list (see stop_words()).
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a about above after again against all also although am among an and any are
        around as at be because been before being below between both but by can could
        did do does doing down during each either even ever every few for from further
        had has have having he her here hers herself him himself his how however i if in
        into is it its itself just least less like made make many may me might more most
        much must my myself neither no nor not now of off often on once one only or other
        our ours ourselves out over own per rather said same say says she should since so
        some still such than that the their theirs them themselves then there these they
        this those though through thus to too under until up upon us very was we well
        were what when where whether which while who whom whose why will with within
        without would yet you your yours yourself yourselves s t""".split()
    ),
    "tr": frozenset(
        """acaba ama ancak artık aslında az bana bazen bazı belki ben beni benim bile bir
        biraz birçok biri birkaç birşey biz bize bizi bizim bu buna bunda bundan bunlar
        bunları bunların bunu bunun burada böyle böylece da daha dahi de defa değil diye
        diğer doğru dolayı dolayısıyla en fakat gibi göre hangi hatta hem henüz hep hepsi
        her herhangi herkes hiç hiçbir için ile ilgili ise işte kadar karşın kendi
        kendine kez ki kim kimse mi mı mu mü nasıl ne neden nedenle nerede neyse niçin
        o olan olarak oldu olduğu olduğunu olmak olması olmayan olup olur olan on ona
        ondan onlar onları onların onu onun orada öyle pek rağmen sadece sanki şey
        şimdi şu şuna şunda şundan şunu tarafından tüm üzere var vardı ve veya ya yani
        yapılan yine yoksa zaten çok çünkü ayrıca sonra önce bile iki ilk yeni""".split()
    ),
    "ru": frozenset(
        """а без более бы был была были было быть в вам вас весь во вот все всего всех
        вы где да даже для до его ее ей если есть еще же за здесь и из или им их к как
        ко когда кто ли либо между меня мне может мы на над надо наш не него нее нет ни
        них но ну о об однако он она они оно от очень по под после при про с со так
        также такой там те тем то того тоже той только том ты у уже хотя чего чей чем
        что чтобы чье чья эта эти это этого этой этом этот я который которая которые
        которых также свой своей своих сам сама этих будет будут можно нужно раз""".split()
    ),
}


def _ranges(wanted: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """Runs of code points (below U+20000, where every script's marks are) that match."""
    first = None
    for point in range(0x20000):
        if wanted(chr(point)):
            first = point if first is None else first
        elif first is not None:
            yield first, point - 1
            first = None


#: Snowball algorithm per language code: every language the installed snowballstemmer
#: has (its ``algorithms()``); other languages are compared by whole words.
STEMMERS = {
    code: name for name, code in SNOWBALL_LANGUAGES.items() if name in snowballstemmer.algorithms()
}
STEMMERS.update(
    {alias: STEMMERS[code] for alias, code in SNOWBALL_ALIASES.items() if code in STEMMERS}
)

#: Combining marks (Devanagari and Tamil vowel signs, Arabic harakat, decomposed
#: accents) as the inside of a regular-expression character class. A word is letters
#: and their marks: Python's \w has no marks, so without them a Hindi word would fall
#: apart at each vowel sign.
COMBINING_MARKS = "".join(
    f"{chr(first)}-{chr(last)}" if first != last else chr(first)
    for first, last in _ranges(lambda c: unicodedata.category(c).startswith("M"))
)
_LETTER = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTER}(?:{_LETTER}|[{COMBINING_MARKS}])+|\d{{4}}")
# The same words in a text without combining marks, found about three times faster (the
# marks' class of some 700 ranges is what makes _WORD slow). A text goes to _WORD when it
# has any character but word characters, spaces and common punctuation, which every
# combining mark is: so the fast pattern only sees texts where the two agree. Arabic
# script's own punctuation (، ؛ ؟ ٪ ٫ ٬ ٭ ۔) counts as common: none of it is a mark.
_WORD_WITHOUT_MARKS = re.compile(rf"{_LETTER}{{2,}}|\d{{4}}")
_MAYBE_MARKS = re.compile(
    r"[^\w\s!-/:-@\[-`{-~\u00a0-\u00bf\u2010-\u205e\u060c\u061b\u061f\u066a-\u066d\u06d4]"
)
_APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_]+")
_ENGLISH_POSSESSIVE = re.compile(r"['’]s\b")

# Arabic script: short vowels and other harakat, the superscript alef and tatweel (the
# stretching stroke) are not part of a word's spelling; Snowball's Arabic stemmer drops
# them too, but stop words are compared before stemming.
_ARABIC_SCRIPT = {"ar", "fa", "ur", "ps", "ckb", "ug", "sd"}
_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Arabic only: alef with hamza or madda is written as bare alef often enough that the two
# must match (Snowball's Arabic stemmer does the same).
_ARABIC_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})


def fold_case(text: str, language: str) -> str:
    """Lowercase as the language does it (Turkish I/ı/İ/i, Russian ё → е), accents
    composed (NFC) so a decomposed "é" is one letter, and Arabic script without its
    optional marks (harakat, tatweel; in Arabic, hamza on alef)."""
    language = base_language(language)
    text = unicodedata.normalize("NFC", text)
    if language in ("tr", "az"):
        text = text.replace("I", "ı").replace("İ", "i")
    text = text.lower()
    if language == "ru":
        text = text.replace("ё", "е")
    elif language in _ARABIC_SCRIPT:
        text = _HARAKAT.sub("", text)
        if language == "ar":
            text = text.translate(_ARABIC_ALEF)
    return text


@lru_cache(maxsize=64)
def stop_words(language: str) -> frozenset[str]:
    """The words of ``language`` that carry no topic, folded as :func:`fold_case` does.

    English, Turkish and Russian use this app's own lists (:data:`STOP_WORDS`); any other
    language the stopwordsiso package's list for its ISO 639-1 code; a language with
    neither has none.
    """
    language = base_language(language)
    if language in STOP_WORDS:
        return STOP_WORDS[language]
    import stopwordsiso  # loaded on first use: a JSON file of every language's list

    code = SNOWBALL_ALIASES.get(language, language)
    if not stopwordsiso.has_lang(code):
        return frozenset()
    return frozenset(fold_case(word, language) for word in stopwordsiso.stopwords(code))


@lru_cache(maxsize=16)
def _stemmer(language: str):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


# One cache per language: word form -> stem ("" for a stop word).
_STEM_CACHE: dict[str, dict[str, str]] = {}


def _stems_for(words, language: str) -> dict[str, str]:
    cache = _STEM_CACHE.setdefault(language, {})
    missing = list(set(words).difference(cache))
    if missing:
        stop = stop_words(language)
        stemmer = _stemmer(language)
        stemmed = stemmer.stemWords(missing) if stemmer else missing
        for word, stem in zip(missing, stemmed, strict=True):
            cache[word] = "" if word in stop or len(stem) < 2 else stem
    return cache


def words(text: str, language: str) -> list[str]:
    """The folded word forms of ``text``, before stop words and stemming."""
    language = base_language(language)
    text = fold_case(text, language)
    if language == "en":
        text = _ENGLISH_POSSESSIVE.sub("", text)
    elif language == "tr":
        text = _APOSTROPHE_SUFFIX.sub("", text)
    return (_WORD if _MAYBE_MARKS.search(text) else _WORD_WITHOUT_MARKS).findall(text)


def term_counts(text: str, language: str) -> Counter:
    """How often each stem occurs in ``text`` (stop words dropped), in order of first
    occurrence."""
    language = base_language(language)
    found = words(text, language)
    stems = _stems_for(found, language)
    # Counted in C over the stems of every word: a Python loop per distinct word (or a
    # Counter's missing-key hook per new stem) was half of a rebuild's tokenising.
    counts = Counter(map(stems.__getitem__, found))
    counts.pop("", None)  # stop words
    return counts


def terms(text: str, language: str) -> list[str]:
    """The stems of ``text`` in order, stop words dropped."""
    language = base_language(language)
    found = words(text, language)
    stems = _stems_for(set(found), language)
    return [stems[w] for w in found if stems[w]]
