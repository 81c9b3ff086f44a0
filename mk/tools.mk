# Tools, installed idempotently from the registries (crates.io, npm, PyPI, Debian). Each target
# checks what is there first, so a second run takes about a second. See ../shared/toolchain.md.

TOOLS := $(CURDIR)/.tools
VENV := $(TOOLS)/venv
NODE_MODULES := $(CURDIR)/tests/node_modules
WASM_BINDGEN_VERSION := 0.2.130
TRUNK_VERSION := 0.21.14
export PATH := $(HOME)/.cargo/bin:$(NODE_MODULES)/.bin:$(PATH)

.PHONY: tools-wasm tools-wasm-bindgen tools-trunk tools-node tools-chromium tools-python

# The wasm32 targets: the validator and the console (unknown-unknown), the npm bin (wasip1).
tools-wasm:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1

# wasm-bindgen-cli pinned to the wasm-bindgen crate's exact version (no --locked: its lockfile
# wants a crate missing from the registry mirror).
tools-wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  $(CARGO) install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION); fi

# Trunk 0.21.14 (0.22 needs a newer rustc).
tools-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "installing trunk $(TRUNK_VERSION)"; \
	  $(CARGO) install trunk --version =$(TRUNK_VERSION) --locked; fi

# Node packages for the tests, benchmarks and wasm-opt (npm binaryen; Debian's breaks wasm-bindgen output).
tools-node: $(NODE_MODULES)/.installed
$(NODE_MODULES)/.installed: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium for the browser tests (never a browser download).
tools-chromium:
	@command -v chromium >/dev/null || { echo "installing chromium"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null; }

# Python tools: moto's server (a real local ECS endpoint), boto3, pre-commit, maturin (the wheel).
tools-python: $(VENV)/.installed
$(VENV)/.installed: mk/python-requirements.txt
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r mk/python-requirements.txt
	touch $@
