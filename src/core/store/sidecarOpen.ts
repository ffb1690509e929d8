// Reading a sidecar when it is opened: the layer, or why the file cannot be read (then the work kept in its recovery
// file), with the work of a recovery file merged back once the file parses again. A big file can be parsed by a
// codec off the calling thread (sidecarCodec.ts); the result is the same.
import { Document } from 'yaml';
import { Layer, SidecarHeader } from '../model';
import { merge3, MergeConflict } from './merge';
import { SidecarError } from './problems';
import { parseSidecar } from './sidecarFormat';
import { readSidecarText } from './atomicWrite';
import { recoveryPathFor } from './paths';
import { OFF_THREAD_CHARS, SidecarCodec, nextTurn } from './sidecarCodec';
import { cloneData } from './cloneData';

export function emptyLayer(header: SidecarHeader): Layer {
  return { header: { ...header }, entities: [], claims: [] };
}

/** Nothing worth a file: no annotations, rejections or publication date. */
export function isEmpty(l: Layer): boolean {
  return l.entities.length === 0 && l.claims.length === 0 && !l.rejected?.length && !l.dismissed?.length && !l.discussion?.length && !l.header.published && !l.header.status;
}

/** A deep copy of a layer (or any value): structuredClone's, made faster for plain data (cloneData.ts). */
export function clone<T>(v: T): T {
  return cloneData(v);
}

export function idsOf(l: Layer): Set<string> {
  const ids = new Set<string>();
  for (const a of l.entities) ids.add(a.id);
  for (const a of l.claims) ids.add(a.id);
  return ids;
}

/** Reads a sidecar strictly; a file that cannot be read safely (too large, not UTF-8) gives its SidecarError. */
export function readDisk(file: string): DiskRead {
  try {
    return { text: readSidecarText(file) };
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return { error: e };
  }
}

/** What opening a sidecar found. */
export interface OpenedState {
  /** What the annotator sees. */
  layer: Layer;
  /** The layer as read from disk: the base of a three-way merge. */
  base: Layer;
  /** The YAML document, when the file was parsed on this thread. */
  doc: Document | undefined;
  /** The file's text as read; undefined when there is no file. */
  diskText: string | undefined;
  /** Set when the file cannot be read safely or parsed: it is then never written over. */
  error?: SidecarError;
  /** Set when work from the recovery file was merged in. */
  recovered: boolean;
  recoveredConflicts: MergeConflict[];
}

/**
 * Opens a sidecar. A missing file gives an empty layer with `header` (nothing is written until there is something to
 * save). A file that cannot be read safely (over MAX_SIDECAR_READ_BYTES, not UTF-8) or does not parse gives the layer
 * kept in its recovery file, if any, and `error`.
 */
export function openState(path: string, header: SidecarHeader): OpenedState {
  const read = readDisk(path);
  const recovery = readRecovery(recoveryPathFor(path));
  return 'error' in read ? broken(header, '', read.error, recovery) : fromText(path, header, read.text, recovery);
}

/** A sidecar's text, read strictly, as `readDisk` gives it (synchronously, or through the browser's file port). */
export type DiskRead = { text: string | undefined } | { error: SidecarError };

/** How `openStateAsync` reads: Node's synchronous strict read by default; in the browser, the file port. */
export interface SidecarReader {
  read(file: string): Promise<DiskRead>;
}

const syncReader: SidecarReader = { read: (file) => Promise.resolve(readDisk(file)) };

/** Opens a sidecar like `openState`, with a big file parsed by `codec`: the same layer, the same errors. */
export async function openStateAsync(path: string, header: SidecarHeader, codec: SidecarCodec | undefined, reader = syncReader): Promise<OpenedState> {
  const read = await reader.read(path);
  const recovery = await readRecoveryWith(reader, recoveryPathFor(path));
  if ('error' in read) return broken(header, '', read.error, recovery);
  const { text } = read;
  if (text === undefined || text.length < OFF_THREAD_CHARS || !codec) return fromText(path, header, text, recovery);
  let layer: Layer;
  try {
    layer = (await codec.decode(text, path)).layer;
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return broken(header, text, e, recovery);
  }
  // Receiving the layer was one turn of the event loop; copying it is the next.
  await nextTurn();
  return fromDisk(layer, undefined, text, recovery);
}

/** `recovered`: the layer in the sidecar's recovery file, if any. */
function fromText(path: string, header: SidecarHeader, text: string | undefined, recovered: Layer | undefined): OpenedState {
  if (text === undefined) return { layer: emptyLayer(header), base: emptyLayer(header), doc: undefined, diskText: undefined, recovered: false, recoveredConflicts: [] };
  try {
    const parsed = parseSidecar(text, path);
    return fromDisk(parsed.layer, parsed.doc, text, recovered);
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return broken(header, text, e, recovered);
  }
}

function fromDisk(layer: Layer, doc: Document | undefined, text: string, recovered: Layer | undefined): OpenedState {
  const state: OpenedState = { layer, base: clone(layer), doc, diskText: text, recovered: false, recoveredConflicts: [] };
  // Work saved to a recovery file while the sidecar was broken: merge it back now that the sidecar parses.
  if (recovered) {
    const merged = merge3(emptyLayer(layer.header), recovered, layer);
    state.layer = merged.layer;
    state.recoveredConflicts = merged.conflicts;
    state.recovered = true;
  }
  return state;
}

function broken(header: SidecarHeader, text: string, error: SidecarError, recovered: Layer | undefined): OpenedState {
  const layer = recovered ?? emptyLayer(header);
  return { layer, base: emptyLayer(layer.header), doc: undefined, diskText: text, error, recovered: false, recoveredConflicts: [] };
}

function readRecovery(file: string): Layer | undefined {
  try {
    const text = readSidecarText(file);
    return text === undefined ? undefined : parseSidecar(text, file).layer;
  } catch {
    return undefined;
  }
}

async function readRecoveryWith(reader: SidecarReader, file: string): Promise<Layer | undefined> {
  const read = await reader.read(file);
  if ('error' in read || read.text === undefined) return undefined;
  try {
    return parseSidecar(read.text, file).layer;
  } catch {
    return undefined;
  }
}
