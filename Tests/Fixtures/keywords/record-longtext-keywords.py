#!/usr/bin/env python3
"""Records the keyword figures of `survey stats` on the long-text benchmark data, for
`LongTextKeywordTests` (Tests/SurveyCLITests): every keyword (--top 100000) and the top
phrases of both text questions, and how many answers held words.

The committed file was recorded with the release binary of main at 9c054f4 (before the lean
keyword path of issue 13), so the test holds the new path to today's results:

    python3 Tests/Fixtures/keywords/record-longtext-keywords.py SURVEY_BINARY

It generates the data with bench/generate.py (--shape longtext --rows 20000 --seed 2013) in a
temporary directory; the generator is deterministic, so the test regenerates the same bytes.
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
ROWS, SEED = 20000, 2013
OUT = os.path.join(HERE, f"longtext-{ROWS}-seed{SEED}.keywords.json")


def keyword_figures(document):
    """The text questions' keyword figures from `survey stats --format json`."""
    figures = {}
    for question in document["questions"]:
        text = question.get("text")
        if text:
            figures[question["id"]] = {
                "answers_with_words": text["answers_with_words"],
                "keywords": text["keywords"],
                "phrases": text["phrases"],
            }
    return figures


def main():
    survey = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "longtext.csv")
        questionnaire = os.path.join(tmp, "bench.yaml")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "--shape", "longtext", "--rows", str(ROWS),
                        "--seed", str(SEED), "--out", data, "--questionnaire", questionnaire], check=True)
        result = subprocess.run([survey, "stats", questionnaire, data, "--format", "json", "--top", "100000"],
                                check=True, capture_output=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(keyword_figures(json.loads(result.stdout)), f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
