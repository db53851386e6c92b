# survey — build, test, render the bundled example.
# `make report` and `make test` work on a fresh Debian machine as root: system packages
# are installed with apt-get when missing.

SWIFT ?= swift
APT_PACKAGES := libcsv-dev libstemmer-dev libedit-dev
EXAMPLE := seminar-feedback
BIN_DEBUG := .build/debug/survey
BIN_RELEASE := .build/release/survey

.PHONY: deps build release test report bench clean

## Installs the Debian packages the build links against, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product survey

test: deps
	$(SWIFT) build --build-tests
	SURVEY_BIN=$(CURDIR)/$(BIN_DEBUG) $(SWIFT) test --skip-build

## Renders the bundled example into reports/.
report: release
	$(BIN_RELEASE) check questionnaires/$(EXAMPLE).yaml
	$(BIN_RELEASE) report questionnaires/$(EXAMPLE).yaml responses/$(EXAMPLE).csv --out reports/$(EXAMPLE)

## Times import, stats and report on 1,000,000 synthetic responses against libcsv, DuckDB and pandas
## (bench/run.py; BENCH_ARGS="--rows 100000" for a quick run; figures in BENCHMARKS.md).
bench: release
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build
