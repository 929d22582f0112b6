/*
 * English sentences: the statistical tagger learnt Indonesian, so in English
 * its names are trimmed by English evidence (a capitalised common word that
 * opens a sentence or a headline names nothing, a name stops at a
 * preposition or a day), and the countries get their VALUE in the language
 * asked.  Dotted abbreviations (U.S., U.K.) are kept whole in any language.
 */
#include <stdint.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "entity-impl.h"
#include "mem.h"

#define HEADLINE_WORDS 3	/* long words a headline has at least */

void
places_load(struct tagger *t)
{
	const struct blob *b = data_find("ner-places.txt");
	struct line ln;
	size_t pos = 0;

	if (!b)
		die("built-in ner-places.txt: missing");
	table_init(&t->place, 512);
	while (data_next_line(b, &pos, &ln)) {
		lower_key(&t->key, ln.data, ln.len);
		table_intern(&t->place, t->key.data, t->key.len, NULL);
	}
	if (!(b = data_find("countries.tsv")))
		die("built-in countries.tsv: missing");
	pos = 0;
	table_init(&t->country, 256);
	while (data_next_line(b, &pos, &ln)) {
		const char *id = memchr(ln.data, '\t', ln.len), *en;
		size_t k;
		int added;

		if (!id || !(en = memchr(id + 1, '\t', ln.len - (size_t)(id + 1 - ln.data))))
			continue;
		id++;
		lex_add(t, &t->builtin, ln.data, (size_t)(id - 1 - ln.data), T_LOC, P_LIST, id, (size_t)(en - id), 0);
		k = table_intern(&t->country, id, (size_t)(en - id), &added);
		if (!added)
			continue;
		t->country_at = xgrow(t->country_at, &t->country_cap, k + 1, sizeof *t->country_at);
		t->country_at[k] = t->country_en.len;
		en++;
		buf_add(&t->country_en, en, ln.len - (size_t)(en - ln.data));
		buf_addc(&t->country_en, '\0');
	}
	table_init(&t->country_start, 256);
	for (const char *en = t->country_en.data, *end = en + t->country_en.len; en < end; en += strlen(en) + 1)
		if (strlen(en) >= 4)
			table_intern(&t->country_start, en, 4, NULL);
}

void
places_free(struct tagger *t)
{
	if (!t->country.view) {	/* a prepared tagger's are the image's */
		buf_free(&t->country_en);
		free(t->country_at);
	}
	table_free(&t->place);
	table_free(&t->country);
	table_free(&t->country_start);
}

void
country_value(struct tagger *t, struct mention *m)
{
	int lang = t->values_lang != LANG_AUTO ? t->values_lang : t->english ? LANG_EN : LANG_ID;
	long long k;
	const char *en;

	if (lang != LANG_EN || m->type != T_LOC ||
	    (k = table_find(&t->country, t->values.data + m->value, m->vlen)) < 0)
		return;
	en = t->country_en.data + t->country_at[k];
	add_value(t, m, en, strlen(en));
}

/*
 * Has the sentence a double quote token?  Its bytes tell: a '"' is a
 * token of its own, and so is each curly one (U+201C to U+201F: E2 80
 * 9C to 9F), as the reader made the text valid UTF-8.
 */
static int
has_quote(struct tagger *t, const char *s)
{
	const char *p, *end;

	if (t->ntok == 0)
		return 0;
	p = s + t->tok[0].start;
	end = s + t->tok[t->ntok - 1].end;
	if (memchr(p, '"', (size_t)(end - p)))
		return 1;
	for (; (p = memchr(p, 0xe2, (size_t)(end - p))) && end - p > 2; p++)
		if ((unsigned char)p[1] == 0x80 && (unsigned char)p[2] >= 0x9c && (unsigned char)p[2] <= 0x9f)
			return 1;
	return 0;
}

/* The English stopwords of the sentence minus its Indonesian ones (words that begin with an ASCII letter). */
static long
stopword_votes(struct tagger *t, const char *s)
{
	long votes = 0;

	for (size_t i = 0; i < t->ntok; i++) {
		int kinds = cue_of(t, s, i) & (E_EN_STOP | E_ID_STOP);

		if (is_upper((unsigned char)s[t->tok[i].start]) || (s[t->tok[i].start] >= 'a' && s[t->tok[i].start] <= 'z'))
			votes += (kinds == E_EN_STOP) - (kinds == E_ID_STOP);
	}
	return votes;
}

static int headline(struct tagger *t, const char *s);
static void find_titles(struct tagger *t, const char *s);

/* Is the sentence English: by --lang, else by its stopwords and its document's? */
void
english_begin(struct tagger *t, const char *s)
{
	t->english = t->lang == LANG_AUTO ? english_vote(&t->en, stopword_votes(t, s)) : t->lang == LANG_EN;
	t->quoted = t->english && has_quote(t, s);
	if (t->quoted)
		find_titles(t, s);
	t->headline = t->english && headline(t, s);
	/* found once: asked of each name, a scan from the start was quadratic on a long sentence */
	for (t->first_word = 0; t->first_word < t->ntok; t->first_word++)
		if (is_alnum((unsigned char)s[t->tok[t->first_word].start]))
			break;
}

/* ---- dotted abbreviations ---- */

/* Is token tk a single capital letter? */
static int
letter(const char *s, const struct token *tk)
{
	return tk->end - tk->start == 1 && is_upper((unsigned char)s[tk->start]);
}

/* Is token k a dot written right after token k - 1? */
static int
dot_after(struct tagger *t, const char *s, size_t k)
{
	return k > 0 && k < t->ntok && s[t->tok[k].start] == '.' && t->tok[k - 1].end == t->tok[k].start;
}

/* Is letter k written right after a letter and a dot (the S of U.S)? */
static int
dotted_before(struct tagger *t, const char *s, size_t k)
{
	return k >= 2 && dot_after(t, s, k - 1) && t->tok[k - 1].end == t->tok[k].start && letter(s, &t->tok[k - 2]);
}

/* The end of a span that ends in a letter of a dotted abbreviation (the U of U.N., the S of U.S): past its last dot. */
static size_t
dotted_end(struct tagger *t, const char *s, size_t end)
{
	size_t j = end;

	if (!letter(s, &t->tok[end - 1]))
		return end;
	while (j + 1 < t->ntok && dot_after(t, s, j) && letter(s, &t->tok[j + 1]) && t->tok[j].end == t->tok[j + 1].start)
		j += 2;
	if ((j > end || dotted_before(t, s, end - 1)) && dot_after(t, s, j))
		j++;
	return j;
}

void
dotted_ends(struct tagger *t, const char *s)
{
	for (size_t i = 0; i < t->ncand; i++) {
		struct cand *c = &t->cand[i];

		if (c->t1 != SIZE_MAX && c->t1 > c->t0 && c->type >= 0 && c->type <= T_LOC) {
			c->t1 = dotted_end(t, s, c->t1);
			c->end = t->tok[c->t1 - 1].end;
		}
	}
}

/* ---- English words of a kind ---- */

static const char *const weekdays[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    NULL };
static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", NULL };
/* The last words of an organisation's name (Department, Press) and of a place's (County, Arena). */
static const char *const org_words[] = { "Inc", "Corp", "Co", "Company", "Group", "Bank", "University", "College",
    "Institute", "Department", "Ministry", "Agency", "Commission", "Council", "Committee", "Association",
    "Party", "Press", "News", "Times", "Post", "Journal", "Union", "League", "Club", "Foundation", "Fund",
    "Authority", "Office", "Service", "Services", "Police", "Army", "Navy", "Court", "Senate", "Assembly",
    "Parliament", "Congress", "Democrats", "Records", "Airlines", "Airways", "Motors", "Systems", "Media",
    "Network", "Exchange", "Reserve", "Board", "Bureau", "Embassy", "Hospital", "School", "Church", NULL };
static const char *const place_words[] = { "County", "City", "State", "Province", "River", "Island", "Islands",
    "Lake", "Mountain", "Mountains", "Valley", "Bay", "Beach", "Park", "Street", "Avenue", "Road", "Square",
    "Airport", "Stadium", "Arena", "Center", "Centre", "Palace", "Bridge", "Station", "Theatre", "Theater",
    "Hall", "Hotel", "Museum", NULL };
