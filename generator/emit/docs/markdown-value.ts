/**
 * A piece of Markdown that is already escaped. The view-model wraps every
 * fragment it builds from spec text in this class; templates print one only
 * through the `md` helper, which refuses plain strings. So a raw spec string
 * can never be printed by mistake: it has to go through an escaping helper.
 */
export class Markdown {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** Wraps already-escaped Markdown. */
export function md(text: string): Markdown {
  return new Markdown(text);
}
