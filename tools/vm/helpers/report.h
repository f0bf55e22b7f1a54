/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The result line every step helper (fop, mnt, sockop) prints: "OP ok",
 * or "OP ERRNO-NAME" for a failed call, which also sets `failed` (the
 * helper's exit status).
 */
#ifndef RAMPART_VM_REPORT_H
#define RAMPART_VM_REPORT_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int failed;

static int report(const char *op, long rc)
{
	const char *name;

	if (rc >= 0) {
		printf("%s ok\n", op);
		return 0;
	}
	name = strerrorname_np(errno);
	printf("%s %s\n", op, name ? name : "E?");
	failed = 1;
	return -1;
}

#endif
