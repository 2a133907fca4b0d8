// Tells the update server what happened on this laptop (docs/updates.md, "Device identity and reports"):
// after an update, a trial's end or a rollback, the ledger's events since the last report and the live
// versions, signed with the device key. Only to a channel served over HTTP by the update server (a folder
// or a plain static server has nowhere to report to: a 404 or 405 is taken as that, quietly).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEVICE_REPORT_PATH, type DeviceReport, type DeviceReportPayload } from '../contract/deviceReport.js';
import { ENGINE_VERSION } from '../engineVersion.js';
import type { ChannelSource } from './channelSource.js';
import { loadDeviceIdentity } from './deviceIdentity.js';
import type { ModelLedger } from './modelLedger.js';

/** Where a channel's update server takes reports: the same origin, at DEVICE_REPORT_PATH. */
export function reportUrlFor(source: ChannelSource): string | null {
  return source.kind === 'http' ? new URL(DEVICE_REPORT_PATH, source.baseUrl).href : null;
}

export type ReportOutcome = 'sent' | 'no-server' | 'nothing-new' | 'failed';

export class DeviceReporter {
  private readonly cursorFile: string;
  constructor(private readonly dataDir: string, private readonly ledger: ModelLedger, private readonly fetchImpl: typeof fetch = fetch) {
    this.cursorFile = join(dataDir, 'updates', 'last-reported-event');
  }

  private lastReported(): number {
    if (!existsSync(this.cursorFile)) return 0;
    const n = Number(readFileSync(this.cursorFile, 'utf8').trim());
    return Number.isInteger(n) ? n : 0;
  }

  /** Sends the events since the last report (at most 500) with the live versions; advances only on success. */
  async report(source: ChannelSource, live: Record<string, number>): Promise<ReportOutcome> {
    const url = reportUrlFor(source);
    if (!url) return 'no-server';
    const since = this.lastReported();
    const events = this.ledger.events(500).filter((e) => e.id > since);
    if (events.length === 0) return 'nothing-new';
    const identity = loadDeviceIdentity(this.dataDir);
    const payload: DeviceReportPayload = { engineVersion: ENGINE_VERSION, sequence: Math.max(...events.map((e) => e.id)), live, events: events.map(({ at, name, version, event, code }) => ({ at, name, version, event, code })) };
    const text = JSON.stringify(payload);
    const body: DeviceReport = { deviceId: identity.deviceId, publicKeyPem: identity.publicKeyPem, sentAt: new Date().toISOString(), payload: text, signature: identity.sign(Buffer.from(text)) };
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    } catch {
      return 'failed';
    }
    if (response.status === 404 || response.status === 405) return 'no-server';
    if (!response.ok) return 'failed';
    mkdirSync(dirname(this.cursorFile), { recursive: true });
    writeFileSync(this.cursorFile, String(Math.max(...events.map((e) => e.id))));
    return 'sent';
  }
}
