// A sidecar read and written through a file port instead of Node's fs: how the browser build reaches sidecars
// (vscode.workspace.fs, src/extension/platform/vscodeFileSystem.ts). The reads are as strict as Node's readDisk.
import { FileSystemPort } from './fileSystem';
import { SidecarError } from './problems';
import { DiskRead, SidecarReader } from './sidecarOpen';
import { WriteTarget } from './verifiedWrite';
import { MAX_SIDECAR_BYTES, ReadRefusal } from '../text/readLimits';

/** What a sidecar needs of a file port: strict reads, and what a verified write needs. */
export type SidecarPort = Pick<FileSystemPort, 'readText'> & WriteTarget;

/** The SidecarError for a sidecar that cannot be read safely (too large, not a file, unreadable), as a load reports it. */
export function refusalError(file: string, e: ReadRefusal, max = MAX_SIDECAR_BYTES): SidecarError {
  const never = 'it is not read and never written over (new work goes to the recovery file)';
  const message = e.problem === 'too-large' ? `the sidecar is over ${max / 1048576} MB, the most Sift opens; ${never}` : `the sidecar ${e.detail}; ${never}`;
  return new SidecarError(file, [{ file, line: 0, col: 0, severity: 'error', code: e.problem, message }]);
}

/** Reads a sidecar through `port` as readDisk does: undefined when missing, a SidecarError when it cannot be read safely. */
export async function readDiskVia(port: SidecarPort, file: string): Promise<DiskRead> {
  try {
    return { text: await port.readText(file) };
  } catch (e) {
    if (!(e instanceof ReadRefusal)) throw e;
    if (e.problem === 'missing') return { text: undefined };
    return { error: refusalError(file, e) };
  }
}

/** The reader openStateAsync uses for `port`. */
export function portReader(port: SidecarPort): SidecarReader {
  return { read: (file) => readDiskVia(port, file) };
}
