import { EntityManager } from 'typeorm';
import { now } from '../../entities/columns';
import { ExternalIntegrationCall, IntegrationOutcome } from '../../entities/external-integration-call.entity';
import { IntegrationCredential } from '../../entities/integration-credential.entity';
import { Integration, LaborProductSource, PostingMode, PsaProviderKind } from '../../entities/integration.entity';
import type { CallerScope } from '../kit/scope';
import type { Scope } from '../kit/scope';
import { AppError, BadInputError, ConflictError } from '../core/errors';
import { findOrFail } from '../kit/find-or-fail';
import { idempotentWrite } from '../kit/idempotency';
import { vaultOf } from '../security/vault.service';
import { TamperedError } from '../security/vault/credential-vault';
import type { CreateIntegrationCommand } from './commands';
import { HaloProvider, HaloToken } from './psa/halo/halo-provider';
import { CallRecord, PsaHttp } from './psa/http';
import { SyncroProvider } from './psa/syncro/syncro-provider';
import type { PsaProvider } from './psa/types';

/** Published limits (PSA-CONTRACTS.md §1): Syncro 180 per minute per IP, Halo 500 per rolling 5 minutes. */
export const DEFAULT_RATE_LIMITS: Record<PsaProviderKind, { requests: number; windowSeconds: number }> = {
  [PsaProviderKind.SYNCRO]: { requests: 180, windowSeconds: 60 },
  [PsaProviderKind.HALO]: { requests: 500, windowSeconds: 300 },
};

const secretBinding = (credentialId: number) => `integration_credential:${credentialId}`;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or plain http to this machine only (a local fake or a tunnel): an API key never crosses a network in clear. */
function assertBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadInputError('baseUrl', 'must be a URL such as https://acme.syncromsp.com/api/v1');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new BadInputError('baseUrl', 'must be an https:// URL (http only to localhost)');
  if (url.username || url.password || url.search || url.hash)
    throw new BadInputError('baseUrl', 'must not carry credentials, a query or a fragment');
  return url.toString().replace(/\/+$/, '');
}

/** Adds an integration; its API key is sealed by the vault into integration_credentials and never returned. */
export function createIntegration(ctx: CallerScope, cmd: CreateIntegrationCommand): Promise<Integration> {
  const vault = vaultOf(ctx);
  const baseUrl = assertBaseUrl(cmd.baseUrl);
  const name = cmd.name.trim();
  const postingMode = cmd.postingMode ?? PostingMode.TIMER_THEN_CHARGE;
  if (cmd.provider === PsaProviderKind.HALO && !cmd.oauthClientId)
    throw new BadInputError('oauthClientId', 'HaloPSA needs the OAuth client id (the API key is its secret)');
  if (cmd.provider === PsaProviderKind.HALO && postingMode === PostingMode.LINE_ITEM)
    throw new BadInputError('postingMode', 'HaloPSA bills time on the action itself; use TIMER_THEN_CHARGE');
  const limits = DEFAULT_RATE_LIMITS[cmd.provider];
  return idempotentWrite(ctx, 'createIntegration', cmd, Integration, async (manager) => {
    if (await manager.existsBy(Integration, { name })) throw new ConflictError(`An integration named "${name}" exists.`, 'name');
    if (await manager.existsBy(IntegrationCredential, { provider: cmd.provider, name }))
      throw new ConflictError(`${cmd.provider} already has credentials named "${name}".`, 'name');
    const at = now();
    const credential = await manager.save(
      manager.create(IntegrationCredential, { provider: cmd.provider, name, baseUrl, createdAt: at, updatedAt: at }),
    );
    Object.assign(credential, vault.seal(cmd.apiKey.trim(), secretBinding(credential.id)));
    await manager.save(credential);
    return manager.save(
      manager.create(Integration, {
        provider: cmd.provider,
        name,
        baseUrl,
        credentialId: credential.id,
        oauthClientId: cmd.oauthClientId?.trim() || null,
        postingMode,
        productSource: cmd.productSource ?? LaborProductSource.LABOR_TYPE,
        categoryProductsJson: JSON.stringify(Object.fromEntries((cmd.categoryProducts ?? []).map((p) => [p.category, p.productId.trim()]))),
        defaultProductId: cmd.defaultProductId?.trim() || null,
        hiddenComments: cmd.hiddenComments ?? true,
        doNotEmail: cmd.doNotEmail ?? true,
        rateLimitRequests: cmd.rateLimitRequests ?? limits.requests,
        rateLimitWindowSeconds: cmd.rateLimitWindowSeconds ?? limits.windowSeconds,
        timeoutSeconds: cmd.timeoutSeconds ?? 15,
        createdAt: at,
        updatedAt: at,
      }),
    );
  });
}

