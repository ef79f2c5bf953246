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

build: deps
	$(SWIFT) build -c release --product planq

run: build
	@.build/release/planq

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	bash bench/run.sh
