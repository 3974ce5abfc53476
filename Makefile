# geokg: build, test and demo. `make help` lists the targets.

GO ?= go
BIN := bin/geokg
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.DEFAULT_GOAL := build

.PHONY: help build test bench bench-scale reliability demo neo4j-start neo4j-stop neo4j-status clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

build: ## build bin/geokg
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/geokg

# Tests and benchmarks that need Neo4j use NEO4J_TEST_URI when set;
# otherwise this starts a test server of their own (internal/neo4jtest's:
# .neo4j-test/, Bolt on 17687, not the demo's server, whose data the tests
# would delete) and stops it at the end if it was not already running. With
# CI=true a server that cannot start fails the run instead of skipping those
# tests.
test_neo4j := env -u NEO4J_PASSWORD NEO4J_LOCAL_HOME=$${NEO4J_TEST_HOME:-$(CURDIR)/.neo4j-test} \
	NEO4J_BOLT_PORT=$${NEO4J_TEST_BOLT_PORT:-17687} NEO4J_HTTP_PORT=$${NEO4J_TEST_HTTP_PORT:-17474} scripts/neo4j-local
define with_neo4j
if [[ -z $${NEO4J_TEST_URI:-} ]] && ! $(test_neo4j) status >/dev/null; then
	if command -v java >/dev/null || [[ $${CI:-} == true ]]; then
		trap '$(test_neo4j) stop' EXIT; trap 'exit 130' INT TERM
		$(test_neo4j) start
	else
		echo "Java not found: tests that need Neo4j will be skipped (install Java 17 and Maven to run them)" >&2
	fi
fi
endef

test: ## go vet, gofmt check and all tests, against a real Neo4j
	@echo "+ go mod download"; $(GO) mod download
	echo "+ go vet ./..."; $(GO) vet ./...
	echo "+ gofmt -l ."; unformatted=$$(gofmt -l .)
	if [[ -n $$unformatted ]]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(with_neo4j)
	echo "+ go test ./..."; $(GO) test -timeout 45m ./...

bench: ## run the benchmarks (speed and memory figures), against a real Neo4j
	@$(with_neo4j)
	echo "+ go test -bench . ./..."; $(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./...

# bench-scale needs no test server: it runs two Neo4j servers of its own,
# with BENCH_HEAP heap and BENCH_PAGECACHE page cache, state in
# .bench-scale/ (Bolt on 17724 and 17734 unless BENCH_LOAD_PORTS and
# BENCH_BULK_PORTS say otherwise). BENCH_SIZES=10000,100000,1000000 adds
# the million-article run (hours, and about 30 GB of disk).
bench-scale: build ## loading at 10k and 100k articles against neo4j-admin import (long; docs/loading.md)
	$(GO) run ./internal/benchscale -sizes $${BENCH_SIZES:-10000,100000} -heap $${BENCH_HEAP:-3g} -pagecache $${BENCH_PAGECACHE:-4g} \
		-load-ports $${BENCH_LOAD_PORTS:-17724,17494} -bulk-ports $${BENCH_BULK_PORTS:-17734,17504} -out .bench-scale/table.md

reliability: ## kill, interrupt, stop, restart and run imports at once, each graph compared with a clean run's (a Neo4j of its own; docs/reliability.md)
	scripts/reliability

demo: ## start Neo4j, load the sample articles, run a few canned queries
	scripts/demo

neo4j-start: ## start the local Neo4j (scripts/neo4j-local)
	scripts/neo4j-local start

neo4j-stop: ## stop the local Neo4j
	scripts/neo4j-local stop

neo4j-status: ## is the local Neo4j running?
	scripts/neo4j-local status

clean: ## remove build output (not Neo4j's data: scripts/neo4j-local reset)
	rm -rf bin
