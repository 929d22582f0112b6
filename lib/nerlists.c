/* The phrase lists of a name tagger model: built-in gazetteers and lists, and the names of training sentences. */
#include <stdint.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "nerlists.h"
#include "record.h"

/* Add phrase s[0..n) in the tagger's form: tokens lower-cased, joined by single spaces. */
static void
add_phrase(struct nerf_phrases *p, const char *s, size_t n, uint64_t mask)
{
	static struct token *tok;
	static size_t cap;
	static struct buf b;
	size_t nt = tokenize(s, n, &tok, &cap);

	if (nt == 0 || nt > NERF_MAXPHRASE)
		return;
	b.len = 0;
	for (size_t i = 0; i < nt; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		nerf_lower(&b, s + tok[i].start, tok[i].end - tok[i].start);
	}
	nerf_phrases_add(p, b.data, b.len, mask);
}

/* The field'th comma-separated field of a CSV line (no quoting in these files). */
static int
csv_field(const struct line *ln, int field, struct line *f)
{
	const char *s = ln->data, *end = ln->data + ln->len;

	for (int i = 0; i < field; i++) {
		const char *comma = memchr(s, ',', (size_t)(end - s));

		if (!comma)
			return 0;
		s = comma + 1;
	}
	f->data = (char *)s;
	f->len = (size_t)(end - s);
	return 1;
}

static const struct blob *
need_blob(const char *name)
{
	const struct blob *b = data_find(name);

	if (!b)
		die("built-in data %s is missing", name);
	return b;
}

/* The phrases of file, one a line, of class c. */
static void
add_list(struct nerf_phrases *p, const char *file, unsigned c)
{
	const struct blob *b = need_blob(file);
	struct line ln;
	size_t pos = 0;

	while (data_next_line(b, &pos, &ln))
		add_phrase(p, ln.data, ln.len, 1ull << c);
}

/* The phrases of file, lines CLASS<TAB>PHRASE: CLASS is name[c], the phrase class first + c. */
static void
add_classed(struct nerf_phrases *p, const char *file, const char *const *name, size_t n, unsigned first)
{
	const struct blob *b = need_blob(file);
	struct line ln;
	size_t pos = 0;

	while (data_next_line(b, &pos, &ln)) {
		const char *tab = memchr(ln.data, '\t', ln.len);
		size_t c;

		for (c = 0; tab && c < n; c++)
			if (strlen(name[c]) == (size_t)(tab - ln.data) && memcmp(name[c], ln.data, (size_t)(tab - ln.data)) == 0)
				break;
		if (!tab || c == n)
			die("%s: want CLASS<TAB>PHRASE, CLASS one of %s ...: %.*s", file, name[0], (int)ln.len, ln.data);
		add_phrase(p, tab + 1, ln.len - (size_t)(tab + 1 - ln.data), 1ull << (first + c));
	}
}

/* A rank bucket of ner-freq.tsv, 0 to 15; -1 if the field is none. */
static int
rank_bucket(const struct line *f)
{
	int v = 0;

	if (f->len < 1 || f->len > 2)
		return -1;
	for (size_t i = 0; i < f->len; i++) {
		if (f->data[i] < '0' || f->data[i] > '9')
			return -1;
		v = v * 10 + (f->data[i] - '0');
	}
	return v <= 15 ? v : -1;
}

