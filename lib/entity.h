/*
 * The core of tag-entities: the mentions of one sentence with their types
 * and normalised values, from patterns (PCRE2), built-in and user lists,
 * context cues and the statistical tagger, with what the document said
 * before (acronyms defined, people named, the year) resolving short forms.
 */
#ifndef ENTITY_H
#define ENTITY_H

#include <stddef.h>

#include "token.h"

/* The built-in types, in this order: ids 0-9; user dictionaries add more. */
enum { T_PER, T_ORG, T_LOC, T_DATE, T_TIME, T_MONEY, T_PERCENT, T_QUANTITY, T_EMAIL, T_URL, T_BUILTIN };

/* Languages of the text and of the values: auto (each sentence's own), Indonesian, English. */
enum { LANG_AUTO, LANG_ID, LANG_EN };

struct mention {
	size_t start, end;	/* bytes [start, end) of the sentence */
	int type;
	size_t value, vlen;	/* the VALUE, bytes of tagger_value() */
};

struct tagger;

/* A tagger with the built-in lists, patterns and model (loaded at the first sentence). */
struct tagger *tagger_new(void);
/* Add a user dictionary (TSV: PHRASE TYPE [VALUE]); name is for messages. 0, or -1 after a message. */
int tagger_dict(struct tagger *t, const char *name, const char *data, size_t len);
/* The id of a type name (upper case), adding it if new. */
int tagger_type(struct tagger *t, const char *name, size_t len);
const char *tagger_type_name(const struct tagger *t, int type, size_t *len);
/* Report only the types so chosen (call once per type); by default all. */
void tagger_want(struct tagger *t, int type);
/*
 * The mentions of sentence text[0..n) of document doc[0..doclen), in text
 * order; what is remembered of the document is forgotten when doc changes.
 * Valid until the next call.
 */
size_t tagger_sentence(struct tagger *t, const char *doc, size_t doclen, const char *text, size_t n,
    const struct mention **m);
/* The bytes that mentions' value fields index. */
const char *tagger_values(const struct tagger *t);
/* The tokens of the last sentence. */
size_t tagger_tokens(const struct tagger *t, const struct token **tok);
/* The language of the text (LANG_AUTO: by each sentence's words) and of the countries' values (LANG_AUTO: the text's). */
void tagger_language(struct tagger *t, int text, int values);
/* Use model m (NULL: none) instead of the built-in one; the tagger owns it. */
struct ner_model;
void tagger_model(struct tagger *t, struct ner_model *m);
/* The model t uses (NULL: none; the built-in one is loaded now), for other taggers to share. */
const struct ner_model *tagger_model_in_use(struct tagger *t);
/*
 * Use model m (NULL: none), owned elsewhere and kept until t is freed:
 * taggers in several threads share one, read only (ner_tag changes nothing in it).
 */
void tagger_share_model(struct tagger *t, const struct ner_model *m);
void tagger_free(struct tagger *t);

#endif
