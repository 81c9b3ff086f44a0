# runtask: `make serve` builds everything and starts the console; `make test` installs what the
# tests need (idempotently, from the registries only) and runs them all.
#
# Each part adds its own targets in mk/<part>.mk and appends to TEST_TARGETS.

SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo
TEST_TARGETS := test-rust check-generated test-target-dir
# Where cargo builds (honours CARGO_TARGET_DIR and a cargo config's build.target-dir).
TARGET_DIR := $(shell CARGO="$(CARGO)" scripts/target-dir)

include mk/tools.mk
-include mk/parts/*.mk

.PHONY: help test test-rust check-generated test-target-dir

help:
	@echo "make serve   build everything and start the console on http://127.0.0.1:$${PORT:-8080}"
	@echo "make test    install what the tests need, then run every test"

test: $(TEST_TARGETS)

test-rust:
	$(CARGO) test --workspace --locked
	$(CARGO) test --locked -p runtask-core --no-default-features --lib task_definition_rules

check-generated:
	python3 scripts/gen_model.py --check

# The Makefile and the build scripts find cargo's output wherever CARGO_TARGET_DIR puts it
# (paths only: nothing is built).
test-target-dir: tools-node
	tests/build/target-dir.sh
