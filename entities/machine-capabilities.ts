import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A package manager on a machine and its command template; `{package}` stands for the package name.' })
export class PackageManagerTemplate {
  @Field(() => String, { description: 'Package manager name, for example "apt", "brew", "winget", "choco".' })
  name: string;

  @Field(() => String, { description: 'Install command template, for example "sudo apt-get install -y {package}".' })
  install: string;
}

@ObjectType({ description: 'What a machine can do: tools, shells and access an agent may rely on.' })
export class MachineCapabilities {
  @Field(() => [String], { description: 'VPN profiles configured on the machine (names only).' })
  vpnProfiles: string[];

  @Field(() => Boolean, { description: 'Whether Docker is available.' })
  docker: boolean;

  @Field(() => String, { nullable: true, description: 'Version of the default shell, for example "5.2" for bash.' })
  shellVersion: string | null;

  @Field(() => String, { nullable: true, description: 'PowerShell version, if installed, for example "7.4".' })
  powershellVersion: string | null;

  @Field(() => [String], { description: 'MCP servers available to agents on this machine.' })
  mcps: string[];

  @Field(() => [String], { description: 'Agent skills installed on this machine.' })
  skills: string[];

  @Field(() => [PackageManagerTemplate], { description: 'Package managers and their install command templates.' })
  packageManagers: PackageManagerTemplate[];
}

export const emptyCapabilities = (): MachineCapabilities => ({
  vpnProfiles: [],
  docker: false,
  shellVersion: null,
  powershellVersion: null,
  mcps: [],
  skills: [],
  packageManagers: [],
});
