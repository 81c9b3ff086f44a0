# runtask-live (live/): the pre-flight against the AWS account. Its tests run in `cargo test
# --workspace` (test-rust) against moto's server from .tools/venv (tools-python, see proxy.mk).

.PHONY: test-live

# The live crate's tests alone (moto), runtask-lint's --live tests, and the proxy's
# /api/preflight, launch pre-flight and pickers (proxy/tests/live.rs).
test-live: tools-python
	$(CARGO) test --locked -p runtask-live -p runtask-lint
	$(CARGO) test --locked -p runtask-proxy --test live
