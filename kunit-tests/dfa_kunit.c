// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: dfa.c (and perms.c on real data). Real apparmor_parser 3.0.8
 * DFAs (dfa_vectors.h, made by tools/dfa/gen-vectors.py from
 * shared/testdata) are unpacked and walked with the queries whose final
 * states and permissions aa-policy-dump computed; then the same
 * blobs are truncated at every offset and corrupted field by field, and
 * every damaged copy must be refused with the right reason.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/unaligned.h>
#include "dfa.h"
#include "perms.h"

struct rp_dfa_vector {
	const char *file;
	const char *profile;
	const char *role;
	const u8 *blob;
	size_t len;
};

/* One walk: tokens are bytes, or -1 for the out-of-band transition. */
struct rp_dfa_query {
	const char *file;
	const char *profile;
	const char *role;
	const char *text;
	s16 tok[128];
	unsigned int ntok;
	unsigned int state;
	u32 owner[5];		/* allow deny audit quiet xindex */
	u32 other[5];
	bool has_other;
};

#include "dfa_vectors.h"

static const struct rp_dfa_vector *rp_find_vector(const char *file,
						  const char *profile,
						  const char *role)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rp_dfa_vectors); i++) {
		const struct rp_dfa_vector *v = &rp_dfa_vectors[i];

		if (!strcmp(v->file, file) && !strcmp(v->profile, profile) &&
		    !strcmp(v->role, role))
			return v;
	}
	return NULL;
}

static struct rp_dfa *rp_test_unpack(struct kunit *test,
				     const struct rp_dfa_vector *v)
{
	struct rp_dfa_error err = {};
	struct rp_dfa *dfa;

	KUNIT_ASSERT_NOT_NULL(test, v);
	dfa = rp_dfa_unpack(v->blob, v->len, RP_DFA_WANT_ACCEPT2, &err);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(dfa), "%s %s %s: %s at %zu",
			       v->file, v->profile, v->role, err.what,
			       err.offset);
	return dfa;
}

static unsigned int rp_walk_tokens(const struct rp_dfa *dfa,
				   const struct rp_dfa_query *q)
{
	unsigned int s = RP_DFA_START, i;

	for (i = 0; i < q->ntok; i++)
		s = q->tok[i] < 0 ? rp_dfa_oob_step(dfa, s) :
				    rp_dfa_step(dfa, s, q->tok[i]);
	return s;
}

static void rp_vector_desc(const struct rp_dfa_vector *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s %s %s", v->file, v->profile,
		 v->role);
}

KUNIT_ARRAY_PARAM(rp_vector, rp_dfa_vectors, rp_vector_desc);

static void rp_query_desc(const struct rp_dfa_query *q, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s %s %s %s", q->file,
		 q->profile, q->role, q->text);
}

KUNIT_ARRAY_PARAM(rp_query, rp_dfa_queries, rp_query_desc);

static void rp_dfa_parser_output_unpacks(struct kunit *test)
{
	const struct rp_dfa_vector *v = test->param_value;
	struct rp_dfa *dfa = rp_test_unpack(test, v);
	unsigned int c;

	KUNIT_EXPECT_GE(test, dfa->nstates, 2u);
	KUNIT_EXPECT_NOT_NULL(test, dfa->accept2);
	/* The parser's state 0 is a trap: every byte leads back to it. */
	for (c = 0; c < 256; c++)
		KUNIT_EXPECT_EQ(test, rp_dfa_step(dfa, RP_DFA_DEAD, c),
				RP_DFA_DEAD);
	KUNIT_EXPECT_EQ(test, rp_dfa_oob_step(dfa, RP_DFA_DEAD), RP_DFA_DEAD);
	rp_dfa_free(dfa);
}

