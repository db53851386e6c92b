# survey — build, test, render the bundled example.
# `make report` and `make test` work on a fresh Debian machine as root: system packages
# are installed with apt-get when missing.

SWIFT ?= swift
# librsvg2-2 draws the charts' PNG pictures (opened when the first is drawn, not linked:
# Sources/CRsvg/shim.h) and libpng-dev encodes them; libcairo2-dev lets the tests read them
# back with cairo. SwiftPM finds libpng and cairo with pkg-config.
# zlib1g-dev: ZIPFoundation deflates report.docx's parts and inflates XLSX files with zlib;
# libxml2-dev parses the sheets of XLSX files as they are unzipped. libxlsxwriter-dev writes
# report.xlsx and XLSForms (Sources/XLSXWriter); libreadstat-dev the .sav and .dta files of
# `survey export`.
APT_PACKAGES := libcsv-dev libstemmer-dev libedit-dev librsvg2-2 libcairo2-dev libpng-dev libxml2-dev zlib1g-dev libxlsxwriter-dev libreadstat-dev pkg-config
# Programs the tests drive, as Debian package or package:command (or a file): tmux for the
# terminal form's end-to-end tests, chromium for opening report.html in a browser, pdftotext
# (poppler-utils) for reading report.html printed to PDF, pandoc for turning report.md into
# Word, LibreOffice's Writer for opening report.docx and Calc for opening report.xlsx and the
# --excel CSVs as a Russian-locale spreadsheet (looked for by its library: the `libreoffice`
# command comes with Writer too), GNU PSPP for reading `survey export`'s .sav and .sps files
# back. Tests that need one skip without it.
# Python readers the tests use as oracles, from PyPI, best effort as well: pyreadstat reads
# `survey export`'s .dta back, pyxform checks the XLSForms `survey convert` writes.
PIP_TEST_TOOLS := pyreadstat:pyreadstat pyxform:pyxform
TEST_TOOLS := tmux chromium poppler-utils:pdftotext pandoc libreoffice-writer-nogui:libreoffice libreoffice-calc-nogui:/usr/lib/libreoffice/program/libsclo.so pspp
EXAMPLE := seminar-feedback
BIN_DEBUG := .build/debug/survey
BIN_RELEASE := .build/release/survey

.PHONY: deps test-tools build release test report screenshots screenshot-word bench fuzz-build fuzz fuzz-regressions clean

