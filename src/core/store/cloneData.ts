// Deep copies of layers: what structuredClone gives for plain data (objects, arrays, primitives; shared parts and
// cycles kept as they are), several times faster on Node 20, where structuredClone serialises and deserialises. A
// value with anything else in it (a Date, a Map, a class instance, a sparse array, a function) is copied by
// structuredClone itself, which then does what it always did (copy it, or throw).

class NotPlain extends Error {}
/** Thrown (one instance, made once) when the copy meets what is not plain data. */
const NOT_PLAIN = new NotPlain('not plain data');

function copyArray(a: unknown[], seen: Map<object, unknown>): unknown[] {
  if (Object.getPrototypeOf(a) !== Array.prototype) throw NOT_PLAIN;
  const out: unknown[] = new Array<unknown>(a.length);
  seen.set(a, out);
  for (let i = 0; i < a.length; i++) {
    if (!(i in a)) throw NOT_PLAIN;
    out[i] = copy(a[i], seen);
  }
  // Keys beside the items (structuredClone keeps them): rare enough to leave to it.
  if (Object.keys(a).length !== a.length) throw NOT_PLAIN;
  return out;
}

function copy(v: unknown, seen: Map<object, unknown>): unknown {
  if (typeof v !== 'object') {
    if (typeof v === 'function' || typeof v === 'symbol') throw NOT_PLAIN;
    return v;
  }
  if (v === null) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (Array.isArray(v)) return copyArray(v, seen);
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  seen.set(v, out);
  for (const k of Object.keys(v)) {
    if (k === '__proto__') throw NOT_PLAIN;
    out[k] = copy((v as Record<string, unknown>)[k], seen);
  }
  return out;
}

/** A deep copy of `v`, equal to `structuredClone(v)`. */
export function cloneData<T>(v: T): T {
  try {
    return copy(v, new Map()) as T;
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return structuredClone(v);
  }
}
