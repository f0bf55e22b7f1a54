/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: how the parts of the LSM are started, in order, by rp_init().
 */
#ifndef _RAMPART_LSM_H
#define _RAMPART_LSM_H

#include <linux/init.h>
#include <linux/lsm_hooks.h>

extern const struct lsm_id rp_lsmid;

void __init rp_cred_init(void);
void __init rp_procattr_init(void);
void __init rp_cap_init(void);
void __init rp_rlimit_init(void);
void __init rp_task_init(void);
void __init rp_mount_init(void);
void __init rp_ipc_init(void);
void __init rp_net_init(void);
void __init rp_secid_init(void);
#ifdef CONFIG_SYSCTL
int __init rp_sysctl_init(void);
#else
static inline int rp_sysctl_init(void)
{
	return 0;
}
#endif

#endif /* _RAMPART_LSM_H */
