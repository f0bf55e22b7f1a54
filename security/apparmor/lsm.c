// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: registration with the LSM framework under the name "apparmor",
 * and start-up of the parts in dependency order.
 */
#define pr_fmt(fmt) "AppArmor: " fmt

#include <linux/init.h>
#include <linux/lsm_hooks.h>
#include <uapi/linux/lsm.h>
#include "cred.h"
#include "domain.h"
#include "file.h"
#include "lsm.h"
#include "net.h"
#include "params.h"

const struct lsm_id rp_lsmid = {
	.name = RP_LSM_NAME,
	.id = LSM_ID_APPARMOR,
};

struct lsm_blob_sizes rp_blob_sizes __ro_after_init = {
	.lbs_cred = sizeof(struct rp_cred),
	.lbs_file = sizeof(struct rp_file_ctx),
	.lbs_task = sizeof(struct rp_task),
	.lbs_sock = sizeof(struct rp_sk_ctx),
};

bool rp_initialized __ro_after_init;

static int __init rp_init(void)
{
	int err;

	err = rp_ns_init();
	if (err) {
		pr_err("cannot create the root namespace: %d\n", err);
		rp_enabled = 0;
		return err;
	}
	rp_cred_init();
	rp_procattr_init();
	rp_domain_init();
	rp_file_init();
	rp_cap_init();
	rp_rlimit_init();
	rp_task_init();
	rp_mount_init();
	rp_ipc_init();
	rp_net_init();
	rp_secid_init();
	err = rp_sysctl_init();
	if (err)
		pr_err("cannot register sysctls: %d\n", err);
	rp_initialized = true;

	if (rp_global_mode == RP_MODE_COMPLAIN)
		pr_info("AppArmor initialized: complain mode enabled\n");
	else if (rp_global_mode == RP_MODE_KILL)
		pr_info("AppArmor initialized: kill mode enabled\n");
	else
		pr_info("AppArmor initialized\n");
	return 0;
}

DEFINE_LSM(apparmor) = {
	.name = RP_LSM_NAME,
	.flags = LSM_FLAG_LEGACY_MAJOR | LSM_FLAG_EXCLUSIVE,
	.enabled = &rp_enabled,
	.blobs = &rp_blob_sizes,
	.init = rp_init,
};
