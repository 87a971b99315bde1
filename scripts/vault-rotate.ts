/**
 * `npm run vault:rotate`: re-encrypts every stored secret with the current vault key (the keyring's
 * "current" version), in batches, printing progress. Safe to stop and run again: it carries on.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database/open-database';
import { rotateVaultKey } from '../src/security/vault.service';
import { vaultFromConfig } from '../src/security/vault/credential-vault';
import { systemScope } from '../src/kit/scope';

async function main() {
  const config = loadConfig();
  // rotating re-encrypts under an existing keyring; a new one would hold no key the secrets were sealed with
  const vault = vaultFromConfig(config, console.warn, false);
  if (!vault)
    throw new Error(
      `No vault key: set MSP_VAULT_KEY, or MSP_VAULT_KEYRING_FILE (now ${config.MSP_VAULT_KEYRING_FILE}, which does not exist).`,
    );
  const { db } = await openDatabase(config.DATABASE_URL);
  const scope = systemScope(db, 'vault-rotate');
  let done = 0;
  for (;;) {
    const { reencrypted, remaining, keyVersion } = await rotateVaultKey(scope, vault, 200);
    done += reencrypted;
    const total = done + remaining;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stdout.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} re-encrypted to key version ${keyVersion}`,
    );
    if (!remaining || !reencrypted) break;
  }
  process.stdout.write('\n');
  await db.dataSource.destroy();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
