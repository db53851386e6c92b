#!/usr/bin/env python3
"""Writes the benchmark questionnaire (bench/bench.yaml) and N synthetic responses to it.

The responses are in the canonical form `survey import --into` writes (UTF-8, comma, LF,
header `respondent`, `submitted_at` (ISO 8601) + question ids, codes, multiple choice joined by `;`, quotes only where a
field needs them), so importing the file gives the same bytes back. Every value is valid and
follows the skip logic: a benchmark run that reports problems has found a bug.

Deterministic: the same --rows and --seed give byte-identical files. Fast: columns are drawn
with numpy and rows written in batches of 100,000.

    python3 bench/generate.py                 # 1,000,000 rows into bench/data/
    python3 bench/generate.py --rows 100000
    python3 bench/generate.py --shape longtext  # the same questions, long free text

Two shapes of data share the questionnaire and the closed answers (same --seed, same codes):
`short` (the default) gives one to three sentences per text answer, 55-65% of answers
non-blank; `longtext` gives several sentences per answer (2 to 7, about 200 bytes), 60% of
answers non-blank, so that the keyword path, not the CSV parse, dominates `survey stats`.

Beside the CSV it writes FILE.expected.json (counts the generator knows, which bench/run.py
checks `survey stats` against).
"""

import argparse
import json
import os
import random
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROWS = 1_000_000
BATCH = 100_000

# ---------------------------------------------------------------------------------------------
# The questionnaire: 30 questions, every type, skip logic on ratings, a choice and a multiple
# choice. Kept as data so the YAML and the generator cannot drift apart.

ORG_TYPES = ["gov", "ngo", "intl", "academia", "media", "business", "other"]
ROLES = ["head", "specialist", "expert", "other"]
REGIONS = ["bishkek", "osh_city", "chui", "osh", "jalal_abad", "batken", "naryn", "issyk_kul", "talas"]
GENDERS = ["female", "male", "no_answer"]
SESSIONS = ["opening", "panel", "brainstorm", "groups", "letter", "closing"]
FORMATS = ["in_person", "online", "hybrid"]
MATERIALS = ["agenda", "handouts", "slides", "draft_plan", "contacts"]
LANGUAGES = ["ru", "ky", "en"]
TOPICS = ["labour", "rights", "remittances", "return", "youth", "women", "statistics", "legislation"]

LABELS = {
    "gov": ("Government agency", "Государственный орган"),
    "ngo": ("Non-governmental organization", "Неправительственная организация"),
    "intl": ("International organization", "Международная организация"),
    "academia": ("University or research institute", "Вуз или научное учреждение"),
    "media": ("Mass media", "Средства массовой информации"),
    "business": ("Private business", "Частный бизнес"),
    "head": ("Head of organization or department", "Руководитель"),
    "specialist": ("Specialist", "Специалист"),
    "expert": ("Expert or consultant", "Эксперт или консультант"),
    "other": ("Other", "Другое"),
    "bishkek": ("Bishkek", "Бишкек"),
    "osh_city": ("Osh city", "город Ош"),
    "chui": ("Chui region", "Чуйская область"),
    "osh": ("Osh region", "Ошская область"),
    "jalal_abad": ("Jalal-Abad region", "Джалал-Абадская область"),
    "batken": ("Batken region", "Баткенская область"),
    "naryn": ("Naryn region", "Нарынская область"),
    "issyk_kul": ("Issyk-Kul region", "Иссык-Кульская область"),
    "talas": ("Talas region", "Таласская область"),
    "female": ("Female", "Женский"),
    "male": ("Male", "Мужской"),
    "no_answer": ("Prefer not to say", "Предпочитаю не отвечать"),
    "opening": ("Opening and keynote", "Открытие и основной доклад"),
    "panel": ("Panel with government officials", "Панель с представителями государства"),
    "brainstorm": ("Brainstorm on the Council's role", "Мозговой штурм о роли Совета"),
    "groups": ("Group work on the Action Plan", "Работа в группах над Планом действий"),
    "letter": ("Letter to the President", "Письмо Президенту"),
    "closing": ("Closing and next steps", "Закрытие и следующие шаги"),
    "in_person": ("In person", "Очно"),
    "online": ("Online", "Онлайн"),
    "hybrid": ("Hybrid", "Смешанный формат"),
    "agenda": ("Agenda", "Программа"),
    "handouts": ("Printed handouts", "Раздаточные материалы"),
    "slides": ("Slides", "Слайды"),
    "draft_plan": ("Draft Action Plan", "Проект Плана действий"),
    "contacts": ("List of participants", "Список участников"),
    "ru": ("Russian", "Русский"),
    "ky": ("Kyrgyz", "Кыргызский"),
    "en": ("English", "Английский"),
    "labour": ("Labour migration", "Трудовая миграция"),
    "rights": ("Migrants' rights", "Права мигрантов"),
    "remittances": ("Remittances", "Денежные переводы"),
    "return": ("Return and reintegration", "Возвращение и реинтеграция"),
    "youth": ("Youth migration", "Миграция молодёжи"),
    "women": ("Women and migration", "Женщины и миграция"),
    "statistics": ("Migration statistics", "Миграционная статистика"),
    "legislation": ("Legislation", "Законодательство"),
}