static void
add_builtin(struct nerf_phrases *p)
{
	static const struct { const char *file; int field; uint32_t class; } gaz[] = {
		{ "gazetteer-provinces.csv", 1, NERC_PROVINCE },
		{ "gazetteer-regencies.csv", 2, NERC_REGENCY },
		{ "gazetteer-districts.csv", 2, NERC_DISTRICT },
	};
	static const char *const cue_class[] = { "title", "orgcue", "loccue", "orgend", "locend" };
	static const char *const wordnet_class[] = { "per", "org", "loc", "fac" };
	const struct blob *b;
	struct line ln, f;
	struct fields fs = { 0 };
	size_t pos;

	for (size_t g = 0; g < sizeof gaz / sizeof gaz[0]; g++) {
		b = need_blob(gaz[g].file);
		pos = 0;
		data_next_line(b, &pos, &ln);	/* the header */
		while (data_next_line(b, &pos, &ln)) {
			if (!csv_field(&ln, gaz[g].field, &f))
				continue;
			add_phrase(p, f.data, f.len, 1u << gaz[g].class);
			/* Regencies are met without their Kabupaten or Kota too. */
			if (f.len > 10 && memcmp(f.data, "Kabupaten ", 10) == 0)
				add_phrase(p, f.data + 10, f.len - 10, 1u << gaz[g].class);
			else if (f.len > 5 && memcmp(f.data, "Kota ", 5) == 0)
				add_phrase(p, f.data + 5, f.len - 5, 1u << gaz[g].class);
		}
	}
	add_classed(p, "ner-cues.txt", cue_class, sizeof cue_class / sizeof *cue_class, NERC_TITLE);
	add_classed(p, "ner-wordnet.tsv", wordnet_class, sizeof wordnet_class / sizeof *wordnet_class, NERC_WNPER);
	add_list(p, "ner-places.txt", NERC_PLACE);
	add_list(p, "ner-cities.txt", NERC_CITY);
	add_list(p, "ner-en-names.txt", NERC_ENNAME);
	add_list(p, "ner-id-given.txt", NERC_IDGIVEN);
	add_list(p, "ner-given.txt", NERC_GIVEN);
	add_list(p, "ner-id-names.txt", NERC_IDNAME);
	add_list(p, "gazetteer-villages.txt", NERC_VILLAGE);
	b = need_blob("ner-clusters.tsv");
	pos = 0;
	while (data_next_line(b, &pos, &ln)) {
		const char *tab = memchr(ln.data, '\t', ln.len);
		uint64_t bits = 0;

		if (!tab || ln.len - (size_t)(tab + 1 - ln.data) != NERC_CLUSTER_DEPTH)
			die("ner-clusters.tsv: want WORD<TAB>BITS, %d bits: %.*s", NERC_CLUSTER_DEPTH,
			    (int)ln.len, ln.data);
		for (const char *d = tab + 1; d < ln.data + ln.len; d++)
			bits = bits << 1 | (*d == '1');
		add_phrase(p, ln.data, (size_t)(tab - ln.data), bits << NERC_CLUSTER_SHIFT | NERC_HASCLUSTER);
	}
	b = need_blob("ner-propn.tsv");
	pos = 0;
	while (data_next_line(b, &pos, &ln)) {
		const char *tab = memchr(ln.data, '\t', ln.len);

		if (!tab || ln.len - (size_t)(tab - ln.data) != 2 || (tab[1] != 'p' && tab[1] != 'o'))
			die("ner-propn.tsv: want WORD<TAB>p or o: %.*s", (int)ln.len, ln.data);
		add_phrase(p, ln.data, (size_t)(tab - ln.data), 1u << (tab[1] == 'p' ? NERC_PROPN : NERC_NOTPROPN));
	}
	b = need_blob("ner-freq.tsv");
	pos = 0;
	while (data_next_line(b, &pos, &ln)) {
		int wiki, subs;

		fields_split(&fs, &ln);
		if (fs.n != 3 || (wiki = rank_bucket(&fs.f[1])) < 0 || (subs = rank_bucket(&fs.f[2])) < 0)
			die("ner-freq.tsv: want WORD<TAB>0-15<TAB>0-15: %.*s", (int)ln.len, ln.data);
		add_phrase(p, fs.f[0].data, fs.f[0].len, (uint64_t)(wiki << 4 | subs) << NERC_FREQ_SHIFT);
	}
	fields_free(&fs);
}

/* The names of sentence s as phrases of their type, their capitalised words as words of their type. */
static void
add_learnt(struct nerf_phrases *p, const struct conll *c, const struct conll_sentence *s)
{
	const char *text = c->text.data + s->text;
	const struct token *tok = c->tok + s->tok;
	const unsigned char *gold = c->gold + s->tok;

	for (size_t i = 0; i < s->n; i++) {
		size_t j;
		unsigned type;

		if (text[tok[i].start] >= 'a' && text[tok[i].start] <= 'z')
			add_phrase(p, text + tok[i].start, tok[i].end - tok[i].start, 1u << NERC_COMMON);
		if (gold[i] == 0 || (gold[i] & 1) == 0)
			continue;
		type = (gold[i] - 1) / 2;
		for (j = i + 1; j < s->n && gold[j] == gold[i] + 1; j++)
			;
		add_phrase(p, text + tok[i].start, tok[j - 1].end - tok[i].start, 1u << (NERC_PER + type));
		for (size_t k = i; k < j; k++)
			if (text[tok[k].start] >= 'A' && text[tok[k].start] <= 'Z')
				add_phrase(p, text + tok[k].start, tok[k].end - tok[k].start,
				    1u << (NERC_PERTOK + type));
	}
}

void
nerlists_build(struct nerf_phrases *p, const struct conll *c, size_t folds, size_t leave_out)
{
	nerf_phrases_init(p, 1 << 15);
	add_builtin(p);
	for (size_t i = 0; i < c->ns; i++)
		if (folds == 0 || i % folds != leave_out)
			add_learnt(p, c, &c->s[i]);
}
