# runtask-live (live/): the pre-flight against the AWS account. Its tests run in `cargo test
# --workspace` (test-rust) against moto's server from .tools/venv (tools-python, see proxy.mk).

.PHONY: test-live

# The live crate's tests alone (moto), and runtask-lint's --live tests.
test-live: tools-python
	$(CARGO) test --locked -p runtask-live -p runtask-lint
