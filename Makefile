# mfer — see README.md. Every target installs the npm dependencies first when they are missing.
SHELL := /bin/bash
NPM_STAMP := node_modules/.package-lock.json
JEST := NODE_OPTIONS=--experimental-vm-modules node_modules/.bin/jest

.PHONY: annual test typecheck unit bench sample clean install browser

annual: $(NPM_STAMP)
	node bin/mfer.js annual

test: $(NPM_STAMP) browser typecheck unit

typecheck: $(NPM_STAMP)
	node_modules/.bin/tsc --noEmit

unit: $(NPM_STAMP)
	$(JEST)

bench: $(NPM_STAMP)
	node_modules/.bin/tsx bench/run.ts

sample: $(NPM_STAMP)
	node bin/mfer.js sample

install: $(NPM_STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund

# Debian's chromium for the browser tests (never a browser download of playwright's own).
browser:
	@bash scripts/ensure-chromium.sh

clean:
	rm -rf data-out reports test-artifacts
