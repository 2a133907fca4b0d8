// Reads a channel through tuf-js: refreshes the trusted metadata (root rotation, timestamp, snapshot,
// targets, each checked for signatures, versions, expiry and lengths) and lists the model versions it
// offers with the facts signed beside them. Downloads go through tuf-js too, which checks every file's
// length and hash against the signed targets before it reaches the model store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Metadata, MetadataKind, TargetFile } from '@tufjs/models';
import { Updater } from 'tuf-js';
import { ExpiredMetadataError } from 'tuf-js/dist/error.js';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { isPlausibleClock } from '../contract/deviceClock.js';
import {
  MANIFEST_FILE, MODEL_FACTS_KEY, REVOCATIONS_TARGET, modelTargetFactsSchema, revocationsSchema,
} from '../contract/modelChannel.js';
import { describeSource, metadataBaseUrl, targetsBaseUrl, type ChannelSource } from './channelSource.js';
import { DirectoryFetcher } from './directoryFetcher.js';
import type { ChannelView, DownloadStats, TargetInfo } from './channelView.js';
import { metadataRefusal, targetRefusal } from './refusals.js';
import { downloadResumable } from './targetDownload.js';
import { isChannelTrusted, trustDir } from './channelTrust.js';

/** The one place the offline rule reaches into tuf-js: the reference time its trusted set checks expiry
 *  against, fixed when the updater is built. tuf-js has no option for it. */
function setReferenceTime(updater: Updater, at: Date): void {
  const store = (updater as unknown as { trustedSet?: { referenceTime?: Date } }).trustedSet;
  if (!store || !(store.referenceTime instanceof Date)) throw new SafeError(ERROR_CODES.INTERNAL, 'tuf-js no longer keeps a reference time: the offline expiry rule needs review');
  store.referenceTime = at;
}

export class ChannelClient {
  private updater: Updater;

  /** `offline`: a USB import, where a stale timestamp may be accepted (refresh below); a folder named as
   *  a channel (a share polled in the background) is held to TUF's rules like a URL. */
  constructor(private readonly dataDir: string, readonly source: ChannelSource, private readonly now: () => Date = () => new Date(), private readonly offline = false) {
    if (!isChannelTrusted(dataDir)) {
      throw new SafeError(ERROR_CODES.UPDATE_NOT_TRUSTED, 'this device trusts no update channel yet: pin its root metadata with `safe-edge models trust ROOT_FILE`', 'channel');
    }
    this.updater = this.makeUpdater();
  }

  private makeUpdater(): Updater {
    return new Updater({
      metadataDir: trustDir(this.dataDir), metadataBaseUrl: metadataBaseUrl(this.source), targetBaseUrl: targetsBaseUrl(this.source),
      ...(this.source.kind === 'dir' ? { fetcher: new DirectoryFetcher() } : {}),
      config: { fetchTimeout: 15_000, fetchRetries: 0 },
    });
  }

