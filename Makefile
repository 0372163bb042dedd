# kalshi4j — the two commands a new machine needs are `make demo` and `make test`.
MVN ?= mvn -B -ntp
SHELL := /bin/bash

.PHONY: help generate build test demo exchange export drift sync-spec ws-spec-check bench reliability clean clean-spec

help:
	@echo "make test        build everything and run all tests"
	@echo "make demo        run the demo session against the embedded local exchange"
	@echo "make exchange    run the local exchange standalone (PORT=8080, ARGS=\"--seed f.json --rate-limits\")"
	@echo "make export WHAT=markets STATUS=open FORMAT=arrow|csv OUT=markets.arrow   a list operation to a file, from"
	@echo "                 the local exchange, or from Kalshi with KALSHI_KEY_ID/KALSHI_API_BASE_URL/KALSHI_DEMO (or KALSHI=1)"
	@echo "make bench       run the benchmarks and write docs/BENCHMARKS.md (QUICK=1: under 5 minutes;"
	@echo "                 ONLY=rest,websocket-end-to-end,...: just those, into bench/target/bench-results)"
	@echo "make reliability the reliability group with a longer fuzz (SEEDS=20 MUTATIONS=12); writes docs/RELIABILITY.md"
	@echo "make generate    materialize + verify the pinned specs and generate the sources"
	@echo "make build       compile and install the jars (with sources and javadoc), skipping tests"
	@echo "make drift       compiled SDK vs every pinned spec (Trade and Perps APIs); non-zero on unexplained drift"
	@echo "                 (contract-tests/README.md)"
	@echo "make drift FROM=a.yaml TO=b.yaml   diff two spec files or URLs (TO alone: the pinned spec vs TO; MD=f.md also"
	@echo "                 writes the markdown summary; DOC=perps-openapi: which pinned document TO is compared with)"
	@echo "make sync-spec [SOURCE=dir|url]    bump every spec pin, regenerate, print the old->new drift summary"
	@echo "make ws-spec-check ASYNCAPI=file   in a scratch copy, generate the WebSocket side from that AsyncAPI and"
	@echo "                 compile overlay + testkit (no Java edit allowed; this tree and ~/.m2 stay untouched)"
	@echo "make clean       remove build output (spec/materialized stays: make clean-spec)"
	@echo "Building needs Java 17+, Maven 3.8+ and a JDK 22+ for the OpenSSL signer's classes and tests (the pom's"
	@echo "kalshi4j.ffmJdk, /usr/lib/jvm/temurin-25-jdk-amd64; elsewhere MVN=\"mvn -Dkalshi4j.ffmJdk=/path/to/jdk\")"

generate:
	$(MVN) -q -pl generated -am compile -Dquick

build:
	$(MVN) install -DskipTests

test:
	$(MVN) install

# Build output goes to a log shown only on failure, so the demo's own output stays readable.
demo:
	@echo "building kalshi4j (log: target/demo-build.log) ..."
	@mkdir -p target && $(MVN) -q install -DskipTests -Dquick -pl examples -am > target/demo-build.log 2>&1 \
		|| { cat target/demo-build.log; exit 1; }
	@$(MVN) -q -pl examples exec:java

PORT ?= 8080
exchange:
	@mkdir -p target && $(MVN) -q install -DskipTests -Dquick -pl testkit -am > target/exchange-build.log 2>&1 \
		|| { cat target/exchange-build.log; exit 1; }
	$(MVN) -q -pl testkit exec:java -Dexec.mainClass=io.github.kalshi4j.testkit.Main -Dexec.args="--port $(PORT) $(ARGS)"

# Tabular export (examples' ExportTable over kalshi4j-tabular): WHAT=markets|events|series|trades|orders|fills|
# settlements|historical-markets|historical-trades|historical-orders|historical-fills, STATUS (optional), FORMAT=arrow|csv,
# OUT (default WHAT.FORMAT). The local exchange unless Kalshi's usual variables are set. Arrow reads java.nio internals:
# the Maven JVM that runs it gets --add-opens.
WHAT ?= markets
FORMAT ?= arrow
OUT ?= $(WHAT).$(FORMAT)
export:
	@echo "building kalshi4j with the examples (log: target/export-build.log) ..."
	@mkdir -p target && $(MVN) -q install -DskipTests -Dquick -pl examples -am > target/export-build.log 2>&1 \
		|| { cat target/export-build.log; exit 1; }
	@MAVEN_OPTS="$$MAVEN_OPTS --add-opens=java.base/java.nio=ALL-UNNAMED" $(MVN) -q -pl examples exec:java \
	  -Dexec.mainClass=io.github.kalshi4j.examples.ExportTable \
	  -Dexec.args="$(WHAT) $(if $(STATUS),$(STATUS),-) $(FORMAT) $(abspath $(OUT))"

