#!/usr/bin/env python3
"""`make bench`: times survey import, stats and report on N synthetic responses against a bare
libcsv parse, DuckDB and pandas, and checks every result so that a broken run cannot print a
fast time.

    python3 bench/run.py                # 1,000,000 rows (issues 2, 3 and 4)
    python3 bench/run.py --rows 100000  # a quick run
    python3 bench/run.py --shape longtext  # long free-text answers: the keyword path

Generates bench/data/responses-N.csv with bench/generate.py when it is missing, builds
bench/data/csvcount from bench/csvcount.c, installs numpy, duckdb and pandas with pip when
they are missing, and expects the release binary (`make release`). Each program runs as its
own child process: wall time from a monotonic clock, peak RSS and CPU time from /usr/bin/time
(wait4(2) when it is missing). With --repeat K the fastest of K runs is shown. Figures are also written to bench/data/results-N.json.
"""

import argparse
import csv
import importlib
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")
QUESTIONNAIRE = os.path.join(HERE, "bench.yaml")
CSVCOUNT = os.path.join(DATA, "csvcount")
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None  # Debian package `time`


class BenchmarkFailure(Exception):
    """A result that is wrong: the run stops instead of printing a time."""


def check(condition, message):
    if not condition:
        raise BenchmarkFailure(message)


def ensure_module(name):
    """Installs `name` with pip when it is missing. It is not imported here: this process
    stays small."""
    if importlib.util.find_spec(name) is None:
        print(f"bench: installing {name} with pip …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", name], check=True)
        importlib.invalidate_caches()
        if importlib.util.find_spec(name) is None:
            raise BenchmarkFailure(f"pip installed {name}, but Python cannot find it")


class Timing:
    """One run of one program: wall seconds, peak RSS in bytes, and where its output went."""

    def __init__(self, wall, cpu, rss, stdout, stderr):
        self.wall = wall
        self.cpu = cpu
        self.rss = rss
        self.stdout = stdout
        self.stderr = stderr

    def read_stdout(self):
        with open(self.stdout, encoding="utf-8") as f:
            return f.read()

    def read_stderr(self):
        with open(self.stderr, encoding="utf-8", errors="replace") as f:
            return f.read()


