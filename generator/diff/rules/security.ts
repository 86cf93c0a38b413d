/**
 * Security: a requirement list is an OR of ANDs of scheme names. A caller
 * who met some old alternative A still gets through when some new
 * alternative asks for a subset of A; if one old alternative has no such
 * new one, existing callers can fail with 401 (breaking). Credentials are
 * client options, so the type checker cannot see any of this.
 */
import type { ApiModel, OperationNode, SecuritySchemeNode } from '../../model/types.js';
import type { Differ } from './differ.js';

export function compareSecurity(o: OperationNode, n: OperationNode, say: (code: string, message: string) => void): void {
  const before = alternatives(o.security);
  const after = alternatives(n.security);
  const covered = (alt: string[], list: string[][]) => list.some((b) => b.every((s) => alt.includes(s)));
  const lost = before.filter((a) => !covered(a, after));
  if (lost.length > 0) {
    say('security-added', `now requires ${after.map(text).join(' or ')} (was ${before.map(text).join(' or ')})`);
  } else if (!after.every((b) => covered(b, before)) || after.length !== before.length) {
    say('security-removed', `security relaxed to ${after.map(text).join(' or ')} (was ${before.map(text).join(' or ')})`);
  }
}

/** No requirement at all is the one empty alternative. */
function alternatives(security: string[][]): string[][] {
  return security.length === 0 ? [[]] : security;
}

function text(alt: string[]): string {
  return alt.length === 0 ? 'no credentials' : alt.join(' + ');
}

/** A scheme used on both sides whose kind changed (Basic to Bearer, another header name, …). */
export function compareSchemes(d: Differ): void {
  const used = (model: ApiModel) => new Set(model.operations.flatMap((op) => op.security.flat()));
  const oldUsed = used(d.old);
  const newSchemes = new Map(d.new_.securitySchemes.map((s) => [s.name, s]));
  for (const s of d.old.securitySchemes) {
    const t = newSchemes.get(s.name);
    if (!t || !oldUsed.has(s.name)) continue;
    if (schemeText(s) !== schemeText(t)) {
      d.report('client', 'security-scheme-changed', `security scheme ${JSON.stringify(s.name)} changed from ${schemeText(s)} to ${schemeText(t)}`, { old: d.old.loc, new: d.new_.loc });
    } else if ((s.description ?? '') !== (t.description ?? '')) {
      d.report('client', 'description-changed', `security scheme ${JSON.stringify(s.name)}: description changed`, { old: d.old.loc, new: d.new_.loc });
    }
  }
}

function schemeText(s: SecuritySchemeNode): string {
  return [s.type, s.scheme, s.in, s.paramName].filter(Boolean).join(' ');
}
