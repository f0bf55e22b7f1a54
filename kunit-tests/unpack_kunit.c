// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: unpack.c. Every policy of shared/testdata (apparmor_parser 3.0.8
 * output, and the perms-table variants) unpacks into the records
 * aa-policy-dump describes; every malformed vector of testdata/bad is
 * refused with the errno and the reason a 6.12 kernel gives; truncation
 * at every offset is refused without leaving anything allocated.
 */
#include <kunit/test.h>
#include <linux/list.h>
#include "unpack.h"

struct rp_unpack_good {
	const char *file;
	const u8 *data;
	size_t len;
	unsigned int nrecords;
};

struct rp_unpack_record {
	const char *file, *name, *ns;
	bool hat;
	u32 mode, audit;
	int xmatch_len;		/* -1: no attachment DFA */
	u32 path_flags;
	u64 allow_caps, audit_caps, quiet_caps;
	u32 rlimit_mask;
	const char *xattrs[2];
	u32 nxattrs;
	u32 file_start;
	bool has_file_dfa;
};

struct rp_unpack_bad {
	const char *file;
	const u8 *data;
	size_t len;
	int err;
	const char *info;
};

#include "unpack_vectors.h"

KUNIT_ARRAY_PARAM_DESC(rp_good, rp_unpack_goods, file);

KUNIT_ARRAY_PARAM_DESC(rp_bad, rp_unpack_bads, file);

static void rp_expect_record(struct kunit *test, const struct rp_unpacked *u,
			     const struct rp_unpack_record *r)
{
	u32 i;

	KUNIT_EXPECT_STREQ(test, u->name, r->name);
	if (r->ns)
		KUNIT_EXPECT_STREQ(test, u->ns_name ?: "(none)", r->ns);
	else
		KUNIT_EXPECT_NULL(test, u->ns_name);
	KUNIT_EXPECT_EQ(test, !!(u->flags & RP_UNPACKED_HAT), r->hat);
	KUNIT_EXPECT_EQ(test, u->mode, r->mode);
	KUNIT_EXPECT_EQ(test, u->audit_all, !!r->audit);
	KUNIT_EXPECT_EQ(test, !!u->xmatch.dfa, r->xmatch_len >= 0);
	if (r->xmatch_len >= 0)
		KUNIT_EXPECT_EQ(test, u->xmatch_len, (u32)r->xmatch_len);
	KUNIT_EXPECT_EQ(test, u->path_flags, r->path_flags);
	KUNIT_EXPECT_EQ(test, u->caps[0], r->allow_caps);
	KUNIT_EXPECT_EQ(test, u->caps[1], r->audit_caps);
	KUNIT_EXPECT_EQ(test, u->caps[2], r->quiet_caps);
	KUNIT_EXPECT_EQ(test, u->rlimit_mask, r->rlimit_mask);
	KUNIT_ASSERT_EQ(test, u->nxattrs, r->nxattrs);
	for (i = 0; i < u->nxattrs; i++)
		KUNIT_EXPECT_STREQ(test, u->xattrs[i], r->xattrs[i]);
	KUNIT_ASSERT_NOT_NULL(test, u->policy.dfa);
	KUNIT_EXPECT_EQ(test, u->policy.file_start, r->file_start);
	KUNIT_EXPECT_EQ(test, !!u->file.dfa, r->has_file_dfa);
	/* every accept value now indexes the permission table */
	for (i = 0; i < u->policy.dfa->nstates; i++)
		KUNIT_EXPECT_LT(test, u->policy.dfa->accept[i], u->policy.nperms);
}

static void rp_parser_policy_unpacks_as_described(struct kunit *test)
{
	const struct rp_unpack_good *g = test->param_value;
	struct rp_unpack_error err;
	const struct rp_unpacked *u;
	LIST_HEAD(list);
	unsigned int i, n = 0;
	int ret;

	ret = rp_unpack(g->data, g->len, &list, &err);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s: %s in %s at %zu", g->file,
			    err.info, err.name, err.offset);
	list_for_each_entry(u, &list, list) {
		const struct rp_unpack_record *r = NULL;
		unsigned int seen = 0;

		/* the n-th record of this file in the table */
		for (i = 0; i < ARRAY_SIZE(rp_unpack_records); i++)
			if (!strcmp(rp_unpack_records[i].file, g->file) &&
			    seen++ == n)
				r = &rp_unpack_records[i];
		KUNIT_ASSERT_NOT_NULL(test, r);
		rp_expect_record(test, u, r);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, g->nrecords);
	rp_unpacked_free_all(&list);
}

static void rp_malformed_policy_is_refused(struct kunit *test)
{
	const struct rp_unpack_bad *b = test->param_value;
	struct rp_unpack_error err;
	LIST_HEAD(list);
	int ret;

	ret = rp_unpack(b->data, b->len, &list, &err);
	KUNIT_EXPECT_EQ(test, ret, b->err);
	KUNIT_EXPECT_STREQ(test, err.info ?: "(none)", b->info);
	KUNIT_EXPECT_LE(test, err.offset, b->len);
	KUNIT_EXPECT_TRUE(test, list_empty(&list));
}

static void rp_truncated_policy_is_refused(struct kunit *test)
{
	static const char *const files[] = {
		"01-min.bin", "03-caps-net.bin", "07-xattr.bin"
	};
	struct rp_unpack_error err;
	LIST_HEAD(list);
	unsigned int i, k;
	size_t n;
	int ret;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		const struct rp_unpack_good *g = NULL;

		for (k = 0; k < ARRAY_SIZE(rp_unpack_goods); k++)
			if (!strcmp(rp_unpack_goods[k].file, files[i]))
				g = &rp_unpack_goods[k];
		KUNIT_ASSERT_NOT_NULL(test, g);
		for (n = 0; n < g->len; n++) {
			ret = rp_unpack(g->data, n, &list, &err);
			/* an empty buffer holds no record: nothing to refuse */
			if (!n) {
				KUNIT_EXPECT_EQ(test, ret, 0);
				continue;
			}
			KUNIT_EXPECT_LT_MSG(test, ret, 0, "%s cut at %zu",
					    files[i], n);
			KUNIT_EXPECT_TRUE(test, list_empty(&list));
			rp_unpacked_free_all(&list);
		}
	}
}

static struct kunit_case rp_unpack_cases[] = {
	KUNIT_CASE_PARAM(rp_parser_policy_unpacks_as_described,
			 rp_good_gen_params),
	KUNIT_CASE_PARAM(rp_malformed_policy_is_refused, rp_bad_gen_params),
	KUNIT_CASE(rp_truncated_policy_is_refused),
	{}
};

static struct kunit_suite rp_unpack_suite = {
	.name = "rampart-unpack",
	.test_cases = rp_unpack_cases,
};

kunit_test_suite(rp_unpack_suite);
