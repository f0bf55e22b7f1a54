// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: params.c. The exact-match parsing of the "mode" and "audit"
 * parameters, bad spellings included.
 */
#include <kunit/test.h>
#include "params.h"

struct rp_param_case {
	const char *desc;
	const char *val;
	int want;
};

static const struct rp_param_case rp_mode_cases[] = {
	{ "enforce is accepted", "enforce", RP_MODE_ENFORCE },
	{ "complain is accepted", "complain", RP_MODE_COMPLAIN },
	{ "kill is accepted", "kill", RP_MODE_KILL },
	{ "unconfined is accepted", "unconfined", RP_MODE_UNCONFINED },
	{ "user is a profile mode only", "user", -EINVAL },
	{ "a trailing newline is refused", "complain\n", -EINVAL },
	{ "capitals are refused", "Enforce", -EINVAL },
	{ "a prefix is refused", "comp", -EINVAL },
	{ "an empty value is refused", "", -EINVAL },
	{ "mixed is never a setting", "mixed", -EINVAL },
};

static const struct rp_param_case rp_audit_cases[] = {
	{ "normal is accepted", "normal", RP_AUDIT_NORMAL },
	{ "quiet_denied is accepted", "quiet_denied", RP_AUDIT_QUIET_DENIED },
	{ "quiet is accepted", "quiet", RP_AUDIT_QUIET },
	{ "noquiet is accepted", "noquiet", RP_AUDIT_NOQUIET },
	{ "all is accepted", "all", RP_AUDIT_ALL },
	{ "a trailing newline is refused", "all\n", -EINVAL },
	{ "an unknown word is refused", "bogus", -EINVAL },
	{ "an empty value is refused", "", -EINVAL },
};

KUNIT_ARRAY_PARAM_DESC(rp_mode, rp_mode_cases, desc);
KUNIT_ARRAY_PARAM_DESC(rp_audit, rp_audit_cases, desc);

static void rp_mode_parameter_takes_exact_names(struct kunit *test)
{
	const struct rp_param_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, rp_parse_global_mode(c->val), c->want);
}

static void rp_audit_parameter_takes_exact_names(struct kunit *test)
{
	const struct rp_param_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, rp_parse_global_audit(c->val), c->want);
}

static void rp_mode_names_round_trip(struct kunit *test)
{
	int m;

	for (m = 0; m < RP_MODE_COUNT; m++)
		KUNIT_EXPECT_EQ(test, rp_name_index(rp_mode_names,
						    RP_MODE_COUNT,
						    rp_mode_names[m]), m);
	KUNIT_EXPECT_STREQ(test, rp_mode_names[RP_MODE_USER], "user");
}

static struct kunit_case rp_params_cases[] = {
	KUNIT_CASE_PARAM(rp_mode_parameter_takes_exact_names,
			 rp_mode_gen_params),
	KUNIT_CASE_PARAM(rp_audit_parameter_takes_exact_names,
			 rp_audit_gen_params),
	KUNIT_CASE(rp_mode_names_round_trip),
	{}
};

static struct kunit_suite rp_params_suite = {
	.name = "rampart-params",
	.test_cases = rp_params_cases,
};

kunit_test_suite(rp_params_suite);
