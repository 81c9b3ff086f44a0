# runtask-lint: the pre-commit integration tests (cargo's and the wheel's), the editor server
# driven by a real LSP client, and the Python wheel (the CLI's own tests run with `cargo test`).

TEST_TARGETS += test-pre-commit test-wheel test-lsp

.PHONY: test-pre-commit test-wheel test-lsp lint wheel

test-pre-commit: tools-python
	tests/pre-commit/try-repo.sh

# The wheel: built by maturin, installed with pip in a fresh venv, used by a `language: python`
# pre-commit hook with no cargo on PATH.
test-wheel: tools-python
	tests/pre-commit/wheel.sh

# `runtask-lint server` over stdio, driven by vscode-languageserver-protocol (tests/node_modules).
test-lsp: tools-node
	$(CARGO) build --locked -q -p runtask-lint
	RUNTASK_LINT="$(TARGET_DIR)/debug/runtask-lint" node --test tests/lsp/

# The release binary: runtask-lint in cargo's target directory (`$(TARGET_DIR)/release`).
lint:
	$(CARGO) build --release --locked -p runtask-lint

# The Python wheel for PyPI (release build): $(TARGET_DIR)/wheels/runtask_lint-*.whl.
wheel: tools-python
	$(VENV)/bin/maturin build --release --locked -m cli/Cargo.toml
