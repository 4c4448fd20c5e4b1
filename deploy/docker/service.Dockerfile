# One image per Python service: docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=ambassadors .
FROM python:3.11-slim AS build
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir 'uv>=0.5'
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY services ./services
RUN uv sync --frozen --no-dev

FROM python:3.11-slim
ARG SERVICE
# MALLOC_ARENA_MAX=2: glibc's per-thread arenas cost ~3 MB per worker (bench/README.md)
ENV SERVICE=${SERVICE} PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 RELAIS_VAR_DIR=/data \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app /app
RUN useradd --uid 10001 --no-create-home relais && mkdir -p /data && chown relais /data
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8080/livez', timeout=2)" || exit 1
CMD ["sh", "-c", "exec uvicorn relais_${SERVICE}.main:create_app --factory --host 0.0.0.0 --port 8080 --proxy-headers"]
