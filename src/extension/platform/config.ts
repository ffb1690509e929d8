// Typed access to Sift's settings (all under the `sift.` prefix): the only place that calls getConfiguration('sift').
// The keys, types, defaults and checks live in ./settings, which a unit test holds equal to package.json.
import * as vscode from 'vscode';
import { SECTION, SETTING_KEYS, SettingKey, SiftConfig, normalizeSetting } from './settings';

export type { SettingKey, SiftConfig } from './settings';

/** One setting, checked, for a resource (articles, for instance, can differ per folder) or the window. */
export function setting<K extends SettingKey>(key: K, scope?: vscode.Uri): SiftConfig[K] {
  return normalizeSetting(key, vscode.workspace.getConfiguration(SECTION, scope).get<unknown>(key));
}

/** Every setting at once. */
export function readConfig(scope?: vscode.Uri): SiftConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) out[key] = normalizeSetting(key, c.get<unknown>(key));
  return out as SiftConfig;
}

export function affectsSift(e: vscode.ConfigurationChangeEvent, key: SettingKey): boolean {
  return e.affectsConfiguration(`${SECTION}.${key}`);
}

/** Calls `listener` with the key whenever one of `keys` changes (in any scope). Dispose to stop listening. */
export function onDidChangeSetting(keys: SettingKey | readonly SettingKey[], listener: (key: SettingKey) => void): vscode.Disposable {
  const list: readonly SettingKey[] = typeof keys === 'string' ? [keys] : keys;
  return vscode.workspace.onDidChangeConfiguration((e) => {
    for (const key of list) if (affectsSift(e, key)) listener(key);
  });
}

/** Writes a setting: to the workspace when a folder is open, else to the user settings. */
export function updateSetting<K extends SettingKey>(key: K, value: SiftConfig[K]): Thenable<void> {
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  return vscode.workspace.getConfiguration(SECTION).update(key, value, target);
}

/** What an export takes from the settings, for brat's annotation.conf (the export checks the values again). */
export function readExportConfig(scope?: vscode.Uri): { labels: string[]; confidenceLevels: Record<string, number> } {
  return { labels: [...setting('labels', scope)], confidenceLevels: { ...setting('confidenceLevels', scope) } };
}
