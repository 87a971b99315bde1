import type { MspClient } from '@msp-tracker/sdk';
import { z } from 'zod';
import { clientIdOf, hostIdOf } from '../context';

/** What a tool needs: the API, and the session writes go to when the caller names none. */
export interface ToolContext {
  api: MspClient;
  defaultSessionId: string | undefined;
  /** The client of the session, where known: a host name given to log_command is looked up there. */
  clientId: string | undefined;
}

export interface ToolAnswer {
  text: string;
  data: Record<string, unknown>;
}

export interface ToolSpec {
  name: string;
  title: string;
  description: string;
  /** The scope a token needs for the tool to be offered at all. */
  needs: 'msp:read' | 'msp:write';
  annotations: { readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean };
  input: z.ZodRawShape;
  run: (ctx: ToolContext, args: Record<string, unknown>) => Promise<ToolAnswer>;
}

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true };
const WRITE = { readOnlyHint: false, destructiveHint: false, idempotentHint: false };

const client = z.string().min(1).max(100).describe('The client, by slug (for example "dataforth") or id.');
const sessionId = z.string().max(20).optional().describe('The session to write to; the current one when omitted.');

function sessionOf(ctx: ToolContext, args: Record<string, unknown>): string {
  const id = (args.sessionId as string | undefined) ?? ctx.defaultSessionId;
  if (!id) throw new Error('No current session: call start_session first, or pass sessionId.');
  return id;
}

const optionalClient = async (ctx: ToolContext, ref: unknown) =>
  typeof ref === 'string' ? { clientId: await clientIdOf(ctx.api, ref) } : {};