static void rp_dfa_walk_ends_in_the_expected_state(struct kunit *test)
{
	const struct rp_dfa_query *q = test->param_value;
	const struct rp_dfa_vector *v = rp_find_vector(q->file, q->profile,
						       q->role);
	struct rp_dfa *dfa;
	bool plain = true;
	char str[129];
	unsigned int i;

	if (!v)
		kunit_skip(test, "no vector for %s %s", q->file, q->role);
	dfa = rp_test_unpack(test, v);
	KUNIT_EXPECT_EQ(test, rp_walk_tokens(dfa, q), q->state);

	/* Without NULs or out-of-band steps, the string walks agree. */
	for (i = 0; i < q->ntok; i++) {
		if (q->tok[i] <= 0)
			plain = false;
		str[i] = q->tok[i];
	}
	str[q->ntok] = '\0';
	if (plain) {
		const char *end;
		char sep = 1;

		/* a separator the query does not contain */
		while (strchr(str, sep))
			sep++;
		KUNIT_EXPECT_EQ(test, rp_dfa_match(dfa, RP_DFA_START, str),
				q->state);
		KUNIT_EXPECT_EQ(test, rp_dfa_match_len(dfa, RP_DFA_START, str,
						       q->ntok), q->state);
		KUNIT_EXPECT_EQ(test, rp_dfa_match_until(dfa, RP_DFA_START,
							 str, sep, &end),
				q->state);
		KUNIT_EXPECT_PTR_EQ(test, end, (const char *)str + q->ntok);
	}
	rp_dfa_free(dfa);
}

static void rp_expect_perms(struct kunit *test, const struct rp_perms *p,
			    const u32 *want, const char *which)
{
	KUNIT_EXPECT_EQ_MSG(test, p->allow, want[0], "%s allow", which);
	KUNIT_EXPECT_EQ_MSG(test, p->deny, want[1], "%s deny", which);
	KUNIT_EXPECT_EQ_MSG(test, p->audit, want[2], "%s audit", which);
	KUNIT_EXPECT_EQ_MSG(test, p->quiet, want[3], "%s quiet", which);
	KUNIT_EXPECT_EQ_MSG(test, p->xindex, want[4], "%s xindex", which);
}

/* Walk, then decode the final state as the kernel would for this role. */
static void rp_dfa_final_state_grants_expected_perms(struct kunit *test)
{
	const struct rp_dfa_query *q = test->param_value;
	struct rp_dfa *dfa = rp_test_unpack(test, rp_find_vector(q->file,
								 q->profile,
								 q->role));
	unsigned int s = rp_walk_tokens(dfa, q);
	unsigned int abi = strstr(q->file, ".v5") ? 5 : 7;
	struct rp_perms p;

	if (!strcmp(q->role, "file")) {
		rp_perms_from_file(&p, dfa->accept[s], dfa->accept2[s], false);
		rp_expect_perms(test, &p, q->owner, "owner");
		KUNIT_EXPECT_TRUE(test, q->has_other);
		rp_perms_from_file(&p, dfa->accept[s], dfa->accept2[s], true);
		rp_expect_perms(test, &p, q->other, "other");
	} else if (!strcmp(q->role, "policy")) {
		rp_perms_from_policy(&p, s, dfa->accept[s], dfa->accept2[s], abi);
		rp_expect_perms(test, &p, q->owner, "policy");
	} else {
		rp_perms_from_xmatch(&p, s, dfa->accept[s]);
		rp_expect_perms(test, &p, q->owner, "xmatch");
	}
	rp_dfa_free(dfa);
}

/* For queries of plain bytes, rp_dfa_match() must end where steps do. */
static void rp_expect_string_walk(struct kunit *test, const struct rp_dfa *dfa,
				  const struct rp_dfa_query *q, unsigned int want)
{
	char str[129];
	unsigned int i;

	for (i = 0; i < q->ntok; i++) {
		if (q->tok[i] <= 0)
			return;
		str[i] = q->tok[i];
	}
	str[q->ntok] = '\0';
	KUNIT_EXPECT_EQ_MSG(test, rp_dfa_match(dfa, RP_DFA_START, str), want,
			    "%s", q->text);
	KUNIT_EXPECT_EQ_MSG(test, rp_dfa_match_len(dfa, RP_DFA_START, str,
						   q->ntok), want, "%s", q->text);
}

