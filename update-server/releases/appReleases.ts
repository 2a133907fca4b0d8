// The desktop app's releases as IT publishes them: electron-builder's output folder copied as is
// (latest*.yml, installers, .blockmap files). electron-updater reads one latest*.yml per platform; its
// `stagingPercentage` says what share of installs take that version (electron-updater compares it with a
// stable id it keeps per install). This module reads those files and rewrites only that key.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument, type Document } from 'yaml';
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';
import { isAppUpdateInfoFile, stagingPercentSchema } from '../../engine/contract/appUpdates.js';
import { writeAtomically } from '../atomicWrite.js';

export interface AppReleaseFile { url: string; sizeBytes: number | null }

/** What one latest*.yml offers. */
export interface AppRelease {
  /** latest.yml, latest-mac.yml, latest-linux.yml, … */
  infoFile: string;
  /** windows, mac, linux, linux-arm64, … (from the file name, as electron-updater picks it). */
  platform: string;
  version: string;
  releaseDate: string | null;
  /** null: not set, which electron-updater reads as 100 %. */
  stagingPercentage: number | null;
  files: AppReleaseFile[];
}

const platformOf = (infoFile: string) => infoFile.replace(/^latest-?/, '').replace(/\.yml$/, '') || 'windows';

function requireAppDir(appDir: string): string[] {
  if (!existsSync(appDir) || !statSync(appDir).isDirectory()) throw new SafeError(ERROR_CODES.APP_RELEASES_INVALID, `${appDir} is not a folder: copy electron-builder's output (release/) there`, 'appDir');
  return readdirSync(appDir).filter(isAppUpdateInfoFile).sort();
}

function readInfoFile(appDir: string, infoFile: string): Document {
  const doc = parseDocument(readFileSync(join(appDir, infoFile), 'utf8'));
  if (doc.errors.length) throw new SafeError(ERROR_CODES.APP_RELEASES_INVALID, `${infoFile} is not YAML: ${doc.errors[0]?.message}`, 'appDir');
  if (!isMap(doc.contents) || doc.get('version') === undefined) throw new SafeError(ERROR_CODES.APP_RELEASES_INVALID, `${infoFile} has no version: it is not electron-builder's update info`, 'appDir');
  return doc;
}

function describe(infoFile: string, doc: Document): AppRelease {
  const info = doc.toJS() as { version: unknown; releaseDate?: unknown; stagingPercentage?: unknown; files?: unknown; path?: unknown };
  const files = Array.isArray(info.files)
    ? (info.files as Array<{ url?: unknown; size?: unknown }>).map((f) => ({ url: String(f.url), sizeBytes: typeof f.size === 'number' ? f.size : null }))
    : typeof info.path === 'string' ? [{ url: info.path, sizeBytes: null }] : [];
  const staging = Number.parseInt(String(info.stagingPercentage), 10);
  return {
    infoFile, platform: platformOf(infoFile), version: String(info.version),
    releaseDate: info.releaseDate === undefined ? null : String(info.releaseDate),
    stagingPercentage: Number.isNaN(staging) ? null : staging, files,
  };
}

/** Every latest*.yml in `appDir` (none yet is not an error: IT may start the server before the first release). */
export function listAppReleases(appDir: string): AppRelease[] {
  return requireAppDir(appDir).map((file) => describe(file, readInfoFile(appDir, file)));
}

/** A whole percentage 0–100, or SAFE_E_INVALID_FIELD on `percent`. */
export function stagingPercent(value: unknown): number {
  const parsed = stagingPercentSchema.safeParse(value);
  if (!parsed.success) throw new SafeError(ERROR_CODES.INVALID_FIELD, `the staging percentage is a whole number 0–100, not ${JSON.stringify(value)}`, 'percent');
  return parsed.data;
}

/**
 * Sets `stagingPercentage` in every latest*.yml of `appDir`, leaving the rest of each file as it was. All
 * files are read and checked before any is written, and each is replaced through a rename.
 */
export function setAppStaging(appDir: string, percent: unknown): AppRelease[] {
  const value = stagingPercent(percent);
  const files = requireAppDir(appDir);
  if (!files.length) throw new SafeError(ERROR_CODES.APP_RELEASES_INVALID, `${appDir} has no latest*.yml: copy electron-builder's output (release/) there first`, 'appDir');
  const docs = files.map((file) => [file, readInfoFile(appDir, file)] as const);
  return docs.map(([file, doc]) => {
    doc.set('stagingPercentage', value);
    writeAtomically(join(appDir, file), doc.toString());
    return describe(file, doc);
  });
}