  /** Refreshes the metadata and lists what the channel offers. Offline (a USB import), an expired timestamp
   *  is accepted only if everything else holds: signatures, versions at least those already trusted
   *  (tuf-js checks them against the metadata it kept), and root, snapshot and targets unexpired. */
  async refresh(): Promise<ChannelView> {
    const now = this.now();
    if (!isPlausibleClock(now)) {
      throw new SafeError(ERROR_CODES.UPDATE_CLOCK_IMPLAUSIBLE, `the device clock reads ${now.toISOString()}, before this build or too far after it: expiry cannot be judged, so no update is taken; set the clock`, 'clock');
    }
    const channel = describeSource(this.source);
    let expiredTimestampAccepted = false;
    try {
      await this.updater.refresh();
    } catch (err) {
      // The stale timestamp comes straight from tuf-js, or wrapped into the snapshot step's error when the
      // same (already kept) timestamp is read again.
      const staleTimestamp = (err instanceof ExpiredMetadataError && /timestamp/.test(err.message)) || /Final timestamp\.json is expired/.test((err as Error).message ?? '');
      const offlineStale = this.offline && this.source.kind === 'dir' && staleTimestamp;
      if (!offlineStale) throw metadataRefusal(err, channel);
      expiredTimestampAccepted = true;
      const expires = this.remoteTimestampExpiry();
      this.updater = this.makeUpdater();
      setReferenceTime(this.updater, new Date(Date.parse(expires) - 1000));
      try { await this.updater.refresh(); } catch (again) { throw metadataRefusal(again, channel); }
      for (const [role, signed] of [['root', this.trusted('root').signed], ['snapshot', this.trusted('snapshot').signed], ['targets', this.trustedTargets().signed]] as const) {
        if (signed.isExpired(now)) throw new SafeError(ERROR_CODES.UPDATE_EXPIRED, `${role}.json has expired (${signed.expires}); an offline import accepts only a stale timestamp (channel ${channel})`, 'channel');
      }
    }
    const targets = this.trustedTargets().signed.targets;
    const byVersion = new Map<string, ChannelView['models'][number]>();
    const info = (t: TargetFile): TargetInfo => ({ path: t.path, length: t.length, hashes: { ...t.hashes } });
    for (const target of Object.values(targets)) {
      if (!target.path.endsWith(`/${MANIFEST_FILE}`)) continue;
      const facts = modelTargetFactsSchema.safeParse(target.custom[MODEL_FACTS_KEY]);
      if (!facts.success) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${target.path}: the signed model facts do not parse (${facts.error.issues[0]?.message})`, 'channel');
      const prefix = target.path.slice(0, -MANIFEST_FILE.length);
      const files = Object.fromEntries(facts.data.files.map((f) => [f, targets[prefix + f]]));
      const missing = facts.data.files.filter((f) => !files[f]);
      if (missing.length) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${target.path} names files the channel does not sign: ${missing.join(', ')}`, 'channel');
      byVersion.set(`${facts.data.name}@${facts.data.version}`, { facts: facts.data, targets: Object.fromEntries(Object.entries(files as Record<string, TargetFile>).map(([f, t]) => [f, info(t)])) });
    }
    const revocationsFile = join(trustDir(this.dataDir), '..', REVOCATIONS_TARGET);
    const revocationsTarget = targets[REVOCATIONS_TARGET];
    if (revocationsTarget) await this.download(info(revocationsTarget), revocationsFile);
    const revocations = revocationsTarget ? revocationsSchema.parse(JSON.parse(readFileSync(revocationsFile, 'utf8'))) : { revoked: [] };
    const timestamp = this.trusted('timestamp');
    return {
      source: channel, revocations,
      models: [...byVersion.values()].sort((a, b) => a.facts.name.localeCompare(b.facts.name) || b.facts.version - a.facts.version),
      metadata: {
        timestampVersion: timestamp.signed.version, snapshotVersion: this.trusted('snapshot').signed.version, targetsVersion: this.trustedTargets().signed.version,
        timestampExpires: timestamp.signed.expires, expiredTimestampAccepted,
      },
    };
  }

  /** Downloads one target into `file`, its length and sha256 checked against the signed target: over
   *  HTTP resumably (targetDownload.ts, slice by slice with `chunkHashes`), from a folder through tuf-js. */
  async download(info: TargetInfo, file: string, chunkHashes?: readonly string[]): Promise<DownloadStats> {
    const target = new TargetFile(info);
    if (this.source.kind === 'http') {
      const hash = target.hashes.sha256 as string;
      const slash = target.path.lastIndexOf('/');
      const url = new URL(`${target.path.slice(0, slash + 1)}${hash}.${target.path.slice(slash + 1)}`, targetsBaseUrl(this.source)).href;
      return downloadResumable(url, target, file, join(trustDir(this.dataDir), '..', 'downloads'), chunkHashes);
    }
    try {
      await this.updater.downloadTarget(target, file);
    } catch (err) {
      throw targetRefusal(err, target.path);
    }
    return { bytesReceived: target.length, resumedFromBytes: 0 };
  }

  /** A role's metadata as tuf-js persisted it after verifying it in this refresh. */
  private trusted(role: 'root' | 'timestamp' | 'snapshot') {
    const json = JSON.parse(readFileSync(join(trustDir(this.dataDir), `${role}.json`), 'utf8'));
    if (role === 'root') return Metadata.fromJSON(MetadataKind.Root, json);
    return role === 'timestamp' ? Metadata.fromJSON(MetadataKind.Timestamp, json) : Metadata.fromJSON(MetadataKind.Snapshot, json);
  }

  private trustedTargets() {
    return Metadata.fromJSON(MetadataKind.Targets, JSON.parse(readFileSync(join(trustDir(this.dataDir), 'targets.json'), 'utf8')));
  }

  /** The expiry the channel folder's timestamp states (read only to set the offline reference time;
   *  tuf-js then verifies that timestamp like any other). */
  private remoteTimestampExpiry(): string {
    const url = new URL('timestamp.json', metadataBaseUrl(this.source));
    return Metadata.fromJSON(MetadataKind.Timestamp, JSON.parse(readFileSync(fileURLToPath(url), 'utf8'))).signed.expires;
  }
}
