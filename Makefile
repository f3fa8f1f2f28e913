# hostsim — build, test, run, bench, plots, install.
#
# The library layers of sim/ (base, scenario, engine, run, analysis, report) and
# the models (models/) build into build/libhostsim.a; the command line (sim/cli/)
# is linked only into the binary; tests link the library. Every .c of a layer
# folder is part of the library, every tests/unit/*.c part of the Criterion test
# binary: adding a file needs no edit here. docs/architecture.md: which layer
# may include which (make lint checks it).

CC       ?= gcc
BUILD    ?= build
PREFIX   ?= /usr/local
DESTDIR  ?=
VERSION  := 0.1.0

WARN     := -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
# Intel's JCC-erratum microcode slows a jump that crosses or ends on a 32-byte
# boundary; where the assembler can, branches are kept off those boundaries, so
# the hot path's speed does not hinge on where the code lands (an unrelated edit
# of sim/engine/counts.c moved the full model by 4 % on the development Xeon).
JCC      := $(shell $(CC) -Wa,-mbranches-within-32B-boundaries -x c -c /dev/null -o /dev/null \
              2>/dev/null && echo -Wa,-mbranches-within-32B-boundaries)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DHOSTSIM_VERSION='"$(VERSION)"' \
             -DHOSTSIM_DATADIR='"$(PREFIX)/share/hostsim"' \
             $(WARN) $(CFLAGS) $(JCC) -Isim -I. $(EXTRA_CFLAGS)
LDLIBS   := -lcsv -lxlsxwriter -lgsl -lgslcblas -lpthread -lm

