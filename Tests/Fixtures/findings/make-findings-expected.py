#!/usr/bin/env python3
"""Oracle for the key findings (issue 10) of the bundled example, written without survey's code.

Reads questionnaires/seminar-feedback.yaml's scale and responses/seminar-feedback.csv and
writes findings-expected.json beside this script:
- the response rate (rows / event participants),
- per rating question the top-2-box (answers on the two highest points / valid answers) with
  the 95% Wilson interval (z from scipy.stats.norm.ppf, the statsmodels 'wilson' formula),
- for each comment topic of the built-in glossary that the tests check, the answers mentioning
  it: an answer counts when one of its words has the Snowball stem (PyPI snowballstemmer) of
  one of the topic's words, English stemmer for Latin words, Russian for Cyrillic.

Run: python3 Tests/Fixtures/findings/make-findings-expected.py  (needs scipy, snowballstemmer)
"""
import csv
import json
import math
import os
import re

import snowballstemmer
from scipy.stats import norm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
RATINGS = ["usefulness", "organization", "moderation", "materials", "discussion_time"]  # all 1–5 scales
# discussion_time declares `best: 3` ("Just enough" is best): a top-2-box means nothing there,
# so it is not ranked as best or worst rated (its share is still listed below).
RANKED = [q for q in RATINGS if q != "discussion_time"]
PARTICIPANTS = 38  # event.participants in the definition
TOPICS = {  # the same words as TopicGlossary.builtInEntries
    ("improve", "time"): ["time", "время", "времени"],
    ("improve", "discussion"): ["discussion", "discuss", "обсуждение", "обсуждать", "дискуссия"],
    ("next_topics", "council"): ["council", "совет"],
    ("next_topics", "migration"): ["migration", "миграция"],
}

english = snowballstemmer.stemmer("english")
russian = snowballstemmer.stemmer("russian")


def stem(word):
    word = word.lower().replace("ё", "е").replace("\u2019", "'")
    return russian.stemWord(word) if re.search("[\u0400-\u04FF]", word) else english.stemWord(word)


def words(text):
    return re.findall(r"\w+(?:['\u2019-]\w+)*", text)


def wilson(successes, n, confidence=0.95):
    z = norm.ppf(1 - (1 - confidence) / 2)
    p = successes / n
    denominator = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, center - half) * 100, min(1.0, center + half) * 100


with open(os.path.join(ROOT, "responses", "seminar-feedback.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))

ratings = {}
for question in RATINGS:
    valid = [int(row[question]) for row in rows if row[question].strip()]
    top_two = sum(1 for value in valid if value >= 4)
    low, high = wilson(top_two, len(valid))
    ratings[question] = {"topTwo": top_two, "answered": len(valid), "percent": top_two / len(valid) * 100, "low": low, "high": high}

topics = {}
for (question, name), topic_words in TOPICS.items():
    stems = {stem(w) for w in topic_words}
    answers = [row[question] for row in rows if row[question].strip()]
    mentioning = [a for a in answers if any(stem(w) in stems for w in words(a))]
    topics[f"{question}:{name}"] = {"answers": len(mentioning), "answered": len(answers)}

expected = {
    "responses": len(rows),
    "participants": PARTICIPANTS,
    "ratings": ratings,
    "best": max(RANKED, key=lambda q: ratings[q]["percent"]),
    "worst": min(RANKED, key=lambda q: ratings[q]["percent"]),
    "topics": topics,
}
with open(os.path.join(HERE, "findings-expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(json.dumps(expected, ensure_ascii=False, indent=1))
