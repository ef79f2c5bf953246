# planq: make run opens the REPL on the sample corpus; make test runs every test; make bench measures.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench build deps test-deps

APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

# libedit-dev through apt-get when pkg-config cannot find libedit (a fresh machine has no package lists).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libedit; then \
		echo "make: pkg-config cannot find libedit; installing libedit-dev and pkg-config with apt-get"; \
		$(APT_INSTALL) libedit-dev pkg-config; \
	fi

# The end-to-end REPL test types into the real binary through tmux; the export test renders in chromium
# (with CJK fonts, so the screenshot shows Chinese, not boxes).
test-deps: deps
	@if ! command -v tmux >/dev/null 2>&1; then \
		echo "make: installing tmux with apt-get for the terminal tests"; \
		$(APT_INSTALL) tmux; \
	fi
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then \
		echo "make: installing chromium and fonts-noto-cjk with apt-get for the HTML export test"; \
		$(APT_INSTALL) chromium fonts-noto-cjk || \
			echo "make: could not install chromium; the browser test will say it was skipped"; \
	fi

# The engine is built with profile-guided optimisation when the toolchain has llvm-profdata (PGO=0 skips it): an
# instrumented build, in its own build path, loads twenty copies of the sample corpus in one process (so that reading
# documents, not building the lexicons once, is what the counts weigh) and replays the notebooks (so that the query
# paths count as run, not as cold code to be made small); the counts are merged into a profile that the release
# build optimises by (hot paths laid out together, branches ordered by how they go). The profile is made again
# whenever a source, a sample or a notebook changes; results never depend on it, only speed.
PGO ?= 1
# The Swift runtime, standard library and Foundation are linked statically into the release binary: calls into
# them (retain and release above all) then go straight to their code, not through the dynamic linker's tables,
# and there is no shared library to load. Extraction measured 5-9 % less CPU time alternating with the dynamic
# build, the REPL's prompt came 8 ms sooner, the peak memory of a load 6 MB smaller. Tests build as usual; macOS
# has no static runtime.
RELEASE := $(SWIFT) build -c release --product planq $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)
PROFDATA := $(shell d=$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")"); [ -x "$$d/llvm-profdata" ] && echo "$$d/llvm-profdata")
PGO_DIR := .build/pgo
PROFILE := $(PGO_DIR)/planq.profdata

$(PROFILE): Makefile Package.swift $(shell find Sources corpus/samples notebooks -type f)
	PLANQ_PGO=generate $(RELEASE) --build-path $(PGO_DIR)/build
	rm -rf $(PGO_DIR)/raw $(PGO_DIR)/train
	for i in $$(seq 20); do mkdir -p $(PGO_DIR)/train/$$i && cp corpus/samples/* $(PGO_DIR)/train/$$i/; done
	LLVM_PROFILE_FILE=$(CURDIR)/$(PGO_DIR)/raw/%p.profraw $(PGO_DIR)/build/release/planq bench-load $(PGO_DIR)/train >/dev/null
	LLVM_PROFILE_FILE=$(CURDIR)/$(PGO_DIR)/raw/%p.profraw $(PGO_DIR)/build/release/planq replay notebooks/*.planq.md >/dev/null
	$(PROFDATA) merge -o $@ $(PGO_DIR)/raw/*.profraw

build: deps
ifeq ($(PGO)$(if $(PROFDATA),found),1found)
	$(MAKE) --no-print-directory $(PROFILE)
	@# A new profile (named by its content) has the engine compiled again from scratch: the compiler's incremental
	@# build does not see a changed profile, nor a flag that names it.
	sum=$$(md5sum < $(PROFILE) | cut -c1-12) && \
	if [ ! -f $(PGO_DIR)/use-$$sum.profdata ]; then \
		rm -f $(PGO_DIR)/use-*.profdata && cp $(PROFILE) $(PGO_DIR)/use-$$sum.profdata && rm -f .build/release/PlanCorpus.build/*.o; \
	fi && \
	PLANQ_PGO=use:$(CURDIR)/$(PGO_DIR)/use-$$sum.profdata $(RELEASE)
else
	$(RELEASE)
endif

run: build
	@.build/release/planq

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	bash bench/run.sh
