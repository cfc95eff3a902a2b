# Shinsa: one program, build/shinsa. See README.md.
#
#   make            build build/shinsa and its manual page, build/shinsa.1
#   make run        install what is missing, build, initialise var/ and write the blank form
#   make check      install test dependencies, build, run every test on build/ and,
#                   side by side, under ASan+UBSan (build/asan/; scripts/check.sh)
#   make browser-test  install test dependencies, build, run the browser tests alone
#                   (tests/browser/run.sh; screenshots in build/browser-shots/)
#   make fuzz       run each libFuzzer target (or those in FUZZ) for FUZZ_SECONDS (default 60)
#   make bench      the benchmarks in bench/ against their peers (BENCH_RUNS, default 5)
#   make install    the program, its catalogs, its manual page and an example
#                   systemd unit under PREFIX (default /usr/local), staged
#                   under DESTDIR when given

BUILD    ?= build
SAN      ?=
PKGS     := sqlite3 jansson xlsxwriter libsodium libzip expat libmicrohttpd liboath libqrencode

ifeq ($(SAN),1)
CC       := clang
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
CC       ?= cc
SANFLAGS :=
endif

CFLAGS   ?= -O2 -g
# Where `shinsa init` finds the shipped catalogs unless told otherwise.
CATALOG_DIR ?= $(CURDIR)/catalog
CPPFLAGS += -Isrc -D_POSIX_C_SOURCE=200809L -DSHINSA_CATALOG_DIR=\"$(CATALOG_DIR)\"
WARN     := -std=c17 -Wall -Wextra -Werror -Werror=implicit-function-declaration \
            -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wformat=2
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
ALLCFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS) $(PKGCFLAGS) $(CPPFLAGS) -MMD -MP
LDFLAGS  += $(SANFLAGS)

