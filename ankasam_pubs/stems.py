"""Tokenising for similar posts and reader search: language-aware casing, stop words
and Snowball stems.

Pure functions. ``terms(text, language)`` returns the stems of the words worth
comparing, in order. Turkish lowercases dotted and dotless I correctly (``I`` → ``ı``,
``İ`` → ``i``) and drops the suffix after an apostrophe (``Türkiye'nin`` → ``türkiye``);
Russian folds ``ё`` to ``е``. Stems are cached per language because an archive repeats
the same few tens of thousands of word forms millions of times.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import snowballstemmer

# Words that carry no topic, written for this app (en, tr, ru); compared after casing
# and before stemming.
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

# Snowball algorithm per language code, where the installed snowballstemmer has it;
# other languages are compared by whole words.
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "et": "estonian", "eu": "basque",
    "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi",
    "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
STEMMERS = {code: name for code, name in _SNOWBALL.items() if name in snowballstemmer.algorithms()}

_WORD = re.compile(r"[^\W\d_]{2,}|\d{4}")
_APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_]+")
_ENGLISH_POSSESSIVE = re.compile(r"['’]s\b")


def base_language(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()


def fold_case(text: str, language: str) -> str:
    """Lowercase as the language does it (Turkish I/ı/İ/i, Russian ё → е)."""
    language = base_language(language)
    if language in ("tr", "az"):
        text = text.replace("I", "ı").replace("İ", "i")
    text = text.lower()
    if language == "ru":
        text = text.replace("ё", "е")
    return text


@lru_cache(maxsize=16)
def _stemmer(language: str):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


# One cache per language: word form -> stem ("" for a stop word).
_STEM_CACHE: dict[str, dict[str, str]] = {}


def _stems_for(words, language: str) -> dict[str, str]:
    cache = _STEM_CACHE.setdefault(language, {})
    missing = [w for w in words if w not in cache]
    if missing:
        stop = STOP_WORDS.get(language, frozenset())
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
    return _WORD.findall(text)


def term_counts(text: str, language: str) -> Counter:
    """How often each stem occurs in ``text`` (stop words dropped)."""
    language = base_language(language)
    forms = Counter(words(text, language))
    stems = _stems_for(forms, language)
    counts: Counter = Counter()
    for form, count in forms.items():
        stem = stems[form]
        if stem:
            counts[stem] += count
    return counts


def terms(text: str, language: str) -> list[str]:
    """The stems of ``text`` in order, stop words dropped."""
    language = base_language(language)
    found = words(text, language)
    stems = _stems_for(set(found), language)
    return [stems[w] for w in found if stems[w]]
