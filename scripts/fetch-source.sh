#!/bin/bash
# scripts/fetch-source.sh: download the base's Debian linux-source package
# (configs/bases/$BASE) and print the path of the kernel tarball inside it.
#
# The package comes from the Debian archive this machine's apt sources
# already name: a private sources list (the machine's own entries, plus the
# base's SUITES on the same archive), private package lists, `apt-get
# download` and `dpkg-deb -x`.  The machine's apt configuration is left as it
# was.  The version pinned in the base's PIN_FILE is taken if the archive
# still has it; if not, the newest one, and the terminal says so.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/base.sh"
work=$top/build/apt
dl=$top/build/debs
mkdir -p "$work/lists/partial" "$dl"
src=$work/sources.list
: > "$src"
# The machine's deb822 entries, then one line per extra suite on the
# machine's Debian archive (the first URI of an entry whose suites look
# like Debian's main archive, not -security).
cp /etc/apt/sources.list.d/*.sources "$work/" 2>/dev/null || true
rm -f "$work"/*.sources.disabled*
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
	[ -f "$f" ] && grep -E '^deb ' "$f" >> "$src" || true
done
uri=$(awk '/^URIs:/ {u=$2} /^Suites:/ && u && $0 !~ /security/ {print u; exit}' \
	/etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' "$src")
for s in $SUITES; do
	[ -n "$uri" ] || { echo "fetch: no Debian archive in this machine's apt sources" >&2; exit 1; }
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $s main" >> "$src"
done
A=(-o Dir::Etc::SourceList="$src" -o Dir::Etc::SourceParts="$work"
   -o Dir::State::Lists="$work/lists" -o APT::Architectures::=amd64
   -o Debug::NoLocking=1)
# Use what was fetched before if it is the pinned version.
deb=$(ls "$dl/${PACKAGE}_${PIN//\~/%7e}_all.deb" "$dl/${PACKAGE}_${PIN}_all.deb" 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
	apt-get "${A[@]}" -qq update >&2 || true
	have=$(apt-cache "${A[@]}" madison "$PACKAGE" 2>/dev/null | awk '{print $3}')
	[ -n "$have" ] || { echo "fetch: $PACKAGE is in none of the archive's suites (suites: ${SUITES:-as configured})" >&2; exit 1; }
	if printf '%s\n' $have | grep -qxF "$PIN"; then
		ver=$PIN
	else
		ver=$(printf '%s\n' $have | sort -V | tail -1)
		echo "fetch: NOTE: $PACKAGE $PIN has left the archive; taking the newest, $ver" >&2
	fi
	chmod 777 "$dl"
	(cd "$dl" && apt-get "${A[@]}" -qq download "$PACKAGE=$ver" >&2)
	deb=$(ls "$dl/${PACKAGE}_"*"_all.deb" | while read -r f; do
		[ "$(dpkg-deb -f "$f" Version)" = "$ver" ] && echo "$f"; done | head -1)
fi
ver=$(dpkg-deb -f "$deb" Version)
x=$dl/$PACKAGE-$ver
if [ ! -f "$x/.done" ]; then
	rm -rf "$x"; mkdir -p "$x"
	dpkg-deb -x "$deb" "$x"
	touch "$x/.done"
fi
tarball=$(ls "$x"/usr/src/linux-source-*.tar.xz | head -1)
[ -f "$tarball" ] || { echo "fetch: no kernel tarball in $deb" >&2; exit 1; }
echo "$ver $tarball"
