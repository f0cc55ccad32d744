# Sourced by bin/dev, bin/test and bin/invoke: finds a JDK >= 25 and exports JAVA_HOME and PATH.
# Looks at JAVA_HOME first, then every JDK under /usr/lib/jvm (newest first), then `java` on PATH.

warta_java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

warta_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(warta_java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: Warta needs a JDK 25 or newer (the Lambda java25 runtime), and none was found." >&2
  echo "       Looked at JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/* and the java on PATH." >&2
  echo "       Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}

warta_require() { # tool, hint
  command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is required ($2)." >&2; exit 1; }
}