/* The -O equiv and diff-encoded builds accept exactly what the plain one does. */
static void rp_dfa_variants_agree_with_plain(struct kunit *test)
{
	static const char *const variants[] = {
		"02-files.equiv.bin", "02-files.diffenc.bin"
	};
	const struct rp_dfa_query *q;
	struct rp_dfa *plain, *var;
	unsigned int i, k, s, t, checked = 0;

	for (k = 0; k < ARRAY_SIZE(rp_dfa_queries); k++) {
		q = &rp_dfa_queries[k];
		if (strcmp(q->file, "02-files.bin") || strcmp(q->profile, "files"))
			continue;
		plain = rp_test_unpack(test, rp_find_vector(q->file, q->profile,
							    q->role));
		s = rp_walk_tokens(plain, q);
		for (i = 0; i < ARRAY_SIZE(variants); i++) {
			var = rp_test_unpack(test, rp_find_vector(variants[i],
								  q->profile,
								  q->role));
			t = rp_walk_tokens(var, q);
			KUNIT_EXPECT_EQ_MSG(test, var->accept[t], plain->accept[s],
					    "%s %s", variants[i], q->text);
			KUNIT_EXPECT_EQ_MSG(test, var->accept2[t],
					    plain->accept2[s], "%s %s",
					    variants[i], q->text);
			KUNIT_EXPECT_EQ(test, t == RP_DFA_DEAD, s == RP_DFA_DEAD);
			/* the string walk of each variant lands on the same state */
			rp_expect_string_walk(test, var, q, t);
			rp_dfa_free(var);
			checked++;
		}
		rp_dfa_free(plain);
	}
	KUNIT_EXPECT_GE(test, checked, 60u);
}

static void rp_dfa_variants_set_their_flags(struct kunit *test)
{
	struct rp_dfa *e, *d, *x;

	e = rp_test_unpack(test, rp_find_vector("02-files.equiv.bin", "files",
						"file"));
	d = rp_test_unpack(test, rp_find_vector("02-files.diffenc.bin", "files",
						"file"));
	x = rp_test_unpack(test, rp_find_vector("07-xattr.bin", "xattrs",
						"xmatch"));
	KUNIT_EXPECT_TRUE(test, e->flags & RP_DFA_HAS_EQUIV);
	KUNIT_EXPECT_TRUE(test, d->flags & RP_DFA_HAS_DIFF);
	KUNIT_EXPECT_TRUE(test, x->flags & RP_DFA_HAS_OOB);
	KUNIT_EXPECT_FALSE(test, x->flags & (RP_DFA_HAS_DIFF | RP_DFA_HAS_EQUIV));
	rp_dfa_free(e);
	rp_dfa_free(d);
	rp_dfa_free(x);
}

static void rp_dfa_walks_from_the_dead_state_stay_dead(struct kunit *test)
{
	struct rp_dfa *dfa = rp_test_unpack(test, rp_find_vector("02-files.bin",
								 "files", "file"));
	unsigned int n = 7;

	KUNIT_EXPECT_EQ(test, rp_dfa_match(dfa, RP_DFA_DEAD, "/etc/hostname"),
			RP_DFA_DEAD);
	KUNIT_EXPECT_EQ(test, rp_dfa_match_len(dfa, RP_DFA_DEAD, "/etc", 4),
			RP_DFA_DEAD);
	KUNIT_EXPECT_EQ(test, rp_dfa_leftmatch(dfa, RP_DFA_DEAD, "/etc", &n),
			RP_DFA_DEAD);
	KUNIT_EXPECT_EQ(test, n, 0u);
	rp_dfa_free(dfa);
}

struct rp_leftmatch_case {
	const char *path;
	unsigned int count;
	bool dead;
};

static void rp_dfa_leftmatch_counts_the_literal_prefix(struct kunit *test)
{
	static const struct rp_leftmatch_case cases[] = {
		{ "/usr/bin/files", 14, false },
		{ "/usr/bin/files-helper", 21, false },
		{ "/usr/bin/filesx", 0, true },
		{ "/usr/sbin/files", 0, true },
	};
	struct rp_dfa *dfa = rp_test_unpack(test, rp_find_vector("02-files.bin",
								 "files", "xmatch"));
	unsigned int i, n, s;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		s = rp_dfa_leftmatch(dfa, RP_DFA_START, cases[i].path, &n);
		KUNIT_EXPECT_EQ_MSG(test, n, cases[i].count, "%s", cases[i].path);
		KUNIT_EXPECT_EQ_MSG(test, s == RP_DFA_DEAD, cases[i].dead, "%s",
				    cases[i].path);
		n = rp_dfa_match(dfa, RP_DFA_START, cases[i].path);
		KUNIT_EXPECT_EQ(test, s, n);
	}
	rp_dfa_free(dfa);
}

