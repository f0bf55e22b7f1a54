/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit: profiles made from compiled policy (vectors apparmor_parser
 * wrote), in a private namespace, for the suites that ask real rules.
 */
#ifndef _RAMPART_KUNIT_POLICY_FIXTURE_H
#define _RAMPART_KUNIT_POLICY_FIXTURE_H

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/list.h>
#include <linux/string.h>
#include "policy.h"
#include "unpack.h"

#define RP_TEST_MAX_PROFILES 16

/**
 * struct rp_test_profiles - profiles loaded for a test
 * @ns: their namespace, "root" of a tree of its own
 * @p: the profiles, in load order, one reference each
 * @n: how many
 */
struct rp_test_profiles {
	struct rp_ns *ns;
	struct rp_profile *p[RP_TEST_MAX_PROFILES];
	unsigned int n;
};

/* Make @set's namespace; the test fails if it cannot. */
static inline void rp_test_profiles_init(struct kunit *test,
					 struct rp_test_profiles *set)
{
	set->ns = rp_ns_create(NULL, "root");
	KUNIT_ASSERT_FALSE(test, IS_ERR(set->ns));
}

/* Each record of the policy @buf (@size bytes) as a profile of @set. */
static inline void rp_test_profiles_load(struct kunit *test,
					 struct rp_test_profiles *set,
					 const u8 *buf, size_t size)
{
	struct rp_unpack_error err;
	struct rp_unpacked *u, *tmp;
	struct rp_profile *p;
	LIST_HEAD(records);
	int ret;

	ret = rp_unpack(buf, size, &records, &err);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s in %s at %zu", err.info,
			    err.name, err.offset);
	list_for_each_entry_safe(u, tmp, &records, list) {
		if (set->n == ARRAY_SIZE(set->p))
			break;
		p = rp_profile_alloc(set->ns, u->name, u->mode, GFP_KERNEL);
		if (!p)
			break;
		list_del(&u->list);
		p->rules = u;
		set->p[set->n++] = p;
	}
	rp_unpacked_free_all(&records);
}

/* The profile of @set named @name; the test stops without one. */
static inline struct rp_profile *
rp_test_profile(struct kunit *test, const struct rp_test_profiles *set,
		const char *name)
{
	unsigned int i;

	for (i = 0; i < set->n; i++)
		if (!strcmp(set->p[i]->hname, name))
			return set->p[i];
	KUNIT_FAIL_AND_ABORT(test, "no profile %s", name);
	return NULL;
}

/* Drop @set's profiles and namespace (a set never made is left alone). */
static inline void rp_test_profiles_put(struct rp_test_profiles *set)
{
	unsigned int i;

	if (IS_ERR_OR_NULL(set->ns))
		return;
	for (i = 0; i < set->n; i++)
		rp_label_put(&set->p[i]->label);
	rp_ns_put(set->ns);
}

#endif /* _RAMPART_KUNIT_POLICY_FIXTURE_H */
