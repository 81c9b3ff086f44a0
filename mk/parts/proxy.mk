# runtask-proxy (proxy/). Its tests run in `cargo test --workspace` (test-rust); the integration
# tests start moto's server from .tools/venv, so test-rust needs tools-python first.

.PHONY: proxy test-proxy bench-proxy

test-rust: tools-python

# The release binary: runtask-proxy in cargo's target directory (`$(TARGET_DIR)/release`).
proxy:
	$(CARGO) build --release --locked -p runtask-proxy

# The proxy's tests alone (unit, moto integration, faults, security, leaks, load).
test-proxy: tools-python
	$(CARGO) test --locked -p runtask-proxy

# The latency the proxy adds against calling a trivial upstream directly (p50/p90/p99).
bench-proxy:
	$(CARGO) bench --locked -p runtask-proxy --bench latency
