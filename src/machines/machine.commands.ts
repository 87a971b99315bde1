// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { Platform } from '../../entities/machine.entity';

/** A package manager and its install command template. */
export interface PackageManagerTemplateSpec {
  name: string;
  install: string;
}

/** What the machine can do; lists hold at most 50 entries of up to 100 characters. */
export interface MachineCapabilitiesReport {
  vpnProfiles?: string[];
  docker?: boolean;
  shellVersion?: string;
  powershellVersion?: string;
  mcps?: string[];
  skills?: string[];
  packageManagers?: PackageManagerTemplateSpec[];
}

/** A machine announcing itself; the fingerprint is computed from hostname, username, platform and home directory. */
export interface RegisterMachine {
  hostname: string;
  username: string;
  platform: Platform;
  homeDirectory: string;
  preferredShell?: string;
  capabilities?: MachineCapabilitiesReport;
}
