"""Feed registry, the polite fetcher, safe content and feed health."""
