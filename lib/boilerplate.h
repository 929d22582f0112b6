/*
 * The core of strip-boilerplate: the lines of one document in, a class
 * (body, title, boilerplate) and a score per line out, from the text, and
 * for the rendered lines of an HTML page from their markup too (the tags,
 * cues and links html.h gives).  Lines that recur across the documents of
 * an input set are counted here too (bp_count) and become boilerplate.
 */
#ifndef BOILERPLATE_H
#define BOILERPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

/* Words of a line scanned for its signals: thresholds on words stay at or below it. */
#define BP_SCANNED 64
/* Stoplists (languages) used at most. */
#define BP_LANGS 8

enum bp_class { BP_BOILERPLATE, BP_BODY, BP_TITLE };
enum { BP_CUE = 1, BP_END = 2 };	/* what a cue phrase says of its line */

/* The tunable thresholds; bp_defaults() gives the documented defaults. */
struct bp_options {
	const char *lang;	/* "auto" or a stoplist code: stop-LANG.txt */
	double threshold;	/* a line is body when its score reaches this */
	double near;		/* a short line between body lines needs this much */
	int short_words;	/* lines with fewer words are judged by their context */
	int repeat;		/* a line in this many documents is boilerplate; 0: off */
	int repeat_words;	/* ... when it has fewer words than this */
	int cue_words;		/* a cue makes a line boilerplate when it has fewer words */
	int titles;		/* find the title (else it stays boilerplate) */
};

/*
 * One non-blank line of a document: the caller fills text, len and lineno
 * and zeroes the rest; bp_count and bp_classify fill class and score.
 */
struct bp_line {
	const char *text;
	size_t len;
	unsigned long lineno;	/* in the document, from 1 */
	/* in, from an HTML page's markup (html.h; all 0 for text): */
	uint32_t tags;		/* HTML_ bits of the line's block and its ancestors */
	uint32_t chars, linkchars;	/* non-space bytes, those inside links */
	/* out: */
	enum bp_class class;
	double score;
	/* private: the signals bp_analyse takes from the text alone, key to langstops (a memo copies them whole) */
	uint64_t key;		/* hash of its words (case folded, numbers alike); of its bytes if long */
	int words, stops, alpha, digits, letters, seps;	/* (ideographs and separators are not bounded) */
	/* counts of the words scanned, at most BP_SCANNED: a byte each keeps a block's lines small */
	uint8_t caps, sentences, capstops, anystops, capshort;
	uint8_t tcwords, tcstops;	/* the leading capitalised words (a headline), stopwords among them */
	unsigned char terminal, ellipsis, signoff, analysed, cueflags, caption;
	uint8_t langstops[BP_LANGS];	/* stopwords of each language (in the words scanned) */
	/* private: what bp_count and bp_classify find */
	unsigned char cue, repeated, twice, inblock, end, teaser, credited;
	uint32_t seen1;		/* its id in the counts + 1, 0 if not counted */
	double local;
};

struct bp_lang {
	char code[8];		/* of stop-CODE.txt */
};

/* Hashes with a byte of flags each (private to boilerplate.c). */
struct bp_flagset {
	uint64_t *slot;		/* the hash, its low byte the flags; 0 empty */
	size_t mask, n;
};

struct bp_model {
	struct bp_options opt;
	struct bp_lang *langs;	/* every stoplist built in */
	size_t nlangs;
	size_t fixed;		/* index of --lang, or nlangs for auto */
	struct table words;	/* word -> id; bits of membership below */
	uint32_t *wordlangs;	/* per word id: bit i = in langs[i]'s stoplist */
	size_t wordcap;
	struct bp_flagset stops;	/* lower-case stopword hash -> its languages */
	struct bp_flagset cues;	/* cue phrases and their prefixes -> BP_CUE, BP_END, private flags */
	size_t cue_maxwords;	/* words of the longest cue */
	struct keymap seen;	/* line key -> id, for the short lines counted */
	struct {
		uint32_t docs;		/* documents it was seen in */
		uint32_t lastdoc;	/* the last document counted + 1 */
	} *seencount;		/* per id */
	size_t seencap;
	uint32_t ndocs;		/* documents counted so far */
	struct table bodywords;	/* of the document being classified */
	struct keymap doclines;	/* its line keys -> id ... */
	uint32_t *firstline;	/* ... -> its first line with that key */
	size_t firstcap;
};

void bp_defaults(struct bp_options *o);
/* 0, or -1 if o->lang names no built-in stoplist. */
int bp_init(struct bp_model *m, const struct bp_options *o);
void bp_free(struct bp_model *m);

/*
 * A line's signals from its text (text and len set; the text is not kept):
 * bp_count and bp_classify take them for the lines not yet analysed.
 */
void bp_analyse(const struct bp_model *m, struct bp_line *l);

/*
 * The signals of the lines analysed before, by their exact bytes: a line
 * met again (a site's menus and footers on each of its pages) is copied,
 * not scanned anew.  Its memory is bounded (it starts over when full); one
 * per thread.
 */
struct bp_memo {
	struct keymap lines;	/* hash of a line's bytes -> id */
	struct bp_memo_entry {	/* per id, a cache line */
		uint32_t off, len;	/* of its bytes in text */
		unsigned char signals[56];	/* its bp_line's bytes from key to langstops */
	} *entry;
	size_t cap;		/* of entry */
	struct buf text;
};

void bp_memo_init(struct bp_memo *c);
void bp_memo_free(struct bp_memo *c);
/* bp_analyse of each line, its signals taken from the memo when it was met before (and kept there if not). */
void bp_analyse_lines(const struct bp_model *m, struct bp_memo *c, struct bp_line *lines, size_t n);

/*
 * Count one document's lines for cross-document repetition: the documents
 * counted before a document is classified are the set it is compared with.
 */
void bp_count(struct bp_model *m, struct bp_line *lines, size_t n);
/* What an HTML page says of itself (NULL fields: nothing). */
struct bp_page {
	const char *lang;	/* the page's language (pagemeta.h), or NULL: the stoplist when --lang is auto and it fits */
	const char *title;	/* og:title, <title> or <h1>: the headline is the line most like it */
	size_t titlelen;
};

/* Classify one document's non-blank lines (page: NULL for text); returns the language used. */
const char *bp_classify(struct bp_model *m, struct bp_line *lines, size_t n, const struct bp_page *page);

const char *bp_class_name(enum bp_class c);

#endif
