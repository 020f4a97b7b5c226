#!/usr/bin/env bash
# After a change to AnshinMail.Rules' public API: declares every new public symbol the build reports (RS0016) in
# AnshinMail.Rules/PublicAPI.Unshipped.txt, and every symbol that is gone (RS0017): deleted from Unshipped when it
# was never shipped, marked *REMOVED* in Unshipped when it was. Review the diff: it is the API change.
# Usage: scripts/public-api.sh    (from anywhere; builds the library once, without incremental build)
set -euo pipefail
cd "$(dirname "$0")/.."
project=AnshinMail.Rules/AnshinMail.Rules.csproj
shipped=AnshinMail.Rules/PublicAPI.Shipped.txt
unshipped=AnshinMail.Rules/PublicAPI.Unshipped.txt
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The analyzer reports every undeclared symbol in one compilation; the build fails on them (they are errors).
dotnet build "$project" --no-incremental -nologo -v q >"$log" 2>&1 || true
if grep -q ' error CS' "$log"; then
    echo "The library does not compile; fix that first:" >&2
    grep ' error CS' "$log" | sort -u >&2
    exit 1
fi

added=0
while IFS= read -r symbol; do
    printf '%s\n' "$symbol" >>"$unshipped"
    added=$((added + 1))
done < <(sed -n "s/.* RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log" | sort -u)

removed=0
while IFS= read -r symbol; do
    if grep -qxF -- "$symbol" "$unshipped"; then
        grep -vxF -- "$symbol" "$unshipped" >"$log.new" || true
        mv "$log.new" "$unshipped"
    elif grep -qxF -- "$symbol" "$shipped"; then
        printf '*REMOVED*%s\n' "$symbol" >>"$unshipped"
    fi
    removed=$((removed + 1))
done < <(sed -n "s/.* RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" "$log" | sort -u)

echo "PublicAPI.Unshipped.txt: $added symbol(s) added, $removed removed."
