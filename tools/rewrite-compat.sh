#!/usr/bin/env bash
# Rewrites the names listed in lessons/compat.go (lessons.Form,
# lessons.CheckIBAN, …) in the given Go files to the packages that hold
# them now (form.Form, validate.CheckIBAN, …), and fixes the imports.
# In a package itself called form or inbox the judge's package is imported
# as formjudge or inboxjudge. Once no file uses a name, delete its line
# from lessons/compat.go.
#
#   tools/rewrite-compat.sh tui/kinds/form/*.go tui/form_test.go
set -euo pipefail
cd "$(dirname "$0")/.."
goimports=(go run golang.org/x/tools/cmd/goimports@v0.28.0)
# NAME=pkg.TARGET for every alias in compat.go ("Form = form.Form").
mapfile -t rules < <(grep -oP '^\t\K[A-Z]\w+ += \w+\.\w+' lessons/compat.go | tr -d ' ')
for f in "$@"; do
  pkgname=$(grep -m1 -oP '^package \K\w+' "$f")
  changed=""
  for r in "${rules[@]}"; do
    name=${r%%=*}; target=${r#*=}; pkg=${target%%.*}
    grep -q "lessons\.$name\b" "$f" || continue
    alias=$pkg
    if [ "$pkg" = "$pkgname" ]; then alias="${pkg}judge"; fi
    gofmt -r "lessons.$name -> $alias.${target#*.}" -w "$f"
    changed="$changed $pkg:$alias"
  done
  for pa in $(echo "$changed" | tr ' ' '\n' | sort -u); do
    pkg=${pa%%:*}; alias=${pa#*:}
    case $pkg in form|inbox) path="aula/lessons/kinds/$pkg" ;; *) path="aula/lessons/$pkg" ;; esac
    grep -q "\"$path\"" "$f" && continue
    if [ "$alias" = "$pkg" ]; then imp="\"$path\""; else imp="$alias \"$path\""; fi
    if grep -q '^	"aula/lessons"$' "$f"; then
      sed -i "0,/^\t\"aula\/lessons\"$/s||&\n\t$imp|" "$f"
    else
      sed -i "0,/^import (/s||import (\n\t$imp|" "$f"
    fi
  done
  "${goimports[@]}" -local aula -w "$f"
done
