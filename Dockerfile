# syntax=docker/dockerfile:1
# Linggong (零工) service image: the app (`linggong serve`), migrations (`linggong migrate`) and the arq worker
# (`linggong worker`) all run from this one image; docker-compose.yml picks the command.

# --- build: turn the project into wheels, so the runtime stage needs no source tree or build tools --------------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md constraints.txt MANIFEST.in ./
COPY market ./market
COPY matching ./matching
COPY contracts ./contracts
RUN pip wheel --wheel-dir /wheels -c constraints.txt .

# --- runtime -------------------------------------------------------------------------------------------------------
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    LINGGONG_DATA_DIR=/data \
    LINGGONG_TIMEZONE=Asia/Shanghai

RUN groupadd --system --gid 10001 linggong \
 && useradd --system --uid 10001 --gid linggong --home-dir /app --no-create-home --shell /usr/sbin/nologin linggong \
 && mkdir -p /app /data \
 && chown linggong:linggong /data

COPY --from=build /wheels /wheels
RUN pip install --no-index /wheels/*.whl && rm -rf /wheels

# The web front end (market/static) is inside the wheel; the API docs' files come with fastapi-offline.
WORKDIR /app

USER linggong
VOLUME ["/data"]
EXPOSE 8000
CMD ["linggong", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "4"]
