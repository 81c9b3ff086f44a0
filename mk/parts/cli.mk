# runtask-lint: the pre-commit integration tests (cargo's and the wheel's), the editor server
# driven by a real LSP client, and the Python wheel (the CLI's own tests run with `cargo test`).

TEST_TARGETS += test-pre-commit test-lsp

.PHONY: test-pre-commit test-lsp lint wheel

# Where cargo puts what it builds (CARGO_TARGET_DIR or build.target-dir honoured).
CLI_TARGET_DIR = $(shell $(CARGO) metadata --format-version 1 --no-deps --locked | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

test-pre-commit: tools-python
	tests/pre-commit/try-repo.sh

# `runtask-lint server` over stdio, driven by vscode-languageserver-protocol (tests/node_modules).
test-lsp: tools-node
	$(CARGO) build --locked -q -p runtask-lint
	RUNTASK_LINT="$(CLI_TARGET_DIR)/debug/runtask-lint" node --test tests/lsp/

# The release binary.
lint:
	$(CARGO) build --release --locked -p runtask-lint