/** The agent operations as MCP tools: inputs shaped like the GraphQL inputs, answers as the operation's compact text. */
export const TOOLS: ToolSpec[] = [
  {
    name: 'context_recovery',
    title: 'Recover a client’s context',
    description:
      "A client's last sessions, open tasks, recently used credentials (metadata only), topology and insights, in under 300 words.",
    needs: 'msp:read',
    annotations: READ,
    input: { client, limit: z.number().int().min(1).max(20).optional().describe('How many sessions (default 5).') },
    run: async (ctx, args) => {
      const { contextRecovery } = await ctx.api.ContextRecovery({
        clientId: await clientIdOf(ctx.api, args.client as string),
        ...(args.limit ? { limit: args.limit as number } : {}),
      });
      return { text: contextRecovery.text, data: contextRecovery };
    },
  },
  {
    name: 'environment_check',
    title: 'Check a command against a host',
    description:
      'Whether a command is known to fail on a host (OK, WARN or BLOCK), why, and the alternative to use; with the host’s notes and insights.',
    needs: 'msp:read',
    annotations: READ,
    input: {
      host: z.string().min(1).max(255).describe('The host name, for example "AD2".'),
      command: z.string().min(1).max(4000).describe('The command you are about to run.'),
      client: client.optional(),
      shell: z.string().max(50).optional().describe('The shell it would run in, for example "powershell 2.0".'),
    },
    run: async (ctx, args) => {
      const { environmentContext } = await ctx.api.EnvironmentContext({
        hostname: args.host as string,
        command: args.command as string,
        ...(await optionalClient(ctx, args.client)),
        ...(args.shell ? { shell: args.shell as string } : {}),
      });
      return { text: environmentContext.text, data: environmentContext };
    },
  },
  {
    name: 'start_session',
    title: 'Start a work session',
    description: 'Starts a session (MSP client work, DEV project work, or NORMAL research); later writes go to it.',
    needs: 'msp:write',
    annotations: WRITE,
    input: {
      mode: z.enum(['MSP', 'DEV', 'NORMAL']).describe('MSP: client work (billable); DEV: a project; NORMAL: research.'),
      client: client.optional(),
      projectId: z.string().max(20).optional().describe('The project id.'),
      title: z.string().max(200).optional().describe('What the session is about.'),
    },
    run: async (ctx, args) => {
      const { startSession } = await ctx.api.StartSession({
        input: {
          mode: args.mode as 'MSP',
          ...(await optionalClient(ctx, args.client)),
          ...(args.projectId ? { projectId: args.projectId as string } : {}),
          ...(args.title ? { title: args.title as string } : {}),
        },
      });
      ctx.defaultSessionId = startSession.id;
      ctx.clientId = startSession.client?.id;
      return {
        text: `Started session ${startSession.id} (${startSession.mode}${startSession.client ? `, ${startSession.client.name}` : ''}).`,
        data: startSession,
      };
    },
  },
  {
    name: 'end_session',
    title: 'End the session',
    description: 'Ends the session; the service writes its markdown summary (time per category, billable amount, commands, failures).',
    needs: 'msp:write',
    annotations: WRITE,
    input: { sessionId, summary: z.string().max(4000).optional().describe('Your own summary, kept first.') },
    run: async (ctx, args) => {
      const { endSession } = await ctx.api.EndSession({
        input: { sessionId: sessionOf(ctx, args), ...(args.summary ? { summary: args.summary as string } : {}) },
      });
      return { text: endSession.summary ?? `Ended session ${endSession.id}.`, data: endSession };
    },
  },
  {
    name: 'log_work',
    title: 'Log work',
    description: 'Logs work done in the session; the service picks category and tags from the text.',
    needs: 'msp:write',
    annotations: WRITE,
    input: {
      sessionId,
      description: z.string().min(1).max(4000).describe('What was done, in a sentence or two.'),
      minutes: z.number().int().min(1).max(1440).describe('Time spent.'),
    },
    run: async (ctx, args) => {
      const { logWorkItem } = await ctx.api.LogWorkItem({
        input: { sessionId: sessionOf(ctx, args), description: args.description as string, minutes: args.minutes as number },
      });
      return { text: `Logged work item ${logWorkItem.id} (${logWorkItem.category}, ${logWorkItem.minutes} min).`, data: logWorkItem };
    },
  },
  {
    name: 'log_command',
    title: 'Record a command',
    description:
      'Records a command that ran: exit code and error; a failure teaches the failure patterns the environment check warns with.',
    needs: 'msp:write',
    annotations: WRITE,
    input: {
      sessionId,
      command: z.string().min(1).max(4000).describe('The command line, without secrets.'),
      success: z.boolean().describe('Whether it worked.'),
      exitCode: z.number().int().optional().describe('Its exit code.'),
      errorMessage: z.string().max(4000).optional().describe('The error it printed, if it failed.'),
      host: z.string().max(255).optional().describe('The host it ran on.'),
      shell: z.string().max(50).optional().describe('The shell it ran in.'),
    },
    run: async (ctx, args) => {
      const { sessionId: _given, ...rest } = args;
      // linked to the host, the failure teaches environment_check to warn there
      const infrastructureId = typeof args.host === 'string' ? await hostIdOf(ctx.api, args.host, ctx.clientId) : undefined;
      const { logCommand } = await ctx.api.LogCommand({
        input: {
          ...(rest as { command: string; success: boolean }),
          sessionId: sessionOf(ctx, args),
          ...(infrastructureId ? { infrastructureId } : {}),
        },
      });
      return {
        text: `Recorded command ${logCommand.id} (${logCommand.success ? 'succeeded' : `failed${logCommand.failureCategory ? `, ${logCommand.failureCategory}` : ''}`}).`,
        data: logCommand,
      };
    },
  },
  {
    name: 'note',
    title: 'Write a note',
    description: 'A decision, finding or learning in the session; searchable at once.',
    needs: 'msp:write',
    annotations: WRITE,
    input: {
      sessionId,
      kind: z.enum(['DECISION', 'FINDING', 'LEARNING']).describe('What kind of note.'),
      text: z.string().min(1).max(4000).describe('The note.'),
    },
    run: async (ctx, args) => {
      const { note } = await ctx.api.Note({
        input: { sessionId: sessionOf(ctx, args), kind: args.kind as 'DECISION', text: args.text as string },
      });
      return { text: `Noted (${note.kind}).`, data: note };
    },
  },
  {
    name: 'search',
    title: 'Search the history',
    description: 'Ranked hits with snippets over sessions, work, commands, problems and notes.',
    needs: 'msp:read',
    annotations: READ,
    input: {
      text: z.string().min(1).max(500).describe('What to look for.'),
      client: client.optional(),
      mode: z.enum(['MSP', 'DEV', 'NORMAL']).optional().describe('Only sessions of this mode; NORMAL is the knowledge base.'),
      first: z.number().int().min(1).max(50).optional().describe('How many hits (default 10).'),
    },
    run: async (ctx, args) => {
      const filter = { ...(await optionalClient(ctx, args.client)), ...(args.mode ? { mode: args.mode as 'MSP' } : {}) };
      const { search } = await ctx.api.Search({
        text: args.text as string,
        filter,
        ...(args.first ? { first: args.first as number } : {}),
      });
      return { text: search.text, data: search };
    },
  },
  {
    name: 'similar_problems',
    title: 'Find similar problems',
    description: 'Problems solved before that look like this one, ranked with scores and why.',
    needs: 'msp:read',
    annotations: READ,
    input: {
      description: z.string().min(1).max(4000).describe('The symptom.'),
      client: client.optional(),
      top: z.number().int().min(1).max(10).optional().describe('How many (default 3).'),
    },
    run: async (ctx, args) => {
      const { similarProblems } = await ctx.api.SimilarProblems({
        description: args.description as string,
        ...(await optionalClient(ctx, args.client)),
        ...(args.top ? { top: args.top as number } : {}),
      });
      return { text: similarProblems.text, data: similarProblems };
    },
  },
  {
    name: 'report',
    title: 'Report hours and billing',
    description:
      'Sessions, hours, billable hours and amounts billed in [from, to), grouped by client, project, category, month or machine.',
    needs: 'msp:read',
    annotations: READ,
    input: {
      from: z.string().max(40).describe('Start, ISO time (2026-10-01T00:00:00Z).'),
      to: z.string().max(40).describe('End (exclusive), ISO time.'),
      client: client.optional(),
      groupBy: z
        .array(z.enum(['CLIENT', 'PROJECT', 'CATEGORY', 'MONTH', 'MACHINE']))
        .max(5)
        .optional()
        .describe('Groupings.'),
    },
    run: async (ctx, args) => {
      const { report } = await ctx.api.Report({
        filter: { from: args.from as string, to: args.to as string, ...(await optionalClient(ctx, args.client)) },
        groupBy: (args.groupBy as 'MONTH'[]) ?? [],
      });
      return { text: report.text, data: report };
    },
  },
  {
    name: 'pending_tasks',
    title: 'List open tasks',
    description: 'Open pending tasks, soonest due first.',
    needs: 'msp:read',
    annotations: READ,
    input: { client: client.optional() },
    run: async (ctx, args) => {
      const { pendingTasks } = await ctx.api.PendingTasks({
        filter: { status: 'OPEN', ...(await optionalClient(ctx, args.client)) },
        first: 50,
      });
      const lines = pendingTasks.nodes.map(
        (t) => `- [${t.id}] ${t.title}${t.dueDate ? ` (due ${t.dueDate})` : ''}${t.client ? `, ${t.client.name}` : ''}`,
      );
      return { text: lines.length ? lines.join('\n') : 'No open tasks.', data: pendingTasks };
    },
  },
  {
    name: 'add_task',
    title: 'Add a pending task',
    description: 'Adds a task to do later.',
    needs: 'msp:write',
    annotations: WRITE,
    input: {
      title: z.string().min(1).max(200).describe('What to do.'),
      client: client.optional(),
      dueDate: z.string().max(10).optional().describe('Due date, YYYY-MM-DD.'),
    },
    run: async (ctx, args) => {
      const { addPendingTask } = await ctx.api.AddPendingTask({
        input: {
          title: args.title as string,
          ...(await optionalClient(ctx, args.client)),
          ...(args.dueDate ? { dueDate: args.dueDate as string } : {}),
        },
      });
      return { text: `Added task ${addPendingTask.id}.`, data: addPendingTask };
    },
  },
  {
    name: 'reveal_credential',
    title: 'Reveal a credential',
    description: 'Decrypts a credential for use; every reveal is audited with its reason. Never log or repeat the value.',
    needs: 'msp:read',
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    input: {
      credentialId: z.string().min(1).max(20).describe('The credential id (context_recovery lists recent ones).'),
      reason: z.string().min(3).max(500).describe('Why it is needed, for the audit log.'),
    },
    run: async (ctx, args) => {
      const { revealCredential } = await ctx.api.RevealCredential({
        input: { credentialId: args.credentialId as string, reason: args.reason as string },
      });
      return {
        text: revealCredential.value,
        data: { credentialId: revealCredential.credentialId, revealedAt: revealCredential.revealedAt },
      };
    },
  },
  {
    name: 'search_tickets',
    title: 'Find a PSA ticket',
    description: 'Searches the PSA’s tickets (SyncroMSP, HaloPSA) through an integration: number, id, subject, customer, status.',
    needs: 'msp:read',
    annotations: READ,
    input: {
      integrationId: z.string().min(1).max(20).describe('The PSA integration id.'),
      query: z.string().max(200).optional().describe('Free text.'),
      customer: z.string().max(200).optional().describe('PSA customer name or id.'),
      status: z.string().max(100).optional().describe('Exact status name (Syncro: also "Not Closed").'),
      first: z.number().int().min(1).max(100).optional().describe('How many tickets (default 20).'),
    },
    run: async (ctx, args) => {
      const { searchTickets } = await ctx.api.SearchTickets({
        integrationId: args.integrationId as string,
        ...(args.query ? { query: args.query as string } : {}),
        ...(args.customer ? { customer: args.customer as string } : {}),
        ...(args.status ? { status: args.status as string } : {}),
        first: (args.first as number | undefined) ?? 20,
      });
      return { text: searchTickets.text, data: searchTickets };
    },
  },
  {
    name: 'post_to_ticket',
    title: 'Post the session to a PSA ticket',
    description:
      'Posts the session’s summary as a private comment and its billable time to a PSA ticket, once (a repeat posts nothing new); the session is then locked as posted and takes no more work.',
    needs: 'msp:write',
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    input: {
      sessionId,
      integrationId: z.string().min(1).max(20).describe('The PSA integration id.'),
      ticketNumber: z.string().min(1).max(100).optional().describe('The ticket number people see (or give ticketId).'),
      ticketId: z.string().min(1).max(100).optional().describe('The PSA’s internal ticket id (search_tickets lists it).'),
    },
    run: async (ctx, args) => {
      const ticket = args.ticketId ? { id: args.ticketId as string } : { number: (args.ticketNumber as string | undefined) ?? '' };
      const { postSessionToTicket } = await ctx.api.PostSessionToTicket({
        input: { sessionId: sessionOf(ctx, args), integrationId: args.integrationId as string, ticket },
      });
      return { text: postSessionToTicket.text, data: postSessionToTicket };
    },
  },
];
