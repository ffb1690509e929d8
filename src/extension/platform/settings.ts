// Sift's settings as types, defaults and checks, one entry per property of package.json's
// contributes.configuration (a unit test keeps them equal). No `vscode` here, so plain Node tests can read it;
// platform/config.ts reads the values through VS Code.

/** Every Sift setting, keyed by its name after the `sift.` prefix. */
export interface SiftConfig {
  /** Annotator id; empty means: a slug of git's user.name, else of the OS user name. */
  annotator: string;
  /** Glob of the files Sift treats as articles. */
  articles: string;
  /** Entity labels the workspace adds to PERSON, ORG, PLACE and DATE. */
  labels: readonly string[];
  /** Articles larger than this are not annotated. */
  maxArticleSizeMB: number;
  /** Quiet time before a change is written to the sidecar. */
  saveDelayMs: number;
  /** Named confidence levels offered when marking a claim, each from 0 to 1. */
  confidenceLevels: Readonly<Record<string, number>>;
  /** Ask for a note as the third step of Mark Claim. */
  'claims.askForNote': boolean;
  /** Review UI shows "Annotator 1, 2, 3" instead of annotator ids. */
  'review.anonymise': boolean;
}

export type SettingKey = keyof SiftConfig;

/** The section every key lives under. */
export const SECTION = 'sift';

export const SETTING_DEFAULTS: Readonly<SiftConfig> = {
  annotator: '',
  articles: '**/*.txt',
  labels: [],
  maxArticleSizeMB: 20,
  saveDelayMs: 300,
  confidenceLevels: { low: 0.25, medium: 0.5, high: 0.75, certain: 1 },
  'claims.askForNote': false,
  'review.anonymise': false,
};

export const LABEL_PATTERN = /^[A-Z][A-Z0-9_]*$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Turns what VS Code returns for each key (anything a user can type into settings.json) into a valid value:
 * wrong types fall back to the default, numbers are clamped to the schema's range.
 */
const NORMALIZE: { [K in SettingKey]: (raw: unknown) => SiftConfig[K] } = {
  annotator: (v) => (typeof v === 'string' ? v.trim() : SETTING_DEFAULTS.annotator),
  articles: (v) => (typeof v === 'string' && v.trim() ? v : SETTING_DEFAULTS.articles),
  labels: (v) => (Array.isArray(v) ? [...new Set(v.filter((l): l is string => typeof l === 'string' && LABEL_PATTERN.test(l)))] : []),
  maxArticleSizeMB: (v) => (finite(v) ? Math.max(0.001, v) : SETTING_DEFAULTS.maxArticleSizeMB),
  saveDelayMs: (v) => (finite(v) ? Math.max(0, v) : SETTING_DEFAULTS.saveDelayMs),
  confidenceLevels: (v) => {
    const ok = isRecord(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => finite(x) && x >= 0 && x <= 1);
    return ok ? (v as Record<string, number>) : SETTING_DEFAULTS.confidenceLevels;
  },
  'claims.askForNote': (v) => (typeof v === 'boolean' ? v : SETTING_DEFAULTS['claims.askForNote']),
  'review.anonymise': (v) => (typeof v === 'boolean' ? v : SETTING_DEFAULTS['review.anonymise']),
};

export const SETTING_KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

export function normalizeSetting<K extends SettingKey>(key: K, raw: unknown): SiftConfig[K] {
  return NORMALIZE[key](raw);
}
