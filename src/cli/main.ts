import { SIFT_VERSION } from '../core/version';

const USAGE = `sift ${SIFT_VERSION}: annotate news articles with YAML sidecars

Usage:
  sift --version
  sift help
`;

export function main(argv: string[]): number {
  const [verb] = argv;
  if (verb === '--version' || verb === '-v') {
    process.stdout.write(`${SIFT_VERSION}\n`);
    return 0;
  }
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(`sift: unknown command '${verb}'\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
