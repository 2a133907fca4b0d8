// The engine's model-update service (docs/updates.md): trust a channel, update from it (or from a USB
// bundle), roll a model back, and show the history; one operation at a time. After a change it asks the
// engine to swap the workers onto the new live view; if the workers cannot load it, the change is undone
// in the ledger (the workers never stopped serving the previous models: a reload is all or nothing).
import { performance } from 'node:perf_hooks';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type { ModelUpdatesView, RollbackResult, UpdateReport } from '../contract/modelUpdates.js';
import type { Logger } from '../logging.js';
import { parseChannelSource } from './channelSource.js';
import { trustChannel, trustedRoot, type TrustedRoot } from './channelTrust.js';
import { loadDeviceIdentity } from './deviceIdentity.js';
import { ModelUpdater, type ModelUpdaterOptions } from './modelUpdater.js';

/** Puts the workers on the models in `modelsDir`; null on an engine without workers (a one-shot command:
 *  the next start loads the new live view). */
export type Swap = ((modelsDir: string) => Promise<void>) | null;

export class ModelUpdates {
  readonly updater: ModelUpdater;
  private chain: Promise<unknown> = Promise.resolve();
  private swap: Swap = null;

  constructor(options: ModelUpdaterOptions & { channel: string | null; logger: Logger }, private readonly logger = options.logger) {
    this.updater = new ModelUpdater(options);
    this.channel = options.channel;
  }
  private readonly channel: string | null;

  attach(swap: Swap): void { this.swap = swap; }

  /** The models folder the workers start on. */
  liveModelsDir(): string { return this.updater.liveModelsDir(); }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  trust(rootFile: string): TrustedRoot {
    const root = trustChannel(this.updater.options.dataDir, rootFile);
    this.updater.ledger.record('channel', null, 'trusted', { rootVersion: root.version, keyIds: root.keyIds });
    return root;
  }

  update(channel?: string): Promise<UpdateReport> {
    return this.serial(async () => {
      const named = channel ?? this.channel;
      if (!named) throw new SafeError(ERROR_CODES.INVALID_FIELD, 'no channel: name one (--channel URL|DIR) or configure SAFE_EDGE_MODEL_CHANNEL', 'channel');
      const report = await this.updater.update(parseChannelSource(named));
      let swapped = false;
      if (report.changed.length && this.swap) {
        try {
          await this.swap(this.updater.liveModelsDir());
          swapped = true;
        } catch (err) {
          // The workers kept the previous models; put the ledger back to match them.
          for (const name of report.changed) {
            const live = this.updater.ledger.live().get(name);
            if (live) this.updater.ledger.setState(name, live.version, 'refused');
            this.updater.rollback(name, `the workers could not load it: ${(err as Error).message}`);
          }
          this.logger.error('model swap failed; rolled back', { models: report.changed, error: (err as Error).message });
          throw err;
        }
      }
      const live = Object.fromEntries(Object.entries(this.updater.liveSelection()).map(([name, s]) => [name, s.version]));
      const { changed: _changed, ...rest } = report;
      return { ...rest, live, swapped };
    });
  }

  rollback(name: string): Promise<RollbackResult> {
    return this.serial(async () => {
      const started = performance.now();
      const result = this.updater.rollback(name);
      if (this.swap) await this.swap(this.updater.liveModelsDir());
      return { ...result, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    });
  }

  view(limit = 200): ModelUpdatesView {
    const { ledger } = this.updater;
    const checked = ledger.events(500, 'channel').find((e) => e.event === 'checked');
    const device = loadDeviceIdentity(this.updater.options.dataDir);
    const live = Object.fromEntries(Object.entries(this.updater.liveSelection()).map(([name, s]) => [name, { version: s.version, source: ledger.live().get(name)?.source ?? 'shipped' }]));
    return {
      trustedRoot: trustedRoot(this.updater.options.dataDir), channel: this.channel, device: { deviceId: device.deviceId, bucket: device.bucket }, live,
      versions: ledger.versions().map((v) => ({ ...v, gate: v.gate as ModelUpdatesView['versions'][number]['gate'] })),
      events: ledger.events(limit),
      lastMetadata: checked ? lastMetadataOf(checked.detail, checked.at) : null,
    };
  }
}

/** The channel metadata a 'checked' event recorded (modelUpdater.ts records the whole ChannelMetadata). */
function lastMetadataOf(detail: Record<string, unknown>, checkedAt: string): ModelUpdatesView['lastMetadata'] {
  const d = detail as Partial<NonNullable<ModelUpdatesView['lastMetadata']>>;
  return {
    timestampVersion: d.timestampVersion ?? 0, snapshotVersion: d.snapshotVersion ?? 0, targetsVersion: d.targetsVersion ?? 0,
    timestampExpires: d.timestampExpires ?? '', expiredTimestampAccepted: d.expiredTimestampAccepted ?? false, checkedAt,
  };
}
