# kabar: four filters that turn scraped news pages into countable facts.
VERSION = 0.1.0
PREFIX  = /usr/local
BINDIR  = $(PREFIX)/bin
MANDIR  = $(PREFIX)/share/man/man1

# The four filters are installed; other tools/ programs (the trainer) are built only.
FILTERS = strip-boilerplate split-sentences tag-entities count-values
TOOLS = $(patsubst tools/%.c,%,$(wildcard tools/*.c))
LIB   = $(patsubst lib/%.c,%,$(wildcard lib/*.c))
PKGS  = libutf8proc libpcre2-8 zlib libxml-2.0

# O and B: where objects and programs go (the sanitizer build uses others).
O = obj
B = bin

# CFLAGS is the user's (make CFLAGS=...); the flags the code needs are always added.
CFLAGS  ?= -O2 -g
KFLAGS   = $(CFLAGS) -std=c11 -Wall -Wextra -D_GNU_SOURCE -DVERSION='"$(VERSION)"' \
           $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lm
FUZZ     = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/*.c))
SANITIZE = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

# The files of lib/data/ each program links in (scripts/embed-data): those
# its modules read, so that split-sentences does not carry the name model.
DATA_boilerplate = stop-*.txt cues-*.txt ends-*.txt credits-*.txt
DATA_sentence    = abbrev-*.txt
DATA_entity      = entity-cues.txt titles.txt institutions.tsv known-names.tsv no-names.tsv stop-id.txt ner-freq.tsv \
                   stop-en.txt en-common.txt countries.tsv titles-en.txt ner-cities.txt ner-places.txt \
                   ner-given.txt \
                   gazetteer-*.csv ner-cues.txt ner.model
DATA_strip-boilerplate = $(DATA_boilerplate)
DATA_split-sentences   = $(DATA_sentence)
DATA_tag-entities      = $(DATA_entity)
DATA_train-ner         = gazetteer-*.csv gazetteer-villages.txt ner-*.t* ner.model
DATA_libcheck          = $(DATA_entity) $(DATA_boilerplate)
DATA_fuzz-boilerplate  = $(DATA_boilerplate)
DATA_fuzz-html        = $(DATA_boilerplate)
DATA_fuzz-sentence     = $(DATA_sentence)
DATA_fuzz-entity       = $(DATA_entity)
DATA_fuzz-model        = ner.model
DATA_prepare-tables    = $(filter-out ner.model,$(DATA_entity))
data_of = $(sort $(wildcard $(addprefix lib/data/,$(DATA_$(1)))))
# Tables built from those lists at build time by scripts/prepare-tables, linked
# in beside them and used in place (data.h: a prepared image).
PREPARED_entity         = $(O)/english-lists.bin $(O)/entity-tables.bin
PREPARED_tag-entities   = $(PREPARED_entity)
PREPARED_libcheck       = $(PREPARED_entity)
PREPARED_fuzz-entity    = $(PREPARED_entity)

all: $(TOOLS:%=$(B)/%) $(B)/libcheck

# For $$(call data_of,...) in the prerequisites of data-%.S.
.SECONDEXPANSION:
$(B)/%: tools/%.c $(O)/data-%.o $(O)/libkabar.a
	@mkdir -p $(B)
	$(CC) $(KFLAGS) -Ilib -o $@ $< $(O)/data-$*.o $(O)/libkabar.a $(LDLIBS)

$(B)/libcheck: tests/libcheck.c $(O)/data-libcheck.o $(O)/libkabar.a
	@mkdir -p $(B)
	$(CC) $(KFLAGS) -Ilib -o $@ $< $(O)/data-libcheck.o $(O)/libkabar.a $(LDLIBS)

# libFuzzer targets (clang): built by `make fuzz-build` into bin-fuzz/.
$(B)/fuzz-%: tests/fuzz/%.c $(O)/data-fuzz-%.o $(O)/libkabar.a
	@mkdir -p $(B)
	$(CC) $(KFLAGS) -fsanitize=fuzzer -Ilib -o $@ $< $(O)/data-fuzz-$*.o $(O)/libkabar.a $(LDLIBS)

$(O)/%.o: lib/%.c lib/*.h Makefile
	@mkdir -p $(O)
	$(CC) $(KFLAGS) -c -o $@ $<

$(O)/data-%.S: scripts/embed-data Makefile $$(call data_of,$$*) $$(PREPARED_$$*)
	@mkdir -p $(O)
	scripts/embed-data $(call data_of,$*) $(PREPARED_$*) > $@

# english-lists.bin, entity-tables.bin: made again when a list or the library changes.
$(O)/english-lists.bin: $(B)/prepare-tables
	$(B)/prepare-tables english $@
$(O)/entity-tables.bin: $(B)/prepare-tables
	$(B)/prepare-tables entity $@

$(B)/prepare-tables: scripts/prepare-tables.c $(O)/data-prepare-tables.o $(O)/libkabar.a
	@mkdir -p $(B)
	$(CC) $(KFLAGS) -Ilib -o $@ $< $(O)/data-prepare-tables.o $(O)/libkabar.a $(LDLIBS)

$(O)/data-%.o: $(O)/data-%.S
	$(CC) -c -o $@ $<

$(O)/libkabar.a: $(LIB:%=$(O)/%.o)
	$(AR) rcs $@ $^

# The two commands of the README: each installs what is missing first.
deps:
	@scripts/deps

check: deps
	@$(MAKE) --no-print-directory all
	bats tests
	@$(MAKE) --no-print-directory eval

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo

check-asan: deps
	@$(MAKE) --no-print-directory O=obj-asan B=bin-asan CFLAGS='$(SANITIZE)' all
	BIN=bin-asan KABAR_SANITIZED=1 bats tests

# The threads under ThreadSanitizer (gcc): tag-entities -j on documents in many batches,
# strip-boilerplate's line analysis in batches of a block.
check-tsan: deps
	@$(MAKE) --no-print-directory O=obj-tsan B=bin-tsan CFLAGS='-O1 -g -fsanitize=thread' bin-tsan/tag-entities bin-tsan/strip-boilerplate
	TSAN_OPTIONS=halt_on_error=1 BIN=bin-tsan bats tests/tag-entities-jobs.bats tests/strip-boilerplate.bats

fuzz-build: deps
	@$(MAKE) --no-print-directory CC=clang O=obj-fuzz B=bin-fuzz \
	    CFLAGS='$(SANITIZE) -fsanitize=fuzzer-no-link' $(FUZZ:%=bin-fuzz/fuzz-%)

# Each fuzz target for FUZZ_SECONDS (default 600); fuzz-smoke: 2000 runs each, for CI.
fuzz: fuzz-build
	scripts/fuzz -max_total_time=$${FUZZ_SECONDS:-600}

fuzz-smoke: fuzz-build
	scripts/fuzz -runs=2000

eval: all
	@for s in scripts/eval-*; do [ -x "$$s" ] && "$$s"; done; true

# Rebuild the name tagger's model from corpus/nergrit (deterministic).
model: all
	scripts/train-model

bench: all $(B)/timed
	@scripts/bench

# scripts/bench's clock and peak memory (not installed).
$(B)/timed: scripts/timed.c
	@mkdir -p $(B)
	$(CC) $(KFLAGS) -o $@ $<

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	for t in $(FILTERS); do cp $(B)/$$t $(DESTDIR)$(BINDIR)/$$t && chmod 755 $(DESTDIR)$(BINDIR)/$$t; done
	for t in $(FILTERS); do cp docs/$$t.1 $(DESTDIR)$(MANDIR)/$$t.1 && chmod 644 $(DESTDIR)$(MANDIR)/$$t.1; done

clean:
	rm -rf obj bin obj-asan bin-asan obj-tsan bin-tsan obj-fuzz bin-fuzz

.PHONY: all deps check demo check-asan check-tsan fuzz-build fuzz fuzz-smoke eval model bench install clean
.SECONDARY:
