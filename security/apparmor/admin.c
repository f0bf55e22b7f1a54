// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the view-capable and admin-capable predicates that gate policy
 * introspection, policy changes and the module parameters.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/security.h>
#include <linux/user_namespace.h>
#include "admin.h"
#include "cred.h"

/* Module parameter lock_policy: once set, policy can no longer change. */
bool rp_lock_policy;
/* When 0, tasks in a non-initial user namespace never manage policy. */
int rp_unprivileged_userns_policy = 1;

/**
 * rp_policy_view_capable() - may the caller see the policy of @ns?
 * @ns: the namespace in question, or NULL for the caller's own
 *
 * The caller must be root (uid or group 0) of its user namespace, @ns must
 * be its own namespace or below it, and a user namespace other than the
 * initial one only counts when it sits as deep as the policy namespace.
 */
bool rp_policy_view_capable(struct rp_ns *ns)
{
	struct user_namespace *user_ns = current_user_ns();
	struct rp_ns *own = rp_label_ns(rp_current_label());

	if (!uid_eq(current_euid(), make_kuid(user_ns, 0)) &&
	    !in_egroup_p(make_kgid(user_ns, 0)))
		return false;
	if (ns && !rp_ns_within(ns, own))
		return false;
	if (user_ns == &init_user_ns)
		return true;
	return READ_ONCE(rp_unprivileged_userns_policy) &&
	       user_ns->level == own->level;
}

/**
 * rp_policy_admin_capable() - may the caller change the policy of @ns?
 * @ns: the namespace in question, or NULL for the caller's own
 *
 * View-capable, CAP_MAC_ADMIN in its own user namespace, and policy not
 * locked. A confined caller would also need its profiles to grant
 * mac_admin; until capability mediation exists no such caller is trusted.
 */
bool rp_policy_admin_capable(struct rp_ns *ns)
{
	if (!rp_policy_view_capable(ns))
		return false;
	if (cap_capable(current_cred(), current_user_ns(), CAP_MAC_ADMIN,
			CAP_OPT_NONE))
		return false;
	if (!rp_label_is_unconfined(rp_current_label()))
		return false;
	return !READ_ONCE(rp_lock_policy);
}
