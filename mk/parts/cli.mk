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

# runtask-lint end to end over 10,000 request files (criterion): one thread and every core, and
# check-jsonschema with runtask's schema on 2,000 of them. `make bench` runs it too. The binary is
# the offline one (no `live` feature: its AWS stack would only lengthen the build).
.PHONY: bench-cli
bench: bench-cli
bench-cli: tools-python
	$(CARGO) bench --locked -p runtask-lint --no-default-features --bench many_files