/* Lower-case words that join the words of a name (Bank of America) and those of a person's (Ludwig van Beethoven). */
static const char *const joints[] = { "of", "and", "the", "for", NULL };
static const char *const particles[] = { "de", "del", "der", "da", "van", "von", "bin", "al", "la", "le", "du", "y",
    NULL };
/* Prepositions after which capitalised words are a place (Institute in Boston). */
static const char *const prepositions[] = { "in", "at", "near", "from", NULL };
/* The small words of a title (Killers of the Flower Moon). */
static const char *const small_words[] = { "of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", NULL };
/* The words that join the words of a run (Bank of America, Securities and Exchange Commission); and "&". */
static const char *const run_joints[] = { "of", "for", "the", "and", "de", "van", "von", "bin", NULL };
/* Nationalities and the like that are no country's name with an ending. */
static const char *const nations[] = { "European", "Asian", "African", "Arab", "Muslim", "Christian", "Jewish",
    "Islamic", "Catholic", "French", "Dutch", "Swiss", "Greek", "Thai", "Welsh", "Scottish", "Irish", NULL };

static const struct {
	const char *const *words;
	int kind;
} english_words[] = {
	{ weekdays, E_WEEKDAY }, { months, E_MONTH }, { org_words, E_ORG }, { place_words, E_PLACE },
	{ joints, E_JOINT }, { particles, E_PARTICLE }, { prepositions, E_PREPOSITION }, { small_words, E_SMALL },
	{ run_joints, E_RUN_JOINT }, { nations, E_NATION },
};

/* A stopword of english.h, its kinds (EN_STOP, ID_STOP, EN_LOWER) as cue flags (E_EN_STOP, ...). */
static void
add_stopword(void *t, const char *w, size_t n, int kinds)
{
	add_cue(t, w, n, kinds << 24);
}

void
english_words_load(struct tagger *t)
{
	for (size_t i = 0; i < sizeof english_words / sizeof *english_words; i++)
		for (const char *const *w = english_words[i].words; *w; w++)
			add_cue(t, *w, strlen(*w), english_words[i].kind);
	english_stopwords(add_stopword, t);
}

/* Is token k an English word of the kind (E_ flags; any case, as find_cues() looked it up)? */
static int
is_kind(struct tagger *t, size_t k, int kind)
{
	return (t->cues[k] & kind) != 0;
}

/* ---- names of English sentences ---- */

static int kind_word(struct tagger *t, const char *s, size_t k);
static int demonym(struct tagger *t, const char *s, size_t k);

static int
capital_word(const char *s, const struct token *tk)
{
	return is_upper((unsigned char)s[tk->start]) && tk->end - tk->start > 1 &&
	    is_lower((unsigned char)s[tk->start + 1]);
}

/* Is token k a capitalised English common word that is never a name (However, Meanwhile)? */
static int
common_word(struct tagger *t, const char *s, size_t k)
{
	const struct token *tk = &t->tok[k];

	if (!capital_word(s, tk))
		return 0;
	if (!is_kind(t, k, E_LOOKED_UP)) {	/* a token is asked about many times: looked up once */
		t->cues[k] |= E_LOOKED_UP;
		if (english_common_word(s + tk->start, tk->end - tk->start))	/* (common_not_given asks the next) */
			t->cues[k] |= E_COMMON | (english_given_name(s + tk->start, tk->end - tk->start) ? E_GIVEN : 0);
	}
	return is_kind(t, k, E_COMMON);
}

/* A common word that is no given name too (not Kylie): no part of a name but its last word. */
static int
common_not_given(struct tagger *t, const char *s, size_t k)
{
	return common_word(t, s, k) && !is_kind(t, k, E_GIVEN);
}

/* Is token k a word that opens a sentence and no name: a stopword (Here, Now) or a common word (However)? */
static int
opening_word(struct tagger *t, const char *s, size_t k)
{
	const struct token *tk = &t->tok[k];

	return k <= t->first_word && capital_word(s, tk) &&	/* only punctuation (quotes, a dash) before it */
	    (common_not_given(t, s, k) || is_kind(t, k, E_EN_LOWER));
}