export async function activeIntegration(manager: EntityManager, id: string, field = 'integrationId'): Promise<Integration> {
  const integration = await findOrFail(manager, Integration, id, field);
  if (integration.archivedAt) throw new ConflictError(`Integration ${integration.id} is archived.`, field);
  return integration;
}

/** Work category → product id, as configured. */
export const categoryProducts = (integration: Integration): Record<string, string> =>
  JSON.parse(integration.categoryProductsJson || '{}') as Record<string, string>;

function apiKeyOf(ctx: CallerScope, credential: IntegrationCredential): string {
  if (!credential.ciphertext)
    throw new ConflictError(`Integration credentials ${credential.id} hold no API key; create the integration again.`, 'integrationId');
  try {
    return vaultOf(ctx).open(
      credential as IntegrationCredential & { ciphertext: string; iv: string; authTag: string; keyVersion: number },
      secretBinding(credential.id),
    );
  } catch (error) {
    if (error instanceof TamperedError)
      throw new AppError(
        'TAMPERED',
        `The stored API key of integration credentials ${credential.id} failed its integrity check; create the integration again.`,
      );
    throw error;
  }
}

/** Writes one outbound attempt to external_integrations, at once and outside any transaction: the log survives a failed post. */
const recorder = (scope: Scope, integration: Integration, sessionId: number | null) => async (call: CallRecord) => {
  await scope.db.manager.insert(ExternalIntegrationCall, {
    provider: integration.provider,
    action: call.operation,
    requestSummary: `${call.method} ${call.path}`.slice(0, 2000),
    responseStatus: call.status,
    outcome: call.outcome as IntegrationOutcome,
    durationMs: call.durationMs,
    ticketId: call.ticketId,
    requestId: scope.requestId.slice(0, 100),
    integrationId: integration.id,
    sessionId,
    createdAt: now(),
  });
};

/** The adapter for an integration, its calls throttled by the shared budget and recorded. */
export async function providerFor(ctx: CallerScope, integration: Integration, sessionId: number | null = null): Promise<PsaProvider> {
  const credential = await findOrFail(ctx.db.manager, IntegrationCredential, integration.credentialId);
  const apiKey = apiKeyOf(ctx, credential);
  const common = {
    provider: integration.provider,
    baseUrl: integration.baseUrl,
    budget: { requests: integration.rateLimitRequests, windowSeconds: integration.rateLimitWindowSeconds },
    throttle: (key: string, points: number, duration: number) => ctx.rateLimits.outboundCall(key, points, duration),
    timeoutMs: integration.timeoutSeconds * 1000,
    record: recorder(ctx, integration, sessionId),
  };
  if (integration.provider === PsaProviderKind.HALO) {
    const tokenHttp = new PsaHttp({ ...common, authHeaders: async () => ({}) });
    const token = new HaloToken(
      () => tokenHttp,
      `${new URL(integration.baseUrl).origin}/auth/token`,
      integration.oauthClientId ?? '',
      apiKey,
    );
    return new HaloProvider(new PsaHttp({ ...common, authHeaders: () => token.headers() }));
  }
  return new SyncroProvider(new PsaHttp({ ...common, authHeaders: async () => ({ authorization: `Bearer ${apiKey}` }) }));
}
