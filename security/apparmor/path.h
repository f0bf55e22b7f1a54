/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the names rules see for files (mediation.md 2.1), and the
 * scratch buffers they are built in.
 */
#ifndef _RAMPART_PATH_H
#define _RAMPART_PATH_H

#include <linux/gfp.h>
#include <linux/types.h>
#include <rampart/abi.h>

struct path;

/* Name flags (RP_PATH_*): in <rampart/abi.h>, with the policy's. */

/**
 * struct rp_name - a file's name as rules see it
 * @str: the name, or on failure what could be made of it (for the audit
 *       record only), or NULL
 * @info: on failure, the audit info text
 * @buf: the buffer @str points into (from rp_buf_get())
 * @len: strlen() of @str when the name was made
 */
struct rp_name {
	const char *str;
	const char *info;
	char *buf;
	size_t len;
};

int rp_path_name(const struct path *path, u32 flags, struct rp_name *name);

char *rp_buf_get(gfp_t gfp);
void rp_buf_put(char *buf);

#endif /* _RAMPART_PATH_H */