/* Is the sentence a headline: its long words nearly all capitalised (So Many Ways to Play)? */
static int
headline(struct tagger *t, const char *s)
{
	size_t k, words = 0, caps = 0;

	for (k = 1; k < t->ntok; k++) {
		const struct token *tk = &t->tok[k];

		if (tk->end - tk->start < 4 || !is_alnum((unsigned char)s[tk->start]) || is_digit((unsigned char)s[tk->start]))
			continue;
		words++;
		caps += is_upper((unsigned char)s[tk->start]);
	}
	return words >= HEADLINE_WORDS && caps * 5 >= words * 4;
}

/* A lower-case word that joins the words of a name (Bank of America; a person's: Ludwig van Beethoven). */
static int
name_joint(struct tagger *t, size_t k, int type)
{
	return is_kind(t, k, E_PARTICLE) || (type != T_PER && is_kind(t, k, E_JOINT));
}

/*
 * Mark the tokens where a date or a time starts, once per sentence: asked of
 * each word of each name, a search of the candidates was quadratic on a long
 * sentence.
 */
static void
find_date_starts(struct tagger *t)
{
	t->date_at = xgrow(t->date_at, &t->date_cap, t->ntok + 1, 1);
	memset(t->date_at, 0, t->ntok);
	for (size_t i = 0; i < t->ncand; i++) {
		size_t lo = 0, hi = t->ntok, start = t->cand[i].start;

		if (t->cand[i].type != T_DATE && t->cand[i].type != T_TIME)
			continue;
		while (lo < hi) {	/* the first token starting at or after it */
			size_t mid = lo + (hi - lo) / 2;

			if (t->tok[mid].start < start)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < t->ntok && t->tok[lo].start == start)
			t->date_at[lo] = 1;
	}
}

/*
 * Where a name from token a, at most to b, stops: at a lower-case word that
 * joins nothing, a day, a date; at an "and" but in an organisation's name
 * (Department of Health and Human Services, Securities and Exchange
 * Commission; not Virgin Islands and U.N.).
 */
static size_t
name_stop(struct tagger *t, const char *s, size_t a, size_t b, int type)
{
	int joins_and = kind_word(t, s, b - 1) == T_ORG;

	for (size_t k = a + 1; k < b; k++) {
		const struct token *tk = &t->tok[k];

		joins_and |= token_is(s, tk, "of");
		if (is_lower((unsigned char)s[tk->start]) && !(name_joint(t, k, type) && k + 1 < b &&
		    is_upper((unsigned char)s[t->tok[k + 1].start]) && (joins_and || !token_is(s, tk, "and"))))
			return k;
		if (is_kind(t, k, E_WEEKDAY) || t->date_at[k])
			return k;
	}
	return b;
}

/* The capitalised words of a place after a preposition at token k, up to b (in Boston): their end, or k + 1. */
static size_t
place_after(struct tagger *t, const char *s, size_t k, size_t b)
{
	size_t j = k + 1;

	if (!is_kind(t, k, E_PREPOSITION))
		return j;
	while (j < b && capital_word(s, &t->tok[j]) && !common_word(t, s, j) && !is_kind(t, j, E_WEEKDAY))
		j++;
	return j;
}

/* Where a person's name in tokens [a, b) starts: after its titles (Israeli Prime Minister Benjamin Netanyahu) and a common word (Would Adam Schiff). */
static size_t
person_start(struct tagger *t, const char *s, size_t a, size_t b)
{
	for (size_t k = a; k + 1 < b; k++)
		if (cue_of(t, s, k) & C_TITLE)
			a = k + 1;
	if (b - a > 1 && common_not_given(t, s, a))
		a++;
	return a;
}

/* A word written with a capital inside (MagSafe, iPhone, WeWork): a product's or a company's, no person's. */
static int
inner_capital(const char *s, const struct token *tk)
{
	for (size_t p = tk->start + 1; p + 1 < tk->end; p++)
		if (is_lower((unsigned char)s[p]) && is_upper((unsigned char)s[p + 1]))
			return 1;
	return 0;
}

