// The fleet page IT opens on the update server: what the channel offers and at what rollout, the app
// releases and their staging percentage, what each device last reported (live versions, gate results,
// rollbacks). Plain server-rendered HTML, no script.
import type { ModelTargetFacts, Revocations } from '../../engine/contract/modelChannel.js';
import type { AppRelease } from '../releases/appReleases.js';
import type { DeviceRow, ReportRow } from './fleetStore.js';

/** The app releases as the page shows them: none served (no --app-dir), the releases, or why they could not be read. */
export interface AppReleasesView { served: boolean; releases: AppRelease[]; problem: string | null }

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rows = (cells: string[][]) => cells.map((c) => `<tr>${c.map((x) => `<td>${escape(x)}</td>`).join('')}</tr>`).join('');

const mebibytes = (bytes: number | null) => (bytes === null ? '' : ` (${(bytes / 1048576).toFixed(1)} MiB)`);

function appSection(app: AppReleasesView): string {
  if (!app.served) return '<h1>App releases</h1><p>Not served: start the update server with --app-dir.</p>';
  if (app.problem) return `<h1>App releases</h1><p>The release folder could not be read: ${escape(app.problem)}</p>`;
  if (!app.releases.length) return '<h1>App releases</h1><p>No latest*.yml in the release folder yet.</p>';
  return `<h1>App releases</h1>
<table><tr><th>platform</th><th>file</th><th>version</th><th>staging</th><th>released</th><th>files</th></tr>
${rows(app.releases.map((r) => [r.platform, r.infoFile, r.version, r.stagingPercentage === null ? '100 % (not set)' : `${r.stagingPercentage} %`, r.releaseDate ?? '',
    r.files.map((f) => `${f.url}${mebibytes(f.sizeBytes)}`).join(', ')]))}</table>`;
}

export function fleetPage(view: { models: ModelTargetFacts[]; revocations: Revocations['revoked']; app: AppReleasesView; devices: DeviceRow[]; reports: ReportRow[] }): string {
  const latestByDevice = new Map<string, ReportRow>();
  for (const r of view.reports) if (!latestByDevice.has(r.deviceId)) latestByDevice.set(r.deviceId, r);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>SAFE Edge update server: fleet</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>
<h1>Model channel</h1>
<table><tr><th>model</th><th>version</th><th>rollout</th><th>strategy</th><th>min engine</th><th>published</th></tr>
${rows(view.models.map((m) => [m.name, `v${m.version}`, `${m.rollout.percent} %`, m.rollout.strategy, m.minEngineVersion, m.publishedAt]))}</table>
<h2>Revoked</h2>
<table><tr><th>model</th><th>version</th><th>reason</th><th>when</th></tr>${rows(view.revocations.map((r) => [r.name, `v${r.version}`, r.reason, r.revokedAt]))}</table>
${appSection(view.app)}
<h1>Devices (${view.devices.length})</h1>
<table><tr><th>device</th><th>first seen</th><th>last report</th><th>reports</th><th>live models</th><th>last events</th></tr>
${rows(view.devices.map((d) => {
    const latest = latestByDevice.get(d.deviceId)?.report as { live?: Record<string, number>; events?: Array<{ name: string; version: number | null; event: string; code: string | null }> } | undefined;
    return [d.deviceId.slice(0, 12), d.firstSeen, d.lastSeen, String(d.reports),
      Object.entries(latest?.live ?? {}).map(([n, v]) => `${n} v${v}`).join(', '),
      (latest?.events ?? []).slice(0, 5).map((e) => `${e.name}${e.version === null ? '' : ` v${e.version}`} ${e.event}${e.code ? ` ${e.code}` : ''}`).join('; ')];
  }))}</table></html>`;
}
