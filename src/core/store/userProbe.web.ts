// Who the user is, in the browser (userProbe.ts is Node's): a web worker sees no git config and no OS user, so the
// annotator comes from the setting sift.annotator (or Switch Annotator), else 'annotator'.

export function gitUserName(): string | undefined {
  return undefined;
}

export function osUserName(): string {
  return '';
}
