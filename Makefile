# The README's commands. Each does the whole set-up first (tools/suite.py), idempotently.
PYTHON ?= python3
# make test TESTS="business_deadline/tests/test_calendar.py" runs a subset of the tests
TESTS ?=

.PHONY: run test bench lint setup

run:
	$(PYTHON) tools/suite.py run

test:
	$(PYTHON) tools/suite.py test $(TESTS)

bench:
	$(PYTHON) tools/suite.py bench

lint:
	$(PYTHON) tools/suite.py lint

setup:
	$(PYTHON) tools/suite.py setup
