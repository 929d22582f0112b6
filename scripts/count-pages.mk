# Count the names of a directory of pages with make -j: one table per page,
# summed at the end (see docs/PARALLEL.md).
#   make -j4 -f scripts/count-pages.mk PAGES=pages OUT=counts [B=bin]
# Only the pages changed since the last run are counted again.
PAGES ?= pages
OUT   ?= counts
B     ?= bin
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

PARTS := $(patsubst $(PAGES)/%.txt,$(OUT)/%.tsv,$(wildcard $(PAGES)/*.txt))

# /dev/null: with no page, an empty table (count-values would read standard input).
$(OUT)/total.counts: $(PARTS)
	@mkdir -p $(OUT)
	$(B)/count-values -w 1 -f 2- /dev/null $^ > $@.tmp && mv $@.tmp $@

$(OUT)/%.tsv: $(PAGES)/%.txt
	@mkdir -p $(OUT)
	$(B)/strip-boilerplate $< | $(B)/split-sentences | $(B)/tag-entities | $(B)/count-values -f 6,8 > $@.tmp && mv $@.tmp $@
