/**
 * Reading a file from the seeds folder, and only from it. A contributed
 * repository can carry symbolic links, so a seed or sidecar that resolves
 * outside the folder — or to anything but a regular file — is refused
 * before a byte of it is read: nothing else on the build machine can end up
 * published.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type Inside = { ok: true; bytes: Uint8Array } | { ok: false; missing: boolean; reason: string };

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** The bytes of a file, if it really lives in the folder its path names. */
export function readInside(filePath: string): Inside {
  let real: string;
  try {
    lstatSync(filePath);
  } catch (e) {
    return { ok: false, missing: isMissing(e), reason: `cannot read: ${(e as Error).message}` };
  }
  try {
    real = realpathSync(filePath);
  } catch {
    return { ok: false, missing: false, reason: 'a link to nothing; not read' };
  }
  const folder = realpathSync(path.dirname(filePath));
  if (!real.startsWith(folder + path.sep)) {
    return { ok: false, missing: false, reason: 'a link to a file outside the seeds folder; not read' };
  }
  // A named pipe or a device would block or never end: only regular files are opened.
  if (!statSync(real).isFile()) return { ok: false, missing: false, reason: 'not a regular file; not read' };
  let fd: number | null = null;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return { ok: false, missing: false, reason: 'not a regular file; not read' };
    return { ok: true, bytes: readFileSync(fd) };
  } catch (e) {
    return { ok: false, missing: false, reason: `cannot read: ${(e as Error).message}` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
