# The npm package (pkg/): `make pkg` builds it, `make test-pkg` packs it, installs the tarball into
# a fresh project and runs its Node tests there, `make bench-js` times validate() against ajv,
# `make bench-transfer` the three ways of handing validate()'s result to JavaScript.

TEST_TARGETS += test-pkg

.PHONY: pkg test-pkg bench-js bench-transfer pkg-reference

pkg: tools-wasm tools-wasm-bindgen tools-node
	CARGO="$(CARGO)" pkg/scripts/build.sh

# The parity tests compare with the CLI; the browser test needs Chromium, the schema test
# check-jsonschema (tools-python).
test-pkg: pkg tools-chromium tools-python
	$(CARGO) build --locked -q -p runtask-lint
	pkg/scripts/test.sh

bench-js: pkg
	node pkg/bench/bench.mjs

# serde-wasm-bindgen and one JSON string against the shipped compact form (pkg/README,
# "Performance"): two more builds of the .wasm under the target dir, none in pkg/dist.
bench-transfer: pkg
	CARGO="$(CARGO)" pkg/scripts/bench-transfer.sh

# After a deliberate API change: take the generated TypeScript declarations as the new reference.
pkg-reference: pkg
	cp pkg/dist/node/runtask.d.ts pkg/reference/runtask.d.ts
	cp pkg/dist/web/runtask.d.ts pkg/reference/runtask.web.d.ts
