# make install: the binary, the catalogs, the manual page and the example
# systemd unit under PREFIX, staged under DESTDIR; the installed binary finds
# its installed catalogs from any directory. Runs make on the build the
# binary is in (build/ or the ASan pass's build/asan/, which needs its flags).
. tests/cli/lib.sh
export LC_ALL=C.UTF-8 MANWIDTH=80
unset MAKEFLAGS MFLAGS MAKELEVEL # make check's own, not for this make
build=${SHINSA#"$(pwd)"/}
build=${build%/shinsa}
case $build in
*asan) set -- BUILD="$build" SAN=1 CFLAGS="-O1 -g" ;;
*) set -- BUILD="$build" ;;
esac

run make -s install "$@" PREFIX="$T/x"
eq "make install PREFIX" "$rc" 0
eq "the binary is executable" "$(stat -c %a "$T/x/bin/shinsa")" 755

mkdir "$T/elsewhere"
(cd "$T/elsewhere" && SHINSA_DB="$T/y.db" "$T/x/bin/shinsa" init >"$T/init.out" 2>&1)
eq "the installed binary loads the installed catalogs from another directory" \
	"$(sed 1d "$T/init.out")" "catalog api-checklist-2018-08: 45 items, added
catalog bank-criteria-sample: 57 items, added
mapping bank-criteria-sample.api-checklist-2018-08: 57 rows, added
server secret: created $T/secret.key (keep it: without it the signing keys cannot be used)"
# Without the installed mapping file the mapping is not loaded: the files
# read are the installed ones, not the source tree's.
rm "$T/x/share/shinsa/catalog/bank-criteria-sample.api-checklist-2018-08.mapping.json"
run env SHINSA_DB="$T/z.db" "$T/x/bin/shinsa" init
eq "init reads the installed directory" "$rc:$(echo "$out" | sed 1d)" "0:catalog api-checklist-2018-08: 45 items, added
catalog bank-criteria-sample: 57 items, added"
run "$T/x/bin/shinsa" help init
eq "help init names the installed directory" "$(echo "$out" | grep -o "else $T/x/share/shinsa/catalog)")" \
	"else $T/x/share/shinsa/catalog)"

run man -l "$T/x/share/man/man1/shinsa.1"
eq "man -l of the installed page" "$rc:$err" "0:"
eq "its FILES name the installed catalogs" "$(echo "$out" | sed -n '/^FILES/,/^EXIT/p' | grep -c "^       $T/x/share/shinsa/catalog$")" 1

unit=$T/x/share/doc/shinsa/examples/shinsa.service
eq "the unit starts the installed binary" "$(grep '^ExecStart=' "$unit")" \
	"ExecStart=$T/x/bin/shinsa serve --listen \${SHINSA_LISTEN} --secure-cookies --trusted-proxy 127.0.0.1"
if command -v systemd-analyze >/dev/null 2>&1; then
	run env MANPATH="$T/x/share/man" systemd-analyze verify "$unit"
	eq "systemd-analyze verify finds nothing" "$rc:$out$err" "0:"
else
	echo "# systemd-analyze is not installed: the unit is not verified"
fi

run make -s install "$@" DESTDIR="$T/stage" PREFIX=/usr
eq "make install DESTDIR PREFIX=/usr" "$rc" 0
eq "the staged tree" "$(cd "$T/stage" && find . | sort)" ".
./usr
./usr/bin
./usr/bin/shinsa
./usr/share
./usr/share/doc
./usr/share/doc/shinsa
./usr/share/doc/shinsa/examples
./usr/share/doc/shinsa/examples/shinsa.service
./usr/share/man
./usr/share/man/man1
./usr/share/man/man1/shinsa.1
./usr/share/shinsa
./usr/share/shinsa/catalog
./usr/share/shinsa/catalog/api-checklist-2018-08.json
./usr/share/shinsa/catalog/bank-criteria-sample.api-checklist-2018-08.mapping.json
./usr/share/shinsa/catalog/bank-criteria-sample.json"
eq "the staged catalogs are the tree's" "$(cd catalog && sha256sum ./*.json)" \
	"$(cd "$T/stage/usr/share/shinsa/catalog" && sha256sum ./*.json)"
eq "the staged binary looks in /usr, not in DESTDIR" \
	"$("$T/stage/usr/bin/shinsa" help init | grep -o 'else /usr/share/shinsa/catalog)')" "else /usr/share/shinsa/catalog)"
eq "the staged unit starts /usr/bin/shinsa" \
	"$(grep -c '^ExecStart=/usr/bin/shinsa serve ' "$T/stage/usr/share/doc/shinsa/examples/shinsa.service")" 1
finish
