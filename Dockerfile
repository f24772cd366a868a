# syntax=docker/dockerfile:1
# One image per runnable module: MODULE=standalone (default), command-side or query-side.
#   docker build --build-arg MODULE=command-side -t unified-crm/command-side .
FROM eclipse-temurin:17-jdk AS build
ARG MODULE=standalone
WORKDIR /source
COPY . .
RUN ./mvnw -B -q -DskipTests -pl "${MODULE}" -am package \
 && mkdir /out \
 && if [ "${MODULE}" = "standalone" ]; \
      then cp standalone/target/standalone-*.jar /out/app.jar; \
      else cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /out/app.jar; \
    fi

FROM eclipse-temurin:17-jre
# Not root: PostgreSQL refuses to run as root, and a service has no need for it.
RUN useradd --system --uid 10001 --home-dir /app unifiedcrm && mkdir -p /app/data && chown -R unifiedcrm /app
WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar
USER unifiedcrm
ENV UNIFIEDCRM_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
