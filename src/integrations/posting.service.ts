import { recordEvent } from '../webhooks/outbox';
import { sessionPosted } from '../webhooks/payloads';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { Integration, LaborProductSource, PostingMode } from '../../entities/integration.entity';
import { LaborType } from '../../entities/labor-type.entity';
import { Session } from '../../entities/session.entity';
import { TicketLink } from '../../entities/ticket-link.entity';
import { WorkItem } from '../../entities/work-item.entity';
import type { CallerScope } from '../kit/scope';
import { BadInputError, ConflictError } from '../core/errors';
import { findOrFail } from '../kit/find-or-fail';
import { idempotentWrite } from '../kit/idempotency';
import type { PostSessionCommand, TicketRefCommand } from './commands';
import { activeIntegration, categoryProducts, providerFor } from './integration.service';
import { postMarker } from './psa/marker';
import type { PsaProvider, PsaTicket, TicketRef } from './psa/types';
import { writeOnce } from './psa/write-once';

export interface PostedTime {
  id: string;
  kind: 'TIMER' | 'LINE_ITEM';
  minutes: number;
  productId: string | null;
  charged: boolean;
  /** Found on the PSA by its marker (an earlier attempt landed it) rather than posted now. */
  reconciled: boolean;
}

export interface PostedSession {
  ticket: PsaTicket;
  comment: { id: string; reconciled: boolean } | null;
  timeEntries: PostedTime[];
}

export interface PostSessionResult extends PostedSession {
  ticketLink: TicketLink;
  alreadyPosted: boolean;
  text: string;
}

const MAX_COMMENT = 20_000;

function ticketRef(ref: TicketRefCommand): TicketRef {
  const id = ref.id?.trim();
  const number = ref.number?.trim();
  if (!!id === !!number) throw new BadInputError('ticket', 'give exactly one of id (the PSA’s internal id) or number (the one people see)');
  return id ? { id } : { number: number! };
}

/** Billable minutes of the session per labor product (null: the PSA's default product). */
async function timeByProduct(manager: EntityManager, integration: Integration, items: WorkItem[]): Promise<Map<string | null, number>> {
  const billable = items.filter((w) => w.billable && w.billableCentiminutes > 0);
  const laborIds = [...new Set(billable.map((w) => w.laborTypeId).filter((id): id is number => id != null))];
  const labor = new Map((laborIds.length ? await manager.findBy(LaborType, { id: In(laborIds) }) : []).map((l) => [l.id, l.psaProductId]));
  const byCategory = categoryProducts(integration);
  const centi = new Map<string | null, number>();
  for (const w of billable) {
    const own =
      integration.productSource === LaborProductSource.WORK_CATEGORY
        ? byCategory[w.category]
        : w.laborTypeId != null
          ? labor.get(w.laborTypeId)
          : null;
    const product = own ?? integration.defaultProductId ?? null;
    centi.set(product, (centi.get(product) ?? 0) + w.billableCentiminutes);
  }
  return new Map([...centi].map(([product, c]) => [product, Math.max(1, Math.round(c / 100))]));
}

/** The stored summary of an ended session; for an open one (an agent posting its own) its title and work so far. */
function commentBody(session: Session, items: WorkItem[], marker: string): string {
  const work = items.map((w) => `- ${w.description} (${w.minutes} min)`).join('\n');
  const summary = (session.summary ?? [session.title ?? `Session ${session.id}`, work].filter(Boolean).join('\n\n')).trim();
  const room = MAX_COMMENT - marker.length - 2;
  return `${summary.length > room ? `${summary.slice(0, room - 1)}…` : summary}\n\n${marker}`;
}

