#!/usr/bin/env python3
"""Oracle for the keyword tests: an independent Python reading of the keyword rules.

Writes, beside this script:
- expected-stems.json: the Snowball stem of every word in stem-words.json, from the Python
  `snowballstemmer` package, to check the Swift binding to Debian's libstemmer against;
- expected-<name>.json for every answers-<name>.json: answer count, top 20 keywords and top 10
  phrases, computed here from the rules in the statistics issue, not from the Swift code.

Needs `python3 -m pip install snowballstemmer==2.2.0`: the same Snowball release as Debian
bookworm's libstemmer0d 2.2.0, so that stems agree exactly. Run from anywhere:

    python3 Tests/KeywordsTests/Fixtures/make-expected.py

Rules (the statistics issue, as the Swift code documents them):
- a word is a run of letters (Unicode L*) and decimal digits (Nd), with combining marks attached,
  keeping a `-` or apostrophe (' or ’, read as ') between two such characters; text is NFC-composed,
  lower-cased and `ё` folded to `е`;
- dropped: words under 3 characters, words without a letter, stop words (en.txt and ru.txt always,
  ky.txt too for Kyrgyz answers), and words whose stem is the stem of a questionnaire stop word;
- the answer's language is the questionnaire's or, if none, a guess from its letters: Latin
  majority English, otherwise Russian, or Kyrgyz if it has ң, ө or ү;
- each word is stemmed by its own alphabet's majority: Latin by English, Cyrillic by Russian;
- two kept words form a phrase if only non-newline whitespace lies between them;
- a keyword shows its most frequent surface form (ties: smallest by code points); keywords rank
  by answers mentioning them, then occurrences, then text by code points.
"""
import importlib.metadata
import json
import pathlib
import sys
import unicodedata

import snowballstemmer

HERE = pathlib.Path(__file__).resolve().parent
STOPWORDS = HERE.parents[2] / "data" / "stopwords"
NEWLINES = set("\n\r\x0b\x0c\x85\u2028\u2029")
KYRGYZ_LETTERS = set("ңҢөӨүҮ")

STEMMERS = {name: snowballstemmer.stemmer(name) for name in ("english", "russian")}


def normalize(text):
    text = unicodedata.normalize("NFC", text.lower())
    return text.replace("ё", "е").replace("\u2019", "'")


def is_word_char(c):
    return unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nd")


def tokens(answer):
    """(word, follows_previous_directly) pairs."""
    text = unicodedata.normalize("NFC", answer)
    result, i, n = [], 0, len(text)
    gap_is_space = False
    while i < n:
        c = text[i]
        if is_word_char(c):
            start = i
            i += 1
            while i < n:
                if is_word_char(text[i]) or unicodedata.category(text[i]).startswith("M"):
                    i += 1
                elif text[i] in "-'\u2019" and i + 1 < n and is_word_char(text[i + 1]):
                    i += 2
                else:
                    break
            result.append((normalize(text[start:i]), gap_is_space))
            gap_is_space = True
        else:
            if not c.isspace() or c in NEWLINES:
                gap_is_space = False
            i += 1
    return result


def script(ch):
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN") or name.startswith("FULLWIDTH LATIN"):
        return "latin"
    if name.startswith("CYRILLIC") or name.startswith("COMBINING CYRILLIC"):
        return "cyrillic"
    return None


def stem(word):
    scripts = [s for s in map(script, word) if s]
    if not scripts:
        return word
    latin, cyrillic = scripts.count("latin"), scripts.count("cyrillic")
    chosen = scripts[0] if latin == cyrillic else ("latin" if latin > cyrillic else "cyrillic")
    return STEMMERS["english" if chosen == "latin" else "russian"].stemWord(word)


def guess(answer):
    scripts = [script(c) for c in answer]
    latin, cyrillic = scripts.count("latin"), scripts.count("cyrillic")
    if latin == 0 and cyrillic == 0:
        return None
    if latin > cyrillic:
        return "en"
    return "ky" if any(c in KYRGYZ_LETTERS for c in answer) else "ru"


def read_stopwords(filename):
    words = set()
    for line in (STOPWORDS / filename).read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(normalize(word))
    return words


EN_RU = read_stopwords("en.txt") | read_stopwords("ru.txt")
KY = read_stopwords("ky.txt")


def count(fixture):
    extra_stems = {stem(w) for entry in fixture["stopwords"] for w, _ in tokens(entry)}
    words, phrases, answer_count = {}, {}, 0

    def tally(table, key, surface, seen):
        entry = table.setdefault(key, {"answers": 0, "occurrences": 0, "forms": {}})
        entry["occurrences"] += 1
        entry["forms"][surface] = entry["forms"].get(surface, 0) + 1
        if key not in seen:
            seen.add(key)
            entry["answers"] += 1

    for answer in fixture["answers"]:
        toks = tokens(answer)
        if not toks:
            continue
        answer_count += 1
        language = fixture["language"] or guess(answer)
        stop = EN_RU | KY if language == "ky" else EN_RU
        seen_words, seen_pairs, previous = set(), set(), None
        for word, follows in toks:
            s = stem(word)
            if len(word) < 3 or not any(c.isalpha() for c in word) or word in stop or s in extra_stems:
                previous = None
                continue
            tally(words, s, word, seen_words)
            if previous and follows:
                tally(phrases, (previous[0], s), previous[1] + " " + word, seen_pairs)
            previous = (s, word)

    def ranked(table, limit):
        rows = []
        for entry in table.values():
            text = sorted(entry["forms"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            rows.append([text, entry["answers"], entry["occurrences"]])
        rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
        return rows[:limit]

    return {"answerCount": answer_count, "top": ranked(words, 20), "topPhrases": ranked(phrases, 10)}


def write(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(HERE)}")


def main():
    version = importlib.metadata.version("snowballstemmer")
    if version != "2.2.0":
        print(f"warning: snowballstemmer {version}; libstemmer is 2.2.0, stems may differ", file=sys.stderr)
    words = json.loads((HERE / "stem-words.json").read_text(encoding="utf-8"))
    write(HERE / "expected-stems.json",
          {algorithm: {w: STEMMERS[algorithm].stemWord(w) for w in ws} for algorithm, ws in words.items()})
    for fixture_path in sorted(HERE.glob("answers-*.json")):
        fixture = json.loads(fixture_path.read_text(encoding="utf-8"))
        write(HERE / ("expected-" + fixture_path.name.removeprefix("answers-")), count(fixture))


if __name__ == "__main__":
    main()
