# runtask-lint: the pre-commit integration tests (cargo's and the wheel's), the editor server
# driven by a real LSP client, and the Python wheel (the CLI's own tests run with `cargo test`).

TEST_TARGETS += test-pre-commit test-wheel test-lsp

.PHONY: test-pre-commit test-wheel test-lsp lint wheel

# Where cargo puts what it builds (CARGO_TARGET_DIR or build.target-dir honoured).
CLI_TARGET_DIR = $(shell $(CARGO) metadata --format-version 1 --no-deps --locked | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

test-pre-commit: tools-python
	tests/pre-commit/try-repo.sh

# The wheel: built by maturin, installed with pip in a fresh venv, used by a `language: python`
# pre-commit hook with no cargo on PATH.
test-wheel: tools-python
	tests/pre-commit/wheel.sh

# `runtask-lint server` over stdio, driven by vscode-languageserver-protocol (tests/node_modules).
test-lsp: tools-node
	$(CARGO) build --locked -q -p runtask-lint
	RUNTASK_LINT="$(CLI_TARGET_DIR)/debug/runtask-lint" node --test tests/lsp/

# The release binary.
lint:
	$(CARGO) build --release --locked -p runtask-lint

# The Python wheel for PyPI (release build): $(CLI_TARGET_DIR)/wheels/runtask_lint-*.whl.
wheel: tools-python
	$(VENV)/bin/maturin build --release --locked -m cli/Cargo.toml
