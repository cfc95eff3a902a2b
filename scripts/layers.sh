#!/bin/sh
# Checks the #include "..." lines of every .c and .h under a source tree
# (default src/; the argument names another, for tests/cli/layers.sh):
#
# 1. Layers point one way. A file may include its own layer's files and the
#    layers below it:  cli -> web -> service -> formats, store -> core -> lib.
#    cli sits above web because `shinsa serve` starts the server; formats
#    and store are side by side and include neither the other. The front
#    ends (cli, web) reach the data through the service: of the store they
#    include only store/store.h (opening and closing a database).
# 2. No circles. A module is a .c and its .h taken together; module A
#    depends on B when either file of A includes B.h. No chain of these may
#    lead from a module back to itself. Each circle is printed as the
#    shortest one through its first module (by name), with the include that
#    makes each step, then any other modules tangled in it.
#
# An include is looked for beside the file first and then under the tree's
# root, as the compiler does with -Isrc; one that names no file of the tree
# is a problem too. Prints "ok - ..." or "not ok - ..." per rule with the
# offending includes under it and "N passed, M failed" (as tests/cli/lib.sh's
# finish does, so scripts/test.sh counts them); exits 1 on any problem.
# Plain POSIX sh and awk.
set -u
cd "$(dirname "$0")/.." || exit 2
root=${1:-src}
root=${root%/}
[ -d "$root" ] || { echo "layers: $root: no such directory" >&2; exit 2; }

find "$root" -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort |
LC_ALL=C awk -v root="$root" '
function layer_of(path,   p) {
	p = index(path, "/")
	return p ? substr(path, 1, p - 1) : ""
}
function module_of(path) {
	sub(/\.[ch]$/, "", path)
	return path
}
function dir_of(path,   n, i, d) {
	n = split(path, part, "/")
	d = ""
	for (i = 1; i < n; i++)
		d = d (i > 1 ? "/" : "") part[i]
	return d
}
# Whether a file in layer from may include one in layer to.
function allowed(from, to) {
	if (from == to)
		return 1
	return (from SUBSEP to) in may
}
function add_edge(a, b, where) {
	if (a == b)
		return
	if (!((a SUBSEP b) in edge)) {
		edge[a, b] = where
		nsucc[a]++
		succ[a, nsucc[a]] = b
	}
}
# Breadth-first from m: reach[m, x] for every module x reachable from m,
# and prev[m, x] the step before x on a shortest path from m.
function explore(m,   head, tail, q, x, i, y) {
	head = tail = 0
	for (i = 1; i <= nsucc[m]; i++) {
		y = succ[m, i]
		if (!((m SUBSEP y) in reach)) {
			reach[m, y] = 1; prev[m, y] = m; q[tail++] = y
		}
	}
	while (head < tail) {
		x = q[head++]
		for (i = 1; i <= nsucc[x]; i++) {
			y = succ[x, i]
			if (!((m SUBSEP y) in reach)) {
				reach[m, y] = 1; prev[m, y] = x; q[tail++] = y
			}
		}
	}
}
BEGIN {
	split("cli web service formats store core lib", names, " ")
	for (i in names)
		known[names[i]] = 1
	# What each layer may include besides itself.
	n = split("cli:web cli:service cli:formats cli:store cli:core cli:lib " \
	    "web:service web:formats web:store web:core web:lib " \
	    "service:formats service:store service:core service:lib " \
	    "formats:core formats:lib store:core store:lib core:lib", pairs, " ")
	for (i = 1; i <= n; i++) {
		split(pairs[i], p, ":")
		may[p[1], p[2]] = 1
		below[p[1]] = below[p[1]] ", " p[2]
	}
}
{
	path = substr($0, length(root) + 2)
	files[++nfiles] = path
	exists[path] = 1
	if (!(module_of(path) in seen_module)) {
		seen_module[module_of(path)] = 1
		modules[++nmodules] = module_of(path)
	}
}
END {
	nincludes = nup = 0
	for (f = 1; f <= nfiles; f++) {
		path = files[f]
		from = layer_of(path)
		line = 0
		while ((getline text < (root "/" path)) > 0) {
			line++
			if (text !~ /^[ \t]*#[ \t]*include[ \t]*"/)
				continue
			target = text
			sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", target)
			sub(/".*/, "", target)
			nincludes++
			where = root "/" path ":" line
			d = dir_of(path)
			if (d != "" && (d "/" target) in exists)
				target = d "/" target
			if (!(target in exists)) {
				up[++nup] = where ": \"" target "\" is no file under " root "/"
				continue
			}
			to = layer_of(target)
			if (!(from in known))
				up[++nup] = where ": " path " is in no layer (" root "/cli, web, service, formats, store, core or lib)"
			else if (!allowed(from, to))
				up[++nup] = where ": " from " includes \"" target "\" (" from " may include only " from below[from] ")"
			else if ((from == "cli" || from == "web") && to == "store" && target != "store/store.h")
				up[++nup] = where ": " from " includes \"" target "\" (a front end reaches the store through the service: only store/store.h)"
			add_edge(module_of(path), module_of(target), where ": includes \"" target "\"")
		}
		close(root "/" path)
	}

	if (nup == 0)
		print "ok - " nincludes " includes point down the layers"
	else {
		print "not ok - " nup " of " nincludes " includes break the layers"
		for (i = 1; i <= nup; i++)
			print "    " up[i]
	}

	for (i = 1; i <= nmodules; i++)
		explore(modules[i])
	ncircles = 0
	for (i = 1; i <= nmodules; i++) {
		m = modules[i]
		if (!((m SUBSEP m) in reach) || (m in reported))
			continue
		ncircles++
		# The shortest circle through m, walked back from m to m.
		k = 0
		x = m
		do {
			step[++k] = x
			x = prev[m, x]
		} while (x != m)
		chain = m
		for (j = k; j >= 1; j--)
			chain = chain " -> " step[j]
		out[++nout] = "circle: " chain
		a = m
		for (j = k; j >= 1; j--) {
			out[++nout] = "  " edge[a, step[j]]
			a = step[j]
		}
		# The rest of the tangle: what m reaches and what reaches m.
		others = ""
		for (j = 1; j <= nmodules; j++) {
			y = modules[j]
			if (((m SUBSEP y) in reach) && ((y SUBSEP m) in reach)) {
				reported[y] = 1
				on = 0
				for (s = 1; s <= k; s++)
					if (step[s] == y)
						on = 1
				if (!on)
					others = others (others == "" ? "" : ", ") y
			}
		}
		if (others != "")
			out[++nout] = "  also in this tangle: " others
	}
	if (ncircles == 0)
		print "ok - no circles among " nmodules " modules"
	else {
		print "not ok - " ncircles " circle" (ncircles == 1 ? "" : "s") " among " nmodules " modules"
		for (i = 1; i <= nout; i++)
			print "    " out[i]
	}
	failed = (nup > 0) + (ncircles > 0)
	print (2 - failed) " passed, " failed " failed"
	exit failed > 0
}'