async function postTime(
  provider: PsaProvider,
  integration: Integration,
  ticket: PsaTicket,
  session: Session,
  rateCents: number,
  product: string | null,
  minutes: number,
): Promise<PostedTime> {
  const title = session.title ?? `Session ${session.id}`;
  const name = provider.key;
  if (integration.postingMode === PostingMode.LINE_ITEM) {
    const marker = postMarker(integration.id, ticket.id, session.id, `line:${product ?? 'default'}`);
    const { value, found } = await writeOnce({
      provider: name,
      what: 'adding the line item',
      find: async () => (await provider.listLineItems(ticket.id)).find((l) => l.description.includes(marker)),
      write: () =>
        provider.addLineItem(ticket.id, {
          name: 'Labor',
          description: `${title}: ${minutes} min ${marker}`,
          productId: product,
          quantityHours: minutes / 60,
          priceCents: rateCents,
        }),
    });
    return { id: value.id, kind: 'LINE_ITEM', minutes, productId: product, charged: true, reconciled: found };
  }
  const marker = postMarker(integration.id, ticket.id, session.id, `time:${product ?? 'default'}`);
  const findEntry = async () => (await provider.listTimeEntries(ticket.id)).find((e) => e.notes.includes(marker));
  const entry = await writeOnce({
    provider: name,
    what: 'adding the time entry',
    find: findEntry,
    write: () => provider.addTimeEntry(ticket.id, { startAt: session.startedAt, minutes, notes: `${title} ${marker}`, productId: product }),
  });
  let charged = entry.value.charged;
  if (provider.billsInTwoSteps && !charged) {
    // charged only while still unrecorded: a second charge would bill the time twice
    await writeOnce({
      provider: name,
      what: 'charging the time entry',
      checkFirst: entry.found,
      find: async () => ((await findEntry())?.charged ? true : undefined),
      write: async () => (await provider.chargeTimeEntry(ticket.id, entry.value.id)).charged,
    });
    charged = true;
  }
  return {
    id: entry.value.id,
    kind: 'TIMER',
    minutes: entry.value.minutes || minutes,
    productId: product,
    charged,
    reconciled: entry.found,
  };
}

function describe(integration: Integration, posted: PostedSession, already: boolean): string {
  const parts = [
    posted.comment ? `comment ${posted.comment.id}` : null,
    ...posted.timeEntries.map(
      (t) => `${t.minutes} min as ${t.kind === 'TIMER' ? `time entry ${t.id}${t.charged ? ' (charged)' : ''}` : `line item ${t.id}`}`,
    ),
  ].filter(Boolean);
  const what = parts.length ? parts.join(', ') : 'nothing';
  return `${already ? 'Already posted' : 'Posted'} to ${integration.name} ticket #${posted.ticket.number} "${posted.ticket.subject}": ${what}.`;
}

const inFlight = new Map<number, Promise<unknown>>();

/** One post per session at a time in this process, so two concurrent calls cannot both miss each other's writes. */
async function oneAtATime<T>(sessionId: number, work: () => Promise<T>): Promise<T> {
  while (inFlight.has(sessionId)) await inFlight.get(sessionId)!.catch(() => undefined);
  const running = work();
  inFlight.set(sessionId, running);
  try {
    return await running;
  } finally {
    inFlight.delete(sessionId);
  }
}

function answerFromLink(link: TicketLink, integration: Integration, already: boolean): PostSessionResult {
  const posted = JSON.parse(link.postedJson!) as PostedSession;
  posted.ticket.updatedAt = posted.ticket.updatedAt ? new Date(posted.ticket.updatedAt) : null;
  return { ...posted, ticketLink: link, alreadyPosted: already, text: describe(integration, posted, already) };
}

const sameTicket = (link: TicketLink, ref: TicketRef) =>
  ref.id !== undefined ? link.ticketId === ref.id : link.ticketNumber === ref.number;

/**
 * Posts a session to a PSA ticket in one call: its summary as a comment (private by default) and
 * its billable time per labor product, as a charged timer entry or a line item. Every write is stamped
 * with a marker and read back before it is sent again, so nothing lands twice. Only when the PSA has it
 * all are the session and its work items locked as posted, with the ticket link, in one transaction
 * (an open session then takes no more work, as a billed one).
 */