/* Double quotes, straight or curly (U+201C to U+201F); single ones are apostrophes too (Nolan’s). */
static int
quote(const char *s, const struct token *tk)
{
	return s[tk->start] == '"' || (tk->end - tk->start == 3 && memcmp(s + tk->start, "\xe2\x80", 2) == 0 &&
	    ((unsigned char)s[tk->start + 2] >= 0x9c && (unsigned char)s[tk->start + 2] <= 0x9f));
}

/* The quote that opens (1) or closes (-1) a quotation at token tk, or 0: straight quotes alternate, from *straight. */
static int
quote_side(const char *s, const struct token *tk, int *straight)
{
	if (s[tk->start] == '"')
		return (*straight = !*straight) ? 1 : -1;
	if (!quote(s, tk))
		return 0;
	return (unsigned char)s[tk->start + 2] == 0x9c ? 1 : -1;
}

/* Do tokens [i, j) hold only capitalised words and the small words of a title (Killers of the Flower Moon)? */
static int
title_case(struct tagger *t, const char *s, size_t i, size_t j)
{
	for (; i < j; i++) {
		const struct token *tk = &t->tok[i];

		if (is_lower((unsigned char)s[tk->start]) && is_alnum((unsigned char)s[tk->start]) && !is_kind(t, i, E_SMALL))
			return 0;
	}
	return 1;
}

/*
 * The titles of works in quotes of a quoted sentence ("Barbie", "Killers of
 * the Flower Moon"), not quoted speech: each token strictly inside one gets
 * its closing quote's token, once for all the names asked about.
 */
static void
find_titles(struct tagger *t, const char *s)
{
	size_t k, open = SIZE_MAX;
	int straight = 0, side;

	t->title_end = xgrow(t->title_end, &t->title_cap, t->ntok, sizeof *t->title_end);
	memset(t->title_end, 0, t->ntok * sizeof *t->title_end);
	for (k = 0; k < t->ntok; k++) {
		side = quote_side(s, &t->tok[k], &straight);
		if (side > 0)
			open = k;
		else if (side < 0 && open != SIZE_MAX) {
			if (k - open <= 2 * MAXNAME + 2 && title_case(t, s, open + 1, k))
				for (size_t i = open + 1; i < k; i++)
					t->title_end[i] = k;
			open = SIZE_MAX;
		}
	}
}

/* Are tokens [a, b) (a < b) inside the title of a work in quotes? */
static int
in_title(struct tagger *t, size_t a, size_t b)
{
	return t->quoted && t->title_end[a] >= b;
}

/*
 * May tokens [a, b) (of a span from t0) be a person's name?  Not after
 * "the" (the Nintendo Switch), not in quotes (a work's title), not with a
 * common word but for the last (Switch Lite; a surname may be one: Chris
 * Tang), a digit, or a capital inside a word (MagSafe).
 */
static int
person_like(struct tagger *t, const char *s, size_t t0, size_t a, size_t b)
{
	const struct token *tk = t->tok;

	if ((a > 0 && token_is(s, &tk[a - 1], "the")) || token_is(s, &tk[t0], "the"))
		return 0;
	if (a > 0 && b < t->ntok && quote(s, &tk[a - 1]) && quote(s, &tk[b]))
		return 0;
	for (size_t k = a; k < b; k++)
		if ((k + 1 < b && common_not_given(t, s, k)) || is_digit((unsigned char)s[tk[k].start]) || inner_capital(s, &tk[k]))
			return 0;
	return 1;
}

/* Tokens [a, b) of candidate c trimmed by English evidence; an empty span drops it. */
static void
trim(struct tagger *t, const char *s, const struct cand *c, int head, size_t *pa, size_t *pb)
{
	size_t a = c->t0, b = name_stop(t, s, c->t0, c->t1, c->type), k;

	if (b < c->t1 && (k = place_after(t, s, b, c->t1)) > b + 1)
		add_tokens(t, b + 1, k, T_LOC, P_MODEL);
	while (a < b && (token_is(s, &t->tok[a], "the") ||
	    (head && common_not_given(t, s, a)) || opening_word(t, s, a)))
		a++;
	if (c->type == T_PER)
		a = person_start(t, s, a, b);
	while (head && b > a && common_word(t, s, b - 1))
		b--;
	if (b - a == 1 && (common_word(t, s, a) || (cue_of(t, s, a) & C_TITLE) || demonym(t, s, a)))
		b = a;
	if (b > a && in_title(t, a, b))
		b = a;
	if (c->type == T_PER && a < b && !person_like(t, s, c->t0, a, b))
		b = a;
	*pa = a;
	*pb = b;
}

