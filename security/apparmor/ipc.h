/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: ptrace and signal mediation between tasks (mediation.md 6).
 */
#ifndef _RAMPART_IPC_H
#define _RAMPART_IPC_H

#include <linux/types.h>
#include <rampart/abi.h>

struct rp_label;

/* AppArmor's architecture-independent signal numbers (encoding 8). */
#define RP_SIG_UNKNOWN		0	/* no such signal: "unknown(<n>)" */
#define RP_SIG_EXISTS		35	/* signal 0, the existence probe */
#define RP_SIG_NAMED		36	/* numbers below this have a name */
#define RP_SIG_RT_BASE		128	/* SIGRTMIN + n maps to 128 + n */

/* Room for the text of a signal= field, leading space included. */
#define RP_SIG_TEXT_SIZE	32

/* Passive ptrace permissions: the active ones shifted by two bits. */
#define RP_PTRACE_READBY	(RP_MAY_READ << 2)	/* 0x10 */
#define RP_PTRACE_TRACEDBY	(RP_MAY_WRITE << 2)	/* 0x08 */

#if IS_ENABLED(CONFIG_KUNIT)
/* ipc.c internals the KUnit suite drives directly */
struct rp_perms;
struct rp_profile;
u8 rp_signal_map(int sig);
int rp_signal_text(u8 mapped, int sig, char *buf, size_t size);
const char *rp_ptrace_mask_name(u32 mask);
const char *rp_signal_mask_name(u32 mask);
bool rp_signal_perms(const struct rp_profile *p, u8 mapped,
		     const struct rp_label *peer, u32 request,
		     struct rp_perms *out);
bool rp_ptrace_perms(const struct rp_profile *p, const struct rp_label *peer,
		     u32 request, struct rp_perms *out);
int rp_signal_check(const struct rp_label *sender,
		    const struct rp_label *target, int sig);
int rp_ptrace_check(const struct rp_label *tracer,
		    const struct rp_label *tracee, u32 request);
#endif

int rp_ptrace_may_change(const struct rp_label *to);

#endif /* _RAMPART_IPC_H */
