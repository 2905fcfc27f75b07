#!/usr/bin/env bash
# Builds the small Java runtime the llmq image ships: exactly the JDK modules the jar needs
# (found by jdeps), plus TLS elliptic curves and the Chinese locale data.
# Used by the Dockerfile and by .ci/run (which checks that the jar runs on it), so both agree.
# jdeps and jlink come from the JDK that bin/find-jdk picks (JAVA_HOME first), whatever is on PATH:
# the runtime is that JDK's version, 21 or newer.
#   usage: docker/build-runtime.sh JAR OUTPUT_DIR
set -euo pipefail
jar="$1"
out="$2"
[ -f "$jar" ] || { echo "build-runtime: $jar: no such jar (build it first: mvn -B -DskipTests -pl bot-app -am package)" >&2; exit 2; }
jdk="$("$(dirname "$0")/../bin/find-jdk")"
release=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release "$release" "$jar")
rm -rf "$out"
"$jdk/bin/jlink" --add-modules "$modules,jdk.crypto.ec,jdk.localedata,java.management" \
      --include-locales en,zh \
      --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
      --output "$out"
echo "runtime: $modules,jdk.crypto.ec,jdk.localedata,java.management -> $out ($(du -sh "$out" | cut -f1))"
