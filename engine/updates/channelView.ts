// What a verified channel offers, as plain data: what the channel worker (channelWorker.ts) hands the
// engine's thread after tuf-js verified it, so the engine never loads tuf-js itself (it and its logging
// dependency cost the serving process about 7 MB of memory; docs/updates.md).
import type { ModelTargetFacts, Revocations } from '../contract/modelChannel.js';

/** A signed target as the verified targets metadata lists it. */
export interface TargetInfo { path: string; length: number; hashes: Record<string, string> }

export interface OfferedModel { facts: ModelTargetFacts; targets: Record<string, TargetInfo> }

export interface ChannelMetadata {
  timestampVersion: number; snapshotVersion: number; targetsVersion: number;
  /** When the timestamp was due to be replaced; an offline import may accept it past this (docs/updates.md). */
  timestampExpires: string;
  /** True when the timestamp had expired and was accepted under the offline rule. */
  expiredTimestampAccepted: boolean;
}

export interface ChannelView { source: string; models: OfferedModel[]; revocations: Revocations; metadata: ChannelMetadata }

export interface DownloadStats {
  /** Bytes this call received over the network. */
  bytesReceived: number;
  /** Bytes already held (and verified) from an earlier, interrupted call. */
  resumedFromBytes: number;
}
