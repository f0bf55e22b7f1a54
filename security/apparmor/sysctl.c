// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: /proc/sys/kernel/unprivileged_userns_apparmor_policy. When 0,
 * tasks in a user namespace other than the initial one never view or
 * manage policy (admin.c). Reading and writing it both need policy admin
 * rights. The other AppArmor sysctls arrive with what they govern.
 */
#include <linux/init.h>
#include <linux/sysctl.h>
#include "admin.h"
#include "lsm.h"

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
};

int __init rp_sysctl_init(void)
{
	return register_sysctl("kernel", rp_sysctls) ? 0 : -ENOMEM;
}
