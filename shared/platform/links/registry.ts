import { config } from '../config';
import type { ItemKey, PlatformStore } from '../ports';
import { hashLinkToken, type LinkRecord, type LinkScope, looksLikeToken, newLinkToken } from './token';

export interface Contact {
  name: string;
  email: string;
}

/**
 * What the page behind a link shows. `form` pages carry a feature's own view model, told apart
 * by its `form` field; the handler renders them (use cases never produce HTML).
 */
export type LinkPage<Form extends { form: string } = { form: string }> =
  | { kind: 'problem'; status: number; title: string; message: string; contact?: Contact }
  | { kind: 'done'; title: string; message: string }
  | { kind: 'form'; status: number; model: Form };

export interface OpenedLink<S extends LinkScope> {
  hash: string;
  link: LinkRecord<S>;
  scope: S;
  /** On a POST, what the kind's `prefetch` named, read with the link (undefined where absent). */
  prefetched?: (Record<string, unknown> | undefined)[];
}

type LinkDeps = { platform: PlatformStore; clock: { now(): Date } };

/**
 * A kind of emailed link a feature offers (a report, a condition's evidence, later a bid or a
 * calendar feed). The registry resolves the token, refuses unknown, revoked, used and expired
 * links the same way for every kind, and hands the rest to the kind.
 */
export interface LinkKind<S extends LinkScope, DV, DP extends DV, Form extends { form: string }> {
  kind: S['kind'];
  /** The route prefix its URLs live under (`/r` → `<APP_URL>/r/<token>`). */
  path: string;
  /**
   * `single-use`: the POST that records something consumes the link in the same transaction
   * (the kind's store does it). `reusable`: never consumed, only revoked (calendar feeds).
   */
  policy: 'single-use' | 'reusable';
  /** The id a form carries back in its `scope` field, so a form posted to another link is refused. */
  scopeId(scope: S): string;
  /** Whom to ask when the link no longer works. */
  contact(deps: DV, scope: S): Promise<Contact | undefined>;
  /** A GET gets fewer dependencies than a POST (`DV` ⊂ `DP`): showing a page can resume nothing. */
  view(deps: DV, opened: OpenedLink<S>): Promise<LinkPage<Form>>;
  /**
   * POST only: the records `post` will need, named by the form's scope id, so they are read in
   * the same round trip as the link (`opened.prefetched`). The scope is checked against the
   * link before `post` sees them.
   */
  prefetch?(scopeId: string): ItemKey[];
  /** Records what was sent; `linkRefused` when the store refused it (link spent meanwhile): the registry then says why. */
  post?(deps: DP, opened: OpenedLink<S>, form: Record<string, string>): Promise<LinkPage<Form> | typeof linkRefused>;
}

/** What a kind's POST returns when its transaction found the link (or its subject) no longer open. */
export const linkRefused = Symbol('link refused');

export const unknownLink: LinkPage<never> = {
  kind: 'problem',
  status: 404,
  title: 'This link is not recognised',
  message:
    'It may have been cut short or changed by your email program. Please copy the whole link from the email, or reply to the email you received and ask for a new link.',
};

const wrongForm: LinkPage<never> = {
  kind: 'problem',
  status: 409,
  title: 'This link belongs to a different form',
  message: 'The form you sent does not match the link it was sent to. Please open the link from your email again; nothing has been saved.',
};

/** Issues a new link of a kind; only the token's hash is stored. Returns the URL to email. */
export async function issueLink<S extends LinkScope>(
  deps: LinkDeps,
  kind: { kind: S['kind']; path: string },
  scope: S,
  validUntil: string,
): Promise<string> {
  if (scope.kind !== kind.kind) throw new Error(`a ${kind.kind} link cannot carry a ${scope.kind} scope`);
  const { token, hash } = newLinkToken();
  await deps.platform.putLink({ hash, scope, status: 'active', expiresAt: validUntil, createdAt: deps.clock.now().toISOString() });
  return linkUrl(kind.path, token);
}

/** The URL a token is emailed (or shown) as: `<APP_URL><path>/<token>`. */
export const linkUrl = (path: string, token: string) => `${config.appUrl().replace(/\/$/, '')}${path}/${token}`;

/** The link kinds one route serves; `Form` is the union of their forms' view models. */
export class LinkRegistry<DV extends LinkDeps, DP extends DV, Form extends { form: string }> {
  // biome-ignore lint/suspicious/noExplicitAny: each kind is typed where it is registered; the map only dispatches by name.
  private readonly kinds = new Map<string, LinkKind<any, DV, DP, Form>>();