# Contract tools check this tree, never jars an earlier build left in the local repository: the reactor compiles
# contract-tests and everything it depends on (-am; -Dquick: no sources/javadoc jars; no tests) and writes the
# classpath it resolved, which points at the modules' target/classes; the tool then runs on that classpath.
CONTRACT_CP = contract-tests/target/contract-tool.classpath
CONTRACT_BUILD = $(MVN) -q -pl contract-tests -am compile dependency:build-classpath -Dquick -DskipTests \
	-Dmdep.includeScope=runtime -Dmdep.outputFile=target/contract-tool.classpath
CONTRACT_TOOL = java -Dkalshi4j.mvn="$(MVN)" -cp "contract-tests/target/classes:$$(cat $(CONTRACT_CP))"
REPORT ?= contract-tests/target/drift-report.json

drift:
	@$(CONTRACT_BUILD)
	$(CONTRACT_TOOL) io.github.kalshi4j.contract.DriftMain \
	  --root $(CURDIR) --json $(REPORT)$(if $(FROM), --from $(FROM))$(if $(TO), --to $(TO))$(if $(MD), --markdown $(MD))$(if $(DOC), --document $(DOC))

sync-spec:
	@$(CONTRACT_BUILD)
	$(CONTRACT_TOOL) io.github.kalshi4j.contract.SyncSpecMain --root $(CURDIR)$(if $(SOURCE), --source $(SOURCE))

ws-spec-check:
	@test -n "$(ASYNCAPI)" || { echo "usage: make ws-spec-check ASYNCAPI=path/to/asyncapi.yaml"; exit 2; }
	@$(CONTRACT_BUILD)
	$(CONTRACT_TOOL) io.github.kalshi4j.contract.WsSpecCheckMain --root $(CURDIR) --asyncapi $(ASYNCAPI)

# Reliability (integration-tests, @Tag("reliability")): `make test` runs the group at a small scale; this runs it
# with more seeds and mutations and writes docs/RELIABILITY.md from the figures the tests leave in
# integration-tests/target/reliability. Non-zero if any "must be 0" figure is not.
SEEDS ?= 20
MUTATIONS ?= 12
reliability:
	@echo "building kalshi4j (log: target/reliability-build.log) ..."
	@mkdir -p target && $(MVN) -q install -DskipTests -Dquick -pl integration-tests -am > target/reliability-build.log 2>&1 \
		|| { cat target/reliability-build.log; exit 1; }
	rm -rf integration-tests/target/reliability
	$(MVN) -pl integration-tests test -Dquick -Dgroups=reliability \
	  -Dkalshi4j.reliability.seeds=$(SEEDS) -Dkalshi4j.reliability.mutations=$(MUTATIONS)
	java -cp integration-tests/target/test-classes io.github.kalshi4j.it.reliability.ReliabilityReport \
	  integration-tests/target/reliability docs/RELIABILITY.md "$$(git rev-parse --short HEAD)"

# Benchmarks (bench/): builds the reactor with the bench module, installs the pinned TypeScript SDK into the
# git-ignored bench/node/node_modules, runs every measurement and writes docs/BENCHMARKS.md from the numbers.
# QUICK=1 runs the same measurements with fewer, shorter rounds. `make test` never runs a benchmark.
BENCH_CP := bench/target/classes:bench/target/lib/*
bench:
	@echo "building kalshi4j with the bench module (log: target/bench-build.log) ..."
	@mkdir -p target && $(MVN) -q install -DskipTests -Dquick -pl bench -am > target/bench-build.log 2>&1 \
		|| { cat target/bench-build.log; exit 1; }
	@echo "installing the pinned TypeScript SDK into bench/node/node_modules ..."
	@cd bench/node && npm ci --no-audit --no-fund --loglevel=error
	java -cp "$(BENCH_CP)" io.github.kalshi4j.bench.BenchRunner $(if $(filter 1 yes true,$(QUICK)),--quick)$(if $(ONLY), --only $(ONLY))

clean:
	$(MVN) -q clean

clean-spec:
	rm -rf spec/materialized