## Installs the Debian packages the build links against, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## Installs the test tools that are missing, best-effort: a failed install prints a note and
## the tests that need the tool are skipped, so it never fails `make test` on its own. After
## deps, so that the two never wait on apt's lock (`make -j`).
test-tools: deps
	@for tool in $(PIP_TEST_TOOLS); do \
	  python3 -c "import $${tool#*:}" >/dev/null 2>&1 && continue; \
	  echo "Installing $${tool%%:*} for the tests (pip)"; \
	  python3 -m pip install -q $${tool%%:*} >/dev/null 2>&1 \
	    || echo "note: could not install $${tool%%:*} (pip install $${tool%%:*}); the tests that need it will be skipped"; \
	done
	@updated=""; for tool in $(TEST_TOOLS); do \
	  p=$${tool%%:*}; { command -v $${tool#*:} || test -e $${tool#*:}; } >/dev/null 2>&1 && continue; \
	  echo "Installing $$p for the tests"; \
	  if [ -z "$$updated" ]; then apt-get update -qq || true; updated=1; fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$p >/dev/null \
	    || echo "note: could not install $$p (apt-get install $$p); the tests that need it will be skipped"; \
	done

build: deps
	$(SWIFT) build

## The release binary carries the Swift runtime and Foundation inside it: it runs on a machine
## without Swift, and starts ~15 ms sooner (fewer shared libraries to look symbols up in).
release: deps
	$(SWIFT) build -c release --product survey --static-swift-stdlib

test: deps test-tools
	$(SWIFT) build --build-tests
	SURVEY_BIN=$(CURDIR)/$(BIN_DEBUG) $(SWIFT) test --skip-build

## Renders the bundled example into reports/.
report: release
	$(BIN_RELEASE) check questionnaires/$(EXAMPLE).yaml
	$(BIN_RELEASE) report questionnaires/$(EXAMPLE).yaml responses/$(EXAMPLE).csv --out reports/$(EXAMPLE)

## Re-takes the README's screenshots of the example report (docs/images/report-{desktop,phone}.png):
## headless Chromium at 1280 and 390 px wide (the widths the layout test holds), then optipng
## (apt-get install chromium optipng).
screenshots: build
	@for p in chromium optipng; do command -v $$p >/dev/null || { echo "screenshots need $$p: apt-get install $$p" >&2; exit 1; }; done
	@dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && \
	$(BIN_DEBUG) report questionnaires/$(EXAMPLE).yaml responses/$(EXAMPLE).csv --out "$$dir/report" && \
	mkdir -p docs/images && \
	for shot in desktop:1280,1800 phone:390,1400; do \
	  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$$dir/profile" \
	    --window-size=$${shot#*:} --screenshot="$(CURDIR)/docs/images/report-$${shot%%:*}.png" "file://$$dir/report/report.html" 2>/dev/null || exit 1; \
	done && \
	optipng -quiet -o5 docs/images/report-desktop.png docs/images/report-phone.png && ls -l docs/images/report-*.png

## The README's picture of report.docx (docs/images/report-word.png): its third page (a
## question's chart and table) as LibreOffice draws it headless, then optipng
## (apt-get install libreoffice-writer-nogui poppler-utils optipng).
screenshot-word: build
	@for p in libreoffice pdftoppm optipng; do command -v $$p >/dev/null || { echo "the screenshot needs $$p" >&2; exit 1; }; done
	@dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && \
	$(BIN_DEBUG) report questionnaires/$(EXAMPLE).yaml responses/$(EXAMPLE).csv --format docx --out "$$dir/report" && \
	timeout 120 libreoffice -env:UserInstallation=file://$$dir/profile --headless --convert-to pdf --outdir "$$dir" "$$dir/report/report.docx" >/dev/null && \
	mkdir -p docs/images && pdftoppm -r 80 -png -singlefile -f 3 -l 3 "$$dir/report.pdf" docs/images/report-word && \
	optipng -quiet -o5 docs/images/report-word.png && ls -l docs/images/report-word.png

## Times import, stats and report on 1,000,000 synthetic responses against libcsv, DuckDB and pandas
## (bench/run.py; BENCH_ARGS="--rows 100000" for a quick run; figures in BENCHMARKS.md).
bench: release
	python3 bench/run.py $(BENCH_ARGS)

## Fuzzing (docs/safety.md, "Fuzzing"): libFuzzer + AddressSanitizer builds of the Fuzz/ package,
## kept in .build-fuzz so that they never mix with .build. Each target starts from its committed
## seeds (Fuzz/Corpus/TARGET) and dictionary; what it learns and any crash go to FUZZ_OUT, never
## into the repository.
##   make fuzz                                   every target for FUZZ_SECONDS (default 60) each
##   make fuzz FUZZ_TARGET=condition FUZZ_SECONDS=1800
##   make fuzz FUZZ_TARGET=csv-import FUZZ_RUNS=10000000 FUZZ_SECONDS=0
##   make fuzz-regressions                       each committed crash input once, one process each
## A run stops at its first crash. FUZZ_FLAGS adds libFuzzer options: with
## "-fork=1 -ignore_crashes=1 -ignore_timeouts=1" it keeps going and collects every crash in
## FUZZ_OUT (each job restarts and reloads the corpus: csv-import runs ~4x slower that way).
## Shrink a finding with: ASAN_OPTIONS=malloc_context_size=5 SWIFT_BACKTRACE=enable=no \
##   .build-fuzz/debug/fuzz-TARGET -minimize_crash=1 -max_total_time=120 -exact_artifact_path=OUT CRASH_FILE
FUZZ_TARGETS := csv-import definition condition typed-answer
FUZZ_TARGET ?= $(FUZZ_TARGETS)
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= -1
FUZZ_OUT ?= $(or $(TMPDIR),/tmp)/survey-fuzz
FUZZ_FLAGS ?=
FUZZ_BIN := .build-fuzz/debug
# -O runs ~4x more inputs per second than the debug configuration's -Onone and keeps every
# overflow and precondition trap; FUZZ_OPT= gives -Onone for exact stack traces.
FUZZ_OPT ?= -Xswiftc -O
# Allocation stacks cut to 5 frames: recording 30 per malloc halves the speed under ASan.
FUZZ_ASAN_OPTIONS ?= malloc_context_size=5
# Swift's own crash backtracer reads memory ASan has poisoned and buries the real trap under a
# bogus "heap-buffer-overflow"; without it, libFuzzer prints the trap's stack itself.
FUZZ_ENV = ASAN_OPTIONS=$(FUZZ_ASAN_OPTIONS) SWIFT_BACKTRACE=enable=no
# Longest input per target: 64 KiB for expressions (30,000 nested parentheses take 60,000
# bytes), 16 KiB for files, 1 KiB for typed lines (a whole form is ~100 bytes; every line is
# read against 23 questions, so longer inputs only slow the search). Expressions also drop
# libFuzzer's slow length ramp (-len_control=0): depth is what breaks a recursive parser.
FUZZ_OPTIONS_condition := -max_len=65536 -len_control=0
FUZZ_OPTIONS_csv-import := -max_len=16384
FUZZ_OPTIONS_definition := -max_len=16384
FUZZ_OPTIONS_typed-answer := -max_len=1024

# `--sanitize fuzzer` tells SwiftPM that libFuzzer supplies `main` (otherwise a debug link
# asks for TARGET_main). Sanitizers themselves come as one -sanitize=fuzzer,address, last on
# every swiftc line: swiftc keeps only the last of several -sanitize flags, and SwiftPM's own
# `--sanitize fuzzer --sanitize address` passes two in no fixed order, so a build came out
# either blind (no coverage) or without ASan. -Xswiftc reaches every Swift module (Yams and the
# survey libraries, where the coverage has to be); -Xcc the C in Yams (libyaml).
fuzz-build: deps
	$(SWIFT) build --package-path Fuzz --scratch-path $(CURDIR)/.build-fuzz --sanitize fuzzer \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address $(FUZZ_OPT)

fuzz: fuzz-build
	@failed=""; for t in $(FUZZ_TARGET); do \
	  case " $(FUZZ_TARGETS) " in *" $$t "*) ;; *) echo "unknown FUZZ_TARGET $$t; targets: $(FUZZ_TARGETS)" >&2; exit 2;; esac; \
	  mkdir -p "$(FUZZ_OUT)/$$t/corpus" "$(FUZZ_OUT)/$$t/crashes"; \
	  echo "== fuzz-$$t: new inputs in $(FUZZ_OUT)/$$t/corpus, crashes in $(FUZZ_OUT)/$$t/crashes"; \
	  options=$$(case $$t in condition) echo "$(FUZZ_OPTIONS_condition)";; csv-import) echo "$(FUZZ_OPTIONS_csv-import)";; \
	    definition) echo "$(FUZZ_OPTIONS_definition)";; *) echo "$(FUZZ_OPTIONS_typed-answer)";; esac); \
	  $(FUZZ_ENV) $(FUZZ_BIN)/fuzz-$$t "$(FUZZ_OUT)/$$t/corpus" Fuzz/Corpus/$$t -dict=Fuzz/Dictionaries/$$t.dict \
	    -artifact_prefix="$(FUZZ_OUT)/$$t/crashes/" -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) \
	    $$options -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $(FUZZ_FLAGS) \
	  || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: findings in$$failed; inputs under $(FUZZ_OUT)/<target>/crashes" >&2; exit 1; fi

## Runs every input in Tests/Fixtures/fuzz-regressions/TARGET through its fuzzer, each in its own
## process, and lists the ones that still crash or time out.
fuzz-regressions: fuzz-build
	@failed=0; for t in $(FUZZ_TARGET); do \
	  for f in Tests/Fixtures/fuzz-regressions/$$t/*; do \
	    [ -f "$$f" ] || continue; \
	    if $(FUZZ_ENV) $(FUZZ_BIN)/fuzz-$$t -timeout=10 -rss_limit_mb=2048 "$$f" >/dev/null 2>&1; then echo "ok     $$f"; \
	    else echo "FAILED $$f"; failed=$$((failed + 1)); fi; \
	  done; \
	done; \
	if [ $$failed -gt 0 ]; then echo "$$failed regression input(s) still crash or time out" >&2; exit 1; fi

clean:
	rm -rf .build .build-fuzz