LIB_SRC  := $(wildcard src/lib/*.c src/core/*.c src/store/*.c src/formats/*.c src/service/*.c src/web/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
# Files kept in the repository and compiled in as bytes (see scripts/embed.sh).
EMBED    := web/openapi.json $(sort $(wildcard web/templates/*.html web/i18n/*.json web/static/*.css web/static/*.js web/static/*.svg))
GEN_SRC  := $(BUILD)/gen/embedded.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# A test tool built beside them (not run as a test): tests/cli/verify_package.sh's packages.
UNIT_BIN += $(BUILD)/tests/mkpackage
FUZZ_SRC := $(wildcard fuzz/fuzz_*.c)

.PHONY: all all-tests run check test browser-test unit cli-test render-test deps deps-test fuzz fuzz-replay bench install clean FORCE
.DEFAULT_GOAL := all

all: $(BUILD)/shinsa $(BUILD)/shinsa.1

# V=1 shows the full commands.
Q := $(if $(V),,@)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALLCFLAGS) -c $< -o $@

$(GEN_SRC): $(EMBED) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/embed.sh $(EMBED) >$@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/embedded.o: $(GEN_SRC)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALLCFLAGS) -c $< -o $@

$(BUILD)/libshinsa.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/shinsa: $(CLI_OBJ) $(BUILD)/libshinsa.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libshinsa.a $(PKGLIBS)

# The manual page comes from the command table, as `shinsa help` does.
$(BUILD)/shinsa.1: $(BUILD)/shinsa
	@$(if $(Q),echo "  MAN     $@")
	$(Q)$(BUILD)/shinsa help --man >$@.tmp && mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.c $(BUILD)/libshinsa.a tests/unit/testutil.h tests/unit/auth_fixture.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALLCFLAGS) -Itests/unit -o $@ $< tests/unit/testutil.c $(BUILD)/libshinsa.a $(PKGLIBS) -lcmocka

PREFIX   ?= /usr/local
DESTDIR  ?=
# The installed program is the built one with the catalogs' installed place
# compiled in (build/shinsa keeps the tree's, for make run and the tests).
# Only the command-line files that name SHINSA_CATALOG_DIR are compiled
# again; build/install/prefix changes when PREFIX does, so they follow it.
INST     := $(BUILD)/install
INST_SRC := $(shell grep -l SHINSA_CATALOG_DIR $(CLI_SRC))
INST_OBJ := $(INST_SRC:%.c=$(INST)/obj/%.o)
$(INST)/obj/%.o: CATALOG_DIR = $(PREFIX)/share/shinsa/catalog

$(INST)/prefix: FORCE
	@mkdir -p $(dir $@)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' >$@

$(INST)/obj/%.o: %.c $(INST)/prefix
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALLCFLAGS) -c $< -o $@

$(INST)/shinsa: $(filter-out $(INST_SRC:%.c=$(BUILD)/obj/%.o),$(CLI_OBJ)) $(INST_OBJ) $(BUILD)/libshinsa.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(BUILD)/libshinsa.a $(PKGLIBS)

$(INST)/shinsa.1: $(INST)/shinsa
	$(Q)$(INST)/shinsa help --man >$@.tmp && mv $@.tmp $@

# The unit is an example, under doc/: it must be edited before use (the
# address, the proxy) and the database made first, and an edited copy
# belongs in /etc/systemd/system, where the next install cannot overwrite it.
install: $(INST)/shinsa $(INST)/shinsa.1 contrib/shinsa.service.in
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/shinsa/catalog \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/doc/shinsa/examples
	install -m 0755 $(INST)/shinsa $(DESTDIR)$(PREFIX)/bin/shinsa
	install -m 0644 $(wildcard catalog/*.json) $(DESTDIR)$(PREFIX)/share/shinsa/catalog
	install -m 0644 $(INST)/shinsa.1 $(DESTDIR)$(PREFIX)/share/man/man1/shinsa.1
	sed 's|@BINDIR@|$(PREFIX)/bin|g' contrib/shinsa.service.in >$(INST)/shinsa.service
	install -m 0644 $(INST)/shinsa.service $(DESTDIR)$(PREFIX)/share/doc/shinsa/examples/shinsa.service

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	@scripts/run.sh $(BUILD)/shinsa

# The test suite on one build; `check` runs it on build/ and build/asan/.
test: all $(UNIT_BIN)
	@scripts/test.sh $(BUILD)

# The pages in Chromium, on their own: what `test` runs last.
browser-test: deps-test
	@$(MAKE) --no-print-directory all
	@sh tests/browser/run.sh $(BUILD)

# Both builds first, then the suite on each side by side (scripts/check.sh).
check: deps-test
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@$(MAKE) --no-print-directory fuzz-replay
	@$(MAKE) --no-print-directory all-tests BUILD=build/asan SAN=1 CFLAGS="-O1 -g"
	@scripts/check.sh

# The program and the unit test binaries of one build, without running them.
all-tests: all $(UNIT_BIN)

FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_SECONDS ?= 60
# The sources are instrumented once, into one library every target links;
# each target then compiles only its own file. -fsanitize=fuzzer-no-link
# instruments for coverage without libFuzzer's main(), which only the
# targets' final link brings in.
FUZZ_OBJ    := $(LIB_SRC:%.c=build/fuzz/obj/%.o) build/fuzz/obj/gen/embedded.o
FUZZ_CFLAGS := $(WARN) -O1 -g -fno-sanitize-recover=undefined $(PKGCFLAGS) $(CPPFLAGS) -MMD -MP

build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

build/fuzz/obj/gen/embedded.o: build/fuzz/gen/embedded.c
	@mkdir -p $(dir $@)
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

build/fuzz/libshinsa-fuzz.a: $(FUZZ_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_BIN): build/fuzz/%: fuzz/%.c build/fuzz/libshinsa-fuzz.a
	@$(if $(Q),echo "  FUZZ    $@")
	$(Q)clang $(FUZZ_CFLAGS) -MF $@.d -MT $@ -fsanitize=fuzzer,address,undefined -o $@ $< build/fuzz/libshinsa-fuzz.a $(PKGLIBS)

build/fuzz/gen/embedded.c: $(EMBED) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/embed.sh $(EMBED) >$@.tmp && mv $@.tmp $@

# Replays each fuzzer's checked-in corpus once: a regression test, not a search.
fuzz-replay: $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do n=$${f##*/}; \
	  $$f -runs=0 fuzz/corpus/$${n#fuzz_} >/dev/null 2>build/fuzz/$$n.log || { cat build/fuzz/$$n.log; exit 1; }; \
	  echo "fuzz corpus replayed: $$n ($$(ls fuzz/corpus/$${n#fuzz_} | wc -l) inputs)"; done

# FUZZ=xlsx_read (names without fuzz_, space-separated) runs only those;
# fuzz/NAME.dict, when there is one, is the fuzzer's dictionary.
FUZZ_RUN := $(if $(FUZZ),$(FUZZ:%=build/fuzz/fuzz_%),$(FUZZ_BIN))
fuzz: $(FUZZ_RUN)
	@for f in $(FUZZ_RUN); do n=$${f##*/}; mkdir -p fuzz/corpus-new/$${n#fuzz_}; \
	  d=fuzz/$${n#fuzz_}.dict; dict=; [ -f $$d ] && dict=-dict=$$d; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 $$dict fuzz/corpus-new/$${n#fuzz_} fuzz/corpus/$${n#fuzz_} || exit 1; done

BENCH_RUNS ?= 5
BENCH_SECONDS ?= 10
# Debian's python3, not whatever python3 comes first on PATH: the peer is
# the packaged python3-openpyxl.
bench: build/shinsa
	@scripts/deps.sh bench
	/usr/bin/python3 bench/xlsx_bench.py build/shinsa $(BENCH_RUNS)
	sh bench/http_bench.sh build/shinsa $(BENCH_SECONDS)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(INST_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d) $(FUZZ_BIN:=.d)
