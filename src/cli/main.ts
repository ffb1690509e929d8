import { SIFT_VERSION } from '../core/version';
import { CliIo, processIo } from './io';
import { DETECT_USAGE, detectCommand } from './detect';
import { EVAL_USAGE, evalCommand } from './evaluate';
import { EXPORT_USAGE, exportCommand } from './export';
import { REVIEW_USAGE, reviewCommand } from './review';
import { AGREE_USAGE, agreeCommand } from './agree';
import { VALIDATE_USAGE, validateCommand } from './validate';
import { MERGE_DRIVER_USAGE, mergeDriverCommand } from './mergeDriver';
import { GIT_SETUP_USAGE, gitSetupCommand } from './gitSetup';
import { ASSIGN_USAGE, assignCommand } from './assign';

const USAGE = `sift ${SIFT_VERSION}: annotate news articles with YAML sidecars

Usage:
  ${[VALIDATE_USAGE, DETECT_USAGE, EXPORT_USAGE, EVAL_USAGE, REVIEW_USAGE, AGREE_USAGE, GIT_SETUP_USAGE, MERGE_DRIVER_USAGE, ASSIGN_USAGE].map((u) => u.split('\n').join('\n  ')).join('\n  ')}
  sift --version
  sift help
`;

export function main(argv: string[], io: CliIo = processIo): number | Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case '--version':
    case '-v':
      io.out(`${SIFT_VERSION}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return 0;
    case 'validate':
      return validateCommand(rest, io);
    case 'detect':
      return detectCommand(rest, io);
    case 'eval':
      return evalCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case 'review':
      return reviewCommand(rest, io);
    case 'agree':
      return agreeCommand(rest, io);
    case 'git-setup':
      return gitSetupCommand(rest, io);
    case 'merge-driver':
      return mergeDriverCommand(rest, io);
    case 'assign':
      return assignCommand(rest, io);
    default:
      io.err(`sift: unknown command '${verb}'\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  // `sift detect … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  void Promise.resolve(main(process.argv.slice(2))).then((code) => { process.exitCode = code; });
}
