# The npm package (pkg/): `make pkg` builds it, `make test-pkg` packs it, installs the tarball into
# a fresh project and runs its Node tests there, `make bench-js` times validate() against ajv.

TEST_TARGETS += test-pkg

.PHONY: pkg test-pkg bench-js pkg-reference

pkg: tools-wasm tools-wasm-bindgen tools-node
	CARGO="$(CARGO)" pkg/scripts/build.sh

# The parity tests compare with the CLI; the browser test needs Chromium, the schema test
# check-jsonschema (tools-python).
test-pkg: pkg tools-chromium tools-python
	$(CARGO) build --locked -q -p runtask-lint
	pkg/scripts/test.sh

bench-js: pkg
	node pkg/bench/bench.mjs

# After a deliberate API change: take the generated TypeScript declarations as the new reference.
pkg-reference: pkg
	cp pkg/dist/node/runtask.d.ts pkg/reference/runtask.d.ts
	cp pkg/dist/web/runtask.d.ts pkg/reference/runtask.web.d.ts