def timed(name, command, scratch, repeat=1, before=None):
    """Runs `command` `repeat` times (calling `before()` first each time), checks that it exits
    0, and returns the fastest run (its output is in scratch/NAME.K.out and .err)."""
    best = None
    for k in range(repeat):
        if before:
            before()
        out_path = os.path.join(scratch, f"{name}.{k}.out")
        err_path = os.path.join(scratch, f"{name}.{k}.err")
        rss_path = os.path.join(scratch, f"{name}.{k}.rss")
        # /usr/bin/time measures the peak RSS: wait4(2) from here would report at least this
        # Python process's size, which Linux carries over through fork and exec.
        wrapped = [TIME, "-f", "%M %U %S", "-o", rss_path] + command if TIME else command
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            started = time.perf_counter()
            child = subprocess.Popen(wrapped, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            with open(err_path, encoding="utf-8", errors="replace") as f:
                tail = f.read()[-2000:]
            raise BenchmarkFailure(f"{name}: `{' '.join(command)}` exited {code}:\n{tail}")
        kib = usage.ru_maxrss  # KiB on Linux
        cpu = usage.ru_utime + usage.ru_stime
        if TIME:
            with open(rss_path) as f:
                figures = f.read().split()[-3:]
            kib, cpu = int(figures[0]), float(figures[1]) + float(figures[2])
        run = Timing(wall, cpu, kib * 1024, out_path, err_path)
        if best is None or run.wall < best.wall:
            best = run
    return best


# ---------------------------------------------------------------------------------------------
# Preparing: data, reference program, binary.


def shape_suffix(shape):
    """File names of the long-text shape end in -longtext (bench/generate.py --shape longtext)."""
    return "" if shape == "short" else f"-{shape}"


def ensure_data(rows, seed, shape="short"):
    path = os.path.join(DATA, f"responses-{rows}{shape_suffix(shape)}.csv")
    if not (os.path.exists(path) and os.path.exists(path + ".expected.json") and os.path.exists(QUESTIONNAIRE)):
        ensure_module("numpy")
        print(f"bench: generating {rows:,} responses …", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--rows", str(rows), "--seed", str(seed), "--shape", shape, "--out", path], check=True)
    with open(path + ".expected.json", encoding="utf-8") as f:
        expected = json.load(f)
    check(expected["rows"] == rows, f"{path}.expected.json is for {expected['rows']} rows, not {rows}; delete the file to regenerate")
    return path, expected


def ensure_csvcount():
    source = os.path.join(HERE, "csvcount.c")
    if not os.path.exists(CSVCOUNT) or os.path.getmtime(CSVCOUNT) < os.path.getmtime(source):
        os.makedirs(DATA, exist_ok=True)
        subprocess.run(["cc", "-O2", source, "-lcsv", "-o", CSVCOUNT], check=True)
    return CSVCOUNT


def warm_cache(path):
    """Reads the file once so that the first program timed does not pay for the disk."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def has_report(survey):
    result = subprocess.run([survey, "report", "--help"], capture_output=True, text=True, cwd=ROOT)
    return result.returncode == 0 and "USAGE: survey report" in result.stdout + result.stderr


# ---------------------------------------------------------------------------------------------
# Checks: each program's answer, against the generator's counts and against each other.


def parse_counts(text, name):
    try:
        records, fields, size = (int(x) for x in text.split())
    except ValueError:
        raise BenchmarkFailure(f"{name}: unexpected output {text!r}")
    return records, fields, size


def survey_figures(results):
    """survey's JSON in the shape bench/reference.py prints, for comparing."""
    out = {"frequencies": {}, "descriptives": {}, "crosstabs": {}, "text": {}, "dates": {}}
    for question in results["questions"]:
        qid = question["id"]
        table = question.get("frequencies") or question.get("multiple_response")
        if table:
            out["frequencies"][qid] = {row["code"]: row["count"] for row in table["rows"] if row["count"] > 0}
        if question.get("descriptives"):
            d = question["descriptives"]
            out["descriptives"][qid] = {"n": d["n"], "mean": d.get("mean"), "sd": d.get("standard_deviation"), "min": d.get("minimum"),
                                        "max": d.get("maximum"), "q1": d.get("q1"), "median": d.get("median"), "q3": d.get("q3")}
        if question.get("dates"):
            out["dates"][qid] = [question["dates"].get("earliest"), question["dates"].get("latest")]
        if question.get("text"):
            out["text"][qid] = question["text"]
    for table in results["cross_tabs"]:
        counts = {}
        for r, row in zip(table["row_codes"], table["counts"]):
            cells = {c: n for c, n in zip(table["column_codes"], row) if n > 0}
            if cells:
                counts[r] = cells
        out["crosstabs"][f"{table['row_question']}:{table['column_question']}"] = counts
    return out


def close(a, b, tolerance=1e-9):
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=tolerance, abs_tol=tolerance)


def compare(survey, reference, engine):
    """Every count equal, every descriptive within 1e-9, keywords consistent."""
    check(reference["frequencies"] == survey["frequencies"],
          f"{engine} and survey disagree on frequencies: " + ", ".join(q for q in survey["frequencies"] if reference["frequencies"].get(q) != survey["frequencies"][q]))
    for qid, figures in survey["descriptives"].items():
        theirs = reference["descriptives"][qid]
        for key, value in figures.items():
            check(close(value, theirs[key]), f"{engine} and survey disagree on {qid} {key}: {theirs[key]} vs {value}")
    check(reference["crosstabs"] == survey["crosstabs"], f"{engine} and survey disagree on cross-tab counts")
    check(reference["dates"] == survey["dates"], f"{engine} and survey disagree on dates: {reference['dates']} vs {survey['dates']}")
    for qid, text in survey["text"].items():
        theirs = reference["text"][qid]
        check(text["answered"] == theirs["answered"], f"{engine} and survey disagree on answers to {qid}: {theirs['answered']} vs {text['answered']}")
        check(text["keywords"], f"survey found no keywords in {qid}")
        # Stemming only merges forms, so survey's count of a keyword is at least that of the
        # surface form it is shown by.
        words = {w: (occurrences, answers) for w, occurrences, answers in theirs["words"]}
        top = text["keywords"][0]
        if top["text"] in words:
            occurrences, answers = words[top["text"]]
            check(top["occurrences"] >= occurrences and top["answers"] >= answers,
                  f"{qid}: survey counts \"{top['text']}\" {top['occurrences']} times in {top['answers']} answers, {engine} {occurrences} in {answers}")


def check_against_generator(survey, expected):
    for qid, counts in expected["counts"].items():
        mine = {code: n for code, n in counts.items() if n > 0}
        check(survey["frequencies"].get(qid) == mine, f"survey's counts for {qid} differ from the generator's: {survey['frequencies'].get(qid)} vs {mine}")
    for qid, answered in expected["text_answered"].items():
        check(survey["text"][qid]["answered"] == answered, f"survey counts {survey['text'][qid]['answered']} answers to {qid}, the generator wrote {answered}")


def check_report(out, document, rows):
    """report.md exists, names the first question and the number of responses; when the donor
    CSV is there, its count for org_type = gov is the one `survey stats` gave."""
    markdown = os.path.join(out, "report.md")
    check(os.path.exists(markdown), f"survey report wrote no {markdown}")
    with open(markdown, encoding="utf-8") as f:
        text = f.read()
    check("What type of organization do you represent?" in text, "report.md does not show the first question's text")
    groups = f"{rows:,}".split(",")  # 1,000,000 may be written 1000000, 1 000 000 or 1,000,000
    pattern = re.compile(r"(?<![0-9])" + r"[,\s\u00a0\u202f'_]?".join(groups) + r"(?![0-9])")
    check(pattern.search(text), f"report.md does not state the {rows:,} responses")
    frequencies = os.path.join(out, "frequencies.csv")
    if os.path.exists(frequencies):
        gov = next(row["count"] for q in document["questions"] if q["id"] == "org_type" for row in q["frequencies"]["rows"] if row["code"] == "gov")
        with open(frequencies, encoding="utf-8-sig", newline="") as f:
            found = [row for row in csv.DictReader(f) if row.get("question_id") == "org_type" and row.get("code") == "gov"]
        check(len(found) == 1 and int(found[0]["count"]) == gov, f"frequencies.csv gives org_type = gov {found}, survey stats {gov}")


# ---------------------------------------------------------------------------------------------
# The run.


def machine():
    model = "unknown"
    memory = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
        with open("/proc/meminfo") as f:
            kib = int(next(line.split()[1] for line in f if line.startswith("MemTotal")))
            memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return {"cpus": os.cpu_count(), "memory": memory, "cpu": model, "system": platform.platform()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="responses in the generated file (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=2013, help="generator seed (default 2013)")
    parser.add_argument("--survey", default=os.path.join(ROOT, ".build", "release", "survey"), help="the survey binary (default .build/release/survey)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each program; the fastest is shown (default 1)")
    parser.add_argument("--quotes", type=int, default=20, help="--quotes for survey report (default 20)")
    parser.add_argument("--jobs", type=int, help="--jobs for survey import, stats and report (default: survey's, the number of cores)")
    parser.add_argument("--shape", choices=["short", "longtext"], default="short", help="data shape: short answers, or long free text (several sentences, 60%% answered)")
    parser.add_argument("--skip", action="append", default=[], choices=["duckdb", "pandas", "report"], help="leave out a comparison (repeatable)")
    parser.add_argument("--alongside", default="100000,300000",
                        help="row counts whose import and stats are timed in this run too, in turns with this size, for the time-per-row ratios (comma-separated; '' for none; default 100000,300000)")
    args = parser.parse_args()
    if args.rows < 1 or args.repeat < 1 or (args.jobs is not None and args.jobs < 1):
        parser.error("--rows, --repeat and --jobs must be 1 or more")
    try:
        args.alongside = sorted({int(n) for n in args.alongside.split(",") if n.strip()} - {args.rows})
    except ValueError:
        parser.error(f"--alongside takes row counts separated by commas, not {args.alongside!r}")
    survey = os.path.abspath(args.survey)
    if not os.access(survey, os.X_OK):
        parser.error(f"{args.survey} not found; run `make release` first (or pass --survey PATH)")
    try:
        return bench(args, survey)
    except (BenchmarkFailure, subprocess.CalledProcessError) as failure:
        print(f"bench: FAILED: {failure}", file=sys.stderr)
        return 1


def bench(args, survey):
    path, expected = ensure_data(args.rows, args.seed, args.shape)
    relpath = os.path.relpath(path, ROOT)
    yaml = os.path.relpath(QUESTIONNAIRE, ROOT)
    size = os.path.getsize(path)
    rows = args.rows
    csvcount = ensure_csvcount()
    engines = [e for e in ("duckdb", "pandas") if e not in args.skip]
    for engine in engines:
        ensure_module(engine)
    if not TIME:
        print("bench: /usr/bin/time is missing (apt-get install time); peak RSS comes from wait4(2) and includes this Python process's size", file=sys.stderr)
    warm_cache(path)
    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"bench: load average {load:.1f}: other programs are using the CPUs, so the times will be slower than this machine can do", file=sys.stderr)
    scratch = tempfile.mkdtemp(prefix="survey-bench-")
    results = {}
    try:
        print(f"bench: {rows:,} rows, {size / 1e6:.1f} MB ({relpath}); scratch {scratch}", file=sys.stderr)

        # 1. Import against a bare libcsv parse.
        print("bench: csvcount …", file=sys.stderr)
        results["csvcount"] = reference = timed("csvcount", [csvcount, path], scratch, args.repeat)
        records, fields, parsed = parse_counts(reference.read_stdout(), "csvcount")
        check(records == rows + 1 and parsed == size, f"csvcount read {records} records of {parsed} bytes, expected {rows + 1} of {size}")
        # respondent, submitted_at and 30 questions
        check(fields == (rows + 1) * 32, f"csvcount read {fields} fields, expected {(rows + 1) * 32}")

        into = os.path.join(scratch, "imported.csv")

        def fresh_into():
            for suffix in ("", ".problems", ".rejects"):
                target = into[:-4] + suffix + ".csv"
                if os.path.exists(target):
                    os.remove(target)

        print("bench: survey import …", file=sys.stderr)
        jobs = [] if args.jobs is None else ["--jobs", str(args.jobs)]
        results["import"] = imported = timed("import", [survey, "import", yaml, relpath, "--into", into] + jobs, scratch, args.repeat, before=fresh_into)
        summary = f"Read {rows} rows: {rows} accepted, 0 rejected. No problems."
        check(summary in imported.read_stderr(), f"survey import did not say \"{summary}\":\n{imported.read_stderr()[-2000:]}")
        written = subprocess.run([csvcount, into], capture_output=True, text=True, check=True).stdout
        check(parse_counts(written, "csvcount")[0] == rows + 1, f"survey import wrote {written.split()[0]} records, expected {rows + 1}")
        round_trip = subprocess.run(["cmp", "-s", path, into]).returncode == 0

        # 2. Stats against DuckDB and pandas.
        crosstabs = ["org_type:usefulness", "region:attend_again", "topics:role"]
        command = [survey, "stats", yaml, relpath, "--format", "json"] + jobs
        for pair in crosstabs:
            command += ["--crosstab", pair]
        print("bench: survey stats …", file=sys.stderr)
        results["stats"] = stats = timed("stats", command, scratch, args.repeat)
        document = json.loads(stats.read_stdout())
        check(document["responses"] == rows, f"survey stats counted {document['responses']} responses, expected {rows}")
        check(document["import_summary"]["problems"] == 0 and document["import_summary"]["rejected"] == 0,
              f"survey stats found problems in valid data: {document['import_summary']}")
        check(len(document["cross_tabs"]) == 3, f"survey stats printed {len(document['cross_tabs'])} cross-tabs, expected 3")
        mine = survey_figures(document)
        check_against_generator(mine, expected)

        # 3. Report, right after stats, so the report / stats ratio compares neighbours in time
        # (after pandas' 2.6 GB the machine ran the report up to 10% slower).
        report_note = None
        report_pairs = []
        if "report" in args.skip:
            report_note = "skipped (--skip report)"
        elif not has_report(survey):
            report_note = "not run: `survey report` is not in this build yet"
        else:
            out = os.path.join(scratch, "report")

            def fresh_out():
                shutil.rmtree(out, ignore_errors=True)

            print("bench: survey report …", file=sys.stderr)
            report_command = [survey, "report", yaml, relpath, "--out", out, "--quotes", str(args.quotes)] + jobs
            results["report"] = timed("report", report_command, scratch, args.repeat, before=fresh_out)
            check_report(out, document, rows)
            report_pairs = time_report_pairs(args, command, report_command, scratch, fresh_out)

        # 4. The same statistics in DuckDB and pandas.
        for engine in engines:
            print(f"bench: {engine} …", file=sys.stderr)
            results[engine] = run = timed(engine, [sys.executable, os.path.join(HERE, "reference.py"), engine, path], scratch, args.repeat)
            theirs = json.loads(run.read_stdout())
            check(theirs["rows"] == rows, f"{engine} read {theirs['rows']} rows, expected {rows}")
            compare(mine, theirs, engine)

        # 5. Time per row against other sizes, timed here in turns with this size: between
        # runs minutes apart this VM's speed drifts by 10-20%, more than the aim's 10%. Last,
        # so that stats, report and DuckDB stay neighbours in time.
        alongside = time_alongside(args, survey, yaml, jobs, scratch) if args.alongside else {}

        print_table(results, rows, size, relpath, round_trip, report_note, args.shape, alongside, report_pairs)
        save(results, rows, size, relpath, round_trip, report_note, args.jobs, args.shape, alongside, report_pairs)
    except BenchmarkFailure as failure:
        raise BenchmarkFailure(f"{failure}\n(outputs kept in {scratch})")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


def time_report_pairs(args, stats_command, report_command, scratch, fresh_out):
    """(stats wall, report wall) of five or more rounds (`--repeat`), each round running the two
    one after the other, which goes first alternating. Best-of-K for each program compares
    runs up to a minute apart, and this VM's speed wanders by 10-20% within a minute while the
    render is 10% of a report; a pair's two runs meet the same seconds."""
    print("bench: survey stats and report in turns …", file=sys.stderr)
    pairs = []
    for round_number in range(max(args.repeat, 5)):
        order = ("stats", "report") if round_number % 2 == 0 else ("report", "stats")
        walls = {}
        for key in order:
            command = stats_command if key == "stats" else report_command
            walls[key] = timed(f"pair-{key}-{round_number}", command, scratch, 1, before=fresh_out if key == "report" else None).wall
        pairs.append((walls["stats"], walls["report"]))
    return pairs


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


FIXED_COST_ROWS = 1000


def time_alongside(args, survey, yaml, jobs, scratch):
    """Best wall time of `survey stats` and `survey import` by (program, rows), for this size and
    each of `--alongside`, run in turns (at least five rounds) so that every size meets the
    machine at the same minutes."""
    own = ensure_data(args.rows, args.seed, args.shape)[0]
    files = {args.rows: os.path.relpath(own, ROOT)}
    # The first 1,000 responses of this file: what every run costs whatever its size (start,
    # questionnaire, output), for the time per row beyond it.
    if args.rows > FIXED_COST_ROWS:
        small = os.path.join(scratch, f"responses-{FIXED_COST_ROWS}.csv")
        with open(own, "rb") as source, open(small, "wb") as target:
            records, quotes = 0, 0
            for line in source:
                target.write(line)
                # Records, not lines: a quoted answer may hold line breaks.
                quotes += line.count(b'"')
                if quotes % 2 == 0:
                    records += 1
                    if records > FIXED_COST_ROWS:
                        break
        files[FIXED_COST_ROWS] = small
    for other in args.alongside:
        path, _ = ensure_data(other, args.seed, args.shape)
        warm_cache(path)
        files[other] = os.path.relpath(path, ROOT)
    into = os.path.join(scratch, "alongside.csv")

    def fresh_into():
        for suffix in ("", ".problems", ".rejects"):
            target = into[:-4] + suffix + ".csv"
            if os.path.exists(target):
                os.remove(target)

    print(f"bench: survey stats and import at {', '.join(f'{n:,}' for n in files)} rows, in turns …", file=sys.stderr)
    best = {}
    for _ in range(max(args.repeat, 5)):
        for n, relpath in files.items():
            for key, command, before in (("stats", [survey, "stats", yaml, relpath, "--format", "json"] + jobs, None),
                                         ("import", [survey, "import", yaml, relpath, "--into", into] + jobs, fresh_into)):
                run = timed(f"alongside-{key}-{n}", command, scratch, 1, before=before)
                if (key, n) not in best or run.wall < best[(key, n)]:
                    best[(key, n)] = run.wall
    return best


def print_table(results, rows, size, relpath, round_trip, report_note, shape="short", alongside=None, report_pairs=None):
    mb = size / 1e6
    info = machine()
    print(f"\n{rows:,} responses, {mb:.1f} MB ({relpath}); {info['cpus']} CPUs ({info['cpu']}), {info['memory']}\n")
    header = f"{'program':<28} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'MB/s':>8} {'rows/s':>11}"
    print(header)
    print("-" * len(header))
    labels = {"csvcount": "libcsv parse (csvcount)", "import": "survey import --into", "stats": "survey stats (json)",
              "duckdb": "DuckDB (same job)", "pandas": "pandas (same job)", "report": "survey report"}
    for key, label in labels.items():
        if key in results:
            r = results[key]
            print(f"{label:<28} {r.wall:>8.2f} {r.cpu:>8.2f} {r.rss / 1e6:>12.1f} {mb / r.wall:>8.1f} {rows / r.wall:>11,.0f}")
    print()
    print_aims(aims_of(results, rows, shape, alongside, report_pairs))
    print(f"\nimport round trip: output {'byte-identical to' if round_trip else 'differs from'} the canonical input")
    if report_note:
        print(f"survey report: {report_note}")
    checked = ["import counts", "stats against the generator's counts"] + [e for e in ("DuckDB", "pandas") if e.lower() in results]
    if "report" in results:
        checked.append("report against stats")
    print("checked: " + ", ".join(checked))


def aims_of(results, rows, shape="short", alongside=None, report_pairs=None):
    """The aims of issue 13, as (figure, value, aim, met): ratios, so that both programs of a
    ratio ran on the same machine in the same run. Time per row against other sizes comes from
    `alongside` (timed in this run, in turns) where it has the size, else from the
    results-N.json files earlier runs left in bench/data."""
    alongside = alongside or {}
    aims = []
    if "duckdb" in results:
        ratio = results["stats"].wall / results["duckdb"].wall
        aims.append(("survey stats wall / DuckDB wall", f"{ratio:.2f}", "≤ 0.5", ratio <= 0.5))
    if "import" in results:
        ratio = results["import"].wall / results["csvcount"].wall
        aims.append(("survey import --into wall / libcsv parse", f"{ratio:.2f}", "≤ 3", ratio <= 3))
    if "report" in results:
        ratio = results["report"].wall / results["stats"].wall
        aims.append(("survey report / survey stats (fastest of each)", f"{ratio:.2f}", "≤ 1.1", ratio <= 1.1))
    if report_pairs:
        ratio = median([report / stats for stats, report in report_pairs])
        aims.append((f"survey report / survey stats (median of {len(report_pairs)} pairs in turns)", f"{ratio:.2f}", "≤ 1.1", ratio <= 1.1))
    for key in ("stats", "import"):
        if key in results:
            mb = results[key].rss / 1e6
            aims.append((f"peak RSS, survey {key} (MB)", f"{mb:.1f}", "≤ 150", mb <= 150))
    if "pandas" in results:
        aims.append(("survey stats wall / pandas wall", f"{results['stats'].wall / results['pandas'].wall:.2f}", "", None))
    # Linear in rows: this run's seconds per row against each other size's.
    for key in ("stats", "import"):
        if key not in results:
            continue
        here = [n for (k, n) in alongside if k == key and n not in (rows, FIXED_COST_ROWS)]
        for other_rows in here:
            ratio = (alongside[(key, rows)] / rows) / (alongside[(key, other_rows)] / other_rows)
            aims.append((f"{key}: time per row at {rows:,} / at {other_rows:,} (in turns)", f"{ratio:.3f}", "0.9–1.1", 0.9 <= ratio <= 1.1))
        # The same beyond what a 1,000-row run costs: a run's fixed start and finish (~30 ms)
        # are a tenth of 100,000 rows on two cores, a hundredth of a million.
        fixed = alongside.get((key, FIXED_COST_ROWS))
        if fixed is not None:
            for other_rows in here:
                ratio = ((alongside[(key, rows)] - fixed) / (rows - FIXED_COST_ROWS)) / ((alongside[(key, other_rows)] - fixed) / (other_rows - FIXED_COST_ROWS))
                aims.append((f"{key}: time per row beyond a {FIXED_COST_ROWS:,}-row run's {fixed * 1000:.0f} ms, at {rows:,} / at {other_rows:,}", f"{ratio:.3f}", "0.9–1.1",
                             0.9 <= ratio <= 1.1))
        mine = results[key].wall / rows
        for other_rows, other in sorted(saved_results(shape).items()):
            theirs = other["programs"].get(key)
            if other_rows == rows or other_rows in here or not theirs:
                continue
            ratio = mine / (theirs["wall_s"] / other_rows)
            aims.append((f"{key}: time per row at {rows:,} / at {other_rows:,} (earlier run)", f"{ratio:.3f}", "0.9–1.1", 0.9 <= ratio <= 1.1))
    return aims


def saved_results(shape="short"):
    """Earlier runs' figures of this data shape by rows (bench/data/results-N[-longtext].json)."""
    found = {}
    for name in os.listdir(DATA) if os.path.isdir(DATA) else []:
        match = re.fullmatch(r"results-(\d+)" + re.escape(shape_suffix(shape)) + r"\.json", name)
        if match:
            with open(os.path.join(DATA, name), encoding="utf-8") as f:
                found[int(match.group(1))] = json.load(f)
    return found


def print_aims(aims):
    width = max((len(name) for name, *_ in aims), default=20)
    print(f"{'aim (issue 13)':<{width}}  {'figure':>8}  {'aim':<8} ")
    for name, value, aim, met in aims:
        verdict = "" if met is None else ("met" if met else "MISSED")
        print(f"{name:<{width}}  {value:>8}  {aim:<8} {verdict}")


def save(results, rows, size, relpath, round_trip, report_note, jobs=None, shape="short", alongside=None, report_pairs=None):
    document = {
        "rows": rows, "bytes": size, "file": relpath, "machine": machine(), "load_average_after": os.getloadavg()[0], "round_trip_identical": round_trip, "report_note": report_note,
        "jobs": jobs, "shape": shape, "aims": [{"figure": name, "value": value, "aim": aim, "met": met} for name, value, aim, met in aims_of(results, rows, shape, alongside, report_pairs)],
        "report_pairs_wall_s": [{"stats": round(stats, 4), "report": round(report, 4)} for stats, report in report_pairs or []],
        "alongside_wall_s": {f"{key} {n}": round(wall, 4) for (key, n), wall in sorted((alongside or {}).items())},
        "programs": {key: {"wall_s": round(r.wall, 3), "cpu_s": round(r.cpu, 2), "peak_rss_bytes": r.rss, "mb_per_s": round(size / 1e6 / r.wall, 2), "rows_per_s": round(rows / r.wall)}
                     for key, r in results.items()},
    }
    with open(os.path.join(DATA, f"results-{rows}{shape_suffix(shape)}.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