void
english_names(struct tagger *t, const char *s)
{
	size_t i, kept = 0, n = t->ncand;
	int head = t->headline, dates = 0;

	for (i = 0; i < t->ntok; i++)	/* the words asked about below and by find_english_runs(): their misses overlap */
		if (capital_word(s, &t->tok[i]))
			english_prefetch(s + t->tok[i].start, t->tok[i].end - t->tok[i].start);

	for (i = 0; i < n; i++) {
		struct cand c = t->cand[i];
		size_t a, b;

		if (c.type >= T_PER && c.type <= T_LOC && c.t1 != SIZE_MAX && (c.prio == P_MODEL || c.prio == P_CUE)) {
			if (!dates) {	/* at the first name: every candidate is still in place */
				find_date_starts(t);
				dates = 1;
			}
			trim(t, s, &c, head, &a, &b);
			if (a == b)
				continue;
			if (c.type != T_PER && kind_word(t, s, b - 1) >= 0)	/* London Stock Exchange, Virgin Islands */
				c.type = kind_word(t, s, b - 1);
			c.t0 = a;
			c.t1 = b;
			c.start = t->tok[a].start;
			c.end = t->tok[b - 1].end;
		}
		t->cand[kept++] = c;
	}
	/* the places found after prepositions, added past the first n (none: maybe no array yet) */
	if (t->ncand > n)
		memmove(t->cand + kept, t->cand + n, (t->ncand - n) * sizeof *t->cand);
	t->ncand = kept + (t->ncand - n);
}

/* ---- names no other source found ---- */

/* Is token k a word of a run of names: capitalised (Reuters, McKinley, WeWork) or in capitals (NYAG), not a day or month? */
static int
run_word(struct tagger *t, const char *s, size_t k)
{
	const struct token *tk = &t->tok[k];

	return is_upper((unsigned char)s[tk->start]) && tk->end - tk->start > 1 && !is_kind(t, k, E_WEEKDAY | E_MONTH);
}

/* Is token k a "." that belongs to the name around it (Patrick W. Carlineo, St. Louis)? */
static int
name_dot(struct tagger *t, const char *s, size_t k)
{
	const struct token *tk = t->tok;

	return s[tk[k].start] == '.' && k > 0 && k + 1 < t->ntok && tk[k - 1].end == tk[k].start &&
	    (tk[k - 1].end - tk[k - 1].start == 1 || token_is(s, &tk[k - 1], "St") || token_is(s, &tk[k - 1], "Mt")) &&
	    is_upper((unsigned char)s[tk[k - 1].start]);
}

/* A nationality or the like (Japanese, British, Israeli, European): the start of a country's name with an ending. */
static int
demonym(struct tagger *t, const char *s, size_t i)
{
	static const char *const ending[] = { "an", "ian", "ese", "ish", "i", "ic", NULL };
	const struct token *tk = &t->tok[i];
	const char *w = s + tk->start;
	size_t n = tk->end - tk->start, k;

	if (is_kind(t, i, E_NATION))
		return 1;
	if (n > 4 && w[n - 1] == 's')	/* Austrians */
		n--;
	/* the start first: few words begin as a country does, and an ending needs n > 4 */
	if (n <= 4 || table_find(&t->country_start, w, 4) < 0)
		return 0;
	for (k = 0; ending[k]; k++) {
		size_t e = strlen(ending[k]);

		if (n > e + 3 && memcmp(w + n - e, ending[k], e) == 0)
			return 1;
	}
	return 0;
}

/* The type of an organisation's or a place's last word (Department, Press; County, Arena), or -1. */
static int
kind_word(struct tagger *t, const char *s, size_t k)
{
	if (cue_of(t, s, k) & (E_ORG | C_ORGEND | C_COMPANY))
		return T_ORG;
	return is_kind(t, k, E_PLACE) ? T_LOC : -1;
}

