/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: mount, umount and pivot_root mediation (mediation.md 1.4, 5).
 */
#ifndef _RAMPART_MOUNT_H
#define _RAMPART_MOUNT_H

#include <linux/types.h>

/* Permissions of the mount class (mediation.md 0.2). */
#define RP_MNT_PIVOT_ROOT	0x1u
#define RP_MNT_MOUNT		0x2u
#define RP_MNT_UMOUNT		0x4u
#define RP_MNT_CONT_MATCH	0x40u	/* match data; with audit: log it */

/**
 * enum rp_mount_step - where a mount key stopped matching
 * @RP_MNT_MATCHED: the entry grants mount
 * @RP_MNT_FAIL_MNTPNT: the mountpoint led nowhere
 * @RP_MNT_FAIL_SRC: the source led nowhere
 * @RP_MNT_FAIL_TYPE: the filesystem type led nowhere
 * @RP_MNT_FAIL_FLAGS: a flag led nowhere
 * @RP_MNT_FAIL_DATA: the mount data led nowhere
 * @RP_MNT_FAIL_PERMS: the key matched but mount is not granted
 *
 * The order is the order of the key's fields (mediation-encoding.md 6.1).
 */
enum rp_mount_step {
	RP_MNT_MATCHED,
	RP_MNT_FAIL_MNTPNT,
	RP_MNT_FAIL_SRC,
	RP_MNT_FAIL_TYPE,
	RP_MNT_FAIL_FLAGS,
	RP_MNT_FAIL_DATA,
	RP_MNT_FAIL_PERMS,
};

#if IS_ENABLED(CONFIG_KUNIT)
/* mount.c internals the KUnit suite drives directly */
struct rp_perms;
struct rp_profile;
unsigned long rp_mount_flags_clean(unsigned long flags);
enum rp_mount_step rp_mount_match(const struct rp_profile *p,
				  unsigned int state, const char *mntpnt,
				  const char *src, const char *type,
				  unsigned long flags, const char *data,
				  bool binary, const struct rp_perms **perms);
const char *rp_mount_step_info(enum rp_mount_step step);
size_t rp_mount_flags_text(unsigned long flags, char *buf, size_t size);
const struct rp_perms *rp_umount_perms(const struct rp_profile *p,
				       unsigned int state, const char *name);
const struct rp_perms *rp_pivotroot_perms(const struct rp_profile *p,
					  unsigned int state,
					  const char *new_root,
					  const char *put_old);
#endif

#endif /* _RAMPART_MOUNT_H */
