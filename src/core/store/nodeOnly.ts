// The browser build's answer where Node's synchronous file access would be: it is never reached there. In the web
// worker every sidecar goes through the file port, asynchronously (SidecarFile's `port`, sidecarPort.ts); the
// synchronous paths (the CLI's, the desktop's) are kept out of the web's way, and these twins say so if one is reached.

export class NodeOnlyError extends Error {
  constructor(what: string) {
    super(`${what} needs Node's file system, which the browser does not have; in the browser Sift reaches files through vscode.workspace.fs`);
    this.name = 'NodeOnlyError';
  }
}

export function nodeOnly(what: string): never {
  throw new NodeOnlyError(what);
}
