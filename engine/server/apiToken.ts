// The per-install API tokens: 256 random bits each, owner-only files in the data directory, created on
// first use. `api-token` is the operator's (everything); `viewer-token` may only read device health (and its alerts),
// metrics and models (the access levels of contract/operations.ts), e.g. for a second screen at the post.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_ONLY_FILE_MODE, makeOwnerOnlyDir, touchOwnerOnly } from '../store/dataDirPermissions.js';

export const TOKEN_FILE = 'api-token';
export const VIEWER_TOKEN_FILE = 'viewer-token';

export interface ApiTokens { operator: string; viewer: string }

export function loadOrCreateTokens(dataDir: string): ApiTokens {
  return { operator: loadOrCreateToken(dataDir), viewer: loadOrCreateToken(dataDir, VIEWER_TOKEN_FILE) };
}

export function loadOrCreateToken(dataDir: string, file = TOKEN_FILE): string {
  const path = join(dataDir, file);
  if (existsSync(path)) {
    const token = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(token)) return token;
  }
  makeOwnerOnlyDir(dataDir);
  const token = randomBytes(32).toString('hex');
  // touch first: writeFileSync's mode applies only to a file it creates, not to a malformed one it replaces.
  touchOwnerOnly(path);
  writeFileSync(path, token + '\n', { mode: OWNER_ONLY_FILE_MODE });
  return token;
}

export function tokenMatches(expected: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