static void rp_dfa_truncated_anywhere_is_refused(struct kunit *test)
{
	static const char *const files[] = { "01-min.bin", "02-files.bin" };
	struct rp_dfa_error err;
	struct rp_dfa *dfa;
	unsigned int i;
	size_t n;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		const struct rp_dfa_vector *v = rp_find_vector(files[i],
							       i ? "files" : "min",
							       "policy");

		KUNIT_ASSERT_NOT_NULL(test, v);
		for (n = 0; n < v->len; n++) {
			err.what = NULL;
			dfa = rp_dfa_unpack(v->blob, n, RP_DFA_WANT_ACCEPT2, &err);
			KUNIT_EXPECT_EQ_MSG(test, PTR_ERR_OR_ZERO(dfa), (long)-EPROTO,
					    "%s cut at %zu", files[i], n);
			if (!IS_ERR(dfa))
				rp_dfa_free(dfa);
			KUNIT_EXPECT_NOT_NULL(test, err.what);
		}
	}
}

/* Offset of the first entry of table @id in @blob, or 0. */
static size_t rp_table_entries(const u8 *blob, size_t len, u16 id)
{
	size_t pos = get_unaligned_be32(blob + 4);

	while (pos + 12 <= len) {
		u16 width = get_unaligned_be16(blob + pos + 2);
		u32 n = get_unaligned_be32(blob + pos + 8);

		if (get_unaligned_be16(blob + pos) == id)
			return pos + 12;
		pos += ALIGN(12 + (size_t)n * width, 8);
	}
	return 0;
}

enum {
	T_ACCEPT = 1, T_BASE, T_CHECK, T_DEFAULT, T_EQUIV, T_META, T_ACCEPT2,
	T_NEXT
};

/* A damage: write @value (@width bytes, big-endian) at @table's entry @at. */
struct rp_damage_case {
	const char *desc;
	const char *file, *profile, *role;
	int table;		/* 0: offset from the blob start */
	int at;			/* entry (or byte offset); -12 = table id, ... */
	int width;
	u32 value;
	unsigned int flags;	/* rp_dfa_unpack() flags */
	const char *want;	/* substring of the reason */
};

#define V_MIN "01-min.bin", "min", "policy"
#define DIFF "02-files.diffenc.bin", "files", "file"
#define XATTR "07-xattr.bin", "xattrs", "xmatch"
#define OLD RP_DFA_WANT_ACCEPT2

static const struct rp_damage_case rp_damage_cases[] = {
	{ "a bad magic", V_MIN, 0, 0, 4, 0x1b5e783e, OLD, "magic" },
	{ "a header larger than the blob", V_MIN, 0, 4, 4, 0x10000, OLD,
	  "header size" },
	{ "a header smaller than its fields", V_MIN, 0, 4, 4, 8, OLD,
	  "header size" },
	{ "an unknown header flag", V_MIN, 0, 12, 2, 0x4, OLD, "header flags" },
	{ "the meta table", V_MIN, T_ACCEPT, -12, 2, T_META, OLD, "table id" },
	{ "an unknown table id", V_MIN, T_ACCEPT, -12, 2, 9, OLD, "table id" },
	{ "a 16-bit accept table", V_MIN, T_ACCEPT, -10, 2, 2, OLD, "width" },
	{ "an 8-byte wide table", V_MIN, T_BASE, -10, 2, 8, OLD, "width" },
	{ "an empty table", V_MIN, T_DEFAULT, -4, 4, 0, OLD, "empty" },
	{ "a table longer than the blob", V_MIN, T_CHECK, -4, 4, 0x10000, OLD,
	  "past the end" },
	{ "a duplicate table", V_MIN, T_ACCEPT2, -12, 2, T_ACCEPT, OLD,
	  "duplicate" },
	{ "accept2 next to a perms table", V_MIN, 0, 0, 0, 0, 0, "accept2" },
	{ "a reserved base flag", V_MIN, T_BASE, 1, 4, 0x40000000, OLD,
	  "reserved" },
	{ "base bits 24-27", V_MIN, T_BASE, 1, 4, 0x01000000, OLD, "reserved" },
	{ "diff encoding without the header flag", V_MIN, T_BASE, 1, 4,
	  0x80000000, OLD, "diff-encoded" },
	{ "an out-of-band slot without the header flag", V_MIN, T_BASE, 1, 4,
	  0x20000001, OLD, "out-of-band" },
	{ "a window past next/check", V_MIN, T_BASE, 2, 4, 1, OLD, "window" },
	{ "a default past the last state", V_MIN, T_DEFAULT, 1, 2, 3, OLD,
	  "default" },
	{ "a next past the last state", V_MIN, T_NEXT, 2, 2, 3, OLD, "next" },
	{ "a check past the last state", V_MIN, T_CHECK, 7, 2, 0xffff, OLD,
	  "check" },
	{ "an out-of-band state with base 0", XATTR, T_BASE, -1, 4, 0x20000000,
	  OLD, "base 0" },
	{ "a diff-encode chain that loops", DIFF, T_DEFAULT, -1, 2, 0, OLD,
	  "loops" },
};

