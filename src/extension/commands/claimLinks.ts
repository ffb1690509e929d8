// Links between claims anywhere in the workspace: Link Claim (same, supports, contradicts) and Show Linked Claims,
// both directions.
import * as path from 'path';
import * as vscode from 'vscode';
import { ClaimLink, LINK_RELATIONS, LinkRelation } from '../../core/model';
import { openByPath } from '../platform/articleUri';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { selectSpan } from '../platform/positions';
import { WorkspaceClaim, WorkspaceKnowledge } from '../state/knowledge';
import { ClaimTarget, claimAt, short } from './claimCommands';
import { Services } from './services';

/**
 * Writes every pending change (the corpus index takes Sift's own saves without reading them) and lets the index catch
 * up with the disk, so lists show what is on disk now.
 */
async function freshClaims({ sessions, knowledge }: Services): Promise<WorkspaceClaim[]> {
  sessions.flushAll();
  await knowledge.settled();
  return knowledge.claims;
}

async function pickTarget(all: WorkspaceClaim[]): Promise<WorkspaceClaim | undefined> {
  const pick = await vscode.window.showQuickPick(all.map((c) => ({
    label: short(c.claim.quote), description: `${c.claim.source.name} · ${vscode.workspace.asRelativePath(c.article)}`, detail: `by ${c.annotator}`, c,
  })), { title: 'Sift: link this claim to…', matchOnDescription: true, matchOnDetail: true });
  return pick?.c;
}

function linkClaim(sv: Services): vscode.Disposable {
  return registerCommand(Commands.linkClaim, async (id?: string, target?: { article: string; claim: string }, relation?: LinkRelation) => {
    const t = claimAt(sv.sessions, id);
    if (!t) return undefined;
    const all = (await freshClaims(sv)).filter((c) => c.claim.id !== t.claim.id);
    const named = target && all.find((c) => c.article === target.article && c.claim.id === target.claim);
    const chosen = named ?? await pickTarget(all);
    if (!chosen) return undefined;
    const rel = relation ?? (await vscode.window.showQuickPick([...LINK_RELATIONS], { title: 'Sift: relation' })) as LinkRelation | undefined;
    if (!rel) return undefined;
    const link: ClaimLink = { relation: rel, article: path.relative(path.dirname(t.session.articlePath), chosen.article) || path.basename(chosen.article), claim: chosen.claim.id, quote: chosen.claim.quote };
    const links = [...(t.claim.links ?? []).filter((l) => !(l.article === link.article && l.claim === link.claim)), link];
    return sv.sessions.mutate(t.session, () => t.session.update(t.claim.id, { links }), 'link claim');
  });
}

interface LinkedClaim {
  rel: LinkRelation;
  c: WorkspaceClaim;
  dir: '→' | '←';
}

/** The claims a claim links to, and the claims that link to it, found by id, else by quote. */
function linkedClaims(knowledge: WorkspaceKnowledge, t: ClaimTarget): LinkedClaim[] {
  const here = t.session.articlePath;
  const resolve = (from: string, l: ClaimLink) => {
    const article = path.resolve(path.dirname(from), l.article);
    return knowledge.claims.find((c) => c.article === article && c.claim.id === l.claim)
      ?? knowledge.claims.find((c) => c.article === article && l.quote !== undefined && c.claim.quote === l.quote);
  };
  const outgoing = (t.claim.links ?? []).flatMap((l) => { const c = resolve(here, l); return c ? [{ rel: l.relation, c, dir: '→' as const }] : []; });
  const incoming = knowledge.claims.flatMap((c) => (c.claim.links ?? [])
    .filter((l) => { const r = resolve(c.article, l); return r?.claim.id === t.claim.id && r.article === here; })
    .map((l) => ({ rel: l.relation, c, dir: '←' as const })));
  return [...outgoing, ...incoming];
}

function showLinkedClaims(sv: Services): vscode.Disposable {
  return registerCommand(Commands.showLinkedClaims, async (id?: string) => {
    const t = claimAt(sv.sessions, id);
    if (!t) return [];
    await freshClaims(sv);
    const items = linkedClaims(sv.knowledge, t).map((x) => ({
      label: `${x.dir} ${x.rel}: ${short(x.c.claim.quote)}`, description: `${x.c.claim.source.name} · ${vscode.workspace.asRelativePath(x.c.article)}`, c: x.c,
    }));
    if (!items.length) {
      void vscode.window.showInformationMessage('Sift: this claim has no links yet. Use Sift: Link Claim.');
      return [];
    }
    const pick = await sv.steps.pick(items, { title: `Sift: claims linked to "${short(t.claim.quote, 40)}"` });
    if (pick) {
      const editor = await vscode.window.showTextDocument(await openByPath(pick.c.article));
      selectSpan(editor, pick.c.claim.start, pick.c.claim.end, vscode.TextEditorRevealType.InCenter);
    }
    return items.map((i) => i.label);
  });
}

export function registerClaimLinkCommands(sv: Services): vscode.Disposable[] {
  return [linkClaim(sv), showLinkedClaims(sv)];
}