export async function postSessionToTicket(ctx: CallerScope, cmd: PostSessionCommand): Promise<PostSessionResult> {
  const ref = ticketRef(cmd.ticket);
  const wantComment = cmd.comment ?? true;
  const wantTime = cmd.timeEntry ?? true;
  if (!wantComment && !wantTime) throw new BadInputError('comment', 'nothing to post: set comment or timeEntry');
  if (cmd.attachSummary)
    throw new BadInputError(
      'attachSummary',
      'attaching the summary as a file is not supported yet (the PSA must fetch it from a public URL); the comment carries it',
    );
  const sessionId = Number(cmd.sessionId);
  return oneAtATime(sessionId, async () => {
    const session = await findOrFail(ctx.db.manager, Session, cmd.sessionId, 'sessionId');
    const integration = await activeIntegration(ctx.db.manager, cmd.integrationId);
    if (session.postedAt) {
      const link = await ctx.db.manager.findOne(TicketLink, { where: { sessionId, postedAt: Not(IsNull()) }, order: { id: 'DESC' } });
      if (link && link.integrationId === integration.id && sameTicket(link, ref)) return answerFromLink(link, integration, true);
      throw new ConflictError(
        `Session ${session.id} was already posted to ${link?.provider ?? 'a PSA'} ticket #${link?.ticketNumber ?? link?.ticketId ?? '?'}; an admin can unlockBilled it first.`,
        'sessionId',
      );
    }
    if (session.billedAt)
      throw new ConflictError(`Session ${session.id} is billed here already; posting its time would bill it twice.`, 'sessionId');

    const items = await ctx.db.manager.findBy(WorkItem, { sessionId });
    const minutesByProduct = wantTime ? await timeByProduct(ctx.db.manager, integration, items) : new Map<string | null, number>();
    const rateCents = session.clientId ? ((await ctx.db.manager.findOneBy(Client, { id: session.clientId }))?.hourlyRateCents ?? 0) : 0;

    const provider = await providerFor(ctx, integration, sessionId);
    const ticket = await provider.getTicket(ref);
    let comment: PostedSession['comment'] = null;
    if (wantComment) {
      const marker = postMarker(integration.id, ticket.id, sessionId, 'comment');
      const { value, found } = await writeOnce({
        provider: provider.key,
        what: 'adding the comment',
        find: async () => (await provider.listComments(ticket.id)).find((c) => c.body.includes(marker)),
        write: () =>
          provider.addComment(ticket.id, {
            subject: `Work summary: ${session.title ?? `session ${sessionId}`}`.slice(0, 200),
            body: commentBody(session, items, marker),
            hidden: integration.hiddenComments,
            doNotEmail: integration.doNotEmail,
          }),
      });
      comment = { id: value.id, reconciled: found };
    }
    const timeEntries: PostedTime[] = [];
    for (const [product, minutes] of minutesByProduct)
      timeEntries.push(await postTime(provider, integration, ticket, session, rateCents, product, minutes));

    const posted: PostedSession = { ticket, comment, timeEntries };
    const link = await idempotentWrite(ctx, 'postSessionToTicket', cmd, TicketLink, async (manager) => {
      const locked = await findOrFail(manager, Session, sessionId, 'sessionId', true);
      const at = now();
      locked.postedAt = at;
      locked.updatedAt = at;
      await manager.save(locked);
      const rows = await manager.findBy(WorkItem, { sessionId });
      for (const row of rows) row.postedAt = at;
      await manager.save(rows);
      const key = { sessionId, provider: integration.provider as string, ticketId: ticket.id };
      const row = (await manager.findOneBy(TicketLink, key)) ?? manager.create(TicketLink, { ...key, url: null, createdAt: at });
      Object.assign(row, { integrationId: integration.id, ticketNumber: ticket.number, postedAt: at, postedJson: JSON.stringify(posted) });
      // in the transaction that locks the session: the event is sent once the post is recorded, and only then
      await recordEvent(
        manager,
        'session.posted',
        sessionPosted({
          sessionId,
          clientId: locked.clientId,
          integrationId: integration.id,
          provider: integration.provider,
          ticketId: ticket.id,
          commentId: comment?.id,
          timeEntryId: timeEntries[0]?.id,
        }),
      );
      return manager.save(row);
    });
    return { ...posted, ticketLink: link, alreadyPosted: false, text: describe(integration, posted, false) };
  });
}
