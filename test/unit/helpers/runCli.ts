// Runs the `sift` CLI's main() in-process with captured output, as the CLI tests do.
import { main } from '../../../src/cli/main';
import { CliIo } from '../../../src/cli/io';

export async function runCli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(args, io);
  return { code, out, err };
}