RATING_LABELS_5 = [("Very poor", "Очень плохо"), ("Poor", "Плохо"), ("Fair", "Удовлетворительно"),
                   ("Good", "Хорошо"), ("Excellent", "Отлично")]

# (id, type, English text, Russian text, extra YAML lines)
QUESTIONS = [
    ("org_type", "single_choice", "What type of organization do you represent?", "Какую организацию вы представляете?", {"required": True, "choices": ORG_TYPES}),
    ("role", "single_choice", "What is your position?", "Ваша должность?", {"choices": ROLES}),
    ("region", "single_choice", "Where do you work?", "Где вы работаете?", {"choices": REGIONS}),
    ("gender", "single_choice", "Gender", "Пол", {"choices": GENDERS}),
    ("age", "number", "Your age", "Ваш возраст", {"min": 16, "max": 99, "integer": True}),
    ("experience", "number", "Years of work on migration", "Сколько лет вы работаете в сфере миграции?", {"min": 0, "max": 60, "integer": True}),
    ("first_event", "yes_no", "Is this your first event of the Council?", "Это ваше первое мероприятие Совета?", {}),
    ("event_date", "date", "Date of the seminar", "Дата семинара", {}),
    ("registered_on", "date", "Date you registered", "Дата регистрации", {}),
    ("sessions", "multiple_choice", "Which sessions were most useful?", "Какие сессии были наиболее полезны?", {"choices": SESSIONS, "max_choices": 4}),
    ("speaker_rating", "rating", "How would you rate the panel speakers?", "Как вы оцениваете выступающих на панели?", {"scale": (1, 5), "when": "sessions has panel"}),
    ("usefulness", "rating", "How useful was the seminar for your work?", "Насколько семинар был полезен для вашей работы?", {"scale": (1, 5)}),
    ("organization", "rating", "How would you rate the organization (venue, schedule, logistics)?", "Как вы оцениваете организацию (место, расписание, логистика)?", {"scale": (1, 5)}),
    ("moderation", "rating", "How would you rate the moderation?", "Как вы оцениваете модерацию?", {"scale": (1, 5)}),
    ("materials", "rating", "How would you rate the materials?", "Как вы оцениваете материалы?", {"scale": (1, 5)}),
    ("discussion_time", "rating", "Was there enough time for discussion?", "Было ли достаточно времени для обсуждения?", {"scale": (1, 5)}),
    ("venue", "rating", "How would you rate the venue?", "Как вы оцениваете место проведения?", {"scale": (1, 5)}),
    ("followup_interest", "rating", "How interested are you in a follow-up meeting?", "Насколько вам интересна следующая встреча?", {"scale": (1, 5), "when": "usefulness >= 3"}),
    ("overall", "rating", "Overall, how would you rate the seminar (0–10)?", "В целом, как вы оцениваете семинар (0–10)?", {"scale": (0, 10)}),
    ("attend_again", "yes_no", "Would you take part in a similar event again?", "Примете ли вы участие в подобном мероприятии снова?", {}),
    ("attend_format", "single_choice", "In which format?", "В каком формате?", {"choices": FORMATS, "when": "attend_again == yes"}),
    ("recommend", "yes_no", "Would you recommend the seminar to a colleague?", "Порекомендуете ли вы семинар коллеге?", {}),
    ("received_materials", "yes_no", "Did you receive the materials?", "Получили ли вы материалы?", {}),
    ("materials_used", "multiple_choice", "Which materials will you use?", "Какие материалы вы будете использовать?", {"choices": MATERIALS, "when": "received_materials == yes"}),
    ("travel_hours", "number", "How many hours did you travel to the seminar?", "Сколько часов вы добирались до семинара?", {"min": 0, "max": 48}),
    ("colleagues", "number", "How many colleagues from your organization attended?", "Сколько коллег из вашей организации участвовали?", {"min": 0, "max": 20, "integer": True}),
    ("language", "single_choice", "Preferred language of materials", "Предпочитаемый язык материалов", {"choices": LANGUAGES}),
    ("topics", "multiple_choice", "Which topics should the next meeting cover?", "Какие темы обсудить на следующей встрече?", {"choices": TOPICS}),
    ("liked", "text", "What did you like most?", "Что вам больше всего понравилось?", {}),
    ("improve", "text", "What should be improved?", "Что следует улучшить?", {}),
]

