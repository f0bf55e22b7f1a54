// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: features.c. The exact text of each kind of features file, the
 * refusal of directories, and truncation.
 */
#include <kunit/test.h>
#include "features.h"

struct rp_feature_case {
	const char *desc;
	struct rp_feature f;
	const char *want;	/* NULL: refused with -EINVAL */
};

static const struct rp_feature_case rp_feature_cases[] = {
	{ "a true bool reads yes", { "b", RP_FEATURE_BOOL, { .yes = true } },
	  "yes\n" },
	{ "a false bool reads no", { "b", RP_FEATURE_BOOL, { .yes = false } },
	  "no\n" },
	{ "a small number is padded to 8 characters",
	  { "n", RP_FEATURE_U64, { .num = 1 } }, "0x000001\n" },
	{ "a 24-bit number fills the width",
	  { "n", RP_FEATURE_U64, { .num = 0xffffff } }, "0xffffff\n" },
	{ "a wide number is not cut",
	  { "n", RP_FEATURE_U64, { .num = 0x123456789ULL } }, "0x123456789\n" },
	{ "a string reads as itself",
	  { "s", RP_FEATURE_STRING, { .str = "read trace" } }, "read trace\n" },
	{ "a directory has no text", { "d", RP_FEATURE_DIR, { .dir = NULL } },
	  NULL },
	{ "an end marker has no text", { NULL, RP_FEATURE_END, { .dir = NULL } },
	  NULL },
};

KUNIT_ARRAY_PARAM_DESC(rp_feature, rp_feature_cases, desc);

static void rp_feature_file_text_is_exact(struct kunit *test)
{
	const struct rp_feature_case *c = test->param_value;
	char buf[32];
	int len = rp_feature_format(&c->f, buf, sizeof(buf));

	if (!c->want) {
		KUNIT_EXPECT_EQ(test, len, -EINVAL);
		return;
	}
	KUNIT_EXPECT_EQ(test, len, (int)strlen(c->want));
	KUNIT_EXPECT_STREQ(test, buf, c->want);
}

static void rp_feature_text_is_truncated_to_the_buffer(struct kunit *test)
{
	struct rp_feature f = { "s", RP_FEATURE_STRING, { .str = "abcdef" } };
	char buf[4];

	KUNIT_EXPECT_EQ(test, rp_feature_format(&f, buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
}

static struct kunit_case rp_features_cases[] = {
	KUNIT_CASE_PARAM(rp_feature_file_text_is_exact, rp_feature_gen_params),
	KUNIT_CASE(rp_feature_text_is_truncated_to_the_buffer),
	{}
};

static struct kunit_suite rp_features_suite = {
	.name = "rampart-features",
	.test_cases = rp_features_cases,
};

kunit_test_suite(rp_features_suite);
