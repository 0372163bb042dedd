# kalshi4j — the two commands a new machine needs are `make demo` and `make test`.
MVN ?= mvn -B -ntp
SHELL := /bin/bash

.PHONY: help generate build test demo exchange drift sync-spec bench clean clean-spec

help:
	@echo "make test        build everything and run all tests"
	@echo "make demo        run the demo session against the embedded local exchange"
	@echo "make generate    materialize + verify the pinned specs and generate the sources"
	@echo "make build       compile and install the jars (with sources and javadoc), skipping tests"
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

clean:
	$(MVN) -q clean

clean-spec:
	rm -rf spec/materialized
