// POSIX path helpers for the browser build. On the web, Sift's paths are URI paths ('/' separated, absolute from the
// workspace's root), and there is no Node `path`: the web bundle (scripts/build.mjs) resolves `path` to this module.
// It behaves as Node's `path.posix` for every function Sift uses (a property test holds it equal), and it is a
// module of Sift's own, not a Node polyfill: no `process`, no `cwd` (a relative path resolves against '/').

export const sep = '/';
export const delimiter = ':';

/** Resolves '.', '..' and repeated separators; keeps a leading '/', never climbs above it. */
function normalizeParts(p: string, absolute: boolean): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

export function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = isAbsolute(p);
  const trailing = p.endsWith('/');
  let body = normalizeParts(p, absolute);
  if (body === '' && !absolute) body = '.';
  if (body !== '' && trailing) body += '/';
  return absolute ? `/${body}` : body;
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

/** As path.posix.resolve, with '/' standing for the working folder (a web worker has none). */
export function resolve(...parts: string[]): string {
  let resolved = '';
  for (let i = parts.length - 1; i >= 0 && !isAbsolute(resolved); i--) {
    if (parts[i] === '') continue;
    resolved = resolved === '' ? parts[i] : `${parts[i]}/${resolved}`;
  }
  return `/${normalizeParts(resolved, true)}`;
}

/** As Node's path.posix.dirname, after its algorithm (double slashes included). */
export function dirname(p: string): string {
  if (p === '') return '.';
  const hasRoot = p.startsWith('/');
  let end = -1;
  let matchedSlash = true;
  for (let i = p.length - 1; i >= 1; --i) {
    if (p[i] === '/') {
      if (!matchedSlash) { end = i; break; }
    } else {
      matchedSlash = false;
    }
  }
  if (end === -1) return hasRoot ? '/' : '.';
  if (hasRoot && end === 1) return '//';
  return p.slice(0, end);
}

/** The last name of `p` (trailing slashes ignored) and its span, as Node finds them. */
function lastName(p: string): { start: number; end: number } {
  let start = 0;
  let end = -1;
  for (let i = p.length - 1; i >= 0; --i) {
    if (p[i] !== '/') { if (end === -1) end = i + 1; } else if (end !== -1) { start = i + 1; break; }
  }
  return { start, end };
}

/** Node's path.posix.basename with a suffix, after its algorithm (its edge cases included: basename('/', 'a') is '/'). */
function basenameWithSuffix(p: string, suffix: string): string {
  if (suffix === p) return '';
  let start = 0;
  let end = -1;
  let matchedSlash = true;
  let extIdx = suffix.length - 1;
  let firstNonSlashEnd = -1;
  for (let i = p.length - 1; i >= 0; --i) {
    if (p[i] === '/') {
      if (!matchedSlash) { start = i + 1; break; }
      continue;
    }
    if (firstNonSlashEnd === -1) { matchedSlash = false; firstNonSlashEnd = i + 1; }
    if (extIdx < 0) continue;
    if (p[i] === suffix[extIdx]) {
      if (--extIdx === -1) end = i;
    } else {
      extIdx = -1;
      end = firstNonSlashEnd;
    }
  }
  if (start === end) end = firstNonSlashEnd;
  else if (end === -1) end = p.length;
  return p.slice(start, end);
}

/** As Node's path.posix.basename. */
export function basename(p: string, ext?: string): string {
  if (ext !== undefined && ext !== '' && ext.length <= p.length) return basenameWithSuffix(p, ext);
  const { start, end } = lastName(p);
  return end === -1 ? '' : p.slice(start, end);
}

export function extname(p: string): string {
  const base = basename(p);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || (dot === 1 && base === '..')) return '';
  return base.slice(dot);
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/** `path.posix` is this module itself: on the web every path is POSIX. */
export const posix = { sep, delimiter, isAbsolute, normalize, join, resolve, dirname, basename, extname, relative };