/* Is the text of tokens [a, b) a place: a city, a region, a country? */
static int
known_place(struct tagger *t, const char *s, size_t a, size_t b)
{
	const char *w = s + t->tok[a].start;
	size_t n = t->tok[b - 1].end - t->tok[a].start;

	if (english_city(w, n))
		return 1;
	return table_find(&t->place, t->low.data + t->tok[a].start, n) >= 0 || table_find(&t->country, w, n) >= 0;
}

static int
has_digit(const char *s, const struct token *tk)
{
	for (size_t p = tk->start; p < tk->end; p++)
		if (is_digit((unsigned char)s[p]))
			return 1;
	return 0;
}

/* The type of the run of names [a, b) after trimming, or -1 for none. */
static int
run_type(struct tagger *t, const char *s, size_t a, size_t b, int titled)
{
	int kind = kind_word(t, s, b - 1);
	size_t k;

	if ((b - a == 1 && (common_word(t, s, a) || in_capitals(s, t->tok, a, b) || has_digit(s, &t->tok[a]))) ||
	    demonym(t, s, b - 1))	/* Japanese, Native American */
		return -1;
	if (titled)
		return T_PER;
	if (kind >= 0)
		return kind;
	if (known_place(t, s, a, b))
		return T_LOC;
	if (b - a == 1)
		return T_ORG;
	for (k = a; k < b; k++)
		if (common_word(t, s, k) || in_capitals(s, t->tok, k, k + 1) || !capital_word(s, &t->tok[k]))
			return T_ORG;
	return b - a <= 4 ? T_PER : T_ORG;
}

/* Runs of capitalised words are names in English: a person after a title, an organisation or place by its last word or the lists. */
static void
add_run(struct tagger *t, const char *s, size_t a, size_t b)
{
	int titled = a > 0 && (cue_of(t, s, a - 1) & C_TITLE) && is_upper((unsigned char)s[t->tok[a - 1].start]);
	int type;

	while (a < b && (token_is(s, &t->tok[a], "the") || opening_word(t, s, a) ||
	    (cue_of(t, s, a) & C_TITLE) || s[t->tok[a].start] == '.')) {
		titled |= (cue_of(t, s, a) & C_TITLE) != 0;
		a++;
	}
	while (b > a && !run_word(t, s, b - 1))
		b--;
	if (a < b && !in_title(t, a, b) && (type = run_type(t, s, a, b, titled)) >= 0)
		add_tokens(t, a, b, type, P_RUN);
}

/* Is token k a word that joins the words of a run (Bank of America, Johnson & Johnson, Securities and Exchange Commission)? */
static int
run_joint(struct tagger *t, const char *s, size_t k)
{
	return is_kind(t, k, E_RUN_JOINT) || token_is(s, &t->tok[k], "&");
}

/*
 * The run [i, j) as one name if it is an organisation's by its last word
 * or holds an "of" (Department of Health and Human Services), else as
 * the names its "and"s join (Samsung and Apple).
 */
static void
add_runs(struct tagger *t, const char *s, size_t i, size_t j)
{
	size_t k, from = i;

	for (k = i; k < j; k++)
		if (token_is(s, &t->tok[k], "of"))
			break;
	if (k < j || kind_word(t, s, j - 1) == T_ORG) {
		add_run(t, s, i, j);
		return;
	}
	for (k = i; k < j; k++)
		if (token_is(s, &t->tok[k], "and")) {
			add_run(t, s, from, k);
			from = k + 1;
		}
	add_run(t, s, from, j);
}

void
find_english_runs(struct tagger *t, const char *s)
{
	size_t i = 0, j;

	if (t->headline)	/* every word of a headline is capitalised */
		return;
	while (i < t->ntok) {
		if (!run_word(t, s, i)) {
			i++;
			continue;
		}
		for (j = i + 1; j < t->ntok; j++)
			if (!run_word(t, s, j) && !name_dot(t, s, j) &&
			    (j + 1 == t->ntok || !run_word(t, s, j + 1) || !run_joint(t, s, j)))
				break;
		add_runs(t, s, i, j);
		i = j;
	}
}