LAYERS   := base scenario engine run analysis report
LIB_SRC  := $(sort $(foreach l,$(LAYERS),$(wildcard sim/$(l)/*.c)) $(wildcard models/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC  := $(sort $(wildcard sim/cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libhostsim.a
FORMAT_SRC = $(sort $(wildcard sim/*/*.[ch] models/*.[ch] tests/unit/*.[ch] tests/bench/*.c tests/fuzz/*.c))

# Debian packages the two commands need (see README "The two commands"); python3 checks the
# outputs in the end-to-end tests (tests/e2e/run.sh), and python3-openpyxl reads the workbook
# back (tests/e2e/xlsx_check.py), so that `make test` skips none of them.
PKGS     := gcc make pkg-config libgsl-dev libcsv-dev libcriterion-dev libxlsxwriter-dev gnuplot-nox \
            python3 python3-openpyxl
APT_LINE := apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(PKGS)

.PHONY: all run test unit cli e2e mpicheck fuzz deps asan leakcheck clean install format format-check bench plots mpi lint golden golden-update

all: hostsim

hostsim: $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -MMD -MP -c $< -o $@

$(BUILD)/test_unit: $(TEST_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) -lcriterion $(LDLIBS)

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# Make sure the Debian packages are present: install them as root, else print
# the exact command and stop.
deps:
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "hostsim: installing missing packages:$$missing"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing || exit 1; \
	  else \
	    echo "hostsim: missing Debian packages:$$missing"; \
	    echo "run as root:  $(APT_LINE)"; exit 1; \
	  fi; \
	fi

run: deps
	@$(MAKE) --no-print-directory hostsim
	./hostsim run --scenario inputs/default --out outputs/default

# The chart and report tests read an output folder written by the real engine
# (tests/report/outdir.sh), named in HOSTSIM_TEST_OUTDIR.
unit: $(BUILD)/test_unit hostsim
	tests/report/outdir.sh ./hostsim $(BUILD)/test-outdir
	HOSTSIM_TEST_OUTDIR=$(BUILD)/test-outdir $(BUILD)/test_unit --jobs 2

cli: hostsim
	tests/cli/run.sh ./hostsim

e2e: hostsim
	tests/e2e/run.sh ./hostsim
	tests/e2e/provenance.sh ./hostsim
	tests/e2e/xlsx.sh ./hostsim
	tests/e2e/install.sh

# The golden outputs (tests/golden/): fixed-seed summary, compare and monthly files; any
# difference fails. After an intended change of the numbers: make golden-update, and commit.
golden: hostsim
	tests/golden/check.sh ./hostsim

golden-update: hostsim
	tests/golden/check.sh --update ./hostsim

# The MPI build with 2 ranks against one process: byte-identical outputs.
mpicheck: mpi hostsim
	tests/e2e/mpi.sh

test: deps
	@$(MAKE) --no-print-directory hostsim $(BUILD)/test_unit
	@$(MAKE) --no-print-directory unit cli e2e golden

# Tests under AddressSanitizer + UndefinedBehaviorSanitizer, in a separate build folder.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
	  EXTRA_CFLAGS='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	  LDFLAGS='-fsanitize=address,undefined' build/asan/test_unit hostsim-asan
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 tests/report/outdir.sh build/asan/hostsim build/asan/test-outdir
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  HOSTSIM_TEST_OUTDIR=build/asan/test-outdir build/asan/test_unit --jobs 2
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 tests/cli/run.sh ./build/asan/hostsim

hostsim-asan: $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $(BUILD)/hostsim $^ $(LDFLAGS) $(LDLIBS)

# An end-to-end run under valgrind; any leak or invalid access fails.
leakcheck: hostsim
	@command -v valgrind >/dev/null || { echo "leakcheck needs valgrind: apt-get install -y valgrind"; exit 1; }
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect -q \
	  ./hostsim run --scenario inputs/default --trajectories 20 --years 1 --threads 2 --quiet \
	  --out $(BUILD)/leakcheck-out >/dev/null
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect -q \
	  ./hostsim validate tests/data/bad/missing_required >/dev/null 2>&1; test $$? -eq 2

# Coverage-guided fuzzing (clang's libFuzzer, ASan, UBSan), seeded from inputs/ and tests/data/:
# fuzz_scenario (the loader and the SPEC parser) and fuzz_run (--set values, the scenario, then
# one trajectory of one year through every model), FUZZ_SECONDS in all, half each.
FUZZ_SECONDS ?= 60
FUZZ_CC   = clang -std=c11 -D_POSIX_C_SOURCE=200809L -DHOSTSIM_VERSION='"fuzz"' -g -O1 -Isim -I. \
            -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_RUN  = ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fuzz:
	@command -v clang >/dev/null || { echo "make fuzz needs clang: apt-get install -y --no-install-recommends clang libclang-rt-14-dev"; exit 1; }
	@mkdir -p $(BUILD)/fuzz tests/fuzz/corpus-run tests/fuzz/corpus-sim
	$(FUZZ_CC) -o $(BUILD)/fuzz/fuzz_scenario tests/fuzz/fuzz_scenario.c $(LIB_SRC) $(LDLIBS)
	$(FUZZ_CC) -o $(BUILD)/fuzz/fuzz_run tests/fuzz/fuzz_run.c $(LIB_SRC) $(LDLIBS)
	tests/fuzz/seed.sh tests/fuzz/corpus-run
	tests/fuzz/seed.sh tests/fuzz/corpus-sim run
	$(FUZZ_RUN) $(BUILD)/fuzz/fuzz_scenario -max_total_time=$$(( $(FUZZ_SECONDS) / 2 )) \
	  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=tests/fuzz/crash- tests/fuzz/corpus-run
	$(FUZZ_RUN) $(BUILD)/fuzz/fuzz_run -max_total_time=$$(( ($(FUZZ_SECONDS) + 1) / 2 )) \
	  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=tests/fuzz/crash-run- tests/fuzz/corpus-sim

bench: hostsim
	tests/bench/run.sh

# The optional distributed build: ./hostsim-mpi, for mpirun/srun (docs/cluster.md).
mpi:
	@command -v mpicc >/dev/null || { echo "make mpi needs OpenMPI: apt-get install -y --no-install-recommends libopenmpi-dev openmpi-bin"; exit 1; }
	@$(MAKE) --no-print-directory CC=mpicc BUILD=build/mpi EXTRA_CFLAGS=-DHOSTSIM_MPI build/mpi/hostsim-mpi
	cp build/mpi/hostsim-mpi hostsim-mpi

$(BUILD)/hostsim-mpi: $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

plots: hostsim
	@[ -s outputs/default/summary.csv ] || ./hostsim run --scenario inputs/default --out outputs/default
	./hostsim plot outputs/default

# The binary, the manual page (man hostsim), the chart scripts and the scenarios of inputs/,
# where hostsim finds inputs/default without --scenario (PREFIX/share/hostsim/inputs/default,
# beside the binary: sim/cli/datadir.c). DESTDIR stages the tree for a package.
install: hostsim
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 hostsim $(DESTDIR)$(PREFIX)/bin/hostsim
	install -m 644 docs/hostsim.1 $(DESTDIR)$(PREFIX)/share/man/man1/hostsim.1
	install -d $(DESTDIR)$(PREFIX)/share/hostsim/plots
	install -m 644 plots/*.gp $(DESTDIR)$(PREFIX)/share/hostsim/plots
	for d in inputs/*/; do \
	  install -d $(DESTDIR)$(PREFIX)/share/hostsim/$$d && \
	  install -m 644 $$d*.csv $(DESTDIR)$(PREFIX)/share/hostsim/$$d || exit 1; \
	done

# The tree follows its own .clang-format; format-check fails on any difference.
format:
	clang-format -i $(FORMAT_SRC)

format-check:
	clang-format --dry-run -Werror $(FORMAT_SRC)

# The include rules of docs/architecture.md, then cppcheck's warnings.
lint:
	tests/lint/layers.sh
	@command -v cppcheck >/dev/null || { echo "make lint needs cppcheck: apt-get install -y --no-install-recommends cppcheck"; exit 1; }
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --inline-suppr -Isim -I. sim models

clean:
	rm -rf $(BUILD) hostsim
