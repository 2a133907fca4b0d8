// The environment variables SAFE Edge reads, one per setting of the engine's configuration
// (engine/config.ts reads them all; `safe-edge config` prints the result). The desktop shell uses the
// same names, so a setting is never spelled twice.
export const ENVIRONMENT = {
  dataDir: 'SAFE_EDGE_DATA_DIR',
  modelsDir: 'SAFE_EDGE_MODELS_DIR',
  modelPrecision: 'SAFE_EDGE_PRECISION',
  logLevel: 'SAFE_EDGE_LOG',
  updateFeedUrl: 'SAFE_EDGE_UPDATE_URL',
  modelChannel: 'SAFE_EDGE_MODEL_CHANNEL',
  browserMode: 'SAFE_EDGE_BROWSER_MODE',
  /** Tests only: simulates a full disk (docs/hardening.md#saving). */
  testDatabaseSparePages: 'SAFE_EDGE_TEST_DB_SPARE_PAGES',
  /** Tests only: files that replace the machine's /proc and /sys for the sampler (docs/device-health.md#fault-injection). */
  testDeviceOverlay: 'SAFE_EDGE_TEST_DEVICE_OVERLAY',
} as const;
export type EnvironmentSetting = keyof typeof ENVIRONMENT;
