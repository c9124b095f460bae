# syntax=docker/dockerfile:1.7
# The api-service image. Build: Maven on JDK 25. Runtime: a jlinked JDK holding only the modules
# jdeps finds (scripts/build-runtime-image, the same script that measures the layer without
# Docker), on distroless glibc without shell or package manager, as a non-root user.

FROM eclipse-temurin:25-jdk-noble AS build

# Build-stage tools of build-runtime-image: strip (binutils) for the runtime's native libraries,
# curl for the AOT training run. Not shipped.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends binutils curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# The reactor's poms first, so dependencies stay cached until a pom changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY api-service/pom.xml api-service/
COPY events-schema/pom.xml events-schema/
COPY lambdas/pom.xml lambdas/
COPY terraform/tests/pom.xml terraform/tests/
COPY api-service/src/ api-service/src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl api-service -am package -DskipTests

COPY docker/HealthCheck.java docker/
COPY scripts/build-runtime-image scripts/
# AOT_CACHE=false trades ~2.7x more start-up CPU for a ~37 MiB smaller image (docs/benchmarks.md).
# The cache is trained where it runs: it is only valid for the same runtime and class path.
ARG AOT_CACHE=true
RUN scripts/build-runtime-image --jar api-service/target/api-service.jar --output /opt/antigravity --aot="${AOT_CACHE}"

# glibc, CA certificates and tzdata; no shell, no package manager. The JVM brings its own TLS.
FROM gcr.io/distroless/base-nossl-debian12:nonroot

ARG APP_VERSION=dev
LABEL org.opencontainers.image.title="antigravity-api" \
      org.opencontainers.image.description="Antigravity API (Helidon SE 4.5, Java 25)" \
      org.opencontainers.image.version="${APP_VERSION}"

COPY --from=build /opt/antigravity /opt/antigravity

# MALLOC_ARENA_MAX: two glibc malloc arenas instead of up to 8 per core, so the JVM's many threads do not
# each keep freed native memory in an arena of their own (issue 12, peak RSS; docs/benchmarks.md).
ENV JAVA_HOME=/opt/antigravity/java \
    APP_VERSION=${APP_VERSION} \
    LANG=C.UTF-8 \
    TZ=UTC \
    MALLOC_ARENA_MAX=2

# distroless "nonroot" (uid/gid 65532), numeric so that runAsNonRoot checks can verify it.
USER 65532:65532
WORKDIR /opt/antigravity
EXPOSE 8080

# No curl in the image: the probe is a java.base-only class run by the same runtime.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/opt/antigravity/java/bin/java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx16m", "-cp", "/opt/antigravity/healthcheck", "HealthCheck", "http://127.0.0.1:8080/health"]

# The JVM flags (container-aware heap, young generation sizing, native-heap trimming, exit on
# OutOfMemoryError, Serial GC, the AOT cache) are
# written by build-runtime-image to jvm.options, the file its --verify run starts with too.
# SIGTERM drains the server.
ENTRYPOINT ["/opt/antigravity/java/bin/java", "@/opt/antigravity/jvm.options", "-jar", "/opt/antigravity/app/api-service.jar"]
