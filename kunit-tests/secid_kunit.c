// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: secid.c. Every label has a secid of its own while it lives; the
 * context text of a secid is the label as the root namespace sees it
 * (with the mode only under apparmor_display_secid_mode); secids that
 * name nothing, and texts that name no label, are refused.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "policy.h"

enum { S_ALPHA, S_ZETA, S_KILLER, S_COUNT };

static const struct {
	const char *hname;
	enum rp_mode mode;
	const char *text;
	const char *with_mode;
} rp_secid_profiles[S_COUNT] = {
	[S_ALPHA] = { "t-secid-alpha", RP_MODE_ENFORCE, "t-secid-alpha",
		      "t-secid-alpha (enforce)" },
	[S_ZETA] = { "t-secid-zeta", RP_MODE_COMPLAIN, "t-secid-zeta",
		     "t-secid-zeta (complain)" },
	[S_KILLER] = { "/usr/bin/t-secid//hat", RP_MODE_KILL,
		       "/usr/bin/t-secid//hat", "/usr/bin/t-secid//hat (kill)" },
};

static int rp_secid_test_init(struct kunit *test)
{
	struct rp_profile **p;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, rp_root_ns);
	p = kunit_kcalloc(test, S_COUNT, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < S_COUNT; i++) {
		p[i] = rp_profile_alloc(rp_root_ns, rp_secid_profiles[i].hname,
					rp_secid_profiles[i].mode, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
	}
	test->priv = p;
	return 0;
}

static void rp_secid_test_exit(struct kunit *test)
{
	struct rp_profile **p = test->priv;
	int i;

	for (i = 0; i < S_COUNT; i++)
		rp_label_put(&p[i]->label);
}

/* The context text of @secid, as a kunit-owned string (NULL if refused). */
static char *rp_secid_text(struct kunit *test, u32 secid, int *err)
{
	char *data = NULL, *copy;
	u32 len = 0, just_len = 0;

	*err = rp_secid_to_secctx(secid, &data, &len);
	if (*err)
		return NULL;
	/* the length-only call agrees */
	KUNIT_EXPECT_EQ(test, rp_secid_to_secctx(secid, NULL, &just_len), 0);
	KUNIT_EXPECT_EQ(test, just_len, len);
	KUNIT_EXPECT_EQ(test, (size_t)len, strlen(data));
	copy = kunit_kstrdup(test, data, GFP_KERNEL);
	kfree(data);
	return copy;
}

static void rp_secids_are_distinct_and_nonzero(struct kunit *test)
{
	struct rp_profile **p = test->priv;
	int i, j;

	for (i = 0; i < S_COUNT; i++) {
		/* 0 is no context, 1 the wildcard */
		KUNIT_EXPECT_GE(test, p[i]->label.secid, 2u);
		KUNIT_EXPECT_NE(test, p[i]->label.secid,
				rp_root_ns->unconfined->label.secid);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_NE(test, p[i]->label.secid,
					p[j]->label.secid);
	}
}

static void rp_secctx_names_the_label(struct kunit *test)
{
	struct rp_profile **p = test->priv;
	int i, err;
	char *text;

	for (i = 0; i < S_COUNT; i++) {
		text = rp_secid_text(test, p[i]->label.secid, &err);
		KUNIT_EXPECT_EQ(test, err, 0);
		KUNIT_EXPECT_STREQ(test, text, rp_secid_profiles[i].text);
	}
	text = rp_secid_text(test, rp_root_ns->unconfined->label.secid, &err);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_STREQ(test, text, "unconfined");
}

static void rp_secctx_shows_the_mode_when_asked(struct kunit *test)
{
	struct rp_profile **p = test->priv;
	int i, err, old = rp_display_secid_mode;
	char *text;

	rp_display_secid_mode = 1;
	for (i = 0; i < S_COUNT; i++) {
		text = rp_secid_text(test, p[i]->label.secid, &err);
		KUNIT_EXPECT_EQ(test, err, 0);
		KUNIT_EXPECT_STREQ(test, text, rp_secid_profiles[i].with_mode);
	}
	rp_display_secid_mode = old;
}

static void rp_secctx_of_a_stack(struct kunit *test)
{
	struct rp_profile **p = test->priv;
	struct rp_profile *two[] = { p[S_ZETA], p[S_ALPHA] };
	struct rp_label *stack = rp_label_stack(two, 2, GFP_KERNEL);
	char *text;
	int err;

	KUNIT_ASSERT_NOT_NULL(test, stack);
	KUNIT_EXPECT_NE(test, stack->secid, 0u);
	KUNIT_EXPECT_NE(test, stack->secid, p[S_ALPHA]->label.secid);
	text = rp_secid_text(test, stack->secid, &err);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_STREQ(test, text, "t-secid-alpha//&t-secid-zeta");
	rp_label_put(stack);
}

static void rp_secid_of_nothing_is_refused(struct kunit *test)
{
	struct rp_profile *gone;
	char *data = NULL;
	u32 len = 0, secid;

	/* 0 is "no context"; a secid never handed out; one given back */
	KUNIT_EXPECT_EQ(test, rp_secid_to_secctx(0, &data, &len), -EINVAL);
	KUNIT_EXPECT_EQ(test, rp_secid_to_secctx(0x7ffffffe, &data, &len),
			-EINVAL);
	gone = rp_profile_alloc(rp_root_ns, "t-secid-gone", RP_MODE_ENFORCE,
				GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, gone);
	secid = gone->label.secid;
	rp_label_put(&gone->label);
	KUNIT_EXPECT_EQ(test, rp_secid_to_secctx(secid, &data, &len), -EINVAL);
	KUNIT_EXPECT_NULL(test, data);
}

static const struct {
	const char *text;
	int err;	/* 0: the secid of root's unconfined */
} rp_secctx_cases[] = {
	{ "unconfined", 0 },
	{ "", -EINVAL },
	{ "t-secid-no-such-profile", -ENOENT },
	{ ":no-such-ns:x", -ENOENT },
};

static void rp_secctx_to_secid_parses_names(struct kunit *test)
{
	size_t i;
	u32 secid;
	int err;

	for (i = 0; i < ARRAY_SIZE(rp_secctx_cases); i++) {
		secid = 0;
		err = rp_secctx_to_secid(rp_secctx_cases[i].text,
					 strlen(rp_secctx_cases[i].text), &secid);
		KUNIT_EXPECT_EQ_MSG(test, err, rp_secctx_cases[i].err,
				    "text '%s'", rp_secctx_cases[i].text);
		if (!rp_secctx_cases[i].err)
			KUNIT_EXPECT_EQ(test, secid,
					rp_root_ns->unconfined->label.secid);
	}
}

static struct kunit_case rp_secid_cases[] = {
	KUNIT_CASE(rp_secids_are_distinct_and_nonzero),
	KUNIT_CASE(rp_secctx_names_the_label),
	KUNIT_CASE(rp_secctx_shows_the_mode_when_asked),
	KUNIT_CASE(rp_secctx_of_a_stack),
	KUNIT_CASE(rp_secid_of_nothing_is_refused),
	KUNIT_CASE(rp_secctx_to_secid_parses_names),
	{}
};

static struct kunit_suite rp_secid_suite = {
	.name = "rampart-secid",
	.init = rp_secid_test_init,
	.exit = rp_secid_test_exit,
	.test_cases = rp_secid_cases,
};

kunit_test_suite(rp_secid_suite);
