import { EntityManager, IsNull, Not } from 'typeorm';
import { now } from '../../entities/columns';
import { CredentialAction, CredentialAuditEntry } from '../../entities/credential-audit-entry.entity';
import { CredentialPermission } from '../../entities/credential-permission.entity';
import { Credential } from '../../entities/credential.entity';
import { IntegrationCredential } from '../../entities/integration-credential.entity';
import { UserRole } from '../../entities/user.entity';
import type { CallerScope } from '../kit/scope';
import { AppError, BadInputError, ConflictError, ForbiddenError } from '../core/errors';
import { CredentialVault, TamperedError } from './vault/credential-vault';
import { findOrFail } from '../kit/find-or-fail';
import { createCredential } from './security.service';
import { credentialEvents } from '../observability/events';
import type { RevealCredential, StoreCredential } from './vault.commands';
import type { Scope } from '../kit/scope';
import { recordEvent } from '../webhooks/outbox';
import { credentialRevealed } from '../webhooks/payloads';
import { Webhook } from '../../entities/webhook.entity';

const boundTo = (table: string, id: number) => `${table}:${id}`;

export function vaultOf(ctx: { vault: CredentialVault | null }): CredentialVault {
  if (!ctx.vault)
    throw new AppError('VAULT_UNAVAILABLE', 'The credential vault has no key: set MSP_VAULT_KEY or MSP_VAULT_KEYRING_FILE and restart.');
  return ctx.vault;
}

/** Who touched a credential: a request's context, or a maintenance task's scope. */
type Accessor = Scope & { viewer?: CallerScope['viewer']; ip?: string | null };

async function audit(
  manager: EntityManager,
  who: Accessor,
  credentialId: number,
  action: CredentialAction,
  reason: string | null,
): Promise<void> {
  await manager.insert(CredentialAuditEntry, {
    credentialId,
    action,
    actor: who.actor,
    sessionId: who.viewer?.sessionId ?? null,
    reason,
    ip: who.ip ?? null,
    requestId: who.requestId,
    createdAt: now(),
  });
}

/** An agent token works for its session's client only: its credentials, nobody else's. */
function assertAgentsClient(ctx: CallerScope, clientId: number | string | null | undefined): void {
  const viewer = ctx.viewer;
  if (viewer?.sessionId && (clientId == null ? null : Number(clientId)) !== (viewer.clientId ?? null)) {
    throw new ForbiddenError(
      `This agent token may only use credentials of client ${viewer.clientId ?? '(none)'}, the client of session ${viewer.sessionId}.`,
    );
  }
}

/** Encrypts a value onto an existing credential or a new one; returns metadata only. */
export async function storeCredential(ctx: CallerScope, input: StoreCredential): Promise<Credential> {
  const vault = vaultOf(ctx);
  let credentialId = input.credentialId;
  if (!credentialId) {
    assertAgentsClient(ctx, input.clientId);
    if (!input.name || !input.kind) throw new BadInputError('name', 'a new credential needs a name and a kind (or give credentialId)');
    const { value, credentialId: _none, ...metadata } = input;
    void value;
    void _none;
    credentialId = String((await createCredential(ctx, { ...metadata, name: input.name, kind: input.kind })).id);
  }
  return ctx.db.transaction(ctx, async (manager) => {
    const credential = await findOrFail(manager, Credential, credentialId!, 'credentialId', true);
    if (credential.archivedAt) throw new ConflictError(`Credential ${credential.id} is archived.`, 'credentialId');
    assertAgentsClient(ctx, credential.clientId);
    Object.assign(credential, vault.seal(input.value, boundTo('credential', credential.id)), { updatedAt: now() });
    await audit(manager, ctx, credential.id, CredentialAction.STORE, null);
    return manager.save(credential);
  });
}

async function mayReveal(manager: EntityManager, ctx: CallerScope, credential: Credential): Promise<boolean> {
  const viewer = ctx.viewer!;
  if (viewer.sessionId && credential.clientId !== (viewer.clientId ?? null)) return false;
  if (viewer.role === UserRole.ADMIN) return true;
  const grants = await manager.findBy(CredentialPermission, { credentialId: credential.id, canReveal: true });
  return grants.some((g) => g.principal === `user:${viewer.userId}` || g.principal === `role:${viewer.role}`);
}

