# Ouderstem: `make demo` runs the whole job on demo data; `make test` runs the tests.
# Both install what they need on a fresh Debian machine (run as root, or with sudo available).

SWIFT ?= swift
BIN := .build/debug/ouderstem
DEMO := demo
DB := $(DEMO)/ouderstem.sqlite
SURVEY := Surveys/behoeften-ouders.yaml
APT_PACKAGES := libxlsxwriter-dev libqrencode-dev libsqlite3-dev libglpk-dev pkg-config unzip
# The real-browser tests (Tests/browser): Debian's Chromium and its driver, Selenium and pytest from PyPI;
# poppler-utils, zbar-tools and librsvg2-bin read back printed letters and forms (page counts, QR codes).
BROWSER_APT_PACKAGES := chromium chromium-driver python3-venv poppler-utils zbar-tools librsvg2-bin
BROWSER_VENV := .venv-browser
# deploy/check.sh: nginx -t and nginx for real in front of two instances (a self-signed certificate from openssl).
DEPLOY_APT_PACKAGES := nginx openssl curl
# The PostgreSQL tests: Debian's PostgreSQL, run as a throw-away cluster by scripts/postgres-cluster.sh.
POSTGRES_APT_PACKAGES := postgresql

.PHONY: setup setup-browser setup-deploy setup-postgres postgres postgres-stop build demo demo-data test test-browser test-deploy bench clean-demo

# System libraries, installed only when missing.
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# What the browser tests need, installed only when missing (not for `make demo`: Chromium is large).
setup-browser:
	@missing=""; for p in $(BROWSER_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@if ! $(BROWSER_VENV)/bin/python -c "import selenium, pytest" 2>/dev/null; then \
		echo "Installing selenium and pytest into $(BROWSER_VENV)/"; \
		python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q selenium pytest; \
	fi
	@# axe-core 4.x for the accessibility checks: the axe.min.js inside the axe-playwright-python wheel.
	@if [ ! -f $(BROWSER_VENV)/axe/axe.min.js ]; then \
		echo "Fetching axe-core (axe-playwright-python wheel) into $(BROWSER_VENV)/axe/"; \
		mkdir -p $(BROWSER_VENV)/axe && $(BROWSER_VENV)/bin/pip download -q --no-deps axe-playwright-python -d $(BROWSER_VENV)/axe && \
		unzip -o -j -q $(BROWSER_VENV)/axe/axe_playwright_python-*.whl 'axe_playwright_python/axe.min.js' -d $(BROWSER_VENV)/axe; \
	fi

# Installs the Debian packages $(1) that are missing, starting none of their services: the tests need the
# programs (nginx, PostgreSQL's initdb and pg_ctl), not a web server on port 80 or Debian's own cluster. Where
# no policy-rc.d exists (a container without systemd), a temporary one (exit 101, Debian's way to say "do
# not start services") keeps the packages' postinst from starting them or failing when it cannot.
define apt_install_without_services
missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
if [ -n "$$missing" ]; then \
	echo "Installing:$$missing"; \
	SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); policy=/usr/sbin/policy-rc.d; made=""; \
	if [ ! -e $$policy ] && [ ! -d /run/systemd/system ]; then \
		printf '#!/bin/sh\nexit 101\n' | $$SUDO tee $$policy >/dev/null && $$SUDO chmod +x $$policy && made=1; \
	fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; status=$$?; \
	if [ -n "$$made" ]; then $$SUDO rm -f $$policy; fi; \
	exit $$status; \
fi
endef

# nginx for deploy/check.sh, installed only when missing.
setup-deploy:
	@$(call apt_install_without_services,$(DEPLOY_APT_PACKAGES))

# PostgreSQL for the PostgreSQL tests, installed only when missing (scripts/postgres-cluster.sh runs it).
setup-postgres:
	@$(call apt_install_without_services,$(POSTGRES_APT_PACKAGES))

# A throw-away PostgreSQL cluster for running the PostgreSQL tests by hand: prints the URL to export as
# OUDERSTEM_TEST_POSTGRES. `make postgres-stop` stops it and deletes its folder.
postgres: setup-postgres
	@scripts/postgres-cluster.sh start

postgres-stop:
	@scripts/postgres-cluster.sh stop

build: setup
	$(SWIFT) build --product ouderstem

# The main job: check the shipped surveys, then (only when there is no demo database yet) run a peiling on
# the demo roster of 30 families; then status, invitations, paper form and both reports.
demo: build
	$(BIN) survey validate Surveys/*.yaml
	@if [ ! -f $(DB) ]; then $(MAKE) --no-print-directory demo-data; else echo "Using the existing $(DB) (make clean-demo to start over)."; fi
	$(BIN) status --db $(DB)
	$(BIN) report --db $(DB) --out Reports
	@echo "Open Reports/ for the workbook, the text summary, the invitations and the paper form."
	@echo "To see the forms: $(BIN) staff add juf --db $(DB) && $(BIN) serve --db $(DB), then http://localhost:8080"

demo-data:
	mkdir -p $(DEMO)
	$(BIN) init --db $(DB) --survey $(SURVEY) --name "Groep 5 demo"
	$(BIN) roster import --db $(DB) Surveys/demo/roster-groep5.csv
	$(BIN) sample --db $(DB) --size 8 --seed 2026 --reserve 4
	$(BIN) invite --db $(DB) --base-url http://localhost:8080 --out Reports/uitnodigingen
	$(BIN) survey print --db $(DB) --out Reports/vragenlijst-papier.html
	$(BIN) enter --db $(DB) --respondent L04 --method paper_home --entered-by demo < Surveys/demo/entry-paper.txt > $(DEMO)/entry-paper.log && tail -n 1 $(DEMO)/entry-paper.log
	$(BIN) enter --db $(DB) --respondent L07 --method oral_interpreter --language ar --interpreter professional --entered-by demo < Surveys/demo/entry-interpreter.txt > $(DEMO)/entry-interpreter.log && tail -n 1 $(DEMO)/entry-interpreter.log
	$(BIN) enter --db $(DB) --respondent L19 --method at_school_conversation --entered-by demo < Surveys/demo/entry-conversation.txt > $(DEMO)/entry-conversation.log && tail -n 1 $(DEMO)/entry-conversation.log
	$(BIN) demo simulate --db $(DB) --count 19 --seed 7

clean-demo:
	rm -rf $(DEMO)

# The Swift tests and deploy/check.sh each run against a throw-away PostgreSQL cluster of their own (stopped
# afterwards, also when a test fails); OUDERSTEM_REQUIRE_POSTGRES=1 makes the PostgreSQL tests and the
# PostgreSQL backup and restore of deploy/check.sh fail, not skip, without it.
test: setup setup-browser setup-deploy setup-postgres
	$(SWIFT) build --build-tests
	OUDERSTEM_REQUIRE_POSTGRES=1 scripts/postgres-cluster.sh run $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory test-browser
	OUDERSTEM_REQUIRE_POSTGRES=1 scripts/postgres-cluster.sh run $(MAKE) --no-print-directory test-deploy

# The files in deploy/: nginx -t, nginx in front of two instances, systemd-analyze verify, the backup script;
# its backup and restore on PostgreSQL only with OUDERSTEM_TEST_POSTGRES set (as `make test` sets it).
test-deploy:
	deploy/check.sh

# The kiosk in a real headless Chromium against the real binary (built by `swift build --build-tests`).
test-browser:
	$(BROWSER_VENV)/bin/python -m pytest Tests/browser

bench: setup
	Benchmarks/report/run.sh
	Benchmarks/load/run.sh
