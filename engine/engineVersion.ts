// The engine's version: reported by /health and part of every analysis cache key.
export const ENGINE_VERSION = '0.1.0';