CROSSTABS = [("org_type", "usefulness"), ("region", "attend_again"), ("topics", "role")]
TEXT_QUESTIONS = ["liked", "improve"]


def yaml_string(text):
    """Double-quoted YAML scalar: safe for colons, quotes and codes like `yes`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def questionnaire_yaml():
    lines = [
        "# Benchmark questionnaire written by bench/generate.py; edit the generator, not this file.",
        "title: Benchmark participant feedback",
        "language: en",
        "event:",
        "  name: Regional seminars on migration policy",
        "  date: 2013-01-25",
        "  place: Kyrgyzstan",
        "questions:",
    ]
    for qid, kind, en, ru, extra in QUESTIONS:
        lines += [f"  - id: {qid}", f"    type: {kind}", "    text:", f"      en: {yaml_string(en)}", f"      ru: {yaml_string(ru)}"]
        if extra.get("required"):
            lines.append("    required: true")
        if "when" in extra:
            lines.append(f"    when: {yaml_string(extra['when'])}")
        if "choices" in extra:
            lines.append("    choices:")
            for code in extra["choices"]:
                label_en, label_ru = LABELS[code]
                lines.append(f"      {yaml_string(code)}: {{en: {yaml_string(label_en)}, ru: {yaml_string(label_ru)}}}")
        if "max_choices" in extra:
            lines.append(f"    max_choices: {extra['max_choices']}")
        if "scale" in extra:
            low, high = extra["scale"]
            lines.append(f"    scale: [{low}, {high}]")
            if (low, high) == (1, 5):
                lines.append("    labels:")
                for point, (label_en, label_ru) in enumerate(RATING_LABELS_5, start=1):
                    lines.append(f"      {point}: {{en: {yaml_string(label_en)}, ru: {yaml_string(label_ru)}}}")
            else:
                lines.append(f"    labels: {{{low}: {{en: Worst, ru: Хуже всего}}, {high}: {{en: Best, ru: Лучше всего}}}}")
        for key in ("min", "max"):
            if key in extra:
                lines.append(f"    {key}: {extra[key]}")
        if extra.get("integer"):
            lines.append("    integer: true")
    lines.append("report:")
    lines.append("  crosstabs: [" + ", ".join(f"[{a}, {b}]" for a, b in CROSSTABS) + "]")
    lines.append("  keywords: [" + ", ".join(TEXT_QUESTIONS) + "]")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Free text: sentences built from word lists, English, Russian (with inflected forms, so
# stemming has something to merge) and answers mixing both.

EN_PARTS = [
    "the group work", "the discussion of the Action Plan", "the presentation on labour migration",
    "the panel with government officials", "the brainstorm on the Council's role", "the moderation",
    "the simultaneous translation", "the session on migrants' rights", "the exchange with colleagues from the regions",
    "the work on the letter to the President", "the keynote on remittances", "the venue", "the closing session",
    "the presentation of migration statistics", "the discussion of return migration",
]
EN_GOOD = [
    "was very useful", "was well organised", "was interesting and practical", "was clear and well structured",
    "was excellent", "was informative", "helped us understand the problems", "gave many practical ideas",
]
EN_BAD = [
    "was too long", "was too short", "was too formal", "started late", "was hard to follow",
    "needed more concrete examples", "was crowded",
]
EN_LIKED_OPENERS = [
    "I liked {0}", "Most of all I liked {0}", "Very good: {0}", "What I appreciated was {0}",
]
EN_LIKED_THINGS = [
    "the open discussion", "that everyone could speak", "the practical examples from Osh and Batken",
    "meeting colleagues from other ministries", "the focus on remittances and return migration",
    "the work in small groups", "the honest talk about the problems of labour migrants",
    "the \"letter to the President\" exercise", "the good atmosphere", "the new contacts",
]
EN_IMPROVE = [
    "More time for {0}", "Send the {1} before the seminar", "Invite {2}", "Please provide {3}",
    "Less presentations, more {0}", "Next time, organise it in {4}",
]
EN_IMPROVE_ACTIVITIES = ["discussion", "questions from the floor", "group work", "networking", "the Action Plan", "practical cases"]
EN_IMPROVE_DOCS = ["materials", "agenda", "draft regulation", "list of participants", "presentations"]
EN_IMPROVE_ACTORS = [
    "representatives of the regions", "migrants themselves", "the State Migration Service", "more NGOs",
    "diaspora organisations from Russia and Kazakhstan", "journalists", "local government, employers and unions",
]
EN_IMPROVE_THINGS = [
    "translation into Kyrgyz", "printed handouts", "longer coffee breaks", "a follow-up meeting in three months",
    "statistics on migration by region", "a summary of the recommendations",
]
EN_PLACES = ["Osh", "Jalal-Abad", "Karakol", "Naryn", "the regions", "a bigger hall"]

RU_LIKED = [
    "Очень полезное обсуждение {0}", "Понравилась работа в группах", "Понравилось, что все могли высказаться",
    "Хорошая модерация и интересные выступления", "Полезная информация о {1}", "Узнал много нового о {1}",
    "Интересный обмен опытом с коллегами из регионов", "Спасибо организаторам за {2}",
    "Конкретные предложения по {3}", "Открытый разговор о проблемах {0}",
]
RU_GENITIVE = ["трудовой миграции", "прав мигрантов", "роли Совета", "Плана действий", "возвратной миграции",
               "денежных переводов", "миграции молодёжи", "внешней миграции"]
RU_PREPOSITIONAL = ["миграции в Россию", "миграционной политике", "правах трудовых мигрантов", "работе Совета",
                    "миграции", "реинтеграции мигрантов"]
RU_ACCUSATIVE = ["хорошую организацию", "интересную программу", "полезные материалы", "миграцию как тему семинара",
                 "возможность высказаться"]
RU_DATIVE = ["миграции", "Плану действий", "защите прав мигрантов", "работе с диаспорами"]
RU_IMPROVE = [
    "Больше времени на {0}", "Пригласить представителей {1}", "Раздать материалы заранее",
    "Нужен перевод на кыргызский язык", "Провести следующую встречу в {2}", "Обсудить {3}",
    "Меньше докладов, больше дискуссий", "Нужна статистика по {4}", "Слишком длинные выступления",
    "Начать вовремя и соблюдать регламент",
]
RU_IMPROVE_ACC = ["обсуждение", "вопросы", "работу в группах", "нетворкинг", "практические примеры"]
RU_IMPROVE_GEN = ["регионов", "мигрантов", "Государственной миграционной службы", "диаспор", "СМИ", "работодателей"]
RU_IMPROVE_PLACES = ["Оше", "Джалал-Абаде", "Караколе", "Нарыне", "регионах"]
RU_IMPROVE_TOPICS = ["миграцию молодёжи", "проблемы возвратной миграции", "денежные переводы", "права женщин-мигрантов",
                     "законодательство о миграции"]
RU_IMPROVE_STATS = ["миграции", "регионам", "денежным переводам", "трудовой миграции"]


def upper_first(text):
    return text[:1].upper() + text[1:]


def sentence(rng, language, question):
    if language == "en":
        if question == "liked":
            if rng.random() < 0.5:
                return upper_first(f"{rng.choice(EN_PARTS)} {rng.choice(EN_GOOD)}")
            return rng.choice(EN_LIKED_OPENERS).format(rng.choice(EN_LIKED_THINGS))
        if rng.random() < 0.3:
            return upper_first(f"{rng.choice(EN_PARTS)} {rng.choice(EN_BAD)}")
        return rng.choice(EN_IMPROVE).format(rng.choice(EN_IMPROVE_ACTIVITIES), rng.choice(EN_IMPROVE_DOCS),
                                             rng.choice(EN_IMPROVE_ACTORS), rng.choice(EN_IMPROVE_THINGS), rng.choice(EN_PLACES))
    if question == "liked":
        return rng.choice(RU_LIKED).format(rng.choice(RU_GENITIVE), rng.choice(RU_PREPOSITIONAL), rng.choice(RU_ACCUSATIVE), rng.choice(RU_DATIVE))
    return rng.choice(RU_IMPROVE).format(rng.choice(RU_IMPROVE_ACC), rng.choice(RU_IMPROVE_GEN), rng.choice(RU_IMPROVE_PLACES),
                                         rng.choice(RU_IMPROVE_TOPICS), rng.choice(RU_IMPROVE_STATS))


def answer(rng, question):
    """One to three sentences: 60% English, 30% Russian, 10% both; now and then a line break."""
    pick = rng.random()
    languages = ["en"] if pick < 0.6 else ["ru"] if pick < 0.9 else ["en", "ru"]
    count = rng.choice([1, 1, 1, 2, 2, 3])
    sentences = [sentence(rng, languages[i % len(languages)], question) for i in range(max(count, len(languages)))]
    separator = "\n" if rng.random() < 0.01 else ". " if rng.random() < 0.8 else "; "
    text = separator.join(sentences)
    return text + "." if rng.random() < 0.5 else text


def long_answer(rng, question):
    """Several sentences (2 to 7): 60% English, 30% Russian, 10% both; sentences of both text
    questions mix, as long comments wander from what was good to what should change."""
    pick = rng.random()
    languages = ["en"] if pick < 0.6 else ["ru"] if pick < 0.9 else ["en", "ru"]
    count = rng.choice([2, 3, 3, 4, 4, 5, 6, 7])
    other = "improve" if question == "liked" else "liked"
    sentences = [sentence(rng, languages[i % len(languages)], question if rng.random() < 0.7 else other) for i in range(count)]
    separator = "\n" if rng.random() < 0.01 else ". " if rng.random() < 0.8 else "; "
    text = separator.join(sentences)
    return text + "." if rng.random() < 0.5 else text


def csv_field(text):
    """Quotes like survey's CSVFormat.quoted: only when the field holds `,` `"` CR or LF."""
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def text_pool(seed, question, size, shape="short"):
    if shape == "longtext":
        rng = random.Random(f"{seed}-{question}-longtext")
        return np.array([csv_field(long_answer(rng, question)) for _ in range(size)], dtype=object)
    rng = random.Random(f"{seed}-{question}")
    return np.array([csv_field(answer(rng, question)) for _ in range(size)], dtype=object)


