/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the file operations that the securityfs directory and the
 * namespace directories of the policy tree share. An inode whose
 * i_private is a namespace targets that namespace; one without targets
 * the namespace of the task using it.
 */
#ifndef _RAMPART_FS_H
#define _RAMPART_FS_H

#include <linux/fs.h>

extern const struct file_operations rp_dot_load_fops;
extern const struct file_operations rp_dot_replace_fops;
extern const struct file_operations rp_dot_remove_fops;
extern const struct file_operations rp_revision_fops;
extern const struct file_operations rp_access_fops;

#endif /* _RAMPART_FS_H */
