/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the apparmorfs "features" tree, from which apparmor_parser
 * learns what the kernel mediates and so what to compile.
 */
#ifndef _RAMPART_FEATURES_H
#define _RAMPART_FEATURES_H

#include <linux/types.h>

struct dentry;

/**
 * enum rp_feature_kind - what a node of the features tree holds
 * @RP_FEATURE_END: terminates a table
 * @RP_FEATURE_DIR: a directory of further nodes
 * @RP_FEATURE_BOOL: a file reading "yes" or "no"
 * @RP_FEATURE_U64: a file reading a number as C's "%#08llx"
 * @RP_FEATURE_STRING: a file reading a fixed string
 */
enum rp_feature_kind {
	RP_FEATURE_END = 0,
	RP_FEATURE_DIR,
	RP_FEATURE_BOOL,
	RP_FEATURE_U64,
	RP_FEATURE_STRING,
};

/**
 * struct rp_feature - one node of the features tree
 * @name: file or directory name
 * @kind: what the node holds
 * @dir: children of an RP_FEATURE_DIR, ending with an RP_FEATURE_END node
 * @str: text of an RP_FEATURE_STRING
 * @num: value of an RP_FEATURE_U64
 * @yes: value of an RP_FEATURE_BOOL
 *
 * Every file reads as its value followed by one newline.
 */
struct rp_feature {
	const char *name;
	enum rp_feature_kind kind;
	union {
		const struct rp_feature *dir;
		const char *str;
		u64 num;
		bool yes;
	};
};

int rp_feature_format(const struct rp_feature *f, char *buf, size_t size);
int rp_features_create(struct dentry *parent);

#endif /* _RAMPART_FEATURES_H */