# Blank rates of the two text questions per shape.
TEXT_BLANK_RATES = {"short": (("liked", 0.35), ("improve", 0.45)), "longtext": (("liked", 0.40), ("improve", 0.40))}


# ---------------------------------------------------------------------------------------------
# Closed answers, drawn column by column.


def pick(rng, n, probabilities):
    """Indices 0..k-1 drawn with the given probabilities."""
    p = np.asarray(probabilities, dtype=float)
    return rng.choice(len(p), size=n, p=p / p.sum())


def pick_by_group(rng, group, table):
    """Per row, an index drawn from the probability row table[group[row]]."""
    cumulative = np.cumsum(np.asarray(table, dtype=float) / np.asarray(table, dtype=float).sum(axis=1, keepdims=True), axis=1)
    u = rng.random(len(group))
    return (u[:, None] > cumulative[group]).sum(axis=1).clip(max=len(table[0]) - 1)


def blank_out(rng, values, rate, blank=-1):
    values = values.copy()
    values[rng.random(len(values)) < rate] = blank
    return values


def lookup(strings):
    """An object array of strings with "" at index -1 (numpy's last element) for blanks."""
    return np.array(list(strings) + [""], dtype=object)


def multiple_choice(rng, n, probabilities, max_choices=None):
    """Bitmasks of picked choices (bit i = choice i), at most max_choices bits kept."""
    picked = rng.random((n, len(probabilities))) < np.asarray(probabilities)
    if max_choices is not None:
        picked &= np.cumsum(picked, axis=1) <= max_choices
    return (picked * (1 << np.arange(len(probabilities)))).sum(axis=1)


