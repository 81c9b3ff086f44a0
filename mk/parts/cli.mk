# runtask-lint: the pre-commit integration test (the CLI's own tests run with `cargo test`).

TEST_TARGETS += test-pre-commit

.PHONY: test-pre-commit lint

test-pre-commit: tools-python
	tests/pre-commit/try-repo.sh

# The release binary: runtask-lint in cargo's target directory (`$(TARGET_DIR)/release`).
lint:
	$(CARGO) build --release --locked -p runtask-lint
