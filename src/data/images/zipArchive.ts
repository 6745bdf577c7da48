/**
 * Reading a dropped .zip with fflate (small, dependency-free, synchronous in the import worker). Listing reads
 * only the archive's directory; extraction inflates just the files the plan keeps, so skipped files (and
 * anything past the limits) are never decompressed.
 */
import { messages } from '../../i18n/messages';
import { unzipSync } from 'fflate';
import type { FileEntry } from './imageFolder';

/** Stored and deflated entries; fflate (like most tools) reads no other methods. */
const READABLE_METHODS = new Set([0, 8]);

/** The archive is not a zip, or its directory is damaged; the message is for the user. */
export class ZipError extends Error {
  constructor(name: string, detail: string) {
    super(messages().ownImages.notZip({ name, detail }));
    this.name = 'ZipError';
  }
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The files in the archive (folders left out), with their uncompressed sizes. */
export function listZip(bytes: Uint8Array, name: string): FileEntry[] {
  const entries: FileEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (!file.name.endsWith('/')) entries.push({ path: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new ZipError(name, detailOf(error));
  }
  return entries;
}

/** The chosen files' bytes; a file stored with a method fflate cannot read is missing from the result. */
export function extractZip(bytes: Uint8Array, name: string, paths: ReadonlySet<string>): Map<string, Uint8Array> {
  try {
    const files = unzipSync(bytes, { filter: (file) => paths.has(file.name) && READABLE_METHODS.has(file.compression) });
    return new Map(Object.entries(files));
  } catch (error) {
    throw new ZipError(name, detailOf(error));
  }
}
