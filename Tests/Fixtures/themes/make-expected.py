#!/usr/bin/env python3
"""Writes the themes fixture: the responses export, the hand codes file and the expected counts.

Every answer below carries the themes a person reading it against the rules of
seminar-comments.yaml gives it (ROWS: improve themes, comments themes), with the reason in
README.md for each case that is not a plain word match. The expected counts are sums of those
hand annotations, never the output of the program; the Wilson 95 % interval is computed here
with statsmodels' formula (proportion_confint(method='wilson')) and scipy's normal quantile.

    python3 Tests/Fixtures/themes/make-expected.py
"""
import csv
import io
import os
from scipy.stats import norm

HERE = os.path.dirname(os.path.abspath(__file__))
ORG = {"gov": "Government agency", "ngo": "Non-governmental organization", "intl": "International organization",
       "academia": "University or research institute", "media": "Mass media"}

# (org_type, improve, comments, improve themes by the rules, comments themes)
ROWS = [
    ("ngo", "More time for discussion", "", ["more_time"], []),
    ("gov", "Send the materials before the seminar", "Thank you for the organisation", ["materials"], ["thanks"]),
    ("ngo", "Больше времени на обсуждение, меньше презентаций", "Спасибо!", ["more_time"], ["thanks"]),
    ("intl", "Too little time for discussion. The agenda was overloaded", "", ["more_time"], []),
    ("gov", "Раздаточные материалы заранее", "Спасибо организаторам", ["materials"], ["thanks"]),
    ("ngo", "Longer lunch break, please", "", [], []),
    ("ngo", "Больше времени на обед", "", [], []),
    ("intl", "The interpreter was too fast; more time for questions", "Thanks to the organisers", ["more_time", "translation"], ["thanks"]),
    ("gov", "Перевод на кыргызский язык", "", ["translation"], []),
    ("ngo", "Мы не успели всё обсудить", "", ["more_time"], []),
    ("media", "We ran out of minutes for questions", "", ["more_time"], []),
    ("ngo", "Some of us ran outside during the breaks, the room was too cold", "Good seminar", ["venue"], []),
    ("gov", "В зале было холодно", "", ["venue"], []),
    ("ngo", "", "Спасибо за семинар", [], ["thanks"]),
    ("intl", "Nothing, everything was fine", "", [], []),
    ("ngo", "Всё было хорошо", "", [], []),
    ("gov", "More TIME for group work", "", ["more_time"], []),
    ("ngo", "Дольше обсуждать вопросы Совета", "", ["more_time"], []),
    ("academia", "Handouts in Russian and English", "", ["materials"], []),
    ("ngo", "Time management was poor, sessions started late", "Благодарность модераторам", ["more_time"], ["thanks"]),
    ("gov", "Больше времени для вопросов и материалы заранее", "", ["more_time", "materials"], []),
    ("ngo", "The hall was noisy and the translation was late", "", ["translation", "venue"], []),
    ("intl", "", "", [], []),
    ("ngo", "Discussion was rushed", "", [], []),
    ("gov", "Нужно больше времени на работу в группах", "", ["more_time"], []),
    ("ngo", "More time for discussion, please.", "Thank you!", ["more_time"], ["thanks"]),
    ("media", "Переводчик не успевал", "", ["translation"], []),
    ("ngo", "A bigger room", "", ["venue"], []),
    ("gov", "Материалы на кыргызском языке", "Благодарю организаторов", ["materials"], ["thanks"]),
    ("ngo", "More time", "", ["more_time"], []),
    ("intl", "Times for breaks were too short", "", ["more_time"], []),
    ("ngo", "Помещение маленькое, больше времени на дискуссию", "", ["more_time", "venue"], []),
    ("gov", "Everything was good, thanks", "", [], []),
    ("ngo", "Более длительное время для обсуждения", "", ["more_time"], []),
    ("academia", "Interpretation into Kyrgyz", "", ["translation"], []),
    ("ngo", "Больше практических примеров", "", [], []),
    ("gov", "Materials were late", "", ["materials"], []),
    ("ngo", "Ещё больше времени!", "", ["more_time"], []),
    ("intl", "Less presentations, more time to talk; the lunch was great", "", [], []),
    ("ngo", "Организаторам спасибо, но в следующий раз больше времени", "", ["more_time"], []),
    ("gov", "Send presentations by e-mail", "Thank you", [], ["thanks"]),
    ("ngo", "Кофе-брейк подольше", "", [], []),
    ("media", "The venue was far from the city", "", ["venue"], []),
    ("ngo", "Longer sessions with the experts", "Без комментариев", ["more_time"], []),
    ("gov", "Перевода не хватало", "", ["translation"], []),
    ("ngo", "", "Thanks a lot, very useful", [], ["thanks"]),
    ("intl", "More time for Q&A and handouts in advance", "", ["more_time", "materials"], []),
    ("ngo", "Время!", "", ["more_time"], []),
    ("gov", "Больше дискуссий", "", [], []),
    ("ngo", "Не успели обсудить письмо Президенту; нужен переводчик", "", ["more_time", "translation"], []),
]

