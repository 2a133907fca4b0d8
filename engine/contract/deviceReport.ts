// What a laptop tells the update server after an update, a gate or a rollback (docs/updates.md, "Device
// reports"): signed with the device's own key, which the server registers the first time it hears from
// the device and holds it to afterwards. The signature covers `payload`, the report as JSON text.
import { z } from 'zod';

export const deviceReportPayloadSchema = z.object({
  engineVersion: z.string(),
  /** Rises with every report a device sends (its ledger's newest event id): the server refuses a report
   *  not above the last one it took from that device, so a captured report cannot be played again. */
  sequence: z.number().int().positive(),
  /** Model name → the version live on the device now. */
  live: z.record(z.string(), z.number().int()),
  /** The update events since the last report (newest first), as the device's ledger has them. */
  events: z.array(z.object({ at: z.string(), name: z.string(), version: z.number().int().nullable(), event: z.string(), code: z.string().nullable() })).max(500),
});
export type DeviceReportPayload = z.infer<typeof deviceReportPayloadSchema>;

export const deviceReportSchema = z.object({
  deviceId: z.string().regex(/^[0-9a-f]{32}$/),
  publicKeyPem: z.string().max(1000),
  sentAt: z.string(),
  /** deviceReportPayloadSchema as JSON text, exactly the bytes signed. */
  payload: z.string().max(200_000),
  /** ed25519 over `payload`, base64. */
  signature: z.string().max(200),
});
export type DeviceReport = z.infer<typeof deviceReportSchema>;

/** The path of the report endpoint on an update server, relative to its root. */
export const DEVICE_REPORT_PATH = '/api/devices/report';
/** Where an update server serves its channel, relative to its root. */
export const CHANNEL_PATH = '/channel/';
