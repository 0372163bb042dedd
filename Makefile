# kalshi4j — the two commands a new machine needs are `make demo` and `make test`.
MVN ?= mvn -B -ntp
SHELL := /bin/bash

.PHONY: help generate build test demo exchange drift sync-spec bench clean clean-spec

help:
	@echo "make test        build everything and run all tests"
	@echo "make demo        run the demo session against the embedded local exchange"
	@echo "make generate    materialize + verify the pinned specs and generate the sources"
	@echo "make build       compile and install the jars (with sources and javadoc), skipping tests"
	@echo "make drift       compiled SDK vs the pinned specs; non-zero on unexplained drift (contract-tests/README.md)"
	@echo "make drift FROM=a.yaml TO=b.yaml   diff two spec files or URLs (TO alone: the pinned spec vs TO)"
	@echo "make sync-spec [SOURCE=dir|url]    bump the spec pin, regenerate, print the old->new drift summary"
	@echo "make clean       remove build output (spec/materialized stays: make clean-spec)"

generate:
	$(MVN) -q -pl generated -am compile -Dquick

build:
	$(MVN) install -DskipTests

test:
	$(MVN) install

demo:
	@echo "make demo needs the local exchange (testkit), which has not landed yet." >&2
	@exit 2

# Contract tools run from contract-tests' classes against the installed SDK jars (after `mvn install -DskipTests`).
CONTRACT_TOOL = $(MVN) -q -pl contract-tests compile exec:java -Dexec.cleanupDaemonThreads=false
REPORT ?= contract-tests/target/drift-report.json

drift:
	$(CONTRACT_TOOL) -Dexec.mainClass=io.github.kalshi4j.contract.DriftMain \
	  -Dexec.args="--root $(CURDIR) --json $(REPORT)$(if $(FROM), --from $(FROM))$(if $(TO), --to $(TO))"

sync-spec:
	$(CONTRACT_TOOL) -Dexec.mainClass=io.github.kalshi4j.contract.SyncSpecMain \
	  -Dexec.args="--root $(CURDIR)$(if $(SOURCE), --source $(SOURCE))"

clean:
	$(MVN) -q clean

clean-spec:
	rm -rf spec/materialized