# Hand codes (respondent, themes, coder, time): the journal's rows in order; the last row of an
# answer wins. Respondent 24 was first coded `examples`, then corrected.
CODES = [
    ("20", "", "aigul", "2026-11-28T10:00:00+06:00", ""),
    ("24", "examples", "aigul", "2026-11-28T10:01:00+06:00", ""),
    ("39", "more_time", "aigul", "2026-11-28T10:02:00+06:00", ""),
    ("#theme", "examples", "aigul", "2026-11-28T10:03:00+06:00", "Practical examples, cases"),
    ("36", "examples", "aigul", "2026-11-28T10:03:30+06:00", ""),
    ("49", "more_time", "aigul", "2026-11-28T10:04:00+06:00", ""),
    ("24", "more_time", "aigul", "2026-11-28T10:05:00+06:00", ""),
]
IMPROVE_THEMES = ["more_time", "materials", "translation", "venue"]


def wilson(k, n, z=norm.ppf(0.975)):
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / denominator
    return max(0.0, centre - half) * 100, min(1.0, centre + half) * 100


def table(question, themes, coded):
    answered = [(i, r) for i, r in enumerate(ROWS, 1) if r[1 if question == "improve" else 2]]
    out = []
    counts = {t: 0 for t in themes}
    uncoded = mentions = hand = 0
    for i, row in answered:
        given = row[3] if question == "improve" else row[4]
        if str(i) in coded:
            given = coded[str(i)]
            hand += 1
        uncoded += not given
        mentions += len(given)
        for t in given:
            counts[t] += 1
    n = len(answered)
    for t in themes:
        low, high = wilson(counts[t], n)
        out.append((question, t, counts[t], n, counts[t] / n * 100, low, high))
    return out, (question, n, uncoded, hand, mentions)


def crosstab(coded):
    cells = {}
    columns = {}
    for i, row in enumerate(ROWS, 1):
        if not row[1]:
            continue
        columns[row[0]] = columns.get(row[0], 0) + 1
        given = coded.get(str(i), row[3])
        for t in given:
            cells[(t, row[0])] = cells.get((t, row[0]), 0) + 1
    return cells, columns


def main():
    with open(os.path.join(HERE, "seminar-comments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["Timestamp", "What type of organization do you represent?", "What should be improved?", "Any other comments?"])
        for i, (org, improve, comments, _, _) in enumerate(ROWS):
            minute = 41 + i
            w.writerow([f"2013/01/25 {4 + minute // 60}:{minute % 60:02d}:07 PM GMT+6", ORG[org], improve, comments])
    with open(os.path.join(HERE, "seminar-comments.codes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["respondent", "question", "themes", "coder", "coded_at", "label"])
        for respondent, themes, coder, at, label in CODES:
            w.writerow([respondent, "improve", themes, coder, at, label])
    coded = {}
    for respondent, themes, _, _, _ in CODES:
        if respondent != "#theme":
            coded[respondent] = themes.split(";") if themes else []
    with open(os.path.join(HERE, "expected-counts.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["codes", "question", "theme", "count", "answered", "percent", "ci_low", "ci_high"])
        totals = []
        for label, codes in (("none", {}), ("hand", coded)):
            for question, themes in (("improve", IMPROVE_THEMES + (["examples"] if codes else [])), ("comments", ["thanks"])):
                rows, total = table(question, themes, codes if question == "improve" else {})
                for r in rows:
                    w.writerow([label, r[0], r[1], r[2], r[3], f"{r[4]:.12g}", f"{r[5]:.12g}", f"{r[6]:.12g}"])
                totals.append((label,) + total)
    with open(os.path.join(HERE, "expected-totals.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["codes", "question", "answered", "uncoded", "hand_coded", "mentions"])
        for t in totals:
            w.writerow(t)
    with open(os.path.join(HERE, "expected-crosstab.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["codes", "theme", "org_type", "count", "org_type_answered"])
        for label, codes in (("none", {}), ("hand", coded)):
            cells, columns = crosstab(codes)
            themes = IMPROVE_THEMES + (["examples"] if codes else [])
            for t in themes:
                for org in ORG:
                    w.writerow([label, t, org, cells.get((t, org), 0), columns.get(org, 0)])
    with open(os.path.join(HERE, "expected-answers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["respondent", "question", "text", "themes"])
        for i, row in enumerate(ROWS, 1):
            if row[1]:
                w.writerow([i, "improve", row[1], ";".join(row[3])])
            if row[2]:
                w.writerow([i, "comments", row[2], ";".join(row[4])])


main()
