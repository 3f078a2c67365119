# Lynchpin: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := lynchpin/samples/the-night-ferry.fountain
PRODUCTION := lynchpin/samples/the-night-ferry.production.toml
BUDGET := lynchpin/samples/the-night-ferry.budget.toml
LEDGER := lynchpin/samples/the-night-ferry.ledger.toml
PAYROLL := lynchpin/samples/the-night-ferry.payroll.toml
OUT := out/demo
# Extra options of `lynchpin demo` (CI: --port, to check the office answers there).
DEMO_ARGS ?=

.PHONY: demo test lint bench install clean

$(STAMP): pyproject.toml setup.py lynchpin/engine/scheduling/talent_compiled.pyx
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/lynchpin breakdown $(SAMPLE)
	$(BIN)/lynchpin breakdown $(SAMPLE) --format json --out $(OUT)/breakdown.json
	$(BIN)/lynchpin breakdown $(SAMPLE) --format csv --out $(OUT)/breakdown.csv
	$(BIN)/lynchpin breakdown $(SAMPLE) --format xlsx --out $(OUT)/breakdown.xlsx
	$(BIN)/lynchpin breakdown $(SAMPLE) --format pdf --out $(OUT)/breakdown.pdf
	$(BIN)/lynchpin schedule plan $(SAMPLE) --production $(PRODUCTION) --time-limit 20 --out $(OUT)/schedule
	$(BIN)/lynchpin price-budget $(BUDGET) --schedule $(OUT)/schedule/schedule.json --production $(PRODUCTION) --script $(SAMPLE) --out $(OUT)/budget.toml
	$(BIN)/lynchpin budget show $(OUT)/budget.toml
	$(BIN)/lynchpin costreport $(OUT)/budget.toml $(LEDGER)
	$(BIN)/lynchpin costreport $(OUT)/budget.toml $(LEDGER) --format pdf --out $(OUT)/costreport.pdf
	$(BIN)/lynchpin costreport $(OUT)/budget.toml $(LEDGER) --format xlsx --out $(OUT)/costreport.xlsx
	$(BIN)/lynchpin payroll timecard $(PAYROLL)
	$(BIN)/lynchpin payroll timecard $(PAYROLL) --json --out $(OUT)/payroll.json
	$(BIN)/lynchpin payroll plan $(PAYROLL)
	@echo
	@echo "Breakdown of $(SAMPLE) written to $(OUT)/: breakdown.json, .csv, .xlsx, .pdf"
	@echo "Schedule written to $(OUT)/schedule/: schedule.json, stripboard.pdf, oneliner.pdf,"
	@echo "  shooting-schedule.pdf, dood.xlsx, dood.pdf, schedule.ics"
	@echo "Budget $(BUDGET) priced from the schedule: $(OUT)/budget.toml"
	@echo "Cost report of $(LEDGER) written to $(OUT)/: costreport.pdf, costreport.xlsx"
	@echo "A week of timecards of $(PAYROLL) priced: $(OUT)/payroll.json"
	@echo
	$(BIN)/lynchpin demo $(DEMO_ARGS)

test: $(STAMP)
	$(BIN)/pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff check lynchpin tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
