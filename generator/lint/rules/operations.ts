/**
 * Operation rules that Redocly's built-ins do not cover the way an SDK needs:
 * `operation-id-valid` (every operation has an operationId that makes a
 * method name, and no two make the same one) and `operation-tag` (every
 * operation has a tag, which picks its client resource group).
 */
import type { Oas3Rule, UserContext } from '@redocly/openapi-core';
import { camelCase, fallbackOperationId, missingOperationIdMessage } from '../../model/names.js';

/** Starts with a letter; then letters, digits, `_`, `-` or `.` (camelCased into the method name). */
const OPERATION_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export const OperationIdValid: Oas3Rule = () => {
  const byMethodName = new Map<string, string>();
  return {
    Operation(node: object, ctx: UserContext) {
      const id = (node as { operationId?: unknown }).operationId;
      if (id === undefined) {
        // Worded as `generate` warns about it, with the method name the model derives.
        const method = camelCase(fallbackOperationId(String(ctx.key), pathOf(ctx)), 'operation');
        ctx.report({ message: missingOperationIdMessage(operationLabel(ctx), method), location: ctx.location.key() });
        return;
      }
      const at = ctx.location.child(['operationId']);
      if (typeof id !== 'string' || !OPERATION_ID.test(id)) {
        const shown = JSON.stringify(id);
        ctx.report({ message: `operationId ${shown} is not valid: use a letter, then letters, digits, "_", "-" or "."`, location: at });
        return;
      }
      const method = camelCase(id, 'operation');
      const other = byMethodName.get(method);
      if (other !== undefined && other !== id) {
        ctx.report({ message: `operationId ${JSON.stringify(id)} gives the same method name (${method}) as ${JSON.stringify(other)}`, location: at });
      } else {
        byMethodName.set(method, id);
      }
    },
  };
};

export const OperationTag: Oas3Rule = () => ({
  Operation(node: object, ctx: UserContext) {
    const tags = (node as { tags?: unknown }).tags;
    if (!Array.isArray(tags) || tags.length === 0) {
      const location = tags === undefined ? ctx.location.key() : ctx.location.child(['tags']);
      ctx.report({ message: `${operationLabel(ctx)} has no tag; its first tag picks the client resource group`, location });
      return;
    }
    const first = tags[0];
    if (typeof first !== 'string' || first.trim() === '') {
      ctx.report({ message: `${operationLabel(ctx)}: the first tag must be a non-empty name`, location: ctx.location.child(['tags', 0]) });
    }
  },
});

/** `GET /calls`, from the walk's position. */
export function operationLabel(ctx: UserContext): string {
  const path = pathOf(ctx);
  return path.startsWith('/') ? `${String(ctx.key).toUpperCase()} ${path}` : `operation ${String(ctx.key).toUpperCase()}`;
}

/** The path key the operation sits under (`/calls`), unescaped from its JSON pointer. */
function pathOf(ctx: UserContext): string {
  const segments = ctx.location.pointer.split('/');
  return (segments.at(-2) ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}
