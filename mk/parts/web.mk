# The console (web/): `make web` builds it with Trunk into dist/, `make serve` starts
# runtask-proxy serving it, `make test-web` runs the browser tests against the real proxy.
# See web/README.md.

TEST_TARGETS += test-web
PORT ?= 8080
WEB_CARGO_PROFILE := wasm-release
# Built by `proxy` (mk/parts/proxy.mk), in cargo's target directory.
PROXY_BIN := $(TARGET_DIR)/release/runtask-proxy

.PHONY: web serve test-web web-size bench-web

# Release build, wasm-opt -Oz (wasm-opt is npm binaryen's, on PATH from tests/node_modules).
# Trunk's post_build hook (Trunk.toml) builds the dialect reader into dist/extract/
# (scripts/build-extract.sh).
web: tools-wasm tools-wasm-bindgen tools-trunk tools-node
	$(CARGO) fetch --locked
	trunk build --release --cargo-profile $(WEB_CARGO_PROFILE)

# A dry run unless AWS credentials are configured (the proxy decides and says so in the console).
serve: web proxy
	@echo
	@echo "runtask console: http://127.0.0.1:$(PORT)/"
	@echo
	$(PROXY_BIN) --listen 127.0.0.1:$(PORT) --static-dir dist

test-web: web proxy tools-chromium tools-node tools-python
	RUNTASK_PROXY_BIN="$(PROXY_BIN)" node --test tests/web/

# The keystroke → update measurement on the large request, held to its goal (p95 ≤ 16 ms);
# `make test` runs the same test for correctness only and records the figures.
bench-web: web proxy tools-chromium tools-node tools-python
	RUNTASK_TIMING_GOAL=1 RUNTASK_PROXY_BIN="$(PROXY_BIN)" node --test tests/web/timing.test.mjs

# The console's .wasm as served (after wasm-opt -Oz), and the dialect reader's (loaded only when
# a state machine, template or script is pasted): raw and gzip -9 bytes.
web-size: web
	@for w in dist/*.wasm dist/extract/extract_bg.wasm; do \
	  echo "$$w: $$(stat -c %s $$w) bytes raw, $$(gzip -9 -c $$w | wc -c) bytes gzip -9"; done
