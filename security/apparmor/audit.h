/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: audit records in AppArmor's format (mediation.md 13). So far
 * the STATUS records of policy changes.
 */
#ifndef _RAMPART_AUDIT_H
#define _RAMPART_AUDIT_H

void rp_audit_status(const char *op, const char *info, int error,
		     const char *name, const char *ns_name);

#endif /* _RAMPART_AUDIT_H */
