# mfer — see README.md. Every target installs the npm dependencies first when they are missing.
SHELL := /bin/bash
NPM_STAMP := node_modules/.package-lock.json
JEST := NODE_OPTIONS=--experimental-vm-modules node_modules/.bin/jest

.PHONY: annual test typecheck unit e2e bench fuzz sample clean install browser build highs-hints

# The TypeScript compiled to JavaScript beside each source (tsc, no type check: `make typecheck`
# does that), run by bin/mfer.js when up to date, so that a run does not go through tsx's loader.
TS_SOURCES := $(shell find src pipelines -name '*.ts')
BUILD_STAMP := .build-stamp

annual: $(NPM_STAMP) build
	node bin/mfer.js annual

build: $(BUILD_STAMP)

$(BUILD_STAMP): $(NPM_STAMP) tsconfig.json tsconfig.build.json $(TS_SOURCES)
	node_modules/.bin/tsc -p tsconfig.build.json
	@touch $@

test: $(NPM_STAMP) browser typecheck unit e2e

typecheck: $(NPM_STAMP)
	node_modules/.bin/tsc --noEmit

# unit: the fast tests (every folder of tests/ but e2e/), on both cores (jest's default leaves one
# idle); e2e: what runs the whole pipeline, the whole sample, a browser, LibreOffice or large LPs
unit: $(NPM_STAMP)
	$(JEST) --maxWorkers=2 --testPathIgnorePatterns '/tests/e2e/'

e2e: $(NPM_STAMP)
	$(JEST) tests/e2e

bench: $(NPM_STAMP) build
	node_modules/.bin/tsx bench/run.ts
	node_modules/.bin/tsx bench/suivi.ts

# random tables through the protection engine, checked by the tests' independent LP attacker
SEEDS ?= 300
fuzz: $(NPM_STAMP)
	node_modules/.bin/tsx bench/fuzz-protect.ts $(SEEDS)

# which of HiGHS's functions V8 compiles when the solver loads (src/runtime/highs-hints.json): remake
# after upgrading the highs package or Node, on the benchmark machine
highs-hints: $(NPM_STAMP)
	node_modules/.bin/tsx scripts/highs-hints.ts

sample: $(NPM_STAMP) build
	node bin/mfer.js sample

install: $(NPM_STAMP)

# A checkout or a merge rewrites package.json and package-lock.json with a new date and the same
# content: npm ci then runs again for nothing before every target. The lock file installed is kept
# beside the install, and an unchanged one only dates the stamp.
NPM_LOCK_COPY := node_modules/.mfer-package-lock.json
$(NPM_STAMP): package.json package-lock.json
	@if [ -f $@ ] && cmp -s package-lock.json $(NPM_LOCK_COPY); then touch $@; \
	else npm ci --no-audit --no-fund && cp package-lock.json $(NPM_LOCK_COPY); fi

# Debian's chromium for the browser tests (never a browser download of playwright's own) and LibreOffice Calc for the workbook conversion test.
browser:
	@bash scripts/ensure-chromium.sh
	@bash scripts/ensure-libreoffice.sh

clean:
	rm -rf data-out reports .data-out.mfer-gen test-artifacts $(BUILD_STAMP)
	find src pipelines -name '*.js' -delete
