/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: numbers and names that AppArmor's userspace sees, shared by the
 * LSM, the userspace tools and the tests. Values follow shared/spec
 * (mediation.md sections 0.2-0.4, kernel-interfaces.md section 2).
 */
#ifndef _RAMPART_ABI_H
#define _RAMPART_ABI_H

/* The name the LSM registers under; userspace looks for this exact string. */
#define RP_LSM_NAME "apparmor"

/**
 * enum rp_mode - how a profile (or the global override) treats a denial
 * @RP_MODE_ENFORCE: deny and log
 * @RP_MODE_COMPLAIN: allow and log
 * @RP_MODE_KILL: deny, log and kill the task
 * @RP_MODE_UNCONFINED: no mediation
 * @RP_MODE_USER: like enforce in 6.12 (prompting is not implemented)
 * @RP_MODE_COUNT: number of modes
 *
 * The values are the packed "mode" values of the policy stream.
 */
enum rp_mode {
	RP_MODE_ENFORCE = 0,
	RP_MODE_COMPLAIN = 1,
	RP_MODE_KILL = 2,
	RP_MODE_UNCONFINED = 3,
	RP_MODE_USER = 4,
	RP_MODE_COUNT
};

/**
 * enum rp_audit_mode - the global audit override (module parameter "audit")
 * @RP_AUDIT_NORMAL: follow each profile's rules
 * @RP_AUDIT_QUIET_DENIED: do not log denials
 * @RP_AUDIT_QUIET: log nothing
 * @RP_AUDIT_NOQUIET: ignore quiet rules
 * @RP_AUDIT_ALL: log every access
 * @RP_AUDIT_COUNT: number of audit modes
 */
enum rp_audit_mode {
	RP_AUDIT_NORMAL = 0,
	RP_AUDIT_QUIET_DENIED,
	RP_AUDIT_QUIET,
	RP_AUDIT_NOQUIET,
	RP_AUDIT_ALL,
	RP_AUDIT_COUNT
};

/* Permission bits shared by every mediation class (mediation.md 0.2). */
#define RP_MAY_EXEC		0x00000001u
#define RP_MAY_WRITE		0x00000002u
#define RP_MAY_READ		0x00000004u
#define RP_MAY_APPEND		0x00000008u
#define RP_MAY_CREATE		0x00000010u
#define RP_MAY_DELETE		0x00000020u
#define RP_MAY_OPEN		0x00000040u
#define RP_MAY_RENAME		0x00000080u
#define RP_MAY_SETATTR		0x00000100u
#define RP_MAY_GETATTR		0x00000200u
#define RP_MAY_SETCRED		0x00000400u
#define RP_MAY_GETCRED		0x00000800u
#define RP_MAY_CHMOD		0x00001000u
#define RP_MAY_CHOWN		0x00002000u
#define RP_MAY_CHGRP		0x00004000u
#define RP_MAY_LOCK		0x00008000u
#define RP_MAY_MMAP_EXEC	0x00010000u
#define RP_MAY_MPROT		0x00020000u
#define RP_MAY_LINK		0x00040000u
#define RP_MAY_SNAPSHOT		0x00080000u
#define RP_MAY_STACK		0x10000000u
#define RP_MAY_ONEXEC		0x20000000u
#define RP_MAY_CHANGE_PROFILE	0x40000000u
#define RP_MAY_CHANGEHAT	0x80000000u

/* Mediation classes: the first byte of a policy DFA query (mediation.md 0.3). */
#define RP_CLASS_NONE		0
#define RP_CLASS_FILE		2
#define RP_CLASS_CAP		3
#define RP_CLASS_RLIMITS	5
#define RP_CLASS_MOUNT		7
#define RP_CLASS_PTRACE		9
#define RP_CLASS_SIGNAL		10
#define RP_CLASS_NET		14
#define RP_CLASS_LABEL		16	/* label matches: ptrace's prefix */
#define RP_CLASS_NS		21
#define RP_CLASS_IO_URING	22

/* Namespaces nest at most this deep below root (kernel-interfaces.md 7.1). */
#define RP_NS_MAX_LEVEL		32

/* Name flags: a profile's path_flags (policy), plus RP_PATH_DIR. */
#define RP_PATH_DIR		0x1	/* a directory: the name ends in '/' */
#define RP_PATH_CONNECT		0x4	/* attach_disconnected */
#define RP_PATH_CHROOT_REL	0x8	/* chroot_relative */
#define RP_PATH_CHROOT_ATTACH	0x10	/* chroot_attach */
#define RP_PATH_DELEGATE_DELETED 0x10000 /* name deleted files too */
#define RP_PATH_MEDIATE_DELETED	0x20000	/* the same, the kernel default */

#endif /* _RAMPART_ABI_H */
