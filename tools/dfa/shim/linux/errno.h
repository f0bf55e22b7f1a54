/* SPDX-License-Identifier: GPL-2.0-only */
/* glibc includes this name too: hand it the real UAPI header. */
#include_next <linux/errno.h>
