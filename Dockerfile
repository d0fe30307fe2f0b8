# Kessan Console: multi-stage build (SDK + Node to build the app and its front-end assets, ASP.NET runtime to run).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Kessan.Console.sln ./
COPY wwwroot-assets/package.json wwwroot-assets/package-lock.json wwwroot-assets/
RUN cd wwwroot-assets && npm ci --no-audit --no-fund
COPY src/ src/
COPY wwwroot-assets/ wwwroot-assets/
RUN dotnet publish src/Kessan.Console/Kessan.Console.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Listen on all interfaces inside the container; the port is published by whoever runs it.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Alerts__Database=/app/data/kessan-console.db \
    Auth__KeysFolder=/app/data/keys
# Alerts, their audit trail and the sign-in cookie keys live here; mount a volume to keep them.
RUN mkdir -p /app/data && chown app:app /app/data
VOLUME /app/data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl --fail --silent --show-error http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Kessan.Console.dll"]
