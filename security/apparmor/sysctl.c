// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the AppArmor sysctls in /proc/sys/kernel (kernel-interfaces.md
 * 3). unprivileged_userns_apparmor_policy: when 0, tasks in a user
 * namespace other than the initial one never view or manage policy
 * (admin.c). apparmor_restrict_unprivileged_unconfined: when not 0, an
 * unprivileged unconfined task's change_profile becomes a stack
 * (domain.c). apparmor_display_secid_mode: when not 0, the context text
 * of a secid shows the label's mode (secid.c). Reading and writing all
 * three need policy admin rights.
 */
#include <linux/init.h>
#include <linux/sysctl.h>
#include "admin.h"
#include "domain.h"
#include "lsm.h"
#include "policy.h"

static int rp_sysctl_admin_int(const struct ctl_table *table, int write,
			       void *buf, size_t *len, loff_t *ppos)
{
	if (!rp_policy_admin_capable(NULL))
		return -EPERM;
	if (!rp_enabled)
		return -EINVAL;
	return proc_dointvec(table, write, buf, len, ppos);
}

static struct ctl_table rp_sysctls[] = {
	{
		.procname = "unprivileged_userns_apparmor_policy",
		.data = &rp_unprivileged_userns_policy,
		.maxlen = sizeof(int),
		.mode = 0600,
		.proc_handler = rp_sysctl_admin_int,
	},
	{
		.procname = "apparmor_restrict_unprivileged_unconfined",
		.data = &rp_restrict_unprivileged_unconfined,
		.maxlen = sizeof(int),
		.mode = 0600,
		.proc_handler = rp_sysctl_admin_int,
	},
	{
		.procname = "apparmor_display_secid_mode",
		.data = &rp_display_secid_mode,
		.maxlen = sizeof(int),
		.mode = 0600,
		.proc_handler = rp_sysctl_admin_int,
	},
};

int __init rp_sysctl_init(void)
{
	return register_sysctl("kernel", rp_sysctls) ? 0 : -ENOMEM;
}