  register<S extends LinkScope>(kind: LinkKind<S, DV, DP, Form>): this {
    if (this.kinds.has(kind.kind)) throw new Error(`link kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
    return this;
  }

  /** For a link that is not a form (a calendar feed): its scope if it is live, or the page saying why not. */
  async resolve(deps: DV, token: string): Promise<{ page: LinkPage<never> } | { scope: LinkScope }> {
    const opened = await this.open(deps, token);
    return 'page' in opened ? opened : { scope: opened.opened.scope };
  }

  get registered(): string[] {
    return [...this.kinds.keys()];
  }

  /** GET: shows the page. Never consumes the link: mail scanners open links too. */
  async view(deps: DV, token: string): Promise<LinkPage<Form>> {
    const opened = await this.open(deps, token);
    return 'page' in opened ? opened.page : opened.kind.view(deps, opened.opened);
  }

  /** POST: checks the form belongs to this link, then lets the kind record it. */
  async post(deps: DP, token: string, form: Record<string, string>): Promise<LinkPage<Form>> {
    const scopeId = form.scope ?? '';
    // The scope is the sender's claim until the link confirms it, so it only names keys if it looks like an id.
    const reads = SCOPE_ID.test(scopeId) ? [...this.kinds.values()].map((k) => ({ kind: k.kind, keys: k.prefetch?.(scopeId) ?? [] })) : [];
    const opened = await this.open(deps, token, reads);
    if ('page' in opened) return opened.page;
    const { kind, opened: link } = opened;
    if (!kind.post || (form.scope ?? '') !== kind.scopeId(link.scope)) return wrongForm;
    const page = await kind.post(deps, link, form);
    if (page !== linkRefused) return page;
    // Something changed since the page was read (a second click, another link): look again
    // and say what; nothing was written.
    return this.view(deps, token);
  }

  private async open(
    deps: DV,
    token: string,
    reads: { kind: string; keys: ItemKey[] }[] = [],
  ): Promise<{ page: LinkPage<never> } | { kind: LinkKind<LinkScope, DV, DP, Form>; opened: OpenedLink<LinkScope> }> {
    if (!looksLikeToken(token)) return { page: unknownLink };
    const hash = hashLinkToken(token);
    const also = reads.flatMap((r) => r.keys);
    const { link, items } =
      also.length > 0 ? await deps.platform.getLinkWith(hash, also) : { link: await deps.platform.getLink(hash), items: [] };
    const kind = link ? this.kinds.get(link.scope.kind) : undefined;
    // A link of a kind this route does not serve is as unknown as a made-up one.
    if (!link || !kind || (link.status === 'revoked' && kind.policy === 'reusable')) return { page: unknownLink };
    // A form's link is revoked when a newer one is sent (staff asked again): say so, not "unknown".
    if (link.status === 'revoked') return { page: await replaced(deps, kind, link.scope) };
    if (link.status === 'used' || link.expiresAt <= deps.clock.now().toISOString()) {
      const contact = await kind.contact(deps, link.scope);
      const ask = contact ? `ask ${contact.name}` : 'ask the sender';
      const page: LinkPage<never> =
        link.status === 'used'
          ? {
              kind: 'problem',
              status: 410,
              title: 'This link has already been used',
              message: `What you sent through it has been received. If you need to change it, ${ask} for a new link.`,
              ...(contact ? { contact } : {}),
            }
          : {
              kind: 'problem',
              status: 410,
              title: 'This link has expired',
              message: `Links stop working after a while to keep your information safe. ${ask[0]?.toUpperCase()}${ask.slice(1)} for a new one.`,
              ...(contact ? { contact } : {}),
            };
      return { page };
    }
    const before = reads.findIndex((r) => r.kind === kind.kind);
    const offset = reads.slice(0, Math.max(0, before)).reduce((n, r) => n + r.keys.length, 0);
    const prefetched = before >= 0 ? items.slice(offset, offset + (reads[before]?.keys.length ?? 0)) : undefined;
    return { kind, opened: { hash, link, scope: link.scope, ...(prefetched ? { prefetched } : {}) } };
  }
}

async function replaced<DV>(
  deps: DV,
  kind: Pick<LinkKind<LinkScope, DV, DV, { form: string }>, 'contact'>,
  scope: LinkScope,
): Promise<LinkPage<never>> {
  const contact = await kind.contact(deps, scope);
  return {
    kind: 'problem',
    status: 410,
    title: 'This link has been replaced',
    message: `A newer link was sent to you by email; please use the newest email${contact ? ` from ${contact.name}` : ''}. Nothing was saved through this one.`,
    ...(contact ? { contact } : {}),
  };
}

/** What a form's scope must look like before it may name a key to read. */
const SCOPE_ID = /^[\w.-]{1,128}$/;