/**
 * Decrypts a secret for the caller. The audit row is written first, in the same transaction: if it cannot
 * be written, nothing is revealed. Refusals and integrity failures are audited too.
 */
export async function revealCredential(
  ctx: CallerScope,
  input: RevealCredential,
): Promise<{ credentialId: number; value: string; revealedAt: Date }> {
  const vault = vaultOf(ctx);
  await ctx.rateLimits.reveal(`user:${ctx.viewer!.userId}`);
  const reason = input.reason.trim();
  const outcome = await ctx.db.transaction(ctx, async (manager) => {
    const credential = await findOrFail(manager, Credential, input.credentialId, 'credentialId', true);
    if (!(await mayReveal(manager, ctx, credential))) {
      await audit(manager, ctx, credential.id, CredentialAction.DENIED, reason);
      return { denied: credential.id };
    }
    if (!credential.ciphertext) throw new ConflictError(`Credential ${credential.id} has no stored value.`, 'credentialId');
    await audit(manager, ctx, credential.id, CredentialAction.REVEAL, reason);
    try {
      const value = vault.open(
        credential as Credential & { ciphertext: string; iv: string; authTag: string; keyVersion: number },
        boundTo('credential', credential.id),
      );
      credential.lastRevealedAt = now();
      await manager.save(credential);
      await recordEvent(
        manager,
        'credential.revealed',
        credentialRevealed(credential, { actor: ctx.actor, requestId: ctx.requestId, agentSessionId: ctx.viewer?.sessionId ?? null }),
      );
      return { credentialId: credential.id, value, revealedAt: credential.lastRevealedAt };
    } catch (error) {
      if (error instanceof TamperedError) return { tampered: credential.id };
      throw error;
    }
  });
  credentialEvents.emit('reveal', 'denied' in outcome ? 'denied' : 'tampered' in outcome ? 'tampered' : 'revealed');
  if ('denied' in outcome)
    throw new ForbiddenError(`You may not reveal credential ${outcome.denied}; an admin can grant it with grantCredentialAccess.`);
  if ('tampered' in outcome) {
    await ctx.db.transaction(ctx, (manager) => audit(manager, ctx, outcome.tampered!, CredentialAction.TAMPERED, reason));
    throw new AppError(
      'TAMPERED',
      `The stored value of credential ${outcome.tampered} failed its integrity check; it was not revealed. Store it again.`,
    );
  }
  return outcome as { credentialId: number; value: string; revealedAt: Date };
}

/**
 * Re-encrypts up to `batchSize` secrets on older key versions with the current key, each batch in one
 * transaction: an interruption loses nothing, and running it again carries on where it stopped.
 */
export async function rotateVaultKey(
  scope: Scope,
  vault: CredentialVault,
  batchSize: number,
): Promise<{ reencrypted: number; remaining: number; keyVersion: number }> {
  let reencrypted = 0;
  for (const [entity, table] of [
    [Credential, 'credential'],
    [IntegrationCredential, 'integration_credential'],
    [Webhook, 'webhook'],
  ] as const) {
    reencrypted += await scope.db.transaction(scope, async (manager) => {
      const rows = await manager.find(entity, {
        where: { ciphertext: Not(IsNull()), keyVersion: Not(vault.currentVersion) },
        take: batchSize - reencrypted,
        order: { id: 'ASC' },
      });
      for (const row of rows) {
        const value = vault.open(
          row as typeof row & { ciphertext: string; iv: string; authTag: string; keyVersion: number },
          boundTo(table, row.id),
        );
        Object.assign(row, vault.seal(value, boundTo(table, row.id)));
        if (row instanceof Credential) await audit(manager, scope, row.id, CredentialAction.ROTATE, null);
      }
      await manager.save(rows);
      return rows.length;
    });
    if (reencrypted >= batchSize) break;
  }
  const remaining =
    (await scope.db.manager.countBy(Credential, { ciphertext: Not(IsNull()), keyVersion: Not(vault.currentVersion) })) +
    (await scope.db.manager.countBy(IntegrationCredential, { ciphertext: Not(IsNull()), keyVersion: Not(vault.currentVersion) })) +
    (await scope.db.manager.countBy(Webhook, { ciphertext: Not(IsNull()), keyVersion: Not(vault.currentVersion) }));
  return { reencrypted, remaining, keyVersion: vault.currentVersion };
}
