// The browser entry (package.json `browser`, bundled to dist/web.js): Sift in the web worker extension host of
// vscode.dev, github.dev and code-server. Files come through vscode.workspace.fs; nothing that spawns a process is
// registered (those commands are also hidden by `!isWeb` in package.json). The desktop entry is main.ts.
import * as vscode from 'vscode';
import { CorpusIndex } from '../core/corpus/corpusIndex';
import { readArticleVia } from '../core/text/article';
import { activateSift } from './activate';
import { ExportHost } from './commands/exportCommand';
import { VscodeFileSystem } from './platform/vscodeFileSystem';
import { Sessions } from './state/sessions';
import { SiftApi } from './testApi';

export type { SiftApi, SiftTestApi } from './testApi';

let sessions: Sessions | undefined;

/** The export through the file port: a fresh index of the folder, articles read and outputs written by the port. */
function exportHost(fs: VscodeFileSystem): ExportHost {
  return {
    root: () => fs.roots()[0],
    uriOf: (file) => fs.uriOf(file),
    io: async (root) => {
      const index = new CorpusIndex(fs, [root]);
      await index.scan();
      return { index, write: (file, content) => fs.writeText(file, content), readArticle: (file) => readArticleVia(fs, file) };
    },
  };
}

/** Activates Sift in the web worker extension host. */
export function activate(context: vscode.ExtensionContext): SiftApi {
  const fs = new VscodeFileSystem();
  const activated = activateSift(context, {
    hostName: 'web worker extension host',
    fs,
    roots: () => fs.roots(),
    schemes: () => fs.schemes(),
    sidecarPort: fs,
    exportHost: exportHost(fs),
    desktopOnly: () => [],
  });
  sessions = activated.sessions;
  return activated.api;
}

/** Writes everything still pending through vscode.workspace.fs; the web host waits for the promise. */
export async function deactivate(): Promise<void> {
  const s = sessions;
  sessions = undefined;
  await s?.flushAllAsync();
}
