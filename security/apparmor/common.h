/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: definitions every file of the LSM needs: the global on/off
 * state and the names of modes. A file that logs defines pr_fmt as
 * "AppArmor: " before its first include, as userspace expects.
 */
#ifndef _RAMPART_COMMON_H
#define _RAMPART_COMMON_H

#include <linux/types.h>
#include <rampart/abi.h>

/* Set by the boot parameters (apparmor=, lsm=) before rp_init() runs. */
extern int rp_enabled;
/* True once rp_init() has finished; parameters then need privilege. */
extern bool rp_initialized;

extern const char *const rp_mode_names[RP_MODE_COUNT];
extern const char *const rp_audit_mode_names[RP_AUDIT_COUNT];

int rp_name_index(const char *const *names, int count, const char *str);

#endif /* _RAMPART_COMMON_H */