KUNIT_ARRAY_PARAM_DESC(rp_damage, rp_damage_cases, desc);

/* First state with the OOB (or DIFF) base flag: where to aim. */
static long rp_first_flagged(const u8 *base, u32 n, u32 flag)
{
	u32 s;

	for (s = 0; s < n; s++)
		if (get_unaligned_be32(base + 4 * s) & flag)
			return s;
	return -1;
}

static void rp_dfa_damaged_blob_is_refused(struct kunit *test)
{
	const struct rp_damage_case *c = test->param_value;
	const struct rp_dfa_vector *v = rp_find_vector(c->file, c->profile,
						       c->role);
	struct rp_dfa_error err = {};
	struct rp_dfa *dfa;
	size_t off = 0;
	long at = c->at;
	u8 *copy;

	KUNIT_ASSERT_NOT_NULL(test, v);
	copy = kunit_kmalloc(test, v->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	memcpy(copy, v->blob, v->len);

	if (c->table) {
		off = rp_table_entries(copy, v->len, c->table);
		KUNIT_ASSERT_NE(test, off, (size_t)0);
	}
	if (at == -1 && c->table == T_BASE) {
		/* the first out-of-band state */
		at = rp_first_flagged(copy + rp_table_entries(copy, v->len, T_BASE),
				      get_unaligned_be32(copy + off - 4), 0x20000000);
		KUNIT_ASSERT_GE(test, at, 0L);
		put_unaligned_be32(c->value, copy + off + 4 * at);
	} else if (at == -1) {
		/* the first diff-encoded state defaults to itself */
		at = rp_first_flagged(copy + rp_table_entries(copy, v->len, T_BASE),
				      get_unaligned_be32(copy + off - 4), 0x80000000);
		KUNIT_ASSERT_GE(test, at, 0L);
		put_unaligned_be16(at, copy + off + 2 * at);
	} else if (c->width) {
		size_t p = at < 0 ? off + at : off + at * (c->table ? c->width : 1);

		if (c->width == 4)
			put_unaligned_be32(c->value, copy + p);
		else
			put_unaligned_be16(c->value, copy + p);
	}

	dfa = rp_dfa_unpack(copy, v->len, c->flags, &err);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(dfa), (long)-EPROTO);
	if (!IS_ERR(dfa))
		rp_dfa_free(dfa);
	KUNIT_ASSERT_NOT_NULL(test, err.what);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(err.what, c->want),
				  "reason \"%s\" lacks \"%s\"", err.what, c->want);
	KUNIT_EXPECT_LE(test, err.offset, v->len);
}

static struct kunit_case rp_dfa_cases[] = {
	KUNIT_CASE_PARAM(rp_dfa_parser_output_unpacks, rp_vector_gen_params),
	KUNIT_CASE_PARAM(rp_dfa_walk_ends_in_the_expected_state,
			 rp_query_gen_params),
	KUNIT_CASE_PARAM(rp_dfa_final_state_grants_expected_perms,
			 rp_query_gen_params),
	KUNIT_CASE(rp_dfa_variants_agree_with_plain),
	KUNIT_CASE(rp_dfa_variants_set_their_flags),
	KUNIT_CASE(rp_dfa_walks_from_the_dead_state_stay_dead),
	KUNIT_CASE(rp_dfa_leftmatch_counts_the_literal_prefix),
	KUNIT_CASE(rp_dfa_truncated_anywhere_is_refused),
	KUNIT_CASE_PARAM(rp_dfa_damaged_blob_is_refused, rp_damage_gen_params),
	{}
};

static struct kunit_suite rp_dfa_suite = {
	.name = "rampart-dfa",
	.test_cases = rp_dfa_cases,
};

kunit_test_suite(rp_dfa_suite);
