# shellcheck shell=bash
# Shared by scripts/run-api, scripts/mint-token and scripts/test (sourced, not executed):
#   select_jdk25      exports JAVA_HOME/PATH for a JDK 25 (JAVA_HOME if it is one, else /usr/lib/jvm)
#   ensure_api_jar    builds api-service/target/api-service.jar with ./mvnw when missing or older
#                     than any api-service source, resource or POM

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
API_JAR="$ROOT/api-service/target/api-service.jar"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

select_jdk25() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" = 25 ]; then
    :
  else
    local candidate
    JAVA_HOME=""
    for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/*25*; do
      if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" = 25 ]; then
        JAVA_HOME="$candidate"
        break
      fi
    done
    if [ -z "$JAVA_HOME" ]; then
      echo "No JDK 25 found: set JAVA_HOME to a JDK 25 or install one under /usr/lib/jvm." >&2
      exit 1
    fi
  fi
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}

ensure_api_jar() {
  local stale=""
  if [ ! -f "$API_JAR" ] || [ ! -d "$ROOT/api-service/target/libs" ]; then
    stale="missing"
  elif [ -n "$(find "$ROOT/api-service/src/main" "$ROOT/api-service/pom.xml" "$ROOT/pom.xml" \
                 -newer "$API_JAR" -print -quit)" ]; then
    stale="out of date"
  fi
  if [ -n "$stale" ]; then
    echo "api-service.jar is $stale; building it (tests skipped; run ./mvnw -B verify for those)..." >&2
    # -DskipTests, not -Dmaven.test.skip: the reactor needs events-schema's test-jar, which a fresh
    # machine's local repository does not hold (ApiJarBuildTest).
    (cd "$ROOT" && ./mvnw -B -q -pl api-service -am -DskipTests package) >&2
  fi
}
