# runtask-core: benchmark and fuzzing (not part of `make test`: they measure, they don't check).

.PHONY: bench bench-instructions fuzz

# Criterion: the full check against serde_json parsing on tests/inputs/.
bench:
	$(CARGO) bench -p runtask-core --bench check

# The same comparison in instructions (callgrind): repeatable on a busy machine.
bench-instructions:
	CARGO="$(CARGO)" scripts/bench-instructions

# cargo-fuzz over the whole check, then over the dialect readers (nightly; installs cargo-fuzz
# from crates.io when missing).
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	@rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
	cd fuzz && ./seed.sh && cargo +nightly fuzz run check corpus/check -- -dict=check.dict -max_len=16384 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1
	cd fuzz && cargo +nightly fuzz run dialects corpus/dialects -- -dict=check.dict -max_len=16384 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1
