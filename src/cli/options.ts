// The CLI's one option parser (sift agree, assign, review, export): arguments in order, each an option the command
// names, an option it does not know (`unknown option X`), or a path. An option with a value takes the next argument,
// whatever it is; the command's handler checks it and may refuse it with a message, which stops the parse there.
// Not node's util.parseArgs: its `--x=v`, short options, `--` and missing-value errors would change what the commands
// accept and say.

/** What a handler returns: nothing when the option is taken, else the message that refuses it. */
export type Refusal = string | undefined | void;

export interface OptionSpec<R> {
  /** Options without a value. */
  flags?: Record<string, (r: R, name: string) => Refusal>;
  /** Options with a value: the next argument (undefined when there is none). */
  values?: Record<string, (r: R, value: string | undefined, name: string) => Refusal>;
}

/** Parses `args` into `r` (its `paths` get the arguments that are not options); returns `r`, or the first refusal. */
export function parseOptions<R extends { paths: string[] }>(args: readonly string[], r: R, spec: OptionSpec<R>): R | string {
  const flags = spec.flags ?? {};
  const values = spec.values ?? {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const refused = Object.hasOwn(flags, a) ? flags[a](r, a)
      : Object.hasOwn(values, a) ? values[a](r, args[++i], a)
        : a.startsWith('-') ? `unknown option ${a}`
          : void r.paths.push(a);
    if (typeof refused === 'string') return refused;
  }
  return r;
}

/** A comma-separated list: items trimmed, empty ones left out. */
export const commaList = (s: string | undefined): string[] => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
