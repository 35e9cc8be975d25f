# mtcgate node as a container image. Build from the repository root:
#   docker build -t mtcgate .
# Run (the sample config listens on 127.0.0.1, so share the host's network, or mount a config of your own
# that listens on the container's address):
#   docker run --rm --network host -v mtcgate-data:/var/lib/mtcgate mtcgate
#   docker run --rm --network host -v ./my.yaml:/etc/mtcgate/mtcgate.yaml:ro -v mtcgate-data:/var/lib/mtcgate mtcgate
# The image holds the release archive (node and lab tools) in /opt/mtcgate; state goes to the volume.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
ARG GIT_COMMIT=unknown
RUN mvn -B -q -Dmaven.test.skip=true -Dgit.commit="${GIT_COMMIT}" package \
 && mkdir /out && tar -xzf dist/target/mtcgate-*.tar.gz -C /out && mv /out/mtcgate-* /out/mtcgate

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/mtcgate --shell /usr/sbin/nologin mtcgate \
 && mkdir -p /var/lib/mtcgate /etc/mtcgate && chown mtcgate:mtcgate /var/lib/mtcgate
COPY --from=build /out/mtcgate /opt/mtcgate
# The sample config with its state moved from ../data to the volume; policy and subscriber files beside it.
RUN cp /opt/mtcgate/config/* /etc/mtcgate/ \
 && sed -i 's#\.\./data#/var/lib/mtcgate#g' /etc/mtcgate/mtcgate.yaml
USER mtcgate
WORKDIR /var/lib/mtcgate
VOLUME /var/lib/mtcgate
# Tsp 5868, M3UA 2905/2915/2925, console 2222, metrics 9464 (the sample's ports).
EXPOSE 5868 2905 2915 2925 2222 9464
# SIGTERM (docker stop) is the node's clean stop; exit status 143 is its normal end.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/mtcgate/bin/mtcgate"]
CMD ["node", "--config", "/etc/mtcgate/mtcgate.yaml"]
