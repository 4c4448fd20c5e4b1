# The gateway with the built SPA: docker build -f deploy/docker/gateway.Dockerfile .
FROM node:20-slim AS spa
WORKDIR /spa
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend ./
RUN npm run build

FROM python:3.11-slim AS build
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir 'uv>=0.5'
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY services ./services
RUN uv sync --frozen --no-dev

FROM python:3.11-slim
# MALLOC_ARENA_MAX=2: glibc's per-thread arenas cost ~3 MB per worker (bench/README.md)
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 RELAIS_SPA_DIR=/app/spa RELAIS_HOST=0.0.0.0 RELAIS_PORT=8080 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app /app
COPY --from=spa /spa/dist /app/spa
RUN useradd --uid 10001 --no-create-home relais
USER 10001
EXPOSE 8080
CMD ["python", "-m", "relais_gateway"]
