// Annotator identity: a short slug, from the sift.annotator setting, else git's user.name, else the OS user.
import { gitUserName, osUserName } from './userProbe';
import { RESERVED_ANNOTATORS } from '../model';

export const ANNOTATOR_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** "Ada Lovelace" -> "ada-lovelace"; "Zoë" -> "zoe". Empty when nothing usable is left. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 40)
    .replace(/[-_]+$/g, '');
}

export function isReservedAnnotator(id: string): boolean {
  return (RESERVED_ANNOTATORS as readonly string[]).includes(id);
}

/** A slug an annotator may write under: well-formed and not reserved ('gold' is the adjudicated layer). */
export function isValidAnnotator(id: string): boolean {
  return ANNOTATOR_PATTERN.test(id) && !isReservedAnnotator(id);
}

/** `user.name` from a git config file's text: the last `name` in a `[user]` section wins, as in git. */
export function userNameFromGitConfig(text: string): string | undefined {
  let section = '';
  let name: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const sec = /^\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]/.exec(line);
    if (sec) { section = sec[1].toLowerCase(); continue; }
    const kv = /^name\s*=\s*(.*)$/i.exec(line);
    if (section === 'user' && kv) name = kv[1].replace(/\s+[#;].*$/, '').trim().replace(/^"(.*)"$/, '$1');
  }
  return name || undefined;
}

/** The default annotator: the configured one if valid, else a slug of git's user.name, else of the OS user name. */
export function defaultAnnotator(configured: string | undefined, cwd?: string): string {
  const usable = (s: string) => (s && isValidAnnotator(s) ? s : '');
  const fromSetting = usable(configured ? slugify(configured) : '');
  if (fromSetting) return fromSetting;
  const git = gitUserName(cwd);
  const fromGit = usable(git ? slugify(git) : '');
  if (fromGit) return fromGit;
  return usable(slugify(osUserName())) || 'annotator';
}
