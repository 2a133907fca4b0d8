// The update server's own state (SQLite, apart from the channel, which stays plain static files): the
// devices that have reported, each registered by the public key it sent on first contact, and every
// signed report they sent (the versions live, gate results, rollbacks), for IT's fleet page.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DeviceRow { deviceId: string; publicKeyPem: string; firstSeen: string; lastSeen: string; reports: number }
export interface ReportRow { id: number; deviceId: string; at: string; report: Record<string, unknown> }

export class FleetStore {
  private readonly db: Database.Database;
  constructor(stateDir: string) {
    mkdirSync(stateDir, { recursive: true });
    this.db = new Database(join(stateDir, 'update-server.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, public_key_pem TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY AUTOINCREMENT, device_id TEXT NOT NULL REFERENCES devices(device_id), at TEXT NOT NULL, report_json TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS reports_by_device ON reports (device_id, id DESC);
    `);
    // The last report sequence taken from each device (replay protection); added after the first release.
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('devices')").all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'last_sequence')) this.db.exec('ALTER TABLE devices ADD COLUMN last_sequence INTEGER NOT NULL DEFAULT 0');
  }

  device(deviceId: string): DeviceRow | null {
    const r = this.db.prepare('SELECT d.*, (SELECT COUNT(*) FROM reports WHERE device_id = d.device_id) AS reports FROM devices d WHERE device_id = ?').get(deviceId) as
      { device_id: string; public_key_pem: string; first_seen: string; last_seen: string; reports: number } | undefined;
    return r ? { deviceId: r.device_id, publicKeyPem: r.public_key_pem, firstSeen: r.first_seen, lastSeen: r.last_seen, reports: r.reports } : null;
  }

  register(deviceId: string, publicKeyPem: string, at: string): void {
    this.db.prepare('INSERT INTO devices (device_id, public_key_pem, first_seen, last_seen) VALUES (?, ?, ?, ?)').run(deviceId, publicKeyPem, at, at);
  }

  /** Takes a report if its sequence is above the device's last one; false (nothing stored) otherwise. */
  addReport(deviceId: string, at: string, sequence: number, report: Record<string, unknown>): boolean {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT last_sequence FROM devices WHERE device_id = ?').get(deviceId) as { last_sequence: number } | undefined;
      if (row && sequence <= row.last_sequence) return false;
      this.db.prepare('INSERT INTO reports (device_id, at, report_json) VALUES (?, ?, ?)').run(deviceId, at, JSON.stringify(report));
      this.db.prepare('UPDATE devices SET last_seen = ?, last_sequence = ? WHERE device_id = ?').run(at, sequence, deviceId);
      return true;
    })();
  }

  devices(): DeviceRow[] {
    return (this.db.prepare('SELECT d.*, (SELECT COUNT(*) FROM reports WHERE device_id = d.device_id) AS reports FROM devices d ORDER BY last_seen DESC').all() as
      Array<{ device_id: string; public_key_pem: string; first_seen: string; last_seen: string; reports: number }>)
      .map((r) => ({ deviceId: r.device_id, publicKeyPem: r.public_key_pem, firstSeen: r.first_seen, lastSeen: r.last_seen, reports: r.reports }));
  }

  latestReports(limit = 100): ReportRow[] {
    return (this.db.prepare('SELECT * FROM reports ORDER BY id DESC LIMIT ?').all(limit) as Array<{ id: number; device_id: string; at: string; report_json: string }>)
      .map((r) => ({ id: r.id, deviceId: r.device_id, at: r.at, report: JSON.parse(r.report_json) as Record<string, unknown> }));
  }

  close(): void { this.db.close(); }
}
