#!/bin/sh
# scripts/layers.sh on two small trees under tests/fixtures/layers/: a clean
# one passes; "bad" has an include up the layers, one between formats and
# store, one of a missing file, a file in no layer, a front end that
# includes a store header other than store/store.h, and a circle of three
# modules through a header, and the check names each exactly. Then the real
# tree, src/, passes.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.." || exit 2
F=tests/fixtures/layers

run sh scripts/layers.sh $F/clean
eq "a clean tree passes" "$rc $out" "0 ok - 5 includes point down the layers
ok - no circles among 3 modules
2 passed, 0 failed"

run sh scripts/layers.sh $F/bad
eq "every problem of the bad tree, named" "$rc $out" "1 not ok - 5 of 17 includes break the layers
    $F/bad/core/b.c:2: core includes \"service/s.h\" (core may include only core, lib)
    $F/bad/lib/a.c:2: \"lib/gone.h\" is no file under $F/bad/
    $F/bad/misc/m.c:1: misc/m.c is in no layer ($F/bad/cli, web, service, formats, store, core or lib)
    $F/bad/store/t.c:2: store includes \"formats/x.h\" (store may include only store, core, lib)
    $F/bad/web/w.c:2: web includes \"store/t.h\" (a front end reaches the store through the service: only store/store.h)
not ok - 1 circle among 10 modules
    circle: formats/x -> formats/y -> formats/z -> formats/x
      $F/bad/formats/x.c:2: includes \"formats/y.h\"
      $F/bad/formats/y.c:4: includes \"formats/z.h\"
      $F/bad/formats/z.h:1: includes \"formats/x.h\"
0 passed, 2 failed"

run sh scripts/layers.sh $F/none
eq "a tree that is not there" "$rc $err" "2 layers: $F/none: no such directory"

run sh scripts/layers.sh
eq "src/ passes" "$rc $(echo "$out" | sed -n '$p')" "0 2 passed, 0 failed"

finish
