# runtask: `make serve` builds everything and starts the console; `make test` installs what the
# tests need (idempotently, from the registries only) and runs them all.

SHELL := /bin/bash
CARGO ?= cargo

.PHONY: test test-rust check-generated

test: test-rust check-generated

test-rust:
	$(CARGO) test --workspace --locked

check-generated:
	python3 scripts/gen_model.py --check