def mask_strings(codes):
    return np.array([";".join(c for i, c in enumerate(codes) if mask >> i & 1) for mask in range(1 << len(codes))], dtype=object)


def numbers_in_tenths(limit_tenths):
    """"0", "0.1", … "48": the shortest form survey writes numbers in."""
    return lookup(f"{t // 10}" if t % 10 == 0 else f"{t // 10}.{t % 10}" for t in range(limit_tenths + 1))


EVENT_DATES = np.array([f"{y}-{m:02d}-{d:02d}" for y, m, d in [
    (2013, 1, 25), (2013, 4, 12), (2013, 10, 3), (2014, 3, 14), (2014, 11, 20), (2015, 5, 28), (2016, 2, 18),
    (2016, 9, 9), (2017, 6, 1), (2018, 4, 26), (2019, 10, 17), (2020, 2, 27), (2021, 11, 11), (2022, 5, 19),
    (2023, 3, 30), (2023, 12, 7), (2024, 6, 13), (2024, 10, 24)]], dtype="datetime64[D]")


def columns(seed, start, n, pools, shape="short"):
    """The fields of rows start+1 … start+n, as one list of strings per column, and the
    category counts bench/run.py checks."""
    rng = np.random.default_rng([seed, start])
    cols = {}
    counts = {}

    def keep(qid, codes, values):
        counts[qid] = np.bincount(values[values >= 0], minlength=len(codes))
        cols[qid] = lookup(codes)[values]

    cols["respondent"] = np.arange(start + 1, start + n + 1).astype(str).astype(object)
    # Submission times as `survey import` writes them (ISO 8601 with the export's offset): one
    # response every 2 seconds from 09:00 on 1 May 2024 at +06:00 (Bishkek), so no two
    # responses fall within the duplicate-submission minute with the same answers by design.
    seconds = np.datetime64("2024-05-01T09:00:00") + (np.arange(start, start + n) * 2).astype("timedelta64[s]")
    cols["submitted_at"] = (np.datetime_as_string(seconds, unit="s").astype(object) + "+06:00")
    org = pick(rng, n, [30, 28, 12, 10, 6, 8, 6])
    keep("org_type", ORG_TYPES, org)
    keep("role", ROLES, blank_out(rng, pick_by_group(rng, org, [[3, 5, 2, 1], [3, 4, 2, 1], [2, 4, 4, 1], [1, 2, 5, 1], [1, 3, 1, 2], [4, 3, 2, 2], [1, 1, 1, 2]]), 0.02))
    region = blank_out(rng, pick(rng, n, [30, 12, 12, 10, 10, 7, 6, 8, 5]), 0.02)
    keep("region", REGIONS, region)
    keep("gender", GENDERS, blank_out(rng, pick(rng, n, [52, 44, 4]), 0.03))
    age = blank_out(rng, np.clip(rng.normal(41, 11, n).round().astype(int), 18, 85), 0.04)
    cols["age"] = lookup(str(a) for a in range(100))[age]
    experience = blank_out(rng, np.minimum(rng.geometric(0.12, n) - 1, 60), 0.05)
    cols["experience"] = lookup(str(a) for a in range(61))[experience]
    keep("first_event", ["yes", "no"], blank_out(rng, pick(rng, n, [35, 65]), 0.02))
    event = rng.integers(0, len(EVENT_DATES), n)
    event_dates = EVENT_DATES[event]
    registered = event_dates - rng.integers(1, 31, n).astype("timedelta64[D]")
    cols["event_date"] = np.where(rng.random(n) < 0.01, "", np.datetime_as_string(event_dates)).astype(object)
    cols["registered_on"] = np.where(rng.random(n) < 0.03, "", np.datetime_as_string(registered)).astype(object)

    sessions = multiple_choice(rng, n, [0.35, 0.45, 0.5, 0.6, 0.3, 0.15], max_choices=4)
    cols["sessions"] = mask_strings(SESSIONS)[sessions]
    counts["sessions"] = np.array([((sessions >> i) & 1).sum() for i in range(len(SESSIONS))])
    scale5 = list(range(1, 6))
    speaker = blank_out(rng, pick(rng, n, [3, 7, 20, 40, 30]), 0.03)
    speaker[(sessions >> SESSIONS.index("panel") & 1) == 0] = -1
    keep("speaker_rating", [str(v) for v in scale5], speaker)
    # Usefulness leans on the organization type, so the first cross-tab has an association.
    usefulness = blank_out(rng, pick_by_group(rng, org, [[5, 10, 25, 35, 25], [3, 6, 18, 40, 33], [4, 8, 20, 38, 30], [6, 10, 24, 35, 25], [8, 12, 30, 30, 20], [5, 10, 30, 35, 20], [10, 15, 30, 25, 20]]), 0.02)
    keep("usefulness", [str(v) for v in scale5], usefulness)
    for qid, weights in [("organization", [2, 5, 18, 45, 30]), ("moderation", [2, 6, 20, 42, 30]), ("materials", [4, 10, 26, 38, 22]),
                         ("discussion_time", [8, 20, 32, 27, 13]), ("venue", [3, 7, 20, 40, 30])]:
        keep(qid, [str(v) for v in scale5], blank_out(rng, pick(rng, n, weights), 0.03))
    followup = blank_out(rng, pick(rng, n, [5, 10, 25, 35, 25]), 0.04)
    followup[usefulness < 2] = -1  # usefulness codes 0..4 are points 1..5: asked when >= 3 (code 2)
    keep("followup_interest", [str(v) for v in scale5], followup)
    keep("overall", [str(v) for v in range(11)], blank_out(rng, pick(rng, n, [1, 1, 1, 2, 3, 6, 9, 16, 24, 20, 17]), 0.02))
    again = blank_out(rng, pick(rng, n, [85, 15]), 0.02)
    keep("attend_again", ["yes", "no"], again)
    attend_format = blank_out(rng, pick(rng, n, [55, 15, 30]), 0.03)
    attend_format[again != 0] = -1
    keep("attend_format", FORMATS, attend_format)
    keep("recommend", ["yes", "no"], blank_out(rng, pick(rng, n, [80, 20]), 0.02))
    received = blank_out(rng, pick(rng, n, [75, 25]), 0.02)
    keep("received_materials", ["yes", "no"], received)
    used = multiple_choice(rng, n, [0.4, 0.5, 0.45, 0.35, 0.3])
    used[received != 0] = 0
    cols["materials_used"] = mask_strings(MATERIALS)[used]
    counts["materials_used"] = np.array([((used >> i) & 1).sum() for i in range(len(MATERIALS))])
    travel = blank_out(rng, np.minimum((rng.gamma(2.0, 1.6, n) * 10).round().astype(int), 480), 0.05)
    cols["travel_hours"] = numbers_in_tenths(480)[travel]
    colleagues = blank_out(rng, np.minimum(rng.poisson(1.3, n), 20), 0.05)
    cols["colleagues"] = lookup(str(a) for a in range(21))[colleagues]
    keep("language", LANGUAGES, blank_out(rng, pick(rng, n, [60, 30, 10]), 0.03))
    topics = multiple_choice(rng, n, [0.5, 0.4, 0.3, 0.25, 0.3, 0.2, 0.15, 0.25])
    cols["topics"] = mask_strings(TOPICS)[topics]
    counts["topics"] = np.array([((topics >> i) & 1).sum() for i in range(len(TOPICS))])
    for qid, rate in TEXT_BLANK_RATES[shape]:
        pool = pools[qid]
        index = rng.integers(0, len(pool), n)
        cols[qid] = np.where(rng.random(n) < rate, "", pool[index]).astype(object)
        counts[qid] = np.array([int((cols[qid] != "").sum())])

    order = ["respondent", "submitted_at"] + [q[0] for q in QUESTIONS]
    return [cols[name] for name in order], counts


