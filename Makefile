# survey — build, test, render the bundled example.
# `make report` and `make test` work on a fresh Debian machine as root: system packages
# are installed with apt-get when missing.

SWIFT ?= swift
APT_PACKAGES := libcsv-dev libstemmer-dev libedit-dev
# Programs the tests drive (Debian package = command): tmux for the terminal form's end-to-end
# tests, chromium for opening report.html in a browser. Tests that need one skip without it.
TEST_TOOLS := tmux chromium
EXAMPLE := seminar-feedback
BIN_DEBUG := .build/debug/survey
BIN_RELEASE := .build/release/survey

.PHONY: deps test-tools build release test report screenshots bench clean

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
	@updated=""; for p in $(TEST_TOOLS); do \
	  command -v $$p >/dev/null 2>&1 && continue; \
	  echo "Installing $$p for the tests"; \
	  if [ -z "$$updated" ]; then apt-get update -qq || true; updated=1; fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$p >/dev/null \
	    || echo "note: could not install $$p (apt-get install $$p); the tests that need it will be skipped"; \
	done

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product survey

test: deps test-tools
	$(SWIFT) build --build-tests
	SURVEY_BIN=$(CURDIR)/$(BIN_DEBUG) $(SWIFT) test --skip-build

## Renders the bundled example into reports/.
report: release
	$(BIN_RELEASE) check questionnaires/$(EXAMPLE).yaml
	$(BIN_RELEASE) report questionnaires/$(EXAMPLE).yaml responses/$(EXAMPLE).csv --out reports/$(EXAMPLE)

## Re-takes the README's screenshots of the example report (docs/images/report-{desktop,phone}.png):
## headless Chromium at 1000 and 400 px wide, then optipng (apt-get install chromium optipng).
screenshots: build
	@for p in chromium optipng; do command -v $$p >/dev/null || { echo "screenshots need $$p: apt-get install $$p" >&2; exit 1; }; done
	@dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && \
	$(BIN_DEBUG) report questionnaires/$(EXAMPLE).yaml responses/$(EXAMPLE).csv --out "$$dir/report" && \
	mkdir -p docs/images && \
	for shot in desktop:1000,1800 phone:400,1400; do \
	  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$$dir/profile" \
	    --window-size=$${shot#*:} --screenshot="$(CURDIR)/docs/images/report-$${shot%%:*}.png" "file://$$dir/report/report.html" 2>/dev/null || exit 1; \
	done && \
	optipng -quiet -o5 docs/images/report-desktop.png docs/images/report-phone.png && ls -l docs/images/report-*.png

## Times import, stats and report on 1,000,000 synthetic responses against libcsv, DuckDB and pandas
## (bench/run.py; BENCH_ARGS="--rows 100000" for a quick run; figures in BENCHMARKS.md).
bench: release
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build
