// The browser's answers for workspaceRoot.ts (rootProbe.ts is Node's). vscode.workspace.fs is asynchronous, and in a
// workspace seen through it no link leads outside: a path is its own real path, and a root is the article's folder
// (the root only bounds where links may lead; the sidecar is always written beside the article).

export function isDirectory(): boolean {
  return false;
}

export function exists(): boolean {
  return false;
}

export function realPath(p: string): string {
  return p;
}