def generate(rows, seed, out_path, pool_size=50_000, shape="short"):
    pools = {q: text_pool(seed, q, pool_size, shape) for q in TEXT_QUESTIONS}
    totals = {}
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(["respondent", "submitted_at"] + [q[0] for q in QUESTIONS]) + "\n")
        for start in range(0, rows, BATCH):
            n = min(BATCH, rows - start)
            cols, counts = columns(seed, start, n, pools, shape)
            out.write("".join([",".join(row) + "\n" for row in zip(*cols)]))
            for key, value in counts.items():
                totals[key] = totals.get(key, 0) + value
    os.replace(tmp, out_path)
    choices = {q[0]: q[4].get("choices") for q in QUESTIONS}
    scale_codes = {q[0]: [str(v) for v in range(q[4]["scale"][0], q[4]["scale"][1] + 1)] for q in QUESTIONS if "scale" in q[4]}
    yes_no = {q[0]: ["yes", "no"] for q in QUESTIONS if q[1] == "yes_no"}
    expected = {"rows": rows, "seed": seed, "shape": shape, "counts": {}, "text_answered": {}}
    for key, value in totals.items():
        if key in TEXT_QUESTIONS:
            expected["text_answered"][key] = int(value[0])
            continue
        codes = choices.get(key) or scale_codes.get(key) or yes_no[key]
        expected["counts"][key] = {code: int(c) for code, c in zip(codes, value)}
    with open(out_path + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def default_path(rows, shape="short"):
    suffix = "" if shape == "short" else f"-{shape}"
    return os.path.join(HERE, "data", f"responses-{rows}{suffix}.csv")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="responses to write (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=2013, help="random seed (default 2013)")
    parser.add_argument("--shape", choices=["short", "longtext"], default="short",
                        help="short free text (default) or longtext: several sentences per answer, 60%% non-blank")
    parser.add_argument("--out", help="CSV to write (default bench/data/responses-ROWS.csv, responses-ROWS-longtext.csv)")
    parser.add_argument("--questionnaire", default=os.path.join(HERE, "bench.yaml"), help="where to write the questionnaire")
    args = parser.parse_args()
    if args.rows < 1:
        parser.error(f"--rows must be 1 or more, not {args.rows}")
    out_path = args.out or default_path(args.rows, args.shape)
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(args.questionnaire, "w", encoding="utf-8") as f:
        f.write(questionnaire_yaml())
    started = time.perf_counter()
    generate(args.rows, args.seed, out_path, shape=args.shape)
    size = os.path.getsize(out_path)
    print(f"wrote {args.rows:,} responses ({size / 1e6:.1f} MB) to {os.path.relpath(out_path)} "
          f"in {time.perf_counter() - started:.1f} s; questionnaire {os.path.relpath(args.questionnaire)}", file=sys.stderr)


if __name__ == "__main__":
    main()
